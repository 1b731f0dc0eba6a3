/**
 * A TimerClock for Node tests: time moves only when a test says so, timers fire in order at their
 * due time, and promise callbacks settle between firings so async code runs as it would for real.
 */
import type { ClockTimer, TimerClock } from '../../src/session/clock'

export interface FakeClock extends TimerClock {
  /**
   * Moves time forward by `ms`, firing every timer that falls due on the way (also those armed by
   * callbacks during the advance), each at its own due time, and settling promises after each one.
   */
  advance(ms: number): Promise<void>
  /**
   * Moves the wall clock (what now() reads) by `ms`, forwards or back, without running timers or
   * moving their due times: a laptop that slept with timers frozen, or a clock set back.
   */
  jump(ms: number): void
  /** How many timers are armed. */
  pending(): number
  /** Lets every queued promise callback run. */
  flush(): Promise<void>
}

interface FakeTimer extends ClockTimer {
  readonly id: number
  /** On the timers' own (monotonic) timeline, which jump() does not move. */
  readonly dueMs: number
  readonly callback: () => void
}

/** What browsers and Node do with out-of-range delays: above 2^31-1 ms the timer fires at once. */
const MAX_DELAY_MS = 2_147_483_647
/** More firings than this in one advance() means something re-arms a timer in a loop. */
const MAX_FIRINGS_PER_ADVANCE = 10_000

function effectiveDelay(ms: number): number {
  if (!Number.isFinite(ms) || ms < 0 || ms > MAX_DELAY_MS) return 0
  return ms
}

export async function flushPromises(): Promise<void> {
  // Node drains the whole microtask queue, including callbacks queued while draining, before it
  // runs a setImmediate callback.
  await new Promise<void>((resolve) => setImmediate(resolve))
}

export function createFakeClock(startMs = 1_700_000_000_000): FakeClock {
  let monotonicMs = 0
  let wallOffsetMs = startMs
  let nextId = 1
  const timers = new Map<number, FakeTimer>()

  function nextDue(limitMs: number): FakeTimer | undefined {
    let earliest: FakeTimer | undefined
    for (const timer of timers.values()) {
      if (timer.dueMs > limitMs) continue
      // Map iteration follows insertion order, so equal due times fire in the order armed.
      if (!earliest || timer.dueMs < earliest.dueMs) earliest = timer
    }
    return earliest
  }

  return {
    now: () => monotonicMs + wallOffsetMs,
    setTimeout(callback, ms) {
      const timer: FakeTimer = {
        id: nextId++,
        dueMs: monotonicMs + effectiveDelay(ms),
        callback,
      }
      timers.set(timer.id, timer)
      return timer
    },
    clearTimeout(timer) {
      if (typeof timer.id === 'number') timers.delete(timer.id)
    },
    async advance(ms) {
      const targetMs = monotonicMs + ms
      await flushPromises()
      for (let firings = 0; ; firings++) {
        if (firings > MAX_FIRINGS_PER_ADVANCE) {
          throw new Error(`more than ${MAX_FIRINGS_PER_ADVANCE} timers fired in one advance()`)
        }
        const timer = nextDue(targetMs)
        if (!timer) break
        timers.delete(timer.id)
        monotonicMs = Math.max(monotonicMs, timer.dueMs)
        timer.callback()
        await flushPromises()
      }
      monotonicMs = targetMs
      await flushPromises()
    },
    jump(ms) {
      wallOffsetMs += ms
    },
    pending: () => timers.size,
    flush: flushPromises,
  }
}
