import { E2E } from './ports'
import {
  browserStorage,
  expect,
  signInAtProvider,
  test,
  openSettings,
  openCollapsed,
} from './fixtures'

test('a newcomer signs in with the defaults and sees the decoded claims', async ({
  page,
  traffic,
  context,
}) => {
  await page.goto('/')
  await openSettings(page)
  await expect(page.getByLabel('Issuer URL')).toHaveValue(E2E.localIssuer)
  await page.getByRole('button', { name: 'Sign in' }).click()

  await expect(page).toHaveURL(new RegExp(`^${E2E.localIssuer}/interaction/`))
  await signInAtProvider(page, 'alice')

  await expect(page.getByRole('heading', { name: 'Signed in' })).toBeVisible()
  const idToken = page.getByRole('region', { name: 'ID token', exact: true })
  await expect(idToken.getByTestId('token-verdict')).toHaveText(
    'Decoded — anyone can read this. Signature verified with the provider’s key.',
  )
  await openCollapsed(idToken)
  const claims = idToken.getByRole('table', { name: 'ID token claims' })
  await expect(claims.getByRole('row', { name: /^sub alice/ })).toBeVisible()
  await expect(claims.getByRole('row', { name: /^email alice@example\.test/ })).toBeVisible()
  await expect(claims.getByRole('row', { name: /^iss / })).toContainText(E2E.localIssuer)
  // Checked at the callback with the keys fetched from jwks_uri before the redirect.
  await expect(
    idToken.getByText(/signature verifies with the provider's published key/),
  ).toBeVisible()
  await expect(idToken.getByText(/^Anyone who holds this token can read it/)).toBeVisible()
  await expect(page.getByRole('region', { name: 'Refresh token', exact: true })).toContainText(
    'It is masked by default',
  )

  // One exchange, as a public client: the verifier, and no secret.
  expect(traffic.tokenRequests).toHaveLength(1)
  const exchange = traffic.tokenRequests.at(0)
  expect(exchange?.body.get('grant_type')).toBe('authorization_code')
  expect(exchange?.body.get('code_verifier')).toMatch(/^[\w-]{43}$/)
  expect(exchange?.body.has('client_secret')).toBe(false)
  expect(exchange?.authorization).toBeUndefined()

  // No token anywhere but memory: not in storage, cookies, IndexedDB or the URL.
  expect(traffic.issuedTokens.length).toBeGreaterThanOrEqual(3)
  expect(new URL(page.url()).search).toBe('')
  expect(page.url()).toBe(`${E2E.appUrl}/`)
  const stored = await browserStorage(page, context)
  for (const token of traffic.issuedTokens) expect(stored).not.toContain(token)
  expect(stored).not.toContain('pkce-lab:pending-authorization')
})

test('cancelling at the provider explains access_denied and stays signed out', async ({
  page,
  traffic,
  context,
}) => {
  await page.goto('/')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.getByRole('link', { name: '[ Cancel ]' }).click()

  const alert = page.getByRole('alert')
  await expect(alert).toContainText('The provider refused the authorization request')
  await expect(alert).toContainText('access_denied')
  await expect(alert).toContainText('End-User aborted interaction')
  await expect(alert).toContainText('Callback (the authorization response)')
  await expect(alert).toContainText('Sign in again and approve the request')
  expect(traffic.tokenRequests).toHaveLength(0)
  expect(new URL(page.url()).search).toBe('')
  expect(await browserStorage(page, context)).not.toContain('pkce-lab:pending-authorization')

  await alert.getByRole('button', { name: 'Dismiss' }).click()
  await expect(page.getByRole('alert')).toHaveCount(0)
})

test('signing in again after a failure works', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.getByRole('link', { name: '[ Cancel ]' }).click()
  await expect(page.getByRole('alert')).toBeVisible()
  await page.getByRole('button', { name: 'Sign in' }).click()
  await signInAtProvider(page)
  await expect(page.getByRole('heading', { name: 'Signed in' })).toBeVisible()
  await expect(page.getByRole('alert')).toHaveCount(0)
})
