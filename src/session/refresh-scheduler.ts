/**
 * Decides when the access token is refreshed: one timer per plan, a re-check on wake, bounded
 * retries with backoff. It never sees the session or its tokens and never reads window or document:
 * time comes from the injected TimerClock and the refresh itself is a function passed in.
 */
import type { ClockTimer, TimerClock } from './clock'

export type RefreshTrigger = 'timer' | 'wake' | 'retry'

export interface RefreshRetry {
  /** 1 for the first retry after a failure. */
  attempt: number
  /** Epoch seconds (fractional) at which the retry is planned. */
  at: number
  /** The transient failure being retried. */
  error: unknown
}

export interface RefreshSchedulerOptions {
  clock: TimerClock
  /** One refresh; the caller single-flights it. Resolves on success, rejects with the error. */
  refresh: (trigger: RefreshTrigger) => Promise<void>
  /** True for failures worth retrying: network errors, timeouts, 5xx. False ends the session. */
  isTransient: (error: unknown) => boolean
  /** Called once when the scheduler gives up: a permanent error, or transient ones past the retry budget. */
  onGiveUp: (error: unknown) => void
  /** Called whenever nextRefreshAt / retry state changes, so the session can publish it. */
  onChange?: () => void
  /** Retries after transient failures before giving up; default 4. */
  maxRetries?: number
  /** Delay before retry `attempt` (from 1); default 2 s, 4 s, 8 s, 16 s, then 30 s at most. */
  backoffMs?: (attempt: number) => number
}

export interface RefreshScheduler {
  /**
   * Plans the next refresh for an access token expiring at `expiresAt` (epoch seconds) that lived
   * `lifetimeSeconds`. Replaces any plan, forgets any refresh in progress and resets retries.
   * After a successful refresh nothing is planned until the caller schedules the new token.
   */
  schedule(expiresAt: number, lifetimeSeconds: number): void
  /** Cancels everything (sign-out, auto-refresh switched off, session ended). */
  stop(): void
  /**
   * Re-checks now; call it on visibilitychange and online. If the planned time has passed, refreshes
   * at once with trigger 'wake'; otherwise re-arms the timer for the remaining time.
   */
  check(): void
  /** Epoch seconds (fractional) of the next planned refresh or retry; undefined when none is planned. */
  readonly nextRefreshAt: number | undefined
  /** Set while retrying after a transient failure. */
  readonly retry: RefreshRetry | undefined
}

const MAX_LEAD_SECONDS = 60
const MIN_LEAD_SECONDS = 1
const DEFAULT_MAX_RETRIES = 4
const MAX_BACKOFF_MS = 30_000
/**
 * Browsers (WebIDL `long`) and Node fire a timer at once when its delay exceeds 2^31-1 ms (about
 * 24.8 days), so longer waits are split: the timer wakes early, sees it is early and re-arms.
 */
const MAX_TIMER_DELAY_MS = 2_147_483_647
/**
 * No two refreshes started by the scheduler are closer than this. A plan that is already due after
 * a successful refresh (expires_in 0, or an `exp` from a provider whose clock runs behind) would
 * otherwise refresh again at once, every time.
 */
const MIN_REFRESH_GAP_MS = 1_000

/**
 * How long before expiry to refresh: a quarter of the token's lifetime, at most 60 s. A fixed lead
 * longer than the lifetime refreshes in a loop (oidc-client-ts defaults to 60 s, so a 20 s token is
 * already "expiring" when it arrives). The 1 s floor covers expiries known only to the second, but
 * stays below half the lifetime so that the lead is always shorter than the token's life.
 */
export function refreshLeadSeconds(lifetimeSeconds: number): number {
  if (Number.isNaN(lifetimeSeconds) || lifetimeSeconds <= 0) return 0
  const floor = Math.min(MIN_LEAD_SECONDS, lifetimeSeconds / 2)
  return Math.min(MAX_LEAD_SECONDS, Math.max(lifetimeSeconds / 4, floor))
}

function defaultBackoffMs(attempt: number): number {
  return Math.min(2_000 * 2 ** (attempt - 1), MAX_BACKOFF_MS)
}

/**
 * Plans refreshes of the access token (the refresh-token grant itself is the caller's `refresh`).
 * There is never more than one timer armed and never more than one refresh of its own in progress.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-6
 */
export function createRefreshScheduler(options: RefreshSchedulerOptions): RefreshScheduler {
  const { clock } = options
  const maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES
  const backoffMs = options.backoffMs ?? defaultBackoffMs

  // Bumped by schedule() and stop(): a refresh that settles under an older generation is ignored,
  // so a sign-out or a new token cannot be followed by a stale retry or give-up.
  let generation = 0
  let timer: ClockTimer | undefined
  let dueAtMs: number | undefined
  let dueTrigger: 'timer' | 'retry' = 'timer'
  let failures = 0
  let retry: RefreshRetry | undefined
  let lastStartMs = Number.NEGATIVE_INFINITY

  function changed(): void {
    options.onChange?.()
  }

  function disarm(): void {
    if (timer === undefined) return
    clock.clearTimeout(timer)
    timer = undefined
  }

  function reset(): void {
    generation += 1
    disarm()
    dueAtMs = undefined
    failures = 0
    retry = undefined
  }

  function arm(): void {
    disarm()
    if (dueAtMs === undefined) return
    const delay = Math.min(Math.max(dueAtMs - clock.now(), 0), MAX_TIMER_DELAY_MS)
    timer = clock.setTimeout(fire, delay)
  }

  function plan(atMs: number, trigger: 'timer' | 'retry'): number {
    const due = Math.max(atMs, lastStartMs + MIN_REFRESH_GAP_MS)
    dueAtMs = due
    dueTrigger = trigger
    arm()
    return due
  }

  function fire(): void {
    timer = undefined
    if (dueAtMs === undefined) return
    // Timers run on their own clock: when the wall clock was set back, this one fires early.
    if (clock.now() < dueAtMs) arm()
    else start(dueTrigger)
  }

  function start(trigger: RefreshTrigger): void {
    disarm()
    dueAtMs = undefined
    lastStartMs = clock.now()
    void run(trigger, generation)
    changed()
  }

  async function run(trigger: RefreshTrigger, started: number): Promise<void> {
    try {
      await options.refresh(trigger)
    } catch (error) {
      if (started === generation) failed(error)
      return
    }
    if (started !== generation) return
    failures = 0
    retry = undefined
    changed()
  }

  function failed(error: unknown): void {
    if (options.isTransient(error) && failures < maxRetries) {
      failures += 1
      const delay = backoffMs(failures)
      const due = plan(clock.now() + (Number.isFinite(delay) && delay > 0 ? delay : 0), 'retry')
      retry = { attempt: failures, at: due / 1000, error }
      changed()
      return
    }
    reset()
    changed()
    options.onGiveUp(error)
  }

  return {
    schedule(expiresAt, lifetimeSeconds) {
      if (!Number.isFinite(expiresAt)) {
        throw new TypeError(`expiresAt must be epoch seconds, got ${String(expiresAt)}`)
      }
      reset()
      plan((expiresAt - refreshLeadSeconds(lifetimeSeconds)) * 1000, 'timer')
      changed()
    },
    stop() {
      reset()
      changed()
    },
    check() {
      // Nothing is planned while the scheduler's own refresh is in progress, so this also keeps a
      // wake during that refresh from starting a second one.
      if (dueAtMs === undefined) return
      // A timer can be late or frozen while the device sleeps (oidc-client-ts src/utils/Timer.ts),
      // so the wall clock decides, not whether the timer has fired.
      if (clock.now() >= dueAtMs) start('wake')
      else arm()
    },
    get nextRefreshAt() {
      return dueAtMs === undefined ? undefined : dueAtMs / 1000
    },
    get retry() {
      return retry
    },
  }
}
