/**
 * Nothing that can be redeemed survives outside memory: with a code in hand and the exchange paused,
 * after a reload, and after the token endpoint refused the exchange, the app's storage, cookies,
 * IndexedDB and URL hold neither the authorization code nor the code_verifier.
 */
import { E2E } from './ports'
import { browserStorage, expect, signInAtProvider, test, openSettings } from './fixtures'

test('paused before the exchange and reloaded: neither code nor verifier is kept anywhere', async ({
  page,
  context,
  traffic,
}) => {
  await page.goto('/')
  await openSettings(page)
  await page.getByRole('checkbox', { name: /^Step through/ }).check()
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('region', { name: 'Paused before the redirect' })).toBeVisible()
  // The one place the verifier may wait: the pending authorization, until the callback takes it.
  const verifier = await page.evaluate(() => {
    const pending = JSON.parse(
      sessionStorage.getItem('pkce-lab:pending-authorization') ?? '{}',
    ) as { codeVerifier?: string }
    return pending.codeVerifier ?? ''
  })
  expect(verifier).toMatch(/^[\w-]{43,128}$/)
  await page.getByRole('button', { name: 'Continue to the provider' }).click()
  await signInAtProvider(page)
  await expect(page.getByRole('region', { name: 'Paused before the code exchange' })).toBeVisible()
  const code = new URL(traffic.callbacks.at(0) ?? '').searchParams.get('code') ?? ''
  expect(code).not.toBe('')

  for (const reloaded of [false, true]) {
    if (reloaded) await page.reload()
    const stored = await browserStorage(page, context)
    expect(stored).toContain('pkce-lab:timeline')
    expect(stored).not.toContain(code)
    expect(stored).not.toContain(verifier)
  }

  // After the reload the timeline says why the verifier is not there, and shows the challenge.
  const proof = page.locator('.pkce-proof')
  await expect(proof.getByTestId('pkce-verdict')).toContainText('deliberately not kept')
  await expect(proof.getByTestId('code-challenge')).toHaveText(/^[\w-]{43}$/)
  expect(traffic.tokenRequests).toEqual([])
})

test('after the token endpoint refused the exchange: neither code nor verifier is kept', async ({
  page,
  context,
  traffic,
}) => {
  await page.goto('/')
  // Custom, which does not know that this provider demands a secret (the Google preset asks first).
  await openSettings(page)
  await page.getByLabel('Preset').selectOption({ label: 'Custom' })
  await page.getByLabel('Issuer URL').fill(E2E.googleIssuer)
  await page.getByLabel('Client ID').fill('pkce-lab-google')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await signInAtProvider(page, 'carol')
  // The Google-shaped provider demands a client secret: the exchange is refused.
  await expect(page.getByRole('alert')).toContainText('The token endpoint refused the request')
  const sent = traffic.tokenRequests.at(0)?.body
  const code = sent?.get('code') ?? ''
  const verifier = sent?.get('code_verifier') ?? ''
  expect(code).not.toBe('')
  expect(verifier).not.toBe('')

  for (const reloaded of [false, true]) {
    if (reloaded) await page.reload()
    const stored = await browserStorage(page, context)
    expect(stored).not.toContain(code)
    expect(stored).not.toContain(verifier)
    expect(stored).not.toContain('pkce-lab:pending-authorization')
  }
})
