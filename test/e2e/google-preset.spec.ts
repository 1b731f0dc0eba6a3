import { E2E } from './ports'
import { expect, signInAtProvider, test, openSettings } from './fixtures'

const GOOGLE_LIKE_SECRET = 'GOCSPX-local-provider-not-a-secret'

test('the Google preset signs in against the Google-shaped provider with a client secret', async ({
  page,
  traffic,
}) => {
  await page.goto('/')
  await openSettings(page)
  await page.getByLabel('Preset').selectOption({ label: 'Google' })
  await expect(page.getByLabel('Issuer URL')).toHaveValue('https://accounts.google.com')
  await expect(page.getByRole('complementary', { name: 'About Google' })).toContainText(
    'client_secret is missing',
  )
  await expect(page.getByLabel('Parameter 1 name')).toHaveValue('access_type')

  // Point the Google preset at the Google-shaped local provider.
  await openSettings(page)
  await page.getByLabel('Issuer URL').fill(E2E.googleIssuer)
  await page.getByLabel('Client ID').fill('pkce-lab-google')
  // Asked for before the redirect, not after the user has logged in.
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('alert')).toContainText(
    'This provider demands the client secret at its token endpoint',
  )
  expect(page.url()).toBe(`${E2E.appUrl}/`)
  await openSettings(page)
  await page.getByLabel('Client secret (required by this provider)').fill(GOOGLE_LIKE_SECRET)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await signInAtProvider(page, 'carol')

  // The secret lived in memory; the redirect cleared it, so the app asks again.
  await expect(page.getByRole('heading', { name: 'Client secret needed to finish' })).toBeVisible()
  expect(traffic.tokenRequests).toHaveLength(0)
  await page.getByLabel('Client secret', { exact: true }).fill(GOOGLE_LIKE_SECRET)
  await page.getByRole('button', { name: 'Exchange the code' }).click()

  await expect(page.getByRole('heading', { name: 'Signed in' })).toBeVisible()
  const exchange = traffic.tokenRequests.at(0)
  expect(exchange?.body.get('client_secret')).toBe(GOOGLE_LIKE_SECRET)
  expect(exchange?.authorization).toBeUndefined()
  await expect(page.getByRole('region', { name: 'Access token', exact: true })).toContainText(
    /opaque/i,
  )
  await expect(page.getByRole('region', { name: 'Refresh token', exact: true })).toContainText(
    'It is masked by default',
  )
})

test('without the client secret the Google-shaped provider refuses the code', async ({ page }) => {
  await page.goto('/')
  // The Google preset asks for the secret before the redirect; Custom does not know it is needed.
  await openSettings(page)
  await page.getByLabel('Preset').selectOption({ label: 'Custom' })
  await page.getByLabel('Issuer URL').fill(E2E.googleIssuer)
  await page.getByLabel('Client ID').fill('pkce-lab-google')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await signInAtProvider(page, 'carol')
  const alert = page.getByRole('alert')
  await expect(alert).toContainText('The token endpoint refused the request')
  await expect(alert).toContainText('invalid_request')
  await expect(alert).toContainText('client_secret is missing.')
  await expect(alert).toContainText('demand the client secret at the token endpoint even with PKCE')
  await expect(alert).toContainText('Token request (exchanging the code)')
})
