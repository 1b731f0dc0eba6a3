/**
 * Which entry of the error explainer fits a failure, as the anchor of its link. It must stay tiny and
 * must not import the catalogue: the error panel is on the first screen and the catalogue loads lazily.
 * The catalogue's ids follow the same rule (`slugify`), and a test checks every slug given here exists.
 */
import type { OidcError, OidcErrorCode } from '../../oidc'

/** Lower case, every run of other characters one hyphen: safe in a URL fragment and as an HTML id. */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}

/**
 * The OAuth 2.0 and OpenID Connect `error` values the catalogue explains (RFC 6749 §4.1.2.1 and §5.2,
 * RFC 6750 §3.1, OIDC Core §3.1.2.6, and Google's redirect_uri_mismatch); each has the entry
 * `slugify(code)`.
 */
export const OAUTH_ERROR_CODES: readonly string[] = [
  'invalid_request',
  'invalid_client',
  'invalid_grant',
  'unauthorized_client',
  'unsupported_grant_type',
  'unsupported_response_type',
  'invalid_scope',
  'access_denied',
  'redirect_uri_mismatch',
  'login_required',
  'interaction_required',
  'consent_required',
  'account_selection_required',
  'temporarily_unavailable',
  'server_error',
  'invalid_token',
  'insufficient_scope',
]

/** Every failure this app reports has an entry of its own, for when nothing more specific fits. */
export const CODE_SLUGS: Record<OidcErrorCode, string> = {
  invalid_settings: 'invalid-settings',
  unsafe_endpoint: 'unsafe-endpoint',
  discovery_failed: 'discovery-failed',
  discovery_issuer_mismatch: 'discovery-issuer-mismatch',
  unsupported_id_token_alg: 'unsupported-id-token-alg',
  network_error: 'network-error',
  timeout: 'timeout',
  no_pending_authorization: 'no-pending-authorization',
  pending_authorization_expired: 'pending-authorization-expired',
  state_mismatch: 'state-mismatch',
  iss_mismatch: 'iss-mismatch',
  authorization_error: 'authorization-error',
  invalid_authorization_response: 'invalid-authorization-response',
  token_endpoint_error: 'token-endpoint-error',
  invalid_token_response: 'invalid-token-response',
  id_token_rejected: 'id-token-rejected',
  id_token_changed: 'id-token-changed',
  userinfo_failed: 'userinfo-failed',
  userinfo_sub_mismatch: 'userinfo-sub-mismatch',
  interactive_sign_in_required: 'interactive-sign-in-required',
  revocation_failed: 'revocation-failed',
}

/** A provider's wording that names its problem more precisely than the bare `error` code does. */
export interface DescriptionMarker {
  /** Found in error_description or, failing that, in the error's message; case-insensitive. */
  includes: string
  /** Only when the provider's `error` is this code too. */
  error?: string
  slug: string
}

/** Entra ID numbers its messages; only the ones the catalogue explains are linked to an entry. */
export const AADSTS_CODES: readonly string[] = [
  '9002326',
  '9002327',
  '7000218',
  '700084',
  '50058',
  '50011',
]

export const DESCRIPTION_MARKERS: readonly DescriptionMarker[] = [
  { includes: 'client_secret is missing', slug: 'google-client-secret-missing' },
  { includes: 'code_verifier or verifier is not needed', slug: 'google-verifier-not-needed' },
  { includes: 'Missing code verifier', slug: 'google-missing-code-verifier' },
  { includes: 'Token has been expired or revoked', slug: 'google-token-expired-or-revoked' },
  { includes: 'Unauthorized', error: 'access_denied', slug: 'auth0-unauthorized' },
  {
    includes: 'invalid refresh token',
    error: 'invalid_grant',
    slug: 'auth0-invalid-refresh-token',
  },
  {
    includes: 'Invalid authorization code',
    error: 'invalid_grant',
    slug: 'auth0-invalid-authorization-code',
  },
  { includes: 'Login required', error: 'login_required', slug: 'auth0-login-required' },
  {
    includes: 'The client specified not to prompt',
    error: 'login_required',
    slug: 'okta-login-required',
  },
  {
    includes: 'Either the client or the client credentials are invalid',
    error: 'invalid_client',
    slug: 'okta-client-authentication-failed',
  },
  {
    includes: 'Client authentication failed due to unknown client',
    error: 'invalid_client',
    slug: 'gitlab-client-authentication-failed',
  },
  { includes: 'Invalid parameter: redirect_uri', slug: 'keycloak-invalid-redirect-uri' },
  { includes: 'Missing parameters: id_token_hint', slug: 'keycloak-missing-id-token-hint' },
  { includes: 'Stale token', error: 'invalid_grant', slug: 'keycloak-stale-token' },
  { includes: 'only requests to HTTPS are allowed', slug: 'oauth4webapi-https-only' },
]

function aadstsSlug(text: string): string | undefined {
  const number = /AADSTS(\d+)/.exec(text)?.[1]
  return number !== undefined && AADSTS_CODES.includes(number) ? `aadsts${number}` : undefined
}

// An AADSTS number is the most precise name a provider gives, so it wins over any wording.
function markerSlug(text: string, oauthCode: string | undefined): string | undefined {
  const lower = text.toLowerCase()
  const marker = DESCRIPTION_MARKERS.find(
    (candidate) =>
      lower.includes(candidate.includes.toLowerCase()) &&
      (candidate.error === undefined || candidate.error === oauthCode),
  )
  return aadstsSlug(text) ?? marker?.slug
}

/**
 * The explainer entry for a failure, most specific first: the provider's own words (an AADSTS number,
 * a known message), then its `error` code, then what this app found.
 */
export function errorSlug(error: OidcError): string {
  const body = error.oauthError
  const fromDescription =
    body?.error_description === undefined
      ? undefined
      : markerSlug(body.error_description, body.error)
  if (fromDescription !== undefined) return fromDescription
  // A silent sign-in that needs the user is expected, not a setup problem: its own entry says why.
  if (error.code === 'interactive_sign_in_required') return CODE_SLUGS[error.code]
  if (body && OAUTH_ERROR_CODES.includes(body.error)) return slugify(body.error)
  return markerSlug(error.message, body?.error) ?? CODE_SLUGS[error.code]
}
