/**
 * fetchJwks names the real cause of a key set it cannot use (status, content type, what the JSON
 * held), never "no jwks_uri, or CORS"; keeps public signing keys only; and, when no answer could be
 * read at all, says so without stopping the sign-in.
 */
import { describe, expect, it } from 'vitest'

import { fetchJwks } from '../../../src/oidc'
import type { ProviderMetadata } from '../../../src/oidc'

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
