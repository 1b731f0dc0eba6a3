import type { TokenRole } from '../../jwt/token-lint'

/** How far a claim can be trusted, in words a badge can show. */
export interface ClaimTrust {
  /** e.g. "decoded only", or "checked against our request · signature verified". */
  label: string
  /**
   * "request": compared with what this app sent or expects; "clock": compared with this browser's
   * clock; "present": only required to be there (and of the right type).
   */
  checked?: 'request' | 'clock' | 'present'
  signatureVerified: boolean
}

// What each ID token check compared its claim with, at the token endpoint (OpenID Connect Core
// §3.1.3.7): exp and nbf meet the clock, not anything this app sent; iat and sub need only be there.
const COMPARED_WITH: Readonly<
  Record<string, { checked: NonNullable<ClaimTrust['checked']>; words: string }>
> = {
  iss: { checked: 'request', words: 'checked against our request' },
  aud: { checked: 'request', words: 'checked against our request' },
  azp: { checked: 'request', words: 'checked against our request' },
  nonce: { checked: 'request', words: 'checked against our request' },
  exp: { checked: 'clock', words: "checked against this browser's clock" },
  nbf: { checked: 'clock', words: "checked against this browser's clock" },
  iat: { checked: 'present', words: 'present, as required' },
  sub: { checked: 'present', words: 'present, as required' },
}

/**
 * The trust badge for one claim. A claim counts as checked only when it is an ID token claim and the
 * check for it ran on it and passed (`passedChecks`, by IdTokenCheck id): a pasted ID token was
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
  const compared = role === 'id_token' && passedChecks.has(claim) ? COMPARED_WITH[claim] : undefined
  if (compared) parts.push(compared.words)
  if (signatureVerified) {
    parts.push('signature verified')
  }
  return {
    label: parts.length === 0 ? 'decoded only' : parts.join(' · '),
    ...(compared === undefined ? {} : { checked: compared.checked }),
    signatureVerified,
  }
}
