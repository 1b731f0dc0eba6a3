/**
 * The provider check's hand-over of a sign-in, against the in-process provider: the page signs out at
 * once, the check runs on authorizations of its own, every token it held is revoked before the
 * sign-out step, and the sign-out ends the provider session, which the check then confirms.
 */
import { describe, expect, it } from 'vitest'

import { createSession, SESSION_HINT_KEY } from '../../../src/session'
import type { ProviderCheckRun, Session } from '../../../src/session'
import { createFakeProvider } from '../../support/fake-provider'
import { MemoryStorage } from '../../support/memory-storage'
import { testSessionDeps, testSignInRequest } from '../../support/session-deps'

/** Resolves with the provider check's run once `done` says it is settled. */
function settled(session: Session, done: (run: ProviderCheckRun) => boolean) {
  return new Promise<ProviderCheckRun>((resolve) => {
    const look = () => {
      const run = session.getProviderCheck()
      if (done(run)) {
        unsubscribe()
        resolve(run)
      }
    }
    const unsubscribe = session.subscribe(look)
    look()
  })
}

describe('the provider check with a sign-in', () => {
  it('signs this page out at once, revokes every token it held, and ends with the provider session over', async () => {
    const op = await createFakeProvider()
    const storage = new MemoryStorage()
    const navigations: string[] = []
    const session = createSession({
      ...testSessionDeps({ fetch: op.fetch, storage, navigations }),
      silentFrame: (url) => Promise.resolve(op.authorize(url)),
      providerWindow: (url) => {
        const back = op.endSession(url)
        return back ? Promise.resolve(back) : Promise.reject(new Error('no way back'))
      },
    })
    await session.signIn(testSignInRequest(op))
    await session.completeSignIn(op.authorize(navigations.at(-1) ?? ''))
    const signedIn = session.getSnapshot()
    if (signedIn.status !== 'signed-in') throw new Error(`not signed in: ${signedIn.status}`)
    const { access_token: accessToken, refresh_token: refreshToken } = signedIn.tokens
    expect(storage.getItem(SESSION_HINT_KEY)).not.toBeNull()

    session.checkProviderWithSignIn()
    // Handed over: nothing of the sign-in is left on this page, whatever the check does next.
    const handedOver = session.getSnapshot()
    expect(handedOver.status).toBe('signed-out')
    expect(handedOver.status === 'signed-out' && handedOver.notice).toContain('provider check')
    expect(storage.getItem(SESSION_HINT_KEY)).toBeNull()
    expect(session.getTimeline()).toHaveLength(0)

    const waiting = await settled(session, (run) => run.status !== 'running')
    if (waiting.status !== 'sign-out-next') throw new Error(`not waiting: ${waiting.status}`)
    const outcome = (id: string) => waiting.report.checks.find((check) => check.id === id)?.outcome
    expect(outcome('code-exchange')).toBe('pass')
    expect(outcome('pkce-wrong-verifier')).toBe('pass')
    expect(outcome('end-session-return')).toBe('not-checked')
    // Every token the check was given or got is dead before the user is asked to sign out.
    for (const token of [accessToken, refreshToken]) {
      expect(token === undefined || op.isActive(token)).toBe(false)
    }
    for (const grant of op.grants()) expect(grant.revoked).toBe(true)
    // The check's requests are its own: none of them went to this page's timeline.
    expect(session.getTimeline()).toHaveLength(0)

    await session.finishProviderCheck()
    const done = session.getProviderCheck()
    if (done.status !== 'done') throw new Error(`not done: ${done.status}`)
    const final = (id: string) => done.report.checks.find((check) => check.id === id)?.outcome
    expect(final('end-session-return')).toBe('pass')
    expect(final('session-ended')).toBe('pass')
    expect(session.getSnapshot().status).toBe('signed-out')
  })
})
