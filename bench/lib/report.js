/**
 * Turns the measurements into figures, budgets and the printed table. Pure functions: no I/O.
 */

/** @typedef {import('./sizes.js').SiteSizes} SiteSizes */
/** @typedef {import('./browser-runs.js').RunResult} RunResult */
/** @typedef {import('./main-thread.js').MainThreadWork} MainThreadWork */
/** @typedef {import('./lighthouse.js').LighthouseResult} LighthouseResult */
/** @typedef {{ median: number, best: number, runs: number[] }} Stat */
/** @typedef {LighthouseResult | { error: string }} LighthouseOutcome */
/** @typedef {{ mobile: LighthouseOutcome, desktop: LighthouseOutcome }} LighthouseRuns */
/** @typedef {{ name: string, pass: boolean, measured: string }} Budget */

const KIB = 1024
/** The initial-JS budget: this much gzip above React + react-dom + react-router alone. */
export const INITIAL_JS_ALLOWANCE = 10 * KIB
/** Callback to claims, best of runs, PKCE Lab over the reference app. */
export const CALLBACK_RATIO_LIMIT = 1.1

/** Source that must not be in the first screen's JS: loaded when needed. */
export const MUST_BE_LAZY = [
  { what: 'the JOSE library', pattern: /[\\/]node_modules[\\/]jose[\\/]/ },
  {
    what: 'the learning views',
    pattern:
      /[\\/]src[\\/]features[\\/](jwt-vs-oauth|error-explainer|paste-token|flow-timeline)[\\/]/,
  },
  { what: 'the sequence diagram', pattern: /[\\/]src[\\/]features[\\/]sequence-diagram[\\/]/ },
  {
    what: 'the catalogues',
    pattern: /[\\/]src[\\/](jwt[\\/]claim-catalog|components[\\/]errors[\\/]error-catalogue)\./,
  },
]

/** @param {number[]} values @returns {Stat} */
export function stat(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  const median =
    sorted.length % 2 === 1
      ? /** @type {number} */ (sorted[middle])
      : /** @type {number} */ (sorted[middle - 1] + /** @type {number} */ (sorted[middle])) / 2
  return { median, best: sorted[0] ?? NaN, runs: values }
}

/** @param {number} a @param {number} b */
const ratio = (a, b) => (b === 0 ? NaN : a / b)

/** @param {RunResult[]} runs */
export function timings(runs) {
  return {
    loadToSignInMs: stat(runs.map((run) => run.loadToSignInMs)),
    callbackToClaimsMs: stat(runs.map((run) => run.callbackToClaimsMs)),
    callbackNavigationStartToClaimsMs: stat(
      runs.map((run) => run.callbackNavigationStartToClaimsMs),
    ),
    refreshMs: stat(runs.map((run) => run.refreshMs)),
    callbackBreakdownMedians: Object.fromEntries(
      Object.keys(runs[0]?.callbackBreakdown ?? {}).map((key) => [
        key,
        stat(
          runs.map(
            (run) =>
              run.callbackBreakdown[
                /** @type {keyof import('./browser-runs.js').CallbackBreakdown} */ (key)
              ],
          ),
        ).median,
      ]),
    ),
    callbackProviderRequests: stat(runs.map((run) => run.callbackProviderRequests.length)),
    refreshProviderRequests: stat(runs.map((run) => run.refreshProviderRequests.length)),
  }
}

/** Distinct request lists over the runs, most frequent first, e.g. "POST /token (7 runs)". */
function requestLists(/** @type {string[][]} */ lists) {
  /** @type {Map<string, number>} */
  const counts = new Map()
  for (const list of lists) {
    const key = list.length === 0 ? '(none)' : list.join(', ')
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([key, count]) => `${key} (${String(count)} of ${String(lists.length)} runs)`)
}

/**
 * @param {object} input
 * @param {SiteSizes} input.app
 * @param {SiteSizes} input.baseline
 * @param {string[]} input.lazyViolations
 * @param {RunResult[]} input.appRuns
 * @param {RunResult[]} input.referenceRuns
 * @param {LighthouseRuns | undefined} input.lighthouse
 * @returns {Budget[]}
 */
export function checkBudgets({
  app,
  baseline,
  lazyViolations,
  appRuns,
  referenceRuns,
  lighthouse,
}) {
  const limit = baseline.initialJs.gzip + INITIAL_JS_ALLOWANCE
  const over = app.initialJs.gzip - limit
  /** @type {Budget[]} */
  const budgets = [
    {
      name: 'Initial JS ≤ React + react-dom + react-router + 10 KiB (gzip)',
      pass: over <= 0,
      measured: `${kib(app.initialJs.gzip)} KiB; limit ${kib(limit)} KiB (baseline ${kib(baseline.initialJs.gzip)} KiB), ${over <= 0 ? `${kib(-over)} KiB to spare` : `${kib(over)} KiB over`}`,
    },
    {
      name: 'JOSE, learning views, diagram, catalogues load lazily',
      pass: lazyViolations.length === 0,
      measured:
        lazyViolations.length === 0
          ? 'none of them in the initial JS'
          : `in the initial JS: ${lazyViolations.join('; ')}`,
    },
  ]

  const callbackLists = appRuns.map((run) => run.callbackProviderRequests)
  const oneExchange = appRuns.every((run) => {
    const calls = run.callbackProviderCalls
    return (
      run.callbackProviderRequests.length === 1 &&
      run.callbackProviderRequests[0] === 'POST /token' &&
      calls.length === 1 &&
      calls[0]?.grantType === 'authorization_code'
    )
  })
  budgets.push({
    name: 'Callback page: exactly one round trip to the provider (the code exchange)',
    pass: appRuns.length > 0 && oneExchange,
    measured: requestLists(callbackLists).join('; '),
  })

  const appBest = stat(appRuns.map((run) => run.callbackToClaimsMs)).best
  const referenceBest = stat(referenceRuns.map((run) => run.callbackToClaimsMs)).best
  const callbackRatio = ratio(appBest, referenceBest)
  budgets.push({
    name: `Callback → claims no slower than the reference (best, ratio ≤ ${CALLBACK_RATIO_LIMIT.toFixed(2)})`,
    pass: callbackRatio <= CALLBACK_RATIO_LIMIT,
    measured: `${ms(appBest)} vs ${ms(referenceBest)} ms, ratio ${callbackRatio.toFixed(2)}`,
  })

  const lighthouseName =
    'Lighthouse performance, accessibility, best practices = 100 (mobile, its default)'
  if (lighthouse === undefined) {
    budgets.push({ name: lighthouseName, pass: false, measured: 'not run (--skip-lighthouse)' })
  } else {
    const { mobile, desktop } = lighthouse
    budgets.push({
      name: lighthouseName,
      pass: !('error' in mobile) && Object.values(mobile.scores).every((score) => score === 100),
      measured: `${lighthouseWords(mobile)}; desktop: ${lighthouseWords(desktop)}`,
    })
  }

  const refreshOk = appRuns.every(
    (run) =>
      run.refreshProviderRequests.length === 1 &&
      run.refreshProviderRequests[0] === 'POST /token' &&
      run.refreshProviderCalls.length === 1 &&
      run.refreshProviderCalls[0]?.grantType === 'refresh_token' &&
      run.refreshProviderCalls[0].status === 200 &&
      /\bok\b/.test(run.refreshOutcome),
  )
  budgets.push({
    name: 'One token request per refresh, none wasted',
    pass: appRuns.length > 0 && refreshOk,
    measured: requestLists(
      appRuns.map((run) =>
        run.refreshProviderCalls.map(
          (call) =>
            `${call.method} ${call.path}${call.grantType ? ` ${call.grantType}` : ''} → ${String(call.status ?? 'no answer')}`,
        ),
      ),
    ).join('; '),
  })
  return budgets
}

/** @param {LighthouseOutcome} outcome */
function lighthouseWords(outcome) {
  if ('error' in outcome) return `Lighthouse failed: ${outcome.error}`
  const scores = Object.entries(outcome.scores)
    .map(([id, score]) => `${id} ${String(score)}`)
    .join(', ')
  return outcome.shortfalls.length === 0
    ? scores
    : `${scores} (short of 1: ${outcome.shortfalls.join(', ')})`
}

/** @param {number} bytes */
export function kib(bytes) {
  return (bytes / KIB).toFixed(1)
}

/** @param {number} value */
function ms(value) {
  return Number.isNaN(value) ? '—' : value.toFixed(0)
}

/** @param {Record<string, number>} medians */
function breakdownLine(medians) {
  return [
    'responseEnd',
    'domContentLoaded',
    'tokenRequestStart',
    'tokenResponseEnd',
    'lastScriptEnd',
    'claims',
  ]
    .map((key) => ms(medians[key] ?? NaN))
    .join(' / ')
}

/** @param {MainThreadWork | undefined} work */
function mainThreadLine(work) {
  if (work === undefined) return '—'
  return `${ms(work.untilDomContentLoadedMs)} + ${ms(work.afterDomContentLoadedMs)} of ${ms(work.windowMs)}`
}

/** @param {string} text @param {number} width */
const pad = (text, width) => text.padEnd(width)

/** @param {{ raw: number, gzip: number, brotli: number }} size */
const sizeCell = (size) => `${kib(size.raw)} / ${kib(size.gzip)} / ${kib(size.brotli)}`

/**
 * @param {object} input
 * @param {{ date: string, machine: string, chromium: string, runs: number }} input.header
 * @param {{ app: SiteSizes, reference: SiteSizes, baseline: SiteSizes }} input.sizes
 * @param {{ app: ReturnType<typeof timings>, reference: ReturnType<typeof timings> }} input.times
 * @param {{ app: RunResult[], reference: RunResult[] }} input.runs
 * @param {{ app: MainThreadWork | undefined, reference: MainThreadWork | undefined }} input.mainThread
 * @param {Budget[]} input.budgets
 * @param {LighthouseRuns | undefined} input.lighthouse
 */
export function formatTable({ header, sizes, times, runs, mainThread, budgets, lighthouse }) {
  const w = [40, 26, 26, 14]
  /** @param {string[]} cells */
  const row = (cells) =>
    cells
      .map((cell, index) => pad(cell, /** @type {number} */ (w[index])))
      .join('')
      .trimEnd()
  const rule = '-'.repeat(w.reduce((a, b) => a + b, 0))
  const lines = [
    `PKCE Lab benchmark, ${header.date}`,
    `Machine: ${header.machine}`,
    `Browser: ${header.chromium}; ${String(header.runs)} runs each, PKCE Lab and reference alternated` +
      (header.runs < 5 ? ' (fewer than 5: the budgets are only indicative)' : ''),
    '',
    row(['Size, KiB (raw / gzip / brotli)', 'PKCE Lab', 'reference', 'ratio (gzip)']),
    rule,
    row([
      'Initial JS',
      sizeCell(sizes.app.initialJs),
      sizeCell(sizes.reference.initialJs),
      ratio(sizes.app.initialJs.gzip, sizes.reference.initialJs.gzip).toFixed(2),
    ]),
    row([
      'Initial CSS',
      sizeCell(sizes.app.initialCss),
      sizeCell(sizes.reference.initialCss),
      sizes.reference.initialCss.gzip === 0
        ? '—'
        : ratio(sizes.app.initialCss.gzip, sizes.reference.initialCss.gzip).toFixed(2),
    ]),
    row([
      'Total JS',
      sizeCell(sizes.app.totalJs),
      sizeCell(sizes.reference.totalJs),
      ratio(sizes.app.totalJs.gzip, sizes.reference.totalJs.gzip).toFixed(2),
    ]),
    row(['React + react-dom + react-router alone', sizeCell(sizes.baseline.initialJs)]),
    '',
    row(['Time, ms (median / best)', 'PKCE Lab', 'reference', 'ratio (med/best)']),
    rule,
  ]
  /** @param {string} label @param {'loadToSignInMs' | 'callbackToClaimsMs' | 'refreshMs'} key */
  const timeRow = (label, key) => {
    const a = times.app[key]
    const b = times.reference[key]
    return row([
      label,
      `${ms(a.median)} / ${ms(a.best)}`,
      `${ms(b.median)} / ${ms(b.best)}`,
      `${ratio(a.median, b.median).toFixed(2)} / ${ratio(a.best, b.best).toFixed(2)}`,
    ])
  }
  lines.push(
    timeRow('Load → "Sign in" visible', 'loadToSignInMs'),
    timeRow('Callback → claims visible', 'callbackToClaimsMs'),
    timeRow('Refresh (click → history row)', 'refreshMs'),
    row([
      'Provider requests, callback page (med)',
      String(times.app.callbackProviderRequests.median),
      String(times.reference.callbackProviderRequests.median),
    ]),
    row([
      'Provider requests per refresh (med)',
      String(times.app.refreshProviderRequests.median),
      String(times.reference.refreshProviderRequests.median),
    ]),
    '',
    'Callback page, median ms from its fetch start (document, DOMContentLoaded, token request sent,',
    'token response, last script received, claims shown):',
    `  PKCE Lab:  ${breakdownLine(times.app.callbackBreakdownMedians)}`,
    `  reference: ${breakdownLine(times.reference.callbackBreakdownMedians)}`,
    'Callback page, main thread busy in ms, one traced run (until DOMContentLoaded + after it,',
    'of the time from fetch start to claims):',
    `  PKCE Lab:  ${mainThreadLine(mainThread.app)}`,
    `  reference: ${mainThreadLine(mainThread.reference)}`,
    'Callback page requests to the provider:',
    `  PKCE Lab:  ${requestLists(runs.app.map((run) => run.callbackProviderRequests)).join('; ')}`,
    `  reference: ${requestLists(runs.reference.map((run) => run.callbackProviderRequests)).join('; ')}`,
  )
  if (lighthouse !== undefined) {
    const version = [lighthouse.mobile, lighthouse.desktop].find((outcome) => 'version' in outcome)
    lines.push(
      '',
      `Lighthouse ${version && 'version' in version ? version.version : ''} on PKCE Lab's home page, simulated throttling:`,
      `  mobile:  ${lighthouseWords(lighthouse.mobile)}`,
      `  desktop: ${lighthouseWords(lighthouse.desktop)}`,
    )
  }
  lines.push('', 'Budgets', rule)
  for (const budget of budgets) {
    lines.push(`${budget.pass ? 'PASS' : 'FAIL'}  ${budget.name}`, `      ${budget.measured}`)
  }
  return lines.join('\n')
}
