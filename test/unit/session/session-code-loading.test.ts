/**
 * The session's flows load on first use (src/session/session-flows.ts, with the protocol layer). When
 * the browser cannot fetch that code (offline, or the site was deployed anew since the page opened),
 * the step that needed it says so, nothing of the sign-in is kept, and a later attempt fetches again.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'

import { PENDING_AUTHORIZATION_KEY } from '../../../src/session/pending-authorization-store'
import type { SessionState } from '../../../src/session'
import { createFakeProvider } from '../../support/fake-provider'
import { testSessionDeps, testSignInRequest } from '../../support/session-deps'
import { MemoryStorage } from '../../support/memory-storage'

const FLOWS = '../../../src/session/session-flows'

/** Fails to fetch the flows' code `failures` times, then serves the real module. */
function flowsUnavailable(failures: number): void {
  let left = failures
  vi.doMock(FLOWS, async () => {
    if (left > 0) {
      left -= 1
      throw new TypeError('Failed to fetch dynamically imported module')
    }
    return vi.importActual(FLOWS)
  })
}

async function setup() {
  vi.resetModules()
  // Imported anew after the mock, so this session loads its flows through it.
  const { createSession } = await import('../../../src/session')
  const op = await createFakeProvider()
  const storage = new MemoryStorage()
  const navigations: string[] = []
  const session = createSession(testSessionDeps({ fetch: op.fetch, storage, navigations }))
  const request = testSignInRequest(op, { scope: 'openid', extraParams: [] })
  return { op, storage, navigations, session, request }
}

function failure(state: SessionState) {
  if (state.status !== 'signed-out' || !state.error) throw new Error(`no error: ${state.status}`)
  return state.error
}

afterEach(() => {
  vi.doUnmock(FLOWS)
  vi.resetModules()
})

describe('a session whose flows cannot be fetched', () => {
  it('says so at the step that needed them, sends nobody anywhere and keeps nothing', async () => {
    flowsUnavailable(1)
    const { session, storage, navigations, request } = await setup()
    await session.signIn(request)
    const error = failure(session.getSnapshot())
    expect(error.code).toBe('app_code_unavailable')
    expect(error.step).toBe('discovery')
    expect(error.check).toBe('the code of the flows loaded')
    expect(navigations).toEqual([])
    expect(storage.length).toBe(0)
  })

  it('uses up the pending authorization of a callback anyway, so the code is never exchanged later', async () => {
    // A first page starts the sign-in with the real flows…
    const first = await setup()
    await first.session.signIn(first.request)
    const target = first.navigations.at(-1)
    if (target === undefined) throw new Error('no redirect to the provider')
    const callback = first.op.authorize(target)
    const pending = first.storage.getItem(PENDING_AUTHORIZATION_KEY)
    expect(pending).toContain('codeVerifier')

    // …and the page the provider sends back to cannot fetch them.
    flowsUnavailable(1)
    const back = await setup()
    back.storage.setItem(PENDING_AUTHORIZATION_KEY, pending ?? '')
    await back.session.completeSignIn(callback)
    const error = failure(back.session.getSnapshot())
    expect(error.code).toBe('app_code_unavailable')
    expect(error.step).toBe('authorization-response')
    expect(back.storage.length).toBe(0)
  })

  it('fetches them again on the next attempt', async () => {
    flowsUnavailable(1)
    const { session, navigations, request } = await setup()
    await session.signIn(request)
    expect(failure(session.getSnapshot()).code).toBe('app_code_unavailable')
    await session.signIn(request)
    expect(session.getSnapshot().status).toBe('redirecting')
    expect(navigations).toHaveLength(1)
  })
})
