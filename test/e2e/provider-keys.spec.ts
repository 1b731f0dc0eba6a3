/**
 * A jwks_uri that answers, but not with a usable key set, is reported with its real cause: the real
 * provider's key set answer is replaced on the way (as the hostile-provider suite does), the sign-in
 * goes on, and the timeline and the ID token say the signature was not checked, and why.
 */
import { E2E } from './ports'
import { expect, signInAtProvider, test, showTab } from './fixtures'

test.describe('a key set the app cannot use', () => {
  for (const [what, answer, cause] of [
    ['an HTTP error', { status: 500, body: 'oops' }, 'jwks_uri answered HTTP 500'],
    [
      'an HTML page',
      { status: 200, contentType: 'text/html', body: '<html>sign in</html>' },
      'jwks_uri answered text/html, not JSON',
    ],
    [
      'an empty key set',
      { status: 200, contentType: 'application/json', body: '{"keys":[]}' },
      'jwks_uri answered an empty key set',
    ],
  ] as const) {
    test(`is reported as ${what}, and the signature as not checked`, async ({ page }) => {
      await page.route(`${E2E.localIssuer}/jwks`, (route) =>
        route.fulfill({ ...answer, headers: { 'access-control-allow-origin': E2E.appUrl } }),
      )
      await page.goto('/')
      await page.getByRole('button', { name: 'Sign in' }).click()
      await signInAtProvider(page)
      await expect(page.getByRole('heading', { name: 'Signed in' })).toBeVisible()
      await showTab(page, 'Flow')

      const keys = page
        .getByRole('region', { name: 'Flow timeline' })
        .getByRole('article')
        .filter({ has: page.getByRole('heading', { name: /^Provider keys/ }) })
      await expect(keys).toContainText(`Failed: keys fetched from the discovered jwks_uri`)
      await expect(keys).toContainText(`${cause}: the ID token's signature will not be checked.`)
      await expect(keys).not.toContainText('or CORS')
    })
  }
})
