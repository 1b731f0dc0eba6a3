/**
 * The only stateful object of the token lifecycle: it runs sign-in and the callback through src/oidc,
 * keeps the tokens in memory (never in storage), and publishes one SessionState for the UI. Time,
 * storage, fetch and navigation are passed in; it never touches window or document itself.
 */
import {
  createAuthorizationRequest,
  discoverProvider,
  exchangeAuthorizationCode,
  idTokenChecks,
  isOidcError,
  OidcError,
  validateAuthorizationResponse,
} from '../oidc'
import type { HttpOptions, OidcStep, PendingAuthorization } from '../oidc'
import { epochSeconds } from './clock'
import type { Clock } from './clock'
import type { PendingAuthorizationStore } from './pending-authorization-store'
import { signedOut } from './session-state'
import type { SessionState } from './session-state'

export interface SignInRequest {
  issuer: string
  clientId: string
  /** Kept in memory only, for the token endpoint; never stored or put in a URL. */
  clientSecret?: string
  scope: string
  extraParams: readonly (readonly [string, string])[]
  redirectUri: string
}

export interface SessionDeps {
  http: HttpOptions
  pendingAuthorizations: PendingAuthorizationStore
  clock: Clock
  /** Top-level navigation to the provider (window.location.assign in the app). */
  navigate: (url: string) => void
}

export interface Session {
  getSnapshot: () => SessionState
  subscribe: (listener: () => void) => () => void
  /** Discovery, then the authorization request, then navigation to the provider. */
  signIn: (request: SignInRequest) => Promise<void>
  /** Handles the redirect back from the provider: validate, then exchange the code. */
  completeSignIn: (callbackUrl: URL) => Promise<void>
  /** Finishes a callback that waits for the client secret (it could not survive the redirect). */
  provideClientSecret: (clientSecret: string) => Promise<void>
  /** Forgets everything local: tokens, secret, pending authorization, pending exchange. */
  signOut: () => void
  /** Drops a pending authorization left by a flow that never came back (back button, closed tab). */
  discardAbandonedSignIn: () => void
  dismissMessage: () => void
}

interface PendingExchange {
  pending: PendingAuthorization
  parameters: URLSearchParams
}

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

export function createSession(deps: SessionDeps): Session {
  let state: SessionState = signedOut
  let clientSecret: string | undefined
  let pendingExchange: PendingExchange | undefined
  const listeners = new Set<() => void>()

  function set(next: SessionState): void {
    state = next
    for (const listener of listeners) listener()
  }

  function fail(error: unknown, step: OidcStep): void {
    pendingExchange = undefined
    clientSecret = undefined
    set({ status: 'signed-out', error: asOidcError(error, step) })
  }

  async function exchange({ pending, parameters }: PendingExchange): Promise<void> {
    pendingExchange = undefined
    set({ status: 'completing' })
    try {
      const tokens = await exchangeAuthorizationCode({
        pending,
        parameters,
        clientSecret,
        http: deps.http,
        nowSeconds: epochSeconds(deps.clock),
      })
      set({
        status: 'signed-in',
        issuer: pending.issuer,
        clientId: pending.clientId,
        metadata: pending.metadata,
        tokens,
        idTokenChecks:
          tokens.id_token === undefined
            ? []
            : idTokenChecks({
                issuer: pending.issuer,
                clientId: pending.clientId,
                alg: pending.idTokenAlg,
              }),
      })
    } catch (error) {
      fail(error, 'token-request')
    }
  }

  return {
    getSnapshot: () => state,

    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },

    async signIn(request) {
      clientSecret = request.clientSecret || undefined
      pendingExchange = undefined
      set({ status: 'starting' })
      try {
        const metadata = await discoverProvider(request.issuer, deps.http)
        const { url, pending } = await createAuthorizationRequest({
          metadata,
          clientId: request.clientId,
          redirectUri: request.redirectUri,
          scope: request.scope,
          extraParams: request.extraParams,
          clientAuthentication: clientSecret === undefined ? 'none' : 'client_secret_post',
          nowSeconds: epochSeconds(deps.clock),
        })
        deps.pendingAuthorizations.save(pending)
        set({ status: 'redirecting', authorizationUrl: url.href })
        deps.navigate(url.href)
      } catch (error) {
        fail(error, 'discovery')
      }
    },

    async completeSignIn(callbackUrl) {
      // Taken before the first await: whatever runs this twice, only one run can hold the verifier.
      const pending = deps.pendingAuthorizations.take()
      if (!pending) {
        fail(
          new OidcError(
            'no_pending_authorization',
            'authorization-response',
            'This tab has no sign-in waiting for this callback',
            { check: 'pending authorization', origin: deps.http.appOrigin },
          ),
          'authorization-response',
        )
        return
      }
      let parameters: URLSearchParams
      try {
        parameters = validateAuthorizationResponse(pending, callbackUrl)
      } catch (error) {
        fail(error, 'authorization-response')
        return
      }
      if (pending.clientAuthentication === 'client_secret_post' && clientSecret === undefined) {
        pendingExchange = { pending, parameters }
        set({
          status: 'needs-client-secret',
          issuer: pending.issuer,
          clientId: pending.clientId,
          codeReceivedAt: epochSeconds(deps.clock),
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

    signOut() {
      clientSecret = undefined
      pendingExchange = undefined
      deps.pendingAuthorizations.take()
      set(signedOut)
    },

    discardAbandonedSignIn() {
      if (!deps.pendingAuthorizations.has() && state.status !== 'redirecting') return
      deps.pendingAuthorizations.take()
      set({
        status: 'signed-out',
        notice:
          'The sign-in started earlier in this tab did not come back from the provider; it was discarded.',
      })
    },

    dismissMessage() {
      if (state.status === 'signed-out') set(signedOut)
    },
  }
}
