import { describe, expect, it } from 'vitest'

import { idTokenChecksFor } from '../../../src/oidc'
import {
  createSession,
  PENDING_AUTHORIZATION_KEY,
  PENDING_SIGN_OUT_KEY,
  SESSION_HINT_KEY,
  TIMELINE_KEY,
} from '../../../src/session'
import type { SessionState, SignInRequest } from '../../../src/session'
import { createFakeProvider } from '../../support/fake-provider'
import { testSessionDeps, testSignInRequest } from '../../support/session-deps'
import type { FakeProviderOptions } from '../../support/fake-provider'
import { createFakeClock } from '../../support/fake-clock'
import { MemoryStorage } from '../../support/memory-storage'

async function setup(options: FakeProviderOptions = {}) {
  const op = await createFakeProvider(options)
  const storage = new MemoryStorage()
  const navigations: string[] = []
  const session = createSession(testSessionDeps({ fetch: op.fetch, storage, navigations }))
  const request = testSignInRequest(op)
  /** Signs in up to the provider's redirect back, and returns the callback URL. */
  async function toCallback(extra: Partial<SignInRequest> = {}): Promise<URL> {
    await session.signIn({ ...request, ...extra })
    const target = navigations.at(-1)
    if (!target) throw new Error('the session did not navigate to the provider')
    return op.authorize(target)
  }
  return { op, storage, navigations, session, request, toCallback }
}

function status(state: SessionState): string {
  return state.status
}

describe('session', () => {
  it('signs in: discovery, redirect, callback, code exchange, tokens in memory', async () => {
    const { session, storage, navigations, toCallback, op } = await setup()
    const callback = await toCallback()
    expect(navigations).toHaveLength(1)
    expect(status(session.getSnapshot())).toBe('redirecting')
    expect(storage.getItem(PENDING_AUTHORIZATION_KEY)).not.toBeNull()

    await session.completeSignIn(callback)
    const state = session.getSnapshot()
    if (state.status !== 'signed-in') throw new Error(`not signed in: ${state.status}`)
    expect(state.client.metadata.issuer).toBe(op.issuer)
    expect(state.tokens.idTokenClaims?.sub).toBe('alice')
    expect(idTokenChecksFor(state.client, state.tokens).map((check) => check.id)).toContain('nonce')
    expect(storage.getItem(PENDING_AUTHORIZATION_KEY)).toBeNull()
    // What remains says only that this tab had a session, for after a reload.
    expect(JSON.parse(storage.getItem(SESSION_HINT_KEY) ?? 'null')).toEqual({
      issuer: op.issuer,
      clientId: op.clientId,
    })
  })

  it('with DPoP, carries only the request for it across the redirect, and makes the key at the callback', async () => {
    const { session, storage, toCallback, op } = await setup({
      metadata: { dpop_signing_alg_values_supported: ['ES256'] },
    })
    const callback = await toCallback({ dpop: true })
    const pending = JSON.parse(storage.getItem(PENDING_AUTHORIZATION_KEY) ?? '{}') as Record<
      string,
      unknown
    >
    expect(pending.dpopRequested).toBe(true)
    expect(JSON.stringify(pending)).not.toMatch(/"(d|jwk|thumbprint)"/)

    await session.completeSignIn(callback)
    const state = session.getSnapshot()
    if (state.status !== 'signed-in') throw new Error(`not signed in: ${state.status}`)
    expect(state.client.dpop?.privateKeyExtractable).toBe(false)
    expect(op.tokenRequests().at(-1)?.headers.get('dpop')).toMatch(/^ey/)
    // This provider answers Bearer whatever was sent: the timeline says the proof was ignored.
    const exchange = session.getTimeline().find((entry) => entry.kind === 'token-request')
    const outcomes = new Map(exchange?.checks?.map((check) => [check.name, check.outcome]))
    expect(
      outcomes.get('DPoP key pair made in this page; its private key cannot be exported'),
    ).toBe('passed')
    expect(outcomes.get('token_type is DPoP (the tokens are bound to the key)')).toBe('failed')

    // A Bearer token goes as Bearer, without a proof.
    await session.callUserInfo()
    const userinfo = op.requests.at(-1)
    expect(userinfo?.headers.get('authorization')).toMatch(/^Bearer /)
    expect(userinfo?.headers.has('dpop')).toBe(false)
  })

  it('refuses DPoP at a provider that does not advertise it, before the browser leaves', async () => {
    const { session, navigations, storage, request } = await setup()
    await session.signIn({ ...request, dpop: true })
    const state = session.getSnapshot()
    expect(navigations).toEqual([])
    expect(storage.getItem(PENDING_AUTHORIZATION_KEY)).toBeNull()
    expect(state.status === 'signed-out' && state.error?.check).toBe(
      'dpop_signing_alg_values_supported',
    )
  })

  it('keeps only the pending authorization in storage, never a token or a secret', async () => {
    const { session, storage, toCallback } = await setup({ clientSecret: 'hunter2' })
    const callback = await toCallback({ clientSecret: 'hunter2' })
    const stored = storage.dump()
    expect(stored).toContain('codeVerifier')
    expect(stored).not.toContain('hunter2')
    await session.completeSignIn(callback)
    const state = session.getSnapshot()
    if (state.status !== 'signed-in') throw new Error(`not signed in: ${state.status}`)
    expect(storage.getItem(PENDING_AUTHORIZATION_KEY)).toBeNull()
    for (const token of [
      state.tokens.access_token,
      state.tokens.id_token,
      state.tokens.refresh_token,
    ]) {
      expect(storage.dump()).not.toContain(token)
    }
  })

  it('asks for the client secret after the redirect, then exchanges the code', async () => {
    const { toCallback, op, storage } = await setup({ clientSecret: 'hunter2' })
    const callback = await toCallback({ clientSecret: 'hunter2' })
    // The redirect loads a new page: a new session, the same sessionStorage, no secret in memory.
    const afterRedirect = createSession(
      testSessionDeps({ fetch: op.fetch, storage, navigations: [] }),
    )
    await afterRedirect.completeSignIn(callback)
    expect(afterRedirect.getSnapshot()).toMatchObject({
      status: 'needs-client-secret',
      clientId: op.clientId,
      codeReceivedAt: 1_700_000_000,
    })
    expect(op.tokenRequests()).toHaveLength(0)
    expect(storage.length).toBe(0)

    await afterRedirect.provideClientSecret('hunter2')
    expect(status(afterRedirect.getSnapshot())).toBe('signed-in')
    expect(op.tokenRequests()[0]?.body?.get('client_secret')).toBe('hunter2')
  })

  it('refuses a replayed callback without a second token request', async () => {
    const { session, toCallback, op } = await setup()
    const callback = await toCallback()
    await session.completeSignIn(callback)
    expect(op.tokenRequests()).toHaveLength(1)

    await session.completeSignIn(callback)
    const state = session.getSnapshot()
    expect(state).toMatchObject({
      status: 'signed-out',
      error: { code: 'no_pending_authorization' },
    })
    expect(op.tokenRequests()).toHaveLength(1)
  })

  it('exchanges a code once even when the callback is handled twice at the same time', async () => {
    const { session, toCallback, op } = await setup()
    const callback = await toCallback()
    await Promise.all([session.completeSignIn(callback), session.completeSignIn(callback)])
    expect(op.tokenRequests()).toHaveLength(1)
  })

  it('refuses a tampered state, makes no token request and leaves nothing behind', async () => {
    const { session, toCallback, op, storage } = await setup()
    const callback = await toCallback()
    callback.searchParams.set('state', 'tampered')
    await session.completeSignIn(callback)
    expect(session.getSnapshot()).toMatchObject({
      status: 'signed-out',
      error: { code: 'state_mismatch', step: 'authorization-response' },
    })
    expect(op.tokenRequests()).toHaveLength(0)
    expect(storage.length).toBe(0)
  })

  it('ends a failed discovery signed out, with nothing pending', async () => {
    const { session, storage, navigations } = await setup()
    await session.signIn({
      issuer: 'https://unreachable.example',
      clientId: 'spa',
      scope: 'openid',
      extraParams: [],
      redirectUri: 'https://app.example/callback',
    })
    expect(session.getSnapshot()).toMatchObject({
      status: 'signed-out',
      error: { step: 'discovery', code: 'discovery_failed', status: 404 },
    })
    expect(navigations).toHaveLength(0)
    expect(storage.length).toBe(0)
  })

  it('reports bad settings at the settings step', async () => {
    const { session } = await setup()
    await session.signIn({
      issuer: 'http://op.example',
      clientId: 'spa',
      scope: 'openid',
      extraParams: [],
      redirectUri: 'https://app.example/callback',
    })
    expect(session.getSnapshot()).toMatchObject({
      status: 'signed-out',
      error: { step: 'settings', code: 'invalid_settings', check: 'issuer' },
    })
  })

  it('forgets everything locally on request', async () => {
    const { session, toCallback, storage } = await setup()
    await session.completeSignIn(await toCallback())
    session.forget()
    expect(session.getSnapshot()).toEqual({ status: 'signed-out' })
    expect(storage.length).toBe(0)
  })

  it('discards a sign-in that never came back', async () => {
    const { session, storage, toCallback } = await setup()
    await toCallback()
    session.discardAbandonedSignIn()
    expect(storage.length).toBe(0)
    const state = session.getSnapshot()
    expect(state.status === 'signed-out' && state.notice).toMatch(/did not come back/)
    // The causes that keep a provider from coming back at all are named first.
    expect(state.status === 'signed-out' && state.notice).toMatch(
      /usual causes: a client_id the provider does not know, or a redirect URI not registered/,
    )
  })

  it('notifies subscribers of every change until they unsubscribe', async () => {
    const { session, toCallback } = await setup()
    const seen: string[] = []
    const unsubscribe = session.subscribe(() => seen.push(session.getSnapshot().status))
    await session.completeSignIn(await toCallback())
    unsubscribe()
    session.forget()
    const changes = seen.filter((status, i) => status !== seen[i - 1])
    expect(changes).toEqual(['signed-out', 'starting', 'redirecting', 'completing', 'signed-in'])
  })

  it('records the run in a timeline whose stored copy holds no token or secret', async () => {
    const op = await createFakeProvider({ clientSecret: 'hunter2' })
    const storage = new MemoryStorage()
    const timelineStorage = new MemoryStorage()
    const navigations: string[] = []
    const session = createSession(
      testSessionDeps({ fetch: op.fetch, storage, navigations, timelineStorage }),
    )
    await session.signIn({
      issuer: op.issuer,
      clientId: op.clientId,
      clientSecret: 'hunter2',
      scope: 'openid profile offline_access',
      extraParams: [],
      redirectUri: 'https://app.example/callback',
    })
    await session.completeSignIn(op.authorize(navigations.at(-1) ?? ''))
    const state = session.getSnapshot()
    if (state.status !== 'signed-in') throw new Error(`not signed in: ${state.status}`)

    const kinds = session.getTimeline().map((entry) => [entry.kind, entry.outcome])
    expect(kinds).toEqual([
      ['discovery', 'ok'],
      ['jwks', 'ok'],
      ['authorization-request', 'ok'],
      ['callback', 'ok'],
      ['token-request', 'ok'],
    ])
    const [discovery, , authorization, , exchange] = session.getTimeline()
    expect(discovery?.http?.status).toBe(200)
    expect(authorization?.pkce?.codeChallenge).toBe(
      new URL(navigations.at(-1) ?? '').searchParams.get('code_challenge'),
    )
    expect(exchange?.http?.requestBody).toContain('code_verifier=')
    // In memory the secrets are known, to be masked until revealed...
    expect(exchange?.secrets).toEqual(
      expect.arrayContaining(['hunter2', state.tokens.access_token, state.tokens.refresh_token]),
    )
    // ...and the copy that crosses page loads has none of them.
    const stored = timelineStorage.dump()
    expect(stored).toContain('code_verifier')
    for (const secret of ['hunter2', state.tokens.access_token, state.tokens.refresh_token ?? '']) {
      expect(stored).not.toContain(secret)
    }
    expect(stored).not.toContain(state.tokens.id_token ?? 'no id token')

    session.forget()
    expect(session.getTimeline()).toEqual([])
    expect(timelineStorage.length).toBe(0)
  })
})

describe('what crosses a page load', () => {
  /** A tab: its sessionStorage (pending authorization, markers, timeline) and a clock to move. */
  async function tab(options: FakeProviderOptions = {}) {
    const op = await createFakeProvider(options)
    const storage = new MemoryStorage()
    const clock = createFakeClock()
    const navigations: string[] = []
    const deps = {
      ...testSessionDeps({ fetch: op.fetch, storage, navigations, timelineStorage: storage }),
      clock,
    }
    /** The page as it loads again in this tab (after the redirect, or a reload). */
    const load = () => createSession(deps)
    /** Signs in up to the provider's answer; the verifier as the pending authorization held it. */
    async function toCallback(extra: Partial<SignInRequest> = {}) {
      const page = load()
      await page.signIn({ ...testSignInRequest(op), ...extra })
      // Step-through pauses before the redirect too.
      page.continueToProvider()
      const pending = JSON.parse(storage.getItem(PENDING_AUTHORIZATION_KEY) ?? '{}') as {
        codeVerifier: string
      }
      const callback = op.authorize(navigations.at(-1) ?? '')
      return { callback, code: callback.searchParams.get('code') ?? '', pending }
    }
    return { op, storage, clock, load, toCallback }
  }

  it('keeps neither code nor verifier while paused before the exchange, nor after a reload', async () => {
    const { storage, load, toCallback } = await tab()
    const { callback, code, pending } = await toCallback({ stepThrough: true })
    const page = load()

    await page.completeSignIn(callback)

    expect(page.getSnapshot().status).toBe('paused-before-exchange')
    expect(storage.dump()).not.toContain(code)
    expect(storage.dump()).not.toContain(pending.codeVerifier)
    const reloaded = load()
    // The copy from storage is shown once the flows' code, which holds the timeline, is here.
    await new Promise<void>((resolve) => reloaded.subscribe(resolve))
    const proof = reloaded.getTimeline().find((entry) => entry.pkce)?.pkce
    expect(proof?.codeChallenge).toMatch(/^[\w-]{43}$/)
    expect(proof?.codeVerifier).toBeUndefined()
  })

  it('keeps neither code, verifier nor secret after the token endpoint refused them', async () => {
    const { storage, load, toCallback, op } = await tab({ clientSecret: 'right-secret-0123' })
    const { callback, code, pending } = await toCallback({ clientSecret: 'wrong-secret-0123' })
    const page = load()

    await page.completeSignIn(callback)
    await page.provideClientSecret('wrong-secret-0123')

    expect(page.getSnapshot()).toMatchObject({
      status: 'signed-out',
      error: { step: 'token-request' },
    })
    expect(op.tokenRequests()).toHaveLength(1)
    for (const value of [code, pending.codeVerifier, 'wrong-secret-0123']) {
      expect(storage.dump()).not.toContain(value)
    }
    expect(storage.getItem(TIMELINE_KEY)).toContain('code_verifier')
  })

  it('refuses a pending authorization older than ten minutes, and exchanges nothing', async () => {
    const { storage, clock, load, toCallback, op } = await tab()
    const { callback } = await toCallback()
    await clock.advance(10 * 60_000 + 1_000)
    const page = load()

    await page.completeSignIn(callback)

    expect(page.getSnapshot()).toMatchObject({
      status: 'signed-out',
      error: { code: 'pending_authorization_expired', step: 'authorization-response' },
    })
    expect(op.tokenRequests()).toHaveLength(0)
    expect(storage.getItem(PENDING_AUTHORIZATION_KEY)).toBeNull()
  })

  it('forgets every key it owns, the sign-out marker included', async () => {
    const { storage, load, toCallback } = await tab()
    await toCallback()
    storage.setItem(PENDING_SIGN_OUT_KEY, 'state-of-a-sign-out')
    storage.setItem(SESSION_HINT_KEY, '{"issuer":"https://op.example","clientId":"spa"}')
    const page = load()

    page.forget()

    expect(storage.length).toBe(0)
  })
})
