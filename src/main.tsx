/**
 * The composition root: the only place that reads window, sessionStorage and localStorage, and hands
 * them to the layers that need them.
 */
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { RouterProvider } from 'react-router'

import { resolveInitialSettings } from './app/initial-settings'
import { preloadFlowViews, preloadSignedInViews, preloadTokenViews } from './app/lazy-views'
import { createAppRouter } from './app/router'
import { browserStorage, createMemoryStorage, storageKeys } from './app/memory-storage'
import { restoreRequestFor } from './app/sign-in-request'
import { paths, redirectUriFor } from './config/paths'
import { ClockProvider } from './lib/clock-react'
import { SessionProvider } from './lib/session-react'
import {
  createPendingAuthorizationStore,
  createSession,
  createTabMarkers,
  systemClock,
} from './session'
import { loadPreferences, savePreferences, saveSettings } from './settings'
import type { Preferences, ProviderSettings } from './settings'

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

// The hidden frame of silent renewal, loaded only when a renewal needs it.
const loadSilentFrame = () => import('./app/silent-frame')

// A page that opened this one keeps a handle on it; nothing here needs it (HTML §7.2.2.1).
window.opener = null

if (inFrame && onCallback && parentIsThisOrigin()) {
  // The hidden frame of a silent renewal: report back to the app that opened it, render nothing.
  void loadSilentFrame().then((frame) => {
    frame.postSilentCallback()
  })
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
    silentFrame: async (authorizationUrl) =>
      (await loadSilentFrame()).createSilentFrame({ origin, timeoutMs: 10_000 })(authorizationUrl),
    postLogoutRedirectUri: appUrl,
  })

  if (!onCallback) session.discardAbandonedSignIn()

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

  const initial = resolveInitialSettings(currentUrl.searchParams, localStorage)
  const preferences = loadPreferences(localStorage)

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

  function render(): void {
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
          for (const storage of [sessionStorage, localStorage]) {
            for (const key of storageKeys(storage)) {
              if (key.startsWith('pkce-lab:')) storage.removeItem(key)
            }
          }
        },
      },
    })

    const root = document.getElementById('root')
    if (!root) throw new Error('index.html has no #root element')
    createRoot(root).render(
      <StrictMode>
        <ClockProvider clock={systemClock}>
          <SessionProvider session={session}>
            <RouterProvider router={router} />
          </SessionProvider>
        </ClockProvider>
      </StrictMode>,
    )
  }

  // The first screen is only the settings form. What a sign-in needs first (the flows with the
  // protocol layer, and what the page says while they run) is fetched once the page is idle, so
  // pressing "Sign in" waits for the provider only. The learning views, JOSE and the catalogues
  // load when they are needed.
  const preloadWhenIdle = (signedIn: boolean) => {
    whenIdle(() => {
      void session.preload()
      void preloadFlowViews()
      if (signedIn) void preloadSignedInViews()
      // Another tab's sign-out matters only to a signed-in tab: the channel opens once this page is
      // idle, and starts from the session as it is then.
      void import('./app/tab-sync').then((sync) => {
        sync.syncSignOutAcrossTabs(session)
      })
    })
  }

  if (onCallback) {
    // Back from the provider. code and state leave the address bar and the history before anything
    // else runs (RFC 9700 §4.2.4); the session gets the whole callback URL, fragment included, since
    // tokens a hostile provider put there must be seen to be refused. Handled here, outside React,
    // so nothing that renders twice can exchange the code twice.
    window.history.replaceState(null, '', base)
    // The code exchange goes first, as soon as the flows' code is here. The page renders (it says
    // only that the sign-in is completing), and the views of the tokens load (fetched when the
    // sign-in started, so usually from the browser's cache), while the token request is under way;
    // anything else would hold up the answer's checks, and waits for the tokens.
    void session.preload().then(async () => {
      const completed = session.completeSignIn(currentUrl)
      render()
      void preloadTokenViews()
      await completed
      preloadWhenIdle(session.getSnapshot().status === 'signed-in')
    })
  } else {
    render()
    preloadWhenIdle(false)
  }
}

function whenIdle(run: () => void): void {
  if (typeof window.requestIdleCallback === 'function') {
    window.requestIdleCallback(run, { timeout: 2_000 })
  } else {
    window.setTimeout(run, 500)
  }
}
