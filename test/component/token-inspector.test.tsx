// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { StrictMode } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import { TokenInspector } from '../../src/features/token-inspector/token-inspector'
import type { TokenInspectorProps } from '../../src/features/token-inspector/token-inspector'
import { idTokenChecks } from '../../src/oidc/id-token-checks'
import { nth } from '../support/nth'

const NOW_MS = Date.UTC(2025, 0, 15, 12, 0, 0)
const NOW = NOW_MS / 1000

function b64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url')
}

function makeJwt(header: Record<string, unknown>, payload: Record<string, unknown>): string {
  return `${b64url(header)}.${b64url(payload)}.c2lnbmF0dXJlLWJ5dGVz`
}

const ID_TOKEN_HEADER = { alg: 'RS256', typ: 'JWT', kid: 'key-1' }
const ID_TOKEN_PAYLOAD = {
  iss: 'http://localhost:3000',
  sub: 'alice',
  aud: 'spa',
  exp: NOW + 4 * 60 + 30,
  iat: NOW - 30,
  nonce: 'n-0S6_WzA2Mj',
  name: '<img src=x onerror=alert(1)>',
}
const ID_TOKEN = makeJwt(ID_TOKEN_HEADER, ID_TOKEN_PAYLOAD)
const OPAQUE_ACCESS_TOKEN = 'ya29.a0AfB_byOpaqueAccessTokenValue'
const REFRESH_TOKEN = 'rt-7f3a9c2e1b4d8f6a0c5e'
const CHECKS = idTokenChecks({ issuer: 'http://localhost:3000', clientId: 'spa', alg: 'RS256' })

function renderInspector(tokens: Partial<TokenInspectorProps['tokens']> = {}) {
  const props: TokenInspectorProps = {
    tokens: {
      idToken: ID_TOKEN,
      accessToken: OPAQUE_ACCESS_TOKEN,
      tokenType: 'bearer',
      scope: 'openid profile email offline_access',
      accessTokenExpiresAt: NOW + 4 * 60 + 30,
      refreshToken: REFRESH_TOKEN,
      ...tokens,
    },
    idTokenChecks: CHECKS,
  }
  return render(
    <StrictMode>
      <TokenInspector {...props} />
    </StrictMode>,
  )
}

function section(name: string): HTMLElement {
  return screen.getByRole('region', { name })
}

beforeEach(() => {
  // Only Date is faked: user-event and the copy button still need real timers.
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(NOW_MS)
})

afterEach(() => {
  cleanup()
  vi.useRealTimers()
  Reflect.deleteProperty(navigator, 'clipboard')
})

describe('TokenInspector', () => {
  it('shows the three sections under stable headings', () => {
    renderInspector()

    for (const name of ['ID token', 'Access token', 'Refresh token']) {
      expect(screen.getByRole('heading', { level: 2, name })).toBeDefined()
      expect(section(name)).toBeDefined()
    }
  })

  it('labels each segment of the ID token in words', () => {
    renderInspector()
    const [header, payload, signature] = ID_TOKEN.split('.')

    const segments = within(section('ID token')).getByRole('list', { name: 'ID token segments' })
    const items = within(segments).getAllByRole('listitem')

    expect(items.map((item) => item.textContent)).toEqual([
      `Header${header}.`,
      `Payload${payload}.`,
      `Signature${signature}`,
    ])
  })

  it('shows the decoded header and payload as JSON', () => {
    renderInspector()
    const idSection = section('ID token')

    expect(within(idSection).getByText(/"kid": "key-1"/)).toBeDefined()
    expect(within(idSection).getByText(/"nonce": "n-0S6_WzA2Mj"/)).toBeDefined()
  })

  it('shows exp in the claims table as a readable time with a relative phrase', () => {
    renderInspector()

    const table = screen.getByRole('table', { name: 'ID token claims' })
    const expRow = within(table).getByRole('row', { name: /^exp\b/ })
    const cells = within(expRow).getAllByRole('cell')

    expect(nth(cells, 0).textContent).toContain(String(NOW + 270))
    expect(nth(cells, 0).textContent).toMatch(/2025.*\d{1,2}:\d{2}:\d{2}.*\(in 4 minutes\)/)
    expect(nth(cells, 1).textContent).toContain('Expiration time')
    expect(within(nth(cells, 1)).getByRole('link', { name: /RFC 7519 §4\.1\.4/ })).toHaveProperty(
      'href',
      'https://www.rfc-editor.org/rfc/rfc7519#section-4.1.4',
    )
  })

  it('warns that decoding is not verifying and lists what was and was not checked', () => {
    renderInspector()

    const note = within(section('ID token')).getByRole('note')

    expect(note.textContent).toContain('Anyone who holds this token can read it')
    expect(note.textContent).toContain('only base64url-encoded, not encrypted')
    expect(note.textContent).toContain('Decoding is not verifying')
    expect(within(note).getByRole('heading', { name: 'Checked by PKCE Lab' })).toBeDefined()
    const checks = within(note).getAllByRole('listitem')
    expect(checks).toHaveLength(CHECKS.length)
    expect(nth(checks, 1).textContent).toContain('"iss" equals the issuer http://localhost:3000')
    expect(within(nth(checks, 1)).getByRole('link')).toHaveProperty('href', nth(CHECKS, 1).spec)
    expect(note.textContent).toContain('Not checked here: the signature.')
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('explains an opaque access token and shows its type, scope and live expiry', () => {
    renderInspector()
    const accessSection = section('Access token')

    expect(accessSection.textContent).toContain('This access token is opaque')
    expect(accessSection.textContent).toContain('only the provider (and the APIs it serves)')
    expect(within(accessSection).getByRole('link', { name: /RFC 6749 §1\.4/ })).toBeDefined()
    expect(within(accessSection).getByText(OPAQUE_ACCESS_TOKEN)).toBeDefined()
    expect(within(accessSection).getByText('bearer')).toBeDefined()
    expect(within(accessSection).getByText('openid profile email offline_access')).toBeDefined()
    expect(accessSection.textContent).toMatch(/expires at .*2025.*\(in 4 minutes\)/)
    expect(within(accessSection).queryByRole('note')).toBeNull()
  })

  it('moves the access-token expiry phrase as the clock ticks', async () => {
    renderInspector()

    vi.setSystemTime(NOW_MS + 2 * 60_000)

    expect(
      await within(section('Access token')).findByText(/\(in 2 minutes\)/, {}, { timeout: 3000 }),
    ).toBeDefined()
  })

  it('says that nothing in a JWT access token was checked', () => {
    const accessToken = makeJwt(
      { alg: 'ES256', typ: 'at+jwt' },
      {
        iss: 'http://localhost:3000',
        aud: 'http://localhost:4000',
        scope: 'api:read',
        client_id: 'spa',
      },
    )
    renderInspector({ accessToken })
    const accessSection = section('Access token')

    const note = within(accessSection).getByRole('note')
    expect(note.textContent).toContain('Anyone who holds this token can read it')
    expect(note.textContent).toContain('meant for the API (resource server) that will validate it')
    expect(note.textContent).toContain('PKCE Lab did not check anything in it')
    expect(note.textContent).toContain('for reading only')
    expect(within(note).getByRole('link', { name: /RFC 9068/ })).toBeDefined()
    expect(within(accessSection).getByRole('table', { name: 'Access token claims' })).toBeDefined()
    expect(within(accessSection).getByRole('list', { name: 'Access token segments' })).toBeDefined()
  })

  it('says a five-segment access token is encrypted', () => {
    renderInspector({ accessToken: 'eyJhbGciOiJkaXIifQ..aXY.Y2lwaGVy.dGFn' })

    expect(section('Access token').textContent).toContain('This token is encrypted')
    expect(section('Access token').textContent).toContain('recipient’s private key')
  })

  it('says which segment of a malformed ID token failed', () => {
    renderInspector({
      idToken: `${b64url({ alg: 'RS256' })}.${Buffer.from('oops').toString('base64url')}.sig`,
    })

    expect(section('ID token').textContent).toContain('could not be decoded')
    expect(section('ID token').textContent).toContain('The payload segment does not decode to JSON')
  })

  it('masks the refresh token until Reveal is pressed, then hides it again', async () => {
    const user = userEvent.setup()
    renderInspector()
    const refreshSection = section('Refresh token')

    expect(refreshSection.textContent).not.toContain(REFRESH_TOKEN)
    expect(refreshSection.textContent).toContain(REFRESH_TOKEN.slice(0, 4))
    expect(refreshSection.textContent).toContain(`(${REFRESH_TOKEN.length} characters)`)
    expect(refreshSection.textContent).toContain('can get new tokens on its own')
    expect(refreshSection.textContent).toContain('only in this tab’s memory')

    const reveal = within(refreshSection).getByRole('button', { name: 'Reveal' })
    expect(reveal.getAttribute('aria-pressed')).toBe('false')
    await user.click(reveal)

    expect(within(refreshSection).getByText(REFRESH_TOKEN)).toBeDefined()
    const hide = within(refreshSection).getByRole('button', { name: 'Hide' })
    expect(hide.getAttribute('aria-pressed')).toBe('true')

    await user.click(hide)
    expect(refreshSection.textContent).not.toContain(REFRESH_TOKEN)
  })

  it('explains a missing refresh token', () => {
    renderInspector({ refreshToken: undefined })
    const refreshSection = section('Refresh token')

    expect(refreshSection.textContent).toContain('No refresh token was issued.')
    expect(refreshSection.textContent).toContain('offline_access')
    expect(refreshSection.textContent).toContain('access_type=offline and prompt=consent')
    expect(within(refreshSection).queryByRole('button', { name: 'Reveal' })).toBeNull()
  })

  it('renders HTML in a claim value as inert text', () => {
    const { container } = renderInspector()

    const table = screen.getByRole('table', { name: 'ID token claims' })
    expect(within(table).getByText('<img src=x onerror=alert(1)>')).toBeDefined()
    expect(container.querySelector('img')).toBeNull()
  })

  it('copies the ID token and says so', async () => {
    const user = userEvent.setup()
    // After setup, which installs user-event's own clipboard on navigator.
    const copied: string[] = []
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: {
        writeText: (text: string) => {
          copied.push(text)
          return Promise.resolve()
        },
      },
    })
    renderInspector()

    await user.click(within(section('ID token')).getByRole('button', { name: 'Copy ID token' }))

    expect(copied).toEqual([ID_TOKEN])
    expect(within(section('ID token')).getByRole('status').textContent).toBe('Copied')
  })
})
