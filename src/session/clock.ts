/**
 * Time, passed in rather than read from a global, so that tests control it and the token lifecycle
 * never calls Date.now() or setTimeout behind anyone's back.
 */

export interface Clock {
  /** Epoch milliseconds. */
  now(): number
}

/** A timer handle; only the clock that armed it knows what `id` is. */
export interface ClockTimer {
  readonly id: unknown
}

/** A clock that can also arm timers, for the refresh scheduler; reading the time needs only Clock. */
export interface TimerClock extends Clock {
  setTimeout(callback: () => void, ms: number): ClockTimer
  clearTimeout(timer: ClockTimer): void
}

export const systemClock: TimerClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => ({ id: globalThis.setTimeout(callback, ms) }),
  clearTimeout: (timer) => {
    globalThis.clearTimeout(timer.id as ReturnType<typeof globalThis.setTimeout>)
  },
}

export function epochSeconds(clock: Clock): number {
  return Math.floor(clock.now() / 1000)
}
