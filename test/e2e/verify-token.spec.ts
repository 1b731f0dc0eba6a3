/**
 * A real JWT access token (RFC 9068) from the local provider, pasted and verified with its issuer and
 * with its key set URL: the key that matched (kid, thumbprint), why the other did not, the claims as a
 * resource server checks them, and an altered token refused. Nothing pasted reaches storage.
 */
import { API_RESOURCE } from '../../provider/constants'
import { browserStorage, expect, signInForSampleApi, test } from './fixtures'
import { E2E } from './ports'

test('a JWT access token from the local provider verifies by its issuer and by its key set URL', async ({
  page,
  context,
  traffic,
}) => {
  await signInForSampleApi(page)
  const accessToken = traffic.tokenExchanges.at(0)?.body.access_token
  if (typeof accessToken !== 'string') throw new Error('no access token')

  await page.getByRole('link', { name: 'Paste a token' }).first().click()
  await page.getByRole('textbox', { name: 'Token' }).fill(accessToken)
  const verify = page.getByRole('region', { name: 'Verify it' })

  await verify.getByRole('radio', { name: 'An issuer: discovery, then its jwks_uri' }).check()
  await verify.getByLabel('Issuer', { exact: true }).fill(E2E.localIssuer)
  await verify.getByRole('button', { name: 'Verify the signature' }).click()
  const result = verify.getByRole('status')
  await expect(result).toBeFocused()
  await expect(result).toContainText(`Signature verified (ES256) with key 2 of 2 (kid "`)
  await expect(result).toContainText(
    `from the key set of ${E2E.localIssuer}, at its jwks_uri ${E2E.localIssuer}/jwks (a JWK Set of 2 keys)`,
  )
  // The local provider names each key by its RFC 7638 thumbprint, so the two columns must agree.
  const matched = result.getByRole('row', { name: /^Key 2 of 2/ })
  const [kid, thumbprint] = await Promise.all([
    matched.getByRole('cell').nth(0).innerText(),
    matched.getByRole('cell').nth(2).innerText(),
  ])
  expect(thumbprint).toBe(kid)
  await expect(matched).toContainText('EC P-256')
  await expect(result.getByRole('row', { name: /^Key 1 of 2/ })).toContainText(
    'Not tried: ES256 needs an EC key on curve P-256, and this is an RSA key',
  )

  // Judged as RFC 9068 asks, from its typ: the issuer given is the one expected.
  await expect(verify).toContainText('typ: Passed, typ is "at+jwt"')
  await expect(verify).toContainText(`iss: Passed, iss is "${E2E.localIssuer}", exactly`)
  await expect(verify).toContainText('Not decided yet: name the aud to expect.')
  await verify.getByLabel('Audience you are (aud)').fill('urn:another-api')
  await expect(verify).toContainText('A resource server would refuse this token: aud failed.')
  await verify.getByLabel('Audience you are (aud)').fill(API_RESOURCE)
  await expect(verify).toContainText('A resource server would accept this token')

  await verify.getByRole('radio', { name: 'A key set URL (jwks_uri)' }).check()
  await verify.getByRole('textbox', { name: 'Key set URL' }).fill(`${E2E.localIssuer}/jwks`)
  await verify.getByRole('button', { name: 'Verify the signature' }).click()
  await expect(verify.getByRole('status')).toContainText(
    `from the key set at ${E2E.localIssuer}/jwks (a JWK Set of 2 keys)`,
  )

  // The payload says another subject, with the signature left as it was.
  const [header, payload, signature] = accessToken.split('.')
  const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as object
  const forged = Buffer.from(JSON.stringify({ ...claims, sub: 'mallory' })).toString('base64url')
  const altered = `${header ?? ''}.${forged}.${signature ?? ''}`
  await page.getByRole('textbox', { name: 'Token' }).fill(altered)
  await verify.getByRole('button', { name: 'Verify the signature' }).click()
  const alert = verify.getByRole('alert')
  await expect(alert).toBeFocused()
  await expect(alert).toContainText('Signature not verified')
  await expect(alert.getByRole('row', { name: /^Key 2 of 2/ })).toContainText('Did not match')
  await expect(verify).toContainText(
    'A resource server would refuse this token: its signature is not verified.',
  )

  const stored = await browserStorage(page, context)
  expect(stored).not.toContain(accessToken)
  expect(stored).not.toContain(payload)
})
