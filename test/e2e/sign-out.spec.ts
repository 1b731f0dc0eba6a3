import { E2E } from './ports'
import {
  browserStorage,
  expect,
  settledSignOutReport,
  signInAtProvider,
  signInWithDefaults,
  test,
  chooseGoogleShapedPreset,
} from './fixtures'

test('userinfo answers with the Bearer header; sign-out revokes the tokens, ends the provider session, and restores nothing', async ({
  page,
  traffic,
  context,
}) => {
  const revocations: URLSearchParams[] = []
  const urls: string[] = []
  const userinfoAuthorizations: (string | undefined)[] = []
  page.on('request', (request) => {
    urls.push(request.url())
    if (request.url() === `${E2E.localIssuer}/token/revocation`) {
      revocations.push(new URLSearchParams(request.postData() ?? ''))
    }
    if (request.url().startsWith(`${E2E.localIssuer}/me`)) {
      userinfoAuthorizations.push(request.headers().authorization)
    }
  })
  await signInWithDefaults(page)
  // UserInfo first: the token in the Authorization header, never in the URL (checked below).
  await page.getByRole('button', { name: 'Call userinfo' }).click()
  await expect(page.getByRole('table', { name: 'UserInfo claims' })).toContainText(
    'alice@example.test',
  )
  expect(userinfoAuthorizations.find((value) => value !== undefined)).toMatch(/^Bearer /)
  const issued = traffic.tokenExchanges.at(0)?.body
  await page.getByRole('button', { name: 'Sign out' }).click()

  // The provider asks to confirm its own sign-out (RP-Initiated Logout).
  await expect(page).toHaveURL(new RegExp(`^${E2E.localIssuer}/session/end`))
  await page.getByRole('button', { name: /Yes, sign me out/i }).click()

  // Coming back proves only a redirect: the provider is asked, and its answer is the evidence.
  const report = await settledSignOutReport(page)
  await expect(report).toContainText(
    'Provider session: ended. Evidence: after the sign-out, a silent authorization request (prompt=none) was answered login_required',
  )
  await expect(report).toContainText('Refresh token: revoked at the provider')
  expect(page.url()).toBe(`${E2E.appUrl}/`)
  await expect(page.getByRole('heading', { name: 'Signed in' })).toHaveCount(0)
  expect(revocations.map((body) => body.get('token_type_hint'))).toEqual([
    'refresh_token',
    'access_token',
  ])
  expect(revocations.at(0)?.get('token')).toBe(issued?.refresh_token)
  expect(revocations.at(1)?.get('token')).toBe(issued?.access_token)
  // The end-session request names the client, not the user: no ID token in any URL.
  const endSession = urls.find((url) => url.startsWith(`${E2E.localIssuer}/session/end?`))
  expect(new URL(endSession ?? '').searchParams.get('client_id')).toBe('pkce-lab')
  expect(typeof issued?.id_token).toBe('string')
  for (const url of urls) {
    expect(url).not.toContain(String(issued?.id_token))
    expect(url).not.toContain(String(issued?.access_token))
  }

  // Signing in again asks for credentials: the provider session really ended.
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.locator('input[name="login"]')).toBeVisible()
  await signInAtProvider(page)
  await expect(page.getByRole('heading', { name: 'Signed in' })).toBeVisible()
  const stored = await browserStorage(page, context)
  for (const token of traffic.issuedTokens) expect(stored).not.toContain(token)
})

test('declining the provider’s sign-out is reported as a session that did not end, with evidence', async ({
  page,
  traffic,
}) => {
  await signInWithDefaults(page)
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page).toHaveURL(new RegExp(`^${E2E.localIssuer}/session/end`))
  const exchanges = traffic.tokenExchanges.length
  await page.getByRole('button', { name: /No, stay signed in/i }).click()

  const report = await settledSignOutReport(page)
  await expect(report).toContainText(
    'Provider session: not ended. Evidence: after the sign-out, a silent authorization request (prompt=none) came back without asking you to log in',
  )
  await expect(report).not.toContainText('Signed out at the provider')
  // The code of that check was discarded, never exchanged.
  expect(traffic.tokenExchanges).toHaveLength(exchanges)
  // And it was true: the next sign-in does not ask for a password.
  // (the provider only asks to consent to offline access again).
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('heading', { name: 'Authorize' })).toBeVisible()
  await expect(page.locator('input[name="login"]')).toHaveCount(0)
})

test('where the provider has no end-session endpoint, sign-out says what was and was not done', async ({
  page,
}) => {
  await chooseGoogleShapedPreset(page)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await signInAtProvider(page, 'dave')
  // Asked again after the redirect (it lived in memory only), and offered in one click again.
  await page
    .getByRole('form', { name: 'Client secret needed to finish' })
    .getByRole('button', { name: 'Fill in its public secret' })
    .click()
  await page.getByRole('button', { name: 'Exchange the code' }).click()
  await expect(page.getByRole('heading', { name: 'Signed in' })).toBeVisible()

  await page.getByRole('button', { name: 'Sign out' }).click()
  const report = page.getByRole('status').filter({ hasText: 'Everything local was forgotten' })
  await expect(report).toContainText('no end-session endpoint')
  await expect(report).toContainText('revoked')
  expect(page.url()).toBe(`${E2E.appUrl}/`)
  await expect(page.getByRole('heading', { name: 'Signed in' })).toHaveCount(0)
})
