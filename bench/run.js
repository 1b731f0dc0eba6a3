/**
 * `npm run bench`: builds PKCE Lab, a reference app doing the same job with bare oauth4webapi +
 * jwt-decode (bench/reference-app) and a React + react-dom + react-router baseline (bench/baseline);
 * measures what a first visit downloads, then drives Chromium against the local OpenID provider to
 * time the first screen, the callback and one refresh, alternating the two apps; runs Lighthouse on
 * PKCE Lab; prints a table, the budgets with PASS/FAIL, and the same as JSON (also written, with
 * every run and the Lighthouse reports, to node_modules/.cache/pkce-lab-bench/, or BENCH_OUT_DIR). Exits 0 unless the benchmark itself breaks: budgets only report.
 *
 *   npm run bench -- [--runs N] [--skip-lighthouse]
 *
 * Ports (127.0.0.1): PKCE Lab 5673, reference 5674, providers 5680 and 5681; override with
 * BENCH_APP_PORT, BENCH_REFERENCE_PORT, BENCH_PROVIDER_PORT and BENCH_GOOGLE_PORT.
 */
import console from 'node:console'
import { mkdir, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'

import { chromium } from '@playwright/test'

import { CHROMIUM_LAUNCH_ARGS, runOnce } from './lib/browser-runs.js'
import { buildApp, buildBaseline, buildReference } from './lib/builds.js'
import { runLighthouse } from './lib/lighthouse.js'
import { loadRepoModules } from './lib/repo-modules.js'
import { checkBudgets, formatTable, MUST_BE_LAZY, timings } from './lib/report.js'
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
  let runs = 7
  let lighthouse = true
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]
    if (arg === '--runs') {
      runs = Number(argv[(i += 1)])
      if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs needs a positive integer')
    } else if (arg === '--skip-lighthouse') {
      lighthouse = false
    } else {
      throw new Error(`unknown argument ${String(arg)} (use --runs N, --skip-lighthouse)`)
    }
  }
  return { runs, lighthouse }
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

async function main() {
  const options = parseArgs(process.argv.slice(2))
  const ports = {
    app: portFrom('BENCH_APP_PORT', 5673),
    reference: portFrom('BENCH_REFERENCE_PORT', 5674),
    local: portFrom('BENCH_PROVIDER_PORT', 5680),
    google: portFrom('BENCH_GOOGLE_PORT', 5681),
  }
  const localIssuer = `http://${HOST}:${String(ports.local)}`
  const googleIssuer = `http://${HOST}:${String(ports.google)}`
  const started = Date.now()
  const machineAtStart = machine()
  await mkdir(outDir, { recursive: true })

  progress('building PKCE Lab, the reference app and the baseline')
  const appDir = path.join(outDir, 'app')
  const chunkModules = await buildApp({ repoRoot, outDir: appDir, localIssuer, googleIssuer })
  await buildReference({ benchDir, outDir: path.join(outDir, 'reference'), localIssuer })
  await buildBaseline({ benchDir, outDir: path.join(outDir, 'baseline') })
  const sizes = {
    app: await measureSite(appDir),
    reference: await measureSite(path.join(outDir, 'reference')),
    baseline: await measureSite(path.join(outDir, 'baseline')),
  }
  const violations = lazyViolations(chunkModules, sizes.app.initialJs.files)

  const log = createRequestLog({
    [ports.app]: 'app',
    [ports.reference]: 'reference',
    [ports.local]: 'provider-local',
    [ports.google]: 'provider-google',
  })
  /** @type {(() => Promise<void>)[]} */
  const cleanups = [async () => log.stop()]
  try {
    const repo = await loadRepoModules(repoRoot)
    cleanups.push(repo.close)
    const appServer = await serveStatic({ root: appDir, host: HOST, port: ports.app })
    cleanups.push(appServer.close)
    const referenceServer = await serveStatic({
      root: path.join(outDir, 'reference'),
      host: HOST,
      port: ports.reference,
    })
    cleanups.push(referenceServer.close)
    const appOrigins = [appServer.origin, referenceServer.origin]
    const providers = await repo.startLocalProviders({
      host: HOST,
      localPort: ports.local,
      googlePort: ports.google,
      appOrigins,
      // Long enough that no automatic refresh falls inside a run; "Refresh now" is what is timed.
      accessTokenTtlSeconds: 60,
      quiet: true,
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

    /** @type {import('./lib/browser-runs.js').Target} */
    const app = { name: 'app', origin: appServer.origin, server: 'app' }
    /** @type {import('./lib/browser-runs.js').Target} */
    const reference = { name: 'reference', origin: referenceServer.origin, server: 'reference' }
    const providerOrigins = [providers.local.issuer, providers.google.issuer]
    /** @param {import('./lib/browser-runs.js').Target} target @param {boolean} [trace] */
    const run = (target, trace = false) =>
      runOnce({ browser, target, appOrigins, providerOrigins, log, trace })

    progress('warming up (one run each, not counted)')
    await run(app)
    await run(reference)
    /** @type {{ app: import('./lib/browser-runs.js').RunResult[], reference: import('./lib/browser-runs.js').RunResult[] }} */
    const runs = { app: [], reference: [] }
    for (let i = 0; i < options.runs; i += 1) {
      progress(`run ${String(i + 1)} of ${String(options.runs)}`)
      // A-B then B-A, so neither app always goes first.
      const order = i % 2 === 0 ? [app, reference] : [reference, app]
      for (const target of order) runs[target.name].push(await run(target))
    }
    progress('one traced run each, for the main thread (not counted)')
    const mainThread = {
      app: (await run(app, true)).callbackMainThread,
      reference: (await run(reference, true)).callbackMainThread,
    }
    await browser.close()

    /** @type {import('./lib/report.js').LighthouseRuns | undefined} */
    let lighthouse
    if (options.lighthouse) {
      /** @param {'mobile' | 'desktop'} formFactor */
      const audit = (formFactor) => {
        progress(`Lighthouse on PKCE Lab (${formFactor})`)
        return runLighthouse({
          url: `${appServer.origin}/`,
          chromePath: browserPath.executablePath,
          outputPath: path.join(outDir, `lighthouse-${formFactor}.json`),
          formFactor,
        }).catch((/** @type {unknown} */ error) => ({
          error: error instanceof Error ? error.message : String(error),
        }))
      }
      lighthouse = { mobile: await audit('mobile'), desktop: await audit('desktop') }
    }

    const times = { app: timings(runs.app), reference: timings(runs.reference) }
    const budgets = checkBudgets({
      app: sizes.app,
      baseline: sizes.baseline,
      lazyViolations: violations,
      appRuns: runs.app,
      referenceRuns: runs.reference,
      lighthouse,
    })
    const header = {
      date: new Date().toISOString().slice(0, 10),
      machine: machineAtStart,
      chromium: chromiumVersion,
      runs: options.runs,
    }
    const results = {
      header,
      sizes,
      initialJsComposition: {
        note: 'bytes before minification, by package or src folder',
        groups: initialComposition(chunkModules, sizes.app.initialJs.files),
      },
      times,
      runs,
      callbackMainThread: mainThread,
      lighthouse,
      budgets,
      durationSeconds: Math.round((Date.now() - started) / 1000),
    }
    await writeFile(path.join(outDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`)
    console.log(formatTable({ header, sizes, times, runs, mainThread, budgets, lighthouse }))
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
            Object.entries(times).map(([name, figures]) => [
              name,
              Object.fromEntries(
                Object.entries(figures).map(([key, value]) => [
                  key,
                  { median: round(value.median), best: round(value.best) },
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
