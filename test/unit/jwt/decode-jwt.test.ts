import { describe, expect, it } from 'vitest'

import { decodeJwt } from '../../../src/jwt/decode-jwt'

function b64url(text: string): string {
  return Buffer.from(text).toString('base64url')
}

function makeJwt(header: unknown, payload: unknown, signature = 'c2lnbmF0dXJl'): string {
  return `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}.${signature}`
}

describe('decodeJwt', () => {
  it('decodes a three-segment JWS into its segments, header and payload', () => {
    const token = makeJwt(
      { alg: 'RS256', typ: 'JWT', kid: 'k1' },
      { iss: 'https://op.example', sub: 'alice', name: 'Zoë 🙂', exp: 1_700_000_000 },
    )
    const [header, payload, signature] = token.split('.')

    expect(decodeJwt(token)).toEqual({
      kind: 'jwt',
      segments: { header, payload, signature },
      header: { alg: 'RS256', typ: 'JWT', kid: 'k1' },
      payload: { iss: 'https://op.example', sub: 'alice', name: 'Zoë 🙂', exp: 1_700_000_000 },
    })
  })

  it('keeps an unsigned JWS (empty signature) readable', () => {
    const token = makeJwt({ alg: 'none' }, { sub: 'alice' }, '')

    const decoded = decodeJwt(token)

    expect(decoded.kind).toBe('jwt')
    expect(decoded.kind === 'jwt' && decoded.segments.signature).toBe('')
  })

  it('recognises a five-segment JWE without trying to read it', () => {
    const token = [
      b64url('{"alg":"RSA-OAEP","enc":"A256GCM"}'),
      'a2V5',
      'aXY',
      'Y2lwaGVy',
      'dGFn',
    ].join('.')

    expect(decodeJwt(token)).toEqual({ kind: 'jwe', segments: token.split('.') })
  })

  it.each([
    ['a Google access token', 'ya29.a0AfB_byC-x1Y2z3_example-Token'],
    ['an oidc-provider opaque token', 'Qm9c3ZkZ2Y0cGxhY2Vob2xkZXJvcGFxdWV0b2tlbg'],
    ['an empty string', ''],
    ['four segments', 'a.b.c.d'],
    ['five segments that are not base64url', 'a.b.c.d.e+f'],
  ])('treats %s as opaque', (_, token) => {
    expect(decodeJwt(token)).toEqual({ kind: 'opaque' })
  })

  it('names the payload when it is base64url but not JSON', () => {
    const token = `${b64url('{"alg":"RS256"}')}.${b64url('not json')}.sig`

    const decoded = decodeJwt(token)

    expect(decoded.kind).toBe('malformed')
    expect(decoded.kind === 'malformed' && decoded.reason).toMatch(
      /^The payload segment does not decode to JSON/,
    )
    expect(JSON.stringify(decoded)).not.toMatch(/part #/)
  })

  it('names the header when it is not valid base64url', () => {
    // Five characters cannot be base64: the length leaves one dangling character.
    const token = `abcde.${b64url('{"sub":"alice"}')}.sig`

    const decoded = decodeJwt(token)

    expect(decoded).toEqual({
      kind: 'malformed',
      reason: expect.stringMatching(/^The header segment is not valid base64url/) as unknown,
    })
  })

  it('rejects characters outside the base64url alphabet and says which segment has them', () => {
    const token = `${b64url('{"alg":"RS256"}')}.eyJzdWIiOiJhIn0+.sig`

    expect(decodeJwt(token)).toEqual({
      kind: 'malformed',
      reason: 'The payload segment contains characters that are not base64url (RFC 7515 §2).',
    })
  })

  it('reports an empty header segment', () => {
    expect(decodeJwt(`.${b64url('{}')}.sig`)).toEqual({
      kind: 'malformed',
      reason: 'The header segment is empty.',
    })
  })

  it.each([
    ['an array', '[1,2]', 'an array'],
    ['a string', '"hello"', 'string'],
    ['a number', '42', 'number'],
    ['null', 'null', 'null'],
  ])('reports a payload that is JSON but %s', (_, json, found) => {
    const token = `${b64url('{"alg":"RS256"}')}.${b64url(json)}.sig`

    expect(decodeJwt(token)).toEqual({
      kind: 'malformed',
      reason: `The payload segment is JSON but not a JSON object (found ${found}).`,
    })
  })

  it('reports a header that is JSON but not an object', () => {
    const token = `${b64url('["RS256"]')}.${b64url('{}')}.sig`

    expect(decodeJwt(token)).toEqual({
      kind: 'malformed',
      reason: 'The header segment is JSON but not a JSON object (found an array).',
    })
  })

  it('copes with a very large token', () => {
    const token = makeJwt({ alg: 'RS256' }, { blob: 'x'.repeat(200_000) })

    const decoded = decodeJwt(token)

    expect(decoded.kind === 'jwt' && (decoded.payload.blob as string).length).toBe(200_000)
  })
})
