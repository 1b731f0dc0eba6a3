import { describe, expect, it } from 'vitest'

import { decodeJwt, readPastedToken } from '../../../src/jwt/decode-jwt'
import type { DecodedToken, MalformedJwt } from '../../../src/jwt/decode-jwt'

function b64url(text: string): string {
  return Buffer.from(text).toString('base64url')
}

function makeJwt(header: unknown, payload: unknown, signature = 'c2lnbmF0dXJl'): string {
  return `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}.${signature}`
}

const HEADER = b64url('{"alg":"RS256"}')

function malformed(decoded: DecodedToken): MalformedJwt {
  if (decoded.kind !== 'malformed') {
    throw new Error(`expected a malformed token, got ${decoded.kind}`)
  }
  return decoded
}

function reasonOf(decoded: DecodedToken): string {
  if (decoded.kind === 'malformed' || decoded.kind === 'opaque') {
    return decoded.reason
  }
  throw new Error(`expected a reason, got a ${decoded.kind}`)
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

  it('copes with a very large token', () => {
    const token = makeJwt({ alg: 'RS256' }, { blob: 'x'.repeat(200_000) })

    const decoded = decodeJwt(token)

    expect(decoded.kind === 'jwt' && (decoded.payload.blob as string).length).toBe(200_000)
  })
})

describe('decodeJwt on a JWE', () => {
  it('recognises five segments and reads the protected header only', () => {
    const token = [
      b64url('{"alg":"RSA-OAEP","enc":"A256GCM"}'),
      'a2V5',
      'aXY',
      'Y2lwaGVy',
      'dGFn',
    ].join('.')

    expect(decodeJwt(token)).toEqual({
      kind: 'jwe',
      segments: token.split('.'),
      header: { alg: 'RSA-OAEP', enc: 'A256GCM' },
    })
  })

  it('keeps an empty encrypted key (alg "dir") and says when the header cannot be read', () => {
    expect(decodeJwt('eyJhbGciOiJkaXIifQ..aXY.Y2lwaGVy.dGFn')).toMatchObject({
      kind: 'jwe',
      header: { alg: 'dir' },
    })
    expect(decodeJwt(`${b64url('not json')}.a2V5.aXY.Y2lwaGVy.dGFn`)).toMatchObject({
      kind: 'jwe',
      headerProblem: expect.stringMatching(/not valid JSON/) as unknown,
    })
  })
})

describe('decodeJwt on a token that is not three segments', () => {
  it.each([
    ['a Google access token', 'ya29.a0AfB_byC-x1Y2z3_example-Token'],
    ['an oidc-provider opaque token', 'Qm9c3ZkZ2Y0cGxhY2Vob2xkZXJvcGFxdWV0b2tlbg'],
    ['an empty string', ''],
    ['four segments', 'a.b.c.d'],
    ['five segments that are not base64url', 'a.b.c.d.e+f'],
  ])('treats %s as opaque and says what a JWT would need', (_, token) => {
    const decoded = decodeJwt(token)

    expect(decoded.kind).toBe('opaque')
    expect(reasonOf(decoded)).toContain('exactly three base64url segments')
  })

  it('says a token without dots is probably a reference token', () => {
    expect(reasonOf(decodeJwt('Qm9c3ZkZ2Y0'))).toMatch(/^This has no dots, so it is not a JWT\./)
  })

  it('says two segments starting with a JOSE header are a JWT missing its signature', () => {
    const reason = reasonOf(decodeJwt(`${HEADER}.${b64url('{"sub":"alice"}')}`))

    expect(reason).toContain('This has 2 segments (1 dot).')
    expect(reason).toContain('header.payload.signature (RFC 7515 §7.1)')
    expect(reason).toContain('looks like a JWT missing its signature segment')
  })

  it('says two segments without a JOSE header are probably opaque, like Google access tokens', () => {
    const reason = reasonOf(decodeJwt('ya29.a0AfB_byC-x1Y2z3_example-Token'))

    expect(reason).toContain('Its first segment is not a JOSE header')
    expect(reason).toContain('ya29.')
  })

  it('says four segments starting with a JOSE header have a dot too many', () => {
    const reason = reasonOf(decodeJwt(`${HEADER}.${b64url('{}')}.sig.extra`))

    expect(reason).toContain('This has 4 segments (3 dots).')
    expect(reason).toContain('a JWT with a dot too many, or a JWE missing a segment')
  })
})

describe('decodeJwt explains a malformed JWS part by part', () => {
  it("names the segment, the character and its position for a '+' and says base64url uses '-'", () => {
    const decoded = malformed(decodeJwt(`${HEADER}.eyJzdWIiOiJhIn0+.sig`))

    expect(decoded.problems).toEqual([
      {
        segment: 'payload',
        message:
          "The payload segment has '+' at character 16: base64url uses '-' and '_' instead of '+' and '/' (RFC 4648 §5), so this segment looks like standard base64, not base64url.",
      },
    ])
    // The header is fine, so it is decoded anyway.
    expect(decoded.header).toEqual({ alg: 'RS256' })
  })

  it("says which character a '/' is at", () => {
    const reason = reasonOf(decodeJwt(`${HEADER}.eyJz/WIiOiJhIn0.sig`))

    expect(reason).toMatch(/^The payload segment has '\/' at character 5: base64url uses/)
  })

  it('explains "=" padding, which base64url in a JWT leaves out', () => {
    const payload = Buffer.from('{"sub":"a"}').toString('base64')
    expect(payload.endsWith('=')).toBe(true)

    const reason = reasonOf(decodeJwt(`${HEADER}.${payload}.sig`))

    expect(reason).toContain(`The payload segment has '=' at character ${payload.indexOf('=') + 1}`)
    expect(reason).toContain("leaves out the '=' padding (RFC 7515 §2)")
    expect(reason).toContain('trailing "=" signs should not be there')
  })

  it('names whitespace and invisible characters instead of printing them', () => {
    expect(reasonOf(decodeJwt(`${HEADER}.${b64url('{}')}.si g`))).toBe(
      'The signature segment has a space at character 3: a JWT contains no whitespace (RFC 7515 §7.1), so it was probably wrapped or broken when copied.',
    )
    expect(reasonOf(decodeJwt(`${HEADER}.e3\n0.sig`))).toContain(
      'The payload segment has a line break at character 3',
    )
    expect(reasonOf(decodeJwt(`${HEADER}.${b64url('{}')}.si\u200Bg`))).toContain(
      'an invisible character (U+200B) at character 3',
    )
  })

  it('names any other character with its code point and counts the rest', () => {
    const reason = reasonOf(decodeJwt(`${HEADER}.e30%.s!g!`))

    expect(reason).toContain(
      "The payload segment has '%' (U+0025) at character 4, which is not base64url: only A–Z, a–z, 0–9, '-' and '_' are allowed (RFC 7515 §2).",
    )
    expect(reason).toContain(
      "The signature segment has '!' (U+0021) at character 2, which is not base64url",
    )
    expect(reason).toContain('It has 1 other character outside the alphabet too.')
  })

  it('explains a length no base64url text can have, and still decodes the payload', () => {
    const decoded = malformed(decodeJwt(`abcde.${b64url('{"sub":"alice"}')}.sig`))

    expect(decoded.reason).toBe(
      'The header segment is 5 characters long, which base64url text can never be (a length that leaves 1 over when divided by 4 holds no whole byte): a character was lost or added, often when copying.',
    )
    expect(decoded.payload).toEqual({ sub: 'alice' })
    expect(decoded.header).toBeUndefined()
  })

  it('says where the bytes stop being UTF-8', () => {
    // {"a":"<0xFF>"}: jwt-decode alone would read the byte as Latin-1 "ÿ" and say nothing.
    const bytes = Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d])

    const reason = reasonOf(decodeJwt(`${HEADER}.${bytes.toString('base64url')}.sig`))

    expect(reason).toBe(
      "The payload segment decodes to bytes that are not UTF-8 text: the sequence at byte 7 of 9 (0xFF) is not valid UTF-8. A JWT's JSON must be UTF-8 (RFC 7519 §7.2), so this is binary data or text in another encoding.",
    )
  })

  it.each([
    ['a lone continuation byte', [0x22, 0x80, 0x22], 2],
    ['an overlong encoding', [0x22, 0xc0, 0xaf, 0x22], 2],
    ['a UTF-16 surrogate', [0x22, 0xed, 0xa0, 0x80, 0x22], 2],
    ['a sequence cut short', [0x22, 0xe2, 0x82], 2],
  ])('finds %s', (_, bytes, position) => {
    const segment = Buffer.from(bytes).toString('base64url')

    expect(reasonOf(decodeJwt(`${HEADER}.${segment}.sig`))).toContain(`at byte ${position} of`)
  })

  it('accepts multi-byte UTF-8 right up to four-byte emoji', () => {
    const token = makeJwt({ alg: 'RS256' }, { name: 'é中🙂' })

    expect(decodeJwt(token)).toMatchObject({ kind: 'jwt', payload: { name: 'é中🙂' } })
  })

  it("says where the JSON is invalid, with JSON.parse's position and the text up to there", () => {
    const decoded = malformed(decodeJwt(`${HEADER}.${b64url('{"sub":"alice",}')}.sig`))

    expect(decoded.problems).toHaveLength(1)
    expect(decoded.reason).toMatch(
      /^The payload segment decodes to text that is not valid JSON: .*position 15/,
    )
    expect(decoded.reason).toContain(
      'The text up to and including that character reads “{"sub":"alice",}”.',
    )
    expect(decoded.invalidJson).toEqual({ segment: 'payload', text: '{"sub":"alice",}' })
    expect(JSON.stringify(decoded)).not.toMatch(/part #/)
  })

  it('says when the JSON is not an object', () => {
    expect(reasonOf(decodeJwt(`${b64url('["RS256"]')}.${b64url('{}')}.sig`))).toBe(
      'The header segment is JSON but not a JSON object (found an array). RFC 7519 §7.2 requires an object: {…}.',
    )
  })

  it.each([
    ['an array', '[1,2]', 'an array'],
    ['a string', '"hello"', 'string'],
    ['a number', '42', 'number'],
    ['null', 'null', 'null'],
  ])('reports a payload that is JSON but %s', (_, json, found) => {
    expect(reasonOf(decodeJwt(`${HEADER}.${b64url(json)}.sig`))).toContain(
      `The payload segment is JSON but not a JSON object (found ${found}).`,
    )
  })

  it('reports an empty header segment', () => {
    expect(reasonOf(decodeJwt(`.${b64url('{}')}.sig`))).toBe(
      'The header segment is empty: a JWT needs base64url-encoded JSON there (RFC 7515 §7.1).',
    )
  })

  it('lists a problem for every segment that has one, in order', () => {
    const decoded = malformed(decodeJwt('a+b.c/d.e=f'))

    expect(decoded.problems.map((problem) => problem.segment)).toEqual([
      'header',
      'payload',
      'signature',
    ])
  })
})

describe('readPastedToken', () => {
  const token = makeJwt({ alg: 'RS256' }, { sub: 'alice' })

  it('leaves a clean token alone and says nothing', () => {
    expect(readPastedToken(token)).toMatchObject({ token, notes: [], seenInUrl: false })
  })

  it('trims whitespace around the token, with a note', () => {
    const pasted = readPastedToken(`\n  ${token}\n`)

    expect(pasted.token).toBe(token)
    expect(pasted.decoded.kind).toBe('jwt')
    expect(pasted.notes).toEqual([
      'Removed the spaces and line breaks around the token: they are not part of it.',
    ])
  })

  it('removes line breaks inside a wrapped token, with a note', () => {
    const wrapped = `${token.slice(0, 20)}\n${token.slice(20, 40)}\r\n${token.slice(40)}`

    const pasted = readPastedToken(wrapped)

    expect(pasted.token).toBe(token)
    expect(pasted.notes).toEqual([
      'Removed 3 spaces and line breaks inside the token: a JWT never contains whitespace (RFC 7515 §7.1), so they came from wrapping or copying.',
    ])
  })

  it('strips a leading "Bearer " (or a whole Authorization header), with a note', () => {
    expect(readPastedToken(`Bearer ${token}`)).toMatchObject({
      token,
      notes: [
        'Removed the leading "Bearer": that is the HTTP authentication scheme the token is sent with (RFC 6750 §2.1), not part of the token.',
      ],
    })
    expect(readPastedToken(`Authorization: bearer ${token}`).token).toBe(token)
  })

  it('strips quotes copied from JSON, with a note', () => {
    const pasted = readPastedToken(`"${token}"`)

    expect(pasted.token).toBe(token)
    expect(pasted.notes).toEqual(['Removed the quotes around the token: they are not part of it.'])
  })

  it('takes the token out of a URL fragment and marks it as seen in a URL', () => {
    const pasted = readPastedToken(
      `https://app.example/callback#access_token=${token}&token_type=Bearer&expires_in=3600`,
    )

    expect(pasted).toMatchObject({ token, seenInUrl: true, parameter: 'access_token' })
    expect(pasted.decoded.kind).toBe('jwt')
    expect(pasted.notes[0]).toContain(
      "Took the token from the access_token parameter in the URL's fragment.",
    )
    expect(pasted.notes[0]).toContain('RFC 9700 §4.3.2')
  })

  it('takes a bare fragment or query, and says which other tokens the URL carries', () => {
    expect(readPastedToken(`#access_token=${token}&state=xyz`)).toMatchObject({
      token,
      seenInUrl: true,
    })
    expect(readPastedToken(`access_token=${token}&state=xyz`).token).toBe(token)
    expect(readPastedToken(`?token=${token}`)).toMatchObject({
      token,
      parameter: 'token',
      notes: [expect.stringContaining("URL's query") as unknown],
    })

    const both = readPastedToken(`https://app.example/cb#id_token=${token}&access_token=opaque`)
    expect(both.parameter).toBe('id_token')
    expect(both.notes[1]).toBe(
      'The URL also carries access_token: paste it on its own to decode it.',
    )
  })

  it('explains a URL that carries no token instead of splitting it at its dots', () => {
    const pasted = readPastedToken('https://app.example/callback?code=abc&state=xyz')

    expect(pasted.seenInUrl).toBe(false)
    expect(pasted.decoded).toEqual({
      kind: 'opaque',
      reason:
        'This looks like a URL, but it has no id_token, access_token, refresh_token or token parameter to take a token from.',
    })
  })
})

describe('text that cannot be a token', () => {
  it.each([
    ['a sentence', 'please paste the token here', 'a space'],
    ['a symbol', 'token!value', "'!' (U+0021)"],
    ['padding in the middle', 'abc=def', "'=' (U+003D) at character 4"],
  ])('calls %s not a token at all, never "probably an opaque token"', (_, text, named) => {
    const { decoded } = readPastedToken(text)

    expect(decoded.kind).toBe('opaque')
    const reason = decoded.kind === 'opaque' ? decoded.reason : ''
    expect(reason).toMatch(/^This cannot be a token/)
    expect(reason).toContain(named)
    expect(reason).not.toContain('probably an opaque token')
  })

  it('still reads a real opaque token, with "~", "+", "/" and trailing "=", as probably opaque', () => {
    const decoded = decodeJwt('ab~c+d/e==')

    expect(decoded.kind === 'opaque' && decoded.reason).toContain('probably an opaque token')
  })

  it('takes the line breaks out of a wrapped opaque token, and the spaces out of a JWT only', () => {
    expect(readPastedToken('abcdef\nghijkl').token).toBe('abcdefghijkl')
    expect(readPastedToken('abc def').token).toBe('abc def')
  })
})
