/**
 * Property: whatever the tokens, codes, verifiers and secrets of a run look like, however a provider
 * escapes its JSON and however a form encodes them, nothing the timeline writes to storage decodes back
 * to one of them: not as text, not after JSON parsing, not after form or percent decoding.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { OidcError } from '../../../src/oidc'
import type { HttpExchange } from '../../../src/oidc'
import { createFlowTimeline, TIMELINE_KEY } from '../../../src/session/flow-timeline'
import { createTimelineRecorder } from '../../../src/session/timeline-recorder'
import { createFakeClock } from '../../support/fake-clock'
import { MemoryStorage } from '../../support/memory-storage'

const CREDENTIAL_UNITS = Array.from(
  'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~/+=% &"\\<>é€😀',
)
const credential = fc.string({
  unit: fc.constantFrom(...CREDENTIAL_UNITS),
  minLength: 12,
  maxLength: 48,
})

/** Per character: whether to escape it; cycled over the text, so any pattern of escapes occurs. */
const escapePattern = fc.array(fc.boolean(), { minLength: 1, maxLength: 17 })

/** JSON as PHP (`\/`), .NET (`\u002B`) or any encoder may write it: any character may be escaped. */
function escapedJsonString(text: string, pattern: readonly boolean[]): string {
  let out = '"'
  Array.from(text).forEach((character, index) => {
    const escape = pattern[index % pattern.length] === true
    if (character === '/' && escape && index % 2 === 0) out += '\\/'
    else if (escape || character === '"' || character === '\\') {
      for (const unit of character.split('')) {
        out += `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`
      }
    } else out += character
  })
  return `${out}"`
}

function escapedJson(record: Record<string, string | number>, pattern: readonly boolean[]): string {
  const members = Object.entries(record).map(
    ([name, value]) =>
      `${escapedJsonString(name, pattern)}:${typeof value === 'number' ? String(value) : escapedJsonString(value, pattern)}`,
  )
  return `{${members.join(',')}}`
}

/** A form value as any encoder may write it: any byte percent-encoded, upper or lower hex, + or %20. */
function formEncoded(text: string, pattern: readonly boolean[]): string {
  const bytes = new TextEncoder().encode(text)
  let out = ''
  bytes.forEach((byte, index) => {
    const escape = pattern[index % pattern.length] === true
    const character = String.fromCharCode(byte)
    const safe = byte < 0x80 && /[A-Za-z0-9\-_.~]/.test(character)
    if (byte === 0x20) out += escape ? '%20' : '+'
    else if (safe && !escape) out += character
    else {
      const hex = byte.toString(16).padStart(2, '0')
      out += `%${index % 3 === 0 ? hex : hex.toUpperCase()}`
    }
  })
  return out
}

function form(pairs: [string, string][], pattern: readonly boolean[]): string {
  return pairs
    .map(([name, value]) => `${formEncoded(name, pattern)}=${formEncoded(value, pattern)}`)
    .join('&')
}

/** Every string in `value`, and every string those decode to as JSON, a form or percent-encoding. */
function decodings(value: unknown, into: string[] = []): string[] {
  if (typeof value === 'string') {
    into.push(value)
    try {
      into.push(decodeURIComponent(value))
    } catch {
      // Not percent-encoded text: nothing more to decode.
    }
    for (const [name, inner] of new URLSearchParams(value)) into.push(name, inner)
    try {
      const parsed: unknown = JSON.parse(value)
      if (typeof parsed === 'object' && parsed !== null) decodings(parsed, into)
    } catch {
      // Not JSON: nothing more to decode.
    }
  } else if (Array.isArray(value)) {
    for (const item of value) decodings(item, into)
  } else if (typeof value === 'object' && value !== null) {
    for (const [name, inner] of Object.entries(value)) {
      into.push(name)
      decodings(inner, into)
    }
  }
  return into
}

function exchange(overrides: Partial<HttpExchange>): HttpExchange {
  return {
    method: 'POST',
    url: 'https://op.example/token',
    requestHeaders: [['content-type', 'application/x-www-form-urlencoded;charset=UTF-8']],
    status: 200,
    statusText: 'OK',
    responseHeaders: [['content-type', 'application/json']],
    startedAt: 1_700_000_000_000,
    durationMs: 12,
    ...overrides,
  }
}

interface Run {
  code: string
  verifier: string
  accessToken: string
  refreshToken: string
  idToken: string
  clientSecret: string
  pattern: boolean[]
  formResponse: boolean
  failed: boolean
}

/** A whole run as the session records it: authorization request, callback, code exchange, refresh. */
function record(run: Run): MemoryStorage {
  const storage = new MemoryStorage()
  const timeline = createFlowTimeline(storage, createFakeClock(), () => undefined)
  const recorder = createTimelineRecorder(timeline)
  const authorization = recorder.begin('authorization-request', 'Authorization request', [], {
    url: 'https://op.example/authorize?response_type=code&client_id=spa&code_challenge=abc',
    parameters: [
      ['response_type', 'code'],
      ['code_challenge', 'abc'],
    ],
    pkce: { codeVerifier: run.verifier, codeChallenge: 'abc', method: 'S256' },
  })
  recorder.finish(authorization, {})
  const callback = recorder.begin('callback', 'Callback', [], {
    parameters: [
      ['code', run.code],
      ['state', 'xyz'],
    ],
    url: `https://app.example/callback?${form([['code', run.code]], run.pattern)}`,
  })
  recorder.finish(callback, {})
  const tokens = {
    access_token: run.accessToken,
    token_type: 'Bearer',
    expires_in: 300,
    refresh_token: run.refreshToken,
    id_token: run.idToken,
  }
  const responseBody = run.formResponse
    ? form(
        Object.entries(tokens).map(([name, value]) => [name, String(value)]),
        run.pattern,
      )
    : escapedJson(tokens, run.pattern)
  const exchangeId = recorder.begin('token-request', 'Token request', ['token-request'])
  recorder.onExchange(
    'token-request',
    exchange({
      requestBody: form(
        [
          ['grant_type', 'authorization_code'],
          ['code', run.code],
          ['code_verifier', run.verifier],
          ['redirect_uri', 'https://app.example/callback'],
          ['client_id', 'spa'],
          ['client_secret', run.clientSecret],
        ],
        run.pattern,
      ),
      responseHeaders: [
        [
          'content-type',
          run.formResponse ? 'application/x-www-form-urlencoded' : 'application/json',
        ],
      ],
      responseBody,
    }),
  )
  if (run.failed) {
    recorder.fail(
      exchangeId,
      new OidcError('invalid_token_response', 'token-request', `rejected code ${run.code}`),
    )
  } else recorder.finish(exchangeId, {})
  const refresh = recorder.begin('refresh', 'Refresh', ['refresh'])
  recorder.onExchange(
    'refresh',
    exchange({
      requestHeaders: [['Authorization', `Basic ${btoa(`spa:${run.clientSecret.length}`)}`]],
      requestBody: form(
        [
          ['grant_type', 'refresh_token'],
          ['refresh_token', run.refreshToken],
        ],
        run.pattern,
      ),
      responseBody,
    }),
  )
  recorder.finish(refresh, {})
  return storage
}

const run = fc.record({
  code: credential,
  verifier: credential,
  accessToken: credential,
  refreshToken: credential,
  idToken: credential,
  clientSecret: credential,
  pattern: escapePattern,
  formResponse: fc.boolean(),
  failed: fc.boolean(),
})

describe('the stored copy of the timeline', () => {
  it('never decodes back to a token, code, verifier or secret', () => {
    fc.assert(
      fc.property(run, (sample) => {
        const stored = record(sample).getItem(TIMELINE_KEY) ?? ''
        const texts = [stored, ...decodings(JSON.parse(stored))]
        const credentials = [
          sample.code,
          sample.verifier,
          sample.accessToken,
          sample.refreshToken,
          sample.idToken,
          sample.clientSecret,
        ]
        const leaks = texts.flatMap((text) =>
          credentials.filter((secret) => text.includes(secret)).map((secret) => ({ secret, text })),
        )
        expect(leaks).toEqual([])
      }),
      { numRuns: 200 },
    )
  })

  it('keeps what is harmless: the grant type, the token type, the lifetime and the challenge', () => {
    const storage = record({
      code: 'code-0123456789',
      verifier: 'verifier-0123456789',
      accessToken: 'access-0123456789',
      refreshToken: 'refresh-0123456789',
      idToken: 'id-0123456789',
      clientSecret: 'secret-0123456789',
      pattern: [true, false],
      formResponse: false,
      failed: false,
    })
    const entries = JSON.parse(storage.getItem(TIMELINE_KEY) ?? '[]') as {
      pkce?: { codeChallenge: string; codeVerifier?: string }
      http?: { requestBody?: string; responseBody?: string }
    }[]

    expect(entries[0]?.pkce).toEqual({ codeChallenge: 'abc', method: 'S256' })
    expect(new URLSearchParams(entries[2]?.http?.requestBody).get('grant_type')).toBe(
      'authorization_code',
    )
    expect(JSON.parse(entries[2]?.http?.responseBody ?? '{}')).toMatchObject({
      token_type: 'Bearer',
      expires_in: 300,
    })
  })
})
