/**
 * Collapses concurrent calls of one async task into a single run whose promise every caller shares.
 * It does not retry, cache results or time anything out: it only keeps two runs from overlapping.
 */

export interface SingleFlight<T> {
  /** Starts the task, or joins the run already in flight. */
  run(): Promise<T>
  readonly inFlight: boolean
}

async function invoke<T>(task: () => Promise<T>): Promise<T> {
  // Inside an async function a synchronous throw becomes a rejection, so it is shared like any other.
  return await task()
}

/**
 * The refresh timer, a "Refresh now" button, a retry and a 401 from an API call must share one
 * token request: with refresh-token rotation, a second request that presents the same refresh token
 * is reuse, which makes most providers revoke the whole grant (authts/oidc-client-ts #1618, #710;
 * RFC 9700 §4.14.2).
 *
 * @see https://www.rfc-editor.org/rfc/rfc9700#section-4.14.2
 */
export function createSingleFlight<T>(task: () => Promise<T>): SingleFlight<T> {
  let current: Promise<T> | undefined

  return {
    run() {
      if (current) return current
      // `finally` callbacks always run in a later microtask, so `current` is set before it clears,
      // and a rejection clears it too: a failed run must not poison the next one.
      const flight = invoke(task).finally(() => {
        current = undefined
      })
      current = flight
      return flight
    },
    get inFlight() {
      return current !== undefined
    },
  }
}
