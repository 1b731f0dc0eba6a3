/**
 * The composition root: the only place that reads window, sessionStorage and localStorage, and hands
 * them to the layers that need them.
 */
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { RouterProvider } from 'react-router'

import { resolveInitialSettings } from './app/initial-settings'
import { createAppRouter } from './app/router'
import { paths, redirectUriFor } from './config/paths'
import { SessionProvider } from './lib/session-react'
import { createPendingAuthorizationStore, createSession, systemClock } from './session'
import { saveSettings } from './settings'
import type { ProviderSettings } from './settings'

import './index.css'

const base = import.meta.env.BASE_URL
const origin = window.location.origin
const redirectUri = redirectUriFor(origin, base)
const appUrl = `${origin}${base}`

const session = createSession({
  http: { appOrigin: origin },
  pendingAuthorizations: createPendingAuthorizationStore(window.sessionStorage),
  clock: systemClock,
  navigate: (url) => {
    window.location.assign(url)
  },
})

const currentUrl = new URL(window.location.href)
const onCallback = currentUrl.pathname === `${base}${paths.callback.slice(1)}`
if (!onCallback) session.discardAbandonedSignIn()

// Back from the provider through the back-forward cache: the page is the one that left, with its
// memory; the sign-in it started is over.
window.addEventListener('pageshow', (event) => {
  if (event.persisted) session.discardAbandonedSignIn()
})

const initial = resolveInitialSettings(currentUrl.searchParams, window.localStorage, redirectUri)
const startupMessages = initial.fromLink
  ? ['Settings loaded from the link.', ...initial.warnings]
  : initial.warnings
if (initial.fromLink) {
  // The settings are in the form now; keep the address bar clean.
  window.history.replaceState(window.history.state, '', `${base}${currentUrl.hash}`)
}

const router = createAppRouter({
  session,
  basename: base,
  currentUrl: () => new URL(window.location.href),
  home: {
    initialSettings: initial.settings,
    persistSettings: (settings: ProviderSettings) => {
      saveSettings(window.localStorage, settings)
    },
    redirectUri,
    appUrl,
    startupMessages,
  },
})

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
createRoot(root).render(
  <StrictMode>
    <SessionProvider session={session}>
      <RouterProvider router={router} />
    </SessionProvider>
  </StrictMode>,
)
