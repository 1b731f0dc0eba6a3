/** What Auth0 says, verbatim, and why. */
import type { CatalogueEntry } from './entry'
import { CLIENT_TYPES, PROMPT_NONE_ERROR, REFRESH_PROTECTION, RFC6749, TOKEN_ERROR } from './entry'

const AUTH0: readonly string[] = ['Auth0']

export const AUTH0_ENTRIES: readonly CatalogueEntry[] = [
  {
    id: 'auth0-unauthorized',
    group: 'auth0',
    message: 'POST /oauth/token 401 {"error":"access_denied","error_description":"Unauthorized"}',
    match: { error: 'access_denied', descriptionIncludes: 'Unauthorized' },
    title: 'Auth0: the token endpoint expected client authentication',
    cause:
      'The application is not a Single Page Application, or its Token Endpoint Authentication Method is not "None", so Auth0 wants a secret the browser did not send, and says so with access_denied.',
    fix: 'In the application settings, set the type to Single Page Application and the Token Endpoint Authentication Method to None (or create a new SPA application).',
    spec: CLIENT_TYPES,
    providers: AUTH0,
  },
  {
    id: 'auth0-missing-refresh-token',
    group: 'auth0',
    message: "Missing Refresh Token (audience: '…', scope: '…')",
    match: { error: 'missing_refresh_token' },
    title: 'auth0-spa-js has no refresh token to use',
    cause:
      'The SDK is set to use refresh tokens but holds none for this audience and scope: its memory cache was emptied by a reload, the audience or scope differ from sign-in, or the API does not allow offline access.',
    fix: 'Turn on Refresh Token Rotation for the application and "Allow Offline Access" for the API, request the same audience and scope every time, and answer this error with an interactive sign-in.',
    spec: {
      label: 'Auth0: refresh token rotation',
      url: 'https://auth0.com/docs/secure/tokens/refresh-tokens/refresh-token-rotation',
    },
    providers: ['Auth0', 'auth0-spa-js'],
  },
  {
    id: 'auth0-login-required',
    group: 'auth0',
    message: 'login_required: Login required',
    match: { error: 'login_required', descriptionIncludes: 'Login required' },
    title: 'Auth0: silent authentication found no session',
    cause:
      "getTokenSilently (or any prompt=none request) ran in a hidden frame, and the browser did not send Auth0's session cookie there: Safari, Brave and Chrome Incognito block third-party cookies.",
    fix: 'Use refresh tokens with rotation, or put Auth0 on a custom domain of the same site as the app so its cookie is first-party.',
    spec: PROMPT_NONE_ERROR,
    providers: AUTH0,
  },
  {
    id: 'auth0-invalid-authorization-code',
    group: 'auth0',
    message: 'invalid_grant: Invalid authorization code',
    match: { error: 'invalid_grant', descriptionIncludes: 'Invalid authorization code' },
    title: 'The authorization code was already used (React StrictMode)',
    cause:
      'In development, StrictMode runs effects twice: a callback handled in useEffect exchanges the same code twice, and the second exchange fails. Reloading the callback page does the same.',
    fix: 'Exchange the code exactly once: outside effects (a route loader, as PKCE Lab does) or behind a guard that survives the second run, and remove code and state from the address bar afterwards.',
    spec: TOKEN_ERROR,
    providers: ['Auth0', 'any provider'],
  },
  {
    id: 'auth0-spa-js-invalid-state',
    group: 'auth0',
    message: 'Invalid state',
    match: { descriptionIncludes: 'Invalid state' },
    title: 'auth0-spa-js found no transaction for this callback',
    cause:
      'handleRedirectCallback ran twice (StrictMode), or the sign-in started on another origin, or an old callback URL was opened again; the SDK has no stored transaction matching the state.',
    fix: 'Handle the callback once, start and finish on the same origin, and clean the callback URL after use.',
    spec: { label: 'RFC 6749 §10.12', url: `${RFC6749}#section-10.12` },
    providers: ['Auth0', 'auth0-spa-js'],
  },
  {
    id: 'auth0-invalid-refresh-token',
    group: 'auth0',
    message: 'invalid_grant: Unknown or invalid refresh token.',
    match: { error: 'invalid_grant', descriptionIncludes: 'invalid refresh token' },
    title: 'Auth0: a rotated refresh token was used again',
    cause:
      'With rotation, each refresh token works once. Using an old one after the reuse interval (two tabs refreshing, a retry after a lost answer) looks like theft, and Auth0 revokes the whole family.',
    fix: 'Let only one refresh run at a time across tabs (Web Locks), set a short reuse interval, and sign in again after this error.',
    spec: REFRESH_PROTECTION,
    providers: AUTH0,
  },
]
