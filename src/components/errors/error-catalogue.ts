/**
 * The error explainer's data: OAuth and OpenID Connect error codes, the messages providers, browsers and
 * libraries really show (shared/research/providers.md §2), and this app's own checks, each with its cause
 * and fix. Only the explainer page imports it, so it loads lazily with that page; the error panel links
 * here through `errorSlug`, whose slugs every id below follows.
 */
import type { OidcErrorCode } from '../../oidc'
import { ERROR_TITLES } from './error-explanations'
import { CODE_SLUGS, slugify } from './error-slug'

export type CatalogueGroup =
  | 'oauth'
  | 'google'
  | 'entra'
  | 'auth0'
  | 'okta'
  | 'keycloak'
  | 'cognito'
  | 'github'
  | 'other-providers'
  | 'browser-library'
  | 'pkce-lab'

/** The groups in the order the explainer shows them. */
export const CATALOGUE_GROUPS: readonly { id: CatalogueGroup; label: string }[] = [
  { id: 'oauth', label: 'OAuth 2.0 and OpenID Connect error codes' },
  { id: 'google', label: 'Google' },
  { id: 'entra', label: 'Microsoft Entra ID' },
  { id: 'auth0', label: 'Auth0' },
  { id: 'okta', label: 'Okta' },
  { id: 'keycloak', label: 'Keycloak' },
  { id: 'cognito', label: 'Amazon Cognito' },
  { id: 'github', label: 'GitHub' },
  {
    id: 'other-providers',
    label: 'Other providers (GitLab, authentik, ZITADEL, PingOne, Salesforce)',
  },
  { id: 'browser-library', label: 'Browser and library' },
  { id: 'pkce-lab', label: 'Checks PKCE Lab makes' },
]

export interface CatalogueEntry {
  /** Anchor-safe: `slugify(id) === id`. */
  id: string
  group: CatalogueGroup
  /** What the developer sees, verbatim: an error code or a provider's, browser's or library's words. */
  message: string
  /**
   * How a provider's answer is recognised: its `error` code and/or text found (case-insensitive) in its
   * `error_description` or the error message. An entry with neither is found by searching only.
   */
  match: { error?: string; descriptionIncludes?: string }
  title: string
  cause: string
  fix: string
  spec?: { label: string; url: string }
  providers?: readonly string[]
}

type EntryText = Pick<CatalogueEntry, 'title' | 'cause' | 'fix'> &
  Partial<Pick<CatalogueEntry, 'spec' | 'providers' | 'message'>>

const RFC6749 = 'https://www.rfc-editor.org/rfc/rfc6749'
const CORE = 'https://openid.net/specs/openid-connect-core-1_0.html'

const AUTHORIZATION_ERROR = { label: 'RFC 6749 §4.1.2.1', url: `${RFC6749}#section-4.1.2.1` }
const TOKEN_ERROR = { label: 'RFC 6749 §5.2', url: `${RFC6749}#section-5.2` }
const BEARER_ERROR = {
  label: 'RFC 6750 §3.1',
  url: 'https://www.rfc-editor.org/rfc/rfc6750#section-3.1',
}
const PROMPT_NONE_ERROR = { label: 'OpenID Connect Core §3.1.2.6', url: `${CORE}#AuthError` }
const REDIRECTION_ENDPOINT = { label: 'RFC 6749 §3.1.2', url: `${RFC6749}#section-3.1.2` }
const PKCE_VERIFY = {
  label: 'RFC 7636 §4.6',
  url: 'https://www.rfc-editor.org/rfc/rfc7636#section-4.6',
}
const REFRESH_PROTECTION = {
  label: 'RFC 9700 §4.14',
  url: 'https://www.rfc-editor.org/rfc/rfc9700#section-4.14',
}
const CORS = {
  label: 'Fetch standard: the CORS protocol',
  url: 'https://fetch.spec.whatwg.org/#http-cors-protocol',
}
const FRAME_OPTIONS = {
  label: 'RFC 7034 (X-Frame-Options)',
  url: 'https://www.rfc-editor.org/rfc/rfc7034',
}
const RP_LOGOUT = {
  label: 'OpenID Connect RP-Initiated Logout §2',
  url: 'https://openid.net/specs/openid-connect-rpinitiated-1_0.html#RPLogout',
}
const DISCOVERY = {
  label: 'OpenID Connect Discovery §4',
  url: 'https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderConfig',
}
const ISSUER_VALIDATION = {
  label: 'OpenID Connect Discovery §4.3',
  url: 'https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderConfigurationValidation',
}
const ID_TOKEN_VALIDATION = {
  label: 'OpenID Connect Core §3.1.3.7',
  url: `${CORE}#IDTokenValidation`,
}
const CLIENT_TYPES = { label: 'RFC 6749 §2.1', url: `${RFC6749}#section-2.1` }
const ENTRA_REFRESH = {
  label: 'Microsoft identity platform: refresh tokens',
  url: 'https://learn.microsoft.com/entra/identity-platform/refresh-tokens',
}

/** A standard `error` value: its id is the code's slug and it matches the bare code. */
function oauthCode(code: string, text: EntryText): CatalogueEntry {
  return { id: slugify(code), group: 'oauth', message: code, match: { error: code }, ...text }
}

/** An Entra ID message, recognised by its AADSTS number whatever `error` code carries it. */
function aadsts(number: string, message: string, text: EntryText): CatalogueEntry {
  return {
    id: slugify(`AADSTS${number}`),
    group: 'entra',
    message,
    match: { descriptionIncludes: `AADSTS${number}` },
    providers: ['Microsoft Entra ID'],
    ...text,
  }
}

/** One of this app's own failures, titled as the error panel titles it. */
function appCheck(code: OidcErrorCode, text: Omit<EntryText, 'title'>): CatalogueEntry {
  return {
    id: CODE_SLUGS[code],
    group: 'pkce-lab',
    message: code,
    match: {},
    title: ERROR_TITLES[code],
    providers: ['PKCE Lab'],
    ...text,
  }
}

const OAUTH_ENTRIES: readonly CatalogueEntry[] = [
  oauthCode('invalid_request', {
    title: 'The request is malformed',
    cause:
      'The provider found a required parameter missing, a parameter repeated, a value it does not support, or a request it cannot parse. At the token endpoint it also covers a client that authenticated in more than one way at once.',
    fix: 'Read the error_description: it usually names the parameter. In a browser app the usual suspects are a client secret the provider insists on (Google), a redirect URI it does not know (Keycloak says so this way), PKCE it requires, or an extra parameter it refuses. Remove or correct that parameter and sign in again.',
    spec: AUTHORIZATION_ERROR,
  }),
  oauthCode('invalid_client', {
    title: 'The client could not be authenticated',
    cause:
      'The token endpoint could not establish which client is calling: the client_id is unknown, the client is registered as confidential and no secret came, the secret is wrong, or the client used an authentication method it is not registered for. The answer is usually HTTP 401.',
    fix: 'Check the client_id for typos and that it belongs to this issuer. For a browser app, register the client as public (single-page app, token endpoint authentication "none"); only if the provider cannot do that, give the secret.',
    spec: TOKEN_ERROR,
  }),
  oauthCode('invalid_grant', {
    title: 'The code or refresh token was refused',
    cause:
      'What the client presented as its grant is no good: the authorization code expired, was already used or was issued to another client; the redirect_uri differs from the one in the authorization request; the PKCE code_verifier does not match the challenge; or the refresh token expired, was revoked or was replaced by rotation.',
    fix: 'During sign-in, start again: codes are single-use and live for minutes. During a refresh, the session is over: sign in again. If it happens on every refresh, look for a second tab or a retry reusing a rotated refresh token, or a fixed lifetime (Entra ID single-page apps: 24 hours).',
    spec: TOKEN_ERROR,
  }),
  oauthCode('unauthorized_client', {
    title: 'The client may not use this flow',
    cause:
      'The client exists but its registration does not allow this grant type (authorization_code, refresh_token) or this response type.',
    fix: 'In the client registration at the provider, enable the authorization code grant and, for renewals, the refresh token grant.',
    spec: TOKEN_ERROR,
  }),
  oauthCode('unsupported_grant_type', {
    title: 'The provider does not support this grant type',
    cause:
      'The token endpoint does not implement the grant_type that was sent, or not for this kind of client.',
    fix: "Compare with grant_types_supported in the provider's metadata. The authorization code grant is universal; a provider without refresh_token support cannot renew tokens that way.",
    spec: TOKEN_ERROR,
  }),
  oauthCode('unsupported_response_type', {
    title: 'The provider will not issue a code to this client',
    cause:
      'The authorization endpoint does not offer response_type=code, or the client is registered for another flow only (often the old implicit flow).',
    fix: 'Enable the authorization code flow for the client at the provider.',
    spec: AUTHORIZATION_ERROR,
  }),
  oauthCode('invalid_scope', {
    title: 'A scope was refused',
    cause:
      'A requested scope is unknown to the provider, malformed, not allowed for this client, or, on a refresh, broader than what was granted at sign-in.',
    fix: 'Remove scopes one by one until the request passes, then enable the missing one for the client (offline_access often needs switching on). On a refresh, ask for no more than was granted, or leave scope out entirely.',
    spec: { label: 'RFC 6749 §3.3', url: `${RFC6749}#section-3.3` },
  }),
  oauthCode('access_denied', {
    title: 'Access was refused',
    cause:
      "The user pressed Cancel or Deny on the provider's screen, or a provider policy refused: the user is not assigned to the application, conditional access blocked them, or the consent is not allowed. Auth0 also answers this at its token endpoint when the client should have authenticated.",
    fix: 'Sign in again and approve the request. If you never got to choose, ask the provider administrator to assign the user to the application; for Auth0 at /oauth/token, see its "Unauthorized" entry.',
    spec: AUTHORIZATION_ERROR,
  }),
  oauthCode('redirect_uri_mismatch', {
    title: 'The redirect URI is not registered (Google)',
    cause:
      "Not a code from RFC 6749: Google's name for a redirect_uri that is not, character for character, one of the client's registered redirect URIs. Scheme, host, port, path and trailing slash all count. Sending the browser to an unverified address would be unsafe, so the provider stops there.",
    fix: 'Register the exact redirect URI PKCE Lab shows in its settings, separately for each origin you use (localhost and 127.0.0.1 are different), and wait a few minutes for Google to apply it.',
    spec: REDIRECTION_ENDPOINT,
    providers: ['Google'],
  }),
  oauthCode('login_required', {
    title: 'The provider needs you to sign in',
    cause:
      "The request asked for no user interaction (prompt=none) and the provider has no signed-in user it can see. In a hidden frame that often just means the browser withheld the provider's cookies as third-party cookies.",
    fix: 'Sign in interactively. A silent sign-in can only reuse a provider session the browser lets the provider see.',
    spec: PROMPT_NONE_ERROR,
  }),
  oauthCode('interaction_required', {
    title: 'The provider needs you to do something',
    cause:
      'prompt=none was sent, but the provider must show a screen before it can answer: a second factor, new terms to accept, a profile to complete.',
    fix: 'Sign in interactively and finish what the provider asks for.',
    spec: PROMPT_NONE_ERROR,
  }),
  oauthCode('consent_required', {
    title: 'The provider needs your consent',
    cause:
      'prompt=none was sent, but this client does not yet have your consent for the requested scopes (some providers ask for offline_access every time).',
    fix: 'Sign in interactively and grant the scopes, or request fewer scopes silently.',
    spec: PROMPT_NONE_ERROR,
  }),
  oauthCode('account_selection_required', {
    title: 'The provider needs you to pick an account',
    cause:
      'prompt=none was sent, but several accounts are signed in at the provider and it will not choose among them for you.',
    fix: 'Sign in interactively and choose the account, or send login_hint naming the account.',
    spec: PROMPT_NONE_ERROR,
  }),
  oauthCode('temporarily_unavailable', {
    title: 'The provider is temporarily unavailable',
    cause:
      'The authorization server is overloaded or in maintenance. A redirect cannot carry an HTTP 503, so this code stands for it.',
    fix: 'Wait and try again; check the provider status page if it lasts.',
    spec: AUTHORIZATION_ERROR,
  }),
  oauthCode('server_error', {
    title: 'The provider failed internally',
    cause:
      'The authorization server hit an unexpected condition: the redirect-friendly stand-in for an HTTP 500. Now and then it hides a client registration the provider cannot process.',
    fix: 'Try again later. If it repeats for this client only, review its registration at the provider or read the provider logs.',
    spec: AUTHORIZATION_ERROR,
  }),
  oauthCode('invalid_token', {
    title: 'The API refused the access token',
    cause:
      'A protected resource answered 401 with WWW-Authenticate: Bearer error="invalid_token": the token expired, was revoked, is malformed, or was issued for another API (its audience is not this one).',
    fix: "Refresh the access token and call again; PKCE Lab does this once by itself. If a fresh token is refused too, ask the provider for a token meant for this API (audience or resource parameter, the API's scopes).",
    spec: BEARER_ERROR,
  }),
  oauthCode('insufficient_scope', {
    title: 'The access token lacks a scope',
    cause:
      'The API accepted the token but it does not carry the scope this request needs; the answer is HTTP 403, often naming the scope required.',
    fix: 'Add that scope to the sign-in request, sign in again and consent to it.',
    spec: BEARER_ERROR,
  }),
]

const GOOGLE: readonly string[] = ['Google']

const GOOGLE_ENTRIES: readonly CatalogueEntry[] = [
  {
    id: 'google-client-secret-missing',
    group: 'google',
    message: '{"error":"invalid_request","error_description":"client_secret is missing."}',
    match: { error: 'invalid_request', descriptionIncludes: 'client_secret is missing' },
    title: 'Google wants the client secret, even with PKCE',
    cause:
      'Google\'s "Web application" and "Desktop" OAuth clients must authenticate at https://oauth2.googleapis.com/token; PKCE does not replace the secret there, and Google has no public client type for web pages.',
    fix: 'In PKCE Lab, enter the client secret when asked: it stays in memory, but anyone who can open the page can read it, so this only suits a lab. A real application exchanges the code on a small backend that holds the secret.',
    spec: CLIENT_TYPES,
    providers: GOOGLE,
  },
  {
    id: 'google-verifier-not-needed',
    group: 'google',
    message: 'invalid_grant: code_verifier or verifier is not needed.',
    match: { error: 'invalid_grant', descriptionIncludes: 'verifier is not needed' },
    title: 'Google got a code_verifier it did not expect',
    cause:
      'The token request carried a PKCE code_verifier, but the authorization request that produced this code had no code_challenge, so Google has nothing to check it against.',
    fix: 'Send code_challenge and code_challenge_method=S256 in the authorization request whose code you redeem. PKCE Lab always does: seeing this here means the code came from a request another tool made.',
    spec: PKCE_VERIFY,
    providers: GOOGLE,
  },
  {
    id: 'google-missing-code-verifier',
    group: 'google',
    message: 'invalid_grant: Missing code verifier.',
    match: { error: 'invalid_grant', descriptionIncludes: 'Missing code verifier' },
    title: 'Google expected a code_verifier',
    cause:
      'The authorization request had a code_challenge, but the token request came without the verifier: it was lost between leaving for Google and coming back (another tab, another origin, storage cleared).',
    fix: 'Finish the sign-in in the tab and on the origin that started it, and keep the verifier until the code is exchanged.',
    spec: PKCE_VERIFY,
    providers: GOOGLE,
  },
  {
    id: 'google-error-400-redirect-uri-mismatch',
    group: 'google',
    message: 'Error 400: redirect_uri_mismatch',
    match: {},
    title: "Google's own error page: the redirect URI is not registered",
    cause:
      'Google shows this page instead of coming back, because the redirect_uri sent is not among the Authorized redirect URIs of the OAuth client, character for character.',
    fix: 'In the Google Cloud console, open the OAuth client and add the redirect URI shown in PKCE Lab\'s settings to "Authorized redirect URIs" (and this page\'s origin to "Authorized JavaScript origins"). Changes can take a few minutes to apply.',
    spec: REDIRECTION_ENDPOINT,
    providers: GOOGLE,
  },
  {
    id: 'google-token-expired-or-revoked',
    group: 'google',
    message: 'invalid_grant: Token has been expired or revoked.',
    match: { error: 'invalid_grant', descriptionIncludes: 'Token has been expired or revoked' },
    title: 'Google no longer accepts the refresh token',
    cause:
      "Most often the OAuth consent screen is set to External with publishing status Testing: refresh tokens then last seven days. Otherwise the user removed the app's access, the token sat unused for six months, or the user has too many refresh tokens for this client and the oldest were dropped.",
    fix: 'Sign in again. To end the seven-day limit, publish the app (status "In production").',
    spec: {
      label: 'Google: OAuth 2.0 overview',
      url: 'https://developers.google.com/identity/protocols/oauth2',
    },
    providers: GOOGLE,
  },
  {
    id: 'google-no-refresh-token',
    group: 'google',
    message: 'The token response has no refresh_token',
    match: {},
    title: 'Google issued no refresh token',
    cause:
      'Google gives a refresh token only when asked with access_type=offline, and only at the first consent: once you have approved, later sign-ins get none.',
    fix: 'Add the extra parameters access_type=offline and prompt=consent (the Google preset has both).',
    spec: { label: 'RFC 6749 §6', url: `${RFC6749}#section-6` },
    providers: GOOGLE,
  },
  {
    id: 'google-x-frame-options',
    group: 'google',
    message:
      "Refused to display 'https://accounts.google.com/…' in a frame because it set 'X-Frame-Options' to 'sameorigin'.",
    match: { descriptionIncludes: "'X-Frame-Options' to 'sameorigin'" },
    title: 'Google will not be shown in a hidden frame',
    cause:
      "A silent renewal loaded Google's authorization endpoint in an iframe, and Google needed to show a screen. It forbids being framed by other sites, so the frame stays empty.",
    fix: "Don't renew Google sessions in a frame: use the refresh token, or sign in again with a full-page redirect.",
    spec: FRAME_OPTIONS,
    providers: GOOGLE,
  },
  {
    id: 'google-wrong-token-url',
    group: 'google',
    message:
      "No 'Access-Control-Allow-Origin' header is present on the requested resource (https://accounts.google.com/o/oauth2/v2/token)",
    match: { descriptionIncludes: 'accounts.google.com/o/oauth2/v2/token' },
    title: 'A hand-typed Google token URL that does not exist',
    cause:
      'There is no token endpoint at that address; its error page carries no CORS headers, so the browser reports a CORS failure instead of a 404.',
    fix: "Take every endpoint from the discovery document (Google's token endpoint is https://oauth2.googleapis.com/token). PKCE Lab always does.",
    spec: DISCOVERY,
    providers: GOOGLE,
  },
]

const ENTRA: readonly string[] = ['Microsoft Entra ID']

const ENTRA_ENTRIES: readonly CatalogueEntry[] = [
  aadsts(
    '9002326',
    "AADSTS9002326: Cross-origin token redemption is permitted only for the 'Single-Page Application' client-type. Request origin: '…'.",
    {
      title: 'Entra ID: the redirect URI is not on the single-page application platform',
      cause:
        'The code was redeemed from a web page (a cross-origin request with an Origin header), but the redirect URI is registered under the "Web" platform, which Entra treats as a server that keeps a secret.',
      fix: 'In the app registration, under Authentication, remove the URI from "Web" and add it under "Single-page application".',
      spec: CLIENT_TYPES,
    },
  ),
  aadsts(
    '9002327',
    "AADSTS9002327: Tokens issued for the 'Single-Page Application' client-type may only be redeemed via cross-origin requests.",
    {
      title: 'Entra ID: a single-page app code was redeemed outside a browser',
      cause:
        'The redirect URI is on the single-page application platform, but the code exchange arrived without an Origin header: from a server, a proxy, a command-line tool or an extension.',
      fix: 'Redeem the code from the page itself, as PKCE Lab does. If a server must do the exchange, register its redirect URI under "Web" and give that server a secret.',
      spec: CLIENT_TYPES,
    },
  ),
  aadsts(
    '7000218',
    "AADSTS7000218: The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
    {
      title: 'Entra ID treats this app as confidential',
      cause:
        'The application only has "Web" redirect URIs, so Entra expects the token request to prove it holds a secret or certificate.',
      fix: 'Register the redirect URI under "Single-page application" instead of "Web"; the public client then needs no secret.',
      spec: CLIENT_TYPES,
    },
  ),
  aadsts(
    '700084',
    'AADSTS700084: The refresh token was issued to a single page app (SPA), and therefore has a fixed, limited lifetime of 1.00:00:00, which cannot be extended.',
    {
      title: 'Entra ID: the single-page app refresh token reached its 24 hours',
      cause:
        'Refresh tokens Entra gives to single-page apps live 24 hours from the original sign-in. Each refresh returns a new one, but it inherits the same end, and no policy can change it.',
      fix: 'Run the authorization request again: with a full-page redirect and prompt=none it usually succeeds without a screen while the Entra session lasts; otherwise sign in interactively.',
      spec: ENTRA_REFRESH,
    },
  ),
  aadsts(
    '50058',
    'login_required: AADSTS50058: A silent sign-in request was sent but no user is signed in.',
    {
      title: 'Entra ID: no signed-in user for a silent sign-in',
      cause:
        "prompt=none was sent and Entra saw no session: either there is none, or the request ran in a hidden frame and the browser withheld Entra's cookies (Safari, Firefox, Chrome Incognito block them as third-party cookies).",
      fix: 'Sign in interactively or with a top-level redirect; treat frame-based silent sign-in as a bonus that may never work.',
      spec: PROMPT_NONE_ERROR,
    },
  ),
  aadsts(
    '50011',
    "AADSTS50011: The redirect URI '…' specified in the request does not match the redirect URIs configured for the application '…'.",
    {
      title: 'Entra ID: the redirect URI is not registered',
      cause:
        'The redirect_uri sent is not among the registered ones, exactly: path, trailing slash, port and scheme all count, and so does the platform it is registered under.',
      fix: 'Add the exact URI from PKCE Lab\'s settings under "Single-page application" in the app registration.',
      spec: REDIRECTION_ENDPOINT,
    },
  ),
  {
    id: 'entra-templated-issuer',
    group: 'entra',
    message:
      '"response" body "issuer" property does not match the expected value / unexpected JWT "iss" (issuer) claim value',
    match: { descriptionIncludes: '"issuer" property does not match the expected value' },
    title: 'The issuer does not match (typical of Entra ID /common)',
    cause:
      'The multi-tenant authorities /common, /organizations and /consumers publish the issuer as a template, https://login.microsoftonline.com/{tenantid}/v2.0, with the braces in it. A strict issuer check, which oauth4webapi and PKCE Lab make, can never match it, nor the iss of the ID tokens.',
    fix: 'Use the tenant-specific issuer, https://login.microsoftonline.com/<your tenant ID>/v2.0. For other providers, copy the issuer exactly as the metadata states it.',
    spec: ISSUER_VALIDATION,
    providers: ['Microsoft Entra ID', 'oauth4webapi'],
  },
  {
    id: 'entra-no-refresh-token',
    group: 'entra',
    message: 'The token response has no refresh_token',
    match: {},
    title: 'Entra ID issued no refresh token',
    cause: 'Entra returns a refresh token only when the scope includes offline_access.',
    fix: 'Add offline_access to the scopes (the Entra ID preset has it).',
    spec: { label: 'OpenID Connect Core §11', url: `${CORE}#OfflineAccess` },
    providers: ENTRA,
  },
]

const AUTH0: readonly string[] = ['Auth0']

const AUTH0_ENTRIES: readonly CatalogueEntry[] = [
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

const OKTA: readonly string[] = ['Okta']

const OKTA_ENTRIES: readonly CatalogueEntry[] = [
  {
    id: 'okta-client-authentication-failed',
    group: 'okta',
    message:
      'invalid_client: Client authentication failed. Either the client or the client credentials are invalid.',
    match: {
      error: 'invalid_client',
      descriptionIncludes: 'Either the client or the client credentials are invalid',
    },
    title: 'Okta: the application wants a client secret',
    cause: 'The Okta application is a "Web" app, which must authenticate with a secret at /token.',
    fix: 'Create a "Single-Page Application" app (PKCE, client authentication "none") and use its client_id.',
    spec: CLIENT_TYPES,
    providers: OKTA,
  },
  {
    id: 'okta-cors',
    group: 'okta',
    message:
      "Access to fetch at 'https://{okta}/oauth2/default/…' from origin '…' has been blocked by CORS policy",
    match: {},
    title: 'Okta: this origin is not trusted for CORS',
    cause:
      "Okta's /token answers cross-origin only for the origins of registered redirect URIs; its other endpoints (metadata, keys, userinfo) only for Trusted Origins. The match is exact: a trailing slash breaks it.",
    fix: "Add this page's origin, exactly and without a trailing slash, under Security › API › Trusted Origins with CORS enabled.",
    spec: CORS,
    providers: OKTA,
  },
  {
    id: 'okta-login-required',
    group: 'okta',
    message: 'login_required: The client specified not to prompt, but the user is not logged in.',
    match: { error: 'login_required', descriptionIncludes: 'The client specified not to prompt' },
    title: 'Okta: no session for a silent sign-in',
    cause:
      'A prompt=none request (okta-auth-js getWithoutPrompt, or a renewal in a hidden frame) found no Okta session, often because third-party cookies are blocked.',
    fix: 'Renew with refresh tokens (offline_access, rotation), put Okta on a custom domain of the same site, or sign in with a redirect.',
    spec: PROMPT_NONE_ERROR,
    providers: OKTA,
  },
]

const KEYCLOAK: readonly string[] = ['Keycloak']

const KEYCLOAK_ENTRIES: readonly CatalogueEntry[] = [
  {
    id: 'keycloak-cors',
    group: 'keycloak',
    message:
      "No 'Access-Control-Allow-Origin' header is present on the requested resource (…/protocol/openid-connect/token)",
    match: { descriptionIncludes: 'protocol/openid-connect/token' },
    title: 'Keycloak: this origin is not among the Web Origins',
    cause:
      "The client's Web Origins are empty or name another origin, or the client is confidential. Keycloak then adds no CORS headers, even to its error answers, so the browser hides the real error behind a CORS failure.",
    fix: 'Make the client public (Client authentication off) and set Web Origins to + (the origins of the valid redirect URIs) or to this exact origin.',
    spec: CORS,
    providers: KEYCLOAK,
  },
  {
    id: 'keycloak-invalid-redirect-uri',
    group: 'keycloak',
    message: 'Invalid parameter: redirect_uri',
    match: { descriptionIncludes: 'Invalid parameter: redirect_uri' },
    title: 'Keycloak: redirect_uri refused',
    cause:
      "At sign-in: the redirect URI is not among the client's Valid redirect URIs. At logout: since Keycloak 18 the old redirect_uri parameter is no longer accepted.",
    fix: 'For sign-in, add the exact redirect URI to Valid redirect URIs. For logout, send post_logout_redirect_uri (listed under Valid post logout redirect URIs) together with id_token_hint or client_id.',
    spec: RP_LOGOUT,
    providers: KEYCLOAK,
  },
  {
    id: 'keycloak-missing-id-token-hint',
    group: 'keycloak',
    message: 'Missing parameters: id_token_hint',
    match: { descriptionIncludes: 'Missing parameters: id_token_hint' },
    title: 'Keycloak: logout needs id_token_hint',
    cause:
      'Keycloak 18 and later accept post_logout_redirect_uri only when the logout request also says which client or session it is for.',
    fix: 'Send the ID token as id_token_hint (PKCE Lab does when it has one), or at least client_id.',
    spec: RP_LOGOUT,
    providers: KEYCLOAK,
  },
  {
    id: 'keycloak-stale-token',
    group: 'keycloak',
    message: 'invalid_grant: Stale token',
    match: { error: 'invalid_grant', descriptionIncludes: 'Stale token' },
    title: 'Keycloak: a refresh token was used once too often',
    cause:
      'The realm has "Revoke Refresh Token" on, and a refresh token was used more often than "Refresh Token Max Reuse" allows: typically two tabs, or a retry, refreshing with the same token.',
    fix: 'Let one refresh run at a time, raise Refresh Token Max Reuse, or on Keycloak 25 and later allow a short reuse period; sign in again after this error.',
    spec: REFRESH_PROTECTION,
    providers: KEYCLOAK,
  },
]

const COGNITO_ENTRIES: readonly CatalogueEntry[] = [
  {
    id: 'cognito-x-frame-options',
    group: 'cognito',
    message:
      "Refused to display 'https://xxxx.auth.<region>.amazoncognito.com/' in a frame because it set 'X-Frame-Options' to 'deny'.",
    match: { descriptionIncludes: 'amazoncognito.com' },
    title: 'Cognito cannot be used in a hidden frame',
    cause:
      'The Cognito hosted login forbids framing altogether, so renewal with prompt=none in an iframe never works.',
    fix: 'Renew with the refresh token (Cognito issues one with the code flow) and sign in again with a full-page redirect.',
    spec: FRAME_OPTIONS,
    providers: ['Amazon Cognito'],
  },
  {
    id: 'cognito-logout-client-id',
    group: 'cognito',
    message: "Required String parameter 'client_id' is not present",
    match: { descriptionIncludes: "Required String parameter 'client_id'" },
    title: "Cognito's logout wants its own parameters",
    cause:
      "Cognito's /logout does not follow RP-Initiated Logout: it needs client_id and logout_uri, not post_logout_redirect_uri. Without them it errs or sends the user back still signed in.",
    fix: 'Build the logout URL by hand with client_id and a logout_uri registered as an allowed sign-out URL.',
    spec: RP_LOGOUT,
    providers: ['Amazon Cognito'],
  },
]

const GITHUB_ENTRIES: readonly CatalogueEntry[] = [
  {
    id: 'github-cors',
    group: 'github',
    message:
      "Access to fetch at 'https://github.com/login/oauth/access_token' from origin '…' has been blocked by CORS policy",
    match: { descriptionIncludes: 'github.com/login/oauth/access_token' },
    title: 'GitHub: the token endpoint cannot be called from a page',
    cause:
      "GitHub's token endpoint sends no CORS headers and answers no preflight, and it wants the client secret as well; PKCE support does not change either.",
    fix: 'Nothing in the browser fixes this: exchange the code on a small backend or proxy that holds the secret.',
    spec: CORS,
    providers: ['GitHub'],
  },
  {
    id: 'github-no-discovery',
    group: 'github',
    message: 'https://github.com/.well-known/openid-configuration → 404',
    match: { descriptionIncludes: 'github.com/.well-known/openid-configuration' },
    title: 'GitHub sign-in is OAuth, not OpenID Connect',
    cause:
      'GitHub publishes no discovery document and issues no ID token for user sign-in: it is plain OAuth 2.0 for its own API.',
    fix: 'PKCE Lab needs an OpenID provider. To sign in with GitHub accounts, put a provider that federates GitHub (Auth0, Keycloak identity brokering, …) in between.',
    spec: DISCOVERY,
    providers: ['GitHub'],
  },
]

const OTHER_PROVIDER_ENTRIES: readonly CatalogueEntry[] = [
  {
    id: 'gitlab-client-authentication-failed',
    group: 'other-providers',
    message:
      'invalid_client: Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.',
    match: {
      error: 'invalid_client',
      descriptionIncludes: 'Client authentication failed due to unknown client',
    },
    title: 'GitLab: the application is confidential',
    cause:
      'The GitLab application has "Confidential" ticked, so its token endpoint wants the secret.',
    fix: 'Untick "Confidential" in the application settings: it then accepts PKCE without a secret.',
    spec: CLIENT_TYPES,
    providers: ['GitLab'],
  },
  {
    id: 'authentik-cors',
    group: 'other-providers',
    message: 'CORS: Origin is not an allowed origin',
    match: { descriptionIncludes: 'Origin is not an allowed origin' },
    title: 'authentik: this origin is not allowed',
    cause:
      "authentik derives the origins it allows from the provider's redirect URIs; redirect URIs written as regular expressions yield no origin to allow.",
    fix: 'List the exact redirect URIs (strict matching) in the authentik provider.',
    spec: CORS,
    providers: ['authentik'],
  },
  {
    id: 'authentik-invalid-scope-on-refresh',
    group: 'other-providers',
    message: 'invalid_scope on refresh (or no refresh_token at all)',
    match: {},
    title: 'authentik: refresh refused for lack of offline_access',
    cause:
      'Recent authentik versions issue a refresh token only when offline_access was requested, and refuse a refresh whose scope parameter leaves offline_access out.',
    fix: 'Request offline_access at sign-in; on refresh, send no scope at all or include offline_access.',
    spec: { label: 'RFC 6749 §6', url: `${RFC6749}#section-6` },
    providers: ['authentik'],
  },
  {
    id: 'authentik-zitadel-x-frame-options',
    group: 'other-providers',
    message: "Refused to display '…' in a frame because it set 'X-Frame-Options' to 'deny'.",
    match: { descriptionIncludes: "'X-Frame-Options' to 'deny'" },
    title: 'authentik or ZITADEL refuse to be framed',
    cause: 'Both forbid framing by default, which ends any silent renewal in a hidden iframe.',
    fix: "ZITADEL: allow iframes for this origin in the instance's security policy. authentik: it cannot be changed, so renew with refresh tokens.",
    spec: FRAME_OPTIONS,
    providers: ['authentik', 'ZITADEL'],
  },
  {
    id: 'pingone-cors',
    group: 'other-providers',
    message:
      "Access to XMLHttpRequest at 'https://auth.pingone.com/<envId>/as/token' from origin '…' has been blocked by CORS policy",
    match: { descriptionIncludes: 'auth.pingone.' },
    title: "PingOne: the application's CORS settings do not allow this origin",
    cause:
      'Each PingOne application has its own CORS settings; the default covers only requests the browser considers simple.',
    fix: 'In the application, under Configuration › CORS Settings, choose "Allow specific origins" and add this origin.',
    spec: CORS,
    providers: ['PingOne'],
  },
  {
    id: 'pingone-invalid-grant-on-refresh',
    group: 'other-providers',
    message: 'invalid_grant on refresh (or no refresh_token at all)',
    match: {},
    title: 'PingOne: no refresh token, or an old one',
    cause:
      'Without offline_access PingOne issues no refresh token; with rotation, presenting an older refresh token than the latest one is refused.',
    fix: 'Request offline_access and always keep the newest refresh token from each response.',
    spec: REFRESH_PROTECTION,
    providers: ['PingOne'],
  },
  {
    id: 'salesforce-cors',
    group: 'other-providers',
    message: 'CORS error on https://login.salesforce.com/services/oauth2/token',
    match: { descriptionIncludes: 'salesforce.com/services/oauth2/token' },
    title: 'Salesforce: CORS only on My Domain, and only when enabled',
    cause:
      'The token endpoint answers cross-origin requests only on the My Domain (or Experience Cloud) host, only with "Enable CORS for OAuth endpoints" on, and only for allowlisted origins; login.salesforce.com never does.',
    fix: 'Use the My Domain URL as the issuer, turn on "Enable CORS for OAuth endpoints" and add this origin to the CORS allowlist.',
    spec: CORS,
    providers: ['Salesforce'],
  },
]

const BROWSER_LIBRARY_ENTRIES: readonly CatalogueEntry[] = [
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

const PKCE_LAB_ENTRIES: readonly CatalogueEntry[] = [
  appCheck('invalid_settings', {
    cause:
      'The settings cannot form an authorization request: the issuer is not an https URL, the client_id is empty, an extra parameter takes a name PKCE Lab sets itself (state, code_challenge, redirect_uri…), or a needed client secret is missing.',
    fix: 'Correct the field the error names and sign in again.',
  }),
  appCheck('unsafe_endpoint', {
    cause:
      'The provider metadata names an endpoint that is not https (http is accepted on loopback hosts only), or a javascript: or data: URL. Following it could send tokens in clear text or run script.',
    fix: 'Check the issuer: a real provider serves every endpoint over https. Do not use a provider whose metadata does this.',
    spec: { label: 'RFC 6749 §3.1', url: `${RFC6749}#section-3.1` },
  }),
  appCheck('discovery_failed', {
    cause:
      "The issuer's /.well-known/openid-configuration did not answer with usable metadata: a wrong issuer URL (missing realm, tenant, /v2.0 or /oauth2/default), an HTML page, a missing required endpoint, or CORS.",
    fix: "Open the issuer's /.well-known/openid-configuration in a tab: it must show JSON. Copy the issuer from there.",
    spec: DISCOVERY,
  }),
  appCheck('discovery_issuer_mismatch', {
    cause:
      'The metadata names another issuer than the one typed, even if only by a trailing slash or letter case. The check stops a provider from speaking for another.',
    fix: 'Use the issuer exactly as the metadata states it. Entra ID /common and /organizations need your tenant ID instead (see "The issuer does not match").',
    spec: ISSUER_VALIDATION,
  }),
  appCheck('unsupported_id_token_alg', {
    cause:
      'The provider signs ID tokens only with an HMAC algorithm (HS256), whose key is the client secret, or with none. A browser cannot hold that secret and must never accept unsigned tokens.',
    fix: 'Configure the client at the provider to sign ID tokens with RS256, ES256 or another asymmetric algorithm.',
    spec: ID_TOKEN_VALIDATION,
  }),
  appCheck('network_error', {
    cause:
      'The request failed before any HTTP status could be read. Almost always CORS: the provider does not allow this origin on that endpoint. Otherwise the provider is down or the URL is wrong.',
    fix: "Allow this page's origin for CORS at the provider (for the token endpoint too), and check the browser console for the exact reason.",
    spec: CORS,
  }),
  appCheck('timeout', {
    cause: 'The provider did not answer within the time limit.',
    fix: 'Check that the provider is running and reachable, then try again.',
  }),
  appCheck('no_pending_authorization', {
    cause:
      'A callback arrived, but this tab started no sign-in, or already used it: the callback URL was reloaded or reopened, the sign-in began in another tab, or on another origin (localhost and 127.0.0.1 are different).',
    fix: 'Start again with "Sign in", in the same tab and on the same origin as the redirect URI.',
    spec: { label: 'RFC 6749 §10.12', url: `${RFC6749}#section-10.12` },
  }),
  appCheck('pending_authorization_expired', {
    cause:
      'A callback arrived for a sign-in started more than ten minutes earlier in this tab. The pending authorization (state, nonce and code_verifier) is honoured for ten minutes only, so that a forgotten tab does not keep what could help redeem a code.',
    fix: 'Start again with "Sign in", and finish at the provider within ten minutes.',
    spec: { label: 'RFC 6749 §4.1.2', url: `${RFC6749}#section-4.1.2` },
  }),
  appCheck('state_mismatch', {
    cause:
      'The state in the callback is missing or not the one this tab sent. The callback may be forged (cross-site request forgery), replayed, or from another sign-in.',
    fix: 'Start again with "Sign in". Nothing from the callback was used.',
    spec: { label: 'RFC 6749 §10.12', url: `${RFC6749}#section-10.12` },
  }),
  appCheck('iss_mismatch', {
    cause:
      'The callback names another issuer (iss) than the one the sign-in started with, or omits it though the provider promised to send it: the signature of a mix-up attack.',
    fix: 'Start again with "Sign in". If it repeats, two providers are answering for one sign-in.',
    spec: { label: 'RFC 9207 §2.4', url: 'https://www.rfc-editor.org/rfc/rfc9207#section-2.4' },
  }),
  appCheck('authorization_error', {
    cause:
      'The provider sent the browser back with error= instead of a code. Its error code and description name the reason.',
    fix: "Look up the provider's error code in this explainer, correct the settings or the registration, and sign in again.",
    spec: AUTHORIZATION_ERROR,
  }),
  appCheck('invalid_authorization_response', {
    cause:
      'The callback is not a valid authorization response: no code, a parameter given twice, or tokens in the URL where only a code belongs.',
    fix: 'Start again with "Sign in"; if it repeats, check that the client uses response_type=code and the provider is not misconfigured.',
    spec: { label: 'RFC 6749 §4.1.2', url: `${RFC6749}#section-4.1.2` },
  }),
  appCheck('token_endpoint_error', {
    cause:
      'The token endpoint answered with an OAuth error. Its error code and description name the reason.',
    fix: "Look up the provider's error code in this explainer, correct the settings or the registration, and sign in again.",
    spec: TOKEN_ERROR,
  }),
  appCheck('invalid_token_response', {
    cause:
      'The token endpoint answered, but not with a token response: no access_token or token_type, not JSON, or an HTML page from a proxy or a wrong URL.',
    fix: 'Check the token endpoint in the metadata and whether anything (a proxy, a login wall) sits in front of it.',
    spec: { label: 'RFC 6749 §5.1', url: `${RFC6749}#section-5.1` },
  }),
  appCheck('id_token_rejected', {
    cause:
      'The ID token failed a required check: signature or algorithm, issuer, audience (this client_id), expiry or issue time, or the nonce this sign-in sent.',
    fix: "Read which check failed. exp or iat: compare the clocks of this device and the provider. aud: the client_id differs from the token's audience. nonce: the response belongs to another sign-in.",
    spec: ID_TOKEN_VALIDATION,
  }),
  appCheck('id_token_changed', {
    cause:
      'A refresh returned an ID token for another user, issuer or client than the first one. A provider must not do that.',
    fix: 'The session was ended to be safe; sign in again. If it repeats, the provider is misbehaving.',
    spec: { label: 'OpenID Connect Core §12.2', url: `${CORE}#RefreshTokenResponse` },
  }),
  appCheck('userinfo_failed', {
    cause:
      'The UserInfo endpoint refused the access token or answered with something that is not claims: the token expired, lacks the openid scope, is meant for another API (an Entra token for your own API cannot call Graph), or CORS is not allowed there (Okta: Trusted Origins).',
    fix: 'Refresh and call again; request openid and the profile scopes; allow this origin for CORS at the UserInfo endpoint.',
    spec: { label: 'OpenID Connect Core §5.3', url: `${CORE}#UserInfo` },
  }),
  appCheck('userinfo_sub_mismatch', {
    cause:
      "UserInfo answered with claims about another subject (sub) than the ID token's, so they cannot be shown as this user's.",
    fix: 'Nothing to fix on this side: the provider is misbehaving, or something between you and it swapped the answer.',
    spec: { label: 'OpenID Connect Core §5.3.2', url: `${CORE}#UserInfoResponse` },
  }),
  appCheck('interactive_sign_in_required', {
    cause:
      'A silent sign-in (prompt=none) could not finish without you: the provider answered login_required, interaction_required, consent_required or account_selection_required, or the hidden frame never came back because the browser blocks third-party cookies or the provider refuses to be framed.',
    fix: 'Sign in with "Sign in". This is the expected end of silent renewal when the provider session is gone or unreachable, not a setup problem.',
    spec: PROMPT_NONE_ERROR,
  }),
  appCheck('revocation_failed', {
    cause:
      'The revocation endpoint refused to revoke a token, for example an unsupported token type or a client it could not authenticate.',
    fix: 'The token may stay valid at the provider until it expires; everything local was forgotten anyway.',
    spec: {
      label: 'RFC 7009 §2.2.1',
      url: 'https://www.rfc-editor.org/rfc/rfc7009#section-2.2.1',
    },
  }),
]

export const CATALOGUE: readonly CatalogueEntry[] = [
  ...OAUTH_ENTRIES,
  ...GOOGLE_ENTRIES,
  ...ENTRA_ENTRIES,
  ...AUTH0_ENTRIES,
  ...OKTA_ENTRIES,
  ...KEYCLOAK_ENTRIES,
  ...COGNITO_ENTRIES,
  ...GITHUB_ENTRIES,
  ...OTHER_PROVIDER_ENTRIES,
  ...BROWSER_LIBRARY_ENTRIES,
  ...PKCE_LAB_ENTRIES,
]

export function catalogueEntry(id: string): CatalogueEntry | undefined {
  return CATALOGUE.find((entry) => entry.id === id)
}

/**
 * The entries that explain a provider's error, most specific first: those recognised by the provider's
 * words come before those that only share its `error` code. An entry whose match names both needs both.
 */
export function findCatalogueEntries(error: {
  error?: string
  error_description?: string
  message?: string
}): CatalogueEntry[] {
  const texts = [error.error_description, error.message]
    .filter((text): text is string => text !== undefined)
    .map((text) => text.toLowerCase())
  const byWords: CatalogueEntry[] = []
  const byCode: CatalogueEntry[] = []
  for (const entry of CATALOGUE) {
    const { error: code, descriptionIncludes } = entry.match
    if (code === undefined && descriptionIncludes === undefined) continue
    if (code !== undefined && code !== error.error) continue
    if (descriptionIncludes === undefined) {
      byCode.push(entry)
      continue
    }
    const needle = descriptionIncludes.toLowerCase()
    if (texts.some((text) => text.includes(needle))) byWords.push(entry)
  }
  return [...byWords, ...byCode]
}
