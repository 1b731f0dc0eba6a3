/** The token lifecycle's public surface, for the React adapter and the composition root. */
export { epochSeconds, systemClock } from './clock'
export type { Clock } from './clock'
export {
  createPendingAuthorizationStore,
  PENDING_AUTHORIZATION_KEY,
} from './pending-authorization-store'
export type { PendingAuthorizationStore } from './pending-authorization-store'
export { createSession } from './session'
export type { Session, SessionDeps, SignInRequest } from './session'
export type { SessionState, SignedIn } from './session-state'
