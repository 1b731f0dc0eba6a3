import { describe, expect, it } from 'vitest'

import {
  createAuthorizationRequest,
  discoverProvider,
  exchangeAuthorizationCode,
  OidcError,
  validateAuthorizationResponse,
} from '../../../src/oidc'
import type { HttpExchange, HttpOptions, OidcStep } from '../../../src/oidc'
import { createFakeProvider } from '../../support/fake-provider'
import { nth } from '../../support/nth'

const APP_ORIGIN = 'https://app.example'

interface Recorded {
  step: OidcStep
  exchange: HttpExchange
}

/** HttpOptions whose onExchange records what it is told, and whose clock ticks 25 ms per read. */
function recording(fetch: typeof globalThis.fetch, extra: Partial<HttpOptions> = {}) {
  const recorded: Recorded[] = []
  let now = 1_700_000_000_000
  const http: HttpOptions = {
    appOrigin: APP_ORIGIN,
    fetch,
    now: () => (now += 25),
    onExchange: (step, exchange) => {
      recorded.push({ step, exchange })
    },
    ...extra,
  }
  return { http, recorded }
}

async function rejection(promise: Promise<unknown>): Promise<OidcError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  )
  if (!(error instanceof OidcError)) throw new Error(`expected an OidcError, got ${String(error)}`)
  return error
}

describe('onExchange, through a real oauth4webapi call', () => {
  it('records the discovery request and its answer, and discovery still succeeds', async () => {
    const op = await createFakeProvider()
    const { http, recorded } = recording(op.fetch)

    const metadata = await discoverProvider(op.issuer, http)

    // The original response was still read and validated by oauth4webapi.
    expect(metadata.issuer).toBe(op.issuer)
    expect(metadata.token_endpoint).toBe(`${op.issuer}/token`)
    expect(recorded).toHaveLength(1)
    const { step, exchange } = nth(recorded, 0)
    expect(step).toBe('discovery')
    expect(exchange.method).toBe('GET')
    expect(exchange.url).toBe(`${op.issuer}/.well-known/openid-configuration`)
    expect(exchange.requestHeaders).toContainEqual(['accept', 'application/json'])
    expect(exchange.requestBody).toBeUndefined()
    expect(exchange.status).toBe(200)
    expect(exchange.responseHeaders).toContainEqual(['content-type', 'application/json'])
    expect(JSON.parse(exchange.responseBody ?? '')).toEqual(op.metadata)
    expect(exchange.failure).toBeUndefined()
    expect(exchange.startedAt).toBe(1_700_000_000_025)
    expect(exchange.durationMs).toBeGreaterThanOrEqual(0)
    expect(exchange.durationMs).toBe(25)
  })

  it('measures with Date.now when no clock is given', async () => {
    const op = await createFakeProvider()
    const recorded: HttpExchange[] = []
    const before = Date.now()

    await discoverProvider(op.issuer, {
      appOrigin: APP_ORIGIN,
      fetch: op.fetch,
      onExchange: (_, exchange) => recorded.push(exchange),
    })

    const { startedAt, durationMs } = nth(recorded, 0)
    expect(startedAt).toBeGreaterThanOrEqual(before)
    expect(startedAt).toBeLessThanOrEqual(Date.now())
    expect(durationMs).toBeGreaterThanOrEqual(0)
  })

  it('records a failure and no status when fetch rejects, and discovery fails', async () => {
    const op = await createFakeProvider()
    op.setDown(true)
    const { http, recorded } = recording(op.fetch)

    const error = await rejection(discoverProvider(op.issuer, http))

    expect(error.code).toBe('network_error')
    expect(recorded).toHaveLength(1)
    const { step, exchange } = nth(recorded, 0)
    expect(step).toBe('discovery')
    expect(exchange.method).toBe('GET')
    expect(exchange.url).toBe(`${op.issuer}/.well-known/openid-configuration`)
    expect(exchange.status).toBeUndefined()
    expect(exchange.statusText).toBeUndefined()
    expect(exchange.responseHeaders).toBeUndefined()
    expect(exchange.responseBody).toBeUndefined()
    expect(exchange.failure).toBe(error.message)
    expect(exchange.failure).toContain('failed without an HTTP status')
    expect(exchange.durationMs).toBeGreaterThanOrEqual(0)
  })

  it('records a timeout as a failure', async () => {
    // A fetch that answers only when aborted, like a provider that never responds.
    const hanging: typeof fetch = (_, init) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => {
          reject(init.signal?.reason as Error)
        })
      })
    const { http, recorded } = recording(hanging, { timeoutMs: 20 })

    const error = await rejection(discoverProvider('https://op.example', http))

    expect(error.code).toBe('timeout')
    expect(nth(recorded, 0).exchange.status).toBeUndefined()
    expect(nth(recorded, 0).exchange.failure).toBe(
      'No answer from https://op.example/.well-known/openid-configuration within 0.02 s',
    )
  })

  it('records an error answer with its status and body, and discovery still reports it', async () => {
    const op = await createFakeProvider()
    const { http, recorded } = recording(op.fetch)

    const error = await rejection(discoverProvider(`${op.issuer}/elsewhere`, http))

    expect(error.code).toBe('discovery_failed')
    expect(error.status).toBe(404)
    expect(nth(recorded, 0).exchange).toMatchObject({
      url: `${op.issuer}/elsewhere/.well-known/openid-configuration`,
      status: 404,
      responseBody: 'not found',
    })
  })

  it('records the token request with its form body, and the tokens still come back', async () => {
    const op = await createFakeProvider()
    const { http, recorded } = recording(op.fetch)
    const metadata = await discoverProvider(op.issuer, http)
    const { url, pending } = await createAuthorizationRequest({
      metadata,
      clientId: op.clientId,
      redirectUri: `${APP_ORIGIN}/callback`,
      scope: 'openid',
      extraParams: [],
      clientAuthentication: 'none',
      nowSeconds: 1000,
    })
    const parameters = validateAuthorizationResponse(pending, op.authorize(url))

    const tokens = await exchangeAuthorizationCode({
      pending,
      parameters,
      clientSecret: undefined,
      http,
      nowSeconds: 1000,
    })

    const token = recorded.find((candidate) => candidate.step === 'token-request')
    if (!token) throw new Error(`no token request in ${recorded.map((r) => r.step).join(', ')}`)
    const { exchange } = token
    expect(exchange.method).toBe('POST')
    expect(exchange.url).toBe(`${op.issuer}/token`)
    expect(exchange.status).toBe(200)
    const body = new URLSearchParams(exchange.requestBody)
    expect(body.get('grant_type')).toBe('authorization_code')
    expect(body.get('code')).toBe(parameters.get('code'))
    expect(body.get('code_verifier')).toBe(pending.codeVerifier)
    expect(exchange.requestHeaders).toContainEqual([
      'content-type',
      'application/x-www-form-urlencoded;charset=UTF-8',
    ])
    const answer = JSON.parse(exchange.responseBody ?? '') as Record<string, unknown>
    expect(answer.access_token).toBe(tokens.access_token)
    expect(answer.id_token).toBe(tokens.id_token)
  })

  // Known bug, see the report: onExchange is called inside the try around fetch, so a recorder that
  // throws (e.g. sessionStorage full) is reported to it a second time as a failed request, throws
  // again, and a good answer becomes a failed discovery. Turn this into `it` once fixed.
  it('never affects the flow, even when onExchange throws', async () => {
    const op = await createFakeProvider()

    const metadata = await discoverProvider(op.issuer, {
      appOrigin: APP_ORIGIN,
      fetch: op.fetch,
      onExchange: () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
      },
    })

    expect(metadata.issuer).toBe(op.issuer)
  })
})
