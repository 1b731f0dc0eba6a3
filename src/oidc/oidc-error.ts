/**
 * The one error model of PKCE Lab. Every failure of the protocol layer becomes an OidcError with a stable
 * `code`, the `step` it happened in and, where it applies, the `check` that failed. It never decides how
 * the failure is worded for the user: the UI maps codes to explanations.
 */

/** Where in the flow something failed, in the spec's own words. */
export type OidcStep =
  | 'settings'
  | 'discovery'
  | 'pushed-authorization-request'
  | 'authorization-request'
  | 'authorization-response'
  | 'token-request'
  | 'id-token'
  | 'refresh'
  | 'silent-authorization'
  | 'userinfo'
  | 'resource-request'
  | 'revocation'
  | 'end-session'
  | 'jwks'

export type OidcErrorCode =
  /** The settings cannot start a flow (bad issuer URL, empty client_id, a reserved extra parameter). */
  | 'invalid_settings'
  /** A metadata endpoint is not https (or http on a loopback host), e.g. `javascript:` (RFC 9700 §2.6). */
  | 'unsafe_endpoint'
  /** Discovery answered, but not with usable metadata (status, body, missing endpoint). */
  | 'discovery_failed'
  /** The metadata names another issuer than the one configured (OpenID Connect Discovery §4.3). */
  | 'discovery_issuer_mismatch'
  /** The provider signs ID tokens only with algorithms a browser client must not accept. */
  | 'unsupported_id_token_alg'
  /** fetch() rejected without any HTTP status: CORS refused, host unreachable or offline. */
  | 'network_error'
  /** No answer within the time limit. */
  | 'timeout'
  /** A callback arrived but this tab started no authorization, or already used it (RFC 9700 §4.7). */
  | 'no_pending_authorization'
  /** The pending authorization is older than this app honours one: it was discarded unused. */
  | 'pending_authorization_expired'
  /** `state` missing or not the one this tab sent (RFC 6749 §10.12). */
  | 'state_mismatch'
  /** `iss` missing (when advertised) or not the expected issuer (RFC 9207 §2.4). */
  | 'iss_mismatch'
  /** The provider answered the authorization request with `error=` (RFC 6749 §4.1.2.1). */
  | 'authorization_error'
  /** The callback is malformed: duplicate parameters, no code, tokens in the URL (RFC 9700 §4.6). */
  | 'invalid_authorization_response'
  /** The token endpoint answered with an OAuth error body (RFC 6749 §5.2). */
  | 'token_endpoint_error'
  /** The token endpoint answered with something that is not a token response. */
  | 'invalid_token_response'
  /** The ID token failed a check of OpenID Connect Core §3.1.3.7. */
  | 'id_token_rejected'
  /** A refreshed ID token names another sub, iss or aud than the first one (OIDC Core §12.2). */
  | 'id_token_changed'
  /** The UserInfo endpoint refused the access token or answered something unusable (OIDC Core §5.3). */
  | 'userinfo_failed'
  /** The UserInfo `sub` is not the ID token's `sub` (OIDC Core §5.3.2). */
  | 'userinfo_sub_mismatch'
  /** A silent (prompt=none) authorization could not complete without the user (OIDC Core §3.1.2.6). */
  | 'interactive_sign_in_required'
  /** The revocation endpoint refused a token or could not be asked (RFC 7009 §2.2.1). */
  | 'revocation_failed'
  /** The pushed_authorization_request_endpoint refused the request or answered no request_uri (RFC 9126 §2.3). */
  | 'pushed_authorization_failed'
  /** The provider session could not be ended, or it was not confirmed (RP-Initiated Logout §2). */
  | 'end_session_failed'

/** The provider's own words, kept verbatim: for a learning tool they are part of the lesson. */
export interface OAuthErrorBody {
  error: string
  error_description?: string
  error_uri?: string
}

/** The checks of an authorization response, in the order they run (authorization-response.ts). */
export const CALLBACK_CHECKS = [
  'pending-authorization',
  'pending-authorization-age',
  'no-tokens-in-url',
  'parameters-once',
  'iss',
  'state',
  'no-error',
  'code',
] as const
export type CallbackCheckId = (typeof CALLBACK_CHECKS)[number]

export interface OidcErrorDetails {
  cause?: unknown
  /** The check that failed, in words for the reader, e.g. `aud` or `state`. */
  check?: string
  /** Which callback check failed, where the error code alone does not say. */
  callbackCheck?: CallbackCheckId
  oauthError?: OAuthErrorBody
  /** HTTP status, when there was a response. */
  status?: number
  /** The URL that was requested or validated. */
  url?: string
  /** This app's origin, the one a provider's CORS settings must allow. */
  origin?: string
  /**
   * For a request that failed without a status: whether a second request that needs no CORS reached
   * the server ("hidden": it answered, and the browser hid the answer from this page, so CORS) or
   * not ("no-answer": down, wrong host or port, offline).
   */
  reachability?: Reachability
}

export type Reachability = 'hidden' | 'no-answer'

export class OidcError extends Error {
  override name = 'OidcError'
  readonly code: OidcErrorCode
  readonly step: OidcStep
  readonly check: string | undefined
  readonly callbackCheck: CallbackCheckId | undefined
  readonly oauthError: OAuthErrorBody | undefined
  readonly status: number | undefined
  readonly url: string | undefined
  readonly origin: string | undefined
  readonly reachability: Reachability | undefined

  constructor(
    code: OidcErrorCode,
    step: OidcStep,
    message: string,
    details: OidcErrorDetails = {},
  ) {
    super(message, { cause: details.cause })
    this.code = code
    this.step = step
    this.check = details.check
    this.callbackCheck = details.callbackCheck
    this.oauthError = details.oauthError
    this.status = details.status
    this.url = details.url
    this.origin = details.origin
    this.reachability = details.reachability
  }
}

export function isOidcError(value: unknown): value is OidcError {
  return value instanceof OidcError
}

/**
 * Any failure as an OidcError of the step it happened in. What is not one already (a bug, a
 * rejection from outside the protocol layer) keeps its message as the detail.
 */
export function asOidcError(error: unknown, step: OidcStep): OidcError {
  if (isOidcError(error)) return error
  const message = error instanceof Error ? error.message : String(error)
  return new OidcError(codeOfStep(step), step, message, { cause: error })
}

/**
 * The code of an unexpected failure at each step: a step's failure is named for that step, never
 * for another endpoint's (a revocation is not a token response).
 */
export function codeOfStep(step: OidcStep): OidcErrorCode {
  switch (step) {
    case 'discovery':
      return 'discovery_failed'
    case 'userinfo':
      return 'userinfo_failed'
    case 'revocation':
      return 'revocation_failed'
    case 'end-session':
      return 'end_session_failed'
    case 'pushed-authorization-request':
      return 'pushed_authorization_failed'
    default:
      return 'invalid_token_response'
  }
}

/** Worth retrying: no answer at all, or a server error (RFC 9110 §15.6). Everything else is final. */
export function isTransientFailure(error: unknown): boolean {
  if (!isOidcError(error)) return false
  if (error.code === 'network_error' || error.code === 'timeout') return true
  return error.status !== undefined && error.status >= 500
}

/** Provider answers to prompt=none that mean "the user must be there" (OIDC Core §3.1.2.6). */
const INTERACTION_ERRORS = new Set([
  'login_required',
  'interaction_required',
  'consent_required',
  'account_selection_required',
])

/** A prompt=none answer that needs the user, as the error that says so; any other error as it is. */
export function interactiveNeeded(error: OidcError, step: OidcStep): OidcError {
  if (
    error.code === 'authorization_error' &&
    INTERACTION_ERRORS.has(error.oauthError?.error ?? '')
  ) {
    return new OidcError('interactive_sign_in_required', step, error.message, {
      cause: error,
      check: 'prompt=none',
      ...(error.oauthError ? { oauthError: error.oauthError } : {}),
    })
  }
  return error
}

/** The callback check a failure of the authorization response failed, when it is one of them. */
export function callbackCheckOf(error: OidcError): CallbackCheckId | undefined {
  if (error.callbackCheck !== undefined) return error.callbackCheck
  switch (error.code) {
    case 'no_pending_authorization':
      return 'pending-authorization'
    case 'pending_authorization_expired':
      return 'pending-authorization-age'
    case 'iss_mismatch':
      return 'iss'
    case 'state_mismatch':
      return 'state'
    case 'authorization_error':
    case 'interactive_sign_in_required':
      return 'no-error'
    default:
      return undefined
  }
}
