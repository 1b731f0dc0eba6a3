import { E2E } from './ports'
import { expect, signInAtProvider, test, openSettings } from './fixtures'

test('step-through pauses before the redirect and before the code exchange', async ({
  page,
  traffic,
}) => {
  const authorizationUrls: string[] = []
  page.on('request', (request) => {
    if (request.url().startsWith(`${E2E.localIssuer}/auth?`)) authorizationUrls.push(request.url())
  })
  await page.goto('/')
  await openSettings(page)
  await page.getByRole('checkbox', { name: /^Step through/ }).check()
  await page.getByRole('button', { name: 'Sign in' }).click()

  // Paused: the request is ready, the browser has not left.
  const beforeRedirect = page.getByRole('region', { name: 'Paused before the redirect' })
  await expect(beforeRedirect).toBeVisible()
  await expect(page).toHaveURL(`${E2E.appUrl}/`)
  expect(authorizationUrls).toEqual([])
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeDisabled()

  // The pause links to the authorization request in the timeline, whose PKCE proof holds.
  const link = beforeRedirect.getByRole('link', { name: 'Read the request in the flow timeline' })
  const anchor = (await link.getAttribute('href')) ?? ''
  expect(anchor).toMatch(/^#step-\d+$/)
  const request = page.locator(anchor)
  await expect(request.getByRole('heading', { level: 3 })).toHaveText(
    'Authorization request — waiting',
  )
  await expect(request.getByTestId('pkce-verdict')).toContainText('Match')
  const challenge = await request.getByTestId('code-challenge').textContent()

  await beforeRedirect.getByRole('button', { name: 'Continue to the provider' }).click()

  await expect(page).toHaveURL(new RegExp(`^${E2E.localIssuer}/interaction/`))
  expect(authorizationUrls).toHaveLength(1)
  expect(new URL(authorizationUrls.at(0) ?? '').searchParams.get('code_challenge')).toBe(challenge)
  await signInAtProvider(page)

  // Back with a code that passed every check, not yet exchanged.
  const beforeExchange = page.getByRole('region', { name: 'Paused before the code exchange' })
  await expect(beforeExchange).toBeVisible()
  expect(traffic.callbacks).toHaveLength(1)
  const code = new URL(traffic.callbacks.at(0) ?? '').searchParams.get('code') ?? ''
  expect(code).not.toBe('')
  await expect(beforeExchange.getByText(code, { exact: true })).toBeVisible()
  // The callback left the address bar: code and state are gone from the URL.
  await expect(page).toHaveURL(`${E2E.appUrl}/`)
  expect(traffic.tokenRequests).toEqual([])
  await expect(page.getByRole('heading', { name: 'Signed in' })).toHaveCount(0)

  await beforeExchange.getByRole('button', { name: 'Exchange the code now' }).click()

  await expect(page.getByRole('heading', { name: 'Signed in' })).toBeVisible()
  await expect(beforeExchange).toHaveCount(0)
  expect(traffic.tokenRequests).toHaveLength(1)
  expect(traffic.tokenRequests.at(0)?.body.get('code')).toBe(code)
  expect(traffic.tokenRequests.at(0)?.body.get('grant_type')).toBe('authorization_code')
})
