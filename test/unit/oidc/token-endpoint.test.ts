import { describe, expect, it } from 'vitest'

import {
  createAuthorizationRequest,
  discoverProvider,
  exchangeAuthorizationCode,
  fetchJwks,
  OidcError,
  validateAuthorizationResponse,
} from '../../../src/oidc'
import type { ClientAuthentication } from '../../../src/oidc'
import { createFakeProvider, jsonResponse } from '../../support/fake-provider'
import type { FakeProvider } from '../../support/fake-provider'

const http = { appOrigin: 'https://app.example' }

async function exchange(
  op: FakeProvider,
  options: {
    scope?: string
    clientAuthentication?: ClientAuthentication
    secret?: string
    withKeys?: boolean
  } = {},
) {
  const metadata = await discoverProvider(op.issuer, { ...http, fetch: op.fetch })
  const keys = options.withKeys
    ? await fetchJwks(metadata, { ...http, fetch: op.fetch }, Math.floor(Date.now() / 1000))
    : undefined
  const jwks = keys?.status === 'fetched' ? keys.snapshot : undefined
  const { url, pending } = await createAuthorizationRequest({
    metadata,
    ...(jwks === undefined ? {} : { jwks }),
    clientId: op.clientId,
    redirectUri: 'https://app.example/callback',
    scope: options.scope ?? 'openid profile',
    extraParams: [],
    clientAuthentication: options.clientAuthentication ?? 'none',
    nowSeconds: 1000,
  })
  const parameters = validateAuthorizationResponse(pending, op.authorize(url))
  return exchangeAuthorizationCode({
    pending,
    parameters,
    clientSecret: options.secret,
    http: { ...http, fetch: op.fetch },
    nowSeconds: 1000,
  })
}

async function rejected(promise: Promise<unknown>): Promise<OidcError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  )
  if (!(error instanceof OidcError)) throw new Error(`expected an OidcError, got ${String(error)}`)
  return error
}

describe('exchangeAuthorizationCode', () => {
  it('returns the tokens and the validated ID token claims', async () => {
    const op = await createFakeProvider()
    const tokens = await exchange(op)
    expect(tokens.access_token).toMatch(/^opaque-/)
    expect(tokens.refresh_token).toMatch(/^rt-/)
    expect(tokens.accessTokenExpiresAt).toBe(1300)
    expect(tokens.idTokenClaims).toMatchObject({ sub: 'alice', iss: op.issuer, aud: op.clientId })
  })

  it('sends the code_verifier as a public client, without an Authorization header', async () => {
    const op = await createFakeProvider()
    await exchange(op)
    const request = op.tokenRequests().at(0)
    expect(request?.body?.get('grant_type')).toBe('authorization_code')
    expect(request?.body?.get('code_verifier')).toMatch(/^[\w-]{43}$/)
    expect(request?.body?.get('client_id')).toBe(op.clientId)
    expect(request?.body?.get('redirect_uri')).toBe('https://app.example/callback')
    expect(request?.headers.has('authorization')).toBe(false)
  })

  it('puts a client secret in the POST body, never in HTTP Basic (no CORS preflight)', async () => {
    const op = await createFakeProvider({ clientSecret: 'shh' })
    const tokens = await exchange(op, { clientAuthentication: 'client_secret_post', secret: 'shh' })
    expect(tokens.access_token).toBeTruthy()
    const request = op.tokenRequests().at(0)
    expect(request?.body?.get('client_secret')).toBe('shh')
    expect(request?.headers.has('authorization')).toBe(false)
  })

  it("reports Google's missing-secret error verbatim", async () => {
    const op = await createFakeProvider({ clientSecret: 'shh' })
    const error = await rejected(exchange(op))
    expect(error).toMatchObject({
      code: 'token_endpoint_error',
      step: 'token-request',
      status: 400,
      oauthError: { error: 'invalid_request', error_description: 'client_secret is missing.' },
    })
  })

  it('reports invalid_grant from the token endpoint', async () => {
    const op = await createFakeProvider()
    op.answerTokenRequestsWith(() =>
      Promise.resolve(
        jsonResponse({ error: 'invalid_grant', error_description: 'code used' }, 400),
      ),
    )
    const error = await rejected(exchange(op))
    expect(error.code).toBe('token_endpoint_error')
    expect(error.oauthError?.error).toBe('invalid_grant')
  })

  it.each([
    ['an HTML page', () => new Response('<html></html>', { status: 200 })],
    ['a 500 without a body', () => new Response('', { status: 500 })],
    ['JSON without access_token', () => jsonResponse({ token_type: 'Bearer' })],
  ])('refuses %s', async (_name, answer) => {
    const op = await createFakeProvider()
    op.answerTokenRequestsWith(() => Promise.resolve(answer()))
    const error = await rejected(exchange(op))
    expect(error.code).toBe('invalid_token_response')
  })

  it.each([
    ['nonce', { nonce: 'other' }],
    ['aud', { aud: 'someone-else' }],
    ['iss', { iss: 'https://evil.example' }],
    ['exp', { exp: Math.floor(Date.now() / 1000) - 300 }],
    ['nbf', { nbf: Math.floor(Date.now() / 1000) + 300 }],
    ['aud', { aud: ['spa', 'evil'] }],
  ])('rejects an ID token with a bad %s', async (check, claims) => {
    const op = await createFakeProvider()
    op.answerTokenRequestsWith(async ({ idToken }) =>
      jsonResponse({ access_token: 'a', token_type: 'Bearer', id_token: await idToken(claims) }),
    )
    const error = await rejected(exchange(op))
    expect(error).toMatchObject({ code: 'id_token_rejected', step: 'id-token', check })
  })

  it.each(['sub', 'iat'])('rejects an ID token without %s', async (claim) => {
    const op = await createFakeProvider()
    op.answerTokenRequestsWith(async ({ idToken }) =>
      jsonResponse({
        access_token: 'a',
        token_type: 'Bearer',
        id_token: await idToken({ [claim]: undefined }),
      }),
    )
    const error = await rejected(exchange(op))
    expect(error).toMatchObject({ code: 'id_token_rejected', check: claim })
  })

  it.each(['none', 'HS256'])('rejects an ID token with alg %s', async (alg) => {
    const op = await createFakeProvider({
      metadata: { id_token_signing_alg_values_supported: ['RS256', 'HS256', 'none'] },
    })
    op.answerTokenRequestsWith(async ({ idToken }) =>
      jsonResponse({
        access_token: 'a',
        token_type: 'Bearer',
        id_token: await idToken({}, { alg }),
      }),
    )
    const error = await rejected(exchange(op))
    expect(error).toMatchObject({ code: 'id_token_rejected', check: 'alg' })
  })

  it('requires an ID token when openid was asked for', async () => {
    const op = await createFakeProvider()
    op.answerTokenRequestsWith(() =>
      Promise.resolve(jsonResponse({ access_token: 'a', token_type: 'Bearer' })),
    )
    const error = await rejected(exchange(op))
    expect(error.code).toBe('id_token_rejected')
  })

  it('accepts a plain OAuth response when openid was not asked for', async () => {
    const op = await createFakeProvider()
    op.answerTokenRequestsWith(() =>
      Promise.resolve(jsonResponse({ access_token: 'a', token_type: 'bearer' })),
    )
    const tokens = await exchange(op, { scope: 'api' })
    expect(tokens).toMatchObject({ access_token: 'a', token_type: 'bearer' })
    expect(tokens.idTokenClaims).toBeUndefined()
    expect(tokens.accessTokenExpiresAt).toBeUndefined()
  })

  it("checks the ID token's signature with the keys fetched before the redirect", async () => {
    const op = await createFakeProvider()
    const tokens = await exchange(op, { withKeys: true })
    expect(tokens.idTokenSignatureVerified).toBe(true)
    // One key-set request, before the redirect: none during the exchange.
    expect(op.requests.filter((request) => request.url.endsWith('/jwks'))).toHaveLength(1)
  })

  it('does not claim a signature check without the keys', async () => {
    const op = await createFakeProvider()
    const tokens = await exchange(op)
    expect(tokens.idTokenSignatureVerified).toBeUndefined()
  })

  it('rejects an ID token whose signature does not match, after its claims passed', async () => {
    const op = await createFakeProvider()
    op.answerTokenRequestsWith(async ({ idToken }) => {
      const [header, payload] = (await idToken()).split('.')
      const forged = `${header ?? ''}.${payload ?? ''}.${Buffer.from('not the signature').toString('base64url')}`
      return jsonResponse({ access_token: 'a', token_type: 'Bearer', id_token: forged })
    })
    const error = await rejected(exchange(op, { withKeys: true }))
    expect(error).toMatchObject({ code: 'id_token_rejected', step: 'id-token', check: 'signature' })
  })
})
