/**
 * Checks a JWS signature against the key set the provider publishes at its discovered jwks_uri, and
 * only there: keys a token names or carries itself are reported, never used. Signature only, no claims.
 */
import type { errors as joseErrors, JSONWebKeySet } from 'jose'

import { isAllowedEndpointUrl } from '../config/endpoint-urls'
import { decodeJwt } from './decode-jwt'

export type SignatureResult =
  | { status: 'verified'; kid?: string; alg: string }
  | { status: 'failed'; reason: string }
  | { status: 'cannot-verify'; reason: string }

export interface VerifySignatureInput {
  token: string
  /** The provider's `jwks_uri` from discovery (OIDC Discovery §3), the only key source trusted. */
  jwksUri: string | undefined
  /**
   * The key set already fetched from that jwks_uri (before the redirect, with the metadata): used
   * instead of fetching it again.
   */
  heldKeySet?: unknown
  /** Defaults to the global fetch; tests pass a fake key set. */
  fetch?: typeof fetch
  timeoutMs?: number
}

const DEFAULT_TIMEOUT_MS = 10_000

// Why a key the token points to or carries proves nothing: whoever made the token chose it, so a forger
// names their own key and the signature checks out. RFC 8725 §3.10 says not to trust such headers.
const NOT_TRUSTED =
  'whoever made the token chose it, so a signature that checks out with it proves nothing; trust comes only from the key set the issuer publishes at its discovered jwks_uri (RFC 8725 §3.10), which is the only place PKCE Lab takes keys from'

/**
 * One sentence per key-locating header (`jku`, `jwk`, `x5u`, `x5c`, RFC 7515 §4.1.2–4.1.6) in `header`,
 * saying which key it names and why that key is ignored. An empty list for a header without them.
 */
export function keyHeaderWarnings(header: Record<string, unknown>): string[] {
  const warnings: string[] = []
  if ('jku' in header) {
    warnings.push(
      `The header's "jku" (RFC 7515 §4.1.2) points to a key set at ${describeValue(header.jku)}; ${NOT_TRUSTED}.`,
    )
  }
  if ('jwk' in header) {
    warnings.push(
      `The header's "jwk" (RFC 7515 §4.1.3) carries ${describeJwk(header.jwk)} inside the token itself; ${NOT_TRUSTED}.`,
    )
  }
  if ('x5u' in header) {
    warnings.push(
      `The header's "x5u" (RFC 7515 §4.1.5) points to a certificate chain at ${describeValue(header.x5u)}; ${NOT_TRUSTED}.`,
    )
  }
  if ('x5c' in header) {
    warnings.push(
      `The header's "x5c" (RFC 7515 §4.1.6) carries ${describeChain(header.x5c)} inside the token itself; ${NOT_TRUSTED}.`,
    )
  }
  return warnings
}

function describeValue(value: unknown): string {
  return typeof value === 'string' ? value : `${JSON.stringify(value)} (not a URL)`
}

function describeJwk(value: unknown): string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return 'something that is not a key'
  }
  const { kty, kid } = value as Record<string, unknown>
  const type = typeof kty === 'string' ? `an ${kty} public key` : 'a public key'
  return typeof kid === 'string' ? `${type} with kid "${kid}"` : type
}

function describeChain(value: unknown): string {
  if (!Array.isArray(value)) {
    return 'something that is not a certificate chain'
  }
  return value.length === 1 ? 'a certificate' : `a chain of ${value.length} certificates`
}

/**
 * Verifies the signature of a JWS in compact serialization with the provider's published keys.
 *
 * Only the signature (compactVerify, not jwtVerify): the claims (iss, aud, exp, nonce …) were checked
 * by the app's own validation of the token response, and checking them here would blur what this
 * result proves. jose itself is
 * loaded only when this runs, so it stays out of the first screen's bundle.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7515#section-5.2
 * @see https://openid.net/specs/openid-connect-core-1_0.html#IDTokenValidation
 */
export async function verifyJwtSignature(input: VerifySignatureInput): Promise<SignatureResult> {
  const decoded = decodeJwt(input.token)
  switch (decoded.kind) {
    case 'opaque':
      return {
        status: 'cannot-verify',
        reason:
          'an opaque token: it is not a JWT, so only the provider can look up what it stands for (for example by introspection, RFC 7662)',
      }
    case 'jwe':
      return {
        status: 'cannot-verify',
        reason:
          "an encrypted token (JWE, RFC 7516): its integrity is checked by decryption with the recipient's key",
      }
    case 'malformed':
      return {
        status: 'cannot-verify',
        reason: `the token cannot be read (${decoded.reason.replace(/\.$/, '')})`,
      }
    case 'jwt':
      break
  }

  const { alg, kid } = decoded.header
  if (typeof alg !== 'string' || alg === '') {
    return {
      status: 'failed',
      reason:
        'the header names no signing algorithm ("alg" is required, RFC 7515 §4.1.1), so nobody can check it',
    }
  }
  // Case-insensitive on purpose: "None" and "NONE" are the classic attempts to slip past a filter.
  if (alg.toLowerCase() === 'none') {
    return {
      status: 'cannot-verify',
      reason: 'an unsigned token: there is no signature to check, and nothing vouches for it',
    }
  }
  if (alg.startsWith('HS')) {
    return {
      status: 'cannot-verify',
      reason: `signed with a shared secret (${alg}): only the provider and a confidential client holding the client secret can check it; a browser app never should hold that secret`,
    }
  }
  if (input.jwksUri === undefined) {
    return { status: 'cannot-verify', reason: 'the provider publishes no jwks_uri' }
  }
  if (!URL.canParse(input.jwksUri)) {
    return {
      status: 'cannot-verify',
      reason: `the provider's jwks_uri "${input.jwksUri}" is not a URL`,
    }
  }
  if (!isAllowedEndpointUrl(new URL(input.jwksUri))) {
    return {
      status: 'cannot-verify',
      reason: `the provider's jwks_uri ${input.jwksUri} is neither https nor http on this computer (loopback), so a key fetched from it could have been swapped on the way`,
    }
  }

  const keySet =
    input.heldKeySet === undefined
      ? await fetchKeySet(input.jwksUri, input)
      : { jwks: input.heldKeySet }
  if ('status' in keySet) {
    return keySet
  }

  // Named, so the bundler keeps only what is used of jose in the lazily loaded chunk.
  const { compactVerify, createLocalJWKSet, errors } = await import('jose')
  try {
    // The key comes from the provider's key set alone: never jose's EmbeddedJWK, never the header's keys.
    // createLocalJWKSet checks the shape itself and throws JWKSInvalid, handled below.
    const keys = createLocalJWKSet(keySet.jwks as JSONWebKeySet)
    const { protectedHeader } = await compactVerify(input.token, keys)
    return {
      status: 'verified',
      alg: protectedHeader.alg,
      ...(protectedHeader.kid === undefined ? {} : { kid: protectedHeader.kid }),
    }
  } catch (error) {
    if (!(error instanceof errors.JOSEError)) {
      return { status: 'failed', reason: errorMessage(error) }
    }
    return describeJoseError(error, alg, typeof kid === 'string' ? kid : undefined)
  }
}

async function fetchKeySet(
  url: string,
  input: VerifySignatureInput,
): Promise<{ jwks: unknown } | SignatureResult> {
  const fetchImpl = input.fetch ?? globalThis.fetch.bind(globalThis)
  const timeoutMs = input.timeoutMs ?? DEFAULT_TIMEOUT_MS
  let response: Response
  try {
    response = await fetchImpl(url, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(timeoutMs),
    })
  } catch (error) {
    if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
      return {
        status: 'failed',
        reason: `the provider's key set at ${url} did not answer within ${timeoutMs / 1000} s`,
      }
    }
    // The browser hides why a cross-origin request failed (Fetch Standard §3.2.5): a rejection without
    // a status is almost always CORS, or a host that is down.
    return {
      status: 'failed',
      reason: `the request for the provider's key set at ${url} failed without an HTTP status; from a web page that usually means the provider does not allow cross-origin requests (CORS) to it, or the host cannot be reached`,
    }
  }
  if (response.status !== 200) {
    return {
      status: 'failed',
      reason: `the provider's key set at ${url} answered with HTTP status ${response.status} instead of 200`,
    }
  }
  try {
    return { jwks: (await response.json()) as unknown }
  } catch {
    return {
      status: 'failed',
      reason: `the provider's key set at ${url} answered with status ${response.status}, but its body is not JSON`,
    }
  }
}

function describeJoseError(
  error: joseErrors.JOSEError,
  alg: string,
  kid: string | undefined,
): SignatureResult {
  const named = kid === undefined ? undefined : `kid "${kid}"`
  switch (error.code) {
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return {
        status: 'failed',
        reason:
          'the signature does not match the payload: the token was altered, or signed by another key',
      }
    case 'ERR_JWKS_NO_MATCHING_KEY':
      return {
        status: 'failed',
        reason:
          named === undefined
            ? `the token names no key (it has no "kid") and no key in the provider's key set fits alg ${alg}`
            : `no key in the provider's key set has ${named} and fits alg ${alg}; the provider may have rotated its keys, or someone else signed the token`,
      }
    case 'ERR_JWKS_MULTIPLE_MATCHING_KEYS':
      return {
        status: 'failed',
        reason:
          named === undefined
            ? `the token names no key (it has no "kid") and several keys in the provider's key set fit alg ${alg}; a kid is required to choose one (RFC 7515 §4.1.4)`
            : `several keys in the provider's key set have ${named} and fit alg ${alg}, so the kid does not pick one`,
      }
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
    case 'ERR_JOSE_NOT_SUPPORTED':
      return {
        status: 'cannot-verify',
        reason: `the algorithm ${alg} is not one this browser-side check supports (${error.message})`,
      }
    case 'ERR_JWKS_INVALID':
      return {
        status: 'failed',
        reason: `the provider's key set is not a valid JSON Web Key Set (RFC 7517 §5): ${error.message}`,
      }
    default:
      return { status: 'failed', reason: error.message }
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
