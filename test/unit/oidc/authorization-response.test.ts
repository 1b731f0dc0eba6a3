import { describe, expect, it } from 'vitest'

import {
  createAuthorizationRequest,
  discoverProvider,
  OidcError,
  validateAuthorizationResponse,
} from '../../../src/oidc'
import type { PendingAuthorization } from '../../../src/oidc'
import { createFakeProvider } from '../../support/fake-provider'

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
  return { op, url, pending }
}

function rejection(pending: PendingAuthorization, callback: URL): OidcError {
  try {
    validateAuthorizationResponse(pending, callback)
  } catch (error) {
    if (error instanceof OidcError) return error
    throw error
  }
  throw new Error('the callback was accepted')
}

describe('validateAuthorizationResponse', () => {
  it('returns the parameters of a valid callback', async () => {
    const { op, url, pending } = await started()
    const callback = op.authorize(url)
    const params = validateAuthorizationResponse(pending, callback)
    expect(params.get('code')).toBe(callback.searchParams.get('code'))
  })

  it('refuses a state that is not the one sent', async () => {
    const { op, url, pending } = await started()
    const callback = op.authorize(url, { state: 'forged' })
    expect(rejection(pending, callback)).toMatchObject({ code: 'state_mismatch', check: 'state' })
  })

  it('refuses a missing state', async () => {
    const { op, url, pending } = await started()
    const callback = op.authorize(url)
    callback.searchParams.delete('state')
    expect(rejection(pending, callback).code).toBe('state_mismatch')
  })

  it('refuses another issuer in iss (RFC 9207)', async () => {
    const { op, url, pending } = await started()
    const callback = op.authorize(url, { iss: 'https://evil.example' })
    expect(rejection(pending, callback)).toMatchObject({ code: 'iss_mismatch', check: 'iss' })
  })

  it('refuses a missing iss when the provider advertises it', async () => {
    const { op, url, pending } = await started()
    const callback = op.authorize(url)
    callback.searchParams.delete('iss')
    expect(rejection(pending, callback).code).toBe('iss_mismatch')
  })

  it("keeps the provider's error words verbatim, HTML included", async () => {
    const { url, pending } = await started()
    const callback = new URL('https://app.example/callback')
    callback.searchParams.set('error', 'access_denied')
    callback.searchParams.set('error_description', '<b>User</b> cancelled')
    callback.searchParams.set('state', pending.state)
    callback.searchParams.set('iss', pending.issuer)
    expect(url).toBeDefined()
    expect(rejection(pending, callback)).toMatchObject({
      code: 'authorization_error',
      oauthError: { error: 'access_denied', error_description: '<b>User</b> cancelled' },
    })
  })

  it('checks state before trusting an error response', async () => {
    const { pending } = await started()
    const callback = new URL('https://app.example/callback?error=access_denied&state=forged')
    callback.searchParams.set('iss', pending.issuer)
    expect(rejection(pending, callback).code).toBe('state_mismatch')
  })

  it.each([
    [
      'query',
      (callback: URL) => {
        callback.searchParams.set('access_token', 'leaked')
      },
    ],
    [
      'fragment',
      (callback: URL) => {
        callback.hash = 'id_token=leaked'
      },
    ],
  ])('refuses tokens in the %s (RFC 9700 §4.6)', async (_where, tamper) => {
    const { op, url, pending } = await started()
    const callback = op.authorize(url)
    tamper(callback)
    expect(rejection(pending, callback)).toMatchObject({
      code: 'invalid_authorization_response',
      check: 'no tokens in the callback URL',
    })
  })

  it('refuses duplicated parameters', async () => {
    const { op, url, pending } = await started()
    const callback = op.authorize(url)
    callback.searchParams.append('code', 'second')
    expect(rejection(pending, callback).code).toBe('invalid_authorization_response')
  })

  it('refuses a callback with neither code nor error', async () => {
    const { op, url, pending } = await started()
    const callback = op.authorize(url)
    callback.searchParams.delete('code')
    expect(rejection(pending, callback)).toMatchObject({
      code: 'invalid_authorization_response',
      check: 'code',
    })
  })
})
