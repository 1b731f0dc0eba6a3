import { calculateJwkThumbprint, exportJWK, generateKeyPair } from 'jose'
import type { JWK } from 'jose'

export type SigningAlg = 'RS256' | 'ES256'

async function signingKey(alg: SigningAlg): Promise<JWK> {
  const { privateKey } = await generateKeyPair(alg, { extractable: true })
  const jwk = await exportJWK(privateKey)
  // oidc-provider 9 requires unique kids; the RFC 7638 thumbprint is unique per key.
  return { ...jwk, kid: await calculateJwkThumbprint(jwk), use: 'sig', alg }
}

// Fresh keys on every start, so tokens from an earlier run no longer verify. oidc-provider signs
// with the first key that fits the requested alg, so the order only matters per alg.
export async function generateSigningKeys(algs: readonly SigningAlg[]): Promise<{ keys: JWK[] }> {
  return { keys: await Promise.all(algs.map(signingKey)) }
}
