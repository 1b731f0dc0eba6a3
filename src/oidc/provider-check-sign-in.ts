/**
 * Runs the part of "Check this provider" that needs a sign-in, after the user agreed to it: fresh
 * prompt=none authorizations in the hidden frame (each with its own state, nonce and PKCE pair),
 * codes exchanged right, wrongly and twice, the sign-in's refresh token spent to see rotation and
 * reuse detection, tokens revoked and tried again, and finally the provider session ended and asked
 * about. Every token the run held is revoked before it returns. The judgements are in
 * sign-in-checks.ts; each request and answer is kept, masked, as evidence.
 */
import * as oauth from 'oauth4webapi'

import { PROVIDER_PAGE_SHOWN } from '../config/silent-frame'
import type { SilentFrame, SilentFrameOptions } from '../config/silent-frame'
import { createAuthorizationRequest } from './authorization-request'
import type { PendingAuthorization } from './authorization-request'
import { validateAuthorizationResponse } from './authorization-response'
import type { ClientContext } from './client-context'
import { buildEndSessionUrl } from './end-session'
import type { HttpOptions } from './http'
import type { HttpExchange } from './http-exchange'
import { idTokenChecksFor } from './id-token-checks'
import { isOidcError } from './oidc-error'
import { maskedUrl, recording } from './provider-check-evidence'
import type { NavigationEvidence } from './provider-check-evidence'
import { notChecked } from './provider-checks'
import type { ProviderCheck, SignInCheckId } from './provider-checks'
import type { ReportedCheck } from './provider-check-run'
import { canRevoke, revokeToken } from './revocation'
import * as judge from './sign-in-checks'
import type { Answer, FrameResult } from './sign-in-checks'
import { exchangeAuthorizationCode, refreshTokens } from './token-endpoint'
import type { TokenSet } from './token-set'
import { fetchUserInfo } from './userinfo'

export interface SignInCheckInput {
  client: ClientContext
  /** Held in memory only, for a confidential client; never in the evidence. */
  clientSecret?: string
  redirectUri: string
  scope: string
  extraParams: readonly (readonly [string, string])[]
  /** The sign-in's own tokens, which the user agreed to let the check spend and revoke. */
  tokens: TokenSet
}

export interface SignInCheckDeps {
  http: HttpOptions
  nowSeconds: () => number
  /** Loads an authorization URL in the hidden frame and resolves with the callback URL. */
  silentFrame: SilentFrame
}

export interface SignInCheckOptions {
  signal: AbortSignal
  onProgress: (doing: string) => void
}

/** A redirect_uri that differs from the registered one only by a query parameter. */
const ALTERED_REDIRECT_PARAMETER = 'pkce_lab_check'

/** The first fresh authorization: its code is replayed at the end. */
interface FirstCode {
  pending: PendingAuthorization
  url: URL
  tokens: TokenSet
}

interface Attempt<T> {
  value?: T
  answer: Answer
  /** Why a 2xx answer was still not usable (an ID token check, a malformed body). */
  failure?: string
  evidence: HttpExchange[]
}

function errorBody(body: string | undefined): { error?: string; description?: string } {
  try {
    const parsed = JSON.parse(body ?? '') as unknown
    if (typeof parsed !== 'object' || parsed === null) return {}
    const { error, error_description: description } = parsed as Record<string, unknown>
    return {
      ...(typeof error === 'string' ? { error } : {}),
      ...(typeof description === 'string' ? { description } : {}),
    }
  } catch {
    return {}
  }
}

/** The answer to the attempt's first request: later ones (a key set fetched) only support it. */
function answerOf(evidence: readonly HttpExchange[], error: unknown): Answer {
  const first = evidence[0]
  const transport =
    isOidcError(error) &&
    (error.reachability !== undefined || error.code === 'timeout' || error.code === 'network_error')
  if (first === undefined && !transport) {
    return { kind: 'not-sent', why: messageOf(error) }
  }
  if (first?.status === undefined) {
    const reachability =
      isOidcError(error) && error.reachability !== undefined ? error.reachability : 'timeout'
    return { kind: 'unanswered', reachability }
  }
  if (first.status >= 200 && first.status < 300) return { kind: 'accepted', status: first.status }
  return { kind: 'refused', status: first.status, ...errorBody(first.responseBody) }
}

/** Whether a JSON body has this member: told apart from the parsed document, not from its text. */
function hasMember(body: string | undefined, name: string): boolean {
  try {
    const parsed = JSON.parse(body ?? '') as unknown
    return typeof parsed === 'object' && parsed !== null && name in parsed
  } catch {
    return false
  }
}

function withPromptNone(params: readonly (readonly [string, string])[]) {
  return [...params.filter(([name]) => name !== 'prompt'), ['prompt', 'none'] as const]
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

export type SignInCheckRun = ReturnType<typeof createSignInCheckRun>

export function createSignInCheckRun(
  input: SignInCheckInput,
  deps: SignInCheckDeps,
  options: SignInCheckOptions,
) {
  const { client } = input
  const checks = new Map<SignInCheckId, ReportedCheck>()
  const put = (
    check: ProviderCheck,
    evidence: readonly HttpExchange[] = [],
    navigation?: NavigationEvidence,
  ) => {
    checks.set(check.id as SignInCheckId, {
      ...check,
      evidence,
      ...(navigation === undefined ? {} : { navigation }),
    })
  }
  /** Every token the run was given or got, revoked when it ends. */
  const held: { token: string; hint: 'refresh_token' | 'access_token' }[] = []
  const hold = (tokens: TokenSet | undefined) => {
    if (!tokens) return
    held.push({ token: tokens.access_token, hint: 'access_token' })
    if (tokens.refresh_token !== undefined) {
      held.push({ token: tokens.refresh_token, hint: 'refresh_token' })
    }
  }
  hold(input.tokens)

  function step(doing: string): void {
    options.signal.throwIfAborted()
    options.onProgress(doing)
  }

  async function attempt<T>(run: (http: HttpOptions) => Promise<T>): Promise<Attempt<T>> {
    const evidence: HttpExchange[] = []
    try {
      const value = await run(recording(deps.http, evidence))
      return { value, answer: answerOf(evidence, undefined), evidence }
    } catch (error) {
      options.signal.throwIfAborted()
      const answer = answerOf(evidence, error)
      return {
        answer,
        ...(answer.kind === 'accepted' ? { failure: messageOf(error) } : {}),
        evidence,
      }
    }
  }

  async function authorize(
    alter?: (url: URL) => void,
    frameOptions: SilentFrameOptions = {},
  ): Promise<{
    pending: PendingAuthorization
    result: FrameResult
    navigation: NavigationEvidence
  }> {
    const { url, pending } = await createAuthorizationRequest({
      metadata: client.metadata,
      clientId: client.clientId,
      redirectUri: input.redirectUri,
      scope: input.scope,
      extraParams: withPromptNone(input.extraParams),
      clientAuthentication: client.clientAuthentication,
      nowSeconds: deps.nowSeconds(),
      ...(client.jwks === undefined ? {} : { jwks: client.jwks }),
    })
    alter?.(url)
    const sent = maskedUrl(url.href)
    let back: URL
    try {
      back = await deps.silentFrame(url.href, frameOptions)
    } catch (error) {
      options.signal.throwIfAborted()
      const result: FrameResult = {
        kind: 'not-back',
        why: messageOf(error),
        ...(error instanceof Error && error.name === PROVIDER_PAGE_SHOWN
          ? { providerPage: true }
          : {}),
      }
      return { pending, result, navigation: { sent } }
    }
    const navigation = { sent, back: maskedUrl(back.href) }
    const error = back.searchParams.get('error')
    if (error !== null) {
      const description = back.searchParams.get('error_description')
      return {
        pending,
        result: { kind: 'error', url: back, error, ...(description ? { description } : {}) },
        navigation,
      }
    }
    return { pending, result: { kind: 'code', url: back }, navigation }
  }

  function exchange(
    pending: PendingAuthorization,
    url: URL,
    changes: { withoutVerifier?: boolean } = {},
  ): Promise<Attempt<TokenSet>> {
    return attempt(async (http) => {
      const tokens = await exchangeAuthorizationCode({
        pending,
        parameters: validateAuthorizationResponse(pending, url),
        clientSecret: input.clientSecret,
        http,
        nowSeconds: deps.nowSeconds(),
        ...changes,
      })
      hold(tokens)
      return tokens
    })
  }

  function refresh(refreshToken: string): Promise<Attempt<TokenSet>> {
    return attempt(async (http) => {
      const tokens = await refreshTokens({
        client,
        clientSecret: input.clientSecret,
        previous: { ...input.tokens, refresh_token: refreshToken },
        http,
        nowSeconds: deps.nowSeconds(),
      })
      hold(tokens)
      return tokens
    })
  }

  function userinfo(accessToken: string): Promise<Attempt<unknown>> {
    const subject = input.tokens.idTokenClaims?.sub
    return attempt((http) =>
      fetchUserInfo({
        client,
        accessToken,
        expectedSubject: typeof subject === 'string' ? subject : '',
        http,
      }),
    )
  }

  function revoke(token: string, hint: 'refresh_token' | 'access_token') {
    return attempt((http) =>
      revokeToken({ client, clientSecret: input.clientSecret, token, tokenTypeHint: hint, http }),
    )
  }

  /** A fresh authorization with its code, or why there is none (put on the checks it would serve). */
  async function freshCode(
    ids: readonly SignInCheckId[],
    alter?: (url: URL) => void,
  ): Promise<{ pending: PendingAuthorization; url: URL } | undefined> {
    const { pending, result } = await authorize(alter)
    if (result.kind === 'code') return { pending, url: result.url }
    for (const id of ids) {
      put(
        notChecked(
          id,
          result.kind === 'error'
            ? `Not checked: the prompt=none authorization for it answered ${result.error}.`
            : `Not checked: the hidden frame did not come back (${result.why}).`,
        ),
      )
    }
    return undefined
  }

  async function checkAuthorization(): Promise<FirstCode | undefined> {
    step('A prompt=none authorization in the hidden frame…')
    const { pending, result, navigation } = await authorize()
    put(judge.judgeSilentAuthorization(result), [], navigation)
    if (result.kind === 'not-back') return undefined
    put(judge.judgeCallbackState(result.url, pending.state), [], navigation)
    put(
      judge.judgeCallbackIss(
        result.url,
        client.metadata.issuer,
        client.metadata.authorization_response_iss_parameter_supported === true,
      ),
      [],
      navigation,
    )
    if (result.kind !== 'code') return undefined

    step('Exchanging the code with its code_verifier…')
    const first = await exchange(pending, result.url)
    put(judge.judgeCodeExchange(first.answer, first.failure), first.evidence)
    if (first.value === undefined) {
      if (first.failure !== undefined) put(judge.judgeIdToken([], first.failure), first.evidence)
      return undefined
    }
    put(judge.judgeIdToken(idTokenChecksFor(client, first.value)), first.evidence)
    put(judge.judgeLifetimes(first.value.expires_in), first.evidence)

    if (client.metadata.userinfo_endpoint !== undefined) {
      step('Calling UserInfo with the new access token…')
      const called = await userinfo(first.value.access_token)
      put(judge.judgeUserinfoCall(called.answer), called.evidence)
    }

    return { pending, url: result.url, tokens: first.value }
  }

  /**
   * Last of the checks that need the grant: at oidc-provider, as RFC 6749 §4.1.2 suggests, a
   * replayed code revokes everything of its grant, and so does a reused refresh token.
   */
  async function checkReplay(first: FirstCode | undefined): Promise<void> {
    if (!first) {
      put(notChecked('code-replay', 'Not checked: no code came back to replay.'))
      return
    }
    const hasUserinfo = client.metadata.userinfo_endpoint !== undefined
    // Whether the first access token still works before the replay: if it does not, a refusal
    // after it proves nothing about the replay.
    const before = hasUserinfo ? await userinfo(first.tokens.access_token) : undefined
    step('Sending the same code a second time…')
    const replay = await exchange(first.pending, first.url)
    put(judge.judgeCodeReplay(replay.answer), replay.evidence)
    if (replay.answer.kind !== 'refused') {
      put(notChecked('code-replay-revokes', 'Not checked: the replay was not refused.'))
    } else if (!before) {
      put(notChecked('code-replay-revokes', 'Not checked: there is no UserInfo endpoint to ask.'))
    } else if (before.answer.kind !== 'accepted') {
      put(
        notChecked(
          'code-replay-revokes',
          `Not checked: the code’s access token was already refused before the replay (${before.answer.kind === 'refused' ? `HTTP ${String(before.answer.status)}` : 'no answer'}): an earlier check (reuse detection) had revoked it.`,
        ),
      )
    } else {
      step('Asking UserInfo whether the first access token still works…')
      const after = await userinfo(first.tokens.access_token)
      put(judge.judgeReplayRevokes(after.answer), [...before.evidence, ...after.evidence])
    }
  }

  async function checkPkce(): Promise<void> {
    step('A fresh code, exchanged with another code_verifier…')
    const wrong = await freshCode(['pkce-wrong-verifier'])
    if (wrong) {
      const sent = await exchange(
        { ...wrong.pending, codeVerifier: oauth.generateRandomCodeVerifier() },
        wrong.url,
      )
      put(judge.judgeWrongVerifier(sent.answer), sent.evidence)
    }

    step('An authorization without code_challenge…')
    const { pending, result, navigation } = await authorize((url) => {
      url.searchParams.delete('code_challenge')
      url.searchParams.delete('code_challenge_method')
    })
    if (result.kind === 'error') {
      put(
        judge.judgePkceRequired({
          at: 'authorization',
          error: result.error,
          ...(result.description === undefined ? {} : { description: result.description }),
        }),
        [],
        navigation,
      )
    } else if (result.kind === 'not-back') {
      put(
        judge.judgePkceRequired({
          at: 'nowhere',
          why: `the hidden frame did not come back (${result.why})`,
        }),
      )
    } else {
      const sent = await exchange(pending, result.url, { withoutVerifier: true })
      put(judge.judgePkceRequired({ at: 'token', answer: sent.answer }), sent.evidence, navigation)
    }

    step('An authorization with a redirect_uri that is not the registered one…')
    const altered = new URL(input.redirectUri)
    altered.searchParams.set(ALTERED_REDIRECT_PARAMETER, 'altered')
    const steered = await authorize(
      (url) => {
        url.searchParams.set('redirect_uri', altered.href)
      },
      { stopAtProviderPage: true },
    )
    put(judge.judgeRegisteredRedirect(steered.result, altered.href), [], steered.navigation)

    step('A fresh code, exchanged with another redirect_uri…')
    const code = await freshCode(['redirect-uri-exact'])
    if (code) {
      const sent = await exchange({ ...code.pending, redirectUri: altered.href }, code.url)
      put(judge.judgeRedirectUri(sent.answer, altered.href), sent.evidence)
    }
  }

  /** Rotation, reuse and family; returns a refresh token still alive, if one is. */
  async function checkRefresh(fresh: TokenSet | undefined): Promise<string | undefined> {
    put(
      judge.judgeRefreshIssued({
        silent: fresh?.refresh_token !== undefined,
        signIn: input.tokens.refresh_token !== undefined,
        scope: input.scope,
        parameters: input.extraParams,
      }),
    )
    const refreshToken = fresh?.refresh_token ?? input.tokens.refresh_token
    if (refreshToken === undefined) {
      for (const id of ['refresh-rotation', 'refresh-reuse', 'refresh-family'] as const) {
        put(notChecked(id, 'Not checked: no refresh token came.'))
      }
      return undefined
    }
    step('Using the refresh token…')
    const used = await refresh(refreshToken)
    const newer = used.value?.refresh_token
    const rotation =
      used.value === undefined
        ? undefined
        : newer !== undefined && newer !== refreshToken
          ? 'rotated'
          : hasMember(used.evidence[0]?.responseBody, 'refresh_token')
            ? 'same'
            : 'absent'
    put(judge.judgeRotation(used.answer, rotation), used.evidence)
    if (used.value === undefined) {
      put(notChecked('refresh-reuse', 'Not checked: the refresh grant did not work.'))
      put(notChecked('refresh-family', 'Not checked: the refresh grant did not work.'))
      return undefined
    }
    step('Using the same refresh token again…')
    const reused = await refresh(refreshToken)
    put(judge.judgeReuse(reused.answer, rotation === 'rotated'), reused.evidence)
    if (rotation !== 'rotated' || newer === undefined) {
      put(judge.judgeFamily(undefined))
      return reused.answer.kind === 'accepted' ? refreshToken : undefined
    }
    step('Using the newest refresh token after the reuse…')
    const family = await refresh(newer)
    put(judge.judgeFamily(family.answer), family.evidence)
    return family.value?.refresh_token
  }

  /**
   * The first code's access token revoked, then sent to UserInfo. It is asked first whether the
   * token still works: a refusal after the revocation proves something only then.
   */
  async function checkAccessRevocation(first: FirstCode | undefined): Promise<void> {
    if (!first) {
      put(notChecked('revoked-access-refused', 'Not checked: no access token came.'))
      return
    }
    const token = first.tokens.access_token
    const hasUserinfo = client.metadata.userinfo_endpoint !== undefined
    const before = hasUserinfo ? await userinfo(token) : undefined
    step('Revoking an access token…')
    const revoked = await revoke(token, 'access_token')
    if (!checks.has('revocation-public')) {
      put(judge.judgeRevocation(revoked.answer, 'access'), revoked.evidence)
    }
    if (revoked.answer.kind !== 'accepted') {
      put(notChecked('revoked-access-refused', 'Not checked: the revocation was refused.'))
    } else if (!before) {
      put(
        notChecked('revoked-access-refused', 'Not checked: there is no UserInfo endpoint to ask.'),
      )
    } else if (before.answer.kind !== 'accepted') {
      put(
        notChecked(
          'revoked-access-refused',
          'Not checked: UserInfo already refused the token before its revocation: an earlier check (reuse detection, a revoked refresh token) had revoked its grant.',
        ),
      )
    } else {
      const called = await userinfo(token)
      put(judge.judgeRevokedAccess(called.answer), [
        ...before.evidence,
        ...revoked.evidence,
        ...called.evidence,
      ])
    }
  }

  async function checkRefreshRevocation(liveRefreshToken: string | undefined): Promise<void> {
    if (liveRefreshToken === undefined) {
      put(
        notChecked(
          'revoked-refresh-refused',
          'Not checked: no refresh token of the run was still alive to revoke (reuse detection revokes them, as it should).',
        ),
      )
      return
    }
    step('Revoking a refresh token…')
    const revoked = await revoke(liveRefreshToken, 'refresh_token')
    if (!checks.has('revocation-public')) {
      put(judge.judgeRevocation(revoked.answer, 'refresh'), revoked.evidence)
    }
    if (revoked.answer.kind === 'accepted') {
      step('Using the revoked refresh token…')
      const used = await refresh(liveRefreshToken)
      put(judge.judgeRevokedRefresh(used.answer), [...revoked.evidence, ...used.evidence])
    } else {
      put(notChecked('revoked-refresh-refused', 'Not checked: the revocation was refused.'))
    }
  }

  /** Best effort, unrecorded: nothing the run got stays usable. */
  async function revokeHeld(): Promise<void> {
    if (!canRevoke(client)) return
    await Promise.allSettled(
      held.map(({ token, hint }) =>
        revokeToken({
          client,
          clientSecret: input.clientSecret,
          token,
          tokenTypeHint: hint,
          http: deps.http,
        }),
      ),
    )
  }

  return {
    checks,
    /** Every check before the sign-out; stops early when the signal is aborted. */
    async run(): Promise<void> {
      try {
        // In this order: what may revoke the whole grant (reuse detection, a revocation, a replayed
        // code: oidc-provider revokes the grant for each) after what needs it alive.
        const first = await checkAuthorization()
        await checkPkce()
        const live = await checkRefresh(first?.tokens)
        if (canRevoke(client)) {
          await checkRefreshRevocation(live)
          await checkAccessRevocation(first)
        } else {
          for (const id of [
            'revocation-public',
            'revoked-refresh-refused',
            'revoked-access-refused',
          ] as const) {
            put(notChecked(id, 'Not checked: the provider advertises no revocation_endpoint.'))
          }
        }
        await checkReplay(first)
      } finally {
        options.onProgress('Revoking every token the check held…')
        await revokeHeld()
      }
    },
    /**
     * End-session in a window the user confirms in, then a prompt=none authorization to see whether
     * the provider session is over.
     */
    async signOut(
      postLogoutRedirectUri: string,
      openWindow: (url: string) => Promise<URL>,
    ): Promise<void> {
      const endSession = buildEndSessionUrl({
        metadata: client.metadata,
        clientId: client.clientId,
        postLogoutRedirectUri,
      })
      if (endSession === undefined) {
        for (const id of ['end-session-return', 'session-ended'] as const) {
          put(notChecked(id, 'Not checked: the provider advertises no end_session_endpoint.'))
        }
        return
      }
      step('Waiting for you to confirm the sign-out in the provider’s window…')
      let back: judge.EndSessionReturn
      try {
        back = { kind: 'back', url: await openWindow(endSession.url.href) }
      } catch (error) {
        back = { kind: 'not-back', why: messageOf(error) }
      }
      put(judge.judgeEndSessionReturn(back, endSession.state), [], {
        sent: maskedUrl(endSession.url.href),
        ...(back.kind === 'back' ? { back: maskedUrl(back.url.href) } : {}),
      })
      if (back.kind === 'not-back') {
        put(notChecked('session-ended', 'Not checked: the sign-out did not come back.'))
        return
      }
      step('Asking the provider, with prompt=none, whether its session is over…')
      const { result, navigation } = await authorize()
      // A code that came back is left unredeemed: it expires at the provider.
      put(judge.judgeSessionEnded(result), [], navigation)
    },
  }
}
