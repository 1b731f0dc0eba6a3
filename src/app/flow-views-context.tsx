/**
 * How the home page reaches the second chunk (flow-views.ts) once main.tsx has loaded it, and the one
 * rule for when it is needed. A context rather than React.lazy: a Suspense fallback, even a brief
 * one, makes React hold the content back for up to 300 ms.
 */
import { createContext, useContext } from 'react'

import type { SessionState, TimelineEntry } from '../session'
import type * as flowViews from './flow-views'

export type FlowViews = typeof flowViews

export type FlowViewsLoad =
  { status: 'not-needed-yet' | 'loading' | 'failed' } | { status: 'loaded'; views: FlowViews }

export const FlowViewsContext = createContext<FlowViewsLoad>({ status: 'not-needed-yet' })

export function useFlowViews(): FlowViewsLoad {
  return useContext(FlowViewsContext)
}

/** Whether the page has more to show than the settings form: anything a flow did or asks. */
export function needsFlowViews(state: SessionState, timeline: readonly TimelineEntry[]): boolean {
  if (state.status !== 'signed-out' || timeline.length > 0) return true
  return Boolean(state.error ?? state.signOut ?? state.restorable ?? state.notice)
}
