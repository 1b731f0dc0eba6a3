// @vitest-environment happy-dom
/**
 * The paste page's "Verify it": a typed secret with its warning, a JWK, the result that takes focus
 * and belongs to the token it was computed for, a key set that cannot be fetched in a focused alert,
 * and the claims judged as a resource server would, with a verdict from what ran only.
 */
import { cleanup, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { exportJWK, generateKeyPair, SignJWT } from 'jose'
import { afterEach, describe, expect, it } from 'vitest'

import PasteTokenPage from '../../src/features/paste-token/paste-token-page'
import { createFakeClock } from '../support/fake-clock'
import { renderStrict } from '../support/render'
import { offlineSession } from '../support/session-deps'

const NOW_MS = Date.UTC(2025, 0, 15, 12, 0, 0)
const NOW = NOW_MS / 1000
const SECRET = 'a test secret long enough for HS256!'
const CLAIMS = {
  iss: 'https://op.example',
  aud: 'urn:api',
  sub: 'alice',
  iat: NOW - 60,
  exp: NOW + 240,
}

afterEach(() => {
  cleanup()
})

function hmacToken(claims: Record<string, unknown> = CLAIMS): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .sign(new TextEncoder().encode(SECRET))
}

async function pasted(token: string) {
  const user = userEvent.setup()
  renderStrict(<PasteTokenPage />, { clock: createFakeClock(NOW_MS), session: offlineSession() })
  await user.click(screen.getByRole('textbox', { name: 'Token' }))
  await user.paste(token)
  return user
}

function verifySection(): HTMLElement {
  return screen.getByRole('region', { name: 'Verify it' })
}

describe('Verify it, on the paste page', () => {
  it('verifies an HS256 token with a typed secret, warning first, and moves focus to the result', async () => {
    const user = await pasted(await hmacToken())
    await user.click(screen.getByRole('radio', { name: 'A shared secret (HMAC)' }))
    const secret = screen.getByLabelText('Shared secret')
    expect(secret.getAttribute('type')).toBe('password')
    expect(verifySection().textContent).toContain(
      'a shared secret typed into a web page is no longer secret',
    )
    await user.type(secret, SECRET)
    await user.click(screen.getByRole('button', { name: 'Verify the signature' }))

    const region = await within(verifySection()).findByRole('status')
    expect(document.activeElement).toBe(region)
    expect(region.textContent).toContain(
      'Signature verified (HS256) with the secret you typed. Whoever',
    )
    expect(within(verifySection()).getByRole('table').textContent).toContain(
      'shared secret, 36 bytes',
    )

    // Judged as an unknown token with typ JWT: nothing RFC 9068 asks for applies.
    expect(verifySection().textContent).toContain(
      'Not decided yet: name the iss and aud to expect.',
    )
    await user.type(screen.getByLabelText('Issuer you trust (iss)'), 'https://op.example')
    await user.type(screen.getByLabelText('Audience you are (aud)'), 'urn:api')
    expect(verifySection().textContent).toContain('A resource server would accept this token')

    // Judged as an access token, its typ is not at+jwt: refused, whatever the signature.
    await user.click(screen.getByRole('radio', { name: 'Access token' }))
    expect(verifySection().textContent).toContain(
      'A resource server would refuse this token: typ, client_id, jti failed.',
    )
  })

  it('drops a result when the token changes: it belongs to the token it was computed for', async () => {
    const user = await pasted(await hmacToken())
    await user.click(screen.getByRole('radio', { name: 'A shared secret (HMAC)' }))
    await user.type(
      screen.getByLabelText('Shared secret'),
      'not the secret, but long enough to use',
    )
    await user.click(screen.getByRole('button', { name: 'Verify the signature' }))
    const alert = await within(verifySection()).findByRole('alert')
    expect(alert.textContent).toContain('Signature not verified with the secret you typed')
    expect(document.activeElement).toBe(alert)
    expect(verifySection().textContent).toContain(
      'A resource server would refuse this token: its signature is not verified.',
    )

    const token = screen.getByRole('textbox', { name: 'Token' })
    await user.clear(token)
    await user.click(token)
    await user.paste(await hmacToken({ ...CLAIMS, sub: 'bob' }))
    expect(within(verifySection()).queryByRole('alert')).toBeNull()
    expect(verifySection().textContent).toContain('Not decided yet: verify the signature first.')
  })

  it('verifies with a pasted JWK and names its kid and thumbprint', async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256')
    const token = await new SignJWT(CLAIMS)
      .setProtectedHeader({ alg: 'ES256', kid: 'k9' })
      .sign(privateKey)
    const user = await pasted(token)
    const jwk = JSON.stringify({ ...(await exportJWK(publicKey)), kid: 'k9' })
    await user.click(screen.getByLabelText('Key'))
    await user.paste(jwk)
    await user.click(screen.getByRole('button', { name: 'Verify the signature' }))

    const row = await within(verifySection()).findByRole('row', { name: /^The key/ })
    expect(row.textContent).toContain('k9')
    expect(row.textContent).toContain('EC P-256')
    expect(row.textContent).toContain('Matched')
    expect(verifySection().textContent).toContain('from the key you gave (a JWK)')
  })

  it('says in a focused alert why a key set could not be fetched', async () => {
    const user = await pasted(await hmacToken())
    await user.click(screen.getByRole('radio', { name: 'An issuer: discovery, then its jwks_uri' }))
    await user.type(screen.getByLabelText('Issuer'), 'https://op.example')
    await user.click(screen.getByRole('button', { name: 'Verify the signature' }))

    const alert = await within(verifySection()).findByRole('alert')
    expect(alert.textContent).toMatch(/^Not checked: Discovery failed: .+ did not answer/)
    expect(document.activeElement).toBe(alert)
  })

  it('refuses an alg "none" token whatever key is given', async () => {
    const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
    const user = await pasted(`${b64({ alg: 'none' })}.${b64(CLAIMS)}.`)
    await user.click(screen.getByRole('radio', { name: 'A shared secret (HMAC)' }))
    await user.type(screen.getByLabelText('Shared secret'), SECRET)
    await user.click(screen.getByRole('button', { name: 'Verify the signature' }))
    const alert = await within(verifySection()).findByRole('alert')
    expect(alert.textContent).toContain('Refused: the token says alg "none"')
  })
})
