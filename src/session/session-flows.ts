/**
 * The flows of the token lifecycle, one file each over the session's one store (flow-context.ts): the
 * sign-in (sign-in.ts), the way back (callback.ts), renewal (renewal.ts), API calls (api-calls.ts)
 * the sign-out (sign-out.ts) and the provider check (provider-check.ts), and the key set lookup for a
 * pasted token. In the page's second chunk with the protocol layer; the session
 * (session.ts) forwards its calls here once loaded.
 */
import { lookUpKeySet } from '../oidc'
import { createApiCalls } from './api-calls'
import { createCallback } from './callback'
import { createFlowContext } from './flow-context'
import type { FlowTimeline } from './flow-timeline'
import type { TakenAuthorization } from './pending-authorization-store'
import { createProviderCheck } from './provider-check'
import { createRenewal } from './renewal'
import type { Session, SessionStore } from './session'
import { createSignIn } from './sign-in'
import { createSignOut } from './sign-out'
import type { PendingSignOut } from './tab-markers'

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
  | 'checkProvider'
  | 'checkProviderWithSignIn'
  | 'finishProviderCheck'
  | 'stopProviderCheck'
  | 'lookUpKeySet'
> {
  /** `taken` was taken from storage by the session before anything else could run. */
  completeSignIn: (callbackUrl: URL, taken: TakenAuthorization) => Promise<void>
  /** Back from the end-session endpoint; `stateMatched`: with the `state` the sign-out sent. */
  completeSignOut: (signOut: PendingSignOut, returnedState: string | null) => Promise<void>
  /** Drops what the flows hold in memory: secret, pending exchange, timers. */
  reset: () => void
  /** The steps of the run, with the stored copy that crosses page loads. */
  timeline: FlowTimeline
}

export function createSessionFlows(store: SessionStore): SessionFlows {
  const context = createFlowContext(store)
  const renewal = createRenewal(context)
  const { refreshNow, setAutoRefresh, wake } = renewal
  return {
    ...createSignIn(context),
    ...createCallback(context, renewal),
    ...createApiCalls(context, renewal),
    ...createSignOut(context, renewal),
    ...createProviderCheck(context),
    refreshNow,
    setAutoRefresh,
    wake,
    timeline: context.timeline,
    // The session's HTTP without its timeline: a key set looked up for a pasted token is no step of
    // the sign-in, and the paste page says itself what it fetched.
    lookUpKeySet: (source) => lookUpKeySet(source, store.deps.http),
    reset() {
      renewal.stop()
      const { memory } = context
      memory.clientSecret = undefined
      memory.pendingExchange = undefined
      memory.authorizationRequest = undefined
    },
  }
}
