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
  /** "passed": it ran on a value the token has. "not-applicable": the rule had nothing to run on. */
  outcome: 'passed' | 'not-applicable'
  /** Why a rule did not apply, from the token's own claims. */
  reason?: string
}

const CORE_VALIDATION = 'https://openid.net/specs/openid-connect-core-1_0.html#IDTokenValidation'

function notApplicableWhen(reason: string | undefined): Pick<IdTokenCheck, 'outcome' | 'reason'> {
  return reason === undefined ? { outcome: 'passed' } : { outcome: 'not-applicable', reason }
}

/**
 * The checks oauth4webapi's processAuthorizationCodeResponse makes once we pass the nonce we sent,
 * `requireIdToken` and a pinned `id_token_signed_response_alg`; a token set exists only when none of
 * them failed. A rule oauth4webapi applies only to a value that is there (`nbf`; `azp` only with
 * several audiences) is "not applicable" when the token gives it nothing to run on, never "passed".
 */
export function idTokenChecks(expected: {
  issuer: string
  clientId: string
  alg: string
  claims: Readonly<Record<string, unknown>>
  signatureVerified?: boolean
}): readonly IdTokenCheck[] {
  const { claims } = expected
  const severalAudiences = Array.isArray(claims.aud) && claims.aud.length > 1
  return [
    ...(expected.signatureVerified
      ? [
          {
            id: 'signature' as const,
            label:
              "the signature verifies with the provider's published key (the discovered jwks_uri, fetched before the redirect)",
            spec: CORE_VALIDATION,
            outcome: 'passed' as const,
          },
        ]
      : []),
    {
      id: 'alg',
      label: `"alg" in the header is ${expected.alg}, the algorithm pinned for this provider (not "none", not an HMAC)`,
      spec: CORE_VALIDATION,
      outcome: 'passed',
    },
    {
      id: 'iss',
      label: `"iss" equals the issuer ${expected.issuer}`,
      spec: CORE_VALIDATION,
      outcome: 'passed',
    },
    {
      id: 'aud',
      label: `"aud" contains the client_id ${expected.clientId}`,
      spec: CORE_VALIDATION,
      outcome: 'passed',
    },
    {
      id: 'azp',
      label: 'with more than one audience, "azp" is present and equals the client_id',
      spec: CORE_VALIDATION,
      ...notApplicableWhen(
        severalAudiences
          ? undefined
          : claims.azp === undefined
            ? 'one audience, so "azp" is not required'
            : 'one audience, so "azp" is not required and was not compared',
      ),
    },
    {
      id: 'exp',
      label: '"exp" is in the future (30 s tolerance)',
      spec: CORE_VALIDATION,
      outcome: 'passed',
    },
    { id: 'iat', label: '"iat" is present and a number', spec: CORE_VALIDATION, outcome: 'passed' },
    {
      id: 'nbf',
      label: '"nbf" is not in the future',
      spec: CORE_VALIDATION,
      ...notApplicableWhen(claims.nbf === undefined ? 'the token has no "nbf"' : undefined),
    },
    { id: 'sub', label: '"sub" is present', spec: CORE_VALIDATION, outcome: 'passed' },
    {
      id: 'nonce',
      label: '"nonce" equals the one this browser sent in the authorization request',
      spec: CORE_VALIDATION,
      // A refreshed ID token need not carry the nonce (OIDC Core §12.2).
      ...notApplicableWhen(
        claims.nonce === undefined
          ? 'the token has no "nonce" (a refreshed ID token need not carry one)'
          : undefined,
      ),
    },
  ]
}

/** The ID token checks of this session's ID token; none when it has no ID token. */
export function idTokenChecksFor(client: ClientContext, tokens: TokenSet): readonly IdTokenCheck[] {
  return tokens.id_token === undefined
    ? []
    : idTokenChecks({
        issuer: client.metadata.issuer,
        clientId: client.clientId,
        alg: client.idTokenAlg,
        claims: tokens.idTokenClaims ?? {},
        signatureVerified: tokens.idTokenSignatureVerified === true,
      })
}
