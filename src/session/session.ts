/**
 * The session the UI talks to. It publishes one SessionState and answers what a page needs at start:
 * a session this tab had, a sign-in that never came back, a timeline left in storage. Every flow that
 * talks to the provider (sign-in, the callback, renewal, API calls, sign-out), the flow timeline with
 * them, is in session-flows.ts with the protocol layer, and loads on first use: the first screen needs
 * none of it. Time, storage, fetch, frames and navigation are passed in; it never touches window or
 * document itself.
 */
import type { HttpOptions, OidcStep } from '../oidc'
import { OidcError } from '../oidc/oidc-error'
import type { TimerClock } from './clock'
import type { TimelineEntry } from './flow-timeline'
import { epochSeconds } from './clock'
import type { PendingAuthorizationStore } from './pending-authorization-store'
import type { SessionFlows } from './session-flows'
import { signedOut } from './session-state'
import type { SessionState } from './session-state'
import type { TabMarkers } from './tab-markers'
import { TIMELINE_KEY } from './timeline-key'

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
  /**
   * Fetches the code of the flows ahead of a sign-in (when the page is idle); never fails: a flow
   * that cannot load says so when it runs.
   */
  preload: () => Promise<void>
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

/** What the flows share with the session that loaded them. */
export interface SessionHost {
  deps: SessionDeps
  getState: () => SessionState
  set: (next: SessionState) => void
  /** Tells the subscribers that the timeline changed. */
  notify: () => void
  /** Forgets the flows' state (tokens, secret, timers) and this tab's session marker. */
  forgetEverything: () => void
}

const NO_ENTRIES: readonly TimelineEntry[] = []

export function createSession(deps: SessionDeps): Session {
  const hint = deps.markers.readSessionHint()
  let state: SessionState = hint ? { status: 'signed-out', restorable: hint } : signedOut
  const listeners = new Set<() => void>()

  function notify(): void {
    for (const listener of listeners) listener()
  }

  function set(next: SessionState): void {
    state = next
    notify()
  }

  let flows: SessionFlows | undefined
  let loading: Promise<SessionFlows> | undefined

  function forgetEverything(): void {
    flows?.reset()
    deps.markers.clearSessionHint()
  }

  const host: SessionHost = { deps, getState: () => state, set, notify, forgetEverything }

  function loadFlows(): Promise<SessionFlows> {
    loading ??= import('./session-flows').then(
      (module) => {
        flows = module.createSessionFlows(host)
        // The timeline lives with the flows: it may have brought back a copy from storage.
        if (flows.timeline.entries().length > 0) notify()
        return flows
      },
      (error: unknown) => {
        // Offline, or a new deployment removed the file: a later attempt may fetch it.
        loading = undefined
        throw error
      },
    )
    return loading
  }

  /**
   * Runs a flow, fetching its code first when this page has not yet. At once when it has, so the state
   * a flow sets before its first request is there as soon as the call returns.
   */
  function withFlows(step: OidcStep, run: (loaded: SessionFlows) => Promise<void>): Promise<void> {
    if (flows) return run(flows)
    return loadFlows().then(run, (error: unknown) => {
      forgetEverything()
      set({
        status: 'signed-out',
        error: new OidcError(
          'app_code_unavailable',
          step,
          'This page could not fetch its own code for this step',
          { cause: error, check: 'the code of the flows loaded' },
        ),
      })
    })
  }

  // A copy of the timeline from an earlier page load of this tab (the way back from the provider, a
  // reload) is shown as soon as the flows' code, which holds it, is here.
  if (deps.timelineStorage.getItem(TIMELINE_KEY) !== null) void loadFlows().catch(() => undefined)

  return {
    preload: () =>
      loadFlows().then(
        () => undefined,
        () => undefined,
      ),

    getSnapshot: () => state,

    getTimeline: () => {
      const entries = flows?.timeline.entries()
      // One empty list, so that loading the flows with nothing to show re-renders nothing.
      return entries !== undefined && entries.length > 0 ? entries : NO_ENTRIES
    },

    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },

    signIn: (request) => withFlows('discovery', (loaded) => loaded.signIn(request)),

    restoreSilently: (request) =>
      withFlows('discovery', (loaded) => loaded.restoreSilently(request)),

    completeSignIn(callbackUrl) {
      // Taken before anything else: whatever runs this twice, only one run can hold the verifier.
      const pending = deps.pendingAuthorizations.take(epochSeconds(deps.clock))
      // From now on the page is finishing a sign-in, and says so, while the flows' code loads.
      set({ status: 'completing' })
      return withFlows('authorization-response', (loaded) =>
        loaded.completeSignIn(callbackUrl, pending),
      )
    },

    provideClientSecret: (secret) =>
      withFlows('token-request', (loaded) => loaded.provideClientSecret(secret)),

    continueToProvider() {
      flows?.continueToProvider()
    },

    continueExchange: () => withFlows('token-request', (loaded) => loaded.continueExchange()),

    refreshNow: () => withFlows('refresh', (loaded) => loaded.refreshNow()),

    setAutoRefresh(enabled) {
      flows?.setAutoRefresh(enabled)
    },

    wake() {
      flows?.wake()
    },

    callUserInfo: () => withFlows('userinfo', (loaded) => loaded.callUserInfo()),

    callResource: (url) => withFlows('resource-request', (loaded) => loaded.callResource(url)),

    signOut: () => withFlows('revocation', (loaded) => loaded.signOut()),

    async completeSignOut(returnedState) {
      const expected = deps.markers.takePendingSignOut()
      if (expected === undefined) return
      await withFlows('end-session', (loaded) => {
        loaded.completeSignOut(returnedState === expected)
        return Promise.resolve()
      })
    },

    forget(notice) {
      forgetEverything()
      if (flows) flows.timeline.clear()
      else deps.timelineStorage.removeItem(TIMELINE_KEY)
      deps.pendingAuthorizations.discard()
      deps.markers.clearPendingSignOut()
      set(notice === undefined ? signedOut : { status: 'signed-out', notice })
    },

    discardAbandonedSignIn() {
      if (!deps.pendingAuthorizations.has() && state.status !== 'redirecting') return
      deps.pendingAuthorizations.discard()
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
