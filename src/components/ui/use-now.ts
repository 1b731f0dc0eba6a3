import { useEffect, useState } from 'react'

function currentEpochSeconds(): number {
  return Math.floor(Date.now() / 1000)
}

/**
 * The current time in epoch seconds (the unit of JWT "exp", RFC 7519 §2), re-read every
 * `intervalMs` so relative phrases like "in 4 minutes" keep moving.
 */
export function useNowSeconds(intervalMs = 1000): number {
  const [now, setNow] = useState(currentEpochSeconds)

  useEffect(() => {
    // Re-read the clock instead of adding a second per tick: timers drift and pause while a laptop sleeps.
    const id = setInterval(() => {
      setNow(currentEpochSeconds())
    }, intervalMs)
    return () => {
      clearInterval(id)
    }
  }, [intervalMs])

  return now
}
