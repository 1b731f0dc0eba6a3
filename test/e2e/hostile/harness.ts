/**
 * Runs one hostile case and observes what the app did, the way the OpenID conformance suite judges a
 * relying party: an error is shown, nothing of the rejected response is shown or kept, no request goes
 * to the provider after the bad answer, and the app stays signed out. Observations are collected
 * first and asserted after, so the table can say what was seen even when a case fails.
 */
import type { BrowserContext, Page } from '@playwright/test'

import { browserStorage, signInAtProvider } from '../fixtures'
import type { ProviderTraffic } from '../fixtures'
import { ISSUER } from './rewrite'
import type { RewriteRecorder } from './rewrite'

/**
 * How long to watch for requests after the outcome shows. A request the app should not make (the code
 * exchange after a bad callback, UserInfo after a bad ID token) would come before the outcome or at once.
 */
const SETTLE_MS = 300

/**
 * How long a case's outcome may take to show. A case that lands on the callback page loads it from
 * scratch: on a machine busy with another job the dev server's first compile of the page and its
 * second chunk has taken more than 10 s, and a sign-in that then exchanges its code more still.
 */
const OUTCOME_WAIT_MS = 20_000

export const PENDING_AUTHORIZATION_KEY = 'pkce-lab:pending-authorization'

/** Names of the token fields whose values must never be left behind. */
const TOKEN_FIELDS = ['access_token', 'refresh_token', 'id_token']

export interface ProviderRequest {
  method: string
  path: string
}

export interface CaseContext extends RewriteRecorder {
  page: Page
  context: BrowserContext
  traffic: ProviderTraffic
  /** Every request the page made to the provider, in order. */
  requests: ProviderRequest[]
  /** Origins whose requests count as requests to the provider (the issuer, a proxy in front of it). */
  providerOrigins: Set<string>
  /**
   * Where the point of rejection is: the index into `requests` at that moment, and the path of the
   * request being answered badly (its own log entry may arrive just after the mark).
   */
  rejection: { index: number; path: string | undefined } | undefined
  /** Token strings issued or served in this case: none may be left in storage. */
  secrets: Set<string>
  /** Values that only a rejected response carried: none may be on screen or in storage. */
  rejectedValues: Set<string>
  /** Work to do when the case ends (release held requests). */
  cleanups: (() => Promise<void>)[]
}

export function createCaseContext(
  page: Page,
  context: BrowserContext,
  traffic: ProviderTraffic,
): CaseContext {
  const c: CaseContext = {
    page,
    context,
    traffic,
    requests: [],
    providerOrigins: new Set([new URL(ISSUER).origin]),
    rejection: undefined,
    secrets: new Set(),
    rejectedValues: new Set(),
    cleanups: [],
    markRejection(path) {
      c.rejection ??= { index: c.requests.length, path }
    },
    rememberTokens(body) {
      if (typeof body !== 'object' || body === null) return
      const record = body as Record<string, unknown>
      for (const field of TOKEN_FIELDS) {
        const value = record[field]
        if (typeof value === 'string' && value.length > 0) c.secrets.add(value)
      }
    },
  }
  page.on('request', (request) => {
    const url = new URL(request.url())
    if (!c.providerOrigins.has(url.origin)) return
    c.requests.push({ method: request.method(), path: url.pathname })
  })
  return c
}

// --- Driving the app ---------------------------------------------------------------------------

/** Opens the app and presses "Sign in" with the Local provider preset. */
export async function startSignIn(c: CaseContext): Promise<void> {
  await c.page.goto('/')
  await c.page.getByRole('button', { name: 'Sign in' }).click()
}

/**
 * Opens the app, presses "Sign in", and signs in and consents at the provider, unless the app refuses
 * before it ever goes there (then the alert is the outcome to observe).
 */
export async function signInThroughProvider(c: CaseContext): Promise<void> {
  await startSignIn(c)
  const login = c.page.locator('input[name="login"]')
  await login.or(c.page.getByRole('alert')).first().waitFor({ timeout: 15_000 })
  if (await login.isVisible()) await signInAtProvider(c.page)
}

/** A complete good sign-in, as the starting point of a case about what comes after. */
export async function beSignedIn(c: CaseContext): Promise<void> {
  await signInThroughProvider(c)
  await c.page.getByRole('heading', { name: 'Signed in' }).waitFor({ timeout: 15_000 })
  for (const token of c.traffic.issuedTokens) c.secrets.add(token)
}

// --- Expectations ------------------------------------------------------------------------------

export type Expectation =
  | {
      outcome: 'refused'
      /** The title of the alert (ERROR_TITLES in error-explanations.ts). */
      title: string
      /** The "Check that failed" row, when the failure is a check. */
      check?: string
      /** The "Step" row (STEP_NAMES). */
      step?: string
      /** Further text the alert must contain (the provider's error, the app's origin…). */
      texts?: readonly string[]
      /** How long the alert may take; the provider-timeout case waits out the app's 15 s. */
      timeoutMs?: number
    }
  | { outcome: 'signed-in' }
  | {
      /** A failure the session survives by design (session.ts callWithRenewal): named where it happened. */
      outcome: 'call-failed'
      region: string
      title: string
      texts?: readonly string[]
    }

export function describeExpectation(expectation: Expectation): string {
  switch (expectation.outcome) {
    case 'signed-in':
      return 'signed in'
    case 'call-failed':
      return `${expectation.region} shows "${expectation.title}"${expectation.texts?.length ? ` + ${expectation.texts.join(', ')}` : ''}; stays signed in`
    case 'refused': {
      const parts = [`alert "${expectation.title}"`]
      if (expectation.check !== undefined) parts.push(`check: ${expectation.check}`)
      else if (expectation.step !== undefined) parts.push(`step: ${expectation.step}`)
      if (expectation.texts?.length) parts.push(`+ ${expectation.texts.join(', ')}`)
      return `${parts.join('; ')}; signed out`
    }
  }
}

export interface Criterion {
  name: string
  ok: boolean
  /** What was seen, in a few words, for the table. */
  seen: string
}

function quote(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return JSON.stringify(flat.length > max ? `${flat.slice(0, max - 1)}…` : flat)
}

async function textOf(locator: ReturnType<Page['locator']>): Promise<string | undefined> {
  return (await locator.count()) > 0 ? (await locator.first().innerText()).trim() : undefined
}

/** "POST /token, GET /interaction/… ×2": long ids shortened, repeats counted, at most six kinds. */
function summariseRequests(requests: readonly ProviderRequest[]): string {
  const counts = new Map<string, number>()
  for (const request of requests) {
    const path = request.path.replace(/\/[\w-]{16,}/g, '/…')
    const key = `${request.method} ${path}`
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  const kinds = [...counts].map(([key, count]) => (count > 1 ? `${key} ×${count}` : key))
  return kinds.length > 6 ? `${kinds.slice(0, 6).join(', ')}, …` : kinds.join(', ')
}

/** No request to the provider after the point of rejection. */
function noRequestAfterRejection(c: CaseContext): Criterion {
  const rejection = c.rejection
  if (rejection === undefined) {
    return {
      name: 'hostile answer served',
      ok: false,
      seen: 'the hostile answer was never asked for',
    }
  }
  const after = c.requests.slice(rejection.index)
  // The badly answered request itself may be logged just after the mark.
  const own = after.findIndex((request) => request.path === rejection.path)
  if (own !== -1) after.splice(own, 1)
  return {
    name: 'no request to the provider after the rejection',
    ok: after.length === 0,
    seen: after.length === 0 ? '0 requests after' : `after rejection: ${summariseRequests(after)}`,
  }
}

async function nothingOnScreen(c: CaseContext, sessionEnded = true): Promise<Criterion> {
  const text = await c.page.locator('body').innerText()
  // A session that ended shows none of its tokens; one that goes on still shows its own.
  const forbidden = [...c.rejectedValues, ...(sessionEnded ? c.secrets : [])]
  const shown = forbidden.filter((value) => text.includes(value))
  return {
    name: 'nothing of the rejected response on screen',
    ok: shown.length === 0,
    seen:
      shown.length === 0
        ? 'none on screen'
        : `on screen: ${shown.map((v) => quote(v, 30)).join(', ')}`,
  }
}

async function nothingStored(c: CaseContext, alsoRejected: boolean): Promise<Criterion> {
  const stored = await browserStorage(c.page, c.context)
  const forbidden = [
    ...c.secrets,
    ...(alsoRejected ? c.rejectedValues : []),
    PENDING_AUTHORIZATION_KEY,
  ]
  const left = forbidden.filter((value) => stored.includes(value))
  return {
    name: 'nothing left behind in storage',
    ok: left.length === 0,
    seen:
      left.length === 0
        ? 'storage clean'
        : `stored: ${left.map((v) => (v === PENDING_AUTHORIZATION_KEY ? 'pending authorization' : quote(v, 30))).join(', ')}`,
  }
}

async function noScriptRan(c: CaseContext): Promise<Criterion> {
  const injected = await c.page.evaluate(() => {
    const value = (window as { __xss?: unknown }).__xss
    return value === undefined ? undefined : JSON.stringify(value)
  })
  const links = await c.page.locator('a[href^="javascript:" i], a[href^="data:" i]').count()
  const ok = injected === undefined && links === 0
  return {
    name: 'no injected script ran, no javascript: link',
    ok,
    seen: ok
      ? 'inert'
      : `${injected === undefined ? '' : `window.__xss=${injected} `}${links > 0 ? `${links} javascript:/data: links` : ''}`.trim(),
  }
}

async function signedOut(c: CaseContext): Promise<Criterion> {
  const signedIn = await c.page.getByRole('heading', { name: 'Signed in' }).count()
  const button = c.page.getByRole('button', { name: 'Sign in', exact: true })
  const enabled = (await button.count()) > 0 && (await button.first().isEnabled())
  return {
    name: 'signed out, "Sign in" enabled',
    ok: signedIn === 0 && enabled,
    seen: signedIn > 0 ? 'SIGNED IN' : enabled ? 'signed out' : 'signed out, "Sign in" not enabled',
  }
}

async function refused(
  c: CaseContext,
  expectation: Extract<Expectation, { outcome: 'refused' }>,
): Promise<Criterion[]> {
  const alert = c.page.getByRole('alert').first()
  await alert.waitFor({ timeout: expectation.timeoutMs ?? OUTCOME_WAIT_MS }).catch(() => undefined)
  // Room for any request the app should not make after the rejection.
  await c.page.waitForTimeout(SETTLE_MS)
  const criteria: Criterion[] = []
  if ((await alert.count()) === 0 || !(await alert.isVisible())) {
    const signedIn = await c.page.getByRole('heading', { name: 'Signed in' }).count()
    criteria.push({
      name: 'an alert names the check',
      ok: false,
      seen: signedIn ? 'no alert (signed in)' : 'no alert',
    })
  } else {
    const title = (await textOf(alert.getByRole('heading'))) ?? ''
    const check = await textOf(alert.getByTestId('error-check'))
    const step = await textOf(alert.getByTestId('error-step'))
    const all = await alert.innerText()
    const missing = (expectation.texts ?? []).filter((text) => !all.includes(text))
    const ok =
      title === expectation.title &&
      (expectation.check === undefined || check === expectation.check) &&
      (expectation.step === undefined || step === expectation.step) &&
      missing.length === 0
    const seen = [
      `alert ${quote(title)}`,
      check !== undefined
        ? `check: ${check}`
        : expectation.step !== undefined
          ? `step: ${step ?? '-'}`
          : '',
      missing.length > 0 ? `lacks ${missing.map((m) => quote(m, 40)).join(', ')}` : '',
    ]
    criteria.push({ name: 'an alert names the check', ok, seen: seen.filter(Boolean).join('; ') })
  }
  criteria.push(await signedOut(c))
  criteria.push(noRequestAfterRejection(c))
  criteria.push(await nothingOnScreen(c))
  criteria.push(await nothingStored(c, true))
  criteria.push(await noScriptRan(c))
  return criteria
}

async function signedInOutcome(c: CaseContext): Promise<Criterion[]> {
  const heading = c.page.getByRole('heading', { name: 'Signed in' })
  // As long as a refusal may take to show (see refused): the callback page is loaded from scratch.
  await heading.waitFor({ timeout: OUTCOME_WAIT_MS }).catch(() => undefined)
  const signedIn = (await heading.count()) > 0
  const alert = await textOf(c.page.getByRole('alert').getByRole('heading'))
  for (const token of c.traffic.issuedTokens) c.secrets.add(token)
  return [
    {
      name: 'signed in',
      ok: signedIn && alert === undefined,
      seen: signedIn
        ? 'signed in'
        : `not signed in${alert === undefined ? '' : `: alert ${quote(alert)}`}`,
    },
    await nothingStored(c, false),
    await noScriptRan(c),
  ]
}

async function callFailed(
  c: CaseContext,
  expectation: Extract<Expectation, { outcome: 'call-failed' }>,
): Promise<Criterion[]> {
  const region = c.page.getByRole('region', { name: expectation.region, exact: true })
  const group = region.getByRole('group').first()
  await group.waitFor({ timeout: OUTCOME_WAIT_MS }).catch(() => undefined)
  await c.page.waitForTimeout(SETTLE_MS)
  const criteria: Criterion[] = []
  if ((await group.count()) === 0) {
    criteria.push({
      name: 'the failure is named',
      ok: false,
      seen: `no failure shown in ${expectation.region}`,
    })
  } else {
    const title = (await textOf(group.getByRole('heading'))) ?? ''
    const all = await group.innerText()
    const missing = (expectation.texts ?? []).filter((text) => !all.includes(text))
    criteria.push({
      name: 'the failure is named',
      ok: title === expectation.title && missing.length === 0,
      seen: `${expectation.region}: ${quote(title)}${missing.length ? `; lacks ${missing.map((m) => quote(m, 40)).join(', ')}` : ''}`,
    })
  }
  criteria.push(noRequestAfterRejection(c))
  criteria.push(await nothingOnScreen(c, false))
  criteria.push(await nothingStored(c, true))
  criteria.push(await noScriptRan(c))
  return criteria
}

export async function observe(c: CaseContext, expectation: Expectation): Promise<Criterion[]> {
  switch (expectation.outcome) {
    case 'refused':
      return refused(c, expectation)
    case 'signed-in':
      return signedInOutcome(c)
    case 'call-failed':
      return callFailed(c, expectation)
  }
}
