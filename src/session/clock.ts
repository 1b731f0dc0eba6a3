/**
 * Time, passed in rather than read from a global, so that tests control it and the token lifecycle
 * never calls Date.now() behind anyone's back.
 */

export interface Clock {
  /** Epoch milliseconds. */
  now(): number
}

export const systemClock: Clock = { now: () => Date.now() }

export function epochSeconds(clock: Clock): number {
  return Math.floor(clock.now() / 1000)
}
