import { E2E } from './ports'
import { browserStorage, expect, signInAtProvider, signInWithDefaults, test } from './fixtures'

const LIFETIME_MS = E2E.accessTokenTtl * 1000

test('the app refreshes by itself before expiry, and never sends a rotated-out refresh token', async ({
  page,
  traffic,
  context,
}) => {
  test.setTimeout(90_000)
  await signInWithDefaults(page)
  const lifecycle = page.getByRole('region', { name: 'Token lifecycle' })
  await expect(lifecycle).toContainText('refresh token grant')
  const signedInAt = Date.now()

  const history = page.getByRole('table', { name: 'Refresh history' })
  await expect(history.getByRole('row')).toHaveCount(3, { timeout: 2 * LIFETIME_MS })
  const elapsed = Date.now() - signedInAt
  // Two refreshes, each ahead of the expiry of the token it replaced.
  expect(elapsed).toBeLessThan(2 * LIFETIME_MS)

  const refreshes = traffic.tokenExchanges.filter(
    (exchange) => exchange.grantType === 'refresh_token',
  )
  expect(refreshes).toHaveLength(2)
  const [code, first, second] = traffic.tokenExchanges
  // Each refresh sent the newest refresh token; the rotated-out one was never sent again.
  expect(first?.sentRefreshToken).toBe(code?.body.refresh_token)
  expect(second?.sentRefreshToken).toBe(first?.body.refresh_token)
  expect(second?.sentRefreshToken).not.toBe(code?.body.refresh_token)
  expect(new Set(refreshes.map((exchange) => exchange.sentRefreshToken)).size).toBe(2)

  // The newest access token is the one on screen, with no navigation and no user action.
  const newest = second?.body.access_token
  if (typeof newest !== 'string') throw new Error('no access token in the last refresh')
  await expect(page.getByRole('region', { name: 'Access token', exact: true })).toContainText(
    newest,
  )
  expect(page.url()).toBe(`${E2E.appUrl}/`)
  await expect(history).toContainText('yes')

  const stored = await browserStorage(page, context)
  for (const token of traffic.issuedTokens) expect(stored).not.toContain(token)
})

test('"Refresh now" refreshes at once with the newest refresh token', async ({ page, traffic }) => {
  await signInWithDefaults(page)
  await page.getByRole('button', { name: 'Refresh now' }).click()
  const rows = page.getByRole('table', { name: 'Refresh history' }).getByRole('row')
  await expect(rows).toHaveCount(2)
  await expect(rows.nth(1).getByRole('cell', { name: 'Refresh now', exact: true })).toBeVisible()
  await expect(rows.nth(1).getByRole('cell', { name: 'ok', exact: true })).toBeVisible()
  const [code, refresh] = traffic.tokenExchanges
  expect(refresh?.grantType).toBe('refresh_token')
  expect(refresh?.sentRefreshToken).toBe(code?.body.refresh_token)
})

test('a grant revoked at the provider ends in a clear signed-out message at the next refresh', async ({
  page,
  traffic,
  context,
}) => {
  await signInWithDefaults(page)
  const refreshToken = traffic.tokenExchanges.at(0)?.body.refresh_token
  if (typeof refreshToken !== 'string') throw new Error('no refresh token was issued')
  // The user (or an admin) revokes the grant at the provider, outside this app.
  const revoked = await fetch(`${E2E.localIssuer}/token/revocation`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token: refreshToken, client_id: 'pkce-lab' }),
  })
  expect(revoked.status).toBe(200)

  await page.getByRole('button', { name: 'Refresh now' }).click()
  const alert = page.getByRole('alert')
  await expect(alert).toContainText('Refresh (the refresh_token grant)')
  await expect(alert).toContainText('invalid_grant')
  await expect(alert).toContainText('The session has ended; sign in again.')
  await expect(page.getByRole('heading', { name: 'Signed in' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled()
  const stored = await browserStorage(page, context)
  for (const token of traffic.issuedTokens) expect(stored).not.toContain(token)
})

test('a provider that stops answering for a while is survived', async ({ page, traffic }) => {
  test.setTimeout(90_000)
  await signInWithDefaults(page)
  // The token endpoint becomes unreachable for a few seconds around the first scheduled refresh.
  let refused = 0
  await page.route(`${E2E.localIssuer}/token`, async (route) => {
    // The app's second request, which needs no CORS, finds the host gone too; it is no attempt.
    if (route.request().method() === 'HEAD') return route.abort('connectionrefused')
    if (refused < 2) {
      refused += 1
      return route.abort('connectionrefused')
    }
    return route.continue()
  })
  const history = page.getByRole('table', { name: 'Refresh history' })
  await expect(history).toContainText('failed', { timeout: 2 * LIFETIME_MS })
  await expect(
    history.getByRole('row').nth(1).getByRole('cell', { name: 'ok', exact: true }),
  ).toBeVisible({ timeout: 2 * LIFETIME_MS })
  await expect(history.getByRole('row')).toHaveCount(4)
  await expect(page.getByRole('heading', { name: 'Signed in' })).toBeVisible()
  expect(refused).toBe(2)
  const refreshed = traffic.tokenExchanges.filter(
    (exchange) => exchange.grantType === 'refresh_token',
  )
  expect(refreshed.at(-1)?.status).toBe(200)
})

test('the tokens are gone after a reload, by design, with a silent restore on offer', async ({
  page,
  traffic,
}) => {
  await signInWithDefaults(page)
  await page.reload()
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Signed in' })).toHaveCount(0)
  await expect(page.getByRole('region', { name: 'ID token', exact: true })).toHaveCount(0)
  const restore = page.getByRole('status').filter({ hasText: 'the reload forgot them' })
  await expect(restore).toBeVisible()
  const exchangesBefore = traffic.tokenExchanges.length
  await page.getByRole('button', { name: 'Restore session silently' }).click()
  // prompt=none at the provider, whose session is alive: no login form, straight back signed in.
  await expect(page.getByRole('heading', { name: 'Signed in' })).toBeVisible()
  expect(traffic.tokenExchanges.length).toBe(exchangesBefore + 1)
  await expect(page.locator('input[name="login"]')).toHaveCount(0)
})

test('restoring without a provider session says an interactive sign-in is needed', async ({
  page,
  context,
}) => {
  await signInWithDefaults(page)
  await context.clearCookies()
  await page.reload()
  await page.getByRole('button', { name: 'Restore session silently' }).click()
  const alert = page.getByRole('alert')
  await expect(alert).toContainText('Interactive sign-in needed')
  await expect(alert).toContainText('login_required')
  await expect(alert).toContainText('third-party cookies')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await signInAtProvider(page)
  await expect(page.getByRole('heading', { name: 'Signed in' })).toBeVisible()
})
