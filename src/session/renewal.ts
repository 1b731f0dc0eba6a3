/**
 * Renewing the access token while signed in: by the refresh_token grant (RFC 6749 §6) when there is a
 * refresh token, else by a silent re-authorization with prompt=none in a hidden frame (OIDC Core
 * §3.1.2.1). The scheduler plans each renewal from the token's own lifetime; the timer, "Refresh now",
 * a retry and an API's 401 share one request (RFC 9700 §4.14.2); every renewal is kept in the
 * refresh history with fingerprints, never the tokens.
 */
import {
  asOidcError,
  assertSameIdentity,
  createAuthorizationRequest,
  exchangeAuthorizationCode,
  interactiveNeeded,
  isTransientFailure,
  OidcError,
  pushAuthorizationRequest,
  refreshTokens,
  usesPushedAuthorization,
  validateAuthorizationResponse,
} from '../oidc'
import type { TokenSet } from '../oidc'
import { tokenFingerprint } from '../jwt/token-fingerprint'
import { epochSeconds } from './clock'
import { dpopBindingTimelineChecks } from './dpop-checks'
import type { FlowContext } from './flow-context'
import { createRefreshScheduler } from './refresh-scheduler'
import type { RefreshRecord, RefreshTrigger, RenewalStrategy, SignedIn } from './session-state'
import { withPrompt } from './sign-in'
import { createSingleFlight } from './single-flight'

const SILENT_FRAME_CHECK = 'the hidden frame came back within the time limit'

export type Renewal = ReturnType<typeof createRenewal>

export function createRenewal(context: FlowContext) {
  const { deps, memory, http, signedIn, update } = context
  let refreshTrigger: RefreshTrigger = 'timer'

  const scheduler = createRefreshScheduler({
    clock: deps.clock,
    refresh: (trigger) => refresh(trigger),
    isTransient: isTransientFailure,
    onGiveUp: (error) => {
      context.end(asOidcError(error, 'refresh'))
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

  function strategyFor(tokens: TokenSet): RenewalStrategy {
    if (tokens.refresh_token !== undefined) return 'refresh_token'
    return deps.silentFrame ? 'silent_iframe' : 'none'
  }

  /** The ID token checks that passed for these tokens (none when there is no ID token). */
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

  /** Silent re-authorization in a hidden frame (prompt=none), for sessions without a refresh token. */
  async function renewInFrame(current: SignedIn): Promise<TokenSet> {
    const frame = deps.silentFrame
    const request = memory.authorizationRequest
    if (!frame || !request) {
      throw new OidcError(
        'interactive_sign_in_required',
        'silent-authorization',
        'No silent renewal',
      )
    }
    const metadata = current.client.metadata
    const built = await createAuthorizationRequest({
      metadata,
      ...(current.client.jwks === undefined ? {} : { jwks: current.client.jwks }),
      clientId: current.client.clientId,
      redirectUri: request.redirectUri,
      scope: request.scope,
      extraParams: withPrompt(request.extraParams, 'none'),
      clientAuthentication: current.client.clientAuthentication,
      nowSeconds: epochSeconds(deps.clock),
    })
    const { pending } = built
    // Pushed like the sign-in was (RFC 9126), or because the provider requires it.
    const url = usesPushedAuthorization(metadata, request.pushedAuthorization)
      ? (
          await pushAuthorizationRequest({
            metadata,
            authorizationUrl: built.url,
            clientAuthentication: pending.clientAuthentication,
            ...(memory.clientSecret === undefined ? {} : { clientSecret: memory.clientSecret }),
            http,
          })
        ).url
      : built.url
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
      clientSecret: memory.clientSecret,
      http,
      nowSeconds: epochSeconds(deps.clock),
      // The session's key: the new tokens are bound to it as the first ones were.
      ...(current.client.dpop === undefined ? {} : { dpop: current.client.dpop }),
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
    let tokens: TokenSet
    try {
      tokens = await context.recordStep(
        strategy === 'refresh_token'
          ? { kind: 'refresh', title: 'Refresh (refresh_token grant)', steps: ['refresh'] }
          : {
              kind: 'silent-authorization',
              title: 'Silent re-authorization (hidden frame)',
              steps: ['silent-authorization', 'token-request'],
            },
        strategy === 'refresh_token' ? 'refresh' : 'silent-authorization',
        () =>
          strategy === 'refresh_token'
            ? refreshTokens({
                client: current.client,
                clientSecret: memory.clientSecret,
                previous: current.tokens,
                http,
                nowSeconds: epochSeconds(deps.clock),
              })
            : renewInFrame(current),
        {
          ok: (renewed) =>
            current.client.dpop === undefined
              ? []
              : dpopBindingTimelineChecks(renewed, current.client.dpop),
        },
      )
    } catch (caught) {
      const error = asOidcError(caught, 'refresh')
      const entry = await record(current, strategy, trigger, startedAt, { error })
      update((latest) => ({ refreshing: false, history: [entry, ...latest.history] }))
      throw error
    }
    const entry = await record(current, strategy, trigger, startedAt, { tokens })
    const latest = signedIn()
    // Signed out (or signed in anew) while the request was under way: these tokens belong to no one.
    if (!latest || latest.tokens !== current.tokens) return
    const next: SignedIn = {
      ...latest,
      tokens,
      strategy: strategyFor(tokens),
      refreshing: false,
      history: [entry, ...latest.history],
    }
    context.set(next)
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
      if (!isTransientFailure(error)) context.end(asOidcError(error, 'refresh'))
      return false
    }
  }

  return {
    strategyFor,
    plan,
    refreshOutsideScheduler,
    stop: () => {
      scheduler.stop()
    },
    refreshNow: async (): Promise<void> => {
      await refreshOutsideScheduler('manual')
    },
    setAutoRefresh: (enabled: boolean): void => {
      const current = signedIn()
      if (!current) return
      const next = { ...current, autoRefresh: enabled }
      context.set(next)
      plan(next)
    },
    /** The page became visible or the browser came online: timers may have slept. */
    wake: (): void => {
      if (signedIn()?.autoRefresh) scheduler.check()
    },
  }
}
