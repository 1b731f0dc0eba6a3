/**
 * The provider's published signing keys (the discovered jwks_uri), fetched before the redirect so the
 * callback can check the ID token's signature without a second round trip. Only public keys: they may
 * travel with the pending authorization.
 */
import * as oauth from 'oauth4webapi'

import { discoverProvider } from './discovery'
import type { ProviderMetadata } from './discovery'
import { isAllowedEndpointUrl, requestOptions } from './http'
import type { HttpOptions } from './http'
import { asOidcError, isOidcError } from './oidc-error'

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

/** A key set document as published, every key in it, before any is judged usable. */
type KeySetDocument =
  { status: 'fetched'; keys: unknown[] } | { status: 'unavailable'; cause: string }

/**
 * GETs a key set at `uri` and reads its "keys" array (RFC 7517 §5). Whatever stops it resolves with
 * its cause, from the answer itself: a status, a content type, what the JSON held.
 */
async function fetchKeySetDocument(
  uri: string,
  requestedFor: URL,
  http: HttpOptions,
  name = 'jwks_uri',
): Promise<KeySetDocument> {
  if (!URL.canParse(uri) || !isAllowedEndpointUrl(new URL(uri))) {
    return {
      status: 'unavailable',
      cause: `${name} is not an https URL (or http on loopback): ${uri}`,
    }
  }
  const options = requestOptions('jwks', requestedFor, http)
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
        cause: `${name === 'jwks_uri' ? "The provider's keys" : 'The keys'} are not readable from this origin: ${name} gave no answer this page may read (no CORS on ${name} for ${http.appOrigin}, or the host is unreachable)`,
      }
    }
    if (isOidcError(error) && error.code === 'timeout') {
      return { status: 'unavailable', cause: `${name} did not answer in time` }
    }
    if (isOidcError(error)) throw error
    return { status: 'unavailable', cause: `The request to ${name} failed: ${String(error)}` }
  }
  const contentType = response.headers.get('content-type') ?? 'no content type'
  if (response.status !== 200) {
    return { status: 'unavailable', cause: `${name} answered HTTP ${String(response.status)}` }
  }
  let body: unknown
  try {
    body = await response.json()
  } catch {
    return { status: 'unavailable', cause: `${name} answered ${contentType}, not JSON` }
  }
  const keys = keysOf(body)
  if (keys === undefined) {
    return { status: 'unavailable', cause: `${name} answered JSON without a "keys" array` }
  }
  return { status: 'fetched', keys }
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
  const document = await fetchKeySetDocument(uri, new URL(metadata.issuer), http)
  if (document.status === 'unavailable') return document
  const { keys } = document
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

/** Where a key set to check a pasted token with comes from: an issuer (discovery) or a URL. */
export type KeySetSource = { issuer: string } | { jwksUri: string }

/**
 * Every key published at a key set's URL, each kept as it came, so that a verifier can say why a key
 * did not fit rather than silently dropping it; `issuer` when it was found by discovery.
 */
export type KeySetLookup =
  | { status: 'fetched'; jwksUri: string; keys: unknown[]; issuer?: string }
  | { status: 'unavailable'; cause: string }

/**
 * Finds a key set for a token someone pasted: from an issuer, discovery (OIDC Discovery §4) then its
 * jwks_uri; or straight from a jwks_uri. Discovery failures keep their own words.
 */
export async function lookUpKeySet(source: KeySetSource, http: HttpOptions): Promise<KeySetLookup> {
  if ('jwksUri' in source) {
    const uri = source.jwksUri.trim()
    if (!URL.canParse(uri)) return { status: 'unavailable', cause: `"${uri}" is not a URL` }
    const document = await fetchKeySetDocument(uri, new URL(uri), http, `the key set at ${uri}`)
    return document.status === 'fetched' ? { ...document, jwksUri: uri } : document
  }
  let metadata: ProviderMetadata
  try {
    metadata = await discoverProvider(source.issuer, http)
  } catch (error) {
    const failure = asOidcError(error, 'discovery')
    // oauth4webapi's words for a status say only "unexpected HTTP status code": the status is kept.
    return {
      status: 'unavailable',
      cause:
        failure.status === undefined
          ? `Discovery failed: ${failure.message}`
          : `Discovery at ${failure.url ?? source.issuer} answered HTTP ${String(failure.status)}`,
    }
  }
  const uri = metadata.jwks_uri
  if (uri === undefined) {
    return { status: 'unavailable', cause: `The metadata of ${metadata.issuer} names no jwks_uri` }
  }
  const document = await fetchKeySetDocument(uri, new URL(metadata.issuer), http)
  return document.status === 'fetched'
    ? { ...document, jwksUri: uri, issuer: metadata.issuer }
    : document
}
