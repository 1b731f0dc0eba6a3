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

/**
 * The provider's keys, or why there are none to check a signature with: the cause in words, from the
 * answer itself (a status, a content type, what the JSON held), never a guess.
 */
export type JwksResult =
  | { status: 'fetched'; snapshot: JwksSnapshot; dropped: number }
  | { status: 'unavailable'; cause: string }

/** Members only a private or symmetric key has (RFC 7518 §6.2.2, §6.3.2, §6.4.1). */
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k']

/** A public key that may check signatures: not marked for encryption only, nothing private in it. */
function isPublicSigningKey(key: unknown): key is oauth.JWK {
  if (typeof key !== 'object' || key === null) return false
  const record = key as Record<string, unknown>
  return (
    typeof record.kty === 'string' &&
    (record.use === undefined || record.use === 'sig') &&
    PRIVATE_MEMBERS.every((member) => !(member in record))
  )
}

function keysOf(body: unknown): unknown[] | undefined {
  if (typeof body !== 'object' || body === null) return undefined
  const keys = (body as Record<string, unknown>).keys
  return Array.isArray(keys) ? keys : undefined
}

/**
 * Fetches the key set at the discovered jwks_uri. Whatever stops it (no answer this page may read,
 * as with a jwks_uri without CORS on Azure AD B2C or ADFS, or an answer that is not a usable key set)
 * resolves with its cause: the sign-in then goes on, because the ID token comes straight from the
 * token endpoint over TLS, which OIDC Core §3.1.3.7 step 6 accepts in place of the signature; the
 * signature is reported as not checked, with why.
 */
export async function fetchJwks(
  metadata: ProviderMetadata,
  http: HttpOptions,
  nowSeconds: number,
): Promise<JwksResult> {
  const uri = metadata.jwks_uri
  if (uri === undefined) {
    return { status: 'unavailable', cause: 'The provider metadata names no jwks_uri' }
  }
  if (!URL.canParse(uri) || !isAllowedEndpointUrl(new URL(uri))) {
    return {
      status: 'unavailable',
      cause: `jwks_uri is not an https URL (or http on loopback): ${uri}`,
    }
  }
  const options = requestOptions('jwks', new URL(metadata.issuer), http)
  let response: Response
  try {
    response = await options[oauth.customFetch](uri, {
      method: 'GET',
      headers: { accept: 'application/json, application/jwk-set+json' },
      redirect: 'manual',
      signal: options.signal(),
    })
  } catch (error) {
    if (isOidcError(error) && error.code === 'network_error') {
      return {
        status: 'unavailable',
        cause: `The provider's keys are not readable from this origin: jwks_uri gave no answer this page may read (no CORS on jwks_uri for ${http.appOrigin}, or the host is unreachable)`,
      }
    }
    if (isOidcError(error) && error.code === 'timeout') {
      return { status: 'unavailable', cause: 'jwks_uri did not answer in time' }
    }
    if (isOidcError(error)) throw error
    return { status: 'unavailable', cause: `The request to jwks_uri failed: ${String(error)}` }
  }
  const contentType = response.headers.get('content-type') ?? 'no content type'
  if (response.status !== 200) {
    return { status: 'unavailable', cause: `jwks_uri answered HTTP ${String(response.status)}` }
  }
  let body: unknown
  try {
    body = await response.json()
  } catch {
    return { status: 'unavailable', cause: `jwks_uri answered ${contentType}, not JSON` }
  }
  const keys = keysOf(body)
  if (keys === undefined) {
    return { status: 'unavailable', cause: 'jwks_uri answered JSON without a "keys" array' }
  }
  // A key with private parts is never kept: it must not travel with the pending authorization.
  const usable = keys.filter(isPublicSigningKey)
  if (usable.length === 0) {
    return {
      status: 'unavailable',
      cause:
        keys.length === 0
          ? 'jwks_uri answered an empty key set'
          : `jwks_uri answered ${String(keys.length)} keys, none of them a public signing key`,
    }
  }
  return {
    status: 'fetched',
    snapshot: { jwks: { keys: usable }, uat: nowSeconds },
    dropped: keys.length - usable.length,
  }
}
