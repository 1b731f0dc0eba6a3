/**
 * The metadata part of "Check this provider" against an in-process provider (a stubbed fetch): what
 * it asks, how it judges what came back, what it keeps as evidence, and stopping.
 */
import { describe, expect, it } from 'vitest'

import { runProviderChecks } from '../../../src/oidc/provider-check-run'
import type { ProviderCheckReport } from '../../../src/oidc/provider-check-run'
import { SIGN_IN_CHECKS } from '../../../src/oidc/provider-checks'
import { reportJson, reportMarkdown } from '../../../src/features/provider-check/report-export'

const ISSUER = 'https://op.example'
const ORIGIN = 'https://app.example'

const METADATA = {
  issuer: ISSUER,
  authorization_endpoint: `${ISSUER}/authorize`,
  token_endpoint: `${ISSUER}/token`,
  userinfo_endpoint: `${ISSUER}/userinfo`,
  jwks_uri: `${ISSUER}/jwks`,
  revocation_endpoint: `${ISSUER}/revoke`,
  response_types_supported: ['code'],
  subject_types_supported: ['public'],
  id_token_signing_alg_values_supported: ['RS256'],
  code_challenge_methods_supported: ['S256'],
  token_endpoint_auth_methods_supported: ['none'],
  authorization_response_iss_parameter_supported: true,
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

interface Seen {
  method: string
  url: string
  body: string
  mode: RequestMode | undefined
}

/** A provider with CORS everywhere, except where `hidden` says the browser hides its answer. */
function provider(options: { hidden?: string[]; hold?: string } = {}) {
  const seen: Seen[] = []
  let reached: () => void = () => undefined
  /** Resolves once the held endpoint has been asked. */
  const held = new Promise<void>((resolve) => {
    reached = resolve
  })
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : input)
    const body = typeof init?.body === 'string' ? init.body : ''
    seen.push({ method: init?.method ?? 'GET', url: url.href, body, mode: init?.mode })
    if (init?.mode === 'no-cors') return new Response(null, { status: 200 })
    if (options.hidden?.includes(url.pathname)) throw new TypeError('Failed to fetch')
    if (options.hold === url.pathname) {
      reached()
      return new Promise((_, reject) => {
        init?.signal?.addEventListener('abort', () => {
          reject(new DOMException('stopped', 'AbortError'))
        })
      })
    }
    switch (url.pathname) {
      case '/.well-known/openid-configuration':
        return json(METADATA)
      case '/jwks':
        return json({ keys: [{ kty: 'RSA', kid: 'k1', use: 'sig', n: 'x', e: 'AQAB' }] })
      case '/token':
        return json({ error: 'invalid_grant', error_description: 'grant request is invalid' }, 400)
      case '/userinfo':
        return new Response(null, { status: 401 })
      case '/revoke':
        return new Response(null, { status: 200 })
      default:
        return new Response('not found', { status: 404 })
    }
  }
  return { fetch, seen, held }
}

function run(fetch: typeof globalThis.fetch, signal = new AbortController().signal) {
  const progress: string[] = []
  return runProviderChecks(
    { issuer: ISSUER, clientId: 'spa', redirectUri: `${ORIGIN}/callback` },
    { fetch, appOrigin: ORIGIN, now: () => Date.UTC(2026, 11, 5) },
    { signal, onProgress: (doing) => progress.push(doing) },
  ).then((report) => ({ report, progress }))
}

const outcomes = (report: ProviderCheckReport) =>
  Object.fromEntries(report.checks.map((check) => [check.id, check.outcome]))

describe('the metadata part of the provider check', () => {
  it('passes a provider that offers everything, and says which checks had nothing to judge', async () => {
    const { fetch, seen } = provider()
    const { report, progress } = await run(fetch)

    expect(seen.map(({ method, url }) => `${method} ${url}`)).toEqual([
      `GET ${ISSUER}/.well-known/openid-configuration`,
      `GET ${ISSUER}/jwks`,
      `POST ${ISSUER}/token`,
      `GET ${ISSUER}/userinfo`,
      `POST ${ISSUER}/revoke`,
    ])
    expect(progress[0]).toBe('Reading the discovery document…')
    const { 'end-session-endpoint': endSession, ...rest } = outcomes(report)
    expect(endSession).toBe('warning')
    // The sign-in part did not run: each of its checks says it needs a sign-in.
    const metadataPart = Object.entries(rest).filter(
      ([id]) => !(SIGN_IN_CHECKS as readonly string[]).includes(id),
    )
    expect(metadataPart.every(([, outcome]) => outcome === 'pass')).toBe(true)
    const signInPart = report.checks.filter((check) =>
      (SIGN_IN_CHECKS as readonly string[]).includes(check.id),
    )
    expect(signInPart).toHaveLength(SIGN_IN_CHECKS.length)
    for (const check of signInPart) {
      expect(check.outcome).toBe('not-checked')
      expect(check.finding).toContain('it needs a sign-in')
    }
    expect(report.stopped).toBe(false)
    const token = report.checks.find((check) => check.id === 'token-cors')
    expect(token?.evidence[0]?.responseBody).toContain('invalid_grant')
  })

  it('masks the made-up code, verifier and token in the evidence and both exports', async () => {
    const { fetch, seen } = provider()
    const { report } = await run(fetch)
    const sent = [
      ...new URLSearchParams(seen.find((request) => request.url.endsWith('/token'))?.body),
      ...new URLSearchParams(seen.find((request) => request.url.endsWith('/revoke'))?.body),
    ]
    const secrets = sent
      .filter(([name]) => ['code', 'code_verifier', 'token'].includes(name))
      .map(([, value]) => value)
    expect(secrets).toHaveLength(3)
    for (const text of [JSON.stringify(report), reportMarkdown(report), reportJson(report)]) {
      for (const secret of secrets) expect(text).not.toContain(secret)
    }
    const tokenRequest = report.checks.find((check) => check.id === 'token-cors')?.evidence[0]
    expect(new URLSearchParams(tokenRequest?.requestBody).get('code')).toBe('(masked)')
    expect(new URLSearchParams(tokenRequest?.requestBody).get('client_id')).toBe('spa')
  })

  it('fails the token endpoint when the browser hides its answer, with the no-cors probe as proof', async () => {
    const { fetch, seen } = provider({ hidden: ['/token'] })
    const { report } = await run(fetch)

    expect(outcomes(report)['token-cors']).toBe('fail')
    expect(
      seen.some((request) => request.url.endsWith('/token') && request.mode === 'no-cors'),
    ).toBe(true)
    expect(reportMarkdown(report)).toContain('## What to change at the provider')
    expect(reportMarkdown(report)).toContain(`Allow the origin ${ORIGIN}`)
  })

  it('judges nothing else when discovery cannot be read, and says why', async () => {
    const { fetch } = provider({ hidden: ['/.well-known/openid-configuration'] })
    const { report } = await run(fetch)

    expect(outcomes(report)['discovery-readable']).toBe('fail')
    const rest = report.checks.filter((check) => check.id !== 'discovery-readable')
    expect(rest.every((check) => check.outcome === 'not-checked')).toBe(true)
    expect(rest[0]?.finding).toBe('Not checked: the discovery document could not be read.')
  })

  it('stops when asked: what ran keeps its outcome, the rest is not checked', async () => {
    const { fetch, held } = provider({ hold: '/token' })
    const controller = new AbortController()
    const running = run(fetch, controller.signal)
    await held
    controller.abort()
    const { report } = await running

    expect(report.stopped).toBe(true)
    expect(outcomes(report)['jwks-keys']).toBe('pass')
    const tokenCors = report.checks.find((check) => check.id === 'token-cors')
    expect(tokenCors?.outcome).toBe('not-checked')
    expect(tokenCors?.finding).toContain('you stopped the check')
    expect(reportMarkdown(report)).toContain('stopped before the end')
  })
})
