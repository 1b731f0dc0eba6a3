/** The standard OAuth 2.0 and OpenID Connect `error` values (RFC 6749 §4.1.2.1 and §5.2, RFC 6750 §3.1, OIDC Core §3.1.2.6), each matched by its bare code. */
import type { CatalogueEntry } from './entry'
import {
  AUTHORIZATION_ERROR,
  BEARER_ERROR,
  oauthCode,
  PROMPT_NONE_ERROR,
  REDIRECTION_ENDPOINT,
  RFC6749,
  TOKEN_ERROR,
} from './entry'

export const OAUTH_ENTRIES: readonly CatalogueEntry[] = [
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
  oauthCode('invalid_dpop_proof', {
    title: 'The DPoP proof was refused',
    cause:
      "The server could not accept the DPoP header: its signature, typ, alg or key, or a claim (htm, htu, iat, jti, ath, nonce) did not check out. The usual causes are a clock far off the server's (iat), a proof algorithm the server does not take, or a proxy that changed the URL on the way (htu).",
    fix: "Read the error_description: it names the check. Compare this computer's clock with the server's, and the proof's htu with the URL the server sees (the timeline shows each proof decoded). If the server accepts no ES256 proofs, turn DPoP off for it.",
    spec: { label: 'RFC 9449 §5', url: 'https://www.rfc-editor.org/rfc/rfc9449#section-5' },
  }),
  oauthCode('use_dpop_nonce', {
    title: 'The server wants a DPoP nonce',
    cause:
      'The server accepts only DPoP proofs that carry a nonce it handed out in a DPoP-Nonce header. PKCE Lab sends the request once more with it; this error means that second proof was refused too, or that the page could not read the DPoP-Nonce header.',
    fix: 'A page reads DPoP-Nonce only if the server lists it in Access-Control-Expose-Headers: ask its operator to expose it. If it was exposed, the server changed its nonce between the two requests; try again.',
    spec: { label: 'RFC 9449 §8', url: 'https://www.rfc-editor.org/rfc/rfc9449#section-8' },
  }),
]
