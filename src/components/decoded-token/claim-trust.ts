import type { TokenRole } from '../../jwt/token-lint'

/** How far a claim can be trusted, in words a badge can show. */
export interface ClaimTrust {
  /** e.g. "decoded only", or "checked against our request · signature verified". */
  label: string
  /** "request": compared with what this app sent or expects; "present": only required to be there. */
  checked?: 'request' | 'present'
  signatureVerified: boolean
}

// The ID token claims oauth4webapi compares with our request and clock at the token endpoint
// (OpenID Connect Core §3.1.3.7); sub is only required to be present.
const CHECKED_AGAINST_REQUEST: ReadonlySet<string> = new Set([
  'iss',
  'aud',
  'azp',
  'nonce',
  'exp',
  'iat',
  'nbf',
])

/**
 * The trust badge for one claim. A claim counts as checked only when it is an ID token claim and the
 * check for it is among those that passed (`passedChecks`, by IdTokenCheck id): a pasted ID token was
 * compared with nothing. An access token is for the API, so nothing in it is checked here; any token
 * can have its signature verified.
 *
 * @see https://openid.net/specs/openid-connect-core-1_0.html#IDTokenValidation
 */
export function claimTrust(
  claim: string,
  role: TokenRole,
  signatureVerified: boolean,
  passedChecks: ReadonlySet<string>,
): ClaimTrust {
  const parts: string[] = []
  let checked: ClaimTrust['checked']
  if (role === 'id_token' && passedChecks.has(claim)) {
    if (CHECKED_AGAINST_REQUEST.has(claim)) {
      checked = 'request'
      parts.push('checked against our request')
    } else if (claim === 'sub') {
      checked = 'present'
      parts.push('present, as required')
    }
  }
  if (signatureVerified) {
    parts.push('signature verified')
  }
  return {
    label: parts.length === 0 ? 'decoded only' : parts.join(' · '),
    ...(checked === undefined ? {} : { checked }),
    signatureVerified,
  }
}
