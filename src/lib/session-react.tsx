/**
 * The one bridge between the framework-free session and React: a context that holds the session and a
 * hook that subscribes to its state with useSyncExternalStore.
 */
import { createContext, useContext, useSyncExternalStore } from 'react'
import type { ReactNode } from 'react'

import type { ProviderCheckRun, Session, SessionState, TimelineEntry } from '../session'

const SessionContext = createContext<Session | undefined>(undefined)

export function SessionProvider(props: { session: Session; children: ReactNode }) {
  return <SessionContext value={props.session}>{props.children}</SessionContext>
}

/** The session object, for actions (signIn, signOut, …). */
export function useSessionActions(): Session {
  const session = useContext(SessionContext)
  if (!session) {
    throw new Error('useSession and useSessionActions must be used inside <SessionProvider>')
  }
  return session
}

/** The current session state; re-renders when it changes. */
export function useSession(): SessionState {
  const session = useSessionActions()
  return useSyncExternalStore(session.subscribe, session.getSnapshot)
}

/** The steps of the run so far; re-renders when one is added or changes. */
export function useTimeline(): readonly TimelineEntry[] {
  const session = useSessionActions()
  return useSyncExternalStore(session.subscribe, session.getTimeline)
}

/** What the provider check is doing; re-renders when that changes. */
export function useProviderCheck(): ProviderCheckRun {
  const session = useSessionActions()
  return useSyncExternalStore(session.subscribe, session.getProviderCheck)
}
