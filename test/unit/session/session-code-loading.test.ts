/**
 * The session's flows come with the page's second chunk (session.ts, `loadFlows`). When the browser
 * cannot fetch it (offline, or the site was deployed anew since the page opened), the step that
 * needed it says so, nothing of the sign-in is kept or started, and a later attempt fetches again.
 */
import { describe, expect, it } from 'vitest'

import { createSession } from '../../../src/session'
import { createSessionFlows } from '../../../src/session/session-flows'
import { createFakeProvider } from '../../support/fake-provider'
import { MemoryStorage } from '../../support/memory-storage'
import { testSessionDeps, testSignInRequest } from '../../support/session-deps'

async function setup(failures: number) {
  const op = await createFakeProvider()
  const storage = new MemoryStorage()
  const navigations: string[] = []
  let left = failures
  let fetches = 0
  const session = createSession({
    ...testSessionDeps({ fetch: op.fetch, storage, navigations }),
    loadFlows: () => {
      fetches += 1
      if (left === 0) return Promise.resolve(createSessionFlows)
      left -= 1
      return Promise.reject(new TypeError('Failed to fetch dynamically imported module'))
    },
  })
  const request = testSignInRequest(op, { scope: 'openid', extraParams: [] })
  return { op, storage, navigations, session, request, fetches: () => fetches }
}

describe('a session whose flows cannot be fetched', () => {
  it('says so, sends nobody anywhere and keeps nothing', async () => {
    const { session, storage, navigations, request, op } = await setup(1)

    await session.signIn(request)

    const state = session.getSnapshot()
    expect(state.status).toBe('signed-out')
    expect(state.status === 'signed-out' && state.notice).toMatch(
      /could not fetch the code for this step/,
    )
    expect(navigations).toEqual([])
    expect(storage.length).toBe(0)
    expect(op.requests).toHaveLength(0)
  })

  it('fetches the code again on the next attempt, and then signs in', async () => {
    const { session, navigations, request, fetches } = await setup(1)

    await session.signIn(request)
    await session.signIn(request)

    expect(fetches()).toBe(2)
    expect(session.getSnapshot().status).toBe('redirecting')
    expect(navigations).toHaveLength(1)
  })
})
