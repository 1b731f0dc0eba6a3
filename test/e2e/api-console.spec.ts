/**
 * The API console against the real local provider's UserInfo and the small protected resource served
 * beside it (provider/sample-api.ts): any method with headers and a body, the answer as it came,
 * WWW-Authenticate challenges explained, curl with the token masked, and no token ever in a URL.
 */
import type { Page } from '@playwright/test'

import { SAMPLE_API_PATH } from '../../provider/sample-api'
import { expect, showTab, signInForSampleApi, signInWithDefaults, test } from './fixtures'
import { E2E } from './ports'

const ORDERS = `${E2E.localIssuer}${SAMPLE_API_PATH}`

/** Every URL the page requested, to look for tokens in. */
function requestedUrls(page: Page): string[] {
  const urls: string[] = []
  page.on('request', (request) => urls.push(request.url()))
  return urls
}

async function console(page: Page) {
  await showTab(page, 'API')
  return page.getByRole('region', { name: 'Call an API', exact: true })
}

test('a JWT access token for the sample API: GET answered, POST refused for its scope, explained', async ({
  page,
  traffic,
}) => {
  const urls = requestedUrls(page)
  await signInForSampleApi(page)

  const api = await console(page)
  await api.getByLabel('API URL').fill(ORDERS)
  await api.getByRole('button', { name: 'Add header' }).click()
  await api.getByLabel('Header 1 name').fill('X-Request-Id')
  await api.getByLabel('Header 1 value').fill('e2e-1')
  await api.getByRole('button', { name: 'Send GET' }).click()
  await expect(api.getByTestId('http-status')).toHaveText('200 OK')
  await expect(api.locator('pre').first()).toContainText('"item": "tea"')

  const curl = api.getByRole('heading', { name: 'As curl' }).locator('xpath=..').locator('pre')
  await expect(curl).toContainText(`'${ORDERS}'`)
  await expect(curl).toContainText("'x-request-id: e2e-1'")
  await expect(curl).toContainText('[masked,')

  await api.getByLabel('Method').selectOption('POST')
  await api.getByRole('radio', { name: 'JSON' }).check()
  await api.getByLabel('JSON body').fill('{"item":"coffee"}')
  await api.getByRole('button', { name: 'Send POST' }).click()
  await expect(api.getByTestId('http-status')).toHaveText('403 Forbidden')
  const explained = api
    .getByRole('heading', { name: 'WWW-Authenticate, explained' })
    .locator('xpath=..')
  await expect(explained).toContainText('Bearer error="insufficient_scope"')
  await expect(explained).toContainText('the API names "api:write"')
  await expect(explained).toContainText(`POST ${SAMPLE_API_PATH} needs the scope api:write`)

  const accessToken = traffic.tokenExchanges.at(-1)?.body.access_token
  if (typeof accessToken !== 'string') throw new Error('no access token')
  for (const url of urls) expect(decodeURIComponent(url)).not.toContain(accessToken)
})

test('an opaque token refused by the sample API: renewed once, refused again, and said so', async ({
  page,
}) => {
  await signInWithDefaults(page)
  const api = await console(page)

  // The provider's own UserInfo takes the opaque token.
  await expect(api.getByLabel('API URL')).toHaveValue(`${E2E.localIssuer}/me`)
  await api.getByRole('button', { name: 'Send GET' }).click()
  await expect(api.getByTestId('http-status')).toHaveText('200 OK')
  await expect(api.locator('pre').first()).toContainText('"sub": "alice"')

  await api.getByLabel('API URL').fill(ORDERS)
  await api.getByRole('button', { name: 'Send GET' }).click()
  await expect(api.getByTestId('http-status')).toHaveText('401 Unauthorized')
  await expect(api).toContainText('Retried after a refresh (the first answer was 401)')
  const explained = api
    .getByRole('heading', { name: 'WWW-Authenticate, explained' })
    .locator('xpath=..')
  await expect(explained).toContainText('Bearer error="invalid_token"')
  await expect(explained).toContainText('the renewed token was refused too')
})
