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
export const INITIAL_JS_ALLOWANCE = 25 * KIB
/** Callback → claims on the network, median, PKCE Lab over the faster React peer. */
export const NETWORK_CALLBACK_LIMIT = 0.9
/** Load → "Sign in" on the network, median, PKCE Lab over the faster React peer. */
export const NETWORK_LOAD_LIMIT = 1.1
/** Callback → claims on loopback, median, PKCE Lab over the bare oauth4webapi + React peer. */
export const LOOPBACK_CALLBACK_LIMIT = 1.25

/** The apps, in the order of the table's columns. */
export const TARGETS = /** @type {const} */ ([
  { name: 'app', label: 'PKCE Lab' },
  { name: 'react', label: 'oauth4webapi+React' },
  { name: 'oidcContext', label: 'react-oidc-context' },
  { name: 'reference', label: 'no framework' },
])
/** The React peers: what PKCE Lab's speed is judged against. */
const PEERS = /** @type {const} */ (['react', 'oidcContext'])

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
    callbackResources: stat(runs.map((run) => run.callbackResources)),
    callbackScriptBytes: stat(runs.map((run) => run.callbackScriptBytes)),
    callbackProviderRequests: stat(runs.map((run) => run.callbackProviderRequests.length)),
    refreshProviderRequests: stat(runs.map((run) => run.refreshProviderRequests.length)),
  }
}

/** @typedef {ReturnType<typeof timings>} Timings */
/** @typedef {Record<import('./browser-runs.js').TargetName, RunResult[]>} RunsByTarget */
/** @typedef {Record<import('./browser-runs.js').TargetName, Timings>} TimesByTarget */
/** @typedef {{ network?: TimesByTarget, loopback: TimesByTarget }} TimesByMode */

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
 * PKCE Lab's median against the faster React peer's median, for one figure.
 * @param {TimesByTarget} times
 * @param {'loadToSignInMs' | 'callbackToClaimsMs'} key
 */
function againstFasterPeer(times, key) {
  const faster = PEERS.map((peer) => ({ peer, median: times[peer][key].median })).sort(
    (a, b) => a.median - b.median,
  )[0]
  const app = times.app[key].median
  const label = TARGETS.find((target) => target.name === faster?.peer)?.label ?? '—'
  return { ratio: ratio(app, faster?.median ?? NaN), app, peer: faster?.median ?? NaN, label }
}

/**
 * @param {object} input
 * @param {SiteSizes} input.app
 * @param {SiteSizes} input.baseline
 * @param {string[]} input.lazyViolations
 * @param {TimesByMode} input.times
 * @param {{ network?: RunsByTarget, loopback: RunsByTarget }} input.runs
 * @param {LighthouseRuns | undefined} input.lighthouse
 * @returns {Budget[]}
 */
export function checkBudgets({ app, baseline, lazyViolations, times, runs, lighthouse }) {
  const limit = baseline.initialJs.gzip + INITIAL_JS_ALLOWANCE
  const over = app.initialJs.gzip - limit
  /** @type {Budget[]} */
  const budgets = []

  if (times.network) {
    const callback = againstFasterPeer(times.network, 'callbackToClaimsMs')
    budgets.push({
      name: `Network: callback → claims ≤ ${NETWORK_CALLBACK_LIMIT.toFixed(2)} × the faster React peer (medians)`,
      pass: callback.ratio <= NETWORK_CALLBACK_LIMIT,
      measured: `${ms(callback.app)} vs ${ms(callback.peer)} ms (${callback.label}), ratio ${callback.ratio.toFixed(2)}`,
    })
    const load = againstFasterPeer(times.network, 'loadToSignInMs')
    budgets.push({
      name: `Network: load → "Sign in" ≤ ${NETWORK_LOAD_LIMIT.toFixed(2)} × the faster React peer (medians)`,
      pass: load.ratio <= NETWORK_LOAD_LIMIT,
      measured: `${ms(load.app)} vs ${ms(load.peer)} ms (${load.label}), ratio ${load.ratio.toFixed(2)}`,
    })
  } else {
    budgets.push({
      name: 'Network budgets',
      pass: false,
      measured: 'not run (--delay-ms 0)',
    })
  }
  const loopApp = times.loopback.app.callbackToClaimsMs.median
  const loopReact = times.loopback.react.callbackToClaimsMs.median
  const loopRatio = ratio(loopApp, loopReact)
  budgets.push({
    name: `Loopback: callback → claims ≤ ${LOOPBACK_CALLBACK_LIMIT.toFixed(2)} × oauth4webapi + React (medians)`,
    pass: loopRatio <= LOOPBACK_CALLBACK_LIMIT,
    measured: `${ms(loopApp)} vs ${ms(loopReact)} ms, ratio ${loopRatio.toFixed(2)}`,
  })
  budgets.push(
    {
      name: 'Initial JS ≤ React + react-dom + react-router + 25 KiB (gzip)',
      pass: over <= 0,
      measured: `${kib(app.initialJs.gzip)} KiB; limit ${kib(limit)} KiB (baseline ${kib(baseline.initialJs.gzip)} KiB), ${over <= 0 ? `${kib(-over)} KiB to spare` : `${kib(over)} KiB over`}`,
    },
    {
      name: 'JOSE, learning views, diagram, catalogues out of the first screen',
      pass: lazyViolations.length === 0,
      measured:
        lazyViolations.length === 0
          ? 'none of them in the initial JS'
          : `in the initial JS: ${lazyViolations.join('; ')}`,
    },
  )

  const appRuns = [...(runs.network?.app ?? []), ...runs.loopback.app]
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
    measured: requestLists(appRuns.map((run) => run.callbackProviderRequests)).join('; '),
  })

  const lighthouseName =
    'Lighthouse performance, accessibility, best practices = 100 (mobile and desktop)'
  if (lighthouse === undefined) {
    budgets.push({ name: lighthouseName, pass: false, measured: 'not run (--skip-lighthouse)' })
  } else {
    const perfect = (/** @type {LighthouseOutcome} */ outcome) =>
      !('error' in outcome) && Object.values(outcome.scores).every((score) => score === 100)
    budgets.push({
      name: lighthouseName,
      pass: perfect(lighthouse.mobile) && perfect(lighthouse.desktop),
      measured: `mobile: ${lighthouseWords(lighthouse.mobile)}; desktop: ${lighthouseWords(lighthouse.desktop)}`,
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
const sizeCell = (size) => `${kib(size.raw)} / ${kib(size.gzip)}`

/**
 * @param {object} input
 * @param {{ date: string, machine: string, chromium: string, runs: number, delayMs: number }} input.header
 * @param {Record<import('./browser-runs.js').TargetName | 'baseline', SiteSizes>} input.sizes
 * @param {TimesByMode} input.times
 * @param {{ network?: RunsByTarget, loopback: RunsByTarget }} input.runs
 * @param {Partial<Record<import('./browser-runs.js').TargetName, MainThreadWork | undefined>>} input.mainThread
 * @param {Budget[]} input.budgets
 * @param {LighthouseRuns | undefined} input.lighthouse
 */
export function formatTable({ header, sizes, times, runs, mainThread, budgets, lighthouse }) {
  const w = [44, 20, 20, 20, 20]
  /** @param {string[]} cells */
  const row = (cells) =>
    cells
      .map((cell, index) => pad(cell, /** @type {number} */ (w[index])))
      .join('')
      .trimEnd()
  const rule = '-'.repeat(w.reduce((a, b) => a + b, 0))
  const names = TARGETS.map((target) => target.name)
  const lines = [
    `PKCE Lab benchmark, ${header.date}`,
    `Machine: ${header.machine}`,
    `Browser: ${header.chromium}; ${String(header.runs)} runs of each app per mode, alternated` +
      (header.runs < 9 ? ' (fewer than 9: the budgets are only indicative)' : ''),
    `Network mode: the static servers and the provider answer every request after ${String(header.delayMs)} ms`,
    '',
    row(['Size, KiB (raw / gzip)', ...TARGETS.map((target) => target.label)]),
    rule,
    row(['Initial JS', ...names.map((name) => sizeCell(sizes[name].initialJs))]),
    row(['Total JS', ...names.map((name) => sizeCell(sizes[name].totalJs))]),
    row(['React + react-dom + react-router alone', sizeCell(sizes.baseline.initialJs)]),
  ]
  /** @param {TimesByTarget} byTarget @param {string} label @param {'loadToSignInMs' | 'callbackToClaimsMs' | 'refreshMs'} key */
  const timeRow = (byTarget, label, key) =>
    row([
      label,
      ...names.map((name) => `${ms(byTarget[name][key].median)} / ${ms(byTarget[name][key].best)}`),
    ])
  for (const mode of /** @type {const} */ (['network', 'loopback'])) {
    const byTarget = times[mode]
    if (!byTarget) continue
    lines.push(
      '',
      row([
        `${mode === 'network' ? `Network (${String(header.delayMs)} ms)` : 'Loopback'}, ms (median / best)`,
        ...TARGETS.map((target) => target.label),
      ]),
      rule,
      timeRow(byTarget, 'Callback HTML → claims visible', 'callbackToClaimsMs'),
      timeRow(byTarget, 'Load → "Sign in" visible', 'loadToSignInMs'),
      timeRow(byTarget, 'Refresh (click → history row)', 'refreshMs'),
    )
  }
  const loop = times.loopback
  lines.push(
    '',
    row(['Callback page (medians)', ...TARGETS.map((target) => target.label)]),
    rule,
    row([
      'Resources fetched (incl. from cache)',
      ...names.map((name) => String(loop[name].callbackResources.median)),
    ]),
    row([
      'Script decoded, KB',
      ...names.map((name) => (loop[name].callbackScriptBytes.median / 1000).toFixed(0)),
    ]),
    row([
      'Provider requests',
      ...names.map((name) => String(loop[name].callbackProviderRequests.median)),
    ]),
    '',
    'Callback page, median ms from its fetch start (document, DOMContentLoaded, token request sent,',
    'token response, last script received, claims shown):',
  )
  for (const mode of /** @type {const} */ (['network', 'loopback'])) {
    const byTarget = times[mode]
    if (!byTarget) continue
    for (const target of TARGETS) {
      lines.push(
        `  ${mode.padEnd(9)} ${target.label.padEnd(20)} ${breakdownLine(byTarget[target.name].callbackBreakdownMedians)}`,
      )
    }
  }
  lines.push(
    'Callback page, main thread busy in ms, one traced loopback run (until DOMContentLoaded + after',
    'it, of the time from fetch start to claims):',
    ...TARGETS.filter((target) => target.name in mainThread).map(
      (target) => `  ${target.label.padEnd(20)} ${mainThreadLine(mainThread[target.name])}`,
    ),
    'Callback page requests to the provider:',
    ...TARGETS.map(
      (target) =>
        `  ${target.label.padEnd(20)} ${requestLists(runs.loopback[target.name].map((run) => run.callbackProviderRequests)).join('; ')}`,
    ),
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
