/** The token lifecycle's public surface, for the React adapter and the composition root. */
export { epochSeconds, systemClock } from './clock'
export type { Clock, ClockTimer, TimerClock } from './clock'
export {
  createPendingAuthorizationStore,
  PENDING_AUTHORIZATION_KEY,
} from './pending-authorization-store'
export type { PendingAuthorizationStore } from './pending-authorization-store'
export { refreshLeadSeconds } from './refresh-scheduler'
export { createSession } from './session'
export type { Session, SessionDeps, SignInRequest } from './session'
export type { ProviderCheckRun } from './provider-check'
export type {
  ApiCall,
  RefreshRecord,
  RefreshTrigger,
  RenewalStrategy,
  SessionState,
  SignedIn,
  SignOutReport,
} from './session-state'
export { createFlowTimeline, TIMELINE_KEY } from './flow-timeline'
export { NOT_KEPT } from './stored-copy'
export type {
  CheckOutcome,
  FlowTimeline,
  TimelineCheck,
  TimelineEntry,
  TimelineStepKind,
} from './flow-timeline'
export type { PendingSignIn } from './pending-authorization-store'
export { secretsOf } from './timeline-recorder'
export { createTabMarkers, PENDING_SIGN_OUT_KEY, SESSION_HINT_KEY } from './tab-markers'
export type { SessionHint, TabMarkers } from './tab-markers'
