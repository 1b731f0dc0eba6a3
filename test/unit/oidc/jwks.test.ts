/**
 * fetchJwks names the real cause of a key set it cannot use (status, content type, what the JSON
 * held), never "no jwks_uri, or CORS"; keeps public signing keys only; and, when no answer could be
 * read at all, says so without stopping the sign-in. lookUpKeySet finds every key of an issuer or a
 * key set URL for a pasted token, and keeps discovery's own words when it fails.
 */
import { describe, expect, it } from 'vitest'

import { fetchJwks, lookUpKeySet } from '../../../src/oidc'
import type { ProviderMetadata } from '../../../src/oidc'
import { createFakeProvider } from '../../support/fake-provider'

const appOrigin = 'https://app.example'
const metadata: ProviderMetadata = {
  issuer: 'https://op.example',
  jwks_uri: 'https://op.example/jwks',
}
const PUBLIC_KEY = { kty: 'EC', crv: 'P-256', x: 'x', y: 'y', kid: 'k1', use: 'sig' }

function answering(body: string, init: ResponseInit): typeof fetch {
  return () => Promise.resolve(new Response(body, init))
}

async function cause(result: ReturnType<typeof fetchJwks>): Promise<string> {
  const settled = await result
  if (settled.status !== 'unavailable') throw new Error('the keys were fetched')
  return settled.cause
}

describe('fetchJwks', () => {
  it.each([
    ['an HTTP error', answering('oops', { status: 500 }), 'jwks_uri answered HTTP 500'],
    [
      'an HTML page',
      answering('<html>login</html>', { status: 200, headers: { 'content-type': 'text/html' } }),
      'jwks_uri answered text/html, not JSON',
    ],
    [
      'JSON without keys',
      answering('{}', { status: 200, headers: { 'content-type': 'application/json' } }),
      'jwks_uri answered JSON without a "keys" array',
    ],
    [
      'an empty key set',
      answering('{"keys":[]}', { status: 200, headers: { 'content-type': 'application/json' } }),
      'jwks_uri answered an empty key set',
    ],
    [
      'only keys with private parts or for encryption',
      answering(
        JSON.stringify({
          keys: [
            { ...PUBLIC_KEY, d: 'secret' },
            { ...PUBLIC_KEY, use: 'enc' },
          ],
        }),
        { status: 200, headers: { 'content-type': 'application/json' } },
      ),
      'jwks_uri answered 2 keys, none of them a public signing key',
    ],
  ])('names the cause of %s', async (_, fetch, expected) => {
    expect(await cause(fetchJwks(metadata, { appOrigin, fetch }, 1))).toBe(expected)
  })

  it('names a missing jwks_uri as such', async () => {
    expect(await cause(fetchJwks({ issuer: 'https://op.example' }, { appOrigin }, 1))).toBe(
      'The provider metadata names no jwks_uri',
    )
  })

  it('keeps the public signing keys only, and counts what it dropped', async () => {
    const fetch = answering(
      JSON.stringify({ keys: [PUBLIC_KEY, { ...PUBLIC_KEY, d: 'secret' }] }),
      {
        status: 200,
        headers: { 'content-type': 'application/jwk-set+json' },
      },
    )

    const result = await fetchJwks(metadata, { appOrigin, fetch }, 7)

    expect(result).toEqual({
      status: 'fetched',
      snapshot: { jwks: { keys: [PUBLIC_KEY] }, uat: 7 },
      dropped: 1,
    })
  })

  it('resolves without keys, saying CORS, when no answer could be read (the sign-in goes on)', async () => {
    const fetch: typeof globalThis.fetch = () => Promise.reject(new TypeError('Failed to fetch'))

    const result = await fetchJwks(metadata, { appOrigin, fetch }, 1)

    expect(result.status).toBe('unavailable')
    expect(result.status === 'unavailable' && result.cause).toContain(
      `no CORS on jwks_uri for ${appOrigin}`,
    )
  })
})

describe('lookUpKeySet', () => {
  it("finds an issuer's keys by discovery, then its jwks_uri, keeping every key as published", async () => {
    const provider = await createFakeProvider()
    const result = await lookUpKeySet(
      { issuer: 'https://op.example' },
      { appOrigin, fetch: provider.fetch },
    )
    expect(result).toMatchObject({
      status: 'fetched',
      issuer: 'https://op.example',
      jwksUri: 'https://op.example/jwks',
      keys: [{ kid: 'k1', kty: 'RSA' }],
    })
    expect(provider.requests.map((request) => request.url)).toEqual([
      'https://op.example/.well-known/openid-configuration',
      'https://op.example/jwks',
    ])
  })

  it('keeps keys a sign-in would drop, so the paste page can say why they do not fit', async () => {
    const fetch = answering(JSON.stringify({ keys: [{ ...PUBLIC_KEY, use: 'enc' }] }), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    })
    expect(
      await lookUpKeySet({ jwksUri: 'https://keys.example/set' }, { appOrigin, fetch }),
    ).toEqual({
      status: 'fetched',
      jwksUri: 'https://keys.example/set',
      keys: [{ ...PUBLIC_KEY, use: 'enc' }],
    })
  })

  it.each([
    [{ jwksUri: 'keys' }, undefined, '"keys" is not a URL'],
    [{ jwksUri: 'http://keys.example/set' }, undefined, 'is not an https URL'],
    [
      { jwksUri: 'https://keys.example/set' },
      answering('nope', { status: 404 }),
      'the key set at https://keys.example/set answered HTTP 404',
    ],
    [
      { issuer: 'https://op.example' },
      answering('nope', { status: 500 }),
      'Discovery at https://op.example/.well-known/openid-configuration answered HTTP 500',
    ],
    [
      { issuer: 'https://op.example' },
      answering('{"issuer":"https://other.example"}', {
        status: 200,
        headers: { 'content-type': 'application/json' },
      }),
      'Discovery failed: ',
    ],
  ])('says why %j gave no keys', async (source, fetch, expected) => {
    const result = await lookUpKeySet(source, {
      appOrigin,
      ...(fetch === undefined ? {} : { fetch }),
    })
    expect(result.status === 'unavailable' && result.cause).toContain(expected)
  })
})
