/**
 * Shared end-to-end fixtures: a page that can reach only this machine, a log of every request to the
 * providers' token endpoints, and the steps a person takes at the local provider's login pages.
 */
import { test as base, expect } from '@playwright/test'
import type { BrowserContext, Locator, Page, Request } from '@playwright/test'

import {
  API_RESOURCE,
  API_SCOPE,
  LOCAL_CLIENT_ID,
  startLocalProviders,
} from '../../provider/local-providers'
import type { ProviderQuirks, RunningProviders } from '../../provider/local-providers'
import { E2E, quirkyProvidersFor } from './ports'

export { expect }

export interface TokenRequest {
  url: string
  body: URLSearchParams
  authorization: string | undefined
  /** The DPoP proof the request carried (RFC 9449 §4), if any. */
  dpop: string | undefined
}

export interface TokenExchange {
  grantType: string | null
  /** The refresh token the app sent, for a refresh. */
  sentRefreshToken: string | null
  status: number
  body: Record<string, unknown>
}

export interface ProviderTraffic {
  tokenRequests: TokenRequest[]
  /** Every token endpoint answer, with what was sent. */
  tokenExchanges: TokenExchange[]
  /** Every token string the token endpoints returned, to look for in storage and URLs. */
  issuedTokens: string[]
  /** Callback URLs the browser navigated to. */
  callbacks: string[]
}

function isTokenEndpoint(request: Request): boolean {
  return request.method() === 'POST' && new URL(request.url()).pathname === '/token'
}

/** A local provider with the quirks of another real provider, started by the test that needs it. */
export interface QuirkyProvider {
  issuer: string
  /** Starts it with these quirks (closing the one before); it is closed when the test ends. */
  start: (quirks: ProviderQuirks) => Promise<void>
  /** Points the settings form at it, with the local client. */
  configure: (page: Page) => Promise<void>
}

export const test = base.extend<{ traffic: ProviderTraffic; quirky: QuirkyProvider }>({
  page: async ({ page }, use) => {
    // Nothing leaves the machine: the provider's login page imports a web font, which must not stall.
    await page.route(/^https?:\/\/(?!127\.0\.0\.1[:/]|localhost[:/])/, (route) => route.abort())
    // The dev server sends the build's Content Security Policy: anything the app does that it
    // forbids fails the test that did it.
    const violations: string[] = []
    page.on('console', (message) => {
      const onApp = [E2E.appUrl, E2E.builtUrl].some((origin) => page.url().startsWith(origin))
      if (onApp && message.text().includes('Content Security Policy')) {
        violations.push(message.text())
      }
    })
    await use(page)
    expect(violations, 'Content Security Policy violations on the app').toEqual([])
  },
  traffic: async ({ page }, use) => {
    const traffic: ProviderTraffic = {
      tokenRequests: [],
      tokenExchanges: [],
      issuedTokens: [],
      callbacks: [],
    }
    page.on('request', (request) => {
      if (isTokenEndpoint(request)) {
        traffic.tokenRequests.push({
          url: request.url(),
          body: new URLSearchParams(request.postData() ?? ''),
          authorization: request.headers().authorization,
          dpop: request.headers().dpop,
        })
      }
      if (request.isNavigationRequest() && new URL(request.url()).pathname.endsWith('/callback')) {
        traffic.callbacks.push(request.url())
      }
    })
    page.on('response', async (response) => {
      if (!isTokenEndpoint(response.request())) return
      const sent = new URLSearchParams(response.request().postData() ?? '')
      const body = (await response.json().catch(() => ({}))) as Record<string, unknown>
      traffic.tokenExchanges.push({
        grantType: sent.get('grant_type'),
        sentRefreshToken: sent.get('refresh_token'),
        status: response.status(),
        body,
      })
      if (!response.ok()) return
      for (const name of ['access_token', 'refresh_token', 'id_token']) {
        const value = body[name]
        if (typeof value === 'string') traffic.issuedTokens.push(value)
      }
    })
    await use(traffic)
  },
  // Playwright names a fixture's dependencies by destructuring; this one has none.
  // eslint-disable-next-line no-empty-pattern
  quirky: async ({}, use, testInfo) => {
    // Each worker that runs beside another starts its own pair, on ports of its own.
    const ports = quirkyProvidersFor(testInfo.parallelIndex)
    let running: RunningProviders | undefined
    await use({
      issuer: ports.issuer,
      async start(quirks) {
        await running?.close()
        running = await startLocalProviders({
          localPort: ports.localPort,
          googlePort: ports.googlePort,
          appOrigins: [E2E.appUrl],
          quiet: true,
          quirks,
        })
      },
      async configure(page) {
        await openSettings(page)
        await page.getByLabel('Issuer URL').fill(ports.issuer)
        await page.getByLabel('Client ID').fill(LOCAL_CLIENT_ID)
      },
    })
    await running?.close()
  },
})

/** Signs in at the local provider's development login page, then grants consent. */
export async function signInAtProvider(page: Page, login = 'alice'): Promise<void> {
  await page.locator('input[name="login"]').fill(login)
  await page.locator('input[name="password"]').fill('any password')
  await page.getByRole('button', { name: 'Sign-in' }).click()
  await page.getByRole('button', { name: 'Continue' }).click()
}

/** Opens a tab of the signed-in workspace. */
export async function showTab(
  page: Page,
  name: 'Tokens' | 'Flow' | 'API' | 'Check provider' | 'Storage',
): Promise<void> {
  await page.getByRole('tab', { name, exact: true }).click()
}

/** Opens the settings panel, which is collapsed to one line once the settings are complete. */
export async function openSettings(page: Page): Promise<void> {
  const panel = page.locator('details[data-section="provider-settings"]')
  if (!(await panel.evaluate((details: HTMLDetailsElement) => details.open))) {
    await panel.locator('summary').click()
  }
}

/** Opens every collapsed part inside `scope`, as a user clicking each summary would. */
export async function openCollapsed(scope: Page | Locator): Promise<void> {
  // One at a time: each click changes which parts are still closed.
  for (let opened = 0; opened < 50; opened += 1) {
    const next = scope.locator('details:not([open]) > summary:visible').first()
    if ((await next.count()) === 0) return
    await next.click()
  }
}

/** Sets the scopes and extra parameters in the settings form. */
export async function configure(
  page: Page,
  options: { scope?: string; removePrompt?: boolean },
): Promise<void> {
  await openSettings(page)
  if (options.scope !== undefined) await page.getByLabel('Scopes').fill(options.scope)
  if (options.removePrompt) {
    await page.getByRole('button', { name: 'Remove parameter 1 (prompt)' }).click()
  }
}

/** Everything the app's origin keeps in the browser, as one string to search. */
export async function browserStorage(page: Page, context: BrowserContext): Promise<string> {
  const inPage = await page.evaluate(async () => {
    const dump = (storage: Storage) =>
      Object.fromEntries(
        Array.from({ length: storage.length }, (_, i) => storage.key(i) ?? '').map((key) => [
          key,
          storage.getItem(key),
        ]),
      )
    const databases = await indexedDB.databases()
    return {
      localStorage: dump(localStorage),
      sessionStorage: dump(sessionStorage),
      cookie: document.cookie,
      indexedDB: databases.map((database) => database.name),
      url: location.href,
    }
  })
  const cookies = await context.cookies(page.url())
  return JSON.stringify({ ...inPage, cookies })
}

/** The Google-shaped local provider's client secret: public, as it is a test provider's. */
export const GOOGLE_SECRET = 'GOCSPX-local-provider-not-a-secret'

/** Opens the app with the Google-shaped preset chosen and its public secret filled in. */
export async function chooseGoogleShapedPreset(page: Page): Promise<void> {
  await page.goto('/')
  await openSettings(page)
  await page.getByLabel('Preset').selectOption({ label: 'Local provider, Google-shaped' })
  await page.getByRole('button', { name: 'Fill in its public secret' }).click()
}

/** Signs in with the Google-shaped preset, which asks for the client secret after the redirect. */
export async function signInToGoogleShapedProvider(page: Page, login = 'dave'): Promise<void> {
  await chooseGoogleShapedPreset(page)
  await openSettings(page)
  await expect(page.getByLabel('Client secret (required by this provider)')).toHaveValue(
    GOOGLE_SECRET,
  )
  await page.getByRole('button', { name: 'Sign in' }).click()
  await signInAtProvider(page, login)
  await page.getByLabel('Client secret', { exact: true }).fill(GOOGLE_SECRET)
  await page.getByRole('button', { name: 'Exchange the code' }).click()
  await expect(page.getByRole('heading', { name: 'Signed in' })).toBeVisible()
}

/**
 * Signs in at the local provider asking for the sample API (resource=urn:pkce-lab:api, scope
 * api:read), so the access token is the provider's ES256 JWT for that API (RFC 9068).
 */
export async function signInForSampleApi(
  page: Page,
  options: { dpop?: boolean } = {},
): Promise<void> {
  await page.goto('/')
  await configure(page, { scope: `openid profile ${API_SCOPE}` })
  await page.getByRole('button', { name: 'Add parameter' }).click()
  await page.getByLabel('Parameter 2 name').fill('resource')
  await page.getByLabel('Parameter 2 value').fill(API_RESOURCE)
  if (options.dpop === true) await page.getByLabel(DPOP_OPTION).check()
  await page.getByRole('button', { name: 'Sign in' }).click()
  await signInAtProvider(page)
  await expect(page.getByRole('heading', { name: 'Signed in' })).toBeVisible()
}

/** The settings form's DPoP checkbox. */
export const DPOP_OPTION = 'Bind the tokens to a key of this page (DPoP, RFC 9449)'

/**
 * A step of the timeline, by the start of its title: signed in, the timeline is in the workspace's
 * Flow tab; before that (step-through), on the page itself.
 */
export async function timelineStep(page: Page, title: string): Promise<Locator> {
  const flowTab = page.getByRole('tab', { name: 'Flow', exact: true })
  if ((await flowTab.count()) > 0) await flowTab.click()
  return page
    .getByRole('region', { name: 'Flow timeline' })
    .getByRole('article')
    .filter({ has: page.getByRole('heading', { name: new RegExp(`^${title}`) }) })
}

/** Opens the app and signs in with the form as it is (the Local provider preset by default). */
export async function signInWithDefaults(page: Page): Promise<void> {
  await page.goto('/')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await signInAtProvider(page)
  await expect(page.getByRole('heading', { name: 'Signed in' })).toBeVisible()
}

/**
 * The sign-out report once the app has asked the provider whether its session ended. The app bounds
 * that question itself (discovery 15 s, the hidden frame 10 s), so the wait is those bounds, not a
 * guess at how fast this machine is.
 */
export async function settledSignOutReport(page: Page): Promise<Locator> {
  const report = page.getByRole('status').filter({ hasText: 'Everything local was forgotten' })
  await expect(report).toBeVisible()
  await expect(report).not.toContainText('checking whether it ended', { timeout: 30_000 })
  return report
}
