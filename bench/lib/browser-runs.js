/* global window, document, performance, MutationObserver, URL, URLSearchParams, setTimeout, clearTimeout -- Node's, and the page's in the functions run by page.evaluate */
/**
 * One timed run of the happy path in Chromium, the same for PKCE Lab and each app it is measured
 * against (the two React peers and the framework-free reference): open the
 * app, sign in at the local provider, come back to the callback, see the ID token's claims, press
 * "Refresh now" once. Each run has a fresh browser context (empty cache and storage, like a first
 * visit). Times come from the page's own clock: an init script notes performance.now() when the
 * element appears (a MutationObserver, so no polling delay), and the refresh is timed inside the page
 * from the click to the new row of the refresh history.
 *
 * No request is intercepted (Playwright's routing would switch the HTTP cache off, and the callback
 * page would download the app again): the browser is launched with CHROMIUM_LAUNCH_ARGS instead, so
 * nothing leaves the machine (the provider's login page links a web font).
 */

import { setTimeout as sleep } from 'node:timers/promises'

import { CLAIMS_MARK, mainThreadWork, TRACE_CATEGORIES } from './main-thread.js'

/** Flags on top of the end-to-end tests' own: every host name but localhost fails at once. */
export const CHROMIUM_LAUNCH_ARGS = [
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
]

/** @typedef {import('./request-log.js').LoggedRequest} LoggedRequest */
/** @typedef {'app' | 'react' | 'oidcContext' | 'reference'} TargetName */
/** @typedef {Window & { __bench?: { signIn?: number, claims?: number } }} BenchWindow the marks */
/** @typedef {ReturnType<typeof import('./request-log.js').createRequestLog>} RequestLog */
/**
 * @typedef {object} Target
 * @property {TargetName} name
 * @property {string} origin
 * @property {string} server the request log's name for its static server
 */
/**
 * @typedef {object} ProviderCall
 * @property {string} method
 * @property {string} path
 * @property {string | null} grantType
 * @property {number | undefined} status
 */
/**
 * Milestones of the callback page, in ms from its fetch start.
 * @typedef {object} CallbackBreakdown
 * @property {number} responseEnd the callback document received
 * @property {number} domContentLoaded
 * @property {number} tokenRequestStart
 * @property {number} tokenResponseEnd
 * @property {number} lastScriptEnd the last script (the lazy chunks included) received
 * @property {number} claims the claims table shown
 */
/**
 * @typedef {object} RunResult
 * @property {TargetName} target
 * @property {number} loadToSignInMs navigation start to the "Sign in" button in the DOM and visible
 * @property {Record<string, number>} loadBreakdown milestones of that load, ms from navigation start
 * @property {number} callbackToClaimsMs the callback document's fetch start to the claims table
 * @property {number} callbackNavigationStartToClaimsMs the same from the navigation start, which
 *   includes the provider's redirects before the callback
 * @property {CallbackBreakdown} callbackBreakdown
 * @property {number} callbackResources what the callback page fetched (from the network or the
 *   browser's cache): its document, scripts, styles and requests
 * @property {number} callbackScriptBytes the callback page's scripts, decoded
 * @property {string[]} callbackProviderRequests what reached the providers from the callback page
 * @property {ProviderCall[]} callbackProviderCalls the same, seen by the browser, with grant types
 * @property {string[]} callbackAppRequests what the callback page fetched from its own origin
 * @property {number} refreshMs click on "Refresh now" to the new refresh history row
 * @property {string} refreshOutcome the text of that row
 * @property {string[]} refreshProviderRequests what reached the providers for the refresh
 * @property {ProviderCall[]} refreshProviderCalls the same, seen by the browser
 * @property {import('./main-thread.js').MainThreadWork} [callbackMainThread] on a traced run only
 */

/** How long to keep listening after a step, for requests that come late (and would be wasted). */
const SETTLE_MS = 750
const STEP_TIMEOUT_MS = 20_000

/** @param {readonly string[]} origins @returns {string} */
function initScript(origins) {
  return `(() => {
  if (window.top !== window || !${JSON.stringify(origins)}.includes(location.origin)) return
  const marks = (window.__bench = {})
  const visible = (element) => element.checkVisibility()
  const probes = {
    signIn: () =>
      [...document.querySelectorAll('button')].some(
        (button) => button.textContent.trim() === 'Sign in' && visible(button),
      ),
    // The peers show a table captioned "ID token claims"; PKCE Lab shows the decoded payload, its
    // claims as JSON, in the section headed "ID token" (the claims table is collapsed below it).
    claims: () =>
      [...document.querySelectorAll('table > caption')].some(
        (caption) => caption.textContent.trim() === 'ID token claims' && visible(caption),
      ) ||
      [...document.querySelectorAll('section > h2')].some(
        (heading) =>
          heading.textContent.trim() === 'ID token' &&
          [...heading.parentElement.querySelectorAll('pre')].some(
            (pre) => pre.textContent.includes('"sub"') && visible(pre),
          ),
      ),
  }
  const observer = new MutationObserver(() => {
    for (const [name, probe] of Object.entries(probes)) {
      if (marks[name] === undefined && probe()) marks[name] = performance.now()
    }
    if (marks.claims !== undefined) {
      // For a traced run: where the claims showed, on the trace's own clock.
      performance.mark(${JSON.stringify(CLAIMS_MARK)})
      observer.disconnect()
    }
  })
  observer.observe(document, { childList: true, subtree: true, characterData: true, attributes: true })
})()`
}

/** Clicks "Refresh now" and resolves with the milliseconds until a new history row shows. */
function timeRefreshInPage() {
  /** @param {Element} element */
  const text = (element) => (element.textContent ?? '').trim()
  const historyRows = () => {
    const caption = [...document.querySelectorAll('table > caption')].find(
      (element) => text(element) === 'Refresh history',
    )
    return caption?.parentElement ? [...caption.parentElement.querySelectorAll('tbody tr')] : []
  }
  const button = /** @type {HTMLButtonElement | undefined} */ (
    [...document.querySelectorAll('button')].find((element) => text(element) === 'Refresh now')
  )
  if (button === undefined) throw new Error('no "Refresh now" button')
  const before = historyRows()
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      observer.disconnect()
      reject(new Error('no new refresh history row within 15 s'))
    }, 15_000)
    const observer = new MutationObserver(() => {
      const rows = historyRows()
      const added = rows.find((row) => !before.includes(row))
      if (added === undefined) return
      const ms = performance.now() - startedAt
      observer.disconnect()
      clearTimeout(timer)
      resolve({ ms, row: [...added.children].map(text).join(' | ') })
    })
    observer.observe(document.body, { childList: true, subtree: true, characterData: true })
    const startedAt = performance.now()
    button.click()
  })
}

/** @param {LoggedRequest} entry */
const describe = (entry) => `${entry.method} ${entry.path}`

/**
 * The steps a person takes at the local provider's development login and consent pages (as
 * test/e2e/fixtures.ts signInAtProvider), up to the consent button, which the caller presses.
 * @param {import('@playwright/test').Page} page
 */
async function logInAtProvider(page) {
  await page.locator('input[name="login"]').fill('alice')
  await page.locator('input[name="password"]').fill('any password')
  await page.getByRole('button', { name: 'Sign-in' }).click()
  await page.getByRole('button', { name: 'Continue' }).waitFor()
}

/**
 * @param {object} input
 * @param {import('@playwright/test').Browser} input.browser
 * @param {Target} input.target
 * @param {readonly string[]} input.appOrigins
 * @param {readonly string[]} input.providerOrigins
 * @param {RequestLog} input.log
 * @param {boolean} [input.trace] trace the callback page, for its main thread's work
 * @returns {Promise<RunResult>}
 */
export async function runOnce({
  browser,
  target,
  appOrigins,
  providerOrigins,
  log,
  trace = false,
}) {
  const context = await browser.newContext()
  try {
    await context.addInitScript({ content: initScript(appOrigins) })
    const page = await context.newPage()
    page.setDefaultTimeout(STEP_TIMEOUT_MS)

    /** @type {(ProviderCall & { request: import('@playwright/test').Request })[]} */
    const calls = []
    page.on('request', (request) => {
      const url = new URL(request.url())
      if (!providerOrigins.includes(url.origin) || request.isNavigationRequest()) return
      calls.push({
        request,
        method: request.method(),
        path: url.pathname,
        grantType: new URLSearchParams(request.postData() ?? '').get('grant_type'),
        status: undefined,
      })
    })
    page.on('requestfinished', (request) => {
      void request.response().then((response) => {
        const call = calls.find((candidate) => candidate.request === request)
        if (call && response) call.status = response.status()
      })
    })
    /** @param {number} from */
    const callsSince = (from) =>
      calls.slice(from).map(({ method, path, grantType, status }) => ({
        method,
        path,
        grantType,
        status,
      }))

    // 1. First visit: navigation start to "Sign in".
    await page.goto(`${target.origin}/`, { waitUntil: 'commit' })
    await page.waitForFunction(
      () => /** @type {BenchWindow} */ (window).__bench?.signIn !== undefined,
    )
    const load = await page.evaluate(() => {
      const navigation = /** @type {PerformanceNavigationTiming} */ (
        performance.getEntriesByType('navigation')[0]
      )
      const scripts = /** @type {PerformanceResourceTiming[]} */ (
        performance.getEntriesByType('resource')
      ).filter((entry) => entry.name.endsWith('.js'))
      return {
        fetchStart: navigation.fetchStart,
        responseStart: navigation.responseStart,
        responseEnd: navigation.responseEnd,
        lastScriptEnd:
          scripts.length === 0 ? NaN : Math.max(...scripts.map((entry) => entry.responseEnd)),
        domContentLoaded: navigation.domContentLoadedEventEnd,
        signIn: /** @type {BenchWindow} */ (window).__bench?.signIn ?? NaN,
      }
    })
    const loadToSignInMs = load.signIn

    // 2. Sign in; the consent page's "Continue" redirects to the callback.
    await page.getByRole('button', { name: 'Sign in', exact: true }).click()
    await logInAtProvider(page)
    const beforeCallback = log.mark()
    const callsBeforeCallback = calls.length
    if (trace) await browser.startTracing(page, { categories: TRACE_CATEGORIES })
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.waitForFunction(
      () => /** @type {BenchWindow} */ (window).__bench?.claims !== undefined,
      undefined,
      {
        timeout: STEP_TIMEOUT_MS,
      },
    )
    const timing = await page.evaluate((providers) => {
      const navigation = /** @type {PerformanceNavigationTiming} */ (
        performance.getEntriesByType('navigation')[0]
      )
      const resources = /** @type {PerformanceResourceTiming[]} */ (
        performance.getEntriesByType('resource')
      )
      const from = navigation.fetchStart
      const claims = /** @type {BenchWindow} */ (window).__bench?.claims ?? NaN
      const token = resources.find(
        (entry) =>
          providers.includes(new URL(entry.name).origin) &&
          new URL(entry.name).pathname === '/token',
      )
      const scripts = resources.filter(
        (entry) => entry.initiatorType === 'script' || entry.name.endsWith('.js'),
      )
      return {
        claims,
        fetchStart: from,
        resources: resources.length + 1,
        scriptBytes: scripts.reduce((sum, entry) => sum + entry.decodedBodySize, 0),
        breakdown: {
          responseEnd: navigation.responseEnd - from,
          domContentLoaded: navigation.domContentLoadedEventEnd - from,
          tokenRequestStart: token ? token.startTime - from : NaN,
          tokenResponseEnd: token ? token.responseEnd - from : NaN,
          lastScriptEnd:
            scripts.length === 0
              ? NaN
              : Math.max(...scripts.map((entry) => entry.responseEnd - from)),
          claims: claims - from,
        },
      }
    }, providerOrigins)
    const callbackMainThread = trace
      ? mainThreadWork(JSON.parse((await browser.stopTracing()).toString('utf8')), {
          claimsMs: timing.claims - timing.fetchStart,
          domContentLoadedMs: timing.breakdown.domContentLoaded,
        })
      : undefined
    await sleep(SETTLE_MS)
    const afterCallback = log.mark()
    const sinceContinue = log.since(beforeCallback, afterCallback)
    const callbackIndex = sinceContinue.findIndex(
      (entry) => entry.server === target.server && entry.path === '/callback',
    )
    if (callbackIndex < 0) throw new Error(`${target.name}: the callback never reached its server`)
    const onCallbackPage = sinceContinue.slice(callbackIndex + 1)
    // The browser's own list starts at "Continue"; the redirects before the callback are navigations,
    // which it leaves out, so what remains is the callback page's.
    const callbackProviderCalls = callsSince(callsBeforeCallback)

    // 3. One refresh.
    await page.getByRole('button', { name: 'Refresh now' }).and(page.locator(':enabled')).waitFor()
    const beforeRefresh = log.mark()
    const callsBeforeRefresh = calls.length
    const refresh = /** @type {{ ms: number, row: string }} */ (
      await page.evaluate(timeRefreshInPage)
    )
    await sleep(SETTLE_MS)
    const refreshRequests = log.since(beforeRefresh)

    return {
      target: target.name,
      loadToSignInMs,
      loadBreakdown: load,
      callbackToClaimsMs: timing.claims - timing.fetchStart,
      callbackNavigationStartToClaimsMs: timing.claims,
      callbackBreakdown: timing.breakdown,
      callbackResources: timing.resources,
      callbackScriptBytes: timing.scriptBytes,
      callbackProviderRequests: onCallbackPage
        .filter((entry) => entry.server.startsWith('provider'))
        .map(describe),
      callbackProviderCalls,
      callbackAppRequests: onCallbackPage
        .filter((entry) => entry.server === target.server)
        .map(describe),
      refreshMs: refresh.ms,
      refreshOutcome: refresh.row,
      refreshProviderRequests: refreshRequests
        .filter((entry) => entry.server.startsWith('provider'))
        .map(describe),
      refreshProviderCalls: callsSince(callsBeforeRefresh),
      ...(callbackMainThread === undefined ? {} : { callbackMainThread }),
    }
  } finally {
    await context.close()
  }
}
