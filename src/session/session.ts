/**
 * The session the UI talks to: one store (the published SessionState, its listeners) and the flows
 * over it, one file each: sign-in.ts, callback.ts, renewal.ts, api-calls.ts, sign-out.ts, sharing
 * flow-context.ts. It answers what a page needs at start: a session this tab had, a sign-in that
 * never came back, a timeline left in storage. Time, storage, fetch, frames and navigation are passed
 * in; it never touches window or document itself.
 */
import type { HttpOptions } from '../oidc'
import { createApiCalls } from './api-calls'
import { createCallback } from './callback'
import type { TimerClock } from './clock'
import { epochSeconds } from './clock'
import { createFlowContext } from './flow-context'
import type { TimelineEntry } from './flow-timeline'
import type { PendingAuthorizationStore } from './pending-authorization-store'
import { createRenewal } from './renewal'
import { signedOut } from './session-state'
import type { SessionState } from './session-state'
import { createSignIn } from './sign-in'
import { createSignOut } from './sign-out'
import type { TabMarkers } from './tab-markers'

export interface SignInRequest {
  issuer: string
  clientId: string
  /** Kept in memory only, for the token endpoint; never stored or put in a URL. */
  clientSecret?: string
  scope: string
  extraParams: readonly (readonly [string, string])[]
  redirectUri: string
  /** Pause before the redirect and before the code exchange, to look at each step. */
  stepThrough?: boolean
}

export interface SessionDeps {
  http: HttpOptions
  pendingAuthorizations: PendingAuthorizationStore
  markers: TabMarkers
  /** Where the timeline's stored copy crosses page loads (sessionStorage in the app). */
  timelineStorage: Storage
  clock: TimerClock
  /** Top-level navigation to the provider (window.location.assign in the app). */
  navigate: (url: string) => void
  /**
   * Loads an authorization URL in a hidden frame on this app's origin and resolves with the callback
   * URL the frame reached; rejects when the frame does not answer in time. Absent: no silent renewal.
   */
  silentFrame?: (authorizationUrl: string) => Promise<URL>
  /** Where the provider sends the browser after RP-initiated logout. */
  postLogoutRedirectUri: string
}

export interface Session {
  getSnapshot: () => SessionState
  /** The steps of the run so far; a new array whenever it changes. */
  getTimeline: () => readonly TimelineEntry[]
  subscribe: (listener: () => void) => () => void
  /** Discovery, then the authorization request, then navigation to the provider. */
  signIn: (request: SignInRequest) => Promise<void>
  /** The same with prompt=none: back signed in if the provider still has a session, else told so. */
  restoreSilently: (request: SignInRequest) => Promise<void>
  /** Handles the redirect back from the provider: validate, then exchange the code. */
  completeSignIn: (callbackUrl: URL) => Promise<void>
  /** Finishes a callback that waits for the client secret (it could not survive the redirect). */
  provideClientSecret: (clientSecret: string) => Promise<void>
  /** Step-through mode: go on to the provider. */
  continueToProvider: () => void
  /** Step-through mode: exchange the code that came back. */
  continueExchange: () => Promise<void>
  /** Renews the access token now; shares a refresh already under way. */
  refreshNow: () => Promise<void>
  setAutoRefresh: (enabled: boolean) => void
  /** The page became visible or the browser came online: timers may have slept. */
  wake: () => void
  callUserInfo: () => Promise<void>
  callResource: (url: string) => Promise<void>
  /** Revokes the tokens, forgets everything, and ends the provider session where it can. */
  signOut: () => Promise<void>
  /** The browser came back from the provider's end-session endpoint with this `state`. */
  completeSignOut: (state: string | null) => Promise<void>
  /**
   * Forgets everything local: tokens, secret, pending authorization, pending exchange, timeline, and
   * the tab's markers (the session hint and a sign-out's state).
   */
  forget: (notice?: string) => void
  /** Drops a pending authorization left by a flow that never came back (back button, closed tab). */
  discardAbandonedSignIn: () => void
  dismissMessage: () => void
}

/**
 * The one store every flow shares: the published state, its listeners, and what the flows are given.
 * The flows themselves (flow-context.ts, then one file per flow) add what they hold in memory.
 */
export interface SessionStore {
  deps: SessionDeps
  getState: () => SessionState
  set: (next: SessionState) => void
  /** Tells the subscribers that the state or the timeline changed. */
  notify: () => void
  /** Forgets the flows' state (tokens, secret, timers) and this tab's session marker. */
  forgetEverything: () => void
}

export function createSession(deps: SessionDeps): Session {
  const hint = deps.markers.readSessionHint()
  let state: SessionState = hint ? { status: 'signed-out', restorable: hint } : signedOut
  const listeners = new Set<() => void>()

  function notify(): void {
    for (const listener of listeners) listener()
  }

  const context = createFlowContext({
    deps,
    getState: () => state,
    set(next) {
      state = next
      notify()
    },
    notify,
    forgetEverything() {
      renewal.stop()
      const { memory } = context
      memory.clientSecret = undefined
      memory.pendingExchange = undefined
      memory.authorizationRequest = undefined
      deps.markers.clearSessionHint()
    },
  })
  const renewal = createRenewal(context)
  const { timeline } = context
  const callback = createCallback(context, renewal)
  const signOut = createSignOut(context, renewal)

  return {
    getSnapshot: () => state,
    getTimeline: () => timeline.entries(),
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    ...createSignIn(context),
    ...callback,
    ...createApiCalls(context, renewal),
    ...signOut,
    refreshNow: renewal.refreshNow,
    setAutoRefresh: renewal.setAutoRefresh,
    wake: renewal.wake,

    completeSignIn(callbackUrl) {
      // Taken before anything else: whatever runs this twice, only one run can hold the verifier.
      return callback.completeSignIn(
        callbackUrl,
        deps.pendingAuthorizations.take(epochSeconds(deps.clock)),
      )
    },

    async completeSignOut(returnedState) {
      const expected = deps.markers.takePendingSignOut()
      if (expected !== undefined) signOut.completeSignOut(returnedState === expected)
      return Promise.resolve()
    },

    forget(notice) {
      context.forgetEverything()
      timeline.clear()
      deps.pendingAuthorizations.discard()
      deps.markers.clearPendingSignOut()
      context.set(notice === undefined ? signedOut : { status: 'signed-out', notice })
    },

    discardAbandonedSignIn() {
      if (!deps.pendingAuthorizations.has() && state.status !== 'redirecting') return
      deps.pendingAuthorizations.discard()
      context.set({
        status: 'signed-out',
        notice:
          'The sign-in started earlier in this tab did not come back from the provider; it was discarded.',
      })
    },

    dismissMessage() {
      if (state.status === 'signed-out') context.set(signedOut)
    },
  }
}
