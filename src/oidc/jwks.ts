/**
 * The provider's published signing keys (the discovered jwks_uri), fetched before the redirect so the
 * callback can check the ID token's signature without a second round trip. Only public keys: they may
 * travel with the pending authorization.
 */
import * as oauth from 'oauth4webapi'

import type { ProviderMetadata } from './discovery'
import { isAllowedEndpointUrl, requestOptions } from './http'
import type { HttpOptions } from './http'
import { isOidcError } from './oidc-error'

/** oauth4webapi's JWKS cache entry: the key set and when it was fetched (epoch seconds). */
export type JwksSnapshot = oauth.JWKSCacheInput

function isKeySet(value: unknown): value is oauth.JWKS {
  return (
    typeof value === 'object' &&
    value !== null &&
    Array.isArray((value as Record<string, unknown>).keys)
  )
}

/**
 * Returns the key set, or undefined when it cannot be had (no jwks_uri, CORS, an error answer): the
 * sign-in then goes on, and the ID token's signature is reported as not checked, with why.
 */
export async function fetchJwks(
  metadata: ProviderMetadata,
  http: HttpOptions,
  nowSeconds: number,
): Promise<JwksSnapshot | undefined> {
  const uri = metadata.jwks_uri
  if (uri === undefined || !isAllowedEndpointUrl(new URL(uri))) return undefined
  const options = requestOptions('jwks', new URL(metadata.issuer), http)
  try {
    const response = await options[oauth.customFetch](uri, {
      method: 'GET',
      headers: { accept: 'application/json, application/jwk-set+json' },
      redirect: 'manual',
      signal: options.signal(),
    })
    if (response.status !== 200) return undefined
    const body: unknown = await response.json()
    return isKeySet(body) ? { jwks: body, uat: nowSeconds } : undefined
  } catch (error) {
    // No answer at all (CORS, unreachable, timeout) is the caller's to refuse; a bad answer is not.
    if (isOidcError(error)) throw error
    return undefined
  }
}
