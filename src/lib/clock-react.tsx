/**
 * The clock React reads, injected like the session's: the composition root passes the same clock to
 * both, and tests pass a fake one instead of faking Date. Without a provider it is the system clock.
 */
import { createContext, useContext } from 'react'
import type { ReactNode } from 'react'

import { systemClock } from '../session'
import type { TimerClock } from '../session'

const ClockContext = createContext<TimerClock>(systemClock)

export function ClockProvider(props: { clock: TimerClock; children: ReactNode }) {
  return <ClockContext value={props.clock}>{props.children}</ClockContext>
}

export function useClock(): TimerClock {
  return useContext(ClockContext)
}
