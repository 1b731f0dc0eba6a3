/**
 * How busy the page's main thread was on the callback page, from a Chromium trace of one run: the
 * renderer's tasks (RunTask, the unit of work of the DevTools timeline) between the callback
 * document's fetch start and the claims on screen, split at DOMContentLoaded. The timed runs cannot
 * tell waiting on the network from working on the page; this can. Tracing slows the page a little,
 * so these runs are not among the timed ones.
 */

export const TRACE_CATEGORIES = ['disabled-by-default-devtools.timeline', 'blink.user_timing']

/** The user-timing mark the benchmark's init script sets when the claims table shows. */
export const CLAIMS_MARK = 'bench:claims'

/**
 * @typedef {object} MainThreadWork
 * @property {number} untilDomContentLoadedMs busy from the fetch start to DOMContentLoaded
 * @property {number} afterDomContentLoadedMs busy from DOMContentLoaded to the claims
 * @property {number} windowMs fetch start to claims, as this traced run measured it
 */

/**
 * @param {{ traceEvents: { name: string, ph: string, pid: number, tid: number, ts: number, dur?: number }[] }} trace
 * @param {{ claimsMs: number, domContentLoadedMs: number }} milestones ms from the fetch start
 * @returns {MainThreadWork}
 */
export function mainThreadWork(trace, { claimsMs, domContentLoadedMs }) {
  const mark = trace.traceEvents.findLast((event) => event.name === CLAIMS_MARK)
  if (mark === undefined) throw new Error(`the trace has no ${CLAIMS_MARK} mark`)
  // Trace times are in microseconds; the mark sits on the thread that ran the page.
  const end = mark.ts
  const start = end - claimsMs * 1000
  const domContentLoaded = start + domContentLoadedMs * 1000
  const tasks = trace.traceEvents.filter(
    (event) =>
      event.name === 'RunTask' &&
      event.ph === 'X' &&
      event.pid === mark.pid &&
      event.tid === mark.tid,
  )
  /** @param {number} from @param {number} to */
  const busyMs = (from, to) =>
    tasks.reduce(
      (sum, task) =>
        sum + Math.max(0, Math.min(to, task.ts + (task.dur ?? 0)) - Math.max(from, task.ts)),
      0,
    ) / 1000
  return {
    untilDomContentLoadedMs: busyMs(start, domContentLoaded),
    afterDomContentLoadedMs: busyMs(domContentLoaded, end),
    windowMs: claimsMs,
  }
}
