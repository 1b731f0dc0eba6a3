/**
 * The ID token checks this app makes at the token endpoint (OpenID Connect Core 1.0 §3.1.3.7), in words a
 * learner can read next to the decoded token. Only checks that really ran belong here: the signature
 * is one of them only when the keys fetched before the redirect verified it.
 */
import type { ClientContext } from './client-context'
import type { TokenSet } from './token-set'

export interface IdTokenCheck {
  /** Stable id, also used in test selectors. */
  id: 'alg' | 'iss' | 'aud' | 'azp' | 'exp' | 'iat' | 'nbf' | 'sub' | 'nonce' | 'signature'
  /** What was checked, as a sentence. */
  label: string
  /** The spec section that asks for it. */
  spec: string
}

const CORE_VALIDATION = 'https://openid.net/specs/openid-connect-core-1_0.html#IDTokenValidation'

/**
 * The checks oauth4webapi's processAuthorizationCodeResponse makes once we pass the nonce we sent,
 * `requireIdToken` and a pinned `id_token_signed_response_alg`. They all passed when a token set exists.
 */
export function idTokenChecks(expected: {
  issuer: string
  clientId: string
  alg: string
  signatureVerified?: boolean
}): readonly IdTokenCheck[] {
  return [
    ...(expected.signatureVerified
      ? [
          {
            id: 'signature' as const,
            label:
              "the signature verifies with the provider's published key (the discovered jwks_uri, fetched before the redirect)",
            spec: CORE_VALIDATION,
          },
        ]
      : []),
    {
      id: 'alg',
      label: `"alg" in the header is ${expected.alg}, the algorithm pinned for this provider (not "none", not an HMAC)`,
      spec: CORE_VALIDATION,
    },
    { id: 'iss', label: `"iss" equals the issuer ${expected.issuer}`, spec: CORE_VALIDATION },
    {
      id: 'aud',
      label: `"aud" contains the client_id ${expected.clientId}`,
      spec: CORE_VALIDATION,
    },
    {
      id: 'azp',
      label: 'with more than one audience, "azp" is present and equals the client_id',
      spec: CORE_VALIDATION,
    },
    { id: 'exp', label: '"exp" is in the future (30 s tolerance)', spec: CORE_VALIDATION },
    { id: 'iat', label: '"iat" is present and a number', spec: CORE_VALIDATION },
    { id: 'nbf', label: '"nbf", when present, is not in the future', spec: CORE_VALIDATION },
    { id: 'sub', label: '"sub" is present', spec: CORE_VALIDATION },
    {
      id: 'nonce',
      label: '"nonce" equals the one this browser sent in the authorization request',
      spec: CORE_VALIDATION,
    },
  ]
}

/** The checks that passed on this session's ID token; none when it has no ID token. */
export function idTokenChecksFor(client: ClientContext, tokens: TokenSet): readonly IdTokenCheck[] {
  return tokens.id_token === undefined
    ? []
    : idTokenChecks({
        issuer: client.metadata.issuer,
        clientId: client.clientId,
        alg: client.idTokenAlg,
        signatureVerified: tokens.idTokenSignatureVerified === true,
      })
}
