/**
 * The flows of the token lifecycle: sign-in, the callback, renewal, API calls and sign-out, through
 * src/oidc. Tokens are kept in this module's memory only, never in storage. Loaded by the session on
 * first use, so the first screen carries neither this nor the protocol layer.
 */
import {
  assertSameIdentity,
  buildEndSessionUrl,
  canRevoke,
  createAuthorizationRequest,
  discoverProvider,
  exchangeAuthorizationCode,
  fetchJwks,
  fetchUserInfo,
  getProtectedResource,
  idTokenChecks,
  isOidcError,
  lintMetadata,
  OidcError,
  refreshTokens,
  revokeToken,
  validateAuthorizationResponse,
} from '../oidc'
import type { ClientContext, HttpOptions, OidcStep, ProviderMetadata, TokenSet } from '../oidc'
import { tokenFingerprint } from '../jwt/token-fingerprint'
import { epochSeconds } from './clock'
import type { PendingSignIn, TakenAuthorization } from './pending-authorization-store'
import { PENDING_AUTHORIZATION_MAX_AGE_SECONDS } from './pending-authorization-store'
import { createRefreshScheduler } from './refresh-scheduler'
import type { Session, SessionHost, SignInRequest } from './session'
import type {
  ApiCall,
  RefreshRecord,
  RefreshTrigger,
  RenewalStrategy,
  SignedIn,
  SignOutReport,
} from './session-state'
import { createSingleFlight } from './single-flight'
import { createFlowTimeline } from './flow-timeline'
import type { FlowTimeline } from './flow-timeline'
import {
  callbackChecks,
  createTimelineRecorder,
  idTokenTimelineChecks,
  secretsInUrl,
} from './timeline-recorder'

interface PendingExchange {
  pending: PendingSignIn
  parameters: URLSearchParams
}

/** Provider answers to prompt=none that mean "the user must be there" (OIDC Core §3.1.2.6). */
const INTERACTION_ERRORS = new Set([
  'login_required',
  'interaction_required',
  'consent_required',
  'account_selection_required',
])

const SILENT_FRAME_CHECK = 'the hidden frame came back within the time limit'

function asOidcError(error: unknown, step: OidcStep): OidcError {
  if (isOidcError(error)) return error
  const message = error instanceof Error ? error.message : String(error)
  return new OidcError(
    step === 'discovery' ? 'discovery_failed' : 'invalid_token_response',
    step,
    message,
    { cause: error },
  )
}

/** Worth retrying: no answer at all, or a server error (RFC 9110 §15.6). Everything else is final. */
function isTransientFailure(error: unknown): boolean {
  if (!isOidcError(error)) return false
  if (error.code === 'network_error' || error.code === 'timeout') return true
  return error.status !== undefined && error.status >= 500
}

function interactiveNeeded(error: OidcError, step: OidcStep): OidcError {
  if (
    error.code === 'authorization_error' &&
    INTERACTION_ERRORS.has(error.oauthError?.error ?? '')
  ) {
    return new OidcError('interactive_sign_in_required', step, error.message, {
      cause: error,
      check: 'prompt=none',
      ...(error.oauthError ? { oauthError: error.oauthError } : {}),
    })
  }
  return error
}

function withPrompt(
  params: readonly (readonly [string, string])[],
  prompt: string,
): (readonly [string, string])[] {
  return [...params.filter(([name]) => name !== 'prompt'), ['prompt', prompt]]
}

/** The flows a session runs; the session forwards its calls here once this module has loaded. */
export interface SessionFlows extends Pick<
  Session,
  | 'signIn'
  | 'restoreSilently'
  | 'provideClientSecret'
  | 'continueToProvider'
  | 'continueExchange'
  | 'refreshNow'
  | 'setAutoRefresh'
  | 'wake'
  | 'callUserInfo'
  | 'callResource'
  | 'signOut'
> {
  /** `taken` was taken from storage by the session before anything else could run. */
  completeSignIn: (callbackUrl: URL, taken: TakenAuthorization) => Promise<void>
  /** Back from the end-session endpoint; `stateMatched`: with the `state` the sign-out sent. */
  completeSignOut: (stateMatched: boolean) => void
  /** Drops what the flows hold in memory: secret, pending exchange, timers. */
  reset: () => void
  /** The steps of the run, with the stored copy that crosses page loads. */
  timeline: FlowTimeline
}

export function createSessionFlows(host: SessionHost): SessionFlows {
  const { deps, set } = host
  const timeline = createFlowTimeline(deps.timelineStorage, deps.clock, host.notify)
  let clientSecret: string | undefined
  let pendingExchange: PendingExchange | undefined
  /** What the sign-in asked for, so a silent renewal asks for the same. */
  let authorizationRequest:
    | { scope: string; extraParams: readonly (readonly [string, string])[]; redirectUri: string }
    | undefined
  let refreshTrigger: RefreshTrigger = 'timer'
  const recorder = createTimelineRecorder(timeline)
  const http: HttpOptions = {
    ...deps.http,
    now: () => deps.clock.now(),
    onExchange: (step, exchange) => {
      recorder.onExchange(step, exchange)
    },
  }

  function signedIn(): SignedIn | undefined {
    const state = host.getState()
    return state.status === 'signed-in' ? state : undefined
  }

  /** Applies a change to the signed-in state, if the session is still signed in. */
  function update(change: (current: SignedIn) => Partial<SignedIn>): void {
    const current = signedIn()
    if (current) set({ ...current, ...change(current) })
  }

  const scheduler = createRefreshScheduler({
    clock: deps.clock,
    refresh: (trigger) => refresh(trigger),
    isTransient: isTransientFailure,
    onGiveUp: (error) => {
      end(asOidcError(error, 'refresh'))
    },
    onChange: () => {
      update(() => ({
        nextRefreshAt: scheduler.nextRefreshAt,
        retry: scheduler.retry
          ? {
              attempt: scheduler.retry.attempt,
              at: scheduler.retry.at,
              error: asOidcError(scheduler.retry.error, 'refresh'),
            }
          : undefined,
      }))
    },
  })

  function reset(): void {
    scheduler.stop()
    clientSecret = undefined
    pendingExchange = undefined
    authorizationRequest = undefined
  }

  /**
   * Ends the session with an error: nothing of it remains. A pending authorization of the attempt is
   * deleted, and the stored copy of the timeline is written again from what memory holds now.
   */
  function end(error: OidcError): void {
    host.forgetEverything()
    deps.pendingAuthorizations.discard()
    timeline.persist()
    set({ status: 'signed-out', error })
  }

  function fail(error: unknown, step: OidcStep): void {
    end(asOidcError(error, step))
  }

  function strategyFor(tokens: TokenSet): RenewalStrategy {
    if (tokens.refresh_token !== undefined) return 'refresh_token'
    return deps.silentFrame ? 'silent_iframe' : 'none'
  }

  /** Plans the next renewal from the access token's own lifetime, when it has one. */
  function plan(current: SignedIn): void {
    const { accessTokenExpiresAt, expires_in: lifetime } = current.tokens
    if (!current.autoRefresh || current.strategy === 'none' || accessTokenExpiresAt === undefined) {
      scheduler.stop()
      update(() => ({ nextRefreshAt: undefined, retry: undefined }))
      return
    }
    scheduler.schedule(accessTokenExpiresAt, lifetime ?? 0)
    update(() => ({ nextRefreshAt: scheduler.nextRefreshAt, retry: undefined }))
  }

  /** The ID token checks that passed for these tokens (none when there is no ID token). */
  function checksFor(client: ClientContext, tokens: TokenSet) {
    return tokens.id_token === undefined
      ? []
      : idTokenChecks({
          issuer: client.metadata.issuer,
          clientId: client.clientId,
          alg: client.idTokenAlg,
          signatureVerified: tokens.idTokenSignatureVerified === true,
        })
  }

  function enterSignedIn(client: ClientContext, tokens: TokenSet): void {
    deps.markers.writeSessionHint({ issuer: client.metadata.issuer, clientId: client.clientId })
    const next: SignedIn = {
      status: 'signed-in',
      issuer: client.metadata.issuer,
      clientId: client.clientId,
      client,
      tokens,
      idTokenChecks: checksFor(client, tokens),
      strategy: strategyFor(tokens),
      autoRefresh: signedIn()?.autoRefresh ?? true,
      refreshing: false,
      history: [],
    }
    set(next)
    plan(next)
  }

  async function exchange({ pending, parameters }: PendingExchange): Promise<void> {
    pendingExchange = undefined
    set({ status: 'completing' })
    const entryId = recorder.begin('token-request', 'Token request (code exchange)', [
      'token-request',
    ])
    try {
      const tokens = await exchangeAuthorizationCode({
        pending,
        parameters,
        clientSecret,
        http,
        nowSeconds: epochSeconds(deps.clock),
      })
      authorizationRequest = {
        scope: pending.scope,
        extraParams: pending.extraParams.filter(([name]) => name !== 'prompt'),
        redirectUri: pending.redirectUri,
      }
      const client: ClientContext = {
        metadata: pending.metadata,
        clientId: pending.clientId,
        idTokenAlg: pending.idTokenAlg,
        clientAuthentication: pending.clientAuthentication,
        ...(pending.jwks === undefined ? {} : { jwks: pending.jwks }),
      }
      enterSignedIn(client, tokens)
      recorder.finish(entryId, {
        checks: idTokenTimelineChecks(signedIn()?.idTokenChecks ?? []),
      })
    } catch (error) {
      const failure = asOidcError(error, 'token-request')
      recorder.fail(
        entryId,
        failure,
        failure.check === undefined
          ? undefined
          : [{ name: `ID token check "${failure.check}"`, passed: false, detail: failure.message }],
      )
      end(failure)
    }
  }

  async function startAuthorization(request: SignInRequest, silent: boolean): Promise<void> {
    clientSecret = request.clientSecret || undefined
    pendingExchange = undefined
    // A new run: the timeline starts again.
    timeline.clear()
    set({ status: 'starting', silent })
    const discoveryId = recorder.begin('discovery', 'Discovery', ['discovery'])
    let metadata: ProviderMetadata
    try {
      metadata = await discoverProvider(request.issuer, http)
      recorder.finish(discoveryId, { checks: lintMetadata(metadata, http.appOrigin) })
    } catch (error) {
      const failure = asOidcError(error, 'discovery')
      recorder.fail(discoveryId, failure)
      end(failure)
      return
    }
    const jwksId = recorder.begin('jwks', 'Provider keys (jwks_uri)', ['jwks'])
    let jwks: Awaited<ReturnType<typeof fetchJwks>>
    try {
      jwks = await fetchJwks(metadata, http, epochSeconds(deps.clock))
    } catch (error) {
      // A jwks_uri the browser cannot read (CORS, down, no answer): the signature could not be
      // checked, so the sign-in stops here, before the redirect.
      const failure = asOidcError(error, 'jwks')
      recorder.fail(jwksId, failure)
      end(failure)
      return
    }
    recorder.finish(jwksId, {
      checks: [
        {
          name: 'keys fetched from the discovered jwks_uri, before the redirect',
          passed: jwks !== undefined,
          detail:
            jwks === undefined
              ? "Not available (no jwks_uri, or CORS): the ID token's signature will not be checked."
              : `${String(jwks.jwks.keys.length)} keys; the callback checks the ID token's signature with them, no extra round trip.`,
        },
      ],
    })
    try {
      const { url, pending } = await createAuthorizationRequest({
        metadata,
        ...(jwks === undefined ? {} : { jwks }),
        clientId: request.clientId,
        redirectUri: request.redirectUri,
        scope: request.scope,
        extraParams: silent ? withPrompt(request.extraParams, 'none') : request.extraParams,
        clientAuthentication: clientSecret === undefined ? 'none' : 'client_secret_post',
        nowSeconds: epochSeconds(deps.clock),
      })
      const stepThrough = request.stepThrough === true
      deps.pendingAuthorizations.save({ ...pending, stepThrough })
      const entryId = recorder.begin('authorization-request', 'Authorization request', [], {
        url: url.href,
        parameters: [...url.searchParams],
        pkce: {
          codeVerifier: pending.codeVerifier,
          codeChallenge: url.searchParams.get('code_challenge') ?? '',
          method: 'S256',
        },
      })
      if (stepThrough) {
        set({ status: 'paused-before-redirect', authorizationUrl: url.href, timelineId: entryId })
        return
      }
      recorder.finish(entryId, {})
      set({ status: 'redirecting', authorizationUrl: url.href, silent })
      deps.navigate(url.href)
    } catch (error) {
      fail(error, 'authorization-request')
    }
  }

  /** Silent re-authorization in a hidden frame (prompt=none), for sessions without a refresh token. */
  async function renewInFrame(current: SignedIn): Promise<TokenSet> {
    const frame = deps.silentFrame
    const request = authorizationRequest
    if (!frame || !request) {
      throw new OidcError(
        'interactive_sign_in_required',
        'silent-authorization',
        'No silent renewal',
      )
    }
    const { url, pending } = await createAuthorizationRequest({
      metadata: current.client.metadata,
      ...(current.client.jwks === undefined ? {} : { jwks: current.client.jwks }),
      clientId: current.clientId,
      redirectUri: request.redirectUri,
      scope: request.scope,
      extraParams: withPrompt(request.extraParams, 'none'),
      clientAuthentication: current.client.clientAuthentication,
      nowSeconds: epochSeconds(deps.clock),
    })
    let callback: URL
    try {
      callback = await frame(url.href)
    } catch (error) {
      throw new OidcError(
        'interactive_sign_in_required',
        'silent-authorization',
        'The hidden frame never came back from the provider: it refused to be framed, or the browser did not send its session cookie',
        { cause: error, check: SILENT_FRAME_CHECK },
      )
    }
    let parameters: URLSearchParams
    try {
      parameters = validateAuthorizationResponse(pending, callback)
    } catch (error) {
      throw interactiveNeeded(asOidcError(error, 'silent-authorization'), 'silent-authorization')
    }
    const tokens = await exchangeAuthorizationCode({
      pending,
      parameters,
      clientSecret,
      http: http,
      nowSeconds: epochSeconds(deps.clock),
    })
    // A new authentication: its nonce is the one just sent (checked by the exchange), not the first.
    assertSameIdentity(current.tokens.idTokenClaims, tokens.idTokenClaims, 'silent-authorization', {
      compareNonce: false,
    })
    return tokens
  }

  async function record(
    current: SignedIn,
    strategy: Exclude<RenewalStrategy, 'none'>,
    trigger: RefreshTrigger,
    startedAt: number,
    outcome: { tokens: TokenSet } | { error: OidcError },
  ): Promise<RefreshRecord> {
    const base = { startedAt, durationMs: deps.clock.now() - startedAt, trigger, strategy }
    if ('error' in outcome) return { ...base, outcome: 'failed', error: outcome.error }
    const { tokens } = outcome
    return {
      ...base,
      outcome: 'ok',
      accessTokenFingerprint: await tokenFingerprint(tokens.access_token),
      ...(tokens.refresh_token === undefined
        ? {}
        : {
            refreshTokenFingerprint: await tokenFingerprint(tokens.refresh_token),
            refreshTokenRotated: tokens.refresh_token !== current.tokens.refresh_token,
          }),
      idTokenRenewed: tokens.id_token !== current.tokens.id_token,
    }
  }

  /** One renewal, by whichever strategy this session has. Single-flighted below. */
  async function renew(trigger: RefreshTrigger): Promise<void> {
    const current = signedIn()
    if (!current || current.strategy === 'none') return
    const strategy = current.strategy
    const startedAt = deps.clock.now()
    update(() => ({ refreshing: true }))
    const entryId =
      strategy === 'refresh_token'
        ? recorder.begin('refresh', 'Refresh (refresh_token grant)', ['refresh'])
        : recorder.begin('silent-authorization', 'Silent re-authorization (hidden frame)', [
            'silent-authorization',
            'token-request',
          ])
    let tokens: TokenSet
    try {
      tokens =
        strategy === 'refresh_token'
          ? await refreshTokens({
              client: current.client,
              clientSecret,
              previous: current.tokens,
              http: http,
              nowSeconds: epochSeconds(deps.clock),
            })
          : await renewInFrame(current)
    } catch (caught) {
      const error = asOidcError(
        caught,
        strategy === 'refresh_token' ? 'refresh' : 'silent-authorization',
      )
      recorder.fail(entryId, error)
      const entry = await record(current, strategy, trigger, startedAt, { error })
      update((latest) => ({ refreshing: false, history: [entry, ...latest.history] }))
      throw error
    }
    recorder.finish(entryId, {})
    const entry = await record(current, strategy, trigger, startedAt, { tokens })
    const latest = signedIn()
    // Signed out (or signed in anew) while the request was under way: these tokens belong to no one.
    if (!latest || latest.tokens !== current.tokens) return
    const next: SignedIn = {
      ...latest,
      tokens,
      // A refresh without a new ID token keeps the old one, and what was checked about it.
      idTokenChecks:
        tokens.id_token === latest.tokens.id_token
          ? latest.idTokenChecks
          : checksFor(latest.client, tokens),
      strategy: strategyFor(tokens),
      refreshing: false,
      history: [entry, ...latest.history],
    }
    set(next)
    plan(next)
  }

  const renewal = createSingleFlight(() => renew(refreshTrigger))

  /** Every trigger shares one request: rotation makes a second one revoke the grant (RFC 9700 §4.14.2). */
  function refresh(trigger: RefreshTrigger): Promise<void> {
    if (!renewal.inFlight) refreshTrigger = trigger
    return renewal.run()
  }

  /** Outside the scheduler (button, 401): a final error ends the session, a passing one is only shown. */
  async function refreshOutsideScheduler(trigger: RefreshTrigger): Promise<boolean> {
    try {
      await refresh(trigger)
      return signedIn() !== undefined
    } catch (error) {
      if (!isTransientFailure(error)) end(asOidcError(error, 'refresh'))
      return false
    }
  }

  /** Runs an API call; on 401 renews once and tries once more (RFC 6750 §3.1 invalid_token). */
  async function callWithRenewal<T>(
    key: 'userinfo' | 'resource',
    call: (accessToken: string) => Promise<T>,
    isUnauthorized: (outcome: { result?: T; error?: unknown }) => boolean,
  ): Promise<void> {
    const first = signedIn()
    if (!first) return
    const startedAt = deps.clock.now()
    update(() => ({ [key]: { status: 'pending', startedAt } }))
    const step: OidcStep = key === 'userinfo' ? 'userinfo' : 'resource-request'
    const attempt = async (accessToken: string) => {
      const entryId = recorder.begin(
        key === 'userinfo' ? 'userinfo' : 'resource-request',
        key === 'userinfo' ? 'UserInfo request' : 'API request',
        [step],
      )
      try {
        const result = await call(accessToken)
        recorder.finish(entryId, {})
        return { result }
      } catch (error) {
        recorder.fail(entryId, asOidcError(error, step))
        return { error }
      }
    }
    let outcome = await attempt(first.tokens.access_token)
    let retriedAfterRefresh = false
    if (isUnauthorized(outcome) && first.strategy !== 'none') {
      retriedAfterRefresh = true
      const renewed = await refreshOutsideScheduler('unauthorized')
      const latest = signedIn()
      if (!renewed || !latest) return
      outcome = await attempt(latest.tokens.access_token)
    }
    const durationMs = deps.clock.now() - startedAt
    const result: ApiCall<T> =
      'result' in outcome && outcome.result !== undefined
        ? { status: 'done', startedAt, durationMs, result: outcome.result, retriedAfterRefresh }
        : {
            status: 'failed',
            startedAt,
            durationMs,
            error: asOidcError(outcome.error, step),
            retriedAfterRefresh,
          }
    if (result.status === 'failed' && result.error.code === 'userinfo_sub_mismatch') {
      // Claims about another user: nothing of this response, nor this session, can be trusted.
      end(result.error)
      return
    }
    update(() => ({ [key]: result }))
  }

  /** The timeline entries of the sign-out under way: the only ones kept after it. */
  let signOutEntries: string[] = []

  async function revokeAll(current: SignedIn): Promise<SignOutReport> {
    const errors: OidcError[] = []
    const revoke = async (
      token: string | undefined,
      tokenTypeHint: 'refresh_token' | 'access_token',
    ): Promise<'revoked' | 'failed' | 'not-supported' | 'none'> => {
      if (token === undefined) return 'none'
      if (!canRevoke(current.client)) return 'not-supported'
      const entryId = recorder.begin(
        'revocation',
        `Revocation of the ${tokenTypeHint === 'refresh_token' ? 'refresh' : 'access'} token`,
        ['revocation'],
      )
      signOutEntries.push(entryId)
      try {
        await revokeToken({ client: current.client, clientSecret, token, tokenTypeHint, http })
        recorder.finish(entryId, {})
        return 'revoked'
      } catch (error) {
        const failure = asOidcError(error, 'revocation')
        recorder.fail(entryId, failure)
        errors.push(failure)
        return 'failed'
      }
    }
    // The refresh token first: it is the one that outlives the others (RFC 7009 §2.1).
    const refreshToken = await revoke(current.tokens.refresh_token, 'refresh_token')
    const accessToken = await revoke(current.tokens.access_token, 'access_token')
    return {
      refreshToken,
      accessToken: accessToken === 'none' ? 'not-supported' : accessToken,
      endSession: 'not-supported',
      errors,
    }
  }

  return {
    reset,
    timeline,

    signIn: (request) => startAuthorization(request, false),

    restoreSilently: (request) => startAuthorization(request, true),

    async completeSignIn(callbackUrl, taken) {
      const entryId = recorder.begin('callback', 'Callback (authorization response)', [], {
        parameters: [...callbackUrl.searchParams],
        // Tokens a hostile provider put in the URL: masked on screen, never in storage.
        secrets: secretsInUrl(callbackUrl),
      })
      if (taken.status === 'expired') {
        const minutes = Math.floor(taken.ageSeconds / 60)
        const error = new OidcError(
          'pending_authorization_expired',
          'authorization-response',
          `The sign-in waiting in this tab was started ${String(minutes)} minutes ago; a pending authorization is honoured for ${String(PENDING_AUTHORIZATION_MAX_AGE_SECONDS / 60)} minutes, so it was discarded unused`,
          { check: 'pending authorization' },
        )
        recorder.fail(entryId, error, callbackChecks(error))
        end(error)
        return
      }
      const pending = taken.status === 'taken' ? taken.pending : undefined
      if (!pending) {
        const error = new OidcError(
          'no_pending_authorization',
          'authorization-response',
          'This tab has no sign-in waiting for this callback',
          { check: 'pending authorization', origin: http.appOrigin },
        )
        recorder.fail(entryId, error, callbackChecks(error))
        end(error)
        return
      }
      let parameters: URLSearchParams
      try {
        parameters = validateAuthorizationResponse(pending, callbackUrl)
      } catch (error) {
        const failure = asOidcError(error, 'authorization-response')
        const reported = pending.silent
          ? interactiveNeeded(failure, 'authorization-response')
          : failure
        recorder.fail(entryId, reported, callbackChecks(reported))
        end(reported)
        return
      }
      recorder.finish(entryId, { checks: callbackChecks() })
      const codeReceivedAt = epochSeconds(deps.clock)
      if (pending.clientAuthentication === 'client_secret_post' && clientSecret === undefined) {
        pendingExchange = { pending, parameters }
        set({
          status: 'needs-client-secret',
          issuer: pending.issuer,
          clientId: pending.clientId,
          codeReceivedAt,
        })
        return
      }
      if (pending.stepThrough) {
        pendingExchange = { pending, parameters }
        set({
          status: 'paused-before-exchange',
          issuer: pending.issuer,
          clientId: pending.clientId,
          code: parameters.get('code') ?? '',
          codeReceivedAt,
        })
        return
      }
      await exchange({ pending, parameters })
    },

    async provideClientSecret(secret) {
      const waiting = pendingExchange
      if (!waiting) return
      clientSecret = secret || undefined
      await exchange(waiting)
    },

    continueToProvider() {
      const state = host.getState()
      if (state.status !== 'paused-before-redirect') return
      const { authorizationUrl, timelineId } = state
      recorder.finish(timelineId, {})
      set({ status: 'redirecting', authorizationUrl, silent: false })
      deps.navigate(authorizationUrl)
    },

    async continueExchange() {
      const waiting = pendingExchange
      if (host.getState().status !== 'paused-before-exchange' || !waiting) return
      await exchange(waiting)
    },

    async refreshNow() {
      await refreshOutsideScheduler('manual')
    },

    setAutoRefresh(enabled) {
      const current = signedIn()
      if (!current) return
      const next = { ...current, autoRefresh: enabled }
      set(next)
      plan(next)
    },

    wake() {
      if (signedIn()?.autoRefresh) scheduler.check()
    },

    async callUserInfo() {
      const current = signedIn()
      if (!current) return
      const expectedSubject = current.tokens.idTokenClaims?.sub
      await callWithRenewal(
        'userinfo',
        (accessToken) =>
          fetchUserInfo({
            client: current.client,
            accessToken,
            expectedSubject: typeof expectedSubject === 'string' ? expectedSubject : '',
            http: http,
          }),
        ({ error }) =>
          isOidcError(error) && error.code === 'userinfo_failed' && error.status === 401,
      )
    },

    async callResource(url) {
      await callWithRenewal(
        'resource',
        (accessToken) => getProtectedResource({ url, accessToken, http: http }),
        ({ result }) => result?.status === 401,
      )
    },

    async signOut() {
      const current = signedIn()
      if (!current) return
      scheduler.stop()
      set({ status: 'signing-out' })
      signOutEntries = []
      const report = await revokeAll(current)
      const endSession = (() => {
        try {
          return buildEndSessionUrl({
            metadata: current.client.metadata,
            clientId: current.clientId,
            postLogoutRedirectUri: deps.postLogoutRedirectUri,
          })
        } catch (error) {
          report.errors = [...report.errors, asOidcError(error, 'end-session')]
          return undefined
        }
      })()
      if (endSession) {
        signOutEntries.push(
          recorder.begin('end-session', 'End session at the provider', [], {
            outcome: 'ok',
            url: endSession.url.href,
            parameters: [...endSession.url.searchParams],
          }),
        )
      }
      // The run's timeline is cleared; the sign-out's own steps stay, with no secret even in memory.
      timeline.keepStoredCopies(signOutEntries)
      host.forgetEverything()
      if (!endSession) {
        set({
          status: 'signed-out',
          signOut: {
            ...report,
            endSession: report.errors.some((e) => e.step === 'end-session')
              ? 'failed'
              : 'not-supported',
          },
        })
        return
      }
      deps.markers.savePendingSignOut(endSession.state)
      set({ status: 'signed-out', signOut: { ...report, endSession: 'redirecting' } })
      deps.navigate(endSession.url.href)
    },

    completeSignOut(stateMatched) {
      host.forgetEverything()
      set({
        status: 'signed-out',
        notice: stateMatched
          ? 'Signed out at the provider. Nothing of the session was kept here.'
          : 'Back from the provider’s sign-out page (its state did not match the one sent, so it may not have ended the session). Nothing of the session was kept here.',
      })
    },
  }
}
