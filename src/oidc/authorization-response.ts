/**
 * The authorization response (RFC 6749 §4.1.2): validates the callback URL against the pending
 * authorization this tab created. It makes no request; the code is exchanged only after every check here.
 */
import * as oauth from 'oauth4webapi'

import type { PendingAuthorization } from './authorization-request'
import { OidcError } from './oidc-error'
import { toOidcError } from './translate-error'

/** Tokens never belong in a front-channel URL (RFC 9700 §2.1.2 and §4.6: no implicit grant). */
const TOKEN_PARAMETERS = ['access_token', 'id_token', 'refresh_token', 'token']

function tokensIn(callbackUrl: URL): string[] {
  const fragment = new URLSearchParams(callbackUrl.hash.replace(/^#/, ''))
  return TOKEN_PARAMETERS.filter((name) => callbackUrl.searchParams.has(name) || fragment.has(name))
}

/**
 * Checks, in this order: no tokens in the URL; no repeated parameter; `iss` against the pending issuer (RFC 9207 §2.4);
 * `state` against the one sent (RFC 6749 §10.12); an `error` response (RFC 6749 §4.1.2.1); a `code`.
 * Returns the parameters to pass to the token request.
 */
export function validateAuthorizationResponse(
  pending: PendingAuthorization,
  callbackUrl: URL,
): URLSearchParams {
  const tokens = tokensIn(callbackUrl)
  if (tokens.length > 0) {
    throw new OidcError(
      'invalid_authorization_response',
      'authorization-response',
      `The callback URL carries ${tokens.join(', ')}: tokens must only come from the token endpoint`,
      { check: 'no tokens in the callback URL', callbackCheck: 'no-tokens-in-url' },
    )
  }
  const repeated = [...new Set(callbackUrl.searchParams.keys())].filter(
    (name) => callbackUrl.searchParams.getAll(name).length > 1,
  )
  if (repeated.length > 0) {
    // RFC 6749 §3.1: parameters MUST NOT be included more than once.
    throw new OidcError(
      'invalid_authorization_response',
      'authorization-response',
      `The callback repeats ${repeated.join(', ')}`,
      { check: 'each parameter once', callbackCheck: 'parameters-once' },
    )
  }
  let parameters: URLSearchParams
  try {
    parameters = oauth.validateAuthResponse(
      pending.metadata,
      { client_id: pending.clientId },
      callbackUrl,
      pending.state,
    )
  } catch (error) {
    throw toOidcError(error, 'authorization-response')
  }
  if (!parameters.get('code')) {
    throw new OidcError(
      'invalid_authorization_response',
      'authorization-response',
      'The callback has neither a code nor an error',
      { check: 'code', callbackCheck: 'code' },
    )
  }
  return parameters
}
