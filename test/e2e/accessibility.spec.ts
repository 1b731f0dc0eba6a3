import type { Page } from '@playwright/test'

import { expectNoAxeViolations, tabTo } from './axe'
import { E2E } from './ports'
import {
  expect,
  openCollapsed,
  openSettings,
  settledSignOutReport,
  showTab,
  signInAtProvider,
  signInToGoogleShapedProvider,
  signInWithDefaults,
  test,
} from './fixtures'

function base64url(value: string): string {
  return Buffer.from(value).toString('base64url')
}

/** A well-formed signed JWT; its signature is made up, which the paste page says it does not check. */
function sampleJwt(): string {
  const now = Math.floor(Date.now() / 1000)
  const header = { alg: 'RS256', typ: 'JWT', kid: 'sample' }
  const payload = {
    iss: 'https://issuer.example',
    sub: 'alice',
    aud: 'pkce-lab',
    iat: now,
    exp: now + 3600,
    email: 'alice@example.test',
  }
  return `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}.${base64url('not a real signature')}`
}

async function pasteToken(page: Page, token: string): Promise<void> {
  await page.getByLabel('Token', { exact: true }).fill(token)
}

test.describe('axe finds no WCAG A or AA violation', () => {
  test('on the pages a signed-out visitor sees', async ({ page }) => {
    await page.goto('/')
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible()
    await openSettings(page)
    await openCollapsed(page)
    await expectNoAxeViolations(page, 'the settings screen, every part open')

    await page.getByRole('link', { name: 'Paste a token' }).click()
    await pasteToken(page, sampleJwt())
    await expect(page.getByRole('status').filter({ hasText: 'Decoded a signed JWT' })).toBeVisible()
    await expectNoAxeViolations(page, 'the paste page with a valid token')

    // Checked with the local provider's keys, neither of which signed it: the table of keys.
    const verify = page.getByRole('region', { name: 'Verify it' })
    await verify.getByRole('radio', { name: 'A key set URL (jwks_uri)' }).check()
    await verify.getByRole('textbox', { name: 'Key set URL' }).fill(`${E2E.localIssuer}/jwks`)
    await verify.getByRole('button', { name: 'Verify the signature' }).click()
    await expect(verify.getByRole('alert')).toContainText('Signature not verified')
    await expectNoAxeViolations(page, 'the paste page with a key table')

    await pasteToken(page, `${base64url('not json')}.${base64url('{"sub":')}.c2ln`)
    await expect(
      page.getByRole('status').filter({ hasText: 'it could not be decoded' }),
    ).toBeVisible()
    await expectNoAxeViolations(page, 'the paste page with a malformed token')

    await page.getByRole('link', { name: 'Error explainer' }).click()
    await expect(page.getByRole('heading', { name: 'Error explainer' })).toBeVisible()
    await expectNoAxeViolations(page, 'the error explainer')

    await page.getByRole('link', { name: 'JWT vs OAuth' }).click()
    await expect(page.getByRole('heading', { name: 'JWT vs OAuth' })).toBeVisible()
    await expectNoAxeViolations(page, 'the JWT-vs-OAuth page')
  })

  test('on the signed-in screen, with a userinfo answer, the timeline and the diagram', async ({
    page,
  }) => {
    await signInWithDefaults(page)
    await page.getByRole('button', { name: 'Call userinfo' }).click()
    await expect(page.getByRole('table', { name: 'UserInfo claims' })).toBeVisible()
    await expectNoAxeViolations(page, 'the API tab')
    await showTab(page, 'Flow')
    await expect(page.getByRole('region', { name: 'Flow timeline' })).toBeVisible()
    await expect(page.getByRole('group', { name: /^Sequence diagram of the run/ })).toBeVisible()
    await openCollapsed(page)
    await expectNoAxeViolations(page, 'the Flow tab, every part open')
    await showTab(page, 'Storage')
    await openCollapsed(page)
    await expectNoAxeViolations(page, 'the Storage tab, every part open')
    await showTab(page, 'Tokens')
    await openCollapsed(page)
    await expect(page.getByRole('table', { name: 'ID token claims' })).toBeVisible()
    await expectNoAxeViolations(page, 'the Tokens tab, every part open')

    // Nothing is told by colour alone: segments, trust levels and outcomes are also words.
    const idToken = page.getByRole('region', { name: 'ID token', exact: true })
    const segments = idToken.getByRole('list', { name: 'ID token segments' })
    for (const label of ['Header', 'Payload', 'Signature']) {
      await expect(segments.getByText(label, { exact: true })).toBeVisible()
    }
    const claims = idToken.getByRole('table', { name: 'ID token claims' })
    await expect(claims.getByRole('row', { name: /^email / })).toContainText(
      /decoded only|signature verified/,
    )
    await expect(claims.getByRole('row', { name: /^iss / })).toContainText(
      'checked against our request',
    )
    await showTab(page, 'Flow')
    const timeline = page.getByRole('region', { name: 'Flow timeline' })
    await expect(timeline.getByRole('heading', { name: /^Token request .* — ok$/ })).toBeVisible()
    await expect(timeline).toContainText('Passed: state equals the one this tab sent')
    await expect(page.getByRole('list', { name: 'Steps of the run as text' })).toContainText(
      '◀ current',
    )
  })

  test('on an error screen, announced as an alert', async ({ page }) => {
    await page.goto('/')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByRole('link', { name: '[ Cancel ]' }).click()
    const alert = page.getByRole('alert')
    await expect(alert).toContainText('access_denied')
    await expect(alert.getByRole('heading', { level: 2 })).toBeVisible()
    await expectNoAxeViolations(page, 'the error screen')
  })

  test('on the sign-out report of a provider without end-session', async ({ page }) => {
    await signInToGoogleShapedProvider(page)
    await page.getByRole('button', { name: 'Sign out' }).click()
    const report = page.getByRole('status').filter({ hasText: 'Everything local was forgotten' })
    await expect(report).toContainText('no end-session endpoint')
    await expectNoAxeViolations(page, 'the signed-out report')
  })
})

test('the whole flow works by keyboard alone, with focus always visible', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible()
  await tabTo(page, 'Sign in')
  await page.keyboard.press('Enter')

  // The provider's login form: the login field may already have focus (autofocus).
  await expect(page.locator('input[name="login"]')).toBeVisible()
  await tabTo(page, 'Enter any login')
  await page.keyboard.type('alice')
  await page.keyboard.press('Tab')
  await page.keyboard.type('any password')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('button', { name: 'Continue' })).toBeVisible()
  await tabTo(page, 'Continue')
  await page.keyboard.press('Enter')

  await expect(page.getByRole('heading', { name: 'Signed in' })).toBeVisible()
  const history = page.getByRole('table', { name: 'Refresh history' })
  await tabTo(page, 'Refresh now')
  await page.keyboard.press('Enter')
  await expect(history.getByRole('cell', { name: 'Refresh now', exact: true })).toBeVisible()

  // The button is disabled while it refreshes, so focus falls to the page; Chromium keeps the
  // sequential navigation point, and Tab goes on from the button to the band's other actions.
  await tabTo(page, 'Sign out')
  await page.keyboard.press('Space')
  // The local provider asks to confirm its own sign-out; its button has focus.
  await expect(page.getByRole('button', { name: /Yes, sign me out/i })).toBeVisible()
  await tabTo(page, /Yes, sign me out/i)
  await page.keyboard.press('Enter')
  await expect(await settledSignOutReport(page)).toContainText('Provider session: ended. Evidence:')
})

test.describe('at 320 CSS pixels wide', () => {
  test.use({ viewport: { width: 320, height: 640 } })

  async function expectNoHorizontalScroll(page: Page): Promise<void> {
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth)
    expect(scrollWidth).toBeLessThanOrEqual(320)
  }

  async function expectWithinWidth(page: Page, name: string): Promise<void> {
    const button = page.getByRole('button', { name, exact: true })
    await expect(button).toBeVisible()
    const box = await button.boundingBox()
    expect(box?.x).toBeGreaterThanOrEqual(0)
    expect((box?.x ?? 0) + (box?.width ?? Infinity)).toBeLessThanOrEqual(320)
  }

  test('the settings and signed-in screens reflow without horizontal scrolling', async ({
    page,
  }) => {
    await page.goto('/')
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible()
    await expectNoHorizontalScroll(page)
    await expectWithinWidth(page, 'Sign in')
    await openSettings(page)
    await expectWithinWidth(page, 'Copy redirect URI')
    await expectNoAxeViolations(page, 'the settings screen at 320 px')

    await page.getByRole('button', { name: 'Sign in' }).click()
    await signInAtProvider(page)
    await expect(page.getByRole('heading', { name: 'Signed in' })).toBeVisible()
    await page.getByRole('button', { name: 'Call userinfo' }).click()
    await expect(page.getByRole('table', { name: 'UserInfo claims' })).toBeVisible()
    await expectNoHorizontalScroll(page)
    await showTab(page, 'Tokens')
    await page.getByRole('button', { name: 'Refresh now' }).click()
    await expect(
      page
        .getByRole('table', { name: 'Refresh history' })
        .getByRole('cell', { name: 'ok', exact: true }),
    ).toBeVisible()
    await openCollapsed(page)
    await expectNoHorizontalScroll(page)
    for (const name of ['Sign out', 'Refresh now', 'Call userinfo', 'Copy ID token']) {
      await expectWithinWidth(page, name)
    }
    await expectNoAxeViolations(page, 'the signed-in screen at 320 px')
    await showTab(page, 'Flow')
    await expect(page.getByRole('group', { name: /^Sequence diagram of the run/ })).toBeVisible()
    await expectNoHorizontalScroll(page)
  })
})

test('live regions announce a refresh and an error', async ({ page, traffic }) => {
  await signInWithDefaults(page)
  const lifecycle = page.getByRole('region', { name: 'Token lifecycle' })
  // Automatic refresh off, so the announcement can only come from the button.
  await lifecycle.getByRole('switch', { name: 'Automatic refresh' }).uncheck()
  const announcement = lifecycle.getByRole('status').filter({ hasText: /refreshed at/ })
  await expect(announcement).toHaveCount(0)
  await lifecycle.getByRole('button', { name: 'Refresh now' }).click()
  await expect(announcement).toHaveText(/^Access token refreshed at /)
  await expect(announcement).toHaveAttribute('aria-live', 'polite')

  // The grant is revoked at the provider: the next refresh fails and ends the session, which is
  // told at once in an alert.
  const refreshToken = traffic.tokenExchanges.at(-1)?.body.refresh_token
  if (typeof refreshToken !== 'string') throw new Error('no refresh token was issued')
  const revoked = await fetch(`${E2E.localIssuer}/token/revocation`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token: refreshToken, client_id: 'pkce-lab' }),
  })
  expect(revoked.status).toBe(200)
  await lifecycle.getByRole('button', { name: 'Refresh now' }).click()
  const alert = page.getByRole('alert')
  await expect(alert).toContainText('invalid_grant')
  await expect(alert.getByRole('heading', { level: 2 })).toBeVisible()
})
