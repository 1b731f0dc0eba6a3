import { describe, expect, it } from 'vitest'

import { createSingleFlight } from '../../../src/session/single-flight'
import { flushPromises } from '../../support/fake-clock'

function deferred<T>() {
  let resolve!: (value: T) => void
  let reject!: (reason: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

describe('createSingleFlight', () => {
  it('runs the task once for concurrent callers, who all get the same result', async () => {
    const gate = deferred<string>()
    let runs = 0
    const flight = createSingleFlight(() => {
      runs += 1
      return gate.promise
    })

    const calls = Array.from({ length: 5 }, () => flight.run())
    expect(runs).toBe(1)
    expect(flight.inFlight).toBe(true)
    expect(new Set(calls).size).toBe(1)

    gate.resolve('tokens-1')
    expect(await Promise.all(calls)).toEqual(Array(5).fill('tokens-1'))
    expect(flight.inFlight).toBe(false)
  })

  it('starts a new run once the previous one has settled', async () => {
    let runs = 0
    const flight = createSingleFlight(() => {
      runs += 1
      return Promise.resolve(`tokens-${runs}`)
    })

    expect(await flight.run()).toBe('tokens-1')
    expect(await flight.run()).toBe('tokens-2')
    expect(runs).toBe(2)
  })

  it('shares a rejection with every caller and does not poison the next run', async () => {
    const gate = deferred<string>()
    const invalidGrant = new Error('invalid_grant')
    let runs = 0
    const flight = createSingleFlight(() => {
      runs += 1
      return runs === 1 ? gate.promise : Promise.resolve('tokens-2')
    })

    const calls = Array.from({ length: 3 }, () => flight.run())
    gate.reject(invalidGrant)
    const results = await Promise.allSettled(calls)
    expect(results).toEqual(Array(3).fill({ status: 'rejected', reason: invalidGrant }))
    expect(flight.inFlight).toBe(false)

    expect(await flight.run()).toBe('tokens-2')
    expect(runs).toBe(2)
  })

  it('turns a synchronous throw into a shared rejection and recovers from it', async () => {
    let runs = 0
    const flight = createSingleFlight(() => {
      runs += 1
      if (runs === 1) throw new TypeError('bad request')
      return Promise.resolve('tokens-2')
    })

    await expect(flight.run()).rejects.toThrow('bad request')
    await flushPromises()
    expect(flight.inFlight).toBe(false)
    expect(await flight.run()).toBe('tokens-2')
  })

  it('is not in flight before the first run', () => {
    const flight = createSingleFlight(() => Promise.resolve(1))
    expect(flight.inFlight).toBe(false)
  })
})
