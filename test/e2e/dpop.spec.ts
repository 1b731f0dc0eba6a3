/**
 * DPoP (RFC 9449) against the real local provider, which supports it: the tokens come back bound to
 * a key made in the page (token_type DPoP, cnf.jkt its thumbprint), every token request, refresh and
 * API call carries a fresh proof, the timeline decodes each proof, and a bound token sent without a
 * proof is refused by the sample API and by the provider's UserInfo. A provider that demands nonces
 * is answered with one; a provider without DPoP stops the sign-in before the browser leaves.
 */
import { SAMPLE_API_PATH } from '../../provider/sample-api'
import {
  browserStorage,
  chooseGoogleShapedPreset,
  DPOP_OPTION,
  expect,
  openSettings,
  showTab,
  signInAtProvider,
  signInForSampleApi,
  test,
  timelineStep,
} from './fixtures'
import { E2E } from './ports'

const ORDERS = `${E2E.localIssuer}${SAMPLE_API_PATH}`

test('bound tokens: a proof on every request, each decoded; without one the sample API refuses them', async ({
  page,
  context,
  traffic,
}) => {
  await signInForSampleApi(page, { dpop: true })

  // The token response: bound to this page's key, and the access token says which key.
  const binding = page.getByTestId('dpop-binding-token_type')
  await expect(binding).toContainText('token_type: Yes.')
  const exchange = traffic.tokenRequests.at(-1)
  expect(exchange?.dpop).toMatch(/^ey/)

  const tokenRequest = await timelineStep(page, 'Token request')
  await expect(tokenRequest).toContainText(
    'Passed: DPoP key pair made in this page; its private key cannot be exported',
  )
  await expect(tokenRequest).toContainText(
    "Passed: the access token's cnf.jkt is this key's thumbprint",
  )
  const proof = tokenRequest.getByRole('table', { name: /The DPoP header, decoded/ })
  await expect(proof.getByRole('row', { name: /^typ/ })).toContainText('dpop+jwt')
  await expect(proof.getByRole('row', { name: /^htm/ })).toContainText(
    "Matches: the request's method is POST",
  )
  await expect(proof.getByRole('row', { name: /^htu/ })).toContainText(
    `Matches: the request went to ${E2E.localIssuer}/token`,
  )

  // With the proof, the sample API answers; sent as Bearer, it refuses the bound token.
  await showTab(page, 'API')
  const api = page.getByRole('region', { name: 'Call an API', exact: true })
  await api.getByLabel('API URL').fill(ORDERS)
  await api.getByRole('button', { name: 'Send GET' }).click()
  await expect(api.getByTestId('http-status')).toHaveText('200 OK')
  await expect(api).toContainText('Not offered as curl: a DPoP-bound token needs a new proof')

  await api.getByRole('radio', { name: /without a proof/ }).check()
  await api.getByRole('button', { name: 'Send GET' }).click()
  await expect(api.getByTestId('http-status')).toHaveText('401 Unauthorized')
  // The 401 renewed the tokens once (a silent re-authorization, whose code exchange carried a proof
  // of the same key) and was refused again.
  await expect(api).toContainText('Retried after a refresh (the first answer was 401)')
  await expect(api).toContainText('DPoP error="invalid_token"')
  await expect(api).toContainText('it needs a DPoP proof')
  expect(traffic.tokenRequests).toHaveLength(2)
  const proofs = traffic.tokenRequests.map((request) => request.dpop)
  for (const sent of proofs) expect(sent).toMatch(/^ey/)
  expect(new Set(proofs).size).toBe(2)

  const renewal = await timelineStep(page, 'Silent re-authorization')
  await expect(renewal).toContainText("Passed: the access token's cnf.jkt is this key's thumbprint")
  const withProof = (await timelineStep(page, 'API request')).first()
  await expect(withProof.getByRole('row', { name: /^ath/ })).toContainText(
    'Matches: the SHA-256 of the access token in this request',
  )

  // Nothing of the key or its proofs crossed into storage.
  const stored = await browserStorage(page, context)
  for (const request of traffic.tokenRequests) {
    if (request.dpop !== undefined) expect(stored).not.toContain(request.dpop)
  }
})

test('a provider that demands DPoP nonces is answered with one; its UserInfo refuses the token without a proof', async ({
  page,
  quirky,
}) => {
  await quirky.start({ dpopNonceRequired: true })
  await page.goto('/')
  await quirky.configure(page)
  await page.getByLabel(DPOP_OPTION).check()
  await page.getByRole('button', { name: 'Sign in' }).click()
  await signInAtProvider(page)
  await expect(page.getByRole('heading', { name: 'Signed in' })).toBeVisible()

  const tokenRequest = await timelineStep(page, 'Token request')
  await expect(tokenRequest).toContainText('Earlier attempt: Raw HTTP: POST /token → 400')
  await expect(tokenRequest).toContainText('The server answered the attempt before this one with')
  await expect(tokenRequest.getByRole('row', { name: /^nonce/ }).last()).toContainText(
    "Matches: the DPoP-Nonce of the server's previous answer",
  )
  // An opaque token: its binding is the provider's to know, and the page says so.
  await showTab(page, 'Tokens')
  await expect(page.getByTestId('dpop-binding-cnf.jkt')).toContainText('cnf.jkt: Not applicable.')

  // The provider's own UserInfo: answered with a proof, refused as Bearer without one.
  await showTab(page, 'API')
  const api = page.getByRole('region', { name: 'Call an API', exact: true })
  await expect(api.getByLabel('API URL')).toHaveValue(`${quirky.issuer}/me`)
  await api.getByRole('button', { name: 'Send GET' }).click()
  await expect(api.getByTestId('http-status')).toHaveText('200 OK')
  await expect(api.locator('pre').first()).toContainText('"sub": "alice"')
  await api.getByRole('radio', { name: /without a proof/ }).check()
  await api.getByRole('button', { name: 'Send GET' }).click()
  await expect(api.getByTestId('http-status')).toHaveText('401 Unauthorized')
  await expect(api).toContainText('error="invalid_token"')
})

test('turned on at a provider without DPoP, the sign-in stops in a focused alert before leaving', async ({
  page,
}) => {
  await chooseGoogleShapedPreset(page)
  await openSettings(page)
  await page.getByLabel(DPOP_OPTION).check()
  await page.getByRole('button', { name: 'Sign in' }).click()

  const alert = page.getByRole('alert')
  await expect(alert).toBeFocused()
  await expect(alert).toContainText('advertises no dpop_signing_alg_values_supported')
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible()
})
