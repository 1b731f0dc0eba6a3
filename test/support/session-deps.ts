/**
 * What a session needs, for tests in Node: the fake provider's fetch, Web Storage stand-ins, a fake
 * clock, a list that records where the session sent the browser, and the flows' code at hand.
 */
import { createPendingAuthorizationStore, createSession, createTabMarkers } from '../../src/session'
import type { Session, SessionDeps, SignInRequest, TimerClock } from '../../src/session'
import { createSessionFlows } from '../../src/session/session-flows'
import { createFakeClock } from './fake-clock'
import { MemoryStorage } from './memory-storage'

export const TEST_APP = 'https://app.example'

export function testSessionDeps(options: {
  fetch: typeof fetch
  /** Where the pending authorization and the tab's markers go. */
  storage: Storage
  navigations: string[]
  timelineStorage?: Storage
  clock?: TimerClock
}): SessionDeps {
  return {
    http: { appOrigin: TEST_APP, fetch: options.fetch },
    pendingAuthorizations: createPendingAuthorizationStore(options.storage),
    markers: createTabMarkers(options.storage),
    timelineStorage: options.timelineStorage ?? new MemoryStorage(),
    clock: options.clock ?? createFakeClock(),
    navigate: (url) => options.navigations.push(url),
    postLogoutRedirectUri: `${TEST_APP}/`,
    loadFlows: () => Promise.resolve(createSessionFlows),
  }
}

/** A sign-in at `provider` back to the test app's callback; `change` names what this test does differently. */
export function testSignInRequest(
  provider: { issuer: string; clientId: string },
  change: Partial<SignInRequest> = {},
): SignInRequest {
  return {
    issuer: provider.issuer,
    clientId: provider.clientId,
    scope: 'openid profile offline_access',
    extraParams: [['prompt', 'consent']],
    redirectUri: `${TEST_APP}/callback`,
    ...change,
  }
}

/** A session for pages that need one but whose test sends nothing: every request fails. */
export function offlineSession(): Session {
  return createSession(
    testSessionDeps({
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
      storage: new MemoryStorage(),
      navigations: [],
    }),
  )
}
