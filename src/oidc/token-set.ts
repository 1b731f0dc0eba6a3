/**
 * The tokens of one signed-in session, in wire shape (RFC 6749 §5.1) so learners see the real field
 * names, plus the times we derived from them. Held in memory only; never serialised by this app.
 */

export interface TokenSet {
  access_token: string
  token_type: string
  expires_in?: number
  scope?: string
  /** The scope this app asked for in the authorization request these tokens descend from. */
  requestedScope?: string
  refresh_token?: string
  id_token?: string
  /** Epoch seconds when the token response arrived. */
  receivedAt: number
  /** Epoch seconds, from `expires_in` (RFC 6749 §5.1); absent when the provider did not say. */
  accessTokenExpiresAt?: number
  /** The ID token claims that passed validation. */
  idTokenClaims?: Readonly<Record<string, unknown>>
  /** True when the ID token's signature was checked against the provider's published keys. */
  idTokenSignatureVerified?: boolean
}

/**
 * The scope values asked for and not granted. The token response names the granted scope only when it
 * differs from the request (RFC 6749 §5.1, §3.3), so without `scope` nothing was narrowed.
 */
export function ungrantedScopes(tokens: Pick<TokenSet, 'scope' | 'requestedScope'>): string[] {
  if (tokens.scope === undefined || tokens.requestedScope === undefined) return []
  const granted = new Set(tokens.scope.split(' ').filter(Boolean))
  return tokens.requestedScope.split(' ').filter((value) => value !== '' && !granted.has(value))
}
