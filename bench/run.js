/**
 * `npm run bench`: builds PKCE Lab, the React apps a developer would otherwise build for the same
 * job (bare oauth4webapi + React in bench/react-app, oidc-client-ts + react-oidc-context in
 * bench/oidc-context-app), a framework-free reference (bench/reference-app) and a React +
 * react-dom + react-router baseline (bench/baseline); measures what a first visit downloads, then
 * drives Chromium against the local OpenID provider to time the first screen, the callback and one
 * refresh, the apps alternated, first on a simulated network (the static servers and the provider
 * answer each request after --delay-ms, 40 by default) and then on loopback; runs Lighthouse on
 * PKCE Lab; prints a table, the budgets with PASS/FAIL, and the same as JSON (also written, with
 * every run and the Lighthouse reports, to node_modules/.cache/pkce-lab-bench/, or BENCH_OUT_DIR).
 * Exits 0 unless the benchmark itself breaks: budgets only report.
 *
 *   npm run bench -- [--runs N] [--delay-ms N] [--skip-lighthouse]
 *
 * Ports (127.0.0.1): PKCE Lab 5673, reference 5674, React peer 5675, react-oidc-context peer 5676,
 * providers 5680 and 5681; override with BENCH_APP_PORT, BENCH_REFERENCE_PORT, BENCH_REACT_PORT,
 * BENCH_OIDC_CONTEXT_PORT, BENCH_PROVIDER_PORT and BENCH_GOOGLE_PORT.
 */
import console from 'node:console'
import { mkdir, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'

import { chromium } from '@playwright/test'

import { CHROMIUM_LAUNCH_ARGS, runOnce } from './lib/browser-runs.js'
import { buildApp, buildBaseline, buildPeer } from './lib/builds.js'
import { runLighthouse } from './lib/lighthouse.js'
import { loadRepoModules } from './lib/repo-modules.js'
import { checkBudgets, formatTable, MUST_BE_LAZY, TARGETS, timings } from './lib/report.js'
import { createRequestLog } from './lib/request-log.js'
import { measureSite } from './lib/sizes.js'
import { serveStatic } from './lib/static-server.js'

const HOST = '127.0.0.1'
const benchDir = path.dirname(fileURLToPath(import.meta.url))
const repoRoot = path.dirname(benchDir)
// Under node_modules, which git, ESLint and Prettier all leave alone.
const outDir = path.resolve(
  process.env.BENCH_OUT_DIR ?? path.join(repoRoot, 'node_modules', '.cache', 'pkce-lab-bench'),
)

/** @param {string} name @param {number} fallback */
function portFrom(name, fallback) {
  const raw = process.env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    throw new Error(`${name} must be a port number, not "${raw}"`)
  }
  return value
}

function parseArgs(/** @type {string[]} */ argv) {
  let runs = 9
  let delayMs = 40
  let lighthouse = true
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]
    if (arg === '--runs') {
      runs = Number(argv[(i += 1)])
      if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs needs a positive integer')
    } else if (arg === '--delay-ms') {
      delayMs = Number(argv[(i += 1)])
      if (!Number.isInteger(delayMs) || delayMs < 0) {
        throw new Error('--delay-ms needs a whole number of milliseconds (0: loopback only)')
      }
    } else if (arg === '--skip-lighthouse') {
      lighthouse = false
    } else {
      throw new Error(
        `unknown argument ${String(arg)} (use --runs N, --delay-ms N, --skip-lighthouse)`,
      )
    }
  }
  return { runs, delayMs, lighthouse }
}

/** @param {string} message */
function progress(message) {
  process.stderr.write(`bench: ${message}\n`)
}

function machine() {
  const cpus = os.cpus()
  const gib = (os.totalmem() / 1024 ** 3).toFixed(0)
  const load = os
    .loadavg()
    .map((value) => value.toFixed(1))
    .join(' ')
  return `${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${String(cpus.length)} cores, ${gib} GiB; ${os.type()} ${os.release()} ${os.arch()}; Node ${process.version}; load average at start ${load}`
}

/**
 * Modules of the first screen that should have been left to a lazy chunk.
 * @param {import('./lib/builds.js').ChunkModules} chunkModules
 * @param {string[]} initialFiles
 */
function lazyViolations(chunkModules, initialFiles) {
  const ids = initialFiles.flatMap((file) => (chunkModules[file] ?? []).map((module) => module.id))
  return MUST_BE_LAZY.flatMap(({ what, pattern }) => {
    const found = ids.filter((id) => pattern.test(id)).map((id) => path.relative(repoRoot, id))
    return found.length === 0 ? [] : [`${what} (${found.join(', ')})`]
  })
}

/**
 * What the first screen's JS is made of, before minification, by package or top-level source folder.
 * @param {import('./lib/builds.js').ChunkModules} chunkModules
 * @param {string[]} initialFiles
 */
function initialComposition(chunkModules, initialFiles) {
  /** @type {Map<string, number>} */
  const groups = new Map()
  for (const file of initialFiles) {
    for (const module of chunkModules[file] ?? []) {
      const relative = path.relative(repoRoot, module.id).split(path.sep).join('/')
      const packageMatch = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(relative)
      const group = packageMatch
        ? String(packageMatch[1])
        : relative.startsWith('src/')
          ? relative.split('/').slice(0, 2).join('/')
          : relative
      groups.set(group, (groups.get(group) ?? 0) + module.bytes)
    }
  }
  return Object.fromEntries([...groups].sort((a, b) => b[1] - a[1]))
}

/** The apps PKCE Lab is measured against: their folder in bench/ and their port. */
const PEERS = /** @type {const} */ ([
  { name: 'react', folder: 'react-app', portVariable: 'BENCH_REACT_PORT', port: 5675 },
  {
    name: 'oidcContext',
    folder: 'oidc-context-app',
    portVariable: 'BENCH_OIDC_CONTEXT_PORT',
    port: 5676,
  },
  { name: 'reference', folder: 'reference-app', portVariable: 'BENCH_REFERENCE_PORT', port: 5674 },
])

async function main() {
  const options = parseArgs(process.argv.slice(2))
  const appPort = portFrom('BENCH_APP_PORT', 5673)
  const localPort = portFrom('BENCH_PROVIDER_PORT', 5680)
  const googlePort = portFrom('BENCH_GOOGLE_PORT', 5681)
  const localIssuer = `http://${HOST}:${String(localPort)}`
  const googleIssuer = `http://${HOST}:${String(googlePort)}`
  const started = Date.now()
  const machineAtStart = machine()
  await mkdir(outDir, { recursive: true })

  progress('building PKCE Lab, the apps it is measured against and the baseline')
  const dirs = {
    app: path.join(outDir, 'app'),
    ...Object.fromEntries(PEERS.map((peer) => [peer.name, path.join(outDir, peer.name)])),
  }
  const chunkModules = await buildApp({ repoRoot, outDir: dirs.app, localIssuer, googleIssuer })
  for (const peer of PEERS) {
    await buildPeer({ benchDir, folder: peer.folder, outDir: dirs[peer.name], localIssuer })
  }
  await buildBaseline({ benchDir, outDir: path.join(outDir, 'baseline') })
  const sizes =
    /** @type {Record<import('./lib/browser-runs.js').TargetName | 'baseline', import('./lib/sizes.js').SiteSizes>} */ (
      Object.fromEntries(
        await Promise.all(
          [...Object.entries(dirs), ['baseline', path.join(outDir, 'baseline')]].map(
            async ([name, dir]) => [name, await measureSite(dir)],
          ),
        ),
      )
    )
  const violations = lazyViolations(chunkModules, sizes.app.initialJs.files)

  // Every server waits this long before it answers: the simulated network, 0 on loopback.
  let delayMs = 0
  const delay = () => delayMs
  const ports = [
    { name: /** @type {const} */ ('app'), port: appPort },
    ...PEERS.map((peer) => ({ name: peer.name, port: portFrom(peer.portVariable, peer.port) })),
  ]
  const log = createRequestLog({
    ...Object.fromEntries(ports.map(({ name, port }) => [port, name])),
    [localPort]: 'provider-local',
    [googlePort]: 'provider-google',
  })
  /** @type {(() => Promise<void>)[]} */
  const cleanups = [async () => log.stop()]
  try {
    const repo = await loadRepoModules(repoRoot)
    cleanups.push(repo.close)
    /** @type {import('./lib/browser-runs.js').Target[]} */
    const targets = []
    for (const { name, port } of ports) {
      const server = await serveStatic({ root: dirs[name], host: HOST, port, delayMs: delay })
      cleanups.push(server.close)
      targets.push({ name, origin: server.origin, server: name })
    }
    const appOrigins = targets.map((target) => target.origin)
    const providers = await repo.startLocalProviders({
      host: HOST,
      localPort,
      googlePort,
      appOrigins,
      // Long enough that no automatic refresh falls inside a run; "Refresh now" is what is timed.
      accessTokenTtlSeconds: 60,
      quiet: true,
      requestDelayMs: delay,
    })
    cleanups.push(providers.close)

    const browserPath = repo.findChromium()
    const browser = await chromium.launch({
      executablePath: browserPath.executablePath,
      args: [...repo.chromiumArgs, ...CHROMIUM_LAUNCH_ARGS],
      headless: true,
    })
    cleanups.push(() => browser.close())
    const chromiumVersion = `Chromium ${browser.version()} (${browserPath.executablePath})`
    const providerOrigins = [providers.local.issuer, providers.google.issuer]
    /** @param {import('./lib/browser-runs.js').Target} target @param {boolean} [trace] */
    const run = (target, trace = false) =>
      runOnce({ browser, target, appOrigins, providerOrigins, log, trace })

    const modes =
      options.delayMs > 0
        ? /** @type {const} */ (['network', 'loopback'])
        : /** @type {const} */ (['loopback'])
    /** @type {{ network?: import('./lib/report.js').RunsByTarget, loopback?: import('./lib/report.js').RunsByTarget }} */
    const runs = {}
    for (const mode of modes) {
      delayMs = mode === 'network' ? options.delayMs : 0
      progress(`${mode}: warming up (one run of each app, not counted)`)
      for (const target of targets) await run(target)
      const byTarget = /** @type {import('./lib/report.js').RunsByTarget} */ (
        Object.fromEntries(targets.map((target) => [target.name, []]))
      )
      for (let i = 0; i < options.runs; i += 1) {
        progress(`${mode}: run ${String(i + 1)} of ${String(options.runs)}`)
        // Each round starts with the next app, so none always goes first.
        const order = [
          ...targets.slice(i % targets.length),
          ...targets.slice(0, i % targets.length),
        ]
        for (const target of order) byTarget[target.name].push(await run(target))
      }
      runs[mode] = byTarget
    }
    delayMs = 0
    progress(
      'one traced loopback run of PKCE Lab and the React peer, for the main thread (not counted)',
    )
    /** @type {Partial<Record<import('./lib/browser-runs.js').TargetName, import('./lib/main-thread.js').MainThreadWork | undefined>>} */
    const mainThread = {}
    for (const target of targets.filter(
      (candidate) => candidate.name === 'app' || candidate.name === 'react',
    )) {
      mainThread[target.name] = (await run(target, true)).callbackMainThread
    }
    await browser.close()

    /** @type {import('./lib/report.js').LighthouseRuns | undefined} */
    let lighthouse
    if (options.lighthouse) {
      /** @param {'mobile' | 'desktop'} formFactor */
      const audit = (formFactor) => {
        progress(`Lighthouse on PKCE Lab (${formFactor})`)
        return runLighthouse({
          url: `${targets[0]?.origin ?? ''}/`,
          chromePath: browserPath.executablePath,
          outputPath: path.join(outDir, `lighthouse-${formFactor}.json`),
          formFactor,
        }).catch((/** @type {unknown} */ error) => ({
          error: error instanceof Error ? error.message : String(error),
        }))
      }
      lighthouse = { mobile: await audit('mobile'), desktop: await audit('desktop') }
    }

    const loopbackRuns = /** @type {import('./lib/report.js').RunsByTarget} */ (runs.loopback)
    const allRuns = { ...(runs.network ? { network: runs.network } : {}), loopback: loopbackRuns }
    /** @param {import('./lib/report.js').RunsByTarget} byTarget */
    const timesOf = (byTarget) =>
      /** @type {import('./lib/report.js').TimesByTarget} */ (
        Object.fromEntries(TARGETS.map(({ name }) => [name, timings(byTarget[name])]))
      )
    /** @type {import('./lib/report.js').TimesByMode} */
    const times = {
      ...(runs.network ? { network: timesOf(runs.network) } : {}),
      loopback: timesOf(loopbackRuns),
    }
    const budgets = checkBudgets({
      app: sizes.app,
      baseline: sizes.baseline,
      lazyViolations: violations,
      times,
      runs: allRuns,
      lighthouse,
    })
    const header = {
      date: new Date().toISOString().slice(0, 10),
      machine: machineAtStart,
      chromium: chromiumVersion,
      runs: options.runs,
      delayMs: options.delayMs,
    }
    const results = {
      header,
      sizes,
      initialJsComposition: {
        note: 'bytes before minification, by package or src folder',
        groups: initialComposition(chunkModules, sizes.app.initialJs.files),
      },
      times,
      runs: allRuns,
      callbackMainThread: mainThread,
      lighthouse,
      budgets,
      durationSeconds: Math.round((Date.now() - started) / 1000),
    }
    await writeFile(path.join(outDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`)
    console.log(
      formatTable({ header, sizes, times, runs: allRuns, mainThread, budgets, lighthouse }),
    )
    console.log('')
    console.log(`JSON (also in ${path.relative(repoRoot, path.join(outDir, 'results.json'))}):`)
    console.log(
      JSON.stringify(
        {
          header,
          sizes: Object.fromEntries(
            Object.entries(sizes).map(([name, site]) => [
              name,
              Object.fromEntries(
                Object.entries(site).map(([key, value]) => [
                  key,
                  {
                    raw: value.raw,
                    gzip: value.gzip,
                    brotli: value.brotli,
                    files: value.files.length,
                  },
                ]),
              ),
            ]),
          ),
          times: Object.fromEntries(
            Object.entries(times).map(([mode, byTarget]) => [
              mode,
              Object.fromEntries(
                Object.entries(byTarget).map(([name, figures]) => [
                  name,
                  Object.fromEntries(
                    Object.entries(figures)
                      .filter(([, value]) => 'median' in value)
                      .map(([key, value]) => [
                        key,
                        { median: round(value.median), best: round(value.best) },
                      ]),
                  ),
                ]),
              ),
            ]),
          ),
          callbackMainThread: mainThread,
          lighthouse:
            lighthouse === undefined
              ? undefined
              : Object.fromEntries(
                  Object.entries(lighthouse).map(([formFactor, result]) => [
                    formFactor,
                    'error' in result ? result : result.scores,
                  ]),
                ),
          budgets,
        },
        null,
        2,
      ),
    )
    progress(`done in ${String(results.durationSeconds)} s`)
  } finally {
    for (const cleanup of cleanups.reverse()) {
      await cleanup().catch((/** @type {unknown} */ error) => {
        progress(`cleanup failed: ${String(error)}`)
      })
    }
  }
}

/** @param {number} value */
function round(value) {
  return Math.round(value * 10) / 10
}

main().catch((/** @type {unknown} */ error) => {
  console.error(error)
  process.exitCode = 1
})
