/**
 * Properties of decoding and describing tokens: whatever string is pasted and whatever JSON a token
 * carries, decoding, describing and linting never throw, and what decodes can be displayed.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { claimCatalog } from '../../../src/jwt/claim-catalog'
import { decodeJwt, readPastedToken } from '../../../src/jwt/decode-jwt'
import type { DecodedJwt, DecodedToken } from '../../../src/jwt/decode-jwt'
import { describeClaims } from '../../../src/jwt/describe-claims'
import { lintToken } from '../../../src/jwt/token-lint'
import type { TokenRole } from '../../../src/jwt/token-lint'

const KINDS: readonly DecodedToken['kind'][] = ['jwt', 'jwe', 'opaque', 'malformed']
const ROLES: readonly TokenRole[] = ['id_token', 'access_token', 'refresh_token', 'unknown']

function b64url(text: string): string {
  return Buffer.from(text).toString('base64url')
}

const HEADER = b64url('{"alg":"RS256"}')

function tokenWithPayload(payloadJson: string): string {
  return `${HEADER}.${b64url(payloadJson)}.sig`
}

// One unit of text that breaks naive decoders and renderers: markup, quotes, escapes, controls,
// bidi overrides, a BOM and lone surrogates (which JSON.stringify escapes, so they round-trip), or
// any code point at all.
const trickyUnit = fc.oneof(
  fc.constantFrom(
    '<',
    '>',
    '&',
    '"',
    "'",
    '`',
    '\\',
    '/',
    '.',
    '=',
    '+',
    '-',
    '_',
    '%',
    ' ',
    '\t',
    '\n',
    '\r',
    '\u0000',
    '\u2028',
    '\ufeff',
    '\u202e',
  ),
  fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code)),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
)
const trickyText = fc.string({ unit: trickyUnit, maxLength: 40 })

// Names the app treats specially (time claims, URL-valued claims), names inherited from
// Object.prototype, and anything else.
const claimName = fc.oneof(
  fc.constantFrom(
    ...claimCatalog.map((entry) => entry.name),
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
  ),
  trickyText,
)

// Numbers at the edges of what a double, a safe integer and a Date can hold.
const edgeNumber = fc.constantFrom(
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  Number.MIN_VALUE,
  Number.MAX_SAFE_INTEGER + 2,
  1e21,
  8.64e12,
  8.64e12 + 1,
  -8.64e12 - 1,
)

const jsonValue = fc.oneof(
  { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 6, stringUnit: trickyUnit }) },
  { weight: 1, arbitrary: edgeNumber },
)

/** A JSON object as a token payload carries it, keys and nesting included. */
const jsonPayload = fc.dictionary(claimName, jsonValue, { maxKeys: 12, noNullPrototype: true })

/** Values a caller-built payload may hold besides JSON: NaN, infinities, -0, undefined. */
const callerPayload = fc.dictionary(
  claimName,
  fc.oneof(jsonValue, fc.double(), fc.constant(undefined)),
  { maxKeys: 12, noNullPrototype: true },
)

// Any instant a Date can represent, in epoch seconds: the domain of a clock.
const nowSeconds = fc.double({ min: -8.64e12, max: 8.64e12, noNaN: true })

const base64urlText = fc.string({
  unit: fc.constantFrom(...'ABCxyz0189-_eyJ'.split(''), '=', '+', '/', ' '),
  maxLength: 24,
})

/** One dot-separated segment: base64url of bytes, of JSON, of text, near-base64url, or anything. */
const segment = fc.oneof(
  fc.uint8Array({ maxLength: 40 }).map((bytes) => Buffer.from(bytes).toString('base64url')),
  fc.json({ maxDepth: 3 }).map(b64url),
  trickyText.map(b64url),
  base64urlText,
  trickyText,
)

const tokenLike = fc.array(segment, { minLength: 1, maxLength: 6 }).map((parts) => parts.join('.'))

/** Any string, weighted towards those that reach the deeper branches of the decoder. */
const anyString = fc.oneof(
  fc.string({ unit: 'binary' }),
  trickyText,
  tokenLike,
  fc
    .tuple(
      fc.constantFrom(
        '',
        '  ',
        '\n',
        'Bearer ',
        'bearer\t',
        'Authorization: Bearer ',
        '"',
        "'",
        '#',
        '#id_token=',
        '?access_token=',
        'token=',
        'a=b&id_token=',
        'https://app.example/cb#access_token=',
        'https://app.example/cb?token=',
        'javascript://x#id_token=',
        'http://[::1',
        '%',
      ),
      tokenLike,
      fc.constantFrom('', ' ', '"', "'", '&state=x&id_token=x', '\r\n'),
    )
    .map((parts) => parts.join('')),
)

function expectDisplayable(value: unknown): void {
  expect(() => JSON.stringify(value, null, 2)).not.toThrow()
}

describe('decodeJwt (properties)', () => {
  it('never throws on any string, and always says which of the four kinds it is', () => {
    fc.assert(
      fc.property(anyString, (text) => {
        expect(KINDS).toContain(decodeJwt(text).kind)
      }),
      { numRuns: 400 },
    )
  })

  it('decodes any JSON object payload to a payload deep-equal to it', () => {
    fc.assert(
      fc.property(jsonPayload, (payload) => {
        const json = JSON.stringify(payload)
        const decoded = decodeJwt(tokenWithPayload(json))

        expect(decoded.kind).toBe('jwt')
        if (decoded.kind !== 'jwt') return
        expect(decoded.header).toEqual({ alg: 'RS256' })
        // JSON.parse(json) is the input with -0 read as 0: all that JSON can carry.
        expect(decoded.payload).toEqual(JSON.parse(json))
        expect(JSON.stringify(decoded.payload)).toBe(json)
      }),
      { numRuns: 200 },
    )
  })

  it('reads number literals of any size, and describes and lints what they decode to', () => {
    const literal = fc.oneof(
      fc.bigInt({ min: -(10n ** 400n), max: 10n ** 400n }).map(String),
      fc
        .tuple(
          fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }),
          fc.integer({ min: -400, max: 400 }),
        )
        .map(([mantissa, exponent]) => `${mantissa}e${exponent}`),
    )
    fc.assert(
      fc.property(literal, literal, literal, nowSeconds, (exp, iat, other, now) => {
        const decoded = decodeJwt(tokenWithPayload(`{"exp":${exp},"iat":${iat},"n":${other}}`))

        expect(decoded.kind).toBe('jwt')
        if (decoded.kind !== 'jwt') return
        for (const row of describeClaims(decoded.payload, now)) {
          expect(typeof row.value).toBe('string')
        }
        for (const role of ROLES) {
          expect(() => lintToken({ role, decoded, nowSeconds: now })).not.toThrow()
        }
      }),
      { numRuns: 100 },
    )
  })

  // A header or payload nested thousands deep is a few kilobytes of token, parses fine, and then
  // overflows the stack of every recursive JSON.stringify that displays it. Up to 100 levels (the
  // outer object counts as one) are decoded; deeper is reported.
  it('returns only what can be displayed, however deep the JSON is nested', () => {
    const deep = fc.record({
      depth: fc.oneof(fc.integer({ min: 1, max: 120 }), fc.integer({ min: 1, max: 10_000 })),
      nesting: fc.constantFrom({ open: '[', close: ']' }, { open: '{"a":', close: '}' }),
      where: fc.constantFrom('header', 'payload', 'jwe header'),
    })
    fc.assert(
      fc.property(deep, ({ depth, nesting: { open, close }, where }) => {
        const json = `{"alg":"RS256","deep":${open.repeat(depth)}0${close.repeat(depth)}}`
        const token =
          where === 'header'
            ? `${b64url(json)}.${b64url('{}')}.sig`
            : where === 'payload'
              ? tokenWithPayload(json)
              : `${b64url(json)}.a.b.c.d`
        const decoded = decodeJwt(token)

        const readable = 1 + depth <= 100
        if (decoded.kind === 'jwe') {
          expect(decoded.header !== undefined).toBe(readable)
        } else {
          expect(decoded.kind).toBe(readable ? 'jwt' : 'malformed')
        }
        if (decoded.kind === 'opaque') return
        expectDisplayable(decoded.header)
        if (decoded.kind === 'jwt' || decoded.kind === 'malformed') {
          expectDisplayable(decoded.payload)
          if (decoded.payload !== undefined) describeClaims(decoded.payload, 0)
        }
      }),
      { numRuns: 40 },
    )
  })

  // The shrunk counter-example of the property above, before decodeJwt limited the nesting: the
  // payload decoded, then describeClaims (and the payload view) threw "Maximum call stack size exceeded".
  it('regression: a payload nested 4096 arrays deep is reported, not returned to crash the page', () => {
    const json = `{"alg":"RS256","deep":${'['.repeat(4096)}0${']'.repeat(4096)}}`
    const decoded = decodeJwt(tokenWithPayload(json))

    expect(decoded.kind).toBe('malformed')
    if (decoded.kind !== 'malformed') return
    expect(decoded.header).toEqual({ alg: 'RS256' })
    expect(decoded.payload).toBeUndefined()
    expect(decoded.problems).toEqual([
      {
        segment: 'payload',
        message: expect.stringContaining('nested more than 100 levels deep') as unknown,
      },
    ])
  })
})

describe('readPastedToken (properties)', () => {
  it('never throws on any string, and decodes what it keeps', () => {
    fc.assert(
      fc.property(anyString, (text) => {
        const pasted = readPastedToken(text)

        expect(typeof pasted.token).toBe('string')
        expect(KINDS).toContain(pasted.decoded.kind)
        expect(typeof pasted.seenInUrl).toBe('boolean')
        for (const note of pasted.notes) expect(typeof note).toBe('string')
        if (pasted.decoded.kind !== 'opaque') {
          expect(pasted.decoded).toEqual(decodeJwt(pasted.token))
        }
      }),
      { numRuns: 400 },
    )
  })

  it('finds the same token under whitespace, line breaks, "Bearer ", quotes or a URL', () => {
    const wrapping = fc.record({
      around: fc.constantFrom('', ' ', '\n', '\t \r\n'),
      scheme: fc.constantFrom('', 'Bearer ', 'bearer  ', 'Authorization: Bearer '),
      quote: fc.constantFrom('', '"', "'"),
      lineLength: fc.integer({ min: 0, max: 80 }),
      url: fc.constantFrom(
        undefined,
        'https://app.example/cb#id_token=',
        'https://app.example/cb?state=x&access_token=',
        '#token=',
      ),
    })
    fc.assert(
      fc.property(jsonPayload, wrapping, (payload, how) => {
        const token = tokenWithPayload(JSON.stringify(payload))
        const wrapped =
          how.lineLength === 0
            ? token
            : token.replace(new RegExp(`.{${how.lineLength}}`, 'g'), '$&\n')
        const text =
          how.url === undefined
            ? `${how.around}${how.scheme}${how.quote}${wrapped}${how.quote}${how.around}`
            : `${how.around}${how.url}${token}${how.around}`

        const pasted = readPastedToken(text)

        expect(pasted.token).toBe(token)
        expect(pasted.decoded.kind).toBe('jwt')
        expect(pasted.seenInUrl).toBe(how.url !== undefined)
      }),
      { numRuns: 100 },
    )
  })
})

describe('describeClaims (properties)', () => {
  it('never throws, keeps every claim in order, and gives every value as a string', () => {
    fc.assert(
      fc.property(callerPayload, nowSeconds, (payload, now) => {
        const rows = describeClaims(payload, now)

        expect(rows.map((row) => row.name)).toEqual(Object.keys(payload))
        for (const row of rows) {
          expect(typeof row.value).toBe('string')
          if (row.time !== undefined) {
            expect(typeof row.time.local).toBe('string')
            expect(typeof row.time.relative).toBe('string')
          }
          if (row.meaning !== undefined) expect(row.meaning.specUrl).toMatch(/^https:\/\//)
        }
      }),
      { numRuns: 300 },
    )
  })
})

describe('lintToken (properties)', () => {
  // Built directly, so header and payload may hold what no JSON can: NaN, infinities, undefined.
  const builtJwt = fc
    .record({
      header: fc.dictionary(
        fc.constantFrom('alg', 'typ', 'kid', '__proto__'),
        fc.oneof(
          fc.constantFrom('none', 'NONE', 'nOnE', 'HS256', 'hs512', 'RS256', 'ES256'),
          jsonValue,
          fc.double(),
        ),
        { noNullPrototype: true },
      ),
      payload: callerPayload,
    })
    .map(({ header, payload }): DecodedJwt => ({
      kind: 'jwt',
      segments: { header: 'h', payload: 'p', signature: 's' },
      header,
      payload,
    }))
  const decoded = fc.oneof(
    builtJwt,
    anyString.map(decodeJwt),
    jsonPayload.map((payload) => decodeJwt(tokenWithPayload(JSON.stringify(payload)))),
  )
  const flag = fc.option(fc.boolean(), { nil: undefined })

  it('never throws, and every finding says something and links to a specification', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ROLES),
        decoded,
        flag,
        flag,
        nowSeconds,
        (role, token, seenInUrl, refreshTokenRotated, now) => {
          const findings = lintToken({
            role,
            decoded: token,
            nowSeconds: now,
            ...(seenInUrl === undefined ? {} : { seenInUrl }),
            ...(refreshTokenRotated === undefined ? {} : { refreshTokenRotated }),
          })

          expect(new Set(findings.map((finding) => finding.id)).size).toBe(findings.length)
          for (const finding of findings) {
            expect(finding.message).not.toBe('')
            if (finding.spec !== undefined) expect(finding.spec.url).toMatch(/^https:\/\//)
          }
        },
      ),
      { numRuns: 300 },
    )
  })
})
