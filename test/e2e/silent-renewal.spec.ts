import type { Page } from '@playwright/test'

import { E2E } from './ports'
import { browserStorage, configure, expect, signInAtProvider, test } from './fixtures'

const LIFETIME_MS = E2E.accessTokenTtl * 1000

async function signInWithoutRefreshToken(page: Page) {
  await page.goto('/')
  await configure(page, { scope: 'openid profile email' })
  await page.getByRole('button', { name: 'Sign in' }).click()
  await signInAtProvider(page)
  await expect(page.getByRole('heading', { name: 'Signed in' })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Refresh token', exact: true })).toContainText(
    'No refresh token was issued.',
  )
}

test('without a refresh token the app renews silently with prompt=none in a hidden frame', async ({
  page,
  traffic,
  context,
}) => {
  test.setTimeout(60_000)
  const frameRequests: string[] = []
  page.on('request', (request) => {
    const url = new URL(request.url())
    if (url.searchParams.get('prompt') === 'none') frameRequests.push(request.url())
  })
  await signInWithoutRefreshToken(page)
  const lifecycle = page.getByRole('region', { name: 'Token lifecycle' })
  await expect(lifecycle).toContainText('hidden frame')

  const history = page.getByRole('table', { name: 'Refresh history' })
  await expect(
    history.getByRole('row').nth(1).getByRole('cell', { name: 'ok', exact: true }),
  ).toBeVisible({ timeout: 2 * LIFETIME_MS })
  expect(frameRequests.length).toBeGreaterThanOrEqual(1)
  expect(new URL(frameRequests[0] ?? '').searchParams.get('scope')).toBe('openid profile email')
  // The page itself never navigated.
  expect(page.url()).toBe(`${E2E.appUrl}/`)
  const newest = traffic.tokenExchanges.at(-1)?.body.access_token
  if (typeof newest !== 'string') throw new Error('no access token from the silent renewal')
  await expect(page.getByRole('region', { name: 'Access token', exact: true })).toContainText(
    newest,
  )
  const stored = await browserStorage(page, context)
  for (const token of traffic.issuedTokens) expect(stored).not.toContain(token)
})

test('when the provider session is gone the hidden frame ends in "interactive sign-in needed"', async ({
  page,
  context,
}) => {
  test.setTimeout(60_000)
  await signInWithoutRefreshToken(page)
  await context.clearCookies()
  const alert = page.getByRole('alert')
  await expect(alert).toContainText('Interactive sign-in needed', { timeout: 2 * LIFETIME_MS })
  await expect(alert).toContainText('login_required')
  await expect(alert).toContainText('Silent sign-in (prompt=none)')
  await expect(page.getByRole('heading', { name: 'Signed in' })).toHaveCount(0)
})
