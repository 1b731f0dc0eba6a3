/**
 * The composition root: the only place that reads window, sessionStorage and localStorage, and hands
 * them to the layers that need them.
 */
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { RouterProvider } from 'react-router'

import { FlowViewsContext, needsFlowViews } from './app/flow-views-context'
import type { FlowViews, FlowViewsLoad } from './app/flow-views-context'
import { resolveInitialSettings } from './app/initial-settings'
import { createAppRouter } from './app/router'
import { browserStorage, createMemoryStorage, storageKeys } from './app/memory-storage'
import { restoreRequestFor } from './app/sign-in-request'
import { createProviderWindow, postProviderWindowReturn } from './app/provider-window'
import { createSilentFrame, postSilentCallback } from './app/silent-frame'
import { syncSignOutAcrossTabs } from './app/tab-sync'
import { paths, redirectUriFor } from './config/paths'
import { ClockProvider } from './lib/clock-react'
import { SessionProvider } from './lib/session-react'
import { createViewStore, ViewProvider } from './lib/view-react'
import {
  createPendingAuthorizationStore,
  createSession,
  createTabMarkers,
  systemClock,
} from './session'
import {
  DEFAULT_VIEW_PREFERENCES,
  loadPreferences,
  loadViewPreferences,
  savePreferences,
  saveSettings,
  saveViewPreferences,
} from './settings'
import type { Preferences, ProviderSettings, ViewPreferences } from './settings'

import './index.css'

const base = import.meta.env.BASE_URL
const origin = window.location.origin
const redirectUri = redirectUriFor(origin, base)
const appUrl = `${origin}${base}`
const currentUrl = new URL(window.location.href)
const onCallback = currentUrl.pathname === `${base}${paths.callback.slice(1)}`
const inFrame = window.parent !== window

/** A cross-origin parent's location cannot be read: that is the test (HTML §7.2.3.1). */
function parentIsThisOrigin(): boolean {
  try {
    return window.parent.location.origin === origin
  } catch {
    return false
  }
}

/** The page's second chunk (app/flow-views.ts); a fetch that failed may succeed later. */
let flowPiece: Promise<FlowViews> | undefined
function loadFlowPiece(): Promise<FlowViews> {
  flowPiece ??= import('./app/flow-views').catch((error: unknown) => {
    flowPiece = undefined
    throw error
  })
  return flowPiece
}

/**
 * The page that opened this one, when it is this app: the provider's window of the provider check
 * (app/provider-window.ts), back from the provider. Another origin's opener cannot be read.
 */
function openerOfThisOrigin(): Window | undefined {
  try {
    const opener = window.opener as Window | null
    return opener !== null && opener.location.origin === origin ? opener : undefined
  } catch {
    return undefined
  }
}
const appOpener = openerOfThisOrigin()
// Any other page that opened this one keeps a handle on it; nothing here needs it (HTML §7.2.2.1).
window.opener = null

if (appOpener && !inFrame && !onCallback) {
  // Back from the provider in the window the provider check opened: the page that opened it reads
  // the URL and closes this window; nothing runs here.
  postProviderWindowReturn(appOpener)
} else if (inFrame && onCallback && parentIsThisOrigin()) {
  // The hidden frame of a silent renewal: report back to the app that opened it, render nothing.
  postSilentCallback()
} else if (inFrame) {
  // Framed by another page (the meta CSP cannot carry frame-ancestors, and some hosts send no
  // headers): that page could cover, watch or click the app, so it renders nothing but this.
  showFramedNotice()
} else {
  boot()
}

function showFramedNotice(): void {
  const notice = document.createElement('p')
  notice.setAttribute('role', 'alert')
  notice.append(
    'PKCE Lab does not run inside another page: the page around it could watch or steer a sign-in. ',
  )
  const link = document.createElement('a')
  link.href = appUrl
  link.target = '_blank'
  link.rel = 'noopener noreferrer'
  link.textContent = 'Open PKCE Lab in a tab of its own'
  notice.append(link, '.')
  document.getElementById('root')?.replaceChildren(notice)
}

function boot(): void {
  // Denied storage (a sandboxed frame, some private modes) throws on access: the app still runs on
  // storage in memory, says so, and cannot sign in, since nothing would survive the redirect.
  const tabStorage = browserStorage(() => window.sessionStorage)
  const browserWideStorage = browserStorage(() => window.localStorage)
  const storageDenied = tabStorage === undefined || browserWideStorage === undefined
  const sessionStorage = tabStorage ?? createMemoryStorage()
  const localStorage = browserWideStorage ?? createMemoryStorage()
  const markers = createTabMarkers(sessionStorage)
  const session = createSession({
    http: { appOrigin: origin },
    pendingAuthorizations: createPendingAuthorizationStore(sessionStorage),
    markers,
    timelineStorage: sessionStorage,
    clock: systemClock,
    navigate: (url) => {
      window.location.assign(url)
    },
    silentFrame: createSilentFrame({ origin, timeoutMs: 10_000 }),
    providerWindow: createProviderWindow({ origin }),
    postLogoutRedirectUri: appUrl,
    loadFlows: async () => (await loadFlowPiece()).createSessionFlows,
  })

  if (onCallback) {
    // Back from the provider. code and state leave the address bar and the history before anything
    // else runs (RFC 9700 §4.2.4); the session gets the whole callback URL, fragment included, since
    // tokens a hostile provider put there must be seen to be refused. Handled here, outside React,
    // so nothing that renders twice can exchange the code twice; the token request is under way
    // before the page renders.
    window.history.replaceState(null, '', base)
    void session.completeSignIn(currentUrl)
  } else {
    session.discardAbandonedSignIn()
  }

  // Back from the provider through the back-forward cache: the page is the one that left, with its
  // memory; the sign-in it started is over.
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) session.discardAbandonedSignIn()
  })
  // Timers are late or frozen while a laptop sleeps or a tab is hidden; re-check when it is back.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') session.wake()
  })
  window.addEventListener('online', () => {
    session.wake()
  })
  syncSignOutAcrossTabs(session)

  const initial = resolveInitialSettings(currentUrl.searchParams, localStorage)
  const preferences = loadPreferences(localStorage)
  const view = createViewStore(loadViewPreferences(localStorage), (next) => {
    saveViewPreferences(localStorage, next)
  })
  // The theme is an attribute on <html>, so the tokens in index.css switch before React renders.
  const applyTheme = ({ theme }: ViewPreferences) => {
    if (theme === 'system') delete document.documentElement.dataset.theme
    else document.documentElement.dataset.theme = theme
  }
  applyTheme(view.get())
  view.subscribe(() => {
    applyTheme(view.get())
  })

  if (!onCallback && currentUrl.searchParams.has('state') && !initial.link) {
    // Back from the provider's end-session endpoint (RP-Initiated Logout §3).
    void session.completeSignOut(currentUrl.searchParams.get('state'))
  }
  if (!onCallback && (initial.link || currentUrl.search)) {
    // The settings are in the form now; keep the address bar clean.
    window.history.replaceState(window.history.state, '', `${base}${currentUrl.hash}`)
  }

  // Never on a page load that carries a settings link, and only for the issuer and client this tab
  // was signed in with.
  const snapshot = session.getSnapshot()
  const restore =
    snapshot.status === 'signed-out' && snapshot.restorable
      ? restoreRequestFor(initial.settings, snapshot.restorable, redirectUri)
      : undefined
  if (!onCallback && preferences.autoRestore && !initial.link && restore?.ok) {
    void session.restoreSilently(restore.request)
  }

  const router = createAppRouter({
    basename: base,
    home: {
      initialSettings: initial.settings,
      persistSettings: (settings: ProviderSettings) => {
        saveSettings(localStorage, settings)
      },
      initialPreferences: preferences,
      persistPreferences: (next: Preferences) => {
        savePreferences(localStorage, next)
      },
      redirectUri,
      appUrl,
      ...(initial.link ? { settingsLink: initial.link } : {}),
      storageDenied,
      inspectStorage: () => ({
        items: (
          [
            ['sessionStorage', sessionStorage],
            ['localStorage', localStorage],
          ] as const
        ).flatMap(([where, storage]) =>
          storageKeys(storage)
            .filter((key) => key.startsWith('pkce-lab:'))
            .sort()
            .map((key) => ({ where, key })),
        ),
        addressHasQuery: window.location.search !== '',
      }),
      forgetStored: () => {
        view.set(DEFAULT_VIEW_PREFERENCES)
        for (const storage of [sessionStorage, localStorage]) {
          for (const key of storageKeys(storage)) {
            if (key.startsWith('pkce-lab:')) storage.removeItem(key)
          }
        }
      },
    },
  })

  const rootElement = document.getElementById('root')
  if (!rootElement) throw new Error('index.html has no #root element')
  const root = createRoot(rootElement)
  let flowViews: FlowViewsLoad = { status: 'not-needed-yet' }

  function render(): void {
    root.render(
      <StrictMode>
        <ClockProvider clock={systemClock}>
          <SessionProvider session={session}>
            <ViewProvider store={view}>
              <FlowViewsContext value={flowViews}>
                <RouterProvider router={router} />
              </FlowViewsContext>
            </ViewProvider>
          </SessionProvider>
        </ClockProvider>
      </StrictMode>,
    )
  }

  // What a flow shows comes with the flows, in the second chunk: on view once the session first has
  // more than the form to show. A failed fetch is tried again at the session's next change.
  function loadFlowViewsWhenNeeded(): void {
    if (flowViews.status === 'loading' || flowViews.status === 'loaded') return
    if (!needsFlowViews(session.getSnapshot(), session.getTimeline())) return
    flowViews = { status: 'loading' }
    void loadFlowPiece().then(
      (views) => {
        flowViews = { status: 'loaded', views }
        render()
      },
      () => {
        flowViews = { status: 'failed' }
        render()
      },
    )
  }
  session.subscribe(loadFlowViewsWhenNeeded)
  loadFlowViewsWhenNeeded()
  render()
}
