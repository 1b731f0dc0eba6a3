/** What browsers and libraries (fetch, oauth4webapi, oidc-client-ts…) say when a flow fails, and why. */
import type { CatalogueEntry } from './entry'
import { CORS, REFRESH_PROTECTION, RFC6749 } from './entry'

export const BROWSER_LIBRARY_ENTRIES: readonly CatalogueEntry[] = [
  {
    id: 'typeerror-failed-to-fetch',
    group: 'browser-library',
    message: 'TypeError: Failed to fetch',
    match: { descriptionIncludes: 'Failed to fetch' },
    title: 'The request failed without any answer the page may read',
    cause:
      'fetch rejected with no HTTP status (Firefox says "NetworkError when attempting to fetch resource.", Safari "Load failed"). Almost always CORS: the provider does not allow this origin, or the request needed a preflight the provider does not answer, because of an Authorization header (client_secret_basic), a JSON body or a DPoP header. Less often the host is unreachable or the URL wrong.',
    fix: "Open the browser's developer tools: the console names the real reason, which page code cannot see. Allow this origin at the provider and keep token requests simple: a form-encoded body, with any secret in the body rather than a header.",
    spec: CORS,
    providers: ['any browser'],
  },
  {
    id: 'oauth4webapi-https-only',
    group: 'browser-library',
    message: 'only requests to HTTPS are allowed (OAUTH_HTTP_REQUEST_FORBIDDEN)',
    match: { descriptionIncludes: 'only requests to HTTPS are allowed' },
    title: 'oauth4webapi refuses plain http',
    cause:
      'The issuer or an endpoint uses http://, typically a local Keycloak or test provider; oauth4webapi sends tokens over TLS only.',
    fix: "Serve the provider over https. The library's allowInsecureRequests option is for local development only; PKCE Lab allows http only for loopback hosts.",
    spec: { label: 'RFC 6749 §3.1', url: `${RFC6749}#section-3.1` },
    providers: ['oauth4webapi'],
  },
  {
    id: 'no-matching-state-found-in-storage',
    group: 'browser-library',
    message: 'No matching state found in storage',
    match: { descriptionIncludes: 'No matching state found in storage' },
    title: 'oidc-client-ts: no stored sign-in for this callback',
    cause:
      'The state was saved under another origin (http and https, or localhost and 127.0.0.1, are different origins), the callback was processed twice, or the back button reopened an old callback URL.',
    fix: 'Start and finish on the same origin, process each callback once, and replace the callback URL in the history once it is handled. PKCE Lab\'s version of this is "No sign-in is waiting for this callback".',
    spec: { label: 'RFC 6749 §10.12', url: `${RFC6749}#section-10.12` },
    providers: ['oidc-client-ts', 'react-oidc-context'],
  },
  {
    id: 'refresh-race-between-tabs',
    group: 'browser-library',
    message: 'invalid_grant on refresh, just after another tab refreshed',
    match: {},
    title: 'Two tabs refreshed with the same rotating refresh token',
    cause:
      'With rotation each refresh token works once. Two tabs sharing one (localStorage, or sessionStorage copied into a window opened from the first) both refresh; the second loses, and reuse detection may revoke everything.',
    fix: 'Refresh under a cross-tab lock (Web Locks), read the newest token after taking the lock, and share the result (BroadcastChannel). PKCE Lab keeps tokens per tab, in memory, so each tab has its own refresh token.',
    spec: REFRESH_PROTECTION,
    providers: ['any provider with rotation'],
  },
]
