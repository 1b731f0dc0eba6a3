/**
 * DPoP in the protocol layer (RFC 9449): the key made non-extractable, providers that cannot take it
 * refused with the reason, proofs that carry the method, URL, token hash and a nonce when asked for
 * one (once), and the CORS preflight named when a request with a proof got no readable answer.
 */
import { calculateJwkThumbprint, decodeJwt, decodeProtectedHeader } from 'jose'
import type { JWK } from 'jose'
import { describe, expect, it } from 'vitest'

import {
  callProtectedResource,
  createDpopKey,
  dpopUnsupportedReason,
  fetchUserInfo,
  isOidcError,
  refreshTokens,
} from '../../../src/oidc'
import type { ClientContext, ProviderMetadata } from '../../../src/oidc'
import { dpopAccessTokenHash } from '../../../src/jwt/dpop-proof'

const appOrigin = 'https://app.example'
const TOKEN = 'at-0123456789abcdefghij'

const metadata = {
  issuer: 'https://op.example',
  authorization_endpoint: 'https://op.example/auth',
  token_endpoint: 'https://op.example/token',
  userinfo_endpoint: 'https://op.example/me',
  dpop_signing_alg_values_supported: ['ES256', 'EdDSA'],
} satisfies ProviderMetadata

/** A server that answers each request with the next of `answers`, keeping every request. */
function server(...answers: (() => Response)[]) {
  const requests: Request[] = []
  const fetch: typeof globalThis.fetch = (input, init) => {
    requests.push(new Request(input, init))
    const answer = answers[requests.length - 1]
    return answer ? Promise.resolve(answer()) : Promise.reject(new TypeError('Failed to fetch'))
  }
  return { fetch, requests }
}

function proofOf(request: Request | undefined) {
  const proof = request?.headers.get('dpop')
  if (proof == null) throw new Error('no DPoP header')
  return { header: decodeProtectedHeader(proof), claims: decodeJwt(proof) }
}

const nonceChallenge = () =>
  new Response(null, {
    status: 401,
    headers: {
      'www-authenticate': 'DPoP error="use_dpop_nonce", error_description="a nonce, please"',
      'dpop-nonce': 'n-1',
    },
  })

describe('DPoP', () => {
  it('makes a key whose private half WebCrypto will not export, named by its RFC 7638 thumbprint', async () => {
    const key = await createDpopKey()
    expect(key.privateKeyExtractable).toBe(false)
    expect(key.thumbprint).toMatch(/^[\w-]{43}$/)

    // The thumbprint is the one of the key the proofs carry.
    const api = server(() => new Response('{}'))
    await callProtectedResource({
      request: { method: 'GET', url: 'https://api.example/x', headers: [] },
      accessToken: TOKEN,
      http: { appOrigin, fetch: api.fetch },
      dpop: key,
    })
    const { header } = proofOf(api.requests[0])
    expect(header.typ).toBe('dpop+jwt')
    expect(header.alg).toBe('ES256')
    expect(await calculateJwkThumbprint(header.jwk as JWK)).toBe(key.thumbprint)
    expect(JSON.stringify(header.jwk)).not.toMatch(/"d"/)
  })

  it('accepts a provider that advertises ES256 proofs, and says why another cannot be used', () => {
    expect(dpopUnsupportedReason(metadata)).toBeUndefined()
    expect(
      dpopUnsupportedReason({ ...metadata, dpop_signing_alg_values_supported: undefined }),
    ).toContain('advertises no dpop_signing_alg_values_supported')
    expect(
      dpopUnsupportedReason({ ...metadata, dpop_signing_alg_values_supported: ['PS256'] }),
    ).toContain('accepts proofs signed with PS256 only')
  })

  it('sends a bound token as DPoP with a proof of this method, URL and token; asked for a nonce, once more with it', async () => {
    const key = await createDpopKey()
    const api = server(nonceChallenge, () => new Response('{"ok":true}'))
    const result = await callProtectedResource({
      request: { method: 'POST', url: 'https://api.example/orders?x=1#f', headers: [] },
      accessToken: TOKEN,
      http: { appOrigin, fetch: api.fetch },
      dpop: key,
    })

    expect(result).toMatchObject({ status: 200, scheme: 'DPoP' })
    expect(api.requests).toHaveLength(2)
    const [first, second] = api.requests.map(proofOf)
    for (const request of api.requests) {
      expect(request.headers.get('authorization')).toBe(`DPoP ${TOKEN}`)
    }
    expect(first?.claims).toMatchObject({
      htm: 'POST',
      htu: 'https://api.example/orders',
      ath: await dpopAccessTokenHash(TOKEN),
    })
    expect(first?.claims.nonce).toBeUndefined()
    expect(second?.claims.nonce).toBe('n-1')
    expect(second?.claims.jti).not.toBe(first?.claims.jti)
  })

  it('asks again only once: a second nonce challenge is the answer', async () => {
    const key = await createDpopKey()
    const api = server(nonceChallenge, nonceChallenge, () => new Response('{}'))
    const result = await callProtectedResource({
      request: { method: 'GET', url: 'https://api.example/orders', headers: [] },
      accessToken: TOKEN,
      http: { appOrigin, fetch: api.fetch },
      dpop: key,
    })
    expect(api.requests).toHaveLength(2)
    expect(result.status).toBe(401)
    expect(result.challenges[0]).toMatchObject({
      scheme: 'dpop',
      parameters: { error: 'use_dpop_nonce' },
    })
  })

  it('sends no proof and the Bearer scheme without a key', async () => {
    const api = server(() => new Response('{}'))
    const result = await callProtectedResource({
      request: { method: 'GET', url: 'https://api.example/orders', headers: [] },
      accessToken: TOKEN,
      http: { appOrigin, fetch: api.fetch },
    })
    expect(result.scheme).toBe('Bearer')
    expect(api.requests[0]?.headers.get('authorization')).toBe(`Bearer ${TOKEN}`)
    expect(api.requests[0]?.headers.has('dpop')).toBe(false)
  })

  it('proves possession at UserInfo too', async () => {
    const key = await createDpopKey()
    const api = server(
      () => new Response('{"sub":"alice"}', { headers: { 'content-type': 'application/json' } }),
    )
    const client: ClientContext = {
      metadata,
      clientId: 'spa',
      idTokenAlg: 'RS256',
      clientAuthentication: 'none',
    }
    const result = await fetchUserInfo({
      client,
      accessToken: TOKEN,
      expectedSubject: 'alice',
      http: { appOrigin, fetch: api.fetch },
      dpop: key,
    })
    expect(result.claims.sub).toBe('alice')
    expect(api.requests[0]?.headers.get('authorization')).toBe(`DPoP ${TOKEN}`)
    expect(proofOf(api.requests[0]).claims).toMatchObject({
      htm: 'GET',
      htu: 'https://op.example/me',
    })
  })

  it('refreshes with a proof of the session key, without ath, and again with the nonce asked for', async () => {
    const key = await createDpopKey()
    const tokenEndpoint = server(
      () =>
        new Response('{"error":"use_dpop_nonce","error_description":"nonce required"}', {
          status: 400,
          headers: { 'content-type': 'application/json', 'dpop-nonce': 'n-2' },
        }),
      () =>
        new Response('{"access_token":"at-2","token_type":"DPoP","expires_in":60}', {
          headers: { 'content-type': 'application/json' },
        }),
    )
    const client: ClientContext = {
      metadata,
      clientId: 'spa',
      idTokenAlg: 'RS256',
      clientAuthentication: 'none',
      dpop: key,
    }
    const tokens = await refreshTokens({
      client,
      clientSecret: undefined,
      previous: { access_token: 'at-1', token_type: 'DPoP', refresh_token: 'rt-1', receivedAt: 0 },
      http: { appOrigin, fetch: tokenEndpoint.fetch },
      nowSeconds: 0,
    })

    expect(tokens).toMatchObject({
      access_token: 'at-2',
      token_type: 'dpop',
      refresh_token: 'rt-1',
    })
    const [first, second] = tokenEndpoint.requests.map(proofOf)
    expect(first?.claims).toMatchObject({ htm: 'POST', htu: 'https://op.example/token' })
    expect(first?.claims.ath).toBeUndefined()
    expect(second?.claims.nonce).toBe('n-2')
  })

  it('names the CORS preflight when a request with a proof got no readable answer', async () => {
    const key = await createDpopKey()
    // The request is refused by CORS; the probe that needs no CORS is answered.
    const hidden = server(
      () => {
        throw new TypeError('Failed to fetch')
      },
      () => new Response(null, { status: 200 }),
    )
    const failure = await callProtectedResource({
      request: { method: 'GET', url: 'https://api.example/orders', headers: [] },
      accessToken: TOKEN,
      http: { appOrigin, fetch: hidden.fetch },
      dpop: key,
    }).catch((error: unknown) => error)
    expect(isOidcError(failure) && failure.message).toContain(
      'The request carried a DPoP header, so the browser first asked the server by a CORS preflight (OPTIONS)',
    )

    const bearer = server(
      () => {
        throw new TypeError('Failed to fetch')
      },
      () => new Response(null, { status: 200 }),
    )
    const withoutProof = await callProtectedResource({
      request: { method: 'GET', url: 'https://api.example/orders', headers: [] },
      accessToken: TOKEN,
      http: { appOrigin, fetch: bearer.fetch },
    }).catch((error: unknown) => error)
    expect(isOidcError(withoutProof) && withoutProof.message).not.toContain('DPoP')
  })
})
