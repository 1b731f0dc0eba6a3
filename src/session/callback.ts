/**
 * The way back from the provider: the callback's checks against the pending authorization this tab
 * took (RFC 9700 §4.7, RFC 9207, RFC 6749 §10.12), a pause for the client secret or for step-through,
 * then the code exchange (RFC 6749 §4.1.3, with the PKCE verifier) and the signed-in state.
 */
import {
  asOidcError,
  createDpopKey,
  exchangeAuthorizationCode,
  idTokenChecksFor,
  interactiveNeeded,
  OidcError,
  validateAuthorizationResponse,
} from '../oidc'
import type { ClientContext, DpopKey, TokenSet } from '../oidc'
import { epochSeconds } from './clock'
import { dpopBindingTimelineChecks, dpopKeyCheck } from './dpop-checks'
import type { FlowContext, PendingExchange } from './flow-context'
import { PENDING_AUTHORIZATION_MAX_AGE_SECONDS } from './pending-authorization-store'
import type { TakenAuthorization } from './pending-authorization-store'
import type { Renewal } from './renewal'
import type { SignedIn } from './session-state'
import { callbackChecks, idTokenTimelineChecks, secretsInUrl } from './timeline-recorder'

export function createCallback(context: FlowContext, renewal: Renewal) {
  const { deps, memory, recorder, http, set } = context

  function enterSignedIn(client: ClientContext, tokens: TokenSet): void {
    deps.markers.writeSessionHint({ issuer: client.metadata.issuer, clientId: client.clientId })
    const next: SignedIn = {
      status: 'signed-in',
      client,
      tokens,
      strategy: renewal.strategyFor(tokens),
      autoRefresh: context.signedIn()?.autoRefresh ?? true,
      refreshing: false,
      history: [],
    }
    set(next)
    renewal.plan(next)
  }

  async function exchange({ pending, parameters }: PendingExchange): Promise<void> {
    memory.pendingExchange = undefined
    set({ status: 'completing' })
    let dpop: DpopKey | undefined
    const client: ClientContext = {
      metadata: pending.metadata,
      clientId: pending.clientId,
      idTokenAlg: pending.idTokenAlg,
      clientAuthentication: pending.clientAuthentication,
      ...(pending.jwks === undefined ? {} : { jwks: pending.jwks }),
      ...(pending.jwksUnavailable === undefined
        ? {}
        : { jwksUnavailable: pending.jwksUnavailable }),
    }
    let tokens: TokenSet
    try {
      tokens = await context.recordStep(
        { kind: 'token-request', title: 'Token request (code exchange)', steps: ['token-request'] },
        'token-request',
        async () => {
          // The DPoP key is made here, in memory: nothing of it could have crossed the redirect.
          if (pending.dpopRequested === true) dpop = await createDpopKey()
          return exchangeAuthorizationCode({
            pending,
            parameters,
            clientSecret: memory.clientSecret,
            http,
            nowSeconds: epochSeconds(deps.clock),
            ...(dpop === undefined ? {} : { dpop }),
          })
        },
        {
          ok: (issued) => [
            ...(dpop === undefined
              ? []
              : [dpopKeyCheck(dpop), ...dpopBindingTimelineChecks(issued, dpop)]),
            ...idTokenTimelineChecks(idTokenChecksFor(client, issued)),
          ],
          failed: (failure) =>
            failure.check === undefined
              ? undefined
              : [
                  {
                    name: `ID token check "${failure.check}"`,
                    outcome: 'failed' as const,
                    detail: failure.message,
                  },
                ],
        },
      )
    } catch (error) {
      context.end(asOidcError(error, 'token-request'))
      return
    }
    memory.authorizationRequest = {
      scope: pending.scope,
      extraParams: pending.extraParams.filter(([name]) => name !== 'prompt'),
      redirectUri: pending.redirectUri,
      pushedAuthorization: pending.pushedAuthorization === true,
    }
    enterSignedIn(dpop === undefined ? client : { ...client, dpop }, tokens)
  }

  /** The callback's own checks; the pending authorization was taken before anything could run. */
  function validate(callbackUrl: URL, taken: TakenAuthorization): PendingExchange | OidcError {
    if (taken.status === 'expired') {
      const minutes = Math.floor(taken.ageSeconds / 60)
      return new OidcError(
        'pending_authorization_expired',
        'authorization-response',
        `The sign-in waiting in this tab was started ${String(minutes)} minutes ago; a pending authorization is honoured for ${String(PENDING_AUTHORIZATION_MAX_AGE_SECONDS / 60)} minutes, so it was discarded unused`,
        { check: 'pending authorization' },
      )
    }
    if (taken.status === 'none') {
      return new OidcError(
        'no_pending_authorization',
        'authorization-response',
        'This tab has no sign-in waiting for this callback',
        { check: 'pending authorization', origin: http.appOrigin },
      )
    }
    const { pending } = taken
    try {
      return { pending, parameters: validateAuthorizationResponse(pending, callbackUrl) }
    } catch (error) {
      const failure = asOidcError(error, 'authorization-response')
      return pending.silent ? interactiveNeeded(failure, 'authorization-response') : failure
    }
  }

  return {
    async completeSignIn(callbackUrl: URL, taken: TakenAuthorization): Promise<void> {
      const entryId = recorder.begin('callback', 'Callback (authorization response)', [], {
        parameters: [...callbackUrl.searchParams],
        // Tokens a hostile provider put in the URL: masked on screen, never in storage.
        secrets: secretsInUrl(callbackUrl),
      })
      const validated = validate(callbackUrl, taken)
      if (validated instanceof OidcError) {
        recorder.fail(entryId, validated, callbackChecks(callbackUrl, validated))
        context.end(validated)
        return
      }
      recorder.finish(entryId, { checks: callbackChecks(callbackUrl) })
      const { pending } = validated
      const codeReceivedAt = epochSeconds(deps.clock)
      if (pending.clientAuthentication === 'client_secret_post' && !memory.clientSecret) {
        memory.pendingExchange = validated
        set({
          status: 'needs-client-secret',
          issuer: pending.issuer,
          clientId: pending.clientId,
          codeReceivedAt,
        })
        return
      }
      if (pending.stepThrough) {
        memory.pendingExchange = validated
        set({
          status: 'paused-before-exchange',
          issuer: pending.issuer,
          clientId: pending.clientId,
          code: validated.parameters.get('code') ?? '',
          codeReceivedAt,
        })
        return
      }
      await exchange(validated)
    },

    async provideClientSecret(secret: string): Promise<void> {
      const waiting = memory.pendingExchange
      if (!waiting) return
      memory.clientSecret = secret || undefined
      await exchange(waiting)
    },

    async continueExchange(): Promise<void> {
      const waiting = memory.pendingExchange
      if (context.getState().status !== 'paused-before-exchange' || !waiting) return
      await exchange(waiting)
    },
  }
}
