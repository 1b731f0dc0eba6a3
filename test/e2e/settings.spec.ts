import { E2E } from './ports'
import { expect, signInAtProvider, test, openSettings } from './fixtures'

test('a settings link, once accepted, is ready to sign in', async ({ page, traffic }) => {
  const link = new URL('/', E2E.appUrl)
  link.searchParams.set('preset', 'custom')
  link.searchParams.set('issuer', E2E.localIssuer)
  link.searchParams.set('client_id', 'pkce-lab')
  link.searchParams.set('scope', 'openid email')
  link.searchParams.set('param.login_hint', 'bob')
  link.searchParams.set('client_secret', 'must-be-ignored')
  await page.goto(link.href)

  // Reviewed first: the secret is ignored, and nothing is used until accepted.
  const review = page.getByRole('alertdialog', { name: 'A link proposes other provider settings' })
  await expect(review).toBeFocused()
  await expect(review.locator('code', { hasText: 'client_secret' })).toBeVisible()
  await review.getByRole('button', { name: 'Use these settings' }).click()
  await openSettings(page)
  await expect(page.getByLabel('Preset')).toHaveValue('custom')
  await expect(page.getByLabel('Issuer URL')).toHaveValue(E2E.localIssuer)
  await expect(page.getByLabel('Client ID')).toHaveValue('pkce-lab')
  await expect(page.getByLabel('Scopes')).toHaveValue('openid email')
  await expect(page.getByLabel('Parameter 1 value')).toHaveValue('bob')
  await openSettings(page)
  await expect(page.getByLabel('Client secret (optional)')).toHaveValue('')
  expect(page.url()).toBe(`${E2E.appUrl}/`)

  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page).toHaveURL(/login_hint=bob|\/interaction\//)
  await signInAtProvider(page, 'bob')
  await expect(page.getByRole('heading', { name: 'Signed in' })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Refresh token', exact: true })).toContainText(
    'No refresh token was issued.',
  )
  expect(traffic.tokenRequests).toHaveLength(1)
})

test('settings are remembered across reloads, the secret is not', async ({ page }) => {
  await page.goto('/')
  await openSettings(page)
  await page.getByLabel('Scopes').fill('openid profile')
  await page.getByLabel('Client secret (optional)').fill('typed-secret')
  await page.reload()
  await openSettings(page)
  await expect(page.getByLabel('Scopes')).toHaveValue('openid profile')
  await expect(page.getByLabel('Client secret (optional)')).toHaveValue('')
  const stored = await page.evaluate(() => JSON.stringify(Object.entries(localStorage)))
  expect(stored).not.toContain('typed-secret')
})

test('the copied settings link carries the settings but not the secret', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.goto('/')
  await openSettings(page)
  await page.getByLabel('Client secret (optional)').fill('typed-secret')
  await page.getByRole('button', { name: 'Copy settings link' }).click()
  await expect(page.getByText('Copied', { exact: true })).toBeVisible()
  const copied = await page.evaluate(() => navigator.clipboard.readText())
  const url = new URL(copied)
  expect(url.searchParams.get('issuer')).toBe(E2E.localIssuer)
  expect(url.searchParams.get('redirect_uri')).toBe(`${E2E.appUrl}/callback`)
  expect(copied).not.toContain('typed-secret')
})

test('the redirect URI to register is shown', async ({ page }) => {
  await page.goto('/')
  await openSettings(page)
  await expect(page.getByLabel('Redirect URI (register this at the provider)')).toHaveValue(
    `${E2E.appUrl}/callback`,
  )
})
