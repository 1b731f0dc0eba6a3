import { createHash } from 'node:crypto'
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'

import type { Page } from '@playwright/test'

import { E2E } from './ports'
import {
  expect,
  signInAtProvider,
  signInWithDefaults,
  test,
  timelineStep,
  openSettings,
  showTab,
  openCollapsed,
} from './fixtures'

const run = promisify(execFile)

/** Runs a copied curl command exactly as printed, in sh, bash, zsh and fish: one answer each. */
async function runCurl(command: string): Promise<unknown[]> {
  expect(command.startsWith('curl ')).toBe(true)
  const shells: [string, ...string[]][] = [
    ['sh', '-c'],
    ['bash', '--norc', '--noprofile', '-c'],
    ['zsh', '-f', '-c'],
    ['fish', '--no-config', '-c'],
  ]
  const answers: unknown[] = []
  for (const [shell, ...flags] of shells) {
    const { stdout } = await run(shell, [...flags, command])
    answers.push(JSON.parse(stdout))
  }
  return answers
}

async function copiedText(page: Page, button: ReturnType<Page['getByRole']>): Promise<string> {
  await button.click()
  return page.evaluate(() => navigator.clipboard.readText())
}

test('the timeline shows each step with the real values, across the redirect; its curl runs as printed', async ({
  page,
  context,
  traffic,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  const authorizationUrls: string[] = []
  page.on('request', (request) => {
    if (request.url().startsWith(`${E2E.localIssuer}/auth?`)) authorizationUrls.push(request.url())
  })
  await signInWithDefaults(page)
  await showTab(page, 'Flow')
  const timeline = page.getByRole('region', { name: 'Flow timeline' })
  await expect(timeline).toBeVisible()

  const discovery = await timelineStep(page, 'Discovery')
  await expect(discovery).toContainText('HTTP 200')
  await expect(discovery).toContainText('Passed: S256 is in code_challenge_methods_supported')
  // The curl printed for discovery, pasted into every common shell, gets the same answer.
  const command = await copiedText(page, discovery.getByRole('button', { name: 'Copy as curl' }))
  const direct = (await (
    await fetch(`${E2E.localIssuer}/.well-known/openid-configuration`)
  ).json()) as unknown
  for (const answer of await runCurl(command)) expect(answer).toEqual(direct)

  // Across the redirect the challenge the browser sent is shown; the verifier was not kept.
  const authorization = await timelineStep(page, 'Authorization request')
  const sentChallenge = new URL(authorizationUrls.at(0) ?? '').searchParams.get('code_challenge')
  await expect(authorization.getByTestId('code-challenge')).toHaveText(sentChallenge ?? '')
  await expect(authorization.getByTestId('pkce-verdict')).toContainText(
    'The code_verifier was deliberately not kept across the page load',
  )
  await expect(authorization.getByTestId('code-verifier')).toHaveCount(0)

  const callback = await timelineStep(page, 'Callback')
  await expect(callback).toContainText('Passed: state equals the one this tab sent')
  await expect(callback).toContainText('Passed: iss equals the issuer')

  // The token request, made on this page, shows the verifier it sent: the one whose hash is the
  // challenge; the tokens in the answer stay masked.
  const exchange = await timelineStep(page, 'Token request')
  const verifier = traffic.tokenRequests.at(0)?.body.get('code_verifier') ?? ''
  expect(createHash('sha256').update(verifier).digest('base64url')).toBe(sentChallenge)
  await expect(exchange).toContainText(`code_verifier=${verifier}`)
  const accessToken = traffic.tokenExchanges.at(0)?.body.access_token
  if (typeof accessToken !== 'string') throw new Error('no access token')
  await expect(exchange).not.toContainText(accessToken)
  await exchange.getByRole('button', { name: 'Reveal tokens and secrets' }).click()
  await expect(exchange).toContainText(accessToken)

  // The diagram draws the same run, each arrow a link to its step.
  const diagram = page.getByRole('group', { name: /^Sequence diagram of the run/ })
  await expect(diagram).toBeVisible()
})

test('the curl printed for a refresh runs as printed against the provider', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  const secret = 'GOCSPX-local-provider-not-a-secret'
  await page.goto('/')
  await openSettings(page)
  await page.getByLabel('Preset').selectOption({ label: 'Local provider, Google-shaped' })
  await page.getByLabel('Client secret (required by this provider)').fill(secret)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await signInAtProvider(page, 'erin')
  await page.getByLabel('Client secret', { exact: true }).fill(secret)
  await page.getByRole('button', { name: 'Exchange the code' }).click()
  await page.getByRole('button', { name: 'Refresh now' }).click()
  const refresh = await timelineStep(page, 'Refresh')
  await expect(refresh).toContainText('HTTP 200')

  // Masked, the command carries no secret; revealed, it is the request that was sent.
  const masked = await copiedText(page, refresh.getByRole('button', { name: 'Copy as curl' }))
  expect(masked).not.toContain(secret)
  await refresh.getByRole('button', { name: 'Reveal tokens and secrets' }).click()
  const command = await copiedText(page, refresh.getByRole('button', { name: 'Copy as curl' }))
  expect(command).toContain(secret)
  // The Google-shaped provider does not rotate refresh tokens, so the same request works again.
  for (const answer of (await runCurl(command)) as Record<string, unknown>[]) {
    expect(answer.token_type).toBe('Bearer')
    expect(typeof answer.access_token).toBe('string')
    expect(answer.error).toBeUndefined()
  }
})

test('signature verification succeeds with the provider keys and fails for a tampered token', async ({
  page,
}) => {
  await signInWithDefaults(page)
  const idToken = page.getByRole('region', { name: 'ID token', exact: true })
  await idToken.getByRole('button', { name: 'Verify ID token signature' }).click()
  await expect(idToken).toContainText(
    'This proves the provider signed exactly this header and payload',
  )
  await expect(idToken).toContainText('signature verified')

  // A provider (or anyone on the way) that alters the ID token: its claims still pass every claim
  // check, but the signature, checked at the callback with the keys fetched before the redirect,
  // gives it away.
  await page.route(`${E2E.localIssuer}/token`, async (route) => {
    const response = await route.fetch()
    const body = (await response.json()) as Record<string, unknown>
    const token = String(body.id_token)
    const [header, payload, signature] = token.split('.')
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as Record<
      string,
      unknown
    >
    claims.name = 'Mallory'
    const altered = Buffer.from(JSON.stringify(claims)).toString('base64url')
    await route.fulfill({
      response,
      json: { ...body, id_token: `${header ?? ''}.${altered}.${signature ?? ''}` },
    })
  })
  // Signed in, the page has no Sign in: forget the tokens here first.
  await page.getByRole('button', { name: 'Forget tokens' }).click()
  await page.getByRole('button', { name: 'Sign in' }).click()
  // The provider remembers the user; it asks only to confirm consent again.
  await page.getByRole('button', { name: 'Continue' }).click()
  const alert = page.getByRole('alert')
  await expect(alert).toContainText('ID token validation')
  await expect(alert.getByTestId('error-check')).toHaveText('signature')
  await expect(page.getByRole('heading', { name: 'Signed in' })).toHaveCount(0)
  await expect(page.getByText('Mallory')).toHaveCount(0)
})

test('the first screen does not load the lazy parts', async ({ page }) => {
  const requested: string[] = []
  page.on('request', (request) => requested.push(request.url()))
  await page.goto('/')
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible()
  await page.waitForLoadState('networkidle')
  const lazy = [
    'jose',
    'claim-catalog',
    'features/sequence-diagram',
    'features/flow-timeline',
    'error-catalogue',
    'features/token-inspector',
    'verify-signature',
  ]
  for (const part of lazy) {
    expect(requested.filter((url) => url.includes(part))).toEqual([])
  }
  // ...and loads them when needed.
  await page.getByRole('link', { name: 'Error explainer' }).click()
  await expect(page.getByRole('heading', { name: 'Error explainer' })).toBeVisible()
  expect(requested.some((url) => url.includes('error-catalogue'))).toBe(true)
})

test('the claim catalogue explains each claim next to its value', async ({ page }) => {
  await signInWithDefaults(page)
  await openCollapsed(page)
  const claims = page.getByRole('table', { name: 'ID token claims' })
  const emailVerified = claims.getByRole('row', { name: /^email_verified/ })
  // Not compared with the request, but covered by the signature checked at the callback.
  await expect(emailVerified).toContainText('signature verified')
  await expect(emailVerified).not.toContainText('checked against our request')
  await expect(claims.getByRole('row', { name: /^aud / })).toContainText(
    'checked against our request',
  )
  await expect(emailVerified.getByRole('link')).toHaveAttribute('href', /openid\.net/)
})
