import { describe, expect, it } from 'vitest'

import { epochSeconds } from '../../../src/session/clock'
import { createRefreshScheduler, refreshLeadSeconds } from '../../../src/session/refresh-scheduler'
import type {
  RefreshScheduler,
  RefreshSchedulerOptions,
  RefreshTrigger,
} from '../../../src/session/refresh-scheduler'
import { createFakeClock } from '../../support/fake-clock'
import type { FakeClock } from '../../support/fake-clock'

const T0 = 1_700_000_000_000
const T0_SECONDS = T0 / 1000
const DAY_SECONDS = 86_400

function deferred() {
  let resolve!: () => void
  let reject!: (reason: unknown) => void
  const promise = new Promise<void>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

/** fetch() rejects with a TypeError when the network fails: the transient case. */
function networkError(): TypeError {
  return new TypeError('Failed to fetch')
}

function invalidGrant(): Error {
  return Object.assign(new Error('The refresh token is invalid or expired'), {
    error: 'invalid_grant',
  })
}

interface Call {
  trigger: RefreshTrigger
  /** Wall-clock milliseconds since T0 when refresh() was called. */
  atMs: number
}

type Respond = (trigger: RefreshTrigger, context: Harness) => Promise<void>

interface Harness {
  clock: FakeClock
  scheduler: RefreshScheduler
  calls: Call[]
  giveUps: unknown[]
  /** nextRefreshAt and retry attempt as seen by onChange, in order. */
  published: { next: number | undefined; attempt: number | undefined }[]
  /** What the session does after a successful refresh: schedule the new token. */
  reschedule: (lifetimeSeconds: number) => void
}

function setup(
  respond: Respond = () => Promise.resolve(),
  overrides: Partial<RefreshSchedulerOptions> = {},
): Harness {
  const clock = createFakeClock(T0)
  const calls: Call[] = []
  const giveUps: unknown[] = []
  const published: Harness['published'] = []
  const harness = {} as Harness
  const scheduler = createRefreshScheduler({
    clock,
    refresh: (trigger) => {
      calls.push({ trigger, atMs: clock.now() - T0 })
      return respond(trigger, harness)
    },
    isTransient: (error) => error instanceof TypeError,
    onGiveUp: (error) => giveUps.push(error),
    onChange: () => {
      published.push({ next: scheduler.nextRefreshAt, attempt: scheduler.retry?.attempt })
    },
    ...overrides,
  })
  Object.assign(harness, {
    clock,
    scheduler,
    calls,
    giveUps,
    published,
    reschedule: (lifetimeSeconds: number) => {
      scheduler.schedule(epochSeconds(clock) + lifetimeSeconds, lifetimeSeconds)
    },
  })
  return harness
}

/** A refresh that succeeds after a round trip, as the session's does, and schedules the new token. */
function succeedWithNewToken(lifetimeSeconds: number): Respond {
  return async (_trigger, { reschedule }) => {
    await Promise.resolve()
    reschedule(lifetimeSeconds)
  }
}

function times(calls: Call[]): number[] {
  return calls.map((call) => call.atMs)
}

describe('refreshLeadSeconds', () => {
  it.each([
    [5, 1.25],
    [20, 5],
    [240, 60],
    [3600, 60],
    [DAY_SECONDS, 60],
    [0, 0],
    [-30, 0],
    [Number.NaN, 0],
    [1, 0.5],
    [2, 1],
    [4, 1],
  ])('a %s s token is refreshed %s s before it expires', (lifetime, lead) => {
    expect(refreshLeadSeconds(lifetime)).toBe(lead)
  })

  it('is shorter than the lifetime and at most 60 s for every lifetime from 1 s to 24 h', () => {
    const wrong: number[] = []
    for (let lifetime = 1; lifetime <= DAY_SECONDS; lifetime++) {
      const lead = refreshLeadSeconds(lifetime)
      if (!(lead < lifetime && lead <= 60 && lead > 0)) wrong.push(lifetime)
    }
    expect(wrong).toEqual([])
  })
})

describe('createRefreshScheduler', () => {
  it('refreshes a 20 s token every 15 s: 4 refreshes in a minute, not 59', async () => {
    const { clock, scheduler, calls, reschedule } = setup(succeedWithNewToken(20))
    reschedule(20)
    expect(scheduler.nextRefreshAt).toBe(T0_SECONDS + 15)

    await clock.advance(14_999)
    expect(calls).toEqual([])
    await clock.advance(60_000 - 14_999)

    expect(times(calls)).toEqual([15_000, 30_000, 45_000, 60_000])
    expect(calls.every((call) => call.trigger === 'timer')).toBe(true)
    expect(clock.pending()).toBe(1)
    expect(scheduler.nextRefreshAt).toBe(T0_SECONDS + 75)
  })

  it('refreshes a 1 h token 60 s before it expires', async () => {
    const { clock, calls, reschedule } = setup()
    reschedule(3600)

    await clock.advance(3_539_999)
    expect(calls).toEqual([])
    await clock.advance(1)
    expect(times(calls)).toEqual([3_540_000])
  })

  it('waits out a plan longer than a timer can hold (setTimeout fires at once past 2^31-1 ms)', async () => {
    const { clock, scheduler, calls, reschedule } = setup()
    reschedule(30 * DAY_SECONDS)

    await clock.advance(29 * DAY_SECONDS * 1000)
    expect(calls).toEqual([])
    expect(clock.pending()).toBe(1)
    await clock.advance(DAY_SECONDS * 1000)
    expect(times(calls)).toEqual([(30 * DAY_SECONDS - 60) * 1000])
    expect(scheduler.nextRefreshAt).toBeUndefined()
  })

  it('leaves nothing planned after a success the caller does not follow with schedule()', async () => {
    const { clock, scheduler, calls, reschedule } = setup()
    reschedule(20)

    await clock.advance(15_000)
    expect(calls).toHaveLength(1)
    expect(scheduler.nextRefreshAt).toBeUndefined()
    expect(clock.pending()).toBe(0)
    await clock.advance(600_000)
    expect(calls).toHaveLength(1)
  })

  describe('check()', () => {
    it('after a sleep past expiry, refreshes once with trigger "wake", and once only', async () => {
      const pending = deferred()
      const { clock, scheduler, calls, reschedule } = setup(() => pending.promise)
      reschedule(20)

      await clock.advance(5_000)
      clock.jump(3_600_000)
      expect(calls).toEqual([])
      expect(clock.pending()).toBe(1)

      scheduler.check()
      expect(calls).toEqual([{ trigger: 'wake', atMs: 3_605_000 }])
      expect(clock.pending()).toBe(0)

      scheduler.check()
      await clock.advance(30_000)
      scheduler.check()
      expect(calls).toHaveLength(1)

      pending.resolve()
      reschedule(20)
      await clock.flush()
      expect(clock.pending()).toBe(1)
      expect(scheduler.nextRefreshAt).toBe(epochSeconds(clock) + 15)
    })

    it('before the due time, does not refresh and keeps one timer armed', async () => {
      const { clock, scheduler, calls, reschedule } = setup()
      reschedule(20)

      await clock.advance(10_000)
      scheduler.check()
      scheduler.check()
      expect(calls).toEqual([])
      expect(clock.pending()).toBe(1)
      expect(scheduler.nextRefreshAt).toBe(T0_SECONDS + 15)

      await clock.advance(5_000)
      expect(calls).toEqual([{ trigger: 'timer', atMs: 15_000 }])
      await clock.advance(60_000)
      expect(calls).toHaveLength(1)
    })

    it('after a short sleep, re-arms for the time left on the wall clock', async () => {
      const { clock, scheduler, calls, reschedule } = setup()
      reschedule(20)

      await clock.advance(5_000)
      clock.jump(5_000)
      scheduler.check()
      await clock.advance(4_999)
      expect(calls).toEqual([])
      await clock.advance(1)
      expect(calls).toEqual([{ trigger: 'timer', atMs: 15_000 }])
    })

    it('does nothing when nothing is planned', async () => {
      const { clock, scheduler, calls, reschedule } = setup()
      scheduler.check()
      reschedule(20)
      scheduler.stop()
      scheduler.check()
      await clock.advance(600_000)
      expect(calls).toEqual([])
      expect(clock.pending()).toBe(0)
    })
  })

  it('re-arms instead of refreshing when its timer fires early because the clock was set back', async () => {
    const { clock, calls, reschedule } = setup()
    reschedule(20)

    clock.jump(-10_000)
    await clock.advance(15_000)
    expect(calls).toEqual([])
    expect(clock.pending()).toBe(1)
    await clock.advance(10_000)
    expect(calls).toEqual([{ trigger: 'timer', atMs: 15_000 }])
  })

  it('retries transient failures after 2, 4, 8 and 16 s, then gives up once', async () => {
    const error = networkError()
    const { clock, scheduler, calls, giveUps, published, reschedule } = setup(() =>
      Promise.reject(error),
    )
    reschedule(20)

    await clock.advance(15_000)
    expect(times(calls)).toEqual([15_000])
    expect(scheduler.retry).toEqual({ attempt: 1, at: T0_SECONDS + 17, error })
    expect(scheduler.nextRefreshAt).toBe(T0_SECONDS + 17)

    await clock.advance(1_999)
    expect(calls).toHaveLength(1)
    await clock.advance(1)
    expect(calls).toHaveLength(2)

    await clock.advance(600_000)
    expect(times(calls)).toEqual([15_000, 17_000, 21_000, 29_000, 45_000])
    expect(calls.map((call) => call.trigger)).toEqual(['timer', 'retry', 'retry', 'retry', 'retry'])
    expect(giveUps).toEqual([error])
    expect(scheduler.retry).toBeUndefined()
    expect(scheduler.nextRefreshAt).toBeUndefined()
    expect(clock.pending()).toBe(0)
    expect(published.map((state) => state.attempt).filter((attempt) => attempt)).toEqual([
      1, 1, 2, 2, 3, 3, 4, 4,
    ])
    expect(published.at(-1)).toEqual({ next: undefined, attempt: undefined })
  })

  it('recovers when a retry succeeds: no give-up, retry state cleared', async () => {
    let failuresLeft = 2
    const { clock, scheduler, calls, giveUps, reschedule } = setup(() => {
      if (failuresLeft === 0) return Promise.resolve()
      failuresLeft -= 1
      return Promise.reject(networkError())
    })
    reschedule(20)

    await clock.advance(17_000)
    expect(scheduler.retry?.attempt).toBe(2)
    await clock.advance(600_000)

    expect(times(calls)).toEqual([15_000, 17_000, 21_000])
    expect(giveUps).toEqual([])
    expect(scheduler.retry).toBeUndefined()
  })

  it('starts a fresh retry budget when the session schedules a new token', async () => {
    let fail = true
    const { clock, scheduler, calls, giveUps, reschedule } = setup(async (_trigger, harness) => {
      await Promise.resolve()
      if (fail) throw networkError()
      harness.reschedule(20)
    })
    reschedule(20)

    await clock.advance(29_000)
    expect(scheduler.retry?.attempt).toBe(4)
    fail = false
    await clock.advance(16_000)
    expect(scheduler.retry).toBeUndefined()

    fail = true
    await clock.advance(600_000)
    expect(times(calls).slice(5)).toEqual([60_000, 62_000, 66_000, 74_000, 90_000])
    expect(giveUps).toHaveLength(1)
  })

  it('gives up at once on a permanent error such as invalid_grant', async () => {
    const error = invalidGrant()
    const { clock, scheduler, calls, giveUps, reschedule } = setup(() => Promise.reject(error))
    reschedule(20)

    await clock.advance(15_000)
    expect(giveUps).toEqual([error])
    expect(clock.pending()).toBe(0)
    expect(scheduler.retry).toBeUndefined()
    expect(scheduler.nextRefreshAt).toBeUndefined()
    await clock.advance(600_000)
    expect(calls).toHaveLength(1)
  })

  it('gives up at once when a retry meets a permanent error', async () => {
    let call = 0
    const { clock, calls, giveUps, reschedule } = setup(() =>
      Promise.reject(++call === 1 ? networkError() : invalidGrant()),
    )
    reschedule(20)

    await clock.advance(600_000)
    expect(times(calls)).toEqual([15_000, 17_000])
    expect(giveUps).toHaveLength(1)
    expect(clock.pending()).toBe(0)
  })

  it('ignores a refresh that settles after stop(): no retry, no give-up', async () => {
    const pending = deferred()
    const { clock, scheduler, calls, giveUps, reschedule } = setup(() => pending.promise)
    reschedule(20)

    await clock.advance(15_000)
    scheduler.stop()
    pending.reject(networkError())
    await clock.advance(600_000)

    expect(calls).toHaveLength(1)
    expect(giveUps).toEqual([])
    expect(scheduler.retry).toBeUndefined()
    expect(scheduler.nextRefreshAt).toBeUndefined()
    expect(clock.pending()).toBe(0)
  })

  it('keeps a new plan when the refresh it replaced fails afterwards', async () => {
    const pending = deferred()
    const { clock, scheduler, calls, giveUps, reschedule } = setup(() => pending.promise)
    reschedule(20)

    await clock.advance(15_000)
    reschedule(20)
    pending.reject(invalidGrant())
    await clock.flush()

    expect(giveUps).toEqual([])
    expect(scheduler.nextRefreshAt).toBe(T0_SECONDS + 30)
    expect(clock.pending()).toBe(1)
    await clock.advance(15_000)
    expect(times(calls)).toEqual([15_000, 30_000])
  })

  it('never refreshes more than once a second, even when each new token is already due', async () => {
    const { clock, calls, reschedule } = setup(succeedWithNewToken(0))
    reschedule(0)

    await clock.advance(10_000)
    expect(times(calls)).toEqual([
      0, 1_000, 2_000, 3_000, 4_000, 5_000, 6_000, 7_000, 8_000, 9_000, 10_000,
    ])
  })

  it('never retries faster than once a second, whatever the backoff says', async () => {
    const { clock, calls, giveUps, reschedule } = setup(() => Promise.reject(networkError()), {
      backoffMs: () => 0,
      maxRetries: 3,
    })
    reschedule(20)

    await clock.advance(600_000)
    expect(times(calls)).toEqual([15_000, 16_000, 17_000, 18_000])
    expect(giveUps).toHaveLength(1)
  })

  it('rejects an expiry that is not a number', () => {
    const { scheduler } = setup()
    expect(() => {
      scheduler.schedule(Number.NaN, 20)
    }).toThrow(TypeError)
  })
})
