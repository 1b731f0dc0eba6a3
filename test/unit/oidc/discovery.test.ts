import { describe, expect, it } from 'vitest'

import { discoverProvider, OidcError, parseIssuer, pinIdTokenAlg } from '../../../src/oidc'
import type { ProviderMetadata } from '../../../src/oidc'
import { createFakeProvider, jsonResponse } from '../../support/fake-provider'

const appOrigin = 'https://app.example'

async function failure(promise: Promise<unknown>): Promise<OidcError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  )
  if (!(error instanceof OidcError)) throw new Error(`expected an OidcError, got ${String(error)}`)
  return error
}

describe('discoverProvider', () => {
  it('returns the metadata of a conforming provider', async () => {
    const op = await createFakeProvider()
    const metadata = await discoverProvider(op.issuer, { appOrigin, fetch: op.fetch })
    expect(metadata.issuer).toBe(op.issuer)
    expect(metadata.token_endpoint).toBe(`${op.issuer}/token`)
    expect(op.requests[0]?.url).toBe(`${op.issuer}/.well-known/openid-configuration`)
  })

  it('refuses metadata that names another issuer (OpenID Connect Discovery §4.3)', async () => {
    const op = await createFakeProvider({ metadata: { issuer: 'https://evil.example' } })
    const error = await failure(discoverProvider(op.issuer, { appOrigin, fetch: op.fetch }))
    expect(error.code).toBe('discovery_issuer_mismatch')
    expect(error.step).toBe('discovery')
    expect(error.check).toBe('issuer')
  })

  it.each([
    ['authorization_endpoint', 'javascript:alert(1)'],
    ['authorization_endpoint', 'data:text/html,hi'],
    ['token_endpoint', 'http://op.example/token'],
    ['end_session_endpoint', 'javascript:alert(1)'],
  ])('refuses %s = %s before any redirect', async (field, value) => {
    const op = await createFakeProvider({ metadata: { [field]: value } })
    const error = await failure(discoverProvider(op.issuer, { appOrigin, fetch: op.fetch }))
    expect(error.code).toBe('unsafe_endpoint')
    expect(error.check).toBe(field)
  })

  it('accepts plain http endpoints on a loopback issuer', async () => {
    const op = await createFakeProvider({ issuer: 'http://127.0.0.1:5180' })
    const metadata = await discoverProvider(op.issuer, { appOrigin, fetch: op.fetch })
    expect(metadata.authorization_endpoint).toBe('http://127.0.0.1:5180/authorize')
  })

  it('names the origin to allow when fetch fails without a status (CORS)', async () => {
    const error = await failure(
      discoverProvider('https://op.example', {
        appOrigin,
        fetch: () => Promise.reject(new TypeError('Failed to fetch')),
      }),
    )
    expect(error.code).toBe('network_error')
    expect(error.origin).toBe(appOrigin)
    expect(error.url).toBe('https://op.example/.well-known/openid-configuration')
  })

  it('reports a non-200 answer with its status', async () => {
    const op = await createFakeProvider()
    op.answerDiscoveryWith(() => Promise.resolve(new Response('oops', { status: 500 })))
    const error = await failure(discoverProvider(op.issuer, { appOrigin, fetch: op.fetch }))
    expect(error.code).toBe('discovery_failed')
    expect(error.status).toBe(500)
  })

  it('reports an HTML page instead of JSON', async () => {
    const op = await createFakeProvider()
    op.answerDiscoveryWith(() =>
      Promise.resolve(
        new Response('<html>login</html>', { headers: { 'content-type': 'text/html' } }),
      ),
    )
    const error = await failure(discoverProvider(op.issuer, { appOrigin, fetch: op.fetch }))
    expect(error.code).toBe('discovery_failed')
  })

  it('requires a token endpoint', async () => {
    const op = await createFakeProvider()
    op.answerDiscoveryWith(() =>
      Promise.resolve(
        jsonResponse({ issuer: op.issuer, authorization_endpoint: `${op.issuer}/authorize` }),
      ),
    )
    const error = await failure(discoverProvider(op.issuer, { appOrigin, fetch: op.fetch }))
    expect(error.code).toBe('discovery_failed')
    expect(error.check).toBe('token_endpoint')
  })

  it('gives up after the time limit', async () => {
    const error = await failure(
      discoverProvider('https://op.example', {
        appOrigin,
        timeoutMs: 20,
        fetch: (_url, init) =>
          new Promise((_resolve, reject) => {
            init?.signal?.addEventListener('abort', () => {
              reject(init.signal?.reason as Error)
            })
          }),
      }),
    )
    expect(error.code).toBe('timeout')
  })
})

describe('parseIssuer', () => {
  it.each([
    ['not a url', 'is not a URL'],
    ['http://op.example', 'must use https'],
    ['https://login.microsoftonline.com/{tenant-id}/v2.0', 'Replace {tenant-id}'],
    ['https://op.example/?tenant=1', 'query or fragment'],
  ])('refuses %s', (issuer, message) => {
    expect(() => parseIssuer(issuer)).toThrow(message)
  })

  it.each(['https://op.example', 'http://localhost:8080', 'http://127.0.0.1:5180/realms/x'])(
    'accepts %s',
    (issuer) => {
      expect(parseIssuer(issuer).href).toContain(new URL(issuer).host)
    },
  )
})

describe('pinIdTokenAlg', () => {
  const withAlgs = (algs?: string[]) =>
    ({
      issuer: 'https://op.example',
      ...(algs ? { id_token_signing_alg_values_supported: algs } : {}),
    }) as ProviderMetadata

  it('pins RS256 when offered or when the metadata is silent', () => {
    expect(pinIdTokenAlg(withAlgs(['none', 'HS256', 'RS256']))).toBe('RS256')
    expect(pinIdTokenAlg(withAlgs())).toBe('RS256')
  })

  it('pins the first asymmetric algorithm otherwise, never none or HS256', () => {
    expect(pinIdTokenAlg(withAlgs(['none', 'HS256', 'ES256']))).toBe('ES256')
  })

  it('refuses a provider that offers only none and HMAC', () => {
    expect(() => pinIdTokenAlg(withAlgs(['none', 'HS256']))).toThrow(OidcError)
  })
})
