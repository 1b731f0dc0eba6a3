/**
 * The one table of this app's own failures, keyed by error code: the title the error panel and the
 * explainer show, the cause, and the advice. An OAuth `error` or a provider's words, when the
 * failure carries them, are matched to their own entries first (error-catalogue.ts).
 */
import type { OidcError, OidcErrorCode, Reachability } from '../../../oidc'
import type { CatalogueEntry } from './entry'
import {
  AUTHORIZATION_ERROR,
  CORE,
  CORS,
  DISCOVERY,
  ID_TOKEN_VALIDATION,
  ISSUER_VALIDATION,
  PROMPT_NONE_ERROR,
  RFC6749,
  slugify,
  TOKEN_ERROR,
} from './entry'

/** What a failure may know beyond its code, for advice that fits it. */
export type FailureFacts = Partial<Pick<OidcError, 'origin' | 'check' | 'reachability'>>

// A failed ID token check says what to look at for that claim (OIDC Core §3.1.3.7), not all of them.
const ID_TOKEN_CHECK_FIXES: Readonly<Record<string, string>> = {
  auth_time:
    'Nothing from this response was kept. The ID token says the user last logged in longer ago than the max_age this sign-in sent allows. If its auth_time is 0 or before 2000 (see the lint under the token), the provider writes a placeholder there, whatever the clocks say: ask it to send the real time (OpenID Connect Core §2), or remove max_age from the extra parameters. Otherwise the login really is that old: sign in with prompt=login to log in afresh.',
  exp: 'Nothing from this response was kept. The ID token had expired on arrival: the provider’s clock or this computer’s is wrong, or the response was held up. Compare both clocks with a time server.',
  nbf: 'Nothing from this response was kept. The ID token is not valid yet (nbf is in the future): the provider’s clock or this computer’s is ahead. Compare both clocks with a time server.',
  iat: 'Nothing from this response was kept. The ID token’s iat is missing or not a number: the provider is not following OpenID Connect Core §2.',
  iss: 'Nothing from this response was kept. The ID token names another issuer than the configured one: check the issuer in the settings, byte for byte (a trailing slash counts), against the token’s iss.',
  aud: 'Nothing from this response was kept. The ID token is meant for another client: check that the client_id in the settings is the one registered at this provider.',
  azp: 'Nothing from this response was kept. The ID token names another authorized party (azp) than this client_id: the provider issued it to another client.',
  nonce:
    'Nothing from this response was kept. The ID token does not carry the nonce this sign-in sent: it answers another request (replayed or mixed up). Sign in again.',
}

// Told apart by a second request that needs no CORS (oidc/http.ts).
const NETWORK_FIXES: Record<Reachability, (origin: string) => string> = {
  hidden: (origin) =>
    `The server answered, but the browser hid its answer from this page: CORS on that endpoint does not allow the origin ${origin}. Add it to the provider's allowed origins (for this endpoint too; each endpoint the browser calls needs it).`,
  'no-answer': () =>
    'The server did not answer at all, not even to a request that needs no CORS: it is down, the host or port is wrong, or the connection is blocked (offline, a proxy or firewall, a certificate the browser refuses). Open the URL in a tab to see what the browser says.',
}

export interface AppCheck {
  title: string
  cause: string
  /**
   * Where advice depends on the failure (the page's origin, the check that failed, whether the server
   * answered at all), it is a function of what the failure knows; the explainer lists it knowing none.
   */
  fix: string | ((failure: FailureFacts) => string)
  spec?: { label: string; url: string }
}

export const APP_CHECKS: Record<OidcErrorCode, AppCheck> = {
  invalid_settings: {
    title: 'The settings cannot start a sign-in',
    cause:
      'The settings cannot form an authorization request: the issuer is not an https URL, the client_id is empty, an extra parameter takes a name PKCE Lab sets itself (state, code_challenge, redirect_uri…), or a needed client secret is missing.',
    fix: 'Correct the field named above and sign in again.',
  },
  unsafe_endpoint: {
    title: 'The provider metadata names an endpoint this app refuses to use',
    cause:
      'The provider metadata names an endpoint that is not https (http is accepted on loopback hosts only), or a javascript: or data: URL. Following it could send tokens in clear text or run script.',
    spec: { label: 'RFC 6749 §3.1', url: `${RFC6749}#section-3.1` },
    fix: 'Only https endpoints (or http on localhost) are used, and never javascript: or data: URLs. Check the issuer: this is not a provider this app can trust.',
  },
  discovery_failed: {
    title: 'The provider metadata could not be used',
    cause:
      "The issuer's /.well-known/openid-configuration did not answer with usable metadata: a wrong issuer URL (missing realm, tenant, /v2.0 or /oauth2/default), an HTML page, a missing required endpoint, or CORS.",
    spec: DISCOVERY,
    fix: 'Check the issuer URL: its /.well-known/openid-configuration must return the provider metadata as JSON.',
  },
  discovery_issuer_mismatch: {
    title: 'The metadata belongs to another issuer',
    cause:
      'The metadata names another issuer than the one typed, even if only by a trailing slash or letter case. The check stops a provider from speaking for another.',
    spec: ISSUER_VALIDATION,
    fix: 'Use the issuer exactly as the metadata states it (trailing slash included). Entra ID /common and /organizations publish a templated issuer: use your tenant ID instead.',
  },
  unsupported_id_token_alg: {
    title: 'The provider signs ID tokens only with algorithms a browser must refuse',
    cause:
      'The provider signs ID tokens only with an HMAC algorithm (HS256), whose key is the client secret, or with none. A browser cannot hold that secret and must never accept unsigned tokens.',
    spec: ID_TOKEN_VALIDATION,
    fix: 'Configure the client at the provider to sign ID tokens with RS256 (or another asymmetric algorithm).',
  },
  network_error: {
    title: 'The request failed before any answer could be read',
    cause:
      'The request failed before any HTTP status could be read, and the browser does not tell a page why: either CORS does not allow this origin on that endpoint, or the server is down or the URL is wrong. PKCE Lab tells them apart with a second request that needs no CORS, where it can.',
    spec: CORS,
    fix: ({ origin, reachability }) =>
      reachability === undefined
        ? `To find out which, open the URL in a tab. If it answers there, it is CORS: the provider must allow the origin ${origin ?? 'of this page'} on that endpoint. If it does not, the server is down or the URL is wrong.`
        : NETWORK_FIXES[reachability](origin ?? 'of this page'),
  },
  timeout: {
    title: 'The provider did not answer in time',
    cause: 'The provider did not answer within the time limit.',
    fix: 'Check that the provider is running and reachable, then try again.',
  },
  no_pending_authorization: {
    title: 'No sign-in is waiting for this callback',
    cause:
      'A callback arrived, but this tab started no sign-in, or already used it: the callback URL was reloaded or reopened, the sign-in began in another tab, or on another origin (localhost and 127.0.0.1 are different).',
    spec: { label: 'RFC 6749 §10.12', url: `${RFC6749}#section-10.12` },
    fix: ({ origin }) =>
      `A callback URL works once, in the tab that started the sign-in, on the same origin (${origin ?? 'this origin'}; localhost and 127.0.0.1 are different origins). Start again with "Sign in".`,
  },
  pending_authorization_expired: {
    title: 'The sign-in waiting for this callback is too old',
    cause:
      'A callback arrived for a sign-in started more than ten minutes earlier in this tab. The pending authorization (state, nonce and code_verifier) is honoured for ten minutes only, so that a forgotten tab does not keep what could help redeem a code.',
    spec: { label: 'RFC 6749 §4.1.2', url: `${RFC6749}#section-4.1.2` },
    fix: 'The sign-in took longer than this app keeps a pending authorization, so its code_verifier was discarded and the code was not exchanged. Start again with "Sign in" and finish at the provider within ten minutes.',
  },
  state_mismatch: {
    title: 'The state parameter does not match',
    cause:
      'The state in the callback is missing or not the one this tab sent. The callback may be forged (cross-site request forgery), replayed, or from another sign-in.',
    spec: { label: 'RFC 6749 §10.12', url: `${RFC6749}#section-10.12` },
    fix: 'The callback does not belong to the sign-in this tab started: it may be forged, replayed or from another tab. Start again with "Sign in".',
  },
  iss_mismatch: {
    title: 'The callback comes from another issuer',
    cause:
      'The callback names another issuer (iss) than the one the sign-in started with, or omits it though the provider promised to send it: the signature of a mix-up attack.',
    spec: { label: 'RFC 9207 §2.4', url: 'https://www.rfc-editor.org/rfc/rfc9207#section-2.4' },
    fix: 'The response names another issuer than the one this sign-in started with (a mix-up, RFC 9207). Start again with "Sign in".',
  },
  authorization_error: {
    title: 'The provider refused the authorization request',
    cause:
      'The provider sent the browser back with error= instead of a code. Its error code and description name the reason.',
    spec: AUTHORIZATION_ERROR,
    fix: "Read the provider's words above, correct the settings or the registration at the provider, and sign in again.",
  },
  invalid_authorization_response: {
    title: 'The callback is not a valid authorization response',
    cause:
      'The callback is not a valid authorization response: no code, a parameter given twice, or tokens in the URL where only a code belongs.',
    spec: { label: 'RFC 6749 §4.1.2', url: `${RFC6749}#section-4.1.2` },
    fix: 'The provider sent a response this app cannot accept. Start again with "Sign in"; if it repeats, the provider is misconfigured.',
  },
  token_endpoint_error: {
    title: 'The token endpoint refused the request',
    cause:
      'The token endpoint answered with an OAuth error. Its error code and description name the reason.',
    spec: TOKEN_ERROR,
    fix: "Read the provider's words above, correct the settings or the registration at the provider, and sign in again.",
  },
  invalid_token_response: {
    title: 'The token endpoint did not answer with tokens',
    cause:
      'The token endpoint answered, but not with a token response: no access_token or token_type, not JSON, or an HTML page from a proxy or a wrong URL.',
    spec: { label: 'RFC 6749 §5.1', url: `${RFC6749}#section-5.1` },
    fix: 'The token endpoint answered with something other than a token response. Check the provider is an OAuth 2.0 server and try again.',
  },
  id_token_rejected: {
    title: 'The ID token failed a check',
    cause:
      'The ID token failed a required check: signature or algorithm, issuer, audience (this client_id), expiry or issue time, or the nonce this sign-in sent.',
    spec: ID_TOKEN_VALIDATION,
    fix: ({ check }) =>
      (check === undefined ? undefined : ID_TOKEN_CHECK_FIXES[check]) ??
      'Nothing from this response was kept. If the provider is yours, check its clock, issuer and client settings; otherwise it cannot be trusted.',
  },
  id_token_changed: {
    title: 'The refreshed ID token is about someone else',
    cause:
      'A refresh returned an ID token for another user, issuer or client than the first one. A provider must not do that.',
    spec: { label: 'OpenID Connect Core §12.2', url: `${CORE}#RefreshTokenResponse` },
    fix: 'A refresh must return tokens for the same user, issuer and client (OpenID Connect Core §12.2). The session was ended; sign in again.',
  },
  userinfo_failed: {
    title: 'The UserInfo endpoint did not answer with claims',
    cause:
      'The UserInfo endpoint refused the access token or answered with something that is not claims: the token expired, lacks the openid scope, is meant for another API (an Entra token for your own API cannot call Graph), or CORS is not allowed there (Okta: Trusted Origins).',
    spec: { label: 'OpenID Connect Core §5.3', url: `${CORE}#UserInfo` },
    fix: 'Check that the access token is meant for UserInfo (a JWT access token for another audience is refused) and has not expired; sign in again if needed.',
  },
  userinfo_sub_mismatch: {
    title: 'UserInfo describes another user than the ID token',
    cause:
      "UserInfo answered with claims about another subject (sub) than the ID token's, so they cannot be shown as this user's.",
    spec: { label: 'OpenID Connect Core §5.3.2', url: `${CORE}#UserInfoResponse` },
    fix: 'The claims were not shown: UserInfo must describe the user of the ID token (OpenID Connect Core §5.3.2). The provider is misbehaving.',
  },
  interactive_sign_in_required: {
    title: 'Interactive sign-in needed',
    cause:
      'A silent sign-in (prompt=none) could not finish without you: the provider answered login_required, interaction_required, consent_required or account_selection_required, or the hidden frame never came back because the browser blocks third-party cookies or the provider refuses to be framed.',
    spec: PROMPT_NONE_ERROR,
    fix: 'Sign in again with "Sign in". A silent sign-in needs the provider\'s session cookie; browsers that block third-party cookies (Safari, Firefox, Chrome Incognito) do not send it to a hidden frame, and many providers refuse to be framed at all.',
  },
  revocation_failed: {
    title: 'The provider did not revoke a token',
    cause:
      'The revocation endpoint refused the request (often HTTP 401 or invalid_client: the provider demands client authentication, which RFC 7009 §2.1 does not ask of a public client) or could not be reached. The token was not revoked.',
    spec: {
      label: 'RFC 7009 §2.1, §2.2.1',
      url: 'https://www.rfc-editor.org/rfc/rfc7009#section-2.1',
    },
    fix: 'The token stays valid at the provider until it expires; everything local was forgotten anyway. At the provider, let this public client revoke its own tokens without a secret (RFC 7009 §2.1), or shorten the token lifetimes.',
  },
  pushed_authorization_failed: {
    title: 'The provider refused the pushed authorization request',
    cause:
      "The pushed_authorization_request_endpoint answered the POST with an error, or with something that is not a request_uri: the authorization request's parameters were refused before the browser left this page.",
    spec: {
      label: 'RFC 9126 §2.3',
      url: 'https://www.rfc-editor.org/rfc/rfc9126#section-2.3',
    },
    fix: "The provider's words below name the parameter it refused; a pushed request is checked as the same request in the URL would be (client_id, redirect_uri, scope). A 401 means it wants client authentication: a public client cannot push unless the provider lets it.",
  },
  end_session_failed: {
    title: 'The provider session was not ended',
    cause:
      'The end-session request could not be made, or the provider still had your session afterwards (a silent prompt=none request came back with a code).',
    spec: {
      label: 'RP-Initiated Logout §2',
      url: 'https://openid.net/specs/openid-connect-rpinitiated-1_0.html#RPLogout',
    },
    fix: 'Sign out on the provider’s own site, or close the browser; until then the next sign-in may not ask for a password. If you declined the provider’s confirmation page, that is why.',
  },
}

export const PKCE_LAB_ENTRIES: readonly CatalogueEntry[] = Object.entries(APP_CHECKS).map(
  ([code, check]) => ({
    id: slugify(code),
    group: 'pkce-lab',
    message: code,
    match: {},
    title: check.title,
    cause: check.cause,
    fix: fixFor(check, {}),
    ...(check.spec ? { spec: check.spec } : {}),
    providers: ['PKCE Lab'],
  }),
)

export function fixFor(check: AppCheck, failure: FailureFacts): string {
  return typeof check.fix === 'string' ? check.fix : check.fix(failure)
}
