/**
 * The timeline's DPoP checks for a token response (RFC 9449): the key the proofs were signed with,
 * and whether the tokens came back bound to it. Each is said from evidence held here: WebCrypto's own
 * flag on the private key, the token_type answered, and a JWT access token's cnf.jkt.
 */
import { dpopBindingChecks } from '../jwt/dpop-binding'
import type { DpopKey, TokenSet } from '../oidc'
import type { TimelineCheck } from './timeline-check'

const BINDING_NAMES = {
  token_type: 'token_type is DPoP (the tokens are bound to the key)',
  'cnf.jkt': "the access token's cnf.jkt is this key's thumbprint",
} as const

export function dpopKeyCheck(dpop: DpopKey): TimelineCheck {
  return {
    name: 'DPoP key pair made in this page; its private key cannot be exported',
    outcome: dpop.privateKeyExtractable ? 'failed' : 'passed',
    detail: `An ES256 (P-256) key, thumbprint ${dpop.thumbprint} (RFC 7638). WebCrypto reports its private key as ${dpop.privateKeyExtractable ? 'extractable' : 'not extractable'}: ${dpop.privateKeyExtractable ? 'a script could export it' : 'no script, not even this page, can read it or store it'}, and it lives in this page's memory only. It was made at the callback, after the redirect, so the authorization code was not bound to it (dpop_jkt, RFC 9449 §10); PKCE protects the code instead.`,
  }
}

export function dpopBindingTimelineChecks(tokens: TokenSet, dpop: DpopKey): TimelineCheck[] {
  return dpopBindingChecks({
    accessToken: tokens.access_token,
    tokenType: tokens.token_type,
    thumbprint: dpop.thumbprint,
  }).map((check) => ({
    name: BINDING_NAMES[check.id],
    outcome: check.outcome,
    detail: check.detail,
  }))
}
