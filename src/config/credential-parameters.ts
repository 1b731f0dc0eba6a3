/**
 * The one list of parameter and field names whose values can be redeemed, replayed or used to sign
 * in: tokens (RFC 6749 §5.1, OIDC Core §3.1.3.3), the authorization code and its PKCE verifier
 * (RFC 7636 §4.5), client credentials (RFC 6749 §2.3.1, RFC 7523 §2.2), token exchange inputs
 * (RFC 8693 §2.1), DPoP proofs (RFC 9449 §4) and passwords. Whatever carries one of these names is
 * never kept across a page load, never sent as an extra parameter and masked on screen.
 */

export const CREDENTIAL_PARAMETERS: readonly string[] = [
  'access_token',
  'refresh_token',
  'id_token',
  'id_token_hint',
  'token',
  'code',
  'code_verifier',
  'client_secret',
  'client_assertion',
  'assertion',
  'subject_token',
  'actor_token',
  'device_code',
  'dpop',
  'password',
]

const CREDENTIAL_SET = new Set(CREDENTIAL_PARAMETERS)

/** Compared without regard to case: `Client_Secret` is as secret as `client_secret`. */
export function isCredentialParameter(name: string): boolean {
  return CREDENTIAL_SET.has(name.toLowerCase())
}
