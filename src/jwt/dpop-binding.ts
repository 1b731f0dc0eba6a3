/**
 * Whether an access token is bound to this page's DPoP key (RFC 9449 §6), from what the client can
 * see: the token type the provider answered (§5: `DPoP`, or `Bearer` when it ignored the proof) and,
 * for a JWT access token, its `cnf.jkt` against the key's thumbprint (§6.1). An opaque token's binding
 * is known to the provider and its APIs only (introspection, §6.2), and is said to be so.
 */
import { decodeJwt } from './decode-jwt'

export interface DpopBindingCheck {
  id: 'token_type' | 'cnf.jkt'
  outcome: 'passed' | 'failed' | 'not-applicable'
  detail: string
}

function confirmation(payload: Record<string, unknown>): unknown {
  const cnf = payload.cnf
  return typeof cnf === 'object' && cnf !== null ? (cnf as Record<string, unknown>).jkt : undefined
}

export function dpopBindingChecks(input: {
  accessToken: string
  tokenType: string
  /** The RFC 7638 thumbprint of the key this page signs its proofs with. */
  thumbprint: string
}): DpopBindingCheck[] {
  const bound = input.tokenType.toLowerCase() === 'dpop'
  const tokenType: DpopBindingCheck = bound
    ? {
        id: 'token_type',
        outcome: 'passed',
        detail:
          'The provider answered token_type DPoP: the token is bound to this page\'s key and is sent as "Authorization: DPoP", each time with a new proof signed by the key (RFC 9449 §5, §7.1).',
      }
    : {
        id: 'token_type',
        outcome: 'failed',
        detail: `The proof was sent, but the provider answered token_type ${input.tokenType}: it ignored the proof, so this token is not bound to any key and whoever holds a copy can use it. It is sent as a Bearer token (RFC 9449 §5).`,
      }
  const decoded = decodeJwt(input.accessToken)
  if (decoded.kind !== 'jwt') {
    return [
      tokenType,
      {
        id: 'cnf.jkt',
        outcome: 'not-applicable',
        detail:
          'The access token is opaque, so its cnf.jkt cannot be read here: only the provider and its APIs know which key it is bound to (token introspection shows it, RFC 9449 §6.2).',
      },
    ]
  }
  const jkt = confirmation(decoded.payload)
  if (typeof jkt !== 'string') {
    return [
      tokenType,
      {
        id: 'cnf.jkt',
        outcome: bound ? 'failed' : 'not-applicable',
        detail: bound
          ? 'The access token is a JWT without cnf.jkt: an API reading it cannot tell which key it is bound to (RFC 9449 §6.1).'
          : 'The access token is a JWT without cnf.jkt, as a Bearer token is.',
      },
    ]
  }
  return [
    tokenType,
    jkt === input.thumbprint
      ? {
          id: 'cnf.jkt',
          outcome: 'passed',
          detail: `The access token's cnf.jkt is ${jkt}, the SHA-256 thumbprint of this page's public key (RFC 7638): an API accepts it only with a proof signed by that key (RFC 9449 §6.1).`,
        }
      : {
          id: 'cnf.jkt',
          outcome: 'failed',
          detail: `The access token's cnf.jkt is ${jkt}, but this page's key has the thumbprint ${input.thumbprint}: the token is bound to another key, and every proof this page signs will be refused (RFC 9449 §6.1).`,
        },
  ]
}
