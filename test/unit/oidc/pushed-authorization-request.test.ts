/**
 * Pushed authorization requests (RFC 9126): every parameter goes in the POST, the browser's URL holds
 * client_id and request_uri alone, a provider that requires PAR gets it unasked, and a refusal keeps
 * the provider's words under its own code.
 */
import { describe, expect, it } from 'vitest'

import {
  createAuthorizationRequest,
  isOidcError,
  pushAuthorizationRequest,
  usesPushedAuthorization,
} from '../../../src/oidc'
import type { ProviderMetadata } from '../../../src/oidc'

const appOrigin = 'https://app.example'
const metadata: ProviderMetadata = {
  issuer: 'https://op.example',
  authorization_endpoint: 'https://op.example/authorize',
  token_endpoint: 'https://op.example/token',
  pushed_authorization_request_endpoint: 'https://op.example/par',
}

async function authorizationUrl(): Promise<URL> {
  const { url } = await createAuthorizationRequest({
    metadata,
    clientId: 'spa',
    redirectUri: `${appOrigin}/callback`,
    scope: 'openid profile',
    extraParams: [['prompt', 'consent']],
    clientAuthentication: 'none',
    nowSeconds: 1,
  })
  return url
}

/** A provider's PAR endpoint: answers `status` and `body`, and keeps what it was sent. */
function parEndpoint(status: number, body: unknown) {
  const sent: { url: string; body: URLSearchParams }[] = []
  const fetch: typeof globalThis.fetch = (input, init) => {
    const form = init?.body
    sent.push({
      url: input instanceof Request ? input.url : input.toString(),
      body: new URLSearchParams(
        form instanceof URLSearchParams ? form : typeof form === 'string' ? form : '',
      ),
    })
    return Promise.resolve(
      new Response(JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json' },
      }),
    )
  }
  return { fetch, sent }
}

describe('pushAuthorizationRequest', () => {
  it('pushes every parameter and sends the browser with client_id and request_uri alone', async () => {
    const url = await authorizationUrl()
    const provider = parEndpoint(201, { request_uri: 'urn:par:abc', expires_in: 60 })

    const pushed = await pushAuthorizationRequest({
      metadata,
      authorizationUrl: url,
      clientAuthentication: 'none',
      http: { appOrigin, fetch: provider.fetch },
    })

    expect(pushed.url.href).toBe(
      'https://op.example/authorize?client_id=spa&request_uri=urn%3Apar%3Aabc',
    )
    expect(pushed.expiresIn).toBe(60)
    const [request] = provider.sent
    expect(request?.url).toBe('https://op.example/par')
    for (const [name, value] of url.searchParams) expect(request?.body.get(name)).toBe(value)
    expect(request?.body.get('code_challenge_method')).toBe('S256')
  })

  it("keeps the provider's words when it refuses the push", async () => {
    const provider = parEndpoint(400, {
      error: 'invalid_request',
      error_description: 'redirect_uri did not match any of the registered ones',
    })
    const failure = await pushAuthorizationRequest({
      metadata,
      authorizationUrl: await authorizationUrl(),
      clientAuthentication: 'none',
      http: { appOrigin, fetch: provider.fetch },
    }).catch((error: unknown) => error)

    expect(isOidcError(failure) && failure.code).toBe('pushed_authorization_failed')
    expect(isOidcError(failure) && failure.step).toBe('pushed-authorization-request')
    expect(isOidcError(failure) && failure.oauthError).toEqual({
      error: 'invalid_request',
      error_description: 'redirect_uri did not match any of the registered ones',
    })
  })

  it('refuses to push to a provider that advertises no PAR endpoint, and says to turn it off', async () => {
    const provider = parEndpoint(201, {})
    const failure = await pushAuthorizationRequest({
      metadata: { ...metadata, pushed_authorization_request_endpoint: undefined },
      authorizationUrl: await authorizationUrl(),
      clientAuthentication: 'none',
      http: { appOrigin, fetch: provider.fetch },
    }).catch((error: unknown) => error)

    expect(isOidcError(failure) && failure.message).toContain('Turn the option off')
    expect(provider.sent).toEqual([])
  })
})

describe('usesPushedAuthorization', () => {
  it('pushes when asked, or when the provider requires it (RFC 9126 §5)', () => {
    expect(usesPushedAuthorization(metadata, false)).toBe(false)
    expect(usesPushedAuthorization(metadata, true)).toBe(true)
    expect(
      usesPushedAuthorization({ ...metadata, require_pushed_authorization_requests: true }, false),
    ).toBe(true)
  })
})
