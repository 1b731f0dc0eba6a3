/**
 * Pushed authorization requests (RFC 9126) against the real local provider: turned on in the
 * settings, and done anyway at a provider that requires them (and refuses a request in the URL). The
 * browser goes to the authorization endpoint with client_id and request_uri alone; the timeline shows
 * the POST and the redirect, each explained.
 */
import type { Page } from '@playwright/test'

import { LOCAL_CLIENT_ID } from '../../provider/local-providers'
import {
  chooseGoogleShapedPreset,
  expect,
  openSettings,
  signInAtProvider,
  test,
  timelineStep,
} from './fixtures'
import { E2E } from './ports'

/** Every URL the browser was sent to at `issuer`'s authorization endpoint. */
function authorizationNavigations(page: Page, issuer: string): string[] {
  const urls: string[] = []
  page.on('request', (request) => {
    if (request.isNavigationRequest() && request.url().startsWith(`${issuer}/auth`)) {
      urls.push(request.url())
    }
  })
  return urls
}

/** What the browser's first visit to the authorization endpoint carried, by name. */
function sentNames(urls: readonly string[]): string[] {
  return [...new URL(urls.at(0) ?? 'about:blank').searchParams.keys()]
}

test('turned on, the request is pushed and the browser carries only client_id and request_uri', async ({
  page,
}) => {
  const navigations = authorizationNavigations(page, E2E.localIssuer)
  await page.goto('/')
  await openSettings(page)
  await page.getByLabel('Push the authorization request first (PAR, RFC 9126)').check()
  await page.getByRole('button', { name: 'Sign in' }).click()
  await signInAtProvider(page)
  await expect(page.getByRole('heading', { name: 'Signed in' })).toBeVisible()

  expect(sentNames(navigations)).toEqual(['client_id', 'request_uri'])
  const pushed = await timelineStep(page, 'Pushed authorization request')
  await expect(pushed).toContainText('POST')
  await expect(pushed).toContainText('HTTP 201')
  await expect(pushed).toContainText('Pushed because the settings ask for it')
  await expect(pushed).toContainText('code_challenge')
  const authorization = await timelineStep(page, 'Authorization request')
  await expect(authorization).toContainText('request_uri')
  await expect(authorization).toContainText('the provider already holds every parameter')
  await expect(authorization).not.toContainText('code_challenge')
})

test('a provider that requires PAR gets it without being asked, and refuses a request in the URL', async ({
  page,
  quirky,
}) => {
  await quirky.start({ pushedAuthorizationRequired: true })
  // The premise: this provider refuses an authorization request that was not pushed.
  const plain = new URL(`${quirky.issuer}/auth`)
  for (const [name, value] of [
    ['client_id', LOCAL_CLIENT_ID],
    ['response_type', 'code'],
    ['redirect_uri', `${E2E.appUrl}/callback`],
    ['scope', 'openid'],
    ['code_challenge', 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM'],
    ['code_challenge_method', 'S256'],
  ]) {
    plain.searchParams.set(name ?? '', value ?? '')
  }
  const refused = await page.request.get(plain.href, { maxRedirects: 0 })
  expect(refused.headers().location ?? (await refused.text())).toMatch(/invalid_request/)

  const navigations = authorizationNavigations(page, quirky.issuer)
  await page.goto('/')
  await quirky.configure(page)
  await expect(
    page.getByLabel('Push the authorization request first (PAR, RFC 9126)'),
  ).not.toBeChecked()
  await page.getByRole('button', { name: 'Sign in' }).click()
  await signInAtProvider(page)
  await expect(page.getByRole('heading', { name: 'Signed in' })).toBeVisible()

  expect(sentNames(navigations)).toEqual(['client_id', 'request_uri'])
  const pushed = await timelineStep(page, 'Pushed authorization request')
  await expect(pushed).toContainText(
    'The provider requires pushed authorization requests (require_pushed_authorization_requests)',
  )
})

test('turned on at a provider without PAR, the sign-in stops in a focused alert saying so', async ({
  page,
}) => {
  await chooseGoogleShapedPreset(page)
  await openSettings(page)
  await page.getByLabel('Push the authorization request first (PAR, RFC 9126)').check()
  await page.getByRole('button', { name: 'Sign in' }).click()

  const alert = page.getByRole('alert')
  await expect(alert).toBeFocused()
  await expect(alert).toContainText('advertises no pushed_authorization_request_endpoint')
  await expect(alert).toContainText('Turn the option off for this provider')
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible()
})
