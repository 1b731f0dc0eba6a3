/**
 * Calls with the access token: UserInfo (OIDC Core §5.3, its `sub` checked against the ID token's) and
 * any protected resource, the token in the Authorization header (RFC 6750 §2.1), never in a URL, with a
 * DPoP proof of the session's key when the token is bound to it (RFC 9449 §7.1). A 401 renews once
 * and tries once more (RFC 6750 §3.1 invalid_token).
 */
import {
  asOidcError,
  callProtectedResource,
  fetchUserInfo,
  isDpopTokenType,
  isOidcError,
} from '../oidc'
import type { DpopKey, OidcStep, ResourceRequest } from '../oidc'
import type { FlowContext } from './flow-context'
import type { Renewal } from './renewal'
import type { ApiCall, SignedIn } from './session-state'

export function createApiCalls(context: FlowContext, renewal: Renewal) {
  const { deps, http, signedIn, update } = context

  /** The key to prove possession of, for a DPoP-bound token (RFC 9449 §7.1); none for Bearer. */
  function proofKey(current: SignedIn): DpopKey | undefined {
    return isDpopTokenType(current.tokens.token_type) ? current.client.dpop : undefined
  }

  /** Runs an API call; on 401 renews once and tries once more. */
  async function callWithRenewal<T>(
    key: 'userinfo' | 'resource',
    call: (current: SignedIn) => Promise<T>,
    isUnauthorized: (outcome: { result?: T; error?: unknown }) => boolean,
  ): Promise<void> {
    const first = signedIn()
    if (!first) return
    const startedAt = deps.clock.now()
    update(() => ({ [key]: { status: 'pending', startedAt } }))
    const step: OidcStep = key === 'userinfo' ? 'userinfo' : 'resource-request'
    const attempt = async (current: SignedIn): Promise<{ result?: T; error?: unknown }> => {
      try {
        const result = await context.recordStep(
          key === 'userinfo'
            ? { kind: 'userinfo', title: 'UserInfo request', steps: [step] }
            : { kind: 'resource-request', title: 'API request', steps: [step] },
          step,
          () => call(current),
        )
        return { result }
      } catch (error) {
        return { error }
      }
    }
    let outcome = await attempt(first)
    let retriedAfterRefresh = false
    if (isUnauthorized(outcome) && first.strategy !== 'none') {
      retriedAfterRefresh = true
      const renewed = await renewal.refreshOutsideScheduler('unauthorized')
      const latest = signedIn()
      if (!renewed || !latest) return
      outcome = await attempt(latest)
    }
    const durationMs = deps.clock.now() - startedAt
    const result: ApiCall<T> =
      outcome.result !== undefined
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
      context.end(result.error)
      return
    }
    update(() => ({ [key]: result }))
  }

  return {
    async callUserInfo(): Promise<void> {
      const current = signedIn()
      if (!current) return
      const expectedSubject = current.tokens.idTokenClaims?.sub
      await callWithRenewal(
        'userinfo',
        (latest) => {
          const dpop = proofKey(latest)
          return fetchUserInfo({
            client: latest.client,
            accessToken: latest.tokens.access_token,
            expectedSubject: typeof expectedSubject === 'string' ? expectedSubject : '',
            http,
            ...(dpop === undefined ? {} : { dpop }),
          })
        },
        ({ error }) =>
          isOidcError(error) && error.code === 'userinfo_failed' && error.status === 401,
      )
    },

    async callResource(request: ResourceRequest): Promise<void> {
      await callWithRenewal(
        'resource',
        (latest) => {
          const dpop = request.withoutProof === true ? undefined : proofKey(latest)
          return callProtectedResource({
            request,
            accessToken: latest.tokens.access_token,
            http,
            ...(dpop === undefined ? {} : { dpop }),
          })
        },
        ({ result }) => result?.status === 401,
      )
    },
  }
}
