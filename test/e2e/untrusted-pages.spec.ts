/**
 * Pages and links the user did not choose cannot drive the app: a settings link aiming at another
 * issuer waits for the user's say even with automatic restore on, a foreign page that frames the app
 * gets only a notice, and a browser that denies storage gets an alert and a working paste page.
 */
import { createServer } from 'node:http'
import type { Server } from 'node:http'

import { E2E } from './ports'
import { expect, signInWithDefaults, test, openSettings, showTab } from './fixtures'

/** Another origin on this machine: localhost is not 127.0.0.1 to a browser. */
const FOREIGN_PORT = E2E.appPort + 50
const FOREIGN = `http://localhost:${String(FOREIGN_PORT)}`

function serve(html: string): Promise<Server> {
  const server = createServer((_, response) => {
    response.writeHead(200, { 'content-type': 'text/html' })
    response.end(html)
  })
  return new Promise((resolve) => {
    server.listen(FOREIGN_PORT, '127.0.0.1', () => {
      resolve(server)
    })
  })
}

const HEADER = 'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9'
const PAYLOAD = Buffer.from(JSON.stringify({ sub: 'alice', name: 'Alice' })).toString('base64url')
const TOKEN = `${HEADER}.${PAYLOAD}.c2ln`

test('a link to another issuer steers nothing until accepted, even with automatic restore', async ({
  page,
}) => {
  await signInWithDefaults(page)
  // The local provider sends iss (RFC 9207), and the signed-in view says so.
  await showTab(page, 'Flow')
  await expect(page.getByTestId('callback-iss')).toContainText('The callback carried iss')
  // The tab had a session; automatic restore is on.
  await page.reload()
  await page.getByRole('checkbox', { name: 'Restore automatically after a reload' }).check()
  const hostile = 'http://127.0.0.1:9/'
  const requests: string[] = []
  page.on('request', (request) => requests.push(request.url()))

  const link = new URL('/', E2E.appUrl)
  link.searchParams.set('issuer', hostile)
  link.searchParams.set('client_id', 'pkce-lab')
  await page.goto(link.href)

  const review = page.getByRole('alertdialog', { name: 'A link proposes other provider settings' })
  await expect(review).toBeVisible()
  await openSettings(page)
  await expect(page.getByLabel('Issuer URL')).toHaveValue(E2E.localIssuer)
  // The marker's session is not restored on a page that carries a link, and the link's issuer is
  // never asked anything.
  await expect(page.getByRole('region', { name: 'Tokens forgotten on reload' })).toBeVisible()
  expect(requests.filter((url) => url.startsWith(hostile))).toEqual([])
  expect(requests.filter((url) => url.includes('/auth?'))).toEqual([])
  expect(page.url()).toBe(`${E2E.appUrl}/`)

  // Accepted, the form names another issuer than the session's: no silent restore goes there.
  await review.getByRole('button', { name: 'Use these settings' }).click()
  await expect(page.getByRole('button', { name: 'Restore session silently' })).toBeDisabled()
  expect(requests.filter((url) => url.startsWith(hostile))).toEqual([])
})

test('a page on another origin that frames the app sees only a notice', async ({ page }) => {
  const server = await serve(
    `<!doctype html><title>foreign</title><iframe src="${E2E.appUrl}/" width="800" height="600"></iframe><iframe src="${E2E.appUrl}/callback?code=stolen&state=x" width="800" height="200"></iframe>`,
  )
  try {
    const tokenRequests: string[] = []
    page.on('request', (request) => {
      if (request.method() === 'POST') tokenRequests.push(request.url())
    })
    await page.goto(FOREIGN)
    const frames = page.locator('iframe')
    for (const frame of [frames.first().contentFrame(), frames.nth(1).contentFrame()]) {
      await expect(frame.getByRole('alert')).toContainText(
        'PKCE Lab does not run inside another page',
      )
      await expect(frame.getByRole('button', { name: 'Sign in' })).toHaveCount(0)
    }
    expect(tokenRequests).toEqual([])
  } finally {
    server.close()
  }
})

test('with storage denied, the app says so, cannot sign in, and still decodes a pasted token', async ({
  page,
}) => {
  await page.addInitScript(() => {
    for (const name of ['sessionStorage', 'localStorage'] as const) {
      Object.defineProperty(window, name, {
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError')
        },
      })
    }
  })
  await page.goto('/')
  const alert = page.getByRole('alert')
  await expect(alert).toContainText('denies this page its storage')
  await expect(alert).toBeFocused()
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeDisabled()

  await page
    .getByRole('link', { name: /paste a token/i })
    .first()
    .click()
  await page.getByRole('textbox', { name: 'Token' }).fill(TOKEN)
  await expect(page.getByText('Alice').first()).toBeVisible()
})
