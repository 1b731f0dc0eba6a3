/**
 * What every flow of the session shares: the one store (the published state, and what the flows hold
 * in memory between steps: client secret, a code waiting to be exchanged, what the sign-in asked
 * for), the timeline with its recorder, the HTTP options, and the two ways a step ends: recorded as
 * ok, or as failed with the session ended. Tokens live here in memory only, never in storage.
 */
import { asOidcError } from '../oidc'
import type { HttpOptions, OidcError, OidcStep } from '../oidc'
import { createFlowTimeline } from './flow-timeline'
import type { FlowTimeline, TimelineCheck, TimelineEntry, TimelineStepKind } from './flow-timeline'
import type { PendingSignIn } from './pending-authorization-store'
import type { SessionStore } from './session'
import type { SignedIn } from './session-state'
import { createTimelineRecorder } from './timeline-recorder'
import type { TimelineRecorder } from './timeline-recorder'

/** A code that came back and waits: for the client secret, or for the user in step-through mode. */
export interface PendingExchange {
  pending: PendingSignIn
  parameters: URLSearchParams
}

/** What the sign-in asked for, so that a silent renewal asks for the same. */
export interface AuthorizationRequestMemory {
  scope: string
  extraParams: readonly (readonly [string, string])[]
  redirectUri: string
  /** The sign-in pushed its request (RFC 9126): a silent renewal does the same. */
  pushedAuthorization: boolean
}

/** What the flows hold between steps, in memory only. */
export interface FlowMemory {
  clientSecret?: string
  pendingExchange?: PendingExchange
  authorizationRequest?: AuthorizationRequestMemory
}

/** One protocol step as a timeline entry: begun, then finished or failed. */
export interface StepEntry {
  kind: TimelineStepKind
  title: string
  /** The steps whose HTTP exchanges belong to this entry. */
  steps: readonly OidcStep[]
  extra?: Partial<Omit<TimelineEntry, 'id' | 'kind' | 'title'>>
}

export interface FlowContext extends SessionStore {
  memory: FlowMemory
  timeline: FlowTimeline
  recorder: TimelineRecorder
  http: HttpOptions
  signedIn: () => SignedIn | undefined
  /** Applies a change to the signed-in state, if the session is still signed in. */
  update: (change: (current: SignedIn) => Partial<SignedIn>) => void
  /** Ends the session with an error: nothing of it remains (see end). */
  end: (error: OidcError) => void
  /**
   * Runs `run` as one timeline entry (given its id): finished with `checks` of its result when it
   * resolves, failed with the error (as an OidcError of `step`) when it rejects, and the error thrown
   * on.
   */
  recordStep: <T>(
    entry: StepEntry,
    step: OidcStep,
    run: (entryId: string) => Promise<T>,
    checks?: {
      ok?: (result: T) => TimelineCheck[]
      failed?: (error: OidcError) => TimelineCheck[] | undefined
    },
  ) => Promise<T>
}

export function createFlowContext(store: SessionStore): FlowContext {
  const { deps } = store
  const timeline = createFlowTimeline(deps.timelineStorage, deps.clock, store.notify)
  const recorder = createTimelineRecorder(timeline)
  const memory: FlowMemory = {}
  const http: HttpOptions = {
    ...deps.http,
    now: () => deps.clock.now(),
    onExchange: (step, exchange) => {
      recorder.onExchange(step, exchange)
    },
  }

  function signedIn(): SignedIn | undefined {
    const state = store.getState()
    return state.status === 'signed-in' ? state : undefined
  }

  return {
    ...store,
    memory,
    timeline,
    recorder,
    http,
    signedIn,
    update(change) {
      const current = signedIn()
      if (current) store.set({ ...current, ...change(current) })
    },
    /**
     * A pending authorization of the attempt is deleted, and the stored copy of the timeline is
     * written again from what memory holds now.
     */
    end(error) {
      store.forgetEverything()
      deps.pendingAuthorizations.discard()
      timeline.persist()
      store.set({ status: 'signed-out', error })
    },
    async recordStep(entry, step, run, checks = {}) {
      const id = recorder.begin(entry.kind, entry.title, entry.steps, entry.extra)
      let result: Awaited<ReturnType<typeof run>>
      try {
        result = await run(id)
      } catch (caught) {
        const error = asOidcError(caught, step)
        recorder.fail(id, error, checks.failed?.(error))
        throw error
      }
      recorder.finish(id, checks.ok ? { checks: checks.ok(result) } : {})
      return result
    },
  }
}
