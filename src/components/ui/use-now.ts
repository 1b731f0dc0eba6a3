/**
 * The current time for what a component says about it ("expires in 4 minutes"), from the injected
 * clock, re-read on a timer so relative phrases keep moving.
 */
import { useEffect, useState } from 'react'

import { useClock } from '../../lib/clock-react'
import { epochSeconds } from '../../session'
import type { ClockTimer } from '../../session'

/**
 * The current time in epoch seconds (the unit of JWT "exp", RFC 7519 §2), re-read every
 * `intervalMs`.
 */
export function useNowSeconds(intervalMs = 1000): number {
  const clock = useClock()
  const [now, setNow] = useState(() => epochSeconds(clock))

  useEffect(() => {
    // Re-read the clock instead of adding a second per tick: timers drift and pause while a laptop
    // sleeps.
    let timer: ClockTimer
    const tick = () => {
      setNow(epochSeconds(clock))
      timer = clock.setTimeout(tick, intervalMs)
    }
    timer = clock.setTimeout(tick, intervalMs)
    return () => {
      clock.clearTimeout(timer)
    }
  }, [clock, intervalMs])

  return now
}
