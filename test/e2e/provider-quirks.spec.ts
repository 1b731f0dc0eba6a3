/**
 * What the app says about providers that behave unlike the default node-oidc-provider, each played by
 * a real node-oidc-provider configured that way (provider/provider-quirks.ts): every sentence must be
 * what happened.
 */
import type { Page } from '@playwright/test'

import { LOCAL_CLIENT_ID } from '../../provider/local-providers'
import { expect, settledSignOutReport, signInAtProvider, test, openCollapsed } from './fixtures'
import type { QuirkyProvider } from './fixtures'

/** The local preset, pointed at the quirky provider. */
async function signInThere(page: Page, quirky: QuirkyProvider): Promise<void> {
  await page.goto('/')
  await quirky.configure(page)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await signInAtProvider(page)
  await expect(page.getByRole('heading', { name: 'Signed in' })).toBeVisible()
}

test('a revocation refused with 401 and an empty body is reported as not revoked, and why', async ({
  page,
  quirky,
}) => {
  await quirky.start({ revocationRequiresClientAuth: true })
  const tokenResponses: Record<string, unknown>[] = []
  page.on('response', (response) => {
    if (response.url() === `${quirky.issuer}/token` && response.status() === 200) {
      void response.json().then((body: Record<string, unknown>) => tokenResponses.push(body))
    }
  })
  await signInThere(page, quirky)

  // Said before it is tried.
  await expect(page.getByText('which will probably be refused')).toBeVisible()
  await page.getByRole('button', { name: 'Sign out' }).click()
  await page.getByRole('button', { name: /Yes, sign me out/i }).click()

  const report = await settledSignOutReport(page)
  for (const token of ['Refresh token', 'Access token']) {
    await expect(report.getByRole('listitem').filter({ hasText: `${token}:` })).toContainText(
      'not revoked: the provider answered HTTP 401 without an error code.',
    )
  }
  await expect(report).toContainText(
    'revocation_endpoint_auth_methods_supported: client_secret_basic, so it demands client authentication, which RFC 7009 §2.1 does not ask of a public client',
  )
  await expect(report).toContainText('Provider session: ended. Evidence:')
  await expect(report).not.toContainText('invalid_token_response')
  await expect(report).not.toContainText('content-type')

  // And it is true: the refresh token still works at the provider.
  const refreshToken = tokenResponses.at(0)?.refresh_token
  expect(typeof refreshToken).toBe('string')
  const refreshed = await fetch(`${quirky.issuer}/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: String(refreshToken),
      client_id: LOCAL_CLIENT_ID,
    }),
  })
  expect(refreshed.status).toBe(200)
})

test('a provider that requires id_token_hint with prompt=none gets advice that says so', async ({
  page,
  quirky,
}) => {
  await quirky.start({ promptNoneRequiresIdTokenHint: true })
  await signInThere(page, quirky)
  await page.reload()
  await page.getByRole('button', { name: 'Restore session silently' }).click()

  const alert = page.getByRole('alert')
  await expect(alert).toContainText('id_token mandatory')
  await expect(alert).toContainText('A silent sign-in or restore cannot work with this provider')
  await expect(alert).not.toContainText('client secret')
  await expect(alert).not.toContainText('redirect URI')
  await expect(page.getByRole('heading', { name: 'Signed in' })).toHaveCount(0)
})

test('a scope granted narrower than asked is said next to the claims', async ({ page, quirky }) => {
  await quirky.start({ grantOpenIdOnly: true })
  await signInThere(page, quirky)

  const idToken = page.getByRole('region', { name: 'ID token', exact: true })
  await expect(idToken).toContainText('The provider granted less than was asked.')
  await expect(idToken).toContainText('Not granted: profile, email, offline_access.')
  await expect(idToken).toContainText('not because the user has none')
})

test('a jwks_uri without CORS does not stop the sign-in; the signature is said to be unchecked, and why', async ({
  page,
  quirky,
}) => {
  await quirky.start({ jwksWithoutCors: true })
  await signInThere(page, quirky)

  const idToken = page.getByRole('region', { name: 'ID token', exact: true })
  await expect(idToken).toContainText(
    "Not checked here: the signature. The provider's keys are not readable from this origin",
  )
  await expect(idToken).toContainText('allowed) with a JSON key set')
  await openCollapsed(idToken)
  await expect(idToken.getByRole('table', { name: 'ID token claims' })).not.toContainText(
    'signature verified',
  )
})
