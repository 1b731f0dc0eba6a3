/**
 * The session the UI talks to: one store (the published SessionState and its listeners), which the
 * first screen needs, and the flows over it (session-flows.ts: one file per flow, sharing
 * flow-context.ts), which come with the protocol layer in the page's second chunk, through
 * `deps.loadFlows`, when a flow first runs. `npm run bench` measured what that buys: with the flows
 * in the first screen's chunk, its JS was 8 KiB gzip over budget and Lighthouse's mobile score fell
 * to 94 (total blocking time). It answers what a page needs at start: a session this tab had, a
 * sign-in that never came back, a timeline left in storage. Time, storage, fetch, frames and
 * navigation are passed in; it never touches window or document itself.
 */
import type { SilentFrame } from '../config/silent-frame'
import type {
  HttpOptions,
  KeySetLookup,
  KeySetSource,
  ProviderCheckInput,
  ResourceRequest,
} from '../oidc'
import type { TimerClock } from './clock'
import { epochSeconds } from './clock'
import { TIMELINE_KEY } from './flow-timeline'
import type { TimelineEntry } from './flow-timeline'
import type { PendingAuthorizationStore } from './pending-authorization-store'
import type { ProviderCheckRun } from './provider-check'
import type { SessionFlows } from './session-flows'
import { signedOut } from './session-state'
import type { SessionState } from './session-state'
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
  /** Push the request's parameters first (RFC 9126); done anyway when the provider requires it. */
  pushedAuthorization?: boolean
  /** Bind the tokens to a key made at the callback, with DPoP proofs (RFC 9449). */
  dpop?: boolean
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
  silentFrame?: SilentFrame
  /**
   * Opens a URL of the provider's in a window of its own, which the user acts in, and resolves with
   * the URL of this app the window came back to (closed by then); rejects when it is blocked, closed
   * first, or the signal aborts. Absent: the provider check cannot end the provider session.
   */
  providerWindow?: (url: string, signal: AbortSignal) => Promise<URL>
  /** Where the provider sends the browser after RP-initiated logout. */
  postLogoutRedirectUri: string
  /** Fetches the flows' code (session-flows.ts); may fail, offline or after a new deployment. */
  loadFlows: () => Promise<(store: SessionStore) => SessionFlows>
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
  /** Any method, URL, headers and body, with the access token as a Bearer header, or DPoP with a proof. */
  callResource: (request: ResourceRequest) => Promise<void>
  /** Revokes the tokens, forgets everything, and ends the provider session where it can. */
  signOut: () => Promise<void>
  /**
   * Every key published for an issuer (discovery, then jwks_uri) or at a key set URL, to check a
   * pasted token with. Changes nothing in the session and records nothing in its timeline.
   */
  lookUpKeySet: (source: KeySetSource) => Promise<KeySetLookup>
  /** The provider check: idle, running, waiting for the sign-out that ends it, done or failed. */
  getProviderCheck: () => ProviderCheckRun
  /** The provider check's part without a sign-in, for these settings. Changes nothing else. */
  checkProvider: (input: ProviderCheckInput) => void
  /**
   * Every part of the provider check, with the user's agreement: the sign-in is handed over to it
   * (this page signs out at once), and its tokens are spent and revoked.
   */
  checkProviderWithSignIn: () => void
  /** The provider check's last step: the provider session ended in the provider's window. */
  finishProviderCheck: () => Promise<void>
  stopProviderCheck: () => void
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
 * The flows themselves (flow-context.ts) add what they hold in memory.
 */
export interface SessionStore {
  deps: SessionDeps
  getState: () => SessionState
  set: (next: SessionState) => void
  /** Tells the subscribers that the timeline changed. */
  notify: () => void
  /** Publishes what the provider check is doing. */
  setProviderCheck: (run: ProviderCheckRun) => void
  /** Forgets the flows' state (tokens, secret, timers) and this tab's session marker. */
  forgetEverything: () => void
}

const NO_ENTRIES: readonly TimelineEntry[] = []

const FLOWS_UNAVAILABLE =
  'This page could not fetch the code for this step (offline, or the site was deployed anew since the page opened). Nothing of the sign-in was kept; check the connection and try again.'

export function createSession(deps: SessionDeps): Session {
  const hint = deps.markers.readSessionHint()
  let state: SessionState = hint ? { status: 'signed-out', restorable: hint } : signedOut
  const listeners = new Set<() => void>()
  let providerCheck: ProviderCheckRun = { status: 'idle' }

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

  function setProviderCheck(run: ProviderCheckRun): void {
    providerCheck = run
    notify()
  }

  const store: SessionStore = {
    deps,
    getState: () => state,
    set,
    notify,
    setProviderCheck,
    forgetEverything,
  }

  function loadFlows(): Promise<SessionFlows> {
    loading ??= deps.loadFlows().then(
      (create) => {
        flows = create(store)
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
  function withFlows(run: (loaded: SessionFlows) => Promise<void>): Promise<void> {
    if (flows) return run(flows)
    return loadFlows().then(run, () => {
      forgetEverything()
      set({ status: 'signed-out', notice: FLOWS_UNAVAILABLE })
    })
  }

  // A copy of the timeline from an earlier page load of this tab (the way back from the provider, a
  // reload) is shown as soon as the flows' code, which holds it, is here.
  if (deps.timelineStorage.getItem(TIMELINE_KEY) !== null) void loadFlows().catch(() => undefined)

  return {
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

    signIn: (request) => withFlows((loaded) => loaded.signIn(request)),

    restoreSilently: (request) => withFlows((loaded) => loaded.restoreSilently(request)),

    completeSignIn(callbackUrl) {
      // Taken before anything else: whatever runs this twice, only one run can hold the verifier.
      const pending = deps.pendingAuthorizations.take(epochSeconds(deps.clock))
      // From now on the page is finishing a sign-in, and says so, while the flows' code loads.
      set({ status: 'completing' })
      return withFlows((loaded) => loaded.completeSignIn(callbackUrl, pending))
    },

    provideClientSecret: (secret) => withFlows((loaded) => loaded.provideClientSecret(secret)),

    continueToProvider() {
      flows?.continueToProvider()
    },

    continueExchange: () => withFlows((loaded) => loaded.continueExchange()),

    refreshNow: () => withFlows((loaded) => loaded.refreshNow()),

    setAutoRefresh(enabled) {
      flows?.setAutoRefresh(enabled)
    },

    wake() {
      flows?.wake()
    },

    callUserInfo: () => withFlows((loaded) => loaded.callUserInfo()),

    callResource: (request) => withFlows((loaded) => loaded.callResource(request)),

    signOut: () => withFlows((loaded) => loaded.signOut()),

    lookUpKeySet: (source) => loadFlows().then((loaded) => loaded.lookUpKeySet(source)),
    getProviderCheck: () => providerCheck,

    checkProvider(input) {
      setProviderCheck({ status: 'running', doing: 'Fetching the code of the check…' })
      loadFlows().then(
        (loaded) => {
          loaded.checkProvider(input)
        },
        (error: unknown) => {
          setProviderCheck({ status: 'failed', error })
        },
      )
    },

    checkProviderWithSignIn() {
      flows?.checkProviderWithSignIn()
    },

    finishProviderCheck: () => flows?.finishProviderCheck() ?? Promise.resolve(),

    stopProviderCheck() {
      flows?.stopProviderCheck()
    },

    async completeSignOut(returnedState) {
      const signOut = deps.markers.takePendingSignOut()
      if (signOut === undefined) return
      await withFlows((loaded) => loaded.completeSignOut(signOut, returnedState))
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
          'The sign-in started earlier in this tab did not come back from the provider; it was discarded. The two usual causes: a client_id the provider does not know, or a redirect URI not registered there exactly as this app sends it. For either, the provider shows its own error page and must not send the browser back (RFC 6749 §4.1.2.1), so look at what its page said. Otherwise the provider page was left with Back or closed.',
      })
    },

    dismissMessage() {
      if (state.status === 'signed-out') set(signedOut)
    },
  }
}
