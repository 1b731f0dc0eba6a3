// @vitest-environment happy-dom
import { cleanup, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import PasteTokenPage from '../../src/features/paste-token/paste-token-page'
import { nth } from '../support/nth'
import { createFakeClock } from '../support/fake-clock'
import type { FakeClock } from '../support/fake-clock'
import { renderStrict } from '../support/render'
import { offlineSession } from '../support/session-deps'

const NOW_MS = Date.UTC(2025, 0, 15, 12, 0, 0)
const NOW = NOW_MS / 1000

function b64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url')
}

function makeJwt(header: Record<string, unknown>, payload: Record<string, unknown>): string {
  return `${b64url(header)}.${b64url(payload)}.c2lnbmF0dXJl`
}

const TOKEN = makeJwt(
  { alg: 'RS256', typ: 'JWT', kid: 'k1' },
  {
    iss: 'https://op.example',
    sub: 'alice',
    aud: 'spa',
    iat: NOW - 60,
    exp: NOW + 240,
    name: '<img src=x onerror=alert(1)>',
  },
)

/** The clock React reads, moved by the tests alone. */
let clock: FakeClock

beforeEach(() => {
  clock = createFakeClock(NOW_MS)
})

afterEach(() => {
  cleanup()
})

async function paste(text: string) {
  const user = userEvent.setup()
  renderStrict(<PasteTokenPage />, { clock, session: offlineSession() })
  await user.click(screen.getByRole('textbox', { name: 'Token' }))
  await user.paste(text)
  return user
}

function result(): HTMLElement {
  return screen.getByRole('region', { name: 'Decoded token' })
}

function trustOf(table: HTMLElement, claim: string): string | null {
  const row = within(table).getByRole('row', { name: new RegExp(`^${claim}\\b`) })
  return nth(within(row).getAllByRole('cell'), 2).textContent
}

describe('PasteTokenPage', () => {
  it('promises that nothing pasted leaves the page, and shows nothing until something is pasted', () => {
    renderStrict(<PasteTokenPage />, { clock, session: offlineSession() })

    expect(screen.getByRole('heading', { level: 2, name: 'Decode a token' })).toBeDefined()
    expect(
      screen.getByText(
        'Nothing you paste leaves this page: decoding happens in your browser; nothing is stored.',
      ),
    ).toBeDefined()
    expect(screen.getByRole('textbox', { name: 'Token' })).toBeDefined()
    expect(screen.getByRole('radio', { name: 'Unknown' })).toHaveProperty('checked', true)
    expect(screen.queryByRole('region', { name: 'Decoded token' })).toBeNull()
    expect(screen.getByRole('button', { name: 'Clear' })).toHaveProperty('disabled', true)
  })

  it('decodes a valid JWT with the inspector views, every claim "decoded only", and lint', async () => {
    await paste(TOKEN)
    const view = result()
    const [header, payload, signature] = TOKEN.split('.')

    const segments = within(view).getByRole('list', { name: 'Token segments' })
    expect(
      within(segments)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([`Header${header}.`, `Payload${payload}.`, `Signature${signature}`])
    const note = nth(within(view).getAllByRole('note'), 0)
    expect(note.textContent).toContain('Decoding is not verifying')
    expect(note.textContent).toContain('A pasted token was not compared with any request')
    expect(within(view).getByRole('table', { name: 'Token header parameters' })).toBeDefined()
    const claims = within(view).getByRole('table', { name: 'Token claims' })
    for (const claim of ['iss', 'sub', 'aud', 'exp', 'name']) {
      expect(trustOf(claims, claim)).toBe('decoded only')
    }
    expect(within(claims).getByRole('row', { name: /^exp\b/ }).textContent).toContain(
      '(in 4 minutes)',
    )
    expect(within(claims).getByRole('link', { name: /RFC 7519 §4\.1\.1/ })).toBeDefined()
    const lint = within(view).getByRole('group', { name: 'Lint' })
    expect(lint.textContent).toContain('Note: Personal data in the payload: name.')
    expect(screen.getByRole('status').textContent).toBe(
      'Decoded a signed JWT with 6 claims; 1 lint finding.',
    )
  })

  it('calls a JWT with "alg": "none" and an empty signature unsigned, not signed', async () => {
    await paste(`${b64url({ alg: 'none' })}.${b64url({ sub: 'alice', exp: NOW + 60 })}.`)

    expect(screen.getByRole('status').textContent).toBe(
      'Decoded an unsigned JWT with 2 claims; 1 lint finding.',
    )
    expect(within(result()).getByRole('group', { name: 'Lint' }).textContent).toContain('unsigned')
  })

  it('lints an expired pasted token', async () => {
    await paste(makeJwt({ alg: 'RS256' }, { sub: 'alice', exp: NOW - 7200 }))

    expect(within(result()).getByRole('group', { name: 'Lint' }).textContent).toContain(
      'expired 2 hours ago',
    )
  })

  it('renders HTML in a claim value as inert text', async () => {
    await paste(TOKEN)

    const claims = within(result()).getByRole('table', { name: 'Token claims' })
    expect(within(claims).getByText('<img src=x onerror=alert(1)>')).toBeDefined()
    expect(document.querySelector('img')).toBeNull()
  })

  it('lints by role: an HMAC-signed ID token is flagged only when read as an ID token', async () => {
    const user = await paste(makeJwt({ alg: 'HS256' }, { sub: 'alice', exp: NOW + 60 }))
    const lint = () => within(result()).getByRole('group', { name: 'Lint' })

    expect(lint().textContent).toBe('LintNo findings.')

    await user.click(screen.getByRole('radio', { name: 'ID token' }))

    expect(lint().textContent).toContain('Warning: This ID token is signed with an HMAC')
    const claims = within(result()).getByRole('table', { name: 'ID token claims' })
    // Read as an ID token, but compared with nothing: still decoded only.
    expect(trustOf(claims, 'sub')).toBe('decoded only')
  })

  it('explains a malformed token part by part: which segment, which character', async () => {
    const header = b64url({ alg: 'RS256' })
    await paste(`${header}.eyJzdWIiOiJhIn0+.sig`)
    const view = result()

    const parts = within(view).getByRole('list', { name: 'Token part by part' })
    const items = within(parts).getAllByRole('listitem')
    expect(nth(items, 0).textContent).toBe('Header: Readable: base64url-encoded JSON, shown below.')
    expect(nth(items, 1).textContent).toBe(
      "Payload: The payload segment has '+' at character 16: base64url uses '-' and '_' instead of '+' and '/' (RFC 4648 §5), so this segment looks like standard base64, not base64url.",
    )
    expect(within(view).getByText(/"alg": "RS256"/)).toBeDefined()
    expect(screen.getByRole('status').textContent).toContain('could not be decoded')
  })

  it('says where invalid JSON goes wrong and shows the decoded text', async () => {
    await paste(
      `${b64url({ alg: 'RS256' })}.${Buffer.from('{"sub":"alice",}').toString('base64url')}.sig`,
    )
    const view = result()

    expect(view.textContent).toMatch(/not valid JSON: .*position 15/)
    expect(within(view).getByRole('heading', { name: 'The payload as text' })).toBeDefined()
    expect(within(view).getByText('{"sub":"alice",}')).toBeDefined()
  })

  it('recognises a JWE and shows its protected header', async () => {
    await paste(`${b64url({ alg: 'RSA-OAEP', enc: 'A256GCM' })}.a2V5.aXY.Y2lwaGVy.dGFn`)
    const view = result()

    expect(view.textContent).toContain('This token is encrypted: it is a JWE with five segments')
    expect(view.textContent).toContain('read only with the recipient’s key')
    expect(within(view).getByRole('heading', { name: 'Decoded protected header' })).toBeDefined()
    const header = within(view).getByRole('table', { name: 'Token protected header parameters' })
    expect(within(header).getByRole('row', { name: /^enc\b/ }).textContent).toContain('A256GCM')
    expect(screen.getByRole('status').textContent).toContain('An encrypted JWT (JWE)')
  })

  it('explains two segments instead of saying "invalid"', async () => {
    await paste(`${b64url({ alg: 'RS256' })}.${b64url({ sub: 'alice' })}`)

    expect(result().textContent).toContain('This has 2 segments (1 dot).')
    expect(result().textContent).toContain('looks like a JWT missing its signature segment')
  })

  it('takes the token out of a URL fragment, picks its role and lints "seen in a URL"', async () => {
    await paste(`https://app.example/callback#access_token=${TOKEN}&token_type=Bearer`)
    const view = result()

    const notes = within(view).getByRole('list', { name: 'Changes made to what you pasted' })
    expect(notes.textContent).toContain(
      "Took the token from the access_token parameter in the URL's fragment.",
    )
    expect(screen.getByRole('radio', { name: 'Access token' })).toHaveProperty('checked', true)
    expect(within(view).getByRole('table', { name: 'Access token claims' })).toBeDefined()
    const lint = within(view).getByRole('group', { name: 'Lint' })
    expect(lint.textContent).toContain('Warning: This access token was in a URL.')
    expect(within(lint).getByRole('link', { name: /RFC 9700 §4\.3\.2/ })).toBeDefined()
  })

  it('strips a "Bearer " prefix and says so', async () => {
    await paste(`Bearer ${TOKEN}`)

    const notes = within(result()).getByRole('list', { name: 'Changes made to what you pasted' })
    expect(notes.textContent).toContain('Removed the leading "Bearer"')
    expect(within(result()).getByRole('table', { name: 'Token claims' })).toBeDefined()
  })

  it('forgets the token when cleared', async () => {
    const user = await paste(TOKEN)

    await user.click(screen.getByRole('button', { name: 'Clear' }))

    expect(screen.getByRole('textbox', { name: 'Token' })).toHaveProperty('value', '')
    expect(screen.queryByRole('region', { name: 'Decoded token' })).toBeNull()
    expect(screen.getByRole('status').textContent).toBe('')
  })
})
