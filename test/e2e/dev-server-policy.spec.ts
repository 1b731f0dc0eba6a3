/**
 * The development server sends the build's Content Security Policy as a header (with a nonce for the
 * inline tags only it writes), so that what the policy forbids fails while developing, and every
 * end-to-end test runs under it (fixtures.ts fails a test on any violation).
 */
import { E2E } from './ports'
import { expect, signInWithDefaults, test } from './fixtures'

test('the dev server sends the policy, and a sign-in runs under it without a violation', async ({
  page,
}) => {
  const response = await fetch(`${E2E.appUrl}/`)
  const policy = response.headers.get('content-security-policy') ?? ''
  expect(policy).toContain("default-src 'none'")
  expect(policy).toMatch(/script-src 'self' 'nonce-[\w+/=]+'/)
  // As on a host that sends no headers: the app itself refuses to run in a foreign frame.
  expect(policy).not.toContain('frame-ancestors')
  expect(policy).not.toContain('unsafe')

  await signInWithDefaults(page)
  await page.getByRole('link', { name: 'Paste a token' }).first().click()
  await expect(page.getByRole('textbox', { name: 'Token' })).toBeVisible()
})
