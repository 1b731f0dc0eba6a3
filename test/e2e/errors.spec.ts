import { expect, test, openSettings } from './fixtures'

test('an unreachable issuer names discovery and says nothing answered, not CORS', async ({
  page,
  traffic,
}) => {
  await page.goto('/')
  await openSettings(page)
  await page.getByLabel('Preset').selectOption({ label: 'Custom' })
  await page.getByLabel('Issuer URL').fill('http://127.0.0.1:5299')
  await page.getByLabel('Client ID').fill('anything')
  await page.getByRole('button', { name: 'Sign in' }).click()
  const alert = page.getByRole('alert')
  await expect(alert).toContainText('Discovery (fetching the provider metadata)')
  // Nothing listens there: a second request that needs no CORS got no answer either.
  await expect(alert).toContainText('The server did not answer at all')
  await expect(alert).not.toContainText('almost always CORS')
  expect(traffic.tokenRequests).toHaveLength(0)
})

test('an issuer with a placeholder left in is refused before any request', async ({ page }) => {
  await page.goto('/')
  await openSettings(page)
  await page.getByLabel('Preset').selectOption({ label: 'Microsoft Entra ID' })
  await page.getByLabel('Client ID').fill('00000000-0000-0000-0000-000000000000')
  await page.getByRole('button', { name: 'Sign in' }).click()
  const alert = page.getByRole('alert')
  await expect(alert).toContainText('Replace {tenant-id} in the issuer')
  await expect(alert).toContainText('Settings')
})
