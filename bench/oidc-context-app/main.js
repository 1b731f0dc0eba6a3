/* global document, location, history, sessionStorage */
/**
 * A benchmark peer: the job of PKCE Lab's happy path (sign in with code + PKCE, show the ID token's
 * claims, refresh on demand) as a developer would build it with oidc-client-ts and
 * react-oidc-context, following their READMEs: an AuthProvider that handles the callback on its own
 * (discovery included) and removes the code from the address bar, `useAuth` for the rest. The page
 * is the other React peer's (../react-peer-views.js), so only the library differs. Dev-only: built
 * by `npm run bench`.
 */
import { WebStorageStateStore } from 'oidc-client-ts'
import { createElement as h, StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { AuthProvider, useAuth } from 'react-oidc-context'

import { SignedInPage, SignedOutPage } from '../react-peer-views.js'

const TITLE = 'oidc-client-ts + react-oidc-context'

/** @type {import('react-oidc-context').AuthProviderProps} */
const oidcConfig = {
  authority: import.meta.env.VITE_BENCH_ISSUER ?? 'http://127.0.0.1:5680',
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

function App() {
  const auth = useAuth()
  if (auth.error) return h('p', { role: 'alert' }, auth.error.message)
  if (auth.isAuthenticated) {
    return h(SignedInPage, {
      title: TITLE,
      claims: auth.user?.profile ?? {},
      // With a refresh token, signinSilent uses the refresh_token grant (no frame).
      onRefresh: async () => {
        await auth.signinSilent()
      },
    })
  }
  if (auth.isLoading || auth.activeNavigator) return h('p', null, 'Signing in…')
  return h(SignedOutPage, {
    title: TITLE,
    onSignIn: () => {
      void auth.signinRedirect()
    },
  })
}

createRoot(/** @type {HTMLElement} */ (document.getElementById('root'))).render(
  h(StrictMode, null, h(AuthProvider, oidcConfig, h(App))),
)
