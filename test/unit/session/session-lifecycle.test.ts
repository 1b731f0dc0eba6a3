/**
 * The token lifecycle after sign-in, end to end through the session against the in-process provider:
 * timed refresh, rotation, single-flight, identity checks, retries, wake, UserInfo, API calls,
 * sign-out, silent renewal in a frame and restore after a reload. Time is the fake clock only; the
 * provider reads the same clock, so an access token it calls expired is the one the session planned
 * to renew.
 */
import { describe, expect, it, vi } from 'vitest'

import { tokenFingerprint } from '../../../src/jwt/token-fingerprint'
import { createSession, createTabMarkers, PENDING_SIGN_OUT_KEY } from '../../../src/session'
import type {
  RefreshRecord,
  Session,
  SessionDeps,
  SessionState,
  SignedIn,
  SignInRequest,
} from '../../../src/session'
import { createFakeClock } from '../../support/fake-clock'
import { createFakeProvider } from '../../support/fake-provider'
import type { FakeProvider, FakeProviderOptions } from '../../support/fake-provider'
import { MemoryStorage } from '../../support/memory-storage'
import { testSessionDeps } from '../../support/session-deps'

const T0_SECONDS = 1_700_000_000
/** Access tokens live 20 s: the session plans each refresh a quarter of that before expiry. */
const LIFETIME = 20
const LEAD = 5
/** The fake clock moves in steps this long, waiting after each for a refresh under way to settle. */
const STEP_MS = 500
const APP = 'https://app.example'
const SILENT_FRAME_CHECK = 'the hidden frame came back within the time limit'

interface SetupOptions {
  provider?: FakeProviderOptions
  scope?: string
  /** Builds the silentFrame dependency, given the provider. */
  silentFrame?: (op: FakeProvider) => (authorizationUrl: string) => Promise<URL>
}

function describeState(state: SessionState): string {
  if (state.status !== 'signed-out' || !state.error) return state.status
  return `${state.status} (${state.error.code} at ${state.error.step}: ${state.error.message})`
}

function signedIn(session: Session): SignedIn {
  const state = session.getSnapshot()
  if (state.status !== 'signed-in') throw new Error(`not signed in: ${describeState(state)}`)
  return state
}

function latestRecord(session: Session): RefreshRecord {
  const record = signedIn(session).history.at(0)
  if (!record) throw new Error('no refresh recorded')
  return record
}

async function setup(options: SetupOptions = {}) {
  const clock = createFakeClock()
  const op = await createFakeProvider({ accessTokenLifetime: LIFETIME, clock, ...options.provider })
  const storage = new MemoryStorage()
  const navigations: string[] = []
  const markers = createTabMarkers(storage)
  const deps: SessionDeps = {
    ...testSessionDeps({ fetch: op.fetch, storage, navigations, clock }),
    ...(options.silentFrame ? { silentFrame: options.silentFrame(op) } : {}),
  }
  const session = createSession(deps)
  const request: SignInRequest = {
    issuer: op.issuer,
    clientId: op.clientId,
    scope: options.scope ?? 'openid profile offline_access',
    extraParams: [['prompt', 'consent']],
    redirectUri: `${APP}/callback`,
  }

  function lastNavigation(): string {
    const target = navigations.at(-1)
    if (target === undefined) throw new Error('the session did not navigate')
    return target
  }

  /** The user signs in at the provider and comes back; returns the signed-in state. */
  async function signIn(into: Session = session): Promise<SignedIn> {
    await into.signIn(request)
    await into.completeSignIn(op.authorize(lastNavigation()))
    return signedIn(into)
  }

  /** Waits until no renewal of `of` is under way, then lets queued callbacks run. */
  async function settle(of: Session = session): Promise<void> {
    await vi.waitFor(
      () => {
        const state = of.getSnapshot()
        if (state.status === 'signed-in' && state.refreshing) throw new Error('still refreshing')
      },
      { timeout: 5_000, interval: 1 },
    )
    await clock.flush()
  }

  /** Moves time forward in steps, letting every refresh the timers start finish on the way. */
  async function advance(ms: number): Promise<void> {
    let elapsed = 0
    do {
      const step = Math.min(STEP_MS, ms - elapsed)
      await clock.advance(step)
      await settle()
      elapsed += step
    } while (elapsed < ms)
  }

  /** The page is reloaded: a new session object on the same tab storage, clock and navigation. */
  function reload(): Session {
    return createSession(deps)
  }

  return {
    clock,
    op,
    storage,
    navigations,
    markers,
    session,
    request,
    signIn,
    settle,
    advance,
    reload,
    lastNavigation,
  }
}

describe('session lifecycle: timed refresh', () => {
  it('refreshes a 20 s access token by itself 5 s before expiry, and again for each new token', async () => {
    const { session, op, signIn, advance } = await setup()
    const first = await signIn()
    expect(first.tokens.expires_in).toBe(LIFETIME)
    expect(first.tokens.accessTokenExpiresAt).toBe(T0_SECONDS + LIFETIME)
    expect(first.nextRefreshAt).toBe(T0_SECONDS + LIFETIME - LEAD)

    await advance(14_500)
    expect(op.refreshRequests()).toHaveLength(0)
    expect(signedIn(session).tokens).toBe(first.tokens)

    await advance(500)
    expect(op.refreshRequests()).toHaveLength(1)
    const after = signedIn(session)
    expect(after.tokens.access_token).not.toBe(first.tokens.access_token)
    expect(after.tokens.refresh_token).not.toBe(first.tokens.refresh_token)
    expect(after.tokens.accessTokenExpiresAt).toBe(T0_SECONDS + 15 + LIFETIME)
    expect(after.refreshing).toBe(false)
    expect(after.retry).toBeUndefined()
    expect(after.history).toHaveLength(1)
    const record = latestRecord(session)
    expect(record).toMatchObject({
      outcome: 'ok',
      trigger: 'timer',
      strategy: 'refresh_token',
      refreshTokenRotated: true,
      idTokenRenewed: true,
      startedAt: (T0_SECONDS + 15) * 1000,
    })
    expect(record.accessTokenFingerprint).toMatch(/^[0-9a-f]{8}$/)
    expect(record.refreshTokenFingerprint).toMatch(/^[0-9a-f]{8}$/)
    expect(record.accessTokenFingerprint).toBe(await tokenFingerprint(after.tokens.access_token))
    expect(record.accessTokenFingerprint).not.toBe(
      await tokenFingerprint(first.tokens.access_token),
    )
    expect(record.refreshTokenFingerprint).not.toBe(
      await tokenFingerprint(first.tokens.refresh_token ?? ''),
    )
    // Planned again from the new token: 15 s after this refresh.
    expect(after.nextRefreshAt).toBe(T0_SECONDS + 30)

    await advance(44_500)
    expect(op.refreshRequests()).toHaveLength(3)
    await advance(500)
    // 60 s after sign-in: refreshes at 15, 30, 45 and 60 s.
    expect(op.refreshRequests()).toHaveLength(4)
    expect(signedIn(session).history.map((entry) => entry.trigger)).toEqual([
      'timer',
      'timer',
      'timer',
      'timer',
    ])
    expect(signedIn(session).nextRefreshAt).toBe(T0_SECONDS + 75)
  })

  it('always presents the newest refresh token and never a rotated-out one', async () => {
    const { session, op, signIn, advance } = await setup()
    const received: string[] = []
    session.subscribe(() => {
      const state = session.getSnapshot()
      const token = state.status === 'signed-in' ? state.tokens.refresh_token : undefined
      if (token !== undefined && received.at(-1) !== token) received.push(token)
    })
    await signIn()
    await advance(60_000)

    const sent = op.refreshTokensSent()
    expect(sent).toHaveLength(4)
    expect(new Set(sent).size).toBe(4)
    expect(received).toHaveLength(5)
    // Each request presents exactly the refresh token the previous answer brought.
    expect(sent).toEqual(received.slice(0, 4))
    for (const token of received.slice(0, 4)) expect(op.isActive(token)).toBe(false)
    expect(op.isActive(received.at(-1) ?? '')).toBe(true)
    expect(signedIn(session).history.every((entry) => entry.refreshTokenRotated)).toBe(true)
  })

  it('keeps and reuses the refresh token of a provider that does not rotate (Google)', async () => {
    const { session, op, signIn, advance } = await setup({
      provider: { rotateRefreshTokens: false },
    })
    const first = await signIn()
    const refreshToken = first.tokens.refresh_token
    expect(refreshToken).toBeDefined()
    await advance(45_000)

    expect(op.refreshTokensSent()).toEqual([refreshToken, refreshToken, refreshToken])
    const state = signedIn(session)
    expect(state.tokens.refresh_token).toBe(refreshToken)
    expect(state.tokens.access_token).not.toBe(first.tokens.access_token)
    expect(state.history).toHaveLength(3)
    const fingerprint = await tokenFingerprint(refreshToken ?? '')
    for (const entry of state.history) {
      expect(entry).toMatchObject({ outcome: 'ok', refreshTokenRotated: false })
      expect(entry.refreshTokenFingerprint).toBe(fingerprint)
    }
  })

  it('sends one refresh request for three clicks, a 401 and the timer at the same moment', async () => {
    const { session, op, clock, signIn, settle } = await setup()
    const first = await signIn()
    let release: () => void = () => undefined
    const held = new Promise<void>((resolve) => {
      release = resolve
    })
    // The provider takes its time with the refresh, so that everything else arrives meanwhile.
    op.answerRefreshWith(async ({ defaultAnswer }) => {
      await held
      return defaultAnswer()
    })
    op.invalidateAccessTokens(first.tokens.access_token)

    const clicks = [session.refreshNow(), session.refreshNow(), session.refreshNow()]
    const userinfo = session.callUserInfo()
    // The planned refresh falls due while the first request is still under way.
    await clock.advance((LIFETIME - LEAD) * 1000)
    expect(op.userinfoRequests()).toHaveLength(1)
    const during = signedIn(session)
    expect(during.refreshing).toBe(true)
    expect(during.nextRefreshAt).toBeUndefined()
    expect(op.refreshRequests()).toHaveLength(1)

    release()
    await Promise.all([...clicks, userinfo])
    await settle()
    expect(op.refreshRequests()).toHaveLength(1)
    const state = signedIn(session)
    expect(state.history).toHaveLength(1)
    expect(state.history.at(0)).toMatchObject({ outcome: 'ok', trigger: 'manual' })
    expect(state.userinfo).toMatchObject({ status: 'done', retriedAfterRefresh: true })
    expect(op.userinfoRequests()).toHaveLength(2)
    expect(op.isActive(state.tokens.refresh_token ?? '')).toBe(true)
    // The timer that joined the shared refresh is armed again for the new token.
    expect(state.nextRefreshAt).toBeGreaterThan(T0_SECONDS + 15)
  })
})

describe('session lifecycle: refresh failures', () => {
  it('ends the session when a refreshed ID token is about another user', async () => {
    const { session, op, clock, markers, signIn, advance } = await setup()
    await signIn()
    expect(markers.readSessionHint()).toEqual({ issuer: op.issuer, clientId: op.clientId })
    op.answerRefreshWith(({ defaultAnswer }) =>
      defaultAnswer({ idTokenClaims: { sub: 'mallory' } }),
    )

    await advance(15_000)
    expect(op.refreshRequests()).toHaveLength(1)
    expect(session.getSnapshot()).toMatchObject({
      status: 'signed-out',
      error: { code: 'id_token_changed', step: 'refresh', check: 'sub' },
    })
    expect(markers.readSessionHint()).toBeUndefined()
    expect(clock.pending()).toBe(0)

    const sent = op.requests.length
    await advance(120_000)
    session.wake()
    await session.refreshNow()
    await session.callUserInfo()
    expect(op.requests).toHaveLength(sent)
  })

  it('ends the session on invalid_grant without retrying and leaves no timer', async () => {
    const { session, op, clock, signIn, advance } = await setup()
    await signIn()
    // The grant is revoked at the provider (an admin, or the user in their account settings).
    op.revokeGrants()

    await advance(15_000)
    expect(session.getSnapshot()).toMatchObject({
      status: 'signed-out',
      error: {
        code: 'token_endpoint_error',
        step: 'refresh',
        status: 400,
        oauthError: { error: 'invalid_grant' },
      },
    })
    expect(op.refreshRequests()).toHaveLength(1)
    expect(clock.pending()).toBe(0)
    await advance(60_000)
    expect(op.refreshRequests()).toHaveLength(1)
  })

  it('survives a provider that is unreachable for two attempts, with backoff', async () => {
    const { session, op, signIn, advance } = await setup()
    const first = await signIn()
    op.failNextRefreshes(2, 'network')

    await advance(15_000)
    expect(op.refreshRequests()).toHaveLength(1)
    let state = signedIn(session)
    expect(state.tokens).toBe(first.tokens)
    expect(state.retry).toMatchObject({
      attempt: 1,
      at: T0_SECONDS + 17,
      error: { code: 'network_error', step: 'refresh' },
    })
    expect(state.nextRefreshAt).toBe(T0_SECONDS + 17)

    // Nothing before the 2 s backoff is over.
    await advance(1_500)
    expect(op.refreshRequests()).toHaveLength(1)
    await advance(500)
    expect(op.refreshRequests()).toHaveLength(2)
    state = signedIn(session)
    expect(state.retry).toMatchObject({ attempt: 2, at: T0_SECONDS + 21 })

    await advance(3_500)
    expect(op.refreshRequests()).toHaveLength(2)
    await advance(500)
    expect(op.refreshRequests()).toHaveLength(3)

    state = signedIn(session)
    expect(state.retry).toBeUndefined()
    expect(state.tokens.access_token).not.toBe(first.tokens.access_token)
    expect(op.isActive(state.tokens.access_token)).toBe(true)
    expect(state.history.map(({ outcome, trigger }) => [outcome, trigger])).toEqual([
      ['ok', 'retry'],
      ['failed', 'retry'],
      ['failed', 'timer'],
    ])
    expect(state.history.at(-1)?.error?.code).toBe('network_error')
    expect(state.nextRefreshAt).toBe(T0_SECONDS + 21 + LIFETIME - LEAD)
  })

  it('gives up after four retries when the provider stays unreachable', async () => {
    const { session, op, clock, signIn, advance } = await setup()
    await signIn()
    op.setDown(true)

    await advance(15_000)
    expect(op.refreshRequests()).toHaveLength(1)
    // Retries after 2, 4, 8 and 16 s.
    await advance(2_000 + 4_000 + 8_000)
    expect(op.refreshRequests()).toHaveLength(4)
    expect(signedIn(session).retry).toMatchObject({ attempt: 4, at: T0_SECONDS + 15 + 14 + 16 })
    await advance(16_000)

    expect(op.refreshRequests()).toHaveLength(5)
    expect(session.getSnapshot()).toMatchObject({
      status: 'signed-out',
      error: { code: 'network_error', step: 'refresh' },
    })
    expect(clock.pending()).toBe(0)
    const sent = op.requests.length
    op.setDown(false)
    await advance(120_000)
    expect(op.requests).toHaveLength(sent)
  })
})

describe('session lifecycle: wake and the auto-refresh switch', () => {
  it('refreshes once on wake after a sleep that froze the timers', async () => {
    const { session, op, clock, signIn, settle, advance } = await setup()
    const first = await signIn()
    // The laptop slept for a minute: the wall clock moved, no timer ran.
    clock.jump(60_000)
    expect(op.refreshRequests()).toHaveLength(0)
    expect(op.isActive(first.tokens.access_token)).toBe(false)

    session.wake()
    session.wake()
    await settle()
    expect(op.refreshRequests()).toHaveLength(1)
    expect(latestRecord(session)).toMatchObject({ outcome: 'ok', trigger: 'wake' })
    const state = signedIn(session)
    expect(state.tokens.accessTokenExpiresAt).toBe(T0_SECONDS + 60 + LIFETIME)
    expect(state.nextRefreshAt).toBe(T0_SECONDS + 60 + LIFETIME - LEAD)

    await advance(10_000)
    expect(op.refreshRequests()).toHaveLength(1)
  })

  it('does not refresh while auto-refresh is off, and plans a refresh when it is switched on', async () => {
    const { session, op, clock, signIn, advance } = await setup()
    await signIn()
    session.setAutoRefresh(false)
    expect(signedIn(session)).toMatchObject({ autoRefresh: false, nextRefreshAt: undefined })
    expect(clock.pending()).toBe(0)

    await advance(60_000)
    session.wake()
    expect(op.refreshRequests()).toHaveLength(0)

    session.setAutoRefresh(true)
    const state = signedIn(session)
    expect(state.autoRefresh).toBe(true)
    // The token expired meanwhile: the plan is already due.
    expect(state.nextRefreshAt).toBeDefined()
    expect(state.nextRefreshAt).toBeLessThanOrEqual(T0_SECONDS + 60)
    await advance(0)
    expect(op.refreshRequests()).toHaveLength(1)
    expect(latestRecord(session).trigger).toBe('timer')
    expect(signedIn(session).nextRefreshAt).toBe(T0_SECONDS + 60 + LIFETIME - LEAD)
  })
})

describe('session lifecycle: UserInfo and API calls', () => {
  it('calls UserInfo with the access token and checks its sub against the ID token', async () => {
    const { session, op, signIn } = await setup()
    const first = await signIn()
    await session.callUserInfo()

    const state = signedIn(session)
    if (state.userinfo?.status !== 'done') throw new Error('UserInfo did not complete')
    expect(state.userinfo.result.claims.sub).toBe(first.tokens.idTokenClaims?.sub)
    expect(state.userinfo.result.claims.sub).toBe(op.subject)
    expect(state.userinfo.result.status).toBe(200)
    expect(state.userinfo.retriedAfterRefresh).toBe(false)
    expect(op.userinfoRequests().at(0)?.headers.get('authorization')).toBe(
      `Bearer ${first.tokens.access_token}`,
    )
    expect(op.refreshRequests()).toHaveLength(0)
  })

  it('ends the session when UserInfo is about another user', async () => {
    const { session, op, markers, signIn } = await setup()
    await signIn()
    op.answerUserInfoAs('mallory')
    await session.callUserInfo()
    expect(session.getSnapshot()).toMatchObject({
      status: 'signed-out',
      error: { code: 'userinfo_sub_mismatch', step: 'userinfo', check: 'sub' },
    })
    expect(markers.readSessionHint()).toBeUndefined()
  })

  it('renews once on a 401 from UserInfo and tries once more', async () => {
    const { session, op, signIn } = await setup()
    const first = await signIn()
    op.invalidateAccessTokens(first.tokens.access_token)
    await session.callUserInfo()

    expect(op.refreshRequests()).toHaveLength(1)
    const requests = op.userinfoRequests()
    expect(requests).toHaveLength(2)
    const state = signedIn(session)
    expect(requests.at(1)?.headers.get('authorization')).toBe(`Bearer ${state.tokens.access_token}`)
    expect(state.userinfo).toMatchObject({ status: 'done', retriedAfterRefresh: true })
    expect(latestRecord(session)).toMatchObject({ outcome: 'ok', trigger: 'unauthorized' })
  })

  it('renews on a 401 for an access token the provider’s clock says expired', async () => {
    const { session, op, signIn, advance } = await setup()
    await signIn()
    session.setAutoRefresh(false)
    await advance((LIFETIME + 1) * 1000)
    await session.callUserInfo()

    expect(op.userinfoRequests()).toHaveLength(2)
    expect(op.refreshRequests()).toHaveLength(1)
    expect(signedIn(session).userinfo).toMatchObject({ status: 'done', retriedAfterRefresh: true })
  })

  it('calls an API with the token in the Authorization header, never in the URL', async () => {
    const { session, op, signIn } = await setup()
    const { tokens } = await signIn()
    const url = `${op.issuer}/userinfo`
    await session.callResource({ method: 'GET', url, headers: [] })

    const state = signedIn(session)
    if (state.resource?.status !== 'done') throw new Error('the API call did not complete')
    expect(state.resource.result.status).toBe(200)
    expect(JSON.parse(state.resource.result.body)).toEqual({ sub: op.subject, name: 'Alice' })
    const request = op.userinfoRequests().at(-1)
    expect(request?.url).toBe(url)
    expect(request?.method).toBe('GET')
    expect(request?.headers.get('authorization')).toBe(`Bearer ${tokens.access_token}`)
    expect(request?.url).not.toContain(tokens.access_token)
  })

  it('refuses to send the token over plain http to another host, without a request', async () => {
    const { session, op, signIn } = await setup()
    await signIn()
    const sent = op.requests.length
    await session.callResource({ method: 'GET', url: 'http://api.example/data', headers: [] })

    expect(signedIn(session).resource).toMatchObject({
      status: 'failed',
      error: { code: 'unsafe_endpoint', step: 'resource-request' },
      retriedAfterRefresh: false,
    })
    expect(op.requests).toHaveLength(sent)
  })
})

describe('session lifecycle: sign-out', () => {
  // The hidden frame of the app, played by the provider answering at once.
  const frameAtProvider = (op: FakeProvider) => (url: string) => Promise.resolve(op.authorize(url))

  it('revokes the refresh token, then the access token, then ends the provider session', async () => {
    const { session, op, storage, signIn, lastNavigation, reload } = await setup({
      silentFrame: frameAtProvider,
    })
    const { tokens } = await signIn()
    await session.signOut()

    expect(op.revocations()).toEqual([
      { token: tokens.refresh_token, tokenTypeHint: 'refresh_token' },
      { token: tokens.access_token, tokenTypeHint: 'access_token' },
    ])
    expect(op.isActive(tokens.refresh_token ?? '')).toBe(false)
    expect(op.isActive(tokens.access_token)).toBe(false)
    expect(session.getSnapshot()).toEqual({
      status: 'signed-out',
      signOut: {
        refreshToken: 'revoked',
        accessToken: 'revoked',
        endSession: 'redirecting',
        revocationAuth: { publicClient: true },
        errors: [],
      },
    })

    const endSession = new URL(lastNavigation())
    expect(`${endSession.origin}${endSession.pathname}`).toBe(op.metadata.end_session_endpoint)
    const state = endSession.searchParams.get('state')
    expect(state).toMatch(/^[\w-]{20,}$/)
    // client_id names the client; the ID token is never put in a URL (RP-Initiated Logout §2).
    expect(Object.fromEntries(endSession.searchParams)).toEqual({
      client_id: op.clientId,
      post_logout_redirect_uri: `${APP}/`,
      state,
    })
    expect(endSession.href).not.toContain(tokens.id_token)
    // Nothing left but the sign-out: its state, to recognise the way back, and no token.
    expect(storage.length).toBe(1)
    const marker = storage.getItem(PENDING_SIGN_OUT_KEY) ?? ''
    expect(JSON.parse(marker)).toMatchObject({ state, issuer: op.issuer, clientId: op.clientId })
    for (const token of [tokens.access_token, tokens.refresh_token, tokens.id_token]) {
      expect(marker).not.toContain(token)
    }

    // The provider ends its session and sends the browser back: a new page, which asks it.
    const back = op.endSession(endSession)
    const afterwards = reload()
    const asked = op.authorizationRequests().length
    await afterwards.completeSignOut(back?.searchParams.get('state') ?? null)
    const final = afterwards.getSnapshot()
    expect(final.status === 'signed-out' && final.signOut).toMatchObject({
      refreshToken: 'revoked',
      accessToken: 'revoked',
      endSession: 'ended',
      errors: [],
    })
    const check = op.authorizationRequests().slice(asked)
    expect(check.map((url) => url.searchParams.get('prompt'))).toEqual(['none'])
    expect(storage.length).toBe(0)
  })

  it('says the provider session was not ended when prompt=none comes back with a code (the user declined)', async () => {
    const { session, op, signIn, lastNavigation, reload } = await setup({
      silentFrame: frameAtProvider,
    })
    await signIn()
    await session.signOut()
    const endSession = new URL(lastNavigation())
    // The user pressed "No, stay signed in": the provider sends the browser back, session intact.
    const back = new URL(endSession.searchParams.get('post_logout_redirect_uri') ?? '')
    back.searchParams.set('state', endSession.searchParams.get('state') ?? '')
    const exchanges = op.requests.filter((request) => request.url === op.metadata.token_endpoint)
    const afterwards = reload()
    await afterwards.completeSignOut(back.searchParams.get('state'))

    const final = afterwards.getSnapshot()
    expect(final.status === 'signed-out' && final.signOut).toMatchObject({
      endSession: 'not-ended',
      errors: [{ code: 'end_session_failed', step: 'end-session' }],
    })
    // The code that came back was discarded: nothing went to the token endpoint.
    expect(op.requests.filter((request) => request.url === op.metadata.token_endpoint)).toEqual(
      exchanges,
    )
  })

  it('says the provider session is unknown, not ended, when the hidden frame does not come back', async () => {
    const { session, op, signIn, lastNavigation, reload } = await setup({
      silentFrame: () => () => Promise.reject(new Error('no answer')),
    })
    await signIn()
    await session.signOut()
    const back = op.endSession(lastNavigation())
    const afterwards = reload()
    await afterwards.completeSignOut(back?.searchParams.get('state') ?? null)

    const final = afterwards.getSnapshot()
    expect(final.status === 'signed-out' && final.signOut).toMatchObject({
      endSession: 'unknown',
      unknownBecause: expect.stringContaining('third-party frame') as unknown,
    })
  })

  it('reports a revocation refused with 401 and an empty body as not revoked, with why, across the redirect', async () => {
    const { session, op, signIn, lastNavigation, reload } = await setup({
      provider: { revocationRefusesPublicClients: true },
      silentFrame: frameAtProvider,
    })
    const { tokens } = await signIn()
    await session.signOut()
    const back = op.endSession(lastNavigation())
    const afterwards = reload()
    await afterwards.completeSignOut(back?.searchParams.get('state') ?? null)

    const final = afterwards.getSnapshot()
    const report = final.status === 'signed-out' ? final.signOut : undefined
    expect(report).toMatchObject({
      refreshToken: 'failed',
      accessToken: 'failed',
      revocationAuth: { methods: ['client_secret_basic'], publicClient: true },
    })
    expect(report?.errors.map((error) => [error.code, error.check, error.status])).toEqual([
      ['revocation_failed', 'refresh_token', 401],
      ['revocation_failed', 'access_token', 401],
    ])
    expect(report?.errors[0]?.message).toBe(
      'The revocation endpoint answered HTTP 401 with an empty body',
    )
    // Still valid at the provider, as the report says.
    expect(op.isActive(tokens.refresh_token ?? '')).toBe(true)
  })

  it('says so when the state coming back from the provider is not the one sent', async () => {
    const { session, storage, signIn } = await setup()
    await signIn()
    await session.signOut()
    await session.completeSignOut('other')
    const state = session.getSnapshot()
    expect(state.status === 'signed-out' && state.signOut?.stateMismatch).toBe(true)
    expect(storage.length).toBe(0)

    // And once the pending sign-out is used up, a second way back is ignored.
    await session.completeSignOut('other')
    expect(session.getSnapshot()).toBe(state)
  })

  it('reports what a provider without revocation and end-session cannot do, and stays put', async () => {
    const { session, op, navigations, storage, signIn } = await setup({
      provider: { revocationEndpoint: false, endSessionEndpoint: false },
    })
    const { tokens } = await signIn()
    expect(op.metadata.revocation_endpoint).toBeUndefined()
    expect(op.metadata.end_session_endpoint).toBeUndefined()
    await session.signOut()

    expect(session.getSnapshot()).toEqual({
      status: 'signed-out',
      signOut: {
        refreshToken: 'not-supported',
        accessToken: 'not-supported',
        endSession: 'not-supported',
        revocationAuth: { publicClient: true },
        errors: [],
      },
    })
    expect(navigations).toHaveLength(1)
    expect(op.revocationRequests()).toHaveLength(0)
    // Still valid at the provider: the user is told, nothing pretends otherwise.
    expect(op.isActive(tokens.refresh_token ?? '')).toBe(true)
    expect(storage.length).toBe(0)
  })
})

describe('session lifecycle: silent renewal in a hidden frame', () => {
  const noRefreshToken: FakeProviderOptions = { refreshTokenOnlyWithOfflineAccess: true }

  async function frameSetup(frame: (op: FakeProvider, url: string) => Promise<URL>) {
    const frameUrls: URL[] = []
    const context = await setup({
      provider: noRefreshToken,
      scope: 'openid profile',
      silentFrame: (op) => (url) => {
        frameUrls.push(new URL(url))
        return frame(op, url)
      },
    })
    const first = await context.signIn()
    expect(first.tokens.refresh_token).toBeUndefined()
    expect(first.strategy).toBe('silent_iframe')
    expect(first.nextRefreshAt).toBe(T0_SECONDS + LIFETIME - LEAD)
    return { ...context, first, frameUrls }
  }

  // A silent renewal is a new authentication: its ID token carries the nonce just sent (OIDC Core
  // §3.1.3.7 item 11), not the first one's, and must still be accepted.
  it('renews through the frame with prompt=none and the original scope', async () => {
    const { session, op, first, frameUrls, advance } = await frameSetup((op, url) =>
      Promise.resolve(op.authorize(url)),
    )
    await advance(15_000)

    expect(frameUrls).toHaveLength(1)
    const url = frameUrls.at(0)
    expect(url?.searchParams.getAll('prompt')).toEqual(['none'])
    expect(url?.searchParams.get('scope')).toBe('openid profile')
    expect(op.refreshRequests()).toHaveLength(0)
    expect(op.tokenRequests()).toHaveLength(2)
    const state = signedIn(session)
    expect(state.tokens.access_token).not.toBe(first.tokens.access_token)
    expect(state.tokens.idTokenClaims?.sub).toBe(op.subject)
    expect(latestRecord(session)).toMatchObject({
      outcome: 'ok',
      trigger: 'timer',
      strategy: 'silent_iframe',
    })
    expect(state.nextRefreshAt).toBe(T0_SECONDS + 15 + LIFETIME - LEAD)
  })

  it('asks for an interactive sign-in when the provider has no session (login_required)', async () => {
    const { session, op, frameUrls, advance } = await frameSetup((op, url) =>
      Promise.resolve(op.authorize(url)),
    )
    op.setSessionAlive(false)
    await advance(15_000)

    expect(frameUrls).toHaveLength(1)
    expect(op.tokenRequests()).toHaveLength(1)
    expect(session.getSnapshot()).toMatchObject({
      status: 'signed-out',
      error: {
        code: 'interactive_sign_in_required',
        step: 'silent-authorization',
        oauthError: { error: 'login_required' },
      },
    })
  })

  it('asks for an interactive sign-in when the frame never comes back', async () => {
    const { session, frameUrls, clock, advance } = await frameSetup(() =>
      Promise.reject(new Error('The hidden frame did not come back within 10 s')),
    )
    await advance(15_000)

    expect(frameUrls).toHaveLength(1)
    expect(session.getSnapshot()).toMatchObject({
      status: 'signed-out',
      error: {
        code: 'interactive_sign_in_required',
        step: 'silent-authorization',
        check: SILENT_FRAME_CHECK,
      },
    })
    expect(clock.pending()).toBe(0)
  })
})

describe('session lifecycle: reload', () => {
  it('starts signed out after a reload, knowing which session can be restored', async () => {
    const { op, signIn, reload } = await setup()
    await signIn()
    const reloaded = reload()
    expect(reloaded.getSnapshot()).toEqual({
      status: 'signed-out',
      restorable: { issuer: op.issuer, clientId: op.clientId },
    })
  })

  it('restores silently with prompt=none, replacing the prompt of the sign-in', async () => {
    const { op, request, signIn, reload, lastNavigation } = await setup()
    const first = await signIn()
    const reloaded = reload()
    await reloaded.restoreSilently(request)

    const url = new URL(lastNavigation())
    expect(url.searchParams.getAll('prompt')).toEqual(['none'])
    expect(reloaded.getSnapshot()).toMatchObject({ status: 'redirecting', silent: true })
    const back = reload()
    await back.completeSignIn(op.authorize(url))
    const state = signedIn(back)
    expect(state.tokens.access_token).not.toBe(first.tokens.access_token)
    expect(state.tokens.idTokenClaims?.sub).toBe(op.subject)
  })

  it('ends a silent restore without a provider session in interactive_sign_in_required', async () => {
    const { op, request, signIn, reload, lastNavigation } = await setup()
    await signIn()
    const reloaded = reload()
    await reloaded.restoreSilently(request)
    op.setSessionAlive(false)
    const callback = op.authorize(lastNavigation())
    expect(callback.searchParams.get('error')).toBe('login_required')

    const back = reload()
    await back.completeSignIn(callback)
    expect(back.getSnapshot()).toMatchObject({
      status: 'signed-out',
      error: {
        code: 'interactive_sign_in_required',
        step: 'authorization-response',
        oauthError: { error: 'login_required' },
      },
    })
    expect(op.tokenRequests()).toHaveLength(1)
  })
})
