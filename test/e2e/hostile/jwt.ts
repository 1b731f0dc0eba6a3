/**
 * The hostile provider's own signing key and the JWT surgery its cases need: decode a real ID token,
 * change claims or the header, and encode it again, validly signed with a key the provider publishes
 * (so each claim check is tested on its own, whether or not the app verifies signatures), unsigned,
 * HMAC-signed, or with a broken signature.
 */
import { createHmac, generateKeyPairSync, sign } from 'node:crypto'

export type JsonObject = Record<string, unknown>

/** The kid of the key the hostile provider adds to its JWKS (see publishTestKey in rewrite.ts). */
export const HOSTILE_KID = 'hostile-provider-key'

const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })

/** The public half, as it is published next to the provider's real keys. */
export const HOSTILE_JWK: JsonObject = {
  ...publicKey.export({ format: 'jwk' }),
  kid: HOSTILE_KID,
  use: 'sig',
  alg: 'RS256',
}

function encode(value: JsonObject): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url')
}

function decodePart(part: string | undefined): JsonObject {
  if (part === undefined) throw new Error('not a JWT')
  const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'))
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error('a JWT part is not a JSON object')
  }
  return value as JsonObject
}

export function decodeJwt(token: string): { header: JsonObject; payload: JsonObject } {
  const [header, payload] = token.split('.')
  return { header: decodePart(header), payload: decodePart(payload) }
}

/** How the changed token is signed. */
export type Signing =
  /** RS256 with the hostile provider's published key: a valid signature. */
  | 'valid'
  /** `alg: none` and an empty signature (RFC 7519 §6). */
  | 'none'
  /** HS256 keyed with the published public key: the classic algorithm-confusion forgery. */
  | 'hs256'
  /** RS256 with the published key, then one byte of the signature flipped. */
  | 'corrupted'

export function signJwt(header: JsonObject, payload: JsonObject, signing: Signing): string {
  if (signing === 'none') {
    return `${encode({ ...header, alg: 'none', kid: undefined })}.${encode(payload)}.`
  }
  if (signing === 'hs256') {
    const input = `${encode({ ...header, alg: 'HS256' })}.${encode(payload)}`
    const secret = publicKey.export({ format: 'pem', type: 'spki' })
    return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`
  }
  const input = `${encode({ ...header, alg: 'RS256', kid: HOSTILE_KID })}.${encode(payload)}`
  const signature = sign('sha256', Buffer.from(input), privateKey)
  if (signing === 'corrupted') {
    const index = Math.floor(signature.length / 2)
    signature[index] = (signature[index] ?? 0) ^ 0xff
  }
  return `${input}.${signature.toString('base64url')}`
}

/** Decodes `token`, lets `change` edit a copy of its claims, and signs the result as asked. */
export function tamperJwt(
  token: string,
  change: (payload: JsonObject) => void,
  signing: Signing = 'valid',
): string {
  const { header, payload } = decodeJwt(token)
  change(payload)
  return signJwt(header, payload, signing)
}

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000)
}
