/**
 * Words for failures: each error code and step mapped to a title and the likely fix. The protocol layer
 * reports facts (code, step, check, the provider's words); this file decides how to say them.
 */
import type { OidcError, OidcErrorCode, OidcStep } from '../../oidc'

export const STEP_NAMES: Record<OidcStep, string> = {
  settings: 'Settings',
  discovery: 'Discovery (fetching the provider metadata)',
  'authorization-request': 'Authorization request',
  'authorization-response': 'Callback (the authorization response)',
  'token-request': 'Token request (exchanging the code)',
  'id-token': 'ID token validation',
  refresh: 'Refresh (the refresh_token grant)',
  'silent-authorization': 'Silent sign-in (prompt=none)',
  userinfo: 'UserInfo request',
  'resource-request': 'API request',
  revocation: 'Token revocation',
  'end-session': 'Sign-out at the provider (end session)',
  jwks: "Fetching the provider's signing keys (jwks_uri)",
}

/** The heading of each failure, in the error panel and in the explainer's entry for it. */
export const ERROR_TITLES: Record<OidcErrorCode, string> = {
  invalid_settings: 'The settings cannot start a sign-in',
  unsafe_endpoint: 'The provider metadata names an endpoint this app refuses to use',
  discovery_failed: 'The provider metadata could not be used',
  discovery_issuer_mismatch: 'The metadata belongs to another issuer',
  unsupported_id_token_alg:
    'The provider signs ID tokens only with algorithms a browser must refuse',
  network_error: 'The request failed before any answer could be read',
  timeout: 'The provider did not answer in time',
  no_pending_authorization: 'No sign-in is waiting for this callback',
  pending_authorization_expired: 'The sign-in waiting for this callback is too old',
  state_mismatch: 'The state parameter does not match',
  iss_mismatch: 'The callback comes from another issuer',
  authorization_error: 'The provider refused the authorization request',
  invalid_authorization_response: 'The callback is not a valid authorization response',
  token_endpoint_error: 'The token endpoint refused the request',
  invalid_token_response: 'The token endpoint did not answer with tokens',
  id_token_rejected: 'The ID token failed a check',
  id_token_changed: 'The refreshed ID token is about someone else',
  userinfo_failed: 'The UserInfo endpoint did not answer with claims',
  userinfo_sub_mismatch: 'UserInfo describes another user than the ID token',
  interactive_sign_in_required: 'Interactive sign-in needed',
  revocation_failed: 'The provider refused to revoke a token',
}

/** Known OAuth `error` values (RFC 6749 §4.1.2.1, §5.2; OIDC Core §3.1.2.6) and provider messages. */
const OAUTH_FIXES: Record<string, string> = {
  access_denied:
    'The sign-in was cancelled or refused at the provider. Sign in again and allow access when asked.',
  invalid_client:
    'The provider could not authenticate this client. Check the client_id; make the client public (single-page app, no secret) or, if the provider insists on a secret (Google), enter it.',
  invalid_grant:
    'The code or refresh token was rejected: it expired, was used already, or the code_verifier or redirect_uri does not match. Sign in again.',
  unauthorized_client:
    'This client may not use this grant. Enable the authorization code (and refresh token) grant for it at the provider.',
  invalid_scope:
    'A requested scope is unknown or not allowed for this client. Remove it from Scopes.',
  invalid_request:
    'The provider found the request malformed. Read its description above; a missing client secret, an unregistered redirect URI or a bad extra parameter are the usual causes.',
  redirect_uri_mismatch:
    'Register the redirect URI shown in the settings at the provider, byte for byte (scheme, host, port, path, trailing slash).',
  unsupported_response_type:
    'The client is not allowed the code flow. Enable "authorization code" for it.',
  login_required:
    'The provider needs you to sign in interactively. Sign in again without prompt=none.',
  consent_required:
    'The provider needs your consent interactively. Sign in again without prompt=none.',
  interaction_required: 'The provider needs you to interact. Sign in again without prompt=none.',
  server_error: 'The provider failed internally. Try again later.',
  temporarily_unavailable: 'The provider is overloaded or down for maintenance. Try again later.',
}

function oauthFix(error: OidcError): string | undefined {
  const body = error.oauthError
  if (!body) return undefined
  if (body.error_description?.includes('client_secret is missing')) {
    return 'Google (and providers like it) demand the client secret at the token endpoint even with PKCE. Enter the client secret and sign in again.'
  }
  if (error.step === 'refresh' && body.error === 'invalid_grant') {
    return 'The refresh token was refused: it expired, was revoked (signing out elsewhere does that), was used twice (with rotation, a reused refresh token makes the provider revoke the whole grant), or hit a fixed lifetime (Entra ID: 24 hours for single-page apps, AADSTS700084). The session has ended; sign in again.'
  }
  if (body.error_description?.includes('AADSTS9002326')) {
    return 'In Entra ID, move the redirect URI to the "Single-page application" platform.'
  }
  return OAUTH_FIXES[body.error]
}

function codeFix(error: OidcError): string {
  switch (error.code) {
    case 'invalid_settings':
      return 'Correct the field named above and sign in again.'
    case 'unsafe_endpoint':
      return 'Only https endpoints (or http on localhost) are used, and never javascript: or data: URLs. Check the issuer: this is not a provider this app can trust.'
    case 'discovery_failed':
      return 'Check the issuer URL: its /.well-known/openid-configuration must return the provider metadata as JSON.'
    case 'discovery_issuer_mismatch':
      return 'Use the issuer exactly as the metadata states it (trailing slash included). Entra ID /common and /organizations publish a templated issuer: use your tenant ID instead.'
    case 'unsupported_id_token_alg':
      return 'Configure the client at the provider to sign ID tokens with RS256 (or another asymmetric algorithm).'
    case 'network_error':
      return `A request that fails without a status is almost always CORS: the provider must allow the origin ${error.origin ?? 'of this page'} (for the token endpoint too). Otherwise the provider is down or the URL is wrong.`
    case 'timeout':
      return 'Check that the provider is running and reachable, then try again.'
    case 'no_pending_authorization':
      return `A callback URL works once, in the tab that started the sign-in, on the same origin (${error.origin ?? 'this origin'}; localhost and 127.0.0.1 are different origins). Start again with "Sign in".`
    case 'pending_authorization_expired':
      return 'The sign-in took longer than this app keeps a pending authorization, so its code_verifier was discarded and the code was not exchanged. Start again with "Sign in" and finish at the provider within ten minutes.'
    case 'state_mismatch':
      return 'The callback does not belong to the sign-in this tab started: it may be forged, replayed or from another tab. Start again with "Sign in".'
    case 'iss_mismatch':
      return 'The response names another issuer than the one this sign-in started with (a mix-up, RFC 9207). Start again with "Sign in".'
    case 'authorization_error':
      return "Read the provider's words above, correct the settings or the registration at the provider, and sign in again."
    case 'invalid_authorization_response':
      return 'The provider sent a response this app cannot accept. Start again with "Sign in"; if it repeats, the provider is misconfigured.'
    case 'token_endpoint_error':
      return "Read the provider's words above, correct the settings or the registration at the provider, and sign in again."
    case 'invalid_token_response':
      return 'The token endpoint answered with something other than a token response. Check the provider is an OAuth 2.0 server and try again.'
    case 'id_token_rejected':
      return 'Nothing from this response was kept. If the provider is yours, check its clock, issuer and client settings; otherwise it cannot be trusted.'
    case 'id_token_changed':
      return 'A refresh must return tokens for the same user, issuer and client (OpenID Connect Core §12.2). The session was ended; sign in again.'
    case 'userinfo_failed':
      return 'Check that the access token is meant for UserInfo (a JWT access token for another audience is refused) and has not expired; sign in again if needed.'
    case 'userinfo_sub_mismatch':
      return 'The claims were not shown: UserInfo must describe the user of the ID token (OpenID Connect Core §5.3.2). The provider is misbehaving.'
    case 'interactive_sign_in_required':
      return 'Sign in again with "Sign in". A silent sign-in needs the provider\'s session cookie; browsers that block third-party cookies (Safari, Firefox, Chrome Incognito) do not send it to a hidden frame, and many providers refuse to be framed at all.'
    case 'revocation_failed':
      return 'The token may stay valid at the provider until it expires. Everything local was forgotten anyway.'
  }
}

export function explainError(error: OidcError): { title: string; step: string; fix: string } {
  return {
    title: ERROR_TITLES[error.code],
    step: STEP_NAMES[error.step],
    // A silent sign-in's login_required is not a setup problem: say why silence failed.
    fix:
      error.code === 'interactive_sign_in_required'
        ? codeFix(error)
        : (oauthFix(error) ?? codeFix(error)),
  }
}
