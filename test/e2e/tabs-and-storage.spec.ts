import {
  browserStorage,
  expect,
  settledSignOutReport,
  signInAtProvider,
  signInWithDefaults,
  test,
  showTab,
} from './fixtures'

test('two tabs refresh independently; signing out in one makes the other forget its tokens', async ({
  page,
  context,
}) => {
  await signInWithDefaults(page)
  const second = await context.newPage()
  await second.route(/^https?:\/\/(?!127\.0\.0\.1[:/]|localhost[:/])/, (route) => route.abort())
  await second.goto('/')
  await second.getByRole('button', { name: 'Sign in' }).click()
  // The provider session is shared; consent is asked again because of prompt=consent.
  await second.getByRole('button', { name: 'Continue' }).click()
  await expect(second.getByRole('heading', { name: 'Signed in' })).toBeVisible()

  // Each tab has its own refresh token: refreshing in both invalidates neither.
  await page.getByRole('button', { name: 'Refresh now' }).click()
  await second.getByRole('button', { name: 'Refresh now' }).click()
  for (const tab of [page, second]) {
    const rows = tab.getByRole('table', { name: 'Refresh history' }).getByRole('row')
    await expect(rows.nth(1).getByRole('cell', { name: 'ok', exact: true })).toBeVisible()
  }

  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(second.getByText('in another tab, so this tab forgot its tokens too')).toBeVisible()
  await expect(second.getByRole('heading', { name: 'Signed in' })).toHaveCount(0)
  await second.close()
  // The first tab ends its provider session and comes back to the app.
  await page.getByRole('button', { name: /Yes, sign me out/i }).click()
  await expect(await settledSignOutReport(page)).toContainText('Provider session: ended. Evidence:')
})

test('the storage panel says what is kept where, and forgets everything', async ({
  page,
  context,
  traffic,
}) => {
  await page.goto('/')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await signInAtProvider(page)
  await showTab(page, 'Storage')
  const panel = page.getByRole('region', { name: 'What this page keeps, and where' })
  await expect(panel.getByTestId('storage-memory')).toContainText('the refresh token')
  await expect(panel).toContainText('pkce-lab:timeline')
  await expect(panel).toContainText('pkce-lab:settings')
  // Choosing the Storage tab was remembered, in the view preferences the panel describes.
  await expect(panel).toContainText('pkce-lab:view')
  await expect(panel).not.toContainText('pkce-lab:pending-authorization')

  await panel.getByRole('button', { name: 'Forget everything' }).click()
  await expect(page.getByText('Everything this page kept was forgotten.')).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Signed in' })).toHaveCount(0)
  const stored = await browserStorage(page, context)
  for (const token of traffic.issuedTokens) expect(stored).not.toContain(token)
  expect(stored).not.toContain('pkce-lab:timeline')
  expect(stored).not.toContain('pkce-lab:session-hint')
  expect(stored).not.toContain('pkce-lab:settings')
  expect(stored).not.toContain('pkce-lab:preferences')
  expect(stored).not.toContain('pkce-lab:view')
  // Signed out, the panel is one line at the foot of the first screen, collapsed.
  await page.locator('details[data-section="storage-panel"]:not([open]) > summary').click()
  await expect(panel.getByTestId('storage-memory')).toHaveText('No token and no secret.')
})
