import { E2E } from './ports'
import { browserStorage, expect, signInAtProvider, test } from './fixtures'

test('a tampered state is refused without any token request', async ({
  page,
  traffic,
  context,
}) => {
  // Play an attacker who swaps the state: the provider receives, and so sends back, another state than
  // the one this tab keeps. (Playwright cannot intercept the redirect to the callback itself.)
  await page.route(
    (url) => url.href.startsWith(E2E.localIssuer) && url.searchParams.has('code_challenge'),
    async (route) => {
      const url = new URL(route.request().url())
      if (url.searchParams.get('state') === 'tampered') return route.continue()
      url.searchParams.set('state', 'tampered')
      return route.fulfill({ status: 302, headers: { location: url.href } })
    },
  )
  await page.goto('/')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await signInAtProvider(page)

  const alert = page.getByRole('alert')
  await expect(alert).toContainText('The state parameter does not match')
  await expect(alert).toContainText('state')
  expect(traffic.tokenRequests).toHaveLength(0)
  await expect(page.getByRole('heading', { name: 'Signed in' })).toHaveCount(0)
  expect(new URL(page.url()).search).toBe('')
  expect(await browserStorage(page, context)).not.toContain('pkce-lab:pending-authorization')
})

test('a replayed callback URL is refused without a second token request', async ({
  page,
  traffic,
}) => {
  await page.goto('/')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await signInAtProvider(page)
  await expect(page.getByRole('heading', { name: 'Signed in' })).toBeVisible()
  expect(traffic.tokenRequests).toHaveLength(1)
  const [callback] = traffic.callbacks
  if (!callback) throw new Error('no callback was seen')

  // The back button cannot reach the callback: its history entry was replaced.
  await page.goBack()
  await expect(page).not.toHaveURL(/code=/)

  await page.goto(callback)
  const alert = page.getByRole('alert')
  await expect(alert).toContainText('No sign-in is waiting for this callback')
  await expect(alert).toContainText('A callback URL works once')
  expect(traffic.tokenRequests).toHaveLength(1)
  await expect(page.getByRole('heading', { name: 'Signed in' })).toHaveCount(0)
})

test('an unsolicited callback is refused', async ({ page, traffic }) => {
  await page.goto(`/callback?code=stolen&state=guess&iss=${encodeURIComponent(E2E.localIssuer)}`)
  await expect(page.getByRole('alert')).toContainText('No sign-in is waiting for this callback')
  expect(traffic.tokenRequests).toHaveLength(0)
  expect(new URL(page.url()).search).toBe('')
})
