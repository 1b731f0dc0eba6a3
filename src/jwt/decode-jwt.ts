/**
 * Says what kind of token a string is and, for a signed JWT, what its header and payload contain.
 * Reading only: it must not verify signatures, check claims or make any decision based on them.
 */

import { InvalidTokenError, jwtDecode } from 'jwt-decode'

/** The three parts of a JWS in compact serialization, as received (RFC 7515 §7.1). */
export interface JwtSegments {
  header: string
  payload: string
  signature: string
}

/** A JWS whose header and payload decode to JSON objects. The signature has not been checked. */
export interface DecodedJwt {
  kind: 'jwt'
  segments: JwtSegments
  header: Record<string, unknown>
  payload: Record<string, unknown>
}

/** A JWE in compact serialization: five segments, readable only with the recipient's key. */
export interface EncryptedJwt {
  kind: 'jwe'
  segments: string[]
}

/** Not a JWT at all, e.g. a reference token that only the provider can look up. */
export interface OpaqueToken {
  kind: 'opaque'
}

/** Three segments like a JWS, but the header or payload is not base64url-encoded JSON. */
export interface MalformedJwt {
  kind: 'malformed'
  reason: string
}

export type DecodedToken = DecodedJwt | EncryptedJwt | OpaqueToken | MalformedJwt

type SegmentName = 'header' | 'payload'

// RFC 7515 §2 defines base64url without padding. jwt-decode also accepts "+", "/" and "=", which no
// conforming issuer emits, so a token using them is reported rather than silently decoded.
const BASE64URL = /^[A-Za-z0-9_-]*$/

/**
 * Decodes a token for display; it does NOT verify the signature, so nothing it returns can be trusted.
 *
 * Three segments make a JWS and five a JWE (RFC 7516 §7.1); anything else is treated as opaque,
 * because an access token may be any string the provider chooses.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7519#section-7.2
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-1.4
 */
export function decodeJwt(token: string): DecodedToken {
  const segments = token.split('.')

  if (segments.length === 5 && segments.every((segment) => BASE64URL.test(segment))) {
    return { kind: 'jwe', segments }
  }
  if (segments.length !== 3) {
    return { kind: 'opaque' }
  }

  const [header = '', payload = '', signature = ''] = segments
  for (const [name, segment] of [
    ['header', header],
    ['payload', payload],
  ] as const) {
    if (segment === '') {
      return { kind: 'malformed', reason: `The ${name} segment is empty.` }
    }
    if (!BASE64URL.test(segment)) {
      return {
        kind: 'malformed',
        reason: `The ${name} segment contains characters that are not base64url (RFC 7515 §2).`,
      }
    }
  }
  if (!BASE64URL.test(signature)) {
    return {
      kind: 'malformed',
      reason: 'The signature segment contains characters that are not base64url (RFC 7515 §2).',
    }
  }

  const decodedHeader = decodeSegment(token, 'header')
  if (typeof decodedHeader === 'string') {
    return { kind: 'malformed', reason: decodedHeader }
  }
  const decodedPayload = decodeSegment(token, 'payload')
  if (typeof decodedPayload === 'string') {
    return { kind: 'malformed', reason: decodedPayload }
  }

  return {
    kind: 'jwt',
    segments: { header, payload, signature },
    header: decodedHeader,
    payload: decodedPayload,
  }
}

/** Returns the decoded JSON object, or a sentence saying why the segment could not be read. */
function decodeSegment(token: string, name: SegmentName): Record<string, unknown> | string {
  let decoded: unknown
  try {
    decoded = name === 'header' ? jwtDecode(token, { header: true }) : jwtDecode(token)
  } catch (error) {
    return describeDecodeError(error, name)
  }
  // RFC 7519 §7.2 steps 4 and 10: each part must be a JSON object, not an array, string or number.
  if (typeof decoded !== 'object' || decoded === null || Array.isArray(decoded)) {
    const found = decoded === null ? 'null' : Array.isArray(decoded) ? 'an array' : typeof decoded
    return `The ${name} segment is JSON but not a JSON object (found ${found}).`
  }
  return decoded as Record<string, unknown>
}

// jwt-decode numbers the parts ("part #1", "part #2"); learners know them as header and payload.
function describeDecodeError(error: unknown, name: SegmentName): string {
  if (!(error instanceof InvalidTokenError)) {
    throw error
  }
  const detail = /\((.*)\)$/s.exec(error.message)?.[1]
  const because = detail === undefined ? '' : ` (${detail})`
  if (error.message.includes('invalid base64')) {
    return `The ${name} segment is not valid base64url${because}.`
  }
  if (error.message.includes('invalid json')) {
    return `The ${name} segment does not decode to JSON${because}.`
  }
  if (error.message.includes('missing part')) {
    return `The ${name} segment is missing.`
  }
  return `The ${name} segment could not be decoded: ${error.message}`
}
