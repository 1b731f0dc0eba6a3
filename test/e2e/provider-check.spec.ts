/**
 * "Check this provider" without a sign-in, in real Chromium against the bundled providers and a
 * provider configured the weak way (its key set without CORS): each report says what the provider
 * really does, and the export carries none of the made-up credentials the run sent.
 */
import type { Page } from '@playwright/test'

import { LOCAL_CLIENT_ID, startLocalProviders } from '../../provider/local-providers'
import type { RunningProviders } from '../../provider/local-providers'
import { expectNoAxeViolations } from './axe'
import { expect, openCollapsed, openSettings, test } from './fixtures'
import { E2E } from './ports'

async function runCheck(page: Page) {
  await page.locator('details[data-section="provider-check"]:not([open]) > summary').click()
  await page.getByRole('button', { name: 'Check this provider' }).click()
  const report = page.getByRole('region', { name: /^Report for/ })
  await expect(report).toBeVisible({ timeout: 30_000 })
  await expect(report.getByRole('heading', { name: /^Report for/ })).toBeFocused()
  return report
}

/** The outcome word shown on each check, by the check's id. */
async function outcomes(page: Page): Promise<Record<string, string>> {
  const seen: Record<string, string> = {}
  for (const item of await page.locator('[data-check]').all()) {
    const id = (await item.getAttribute('data-check')) ?? ''
    seen[id] = (await item.locator('.provider-check__outcome').textContent()) ?? ''
  }
  return seen
}

test('the local provider passes every check a browser app depends on', async ({ page }) => {
  await page.goto('/')
  const report = await runCheck(page)

  await expect(report.getByTestId('provider-check-summary')).toContainText(
    '17 passed, 0 failed, 0 with a warning, 0 not checked.',
  )
  const seen = await outcomes(page)
  expect(Object.keys(seen)).toHaveLength(17)
  expect(Object.values(seen).every((outcome) => outcome === 'Pass')).toBe(true)
  // Its evidence is the provider's answer as read here: the made-up code was refused.
  const token = report.locator('[data-check="token-cors"]')
  await token.locator('summary').click()
  await expect(token).toContainText('invalid_grant')
  await openCollapsed(report)
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    await expectNoAxeViolations(page, `the provider report (${scheme})`)
  }
})

test('the Google-shaped provider shows its known gaps, and the Markdown export names them without the made-up code', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  const sent: string[] = []
  page.on('request', (request) => {
    const body = request.postData()
    if (request.method() === 'POST' && body !== null) sent.push(body)
  })
  await page.goto('/')
  await openSettings(page)
  await page.getByLabel('Preset').selectOption({ label: 'Local provider, Google-shaped' })
  const report = await runCheck(page)

  expect(await outcomes(page)).toMatchObject({
    'public-client': 'Fail',
    'end-session-endpoint': 'Warning',
    'pkce-s256': 'Pass',
    'token-cors': 'Pass',
  })
  const publicClient = report.locator('[data-check="public-client"]')
  await expect(publicClient).toContainText('"none" is not offered')
  await expect(publicClient).toContainText('What to change at the provider:')
  await expect(publicClient).toContainText('RFC 8414 §2')

  await report.getByRole('button', { name: 'Copy report as Markdown' }).click()
  const markdown = await page.evaluate(() => navigator.clipboard.readText())
  expect(markdown).toContain(`# Provider check: \` ${E2E.googleIssuer} \``)
  expect(markdown).toContain('| Fail | A public client can use the token endpoint |')
  const madeUp = sent
    .flatMap((body) => [...new URLSearchParams(body)])
    .filter(([name]) => ['code', 'code_verifier', 'token'].includes(name))
    .map(([, value]) => value)
  expect(madeUp.length).toBeGreaterThanOrEqual(2)
  for (const value of madeUp) expect(markdown).not.toContain(value)
})

let providers: RunningProviders | undefined

test.afterEach(async () => {
  await providers?.close()
  providers = undefined
})

test('a key set served without CORS fails its check with the origin to allow, and its keys are not judged', async ({
  page,
}) => {
  providers = await startLocalProviders({
    localPort: E2E.quirkyPort,
    googlePort: E2E.quirkyPort + 1,
    appOrigins: [E2E.appUrl],
    quiet: true,
    quirks: { jwksWithoutCors: true },
  })
  await page.goto('/')
  await openSettings(page)
  await page.getByLabel('Issuer URL').fill(E2E.quirkyIssuer)
  await page.getByLabel('Client ID').fill(LOCAL_CLIENT_ID)
  const report = await runCheck(page)

  expect(await outcomes(page)).toMatchObject({
    'jwks-readable': 'Fail',
    'jwks-keys': 'Not checked',
    'token-cors': 'Pass',
  })
  await expect(report.locator('[data-check="jwks-readable"]')).toContainText(
    `CORS does not allow ${E2E.appUrl}`,
  )
  await expect(report.locator('[data-check="jwks-keys"]')).toContainText(
    'the key set could not be read',
  )
})
