import { createHash } from 'node:crypto'

import { describe, expect, it } from 'vitest'

import { createAuthorizationRequest, OidcError } from '../../../src/oidc'
import type { AuthorizationRequestInput, ProviderMetadata } from '../../../src/oidc'

const metadata = {
  issuer: 'https://op.example',
  authorization_endpoint: 'https://op.example/authorize?p=b2c_policy',
  token_endpoint: 'https://op.example/token',
} as ProviderMetadata

const input: AuthorizationRequestInput = {
  metadata,
  clientId: ' spa ',
  redirectUri: 'https://app.example/callback',
  scope: ' openid  profile offline_access ',
  extraParams: [
    ['prompt', 'consent'],
    ['audience', 'https://api.example'],
  ],
  clientAuthentication: 'none',
  nowSeconds: 1_700_000_000,
}

describe('createAuthorizationRequest', () => {
  it('builds a code request with S256 PKCE, state and nonce', async () => {
    const { url, pending } = await createAuthorizationRequest(input)
    const params = url.searchParams
    expect(url.origin + url.pathname).toBe('https://op.example/authorize')
    expect(params.get('p')).toBe('b2c_policy')
    expect(params.get('response_type')).toBe('code')
    expect(params.get('client_id')).toBe('spa')
    expect(params.get('redirect_uri')).toBe('https://app.example/callback')
    expect(params.get('scope')).toBe('openid profile offline_access')
    expect(params.get('code_challenge_method')).toBe('S256')
    expect(params.get('state')).toBe(pending.state)
    expect(params.get('nonce')).toBe(pending.nonce)
    expect(params.get('prompt')).toBe('consent')
    expect(params.get('audience')).toBe('https://api.example')
    expect(params.has('response_mode')).toBe(false)
  })

  it('sends BASE64URL(SHA-256(code_verifier)) as the challenge (RFC 7636 §4.2)', async () => {
    const { url, pending } = await createAuthorizationRequest(input)
    expect(pending.codeVerifier).toMatch(/^[A-Za-z0-9\-._~]{43,128}$/)
    const expected = createHash('sha256').update(pending.codeVerifier).digest('base64url')
    expect(url.searchParams.get('code_challenge')).toBe(expected)
  })

  it('makes fresh values for every request', async () => {
    const first = await createAuthorizationRequest(input)
    const second = await createAuthorizationRequest(input)
    expect(second.pending.state).not.toBe(first.pending.state)
    expect(second.pending.nonce).not.toBe(first.pending.nonce)
    expect(second.pending.codeVerifier).not.toBe(first.pending.codeVerifier)
  })

  it('keeps what the callback needs, and no secret', async () => {
    const { pending } = await createAuthorizationRequest({
      ...input,
      clientAuthentication: 'client_secret_post',
    })
    expect(pending).toMatchObject({
      issuer: 'https://op.example',
      clientId: 'spa',
      idTokenAlg: 'RS256',
      clientAuthentication: 'client_secret_post',
      createdAt: 1_700_000_000,
    })
    expect(JSON.stringify(pending)).not.toMatch(/secret"?:/)
  })

  it.each(['state', 'redirect_uri', 'code_challenge', 'response_mode', 'scope'])(
    'refuses %s as an extra parameter',
    async (name) => {
      await expect(
        createAuthorizationRequest({ ...input, extraParams: [[name, 'x']] }),
      ).rejects.toMatchObject({ code: 'invalid_settings', check: name })
    },
  )

  it('records max_age so auth_time is checked later', async () => {
    const { pending } = await createAuthorizationRequest({
      ...input,
      extraParams: [['max_age', '300']],
    })
    expect(pending.maxAge).toBe(300)
    await expect(
      createAuthorizationRequest({ ...input, extraParams: [['max_age', 'soon']] }),
    ).rejects.toBeInstanceOf(OidcError)
  })

  it('refuses an empty client_id', async () => {
    await expect(createAuthorizationRequest({ ...input, clientId: '  ' })).rejects.toMatchObject({
      code: 'invalid_settings',
      check: 'client_id',
    })
  })
})
