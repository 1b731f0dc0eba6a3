/* global document, location, history, performance, sessionStorage */
/**
 * A benchmark peer: the job of PKCE Lab's happy path (sign in with code + PKCE, show the ID token's
 * claims, refresh on demand) as a developer would build it with oidc-client-ts and
 * react-oidc-context, following their READMEs: an AuthProvider that handles the callback on its own
 * (discovery included) and removes the code from the address bar, `useAuth` for the rest. Plain
 * createElement rather than JSX, so it needs no build step beyond Vite's defaults. Dev-only: built
 * by `npm run bench`.
 */
import { WebStorageStateStore } from 'oidc-client-ts'
import { createElement as h, StrictMode, useState } from 'react'
import { createRoot } from 'react-dom/client'
import { AuthProvider, useAuth } from 'react-oidc-context'

const issuer = import.meta.env.VITE_BENCH_ISSUER ?? 'http://127.0.0.1:5680'

/** @type {import('react-oidc-context').AuthProviderProps} */
const oidcConfig = {
  authority: issuer,
  client_id: 'pkce-lab',
  redirect_uri: `${location.origin}/callback`,
  scope: 'openid profile email offline_access',
  // The local provider issues a refresh token for offline_access only after consent.
  prompt: 'consent',
  automaticSilentRenew: false,
  userStore: new WebStorageStateStore({ store: sessionStorage }),
  onSigninCallback: () => {
    history.replaceState({}, document.title, '/')
  },
}

/** @param {unknown} error */
const message = (error) => (error instanceof Error ? error.message : String(error))

function SignedIn() {
  const auth = useAuth()
  const [rows, setRows] = useState(/** @type {{ outcome: string, ms: number }[]} */ ([]))
  const [refreshing, setRefreshing] = useState(false)
  const claims = auth.user?.profile ?? {}

  function refresh() {
    const startedAt = performance.now()
    setRefreshing(true)
    /** @param {string} outcome */
    const done = (outcome) => {
      setRows((previous) => [
        { outcome, ms: Math.round(performance.now() - startedAt) },
        ...previous,
      ])
      setRefreshing(false)
    }
    // With a refresh token, signinSilent uses the refresh_token grant (no frame).
    auth.signinSilent().then(
      () => {
        done('ok')
      },
      (/** @type {unknown} */ error) => {
        done(`failed: ${message(error)}`)
      },
    )
  }

  return h(
    'main',
    null,
    h('h1', null, 'oidc-client-ts + react-oidc-context'),
    h('h2', null, 'Signed in'),
    h(
      'table',
      null,
      h('caption', null, 'ID token claims'),
      h(
        'tbody',
        null,
        Object.entries(claims).map(([name, value]) =>
          h(
            'tr',
            { key: name },
            h('th', { scope: 'row' }, name),
            h('td', null, typeof value === 'string' ? value : JSON.stringify(value)),
          ),
        ),
      ),
    ),
    h('button', { type: 'button', disabled: refreshing, onClick: refresh }, 'Refresh now'),
    h(
      'table',
      null,
      h('caption', null, 'Refresh history'),
      h(
        'thead',
        null,
        h('tr', null, h('th', { scope: 'col' }, 'Outcome'), h('th', { scope: 'col' }, 'Duration')),
      ),
      h(
        'tbody',
        null,
        rows.map((row, index) =>
          h(
            'tr',
            { key: rows.length - index },
            h('td', null, row.outcome),
            h('td', null, `${String(row.ms)} ms`),
          ),
        ),
      ),
    ),
  )
}

function App() {
  const auth = useAuth()
  if (auth.error) return h('p', { role: 'alert' }, auth.error.message)
  if (auth.isAuthenticated) return h(SignedIn)
  if (auth.isLoading || auth.activeNavigator) return h('p', null, 'Signing in…')
  return h(
    'main',
    null,
    h('h1', null, 'oidc-client-ts + react-oidc-context'),
    h(
      'button',
      {
        type: 'button',
        onClick: () => {
          void auth.signinRedirect()
        },
      },
      'Sign in',
    ),
  )
}

createRoot(/** @type {HTMLElement} */ (document.getElementById('root'))).render(
  h(StrictMode, null, h(AuthProvider, oidcConfig, h(App))),
)
