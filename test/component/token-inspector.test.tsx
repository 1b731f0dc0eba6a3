// @vitest-environment happy-dom
import { act, cleanup, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { exportJWK, generateKeyPair, SignJWT } from 'jose'
import type { CryptoKey, JWK } from 'jose'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'

import { claimTrust } from '../../src/components/decoded-token/claim-trust'
import { ClaimsTable } from '../../src/components/decoded-token/claims-table'
import { TokenInspector } from '../../src/features/token-inspector/token-inspector'
import type { TokenInspectorProps } from '../../src/features/token-inspector/token-inspector'
import { describeClaims } from '../../src/jwt/describe-claims'
import { idTokenChecks } from '../../src/oidc/id-token-checks'
import { nth } from '../support/nth'
import { createFakeClock } from '../support/fake-clock'
import type { FakeClock } from '../support/fake-clock'
import { openDisclosures, renderStrict } from '../support/render'

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
const CHECKS = idTokenChecks({
  issuer: 'http://localhost:3000',
  clientId: 'spa',
  alg: 'RS256',
  claims: ID_TOKEN_PAYLOAD,
})
const PASSED = CHECKS.filter((check) => check.outcome === 'passed')

function inspectorProps(
  tokens: Partial<TokenInspectorProps['tokens']> = {},
  extra: Partial<Omit<TokenInspectorProps, 'tokens'>> = {},
): TokenInspectorProps {
  return {
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
    ...extra,
  }
}

function renderInspector(
  tokens: Partial<TokenInspectorProps['tokens']> = {},
  extra: Partial<Omit<TokenInspectorProps, 'tokens'>> = {},
) {
  const view = renderStrict(<TokenInspector {...inspectorProps(tokens, extra)} />, { clock })
  // The claims, header and checks are collapsed until opened; these tests read them.
  openDisclosures()
  return view
}

/** The Trust cell of one claim's row, by claim name. */
function trustOf(table: HTMLElement, claim: string): string | null {
  const row = claimRow(table, claim)
  return nth(within(row).getAllByRole('cell'), 2).textContent
}

/** The row of one claim, by the text of its name (which may hold <wbr> break points). */
function claimRow(table: HTMLElement, claim: string): HTMLElement {
  const row = within(table)
    .getAllByRole('row')
    .find((candidate) => candidate.querySelector('th')?.textContent === claim)
  if (!row) throw new Error(`no row for the claim ${claim}`)
  return row
}

function section(name: string): HTMLElement {
  return screen.getByRole('region', { name })
}

/** The clock React reads, moved by the tests alone. */
let clock: FakeClock

beforeEach(() => {
  clock = createFakeClock(NOW_MS)
})

afterEach(() => {
  cleanup()
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

    const json = within(idSection)
      .getAllByText((_, element) => element?.tagName === 'PRE')
      .map((pre) => pre.textContent)
    expect(json.join('\n')).toContain('"kid": "key-1"')
    expect(json.join('\n')).toContain('"nonce": "n-0S6_WzA2Mj"')
  })

  it('shows exp in the claims table as a readable time with a relative phrase', () => {
    renderInspector()

    const table = screen.getByRole('table', { name: 'ID token claims' })
    const expRow = within(table).getByRole('row', { name: /^exp\b/ })
    const cells = within(expRow).getAllByRole('cell')

    expect(nth(cells, 0).textContent).toContain(String(NOW + 270))
    expect(nth(cells, 0).textContent).toMatch(/2025.*\d{1,2}:\d{2}:\d{2}.*\(in 4 minutes\)/)
    expect(nth(cells, 1).textContent).toContain('Expiration time')
    expect(nth(cells, 2).textContent).toBe("checked against this browser's clock")
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
    const [passed, notApplicable] = within(note).getAllByRole('list')
    const checks = within(passed as HTMLElement).getAllByRole('listitem')
    expect(checks).toHaveLength(PASSED.length)
    expect(nth(checks, 1).textContent).toContain('"iss" equals the issuer http://localhost:3000')
    expect(within(nth(checks, 1)).getByRole('link')).toHaveProperty('href', nth(PASSED, 1).spec)
    // One audience and no nbf: those rules had nothing to run on, and are not listed as passed.
    expect(passed?.textContent).not.toContain('azp')
    expect(passed?.textContent).not.toContain('"nbf"')
    expect(
      within(notApplicable as HTMLElement)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      expect.stringContaining('one audience, so "azp" is not required'),
      expect.stringContaining('the token has no "nbf"'),
    ])
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

    await act(() => clock.advance(2 * 60_000))

    expect(within(section('Access token')).getByText(/\(in 2 minutes\)/)).toBeDefined()
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

  it('says a five-segment access token is encrypted and shows its protected header', () => {
    renderInspector({ accessToken: 'eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..aXY.Y2lwaGVy.dGFn' })
    const accessSection = section('Access token')

    expect(accessSection.textContent).toContain('This token is encrypted')
    expect(accessSection.textContent).toContain('read only with the recipient’s key')
    const segments = within(accessSection).getByRole('list', { name: 'Access token segments' })
    expect(
      within(segments)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      'Protected headereyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0.',
      'Encrypted key(empty).',
      'Initialization vectoraXY.',
      'CiphertextY2lwaGVy.',
      'Authentication tagdGFn',
    ])
    const header = within(accessSection).getByRole('table', {
      name: 'Access token protected header parameters',
    })
    expect(within(header).getByRole('row', { name: /^enc\b/ }).textContent).toContain('A256GCM')
  })

  it('says, part by part, which segment of a malformed ID token failed and where', () => {
    renderInspector({
      idToken: `${b64url({ alg: 'RS256' })}.${Buffer.from('{"sub":"alice",}').toString('base64url')}.sig`,
    })
    const idSection = section('ID token')

    expect(idSection.textContent).toContain('could not be decoded')
    const parts = within(idSection).getByRole('list', { name: 'ID token part by part' })
    const items = within(parts).getAllByRole('listitem')
    expect(nth(items, 0).textContent).toBe('Header: Readable: base64url-encoded JSON, shown below.')
    expect(nth(items, 1).textContent).toMatch(
      /^Payload: The payload segment decodes to text that is not valid JSON: .*position 15/,
    )
    expect(nth(items, 2).textContent).toContain('Signature: Base64url, as it should be')
    expect(within(idSection).getByText('{"sub":"alice",}')).toBeDefined()
    expect(within(idSection).getByRole('heading', { name: 'Lint' })).toBeDefined()
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
    expect(within(section('ID token')).getByText('Copied').getAttribute('role')).toBe('status')
  })
})

describe('TokenInspector granted scope', () => {
  it('says next to the ID token claims that the provider granted less than was asked', () => {
    renderInspector({ requestedScope: 'openid profile email', scope: 'openid' })

    const note = within(section('ID token'))
      .getAllByRole('note')
      .find((element) => element.textContent.includes('granted less than was asked'))
    expect(note?.textContent).toContain('Not granted: profile, email.')
    expect(note?.textContent).toContain('email and email_verified')
    expect(note?.textContent).toContain('not because the user has none')
  })

  it('says nothing of the kind when the scope granted is the one asked for', () => {
    renderInspector({ requestedScope: 'openid profile', scope: 'profile openid' })

    expect(screen.queryByText(/granted less than was asked/)).toBeNull()
  })
})

describe('TokenInspector trust badges', () => {
  it('says, in words, what each checked ID token claim was checked against', () => {
    renderInspector()
    const table = screen.getByRole('table', { name: 'ID token claims' })

    expect(within(table).getByRole('columnheader', { name: 'Trust' })).toBeDefined()
    for (const claim of ['iss', 'aud', 'nonce']) {
      expect(trustOf(table, claim)).toBe('checked against our request')
    }
    expect(trustOf(table, 'exp')).toBe("checked against this browser's clock")
    expect(trustOf(table, 'iat')).toBe('present, as required')
    expect(trustOf(table, 'sub')).toBe('present, as required')
    expect(trustOf(table, 'name')).toBe('decoded only')
  })

  it('says every claim is decoded only when no checks were recorded', () => {
    renderInspector({}, { idTokenChecks: [] })
    const table = screen.getByRole('table', { name: 'ID token claims' })

    for (const claim of ['iss', 'sub', 'aud', 'nonce', 'name']) {
      expect(trustOf(table, claim)).toBe('decoded only')
    }
  })

  it('says every claim of a JWT access token is decoded only: the API checks it, not this app', () => {
    renderInspector({
      accessToken: makeJwt(
        { alg: 'ES256', typ: 'at+jwt' },
        { iss: 'http://localhost:3000', aud: 'api', exp: NOW + 300, client_id: 'spa' },
      ),
    })
    const table = screen.getByRole('table', { name: 'Access token claims' })

    for (const claim of ['iss', 'aud', 'exp', 'client_id']) {
      expect(trustOf(table, claim)).toBe('decoded only')
    }
  })

  it('shows "signature verified" on every claim once a result says so', () => {
    renderStrict(
      <ClaimsTable
        caption="ID token claims"
        rows={describeClaims(ID_TOKEN_PAYLOAD, NOW)}
        role="id_token"
        signatureVerified
        passedChecks={new Set(PASSED.map((check) => check.id))}
      />,
      { clock },
    )
    const table = screen.getByRole('table', { name: 'ID token claims' })

    expect(trustOf(table, 'iss')).toBe('checked against our request · signature verified')
    expect(trustOf(table, 'sub')).toBe('present, as required · signature verified')
    expect(trustOf(table, 'name')).toBe('signature verified')
  })

  it('says what an unregistered claim is and marks personal data', () => {
    renderInspector({
      idToken: makeJwt(ID_TOKEN_HEADER, { ...ID_TOKEN_PAYLOAD, favourite_colour: 'teal' }),
    })
    const table = screen.getByRole('table', { name: 'ID token claims' })

    expect(claimRow(table, 'favourite_colour').textContent).toContain(
      'Not a registered claim: private to this provider or application.',
    )
    expect(within(table).getByRole('row', { name: /^name\b/ }).textContent).toContain(
      'Personal data: anyone who holds this token can read it.',
    )
  })
})

describe('claimTrust', () => {
  const passed = new Set(['iss', 'aud', 'azp', 'nonce', 'exp', 'iat', 'nbf', 'sub'])
  const none = new Set<string>()

  it.each(['iss', 'aud', 'azp', 'nonce'])(
    'counts %s in an ID token as checked against our request when its check passed',
    (claim) => {
      expect(claimTrust(claim, 'id_token', false, passed)).toEqual({
        label: 'checked against our request',
        checked: 'request',
        signatureVerified: false,
      })
      expect(claimTrust(claim, 'id_token', true, passed).label).toBe(
        'checked against our request · signature verified',
      )
    },
  )

  it.each(['exp', 'nbf'])('counts %s as checked against the clock, not our request', (claim) => {
    expect(claimTrust(claim, 'id_token', false, passed)).toEqual({
      label: "checked against this browser's clock",
      checked: 'clock',
      signatureVerified: false,
    })
  })

  it('counts a claim as checked only when its check passed, not when it did not apply', () => {
    expect(claimTrust('azp', 'id_token', false, new Set(['iss'])).label).toBe('decoded only')
  })

  it('counts sub and iat as present only, and every other claim as decoded only', () => {
    expect(claimTrust('iat', 'id_token', false, passed).label).toBe('present, as required')
    expect(claimTrust('sub', 'id_token', false, passed).label).toBe('present, as required')
    expect(claimTrust('email', 'id_token', false, passed).label).toBe('decoded only')
    expect(claimTrust('email', 'id_token', true, passed).label).toBe('signature verified')
  })

  it('counts nothing as checked in an access token, a pasted token or without passed checks', () => {
    expect(claimTrust('iss', 'access_token', false, passed).label).toBe('decoded only')
    expect(claimTrust('iss', 'unknown', false, passed).label).toBe('decoded only')
    expect(claimTrust('iss', 'id_token', false, none).label).toBe('decoded only')
    expect(claimTrust('iss', 'access_token', true, none).label).toBe('signature verified')
  })
})

describe('TokenInspector signature check', () => {
  const JWKS_URI = 'https://op.example/jwks'
  let privateKey: CryptoKey
  let jwk: JWK

  beforeAll(async () => {
    const pair = await generateKeyPair('ES256')
    privateKey = pair.privateKey
    jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' }
  })

  afterEach(() => {
    vi.unstubAllGlobals()
  })

  function signed(payload: Record<string, unknown>) {
    return new SignJWT(payload).setProtectedHeader({ alg: 'ES256', kid: 'k1' }).sign(privateKey)
  }

  it('says the signature is not checked until asked, with a button to check it', async () => {
    renderInspector({}, { jwksUri: JWKS_URI })
    const idSection = section('ID token')

    expect(
      await within(idSection).findByRole('button', { name: 'Verify ID token signature' }),
    ).toBeDefined()
    const note = nth(within(idSection).getAllByRole('note'), 0)
    expect(note.textContent).toContain('Not checked here: the signature.')
  })

  it('marks every claim "signature verified" after the check, and says so in the warning', async () => {
    const user = userEvent.setup()
    const keys = vi.fn<typeof fetch>(() => Promise.resolve(Response.json({ keys: [jwk] })))
    vi.stubGlobal('fetch', keys)
    const idToken = await signed(ID_TOKEN_PAYLOAD)
    renderInspector({ idToken }, { jwksUri: JWKS_URI })
    const idSection = section('ID token')

    await user.click(
      await within(idSection).findByRole('button', { name: 'Verify ID token signature' }),
    )

    const table = within(idSection).getByRole('table', { name: 'ID token claims' })
    expect(
      await within(table).findAllByText('checked against our request · signature verified'),
    ).toHaveLength(3)
    expect(trustOf(table, 'sub')).toBe('present, as required · signature verified')
    expect(trustOf(table, 'name')).toBe('signature verified')
    expect(keys).toHaveBeenCalledWith(JWKS_URI, expect.anything())
    const note = nth(within(idSection).getAllByRole('note'), 0)
    expect(note.textContent).toContain(
      'Signature verified against the provider’s published keys (kid k1, alg ES256).',
    )
    expect(note.textContent).not.toContain('Not checked here: the signature.')
    // The access token was not verified: its own result is separate.
    expect(section('Access token').textContent).not.toContain('signature verified')
  })

  it('forgets the result when the ID token is replaced by a refresh', async () => {
    const user = userEvent.setup()
    vi.stubGlobal(
      'fetch',
      vi.fn<typeof fetch>(() => Promise.resolve(Response.json({ keys: [jwk] }))),
    )
    const idToken = await signed(ID_TOKEN_PAYLOAD)
    const { rerender } = renderInspector({ idToken }, { jwksUri: JWKS_URI })
    await user.click(
      await within(section('ID token')).findByRole('button', { name: 'Verify ID token signature' }),
    )
    const table = () => screen.getByRole('table', { name: 'ID token claims' })
    expect(await within(table()).findByText('signature verified')).toBeDefined()

    const renewed = await signed({ ...ID_TOKEN_PAYLOAD, iat: NOW })
    rerender(<TokenInspector {...inspectorProps({ idToken: renewed }, { jwksUri: JWKS_URI })} />)

    expect(trustOf(table(), 'name')).toBe('decoded only')
    expect(trustOf(table(), 'iss')).toBe('checked against our request')
  })

  it('verifies a JWT access token on its own, saying nothing else in it was checked', async () => {
    const user = userEvent.setup()
    vi.stubGlobal(
      'fetch',
      vi.fn<typeof fetch>(() => Promise.resolve(Response.json({ keys: [jwk] }))),
    )
    const accessToken = await signed({ iss: 'http://localhost:3000', aud: 'api', exp: NOW + 300 })
    renderInspector({ accessToken }, { jwksUri: JWKS_URI })
    const accessSection = section('Access token')

    await user.click(
      await within(accessSection).findByRole('button', { name: 'Verify access token signature' }),
    )

    const table = within(accessSection).getByRole('table', { name: 'Access token claims' })
    expect(await within(table).findAllByText('signature verified')).toHaveLength(3)
    const note = nth(within(accessSection).getAllByRole('note'), 0)
    expect(note.textContent).toContain('Signature verified against the provider’s published keys')
    expect(note.textContent).toContain('Nothing else')
  })
})

describe('TokenInspector header parameters', () => {
  it('explains each header parameter and warns that jku names a key chosen by the token maker', () => {
    renderInspector({
      idToken: makeJwt(
        { ...ID_TOKEN_HEADER, jku: 'https://attacker.example/keys' },
        ID_TOKEN_PAYLOAD,
      ),
    })
    const table = screen.getByRole('table', { name: 'ID token header parameters' })

    expect(within(table).getByRole('row', { name: /^kid\b/ }).textContent).toContain('Key ID')
    const jku = within(table).getByRole('row', { name: /^jku\b/ })
    expect(jku.textContent).toContain('Proves nothing')
    expect(jku.textContent).toContain('chosen by whoever made the token')
    expect(within(jku).getByRole('link', { name: /RFC 8725 §3\.10/ })).toBeDefined()
  })
})

describe('TokenInspector lint', () => {
  function lintOf(name: string): HTMLElement {
    return within(section(name)).getByRole('group', { name: 'Lint' })
  }

  it('lists findings for each token, with the severity in words', () => {
    renderInspector({
      idToken: makeJwt({ alg: 'HS256' }, { ...ID_TOKEN_PAYLOAD, email: 'alice@example.com' }),
      accessToken: makeJwt({ alg: 'RS256' }, { sub: 'alice', iat: NOW, exp: NOW + 8 * 3600 }),
    })

    const idItems = within(lintOf('ID token')).getAllByRole('listitem')
    expect(idItems.map((item) => item.textContent)).toEqual([
      expect.stringMatching(/^Warning: This ID token is signed with an HMAC/),
      expect.stringMatching(/^Note: Personal data in the payload: name, email\./),
    ])
    expect(
      within(nth(idItems, 0)).getByRole('link', { name: /OpenID Connect Core §10\.1/ }),
    ).toBeDefined()
    expect(lintOf('Access token').textContent).toContain(
      'Warning: This access token lives 8 hours (exp − iat).',
    )
  })

  it('says "No findings." for a clean or opaque token', () => {
    renderInspector({ idToken: makeJwt(ID_TOKEN_HEADER, { ...ID_TOKEN_PAYLOAD, name: 'x' }) })

    expect(lintOf('Access token').textContent).toBe('LintNo findings.')
  })

  it('warns when the refresh token did not rotate, and not when it did', () => {
    const { rerender } = renderInspector({}, { refreshTokenRotated: false })

    expect(lintOf('Refresh token').textContent).toContain(
      'Warning: The last refresh returned the same refresh token.',
    )
    expect(
      within(lintOf('Refresh token')).getByRole('link', { name: /RFC 9700 §4\.14\.2/ }),
    ).toBeDefined()

    rerender(<TokenInspector {...inspectorProps({}, { refreshTokenRotated: true })} />)
    expect(lintOf('Refresh token').textContent).toBe('LintNo findings.')
  })
})
