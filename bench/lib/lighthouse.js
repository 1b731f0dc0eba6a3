/* global setTimeout, clearTimeout */
/**
 * Lighthouse (npm `lighthouse`, 12.x: the newest major that runs on Node 20) against the built site,
 * with simulated throttling, mobile (its default) or desktop, in the Chromium the tests use. Runs the
 * CLI in a child process, so a Lighthouse failure cannot take the benchmark down with it.
 */
import { spawn } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import process from 'node:process'

const CATEGORIES = ['performance', 'accessibility', 'best-practices']

/**
 * @typedef {object} LighthouseResult
 * @property {Record<string, number | null>} scores 0–100 per category
 * @property {string[]} shortfalls audits that cost points, e.g. "performance: largest-contentful-paint (0.92)"
 * @property {Record<string, number>} metrics milliseconds (CLS unitless)
 * @property {'mobile' | 'desktop'} formFactor
 * @property {string} version
 * @property {string} report where the full JSON report is
 */

/**
 * @param {object} input
 * @param {string} input.url
 * @param {string} input.chromePath
 * @param {string} input.outputPath
 * @param {'mobile' | 'desktop'} [input.formFactor] mobile is Lighthouse's default
 * @param {number} [input.timeoutMs]
 * @returns {Promise<LighthouseResult>}
 */
export async function runLighthouse({
  url,
  chromePath,
  outputPath,
  formFactor = 'mobile',
  timeoutMs = 180_000,
}) {
  const cli = createRequire(import.meta.url).resolve('lighthouse/cli/index.js')
  const args = [
    cli,
    url,
    `--only-categories=${CATEGORIES.join(',')}`,
    '--output=json',
    `--output-path=${outputPath}`,
    '--quiet',
    ...(formFactor === 'desktop' ? ['--preset=desktop'] : []),
    '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run --disable-background-networking --disable-component-update --disable-sync',
  ]
  await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      env: { ...process.env, CHROME_PATH: chromePath },
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    let stderr = ''
    child.stderr.on('data', (/** @type {Buffer} */ chunk) => {
      stderr += chunk.toString()
    })
    const timer = setTimeout(() => {
      child.kill('SIGTERM')
    }, timeoutMs)
    child.on('error', reject)
    child.on('exit', (code, signal) => {
      clearTimeout(timer)
      if (code === 0) resolve(undefined)
      else
        reject(
          new Error(
            `lighthouse exited with ${signal ?? String(code)}: ${stderr.trim().slice(-600)}`,
          ),
        )
    })
  })

  const report = JSON.parse(await readFile(outputPath, 'utf8'))
  /** @type {Record<string, number | null>} */
  const scores = {}
  /** @type {string[]} */
  const shortfalls = []
  for (const id of CATEGORIES) {
    const category = report.categories[id]
    scores[id] = category?.score == null ? null : Math.round(category.score * 100)
    for (const ref of category?.auditRefs ?? []) {
      const audit = report.audits[ref.id]
      if (ref.weight > 0 && audit?.score != null && audit.score < 1) {
        shortfalls.push(`${id}: ${ref.id} (${String(audit.score)})`)
      }
    }
  }
  /** @type {Record<string, number>} */
  const metrics = {}
  for (const id of [
    'first-contentful-paint',
    'largest-contentful-paint',
    'total-blocking-time',
    'cumulative-layout-shift',
    'speed-index',
  ]) {
    const value = report.audits[id]?.numericValue
    if (typeof value === 'number') metrics[id] = value
  }
  return {
    scores,
    shortfalls,
    metrics,
    formFactor,
    version: String(report.lighthouseVersion),
    report: outputPath,
  }
}
