/**
 * DPoP (RFC 9449): a key pair made in this page with WebCrypto, its private half non-extractable, so
 * no script, storage or export can take it away (§2, §11.4). Every token request, refresh and call
 * with a DPoP-bound token carries a fresh proof signed with it (§4), and the provider binds the tokens
 * it issues to the public key's thumbprint (`cnf.jkt`, §6.1): a copied token is useless without the
 * key. The key lives in memory only; a reload forgets it, and with it every token bound to it.
 */
import * as oauth from 'oauth4webapi'

import type { ProviderMetadata } from './discovery'
import { OidcError } from './oidc-error'
import type { OidcStep } from './oidc-error'

/** The proof algorithm this app signs with: ECDSA P-256 (RFC 7518 §3.4), what providers offer most. */
export const DPOP_ALG = 'ES256'

export interface DpopKey {
  /** The public key's SHA-256 JWK thumbprint (RFC 7638), which `cnf.jkt` must equal (§6.1). */
  thumbprint: string
  /** Signs proofs and keeps the nonces servers hand out (§8, §9). */
  handle: oauth.DPoPHandle
  /** As WebCrypto reports it for the private key: false, or the key could be exported and copied. */
  privateKeyExtractable: boolean
}

/**
 * Why DPoP cannot be used with this provider, or undefined when it can: the metadata must advertise
 * `dpop_signing_alg_values_supported` (RFC 9449 §5.1), with the algorithm this app signs with.
 */
export function dpopUnsupportedReason(metadata: ProviderMetadata): string | undefined {
  const algorithms = metadata.dpop_signing_alg_values_supported
  if (!Array.isArray(algorithms) || algorithms.length === 0) {
    return 'DPoP is turned on, but the provider advertises no dpop_signing_alg_values_supported (RFC 9449 §5.1): it does not say it accepts DPoP proofs. Turn the option off for this provider'
  }
  if (!algorithms.includes(DPOP_ALG)) {
    return `DPoP is turned on, but the provider accepts proofs signed with ${algorithms.join(', ')} only (dpop_signing_alg_values_supported), and PKCE Lab signs its proofs with ${DPOP_ALG}. Turn the option off for this provider`
  }
  return undefined
}

/** Refuses a sign-in with DPoP at a provider that cannot take it, before the browser leaves. */
export function assertDpopSupported(metadata: ProviderMetadata, step: OidcStep): void {
  const reason = dpopUnsupportedReason(metadata)
  if (reason !== undefined) {
    throw new OidcError('invalid_settings', step, reason, {
      check: 'dpop_signing_alg_values_supported',
    })
  }
}

/** A new key pair for one session. `extractable: false` keeps the private key inside WebCrypto. */
export async function createDpopKey(): Promise<DpopKey> {
  const keyPair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, [
    'sign',
    'verify',
  ])
  const handle = oauth.DPoP({}, keyPair)
  return {
    thumbprint: await handle.calculateThumbprint(),
    handle,
    privateKeyExtractable: keyPair.privateKey.extractable,
  }
}

/** oauth4webapi's request option that signs a proof with the key, when there is one. */
export function dpopOption(dpop: DpopKey | undefined): { DPoP?: oauth.DPoPHandle } {
  return dpop === undefined ? {} : { DPoP: dpop.handle }
}

/** Whether tokens of this `token_type` are sent with a proof (RFC 9449 §7.1) or as Bearer. */
export function isDpopTokenType(tokenType: string): boolean {
  return tokenType.toLowerCase() === 'dpop'
}

/**
 * Runs a request once more when the server answered `use_dpop_nonce` (RFC 9449 §8, §9): the DPoP
 * handle kept the nonce from the answer's DPoP-Nonce header, and the second proof carries it. Once
 * only: a server that asks again is answered with its error.
 */
export async function withDpopNonce<T>(
  dpop: DpopKey | undefined,
  attempt: () => Promise<T>,
): Promise<T> {
  try {
    return await attempt()
  } catch (error) {
    if (dpop === undefined || !oauth.isDPoPNonceError(error)) throw error
    return attempt()
  }
}
