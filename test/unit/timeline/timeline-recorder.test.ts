import { describe, expect, it } from 'vitest'

import {
  createAuthorizationRequest,
  discoverProvider,
  OidcError,
  validateAuthorizationResponse,
} from '../../../src/oidc'
import type { HttpExchange, OidcErrorCode } from '../../../src/oidc'
import type { OidcErrorDetails } from '../../../src/oidc/oidc-error'
import { createFlowTimeline, TIMELINE_KEY } from '../../../src/session/flow-timeline'
import type { TimelineEntry } from '../../../src/session/flow-timeline'
import { NOT_KEPT } from '../../../src/session/stored-copy'
import {
  callbackChecks,
  createTimelineRecorder,
  secretsOf,
} from '../../../src/session/timeline-recorder'
import { createFakeClock } from '../../support/fake-clock'
import { createFakeProvider } from '../../support/fake-provider'
import { MemoryStorage } from '../../support/memory-storage'
import { nth } from '../../support/nth'

const ACCESS_TOKEN = 'at-0123456789-access'
const REFRESH_TOKEN = 'rt-0123456789-refresh'
const ID_TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl'
const CLIENT_SECRET = 'cs-0123456789-secret'

function exchange(overrides: Partial<HttpExchange> = {}): HttpExchange {
  return {
    method: 'GET',
    url: 'https://op.example/.well-known/openid-configuration',
    requestHeaders: [['accept', 'application/json']],
    status: 200,
    statusText: 'OK',
    responseHeaders: [['content-type', 'application/json']],
    responseBody: '{"issuer":"https://op.example"}',
    startedAt: 1_700_000_000_000,
    durationMs: 12,
    ...overrides,
  }
}

/** A refresh with a client secret: secrets in the request body and in the JSON answer. */
function refreshExchange(): HttpExchange {
  return exchange({
    method: 'POST',
    url: 'https://op.example/token',
    requestHeaders: [
      ['accept', 'application/json'],
      ['content-type', 'application/x-www-form-urlencoded;charset=UTF-8'],
    ],
    requestBody: `grant_type=refresh_token&refresh_token=${REFRESH_TOKEN}&client_id=spa&client_secret=${CLIENT_SECRET}`,
    responseBody: JSON.stringify({
      access_token: ACCESS_TOKEN,
      token_type: 'Bearer',
      expires_in: 300,
      refresh_token: `${REFRESH_TOKEN}-rotated`,
      id_token: ID_TOKEN,
    }),
  })
}

const ALL_SECRETS = [
  ACCESS_TOKEN,
  REFRESH_TOKEN,
  `${REFRESH_TOKEN}-rotated`,
  ID_TOKEN,
  CLIENT_SECRET,
]

function error(code: OidcErrorCode, details: OidcErrorDetails = {}): OidcError {
  return new OidcError(code, 'authorization-response', `failed: ${code}`, details)
}

function setup() {
  const storage = new MemoryStorage()
  const clock = createFakeClock()
  let changes = 0
  const timeline = createFlowTimeline(storage, clock, () => {
    changes += 1
  })
  const recorder = createTimelineRecorder(timeline)
  function entry(id: string): TimelineEntry {
    const found = timeline.entries().find((candidate) => candidate.id === id)
    if (!found) throw new Error(`no entry ${id}`)
    return found
  }
  function stored(): TimelineEntry[] {
    return JSON.parse(storage.getItem(TIMELINE_KEY) ?? 'null') as TimelineEntry[]
  }
  return { storage, clock, timeline, recorder, entry, stored, changes: () => changes }
}

describe('secretsOf', () => {
  it('finds nothing in a discovery exchange', () => {
    expect(secretsOf(exchange())).toEqual([])
  })

  it('takes an Authorization header both whole and without its scheme', () => {
    const secrets = secretsOf(
      exchange({
        url: 'https://op.example/userinfo',
        requestHeaders: [
          ['accept', 'application/json'],
          ['Authorization', `Bearer ${ACCESS_TOKEN}`],
        ],
        responseBody: '{"sub":"alice"}',
      }),
    )

    expect(secrets).toEqual([`Bearer ${ACCESS_TOKEN}`, ACCESS_TOKEN])
  })

  it('takes client_secret and refresh_token from a form body, and tokens from the JSON answer', () => {
    const secrets = secretsOf(refreshExchange())

    expect(secrets).toEqual(
      expect.arrayContaining([
        REFRESH_TOKEN,
        CLIENT_SECRET,
        ACCESS_TOKEN,
        `${REFRESH_TOKEN}-rotated`,
        ID_TOKEN,
      ]),
    )
    expect(secrets).toHaveLength(5)
    // Parameters that are not secrets stay readable.
    expect(secrets).not.toContain('spa')
    expect(secrets).not.toContain('refresh_token')
    expect(secrets).not.toContain('Bearer')
  })

  it('takes the token of a revocation request (RFC 7009 §2.1)', () => {
    const secrets = secretsOf(
      exchange({
        method: 'POST',
        url: 'https://op.example/revoke',
        requestBody: `token=${REFRESH_TOKEN}&token_type_hint=refresh_token&client_id=spa`,
        responseBody: '',
      }),
    )

    expect(secrets).toEqual([REFRESH_TOKEN])
  })

  it('does not take the code or the code_verifier: they are shown on purpose', () => {
    const secrets = secretsOf(
      exchange({
        method: 'POST',
        url: 'https://op.example/token',
        requestBody: 'grant_type=authorization_code&code=the-code&code_verifier=the-verifier',
        responseBody: '{"error":"invalid_grant"}',
        status: 400,
      }),
    )

    expect(secrets).toEqual([])
  })

  it.each([
    ['an HTML error page', '<html><body>access_token=nope</body></html>'],
    ['a JSON string', '"access_token"'],
    ['JSON null', 'null'],
    ['an empty body', ''],
  ])('finds no token in %s', (_, responseBody) => {
    expect(secretsOf(exchange({ responseBody }))).toEqual([])
  })

  it('ignores token fields that are not strings, and empty values', () => {
    const secrets = secretsOf(
      exchange({
        method: 'POST',
        requestBody: 'client_secret=&token=',
        responseBody: JSON.stringify({ access_token: 42, id_token: null, refresh_token: '' }),
      }),
    )

    expect(secrets).toEqual([])
  })

  it('finds nothing in an exchange that failed without an answer', () => {
    const failed: HttpExchange = {
      method: 'GET',
      url: 'https://op.example/.well-known/openid-configuration',
      requestHeaders: [],
      startedAt: 0,
      durationMs: 3,
      failure: 'The request failed without an HTTP status',
    }

    expect(secretsOf(failed)).toEqual([])
  })

  // Known bug, see the report: a form body is percent-encoded but secretsOf returns the decoded
  // values, so a refresh token with "/" (every Google one: "1//0g…") is neither masked on screen nor
  // redacted in storage. Turn this into `it` once fixed.
  it('covers a secret that appears percent-encoded in a form body', () => {
    const googleRefreshToken = '1//0gExampleRefreshToken+with/slashes='
    const encoded = '1%2F%2F0gExampleRefreshToken%2Bwith%2Fslashes%3D'
    const { recorder, storage } = setup()
    recorder.begin('refresh', 'Refresh', ['refresh'])

    recorder.onExchange(
      'refresh',
      exchange({
        method: 'POST',
        url: 'https://op.example/token',
        requestBody: new URLSearchParams({
          grant_type: 'refresh_token',
          refresh_token: googleRefreshToken,
        }).toString(),
        responseBody: '{}',
      }),
    )

    expect(storage.dump()).not.toContain(encoded)
  })
})

describe('callbackChecks', () => {
  const NAMES = [
    'a sign-in started in this tab is waiting (RFC 9700 §4.7)',
    'the waiting sign-in is minutes old, not older (RFC 6749 §4.1.2)',
    'no tokens in the callback URL (RFC 9700 §4.6)',
    'each parameter appears once (RFC 6749 §3.1)',
    'iss equals the issuer (RFC 9207 §2.4)',
    'state equals the one this tab sent (RFC 6749 §10.12)',
    'the provider did not answer with an error (RFC 6749 §4.1.2.1)',
    'a code is present',
  ]

  const WITH_ISS = new URL(
    'https://app.example/callback?code=c&state=s&iss=https%3A%2F%2Fop.example',
  )
  const WITHOUT_ISS = new URL('https://app.example/callback?code=c&state=s')

  it('lists every check as passed, in order, when there is no error and iss arrived', () => {
    const checks = callbackChecks(WITH_ISS)

    expect(checks.map((check) => check.name)).toEqual(NAMES)
    expect(checks.every((check) => check.outcome === 'passed')).toBe(true)
    expect(checks.some((check) => check.detail !== undefined)).toBe(false)
  })

  it('calls the iss comparison not applicable, not passed, when the callback carried no iss', () => {
    const checks = callbackChecks(WITHOUT_ISS)
    const iss = checks.find((check) => check.name.startsWith('iss'))

    expect(iss).toMatchObject({ outcome: 'not-applicable' })
    expect(iss?.detail).toContain('carried no iss')
    expect(checks.filter((check) => check !== iss).every((c) => c.outcome === 'passed')).toBe(true)
  })

  it.each<[string, OidcError, number]>([
    ['no pending authorization', error('no_pending_authorization'), 0],
    ['a pending authorization too old', error('pending_authorization_expired'), 1],
    [
      'tokens in the URL',
      error('invalid_authorization_response', { callbackCheck: 'no-tokens-in-url' }),
      2,
    ],
    [
      'a repeated parameter',
      error('invalid_authorization_response', { callbackCheck: 'parameters-once' }),
      3,
    ],
    ['another iss', error('iss_mismatch', { check: 'iss' }), 4],
    ['another state', error('state_mismatch', { check: 'state' }), 5],
    ['error=access_denied', error('authorization_error'), 6],
    ['login_required to prompt=none', error('interactive_sign_in_required'), 6],
    ['no code', error('invalid_authorization_response', { callbackCheck: 'code' }), 7],
  ])('stops at the failed check for %s; the later ones never ran', (_, failure, failedAt) => {
    const checks = callbackChecks(WITH_ISS, failure)

    expect(checks.map((check) => check.name)).toEqual(NAMES.slice(0, failedAt + 1))
    expect(checks.map((check) => check.outcome)).toEqual([
      ...Array.from({ length: failedAt }, () => 'passed'),
      'failed',
    ])
    expect(checks.at(-1)?.detail).toBe(failure.message)
    expect(checks.slice(0, -1).every((check) => check.detail === undefined)).toBe(true)
  })

  it('adds a failed "the callback is valid" when no named check explains the error', () => {
    const checks = callbackChecks(WITH_ISS, error('network_error'))

    expect(checks.slice(0, -1).map((check) => check.name)).toEqual(NAMES)
    expect(checks.slice(0, -1).every((check) => check.outcome === 'passed')).toBe(true)
    expect(checks.at(-1)).toEqual({
      name: 'the callback is valid',
      outcome: 'failed',
      detail: 'failed: network_error',
    })
  })

  describe('with the errors validateAuthorizationResponse really throws', () => {
    async function started() {
      const op = await createFakeProvider()
      const metadata = await discoverProvider(op.issuer, {
        appOrigin: 'https://app.example',
        fetch: op.fetch,
      })
      const { url, pending } = await createAuthorizationRequest({
        metadata,
        clientId: op.clientId,
        redirectUri: 'https://app.example/callback',
        scope: 'openid',
        extraParams: [],
        clientAuthentication: 'none',
        nowSeconds: 0,
      })
      return { callback: op.authorize(url), pending }
    }

    function failedCheck(run: () => unknown): string | undefined {
      try {
        run()
      } catch (caught) {
        if (!(caught instanceof OidcError)) throw caught
        return callbackChecks(WITH_ISS, caught).find((check) => check.outcome === 'failed')?.name
      }
      throw new Error('the callback was accepted')
    }

    it.each<[string, (callback: URL) => void, string]>([
      [
        'a token in the fragment',
        (callback) => {
          callback.hash = `access_token=${ACCESS_TOKEN}`
        },
        nth(NAMES, 2),
      ],
      [
        'a repeated code',
        (callback) => {
          callback.searchParams.append('code', 'second')
        },
        nth(NAMES, 3),
      ],
      [
        'another iss',
        (callback) => {
          callback.searchParams.set('iss', 'https://evil.example')
        },
        nth(NAMES, 4),
      ],
      [
        'another state',
        (callback) => {
          callback.searchParams.set('state', 'forged')
        },
        nth(NAMES, 5),
      ],
      [
        'an error answer',
        (callback) => {
          callback.searchParams.delete('code')
          callback.searchParams.set('error', 'access_denied')
        },
        nth(NAMES, 6),
      ],
      [
        'no code',
        (callback) => {
          callback.searchParams.delete('code')
        },
        nth(NAMES, 7),
      ],
    ])('names the right check for %s', async (_, tamper, expected) => {
      const { callback, pending } = await started()
      tamper(callback)

      expect(failedCheck(() => validateAuthorizationResponse(pending, callback))).toBe(expected)
    })
  })
})

describe('createTimelineRecorder', () => {
  it('begins an entry as waiting, with its kind, title and extra fields, at the clock time', () => {
    const { recorder, entry, clock } = setup()

    const id = recorder.begin('authorization-request', 'Authorization request', [], {
      url: 'https://op.example/authorize?client_id=spa',
      parameters: [['client_id', 'spa']],
    })

    expect(id).toBe('step-1')
    expect(entry(id)).toEqual({
      id: 'step-1',
      kind: 'authorization-request',
      title: 'Authorization request',
      outcome: 'waiting',
      at: clock.now(),
      url: 'https://op.example/authorize?client_id=spa',
      parameters: [['client_id', 'spa']],
    })
  })

  it('attaches the exchange of an open step to its entry, with the secrets it carries', () => {
    const { recorder, entry, changes } = setup()
    const id = recorder.begin('refresh', 'Refresh', ['refresh'])
    const before = changes()

    recorder.onExchange('refresh', refreshExchange())

    expect(entry(id).http).toEqual(refreshExchange())
    expect(entry(id).secrets).toEqual(secretsOf(refreshExchange()))
    expect(changes()).toBe(before + 1)
  })

  it('ignores exchanges of a step no entry is open for', () => {
    const { recorder, timeline } = setup()
    const id = recorder.begin('discovery', 'Discovery', ['discovery'])

    recorder.onExchange('userinfo', exchange({ url: 'https://op.example/userinfo' }))

    expect(timeline.entries()).toHaveLength(1)
    expect(nth(timeline.entries(), 0).http).toBeUndefined()
    expect(nth(timeline.entries(), 0).id).toBe(id)
  })

  it('sends each exchange to the entry open for its own step', () => {
    const { recorder, entry } = setup()
    const refresh = recorder.begin('refresh', 'Refresh', ['refresh'])
    const userinfo = recorder.begin('userinfo', 'UserInfo request', ['userinfo'])
    const userinfoExchange = exchange({
      url: 'https://op.example/userinfo',
      requestHeaders: [['authorization', `Bearer ${ACCESS_TOKEN}`]],
    })

    recorder.onExchange('userinfo', userinfoExchange)
    recorder.onExchange('refresh', refreshExchange())

    expect(entry(userinfo).http).toEqual(userinfoExchange)
    expect(entry(refresh).http).toEqual(refreshExchange())
    expect(entry(userinfo).secrets).toEqual([`Bearer ${ACCESS_TOKEN}`, ACCESS_TOKEN])
  })

  it('keeps the secrets of every exchange of an entry with several steps', () => {
    const { recorder, entry } = setup()
    const id = recorder.begin('silent-authorization', 'Silent re-authorization', [
      'silent-authorization',
      'token-request',
    ])
    const first = exchange({
      url: 'https://op.example/userinfo',
      requestHeaders: [['authorization', 'Bearer first-access-token']],
    })

    recorder.onExchange('silent-authorization', first)
    recorder.onExchange('token-request', refreshExchange())

    expect(entry(id).http).toEqual(refreshExchange())
    expect(entry(id).secrets).toEqual(
      expect.arrayContaining(['first-access-token', ACCESS_TOKEN, CLIENT_SECRET]),
    )
  })

  it('keeps an earlier attempt of the step, as after a DPoP nonce challenge, and stores neither proof', () => {
    const { recorder, entry, storage } = setup()
    const id = recorder.begin('token-request', 'Token request', ['token-request'])
    const proof = 'eyJ0eXAiOiJkcG9wK2p3dCJ9.eyJqdGkiOiIxIn0.c2ln'
    const challenged = exchange({
      method: 'POST',
      url: 'https://op.example/token',
      requestHeaders: [['dpop', proof]],
      status: 400,
      responseHeaders: [['dpop-nonce', 'n-1']],
      responseBody: '{"error":"use_dpop_nonce"}',
    })
    const retried = exchange({
      method: 'POST',
      url: 'https://op.example/token',
      requestHeaders: [['dpop', `${proof}-2`]],
    })

    recorder.onExchange('token-request', challenged)
    recorder.onExchange('token-request', retried)

    expect(entry(id).earlierHttp).toEqual([challenged])
    expect(entry(id).http).toEqual(retried)
    const stored = storage.getItem(TIMELINE_KEY) ?? ''
    expect(stored).toContain('use_dpop_nonce')
    expect(stored).toContain('n-1')
    expect(stored).not.toContain(proof)
  })

  it('finishes an entry as ok with the change, and stops attaching exchanges to it', () => {
    const { recorder, entry } = setup()
    const id = recorder.begin('discovery', 'Discovery', ['discovery'])
    recorder.onExchange('discovery', exchange())

    recorder.finish(id, { checks: [{ name: 'S256', outcome: 'passed' as const }] })
    recorder.onExchange('discovery', exchange({ status: 500 }))

    expect(entry(id)).toMatchObject({
      outcome: 'ok',
      checks: [{ name: 'S256', outcome: 'passed' as const }],
      http: { status: 200 },
    })
  })

  it('fails an entry with the error code, message and checks, and closes it', () => {
    const { recorder, entry } = setup()
    const id = recorder.begin('token-request', 'Token request', ['token-request'])
    const failure = new OidcError('token_endpoint_error', 'token-request', 'invalid_grant')
    const checks = [
      { name: 'ID token check "nonce"', outcome: 'failed' as const, detail: 'no nonce' },
    ]

    recorder.fail(id, failure, checks)
    recorder.onExchange('token-request', refreshExchange())

    expect(entry(id)).toMatchObject({
      outcome: 'failed',
      error: { code: 'token_endpoint_error', message: 'invalid_grant' },
      checks,
    })
    expect(entry(id).http).toBeUndefined()
  })

  it('fails an entry without checks when none are given', () => {
    const { recorder, entry } = setup()
    const id = recorder.begin('discovery', 'Discovery', ['discovery'])

    recorder.fail(id, new OidcError('network_error', 'discovery', 'offline'))

    expect(entry(id).outcome).toBe('failed')
    expect(entry(id).checks).toBeUndefined()
  })

  it('closes only its own entry: a newer entry of the same step stays open', () => {
    const { recorder, entry } = setup()
    const older = recorder.begin('userinfo', 'UserInfo request', ['userinfo'])
    const newer = recorder.begin('userinfo', 'UserInfo request', ['userinfo'])

    recorder.fail(older, new OidcError('userinfo_failed', 'userinfo', '401'))
    recorder.onExchange('userinfo', exchange({ url: 'https://op.example/userinfo' }))

    expect(entry(older).http).toBeUndefined()
    expect(entry(newer).http?.url).toBe('https://op.example/userinfo')
  })
})

describe('createFlowTimeline', () => {
  function recordRefresh() {
    const context = setup()
    const id = context.recorder.begin('refresh', 'Refresh', ['refresh'])
    context.recorder.onExchange('refresh', refreshExchange())
    context.recorder.finish(id, {})
    return { ...context, id }
  }

  it('shows the secrets in memory, for the reveal button', () => {
    const { entry, id } = recordRefresh()

    expect(entry(id).http?.requestBody).toContain(CLIENT_SECRET)
    expect(entry(id).http?.responseBody).toContain(ACCESS_TOKEN)
  })

  it('stores a redacted copy: no token or secret anywhere in storage', () => {
    const { storage, stored } = recordRefresh()

    const dump = storage.dump()
    for (const secret of ALL_SECRETS) expect(dump).not.toContain(secret)
    const entry = nth(stored(), 0)
    expect(entry.secrets).toBeUndefined()
    expect(Object.fromEntries(new URLSearchParams(entry.http?.requestBody))).toEqual({
      grant_type: 'refresh_token',
      refresh_token: NOT_KEPT,
      client_id: 'spa',
      client_secret: NOT_KEPT,
    })
    expect(JSON.parse(entry.http?.responseBody ?? '{}')).toEqual({
      access_token: NOT_KEPT,
      token_type: 'Bearer',
      expires_in: 300,
      refresh_token: NOT_KEPT,
      id_token: NOT_KEPT,
    })
  })

  it('redacts secrets in the URL, headers and parameters of the stored copy too', () => {
    const { timeline, storage } = setup()

    timeline.add({
      kind: 'end-session',
      title: 'End session',
      outcome: 'ok',
      url: `https://op.example/session/end?id_token_hint=${ID_TOKEN}`,
      parameters: [['id_token_hint', ID_TOKEN]],
      http: exchange({
        url: `https://op.example/userinfo?access_token=${ACCESS_TOKEN}`,
        requestHeaders: [['authorization', `Bearer ${ACCESS_TOKEN}`]],
        responseHeaders: [['x-echo', ACCESS_TOKEN]],
      }),
      secrets: [ID_TOKEN, ACCESS_TOKEN],
    })

    expect(storage.dump()).not.toContain(ID_TOKEN)
    expect(storage.dump()).not.toContain(ACCESS_TOKEN)
    expect(storage.dump()).toContain('id_token_hint')
  })

  it('reads the redacted run back after a reload, and its ids go on from there', () => {
    const { storage, recorder, clock } = setup()
    recorder.begin('discovery', 'Discovery', ['discovery'])
    recorder.onExchange('discovery', exchange())
    recorder.begin('authorization-request', 'Authorization request', [])

    const reloaded = createFlowTimeline(storage, clock, () => undefined)

    expect(reloaded.entries().map((entry) => entry.id)).toEqual(['step-1', 'step-2'])
    expect(nth(reloaded.entries(), 0).http?.status).toBe(200)
    expect(reloaded.add({ kind: 'callback', title: 'Callback', outcome: 'ok' }).id).toBe('step-3')
  })

  it('reads the stored copy after a reload without any secret', () => {
    const { storage, clock } = recordRefresh()

    const reloaded = createFlowTimeline(storage, clock, () => undefined)

    const text = JSON.stringify(reloaded.entries())
    for (const secret of ALL_SECRETS) expect(text).not.toContain(secret)
    expect(text).toContain(NOT_KEPT)
  })

  it.each([
    ['no JSON', '{not json'],
    ['no array', '{"id":"step-1"}'],
  ])('starts empty when storage holds %s', (_, value) => {
    const storage = new MemoryStorage()
    storage.setItem(TIMELINE_KEY, value)

    const timeline = createFlowTimeline(storage, createFakeClock(), () => undefined)

    expect(timeline.entries()).toEqual([])
    expect(timeline.add({ kind: 'discovery', title: 'Discovery', outcome: 'ok' }).id).toBe('step-1')
  })

  it('drops stored items that are not entries', () => {
    const storage = new MemoryStorage()
    storage.setItem(
      TIMELINE_KEY,
      JSON.stringify([
        { id: 'step-1', kind: 'discovery', at: 1, title: 'Discovery', outcome: 'ok' },
        { id: 'step-2', kind: 'callback', title: 'no time' },
        null,
        'step-3',
      ]),
    )

    const timeline = createFlowTimeline(storage, createFakeClock(), () => undefined)

    expect(timeline.entries().map((entry) => entry.id)).toEqual(['step-1'])
  })

  it('keepStoredCopies keeps only the given entries, with no secret even in memory', () => {
    const { timeline, recorder, storage } = recordRefresh()
    const revocation = recorder.begin('revocation', 'Revocation', ['revocation'])
    recorder.onExchange(
      'revocation',
      exchange({
        method: 'POST',
        url: 'https://op.example/revoke',
        requestBody: `token=${REFRESH_TOKEN}&token_type_hint=refresh_token&client_secret=${CLIENT_SECRET}`,
        responseBody: '',
      }),
    )
    recorder.finish(revocation, {})

    timeline.keepStoredCopies([revocation])

    expect(timeline.entries().map((entry) => entry.id)).toEqual([revocation])
    const kept = nth(timeline.entries(), 0)
    expect(kept.secrets).toBeUndefined()
    expect(Object.fromEntries(new URLSearchParams(kept.http?.requestBody))).toEqual({
      token: NOT_KEPT,
      token_type_hint: 'refresh_token',
      client_secret: NOT_KEPT,
    })
    const memory = JSON.stringify(timeline.entries())
    for (const secret of ALL_SECRETS) {
      expect(memory).not.toContain(secret)
      expect(storage.dump()).not.toContain(secret)
    }
  })

  // Known bug, see the report: after keepStoredCopies and a reload, the counter restarts at the number
  // of entries kept, so a new id can repeat one that is kept.
  it('keeps ids unique after keepStoredCopies and a reload', () => {
    const { timeline, storage, clock } = setup()
    for (const title of ['Discovery', 'Revocation', 'End session']) {
      timeline.add({ kind: 'discovery', title, outcome: 'ok' })
    }
    timeline.keepStoredCopies(['step-2', 'step-3'])

    const reloaded = createFlowTimeline(storage, clock, () => undefined)
    reloaded.add({ kind: 'callback', title: 'Callback', outcome: 'failed' })

    const ids = reloaded.entries().map((entry) => entry.id)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('clear empties memory and storage, and starts the ids again', () => {
    const { timeline, storage, changes } = recordRefresh()
    const before = changes()

    timeline.clear()

    expect(timeline.entries()).toEqual([])
    expect(storage.getItem(TIMELINE_KEY)).toBeNull()
    expect(storage.length).toBe(0)
    expect(changes()).toBe(before + 1)
    expect(timeline.add({ kind: 'discovery', title: 'Discovery', outcome: 'ok' }).id).toBe('step-1')
  })

  it('gives a new array on every change, for useSyncExternalStore', () => {
    const { timeline, recorder } = setup()
    const id = recorder.begin('discovery', 'Discovery', ['discovery'])
    const before = timeline.entries()

    recorder.finish(id, {})

    expect(timeline.entries()).not.toBe(before)
    expect(nth(before, 0).outcome).toBe('waiting')
    expect(nth(timeline.entries(), 0).outcome).toBe('ok')
  })
})
