// @vitest-environment happy-dom
import { createHash } from 'node:crypto'

import { cleanup, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'

import FlowTimeline from '../../src/features/flow-timeline/flow-timeline'
import type { HttpExchange } from '../../src/oidc'
import { secretsOf } from '../../src/session'
import type { TimelineEntry } from '../../src/session'
import { nth } from '../support/nth'
import { recordClipboard, renderStrict } from '../support/render'

const VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'
const CHALLENGE = createHash('sha256').update(VERIFIER).digest('base64url')
const REFRESH_TOKEN = 'rt-refresh-token-0123456789'
const ACCESS_TOKEN = 'at-access-token-0123456789'
const CLIENT_SECRET = 'cs-client-secret-0123456789'
const HTML_VALUE = '<img src="x" onerror="window.pwned = true"><b>bold</b>'

const AT = Date.UTC(2026, 0, 2, 3, 4, 5)

function discoveryExchange(): HttpExchange {
  return {
    method: 'GET',
    url: 'https://op.example/.well-known/openid-configuration',
    requestHeaders: [['accept', 'application/json']],
    status: 200,
    statusText: 'OK',
    responseHeaders: [['content-type', 'application/json']],
    responseBody: '{"issuer":"https://op.example"}',
    startedAt: AT,
    durationMs: 42,
  }
}

function refreshExchange(): HttpExchange {
  return {
    method: 'POST',
    url: 'https://op.example/token',
    requestHeaders: [
      ['accept', 'application/json'],
      ['content-type', 'application/x-www-form-urlencoded;charset=UTF-8'],
    ],
    requestBody: `grant_type=refresh_token&refresh_token=${REFRESH_TOKEN}&client_id=spa&client_secret=${CLIENT_SECRET}`,
    status: 200,
    statusText: 'OK',
    responseHeaders: [['content-type', 'application/json']],
    responseBody: JSON.stringify({ access_token: ACCESS_TOKEN, token_type: 'Bearer' }),
    startedAt: AT,
    durationMs: 7,
  }
}

function entries(): TimelineEntry[] {
  return [
    {
      id: 'step-1',
      kind: 'discovery',
      at: AT,
      title: 'Discovery',
      outcome: 'ok',
      http: discoveryExchange(),
      checks: [
        { name: 'S256 is in code_challenge_methods_supported', outcome: 'passed', detail: 'S256' },
        { name: 'revocation_endpoint is present', outcome: 'failed', detail: 'Absent' },
        { name: 'iss equals the issuer', outcome: 'not-applicable', detail: 'no iss' },
      ],
    },
    {
      id: 'step-2',
      kind: 'authorization-request',
      at: AT,
      title: 'Authorization request',
      outcome: 'ok',
      url: `https://op.example/authorize?code_challenge=${CHALLENGE}`,
      parameters: [
        ['code_challenge', CHALLENGE],
        ['code_challenge_method', 'S256'],
        ['login_hint', HTML_VALUE],
        ['x_custom', 'anything'],
      ],
      pkce: { codeVerifier: VERIFIER, codeChallenge: CHALLENGE, method: 'S256' },
    },
    {
      id: 'step-3',
      kind: 'authorization-request',
      at: AT,
      title: 'Tampered authorization request',
      outcome: 'waiting',
      pkce: { codeVerifier: VERIFIER, codeChallenge: `${CHALLENGE.slice(0, -1)}A`, method: 'S256' },
    },
    {
      id: 'step-4',
      kind: 'refresh',
      at: AT,
      title: 'Refresh (refresh_token grant)',
      outcome: 'ok',
      http: refreshExchange(),
      secrets: secretsOf(refreshExchange()),
    },
    {
      id: 'step-5',
      kind: 'token-request',
      at: AT,
      title: 'Token request (code exchange)',
      outcome: 'failed',
      error: { code: 'token_endpoint_error', message: 'The code was already used' },
      checks: [{ name: 'ID token check "nonce"', outcome: 'failed', detail: 'no nonce' }],
    },
  ]
}

function renderTimeline(list: TimelineEntry[] = entries()) {
  return renderStrict(<FlowTimeline entries={list} />)
}

function step(title: string): HTMLElement {
  return screen.getByRole('article', { name: new RegExp(`^${title}`) })
}

afterEach(() => {
  cleanup()
  Reflect.deleteProperty(navigator, 'clipboard')
})

describe('FlowTimeline', () => {
  it('is a region with one article per entry, named by its title and outcome', () => {
    renderTimeline()

    const region = screen.getByRole('region', { name: 'Flow timeline' })
    const articles = within(region).getAllByRole('article')
    expect(articles.map((article) => article.id)).toEqual([
      'step-1',
      'step-2',
      'step-3',
      'step-4',
      'step-5',
    ])
    expect(
      articles.map((article) => within(article).getByRole('heading', { level: 3 }).textContent),
    ).toEqual([
      'Discovery — ok',
      'Authorization request — ok',
      'Tampered authorization request — waiting',
      'Refresh (refresh_token grant) — ok',
      'Token request (code exchange) — failed',
    ])
    expect(screen.getByRole('article', { name: 'Discovery — ok' })).toBe(nth(articles, 0))
  })

  it('marks only the last entry as the current step', () => {
    renderTimeline()

    const current = screen
      .getAllByRole('article')
      .filter((article) => article.getAttribute('aria-current') === 'step')
    expect(current).toEqual([step('Token request')])
    expect(step('Discovery').hasAttribute('aria-current')).toBe(false)
  })

  it('moves the current step when an entry is added', () => {
    const list = entries().slice(0, 2)
    const { rerender } = renderTimeline(list)
    expect(step('Authorization request').getAttribute('aria-current')).toBe('step')

    rerender(<FlowTimeline entries={entries().slice(0, 3)} />)

    expect(step('Authorization request').hasAttribute('aria-current')).toBe(false)
    expect(step('Tampered').getAttribute('aria-current')).toBe('step')
  })

  it('shows the HTTP status and duration of an exchange', () => {
    renderTimeline()

    const discovery = step('Discovery')
    expect(discovery.textContent).toContain('42 ms · HTTP 200')
    expect(discovery.textContent).toContain(
      'GET https://op.example/.well-known/openid-configuration',
    )
  })

  it('explains each parameter with a link to its spec section', () => {
    renderTimeline()

    const table = within(step('Authorization request')).getByRole('table', { name: 'Parameters' })
    const challenge = within(table).getByRole('row', { name: /^code_challenge / })
    expect(within(challenge).getByText(CHALLENGE)).toBeDefined()
    expect(challenge.textContent).toContain('BASE64URL(SHA-256(code_verifier))')
    const link = within(challenge).getByRole('link', { name: 'RFC 7636 §4.2 (opens in a new tab)' })
    expect(link.getAttribute('href')).toBe('https://www.rfc-editor.org/rfc/rfc7636#section-4.2')
    expect(link.getAttribute('target')).toBe('_blank')

    const method = within(table).getByRole('row', { name: /^code_challenge_method / })
    expect(within(method).getByRole('link').getAttribute('href')).toBe(
      'https://www.rfc-editor.org/rfc/rfc7636#section-4.3',
    )
    const custom = within(table).getByRole('row', { name: /^x_custom / })
    expect(custom.textContent).toContain('A parameter of this provider or application.')
    expect(within(custom).queryByRole('link')).toBeNull()
  })

  it('shows HTML in a parameter value as text, never as markup', () => {
    renderTimeline()

    const table = within(step('Authorization request')).getByRole('table', { name: 'Parameters' })
    expect(within(table).getByText(HTML_VALUE).tagName).toBe('CODE')
    expect(document.querySelector('img')).toBeNull()
    expect(document.querySelector('b')).toBeNull()
    expect(Reflect.get(window, 'pwned')).toBeUndefined()
  })

  it('recomputes the PKCE challenge: "Match" for the verifier that made it', async () => {
    renderTimeline()

    const proof = step('Authorization request')
    const verdict = await within(proof).findByText(/^Match: /)
    expect(verdict.getAttribute('data-testid')).toBe('pkce-verdict')
    expect(within(proof).getByTestId('recomputed-challenge').textContent).toBe(CHALLENGE)
    expect(within(proof).getByTestId('code-verifier').textContent).toBe(VERIFIER)
  })

  it('says the verifier was deliberately not kept when an entry comes back from storage', () => {
    renderTimeline([{ ...nth(entries(), 1), pkce: { codeChallenge: CHALLENGE, method: 'S256' } }])

    const proof = step('Authorization request')
    expect(within(proof).getByTestId('pkce-verdict').textContent).toContain(
      'The code_verifier was deliberately not kept across the page load',
    )
    expect(within(proof).getByTestId('code-challenge').textContent).toBe(CHALLENGE)
    expect(within(proof).queryByTestId('code-verifier')).toBeNull()
    expect(within(proof).queryByTestId('recomputed-challenge')).toBeNull()
  })

  it('says "No match" when the challenge is not the hash of the verifier', async () => {
    renderTimeline()

    const proof = step('Tampered')
    const verdict = await within(proof).findByText(/^No match: /)
    expect(verdict.getAttribute('data-testid')).toBe('pkce-verdict')
    expect(within(proof).getByTestId('recomputed-challenge').textContent).toBe(CHALLENGE)
    expect(within(proof).getByTestId('code-challenge').textContent).not.toBe(CHALLENGE)
  })

  it('says each check passed, failed or was not applicable, in words', () => {
    renderTimeline()

    const items = within(step('Discovery'))
      .getAllByRole('listitem')
      .map((item) => item.textContent)
    expect(items).toEqual([
      'Passed: S256 is in code_challenge_methods_supported — S256',
      'Failed: revocation_endpoint is present — Absent',
      'Not applicable: iss equals the issuer — no iss',
    ])
    expect(within(step('Token request')).getByRole('listitem').textContent).toBe(
      'Failed: ID token check "nonce" — no nonce',
    )
  })

  it('shows the error code and message of a failed step', () => {
    renderTimeline()

    const failed = step('Token request')
    expect(within(failed).getByText('token_endpoint_error').tagName).toBe('CODE')
    expect(failed.textContent).toContain('Failed: token_endpoint_error — The code was already used')
    expect(step('Discovery').textContent).not.toContain('token_endpoint_error')
  })

  it('masks tokens and secrets until "Reveal tokens and secrets" is pressed', async () => {
    const user = userEvent.setup()
    renderTimeline()
    const refresh = step('Refresh')
    const reveal = within(refresh).getByRole('button', { name: 'Reveal tokens and secrets' })
    expect(reveal.getAttribute('aria-pressed')).toBe('false')
    for (const secret of [REFRESH_TOKEN, ACCESS_TOKEN, CLIENT_SECRET]) {
      expect(document.body.textContent).not.toContain(secret)
    }
    expect(refresh.textContent).toContain('rt-r…[masked, 27 characters]')
    expect(refresh.textContent).toContain('Tokens and secrets are masked')

    await user.click(reveal)

    expect(reveal.getAttribute('aria-pressed')).toBe('true')
    for (const secret of [REFRESH_TOKEN, ACCESS_TOKEN, CLIENT_SECRET]) {
      expect(refresh.textContent).toContain(secret)
    }
    expect(refresh.textContent).not.toContain('Tokens and secrets are masked')

    await user.click(reveal)

    expect(reveal.getAttribute('aria-pressed')).toBe('false')
    expect(document.body.textContent).not.toContain(REFRESH_TOKEN)
  })

  it('reveals the secrets of one entry only', async () => {
    const user = userEvent.setup()
    const second: TimelineEntry = { ...nth(entries(), 3), id: 'step-6', title: 'Second refresh' }
    renderTimeline([...entries(), second])

    await user.click(
      within(step('Refresh')).getByRole('button', { name: 'Reveal tokens and secrets' }),
    )

    expect(step('Refresh').textContent).toContain(CLIENT_SECRET)
    expect(step('Second refresh').textContent).not.toContain(CLIENT_SECRET)
  })

  it('offers no reveal button for an exchange without secrets', () => {
    renderTimeline()

    expect(within(step('Discovery')).queryByRole('button', { name: /Reveal/ })).toBeNull()
    expect(within(step('Discovery')).getByRole('button', { name: 'Copy as curl' })).toBeDefined()
  })

  it('copies the masked curl command, and the real one once revealed', async () => {
    const user = userEvent.setup()
    const copied = recordClipboard()
    renderTimeline()
    const refresh = step('Refresh')
    const copy = within(refresh).getByRole('button', { name: 'Copy as curl' })

    await user.click(copy)
    await user.click(within(refresh).getByRole('button', { name: 'Reveal tokens and secrets' }))
    await user.click(copy)

    expect(copied).toHaveLength(2)
    const [masked = '', revealed = ''] = copied
    expect(masked).toMatch(/^curl -sS --globoff -X POST 'https:\/\/op\.example\/token' /)
    expect(masked).not.toContain(REFRESH_TOKEN)
    expect(masked).not.toContain(CLIENT_SECRET)
    expect(masked).toContain('refresh_token=rt-r…[masked, 27 characters]')
    expect(revealed).toContain(`--data-raw '${nth(entries(), 3).http?.requestBody ?? ''}'`)
  })

  it('offers no curl command, and says why, when a value cannot be quoted for every shell', () => {
    renderTimeline([
      {
        id: 'step-1',
        kind: 'userinfo',
        at: AT,
        title: 'UserInfo request',
        outcome: 'ok',
        http: { ...refreshExchange(), requestHeaders: [['x-note', "it's"]] },
      },
    ])

    const entry = step('UserInfo request')
    expect(within(entry).queryByRole('button', { name: 'Copy as curl' })).toBeNull()
    expect(entry.textContent).toContain(
      'No curl command is offered: the x-note header holds a quote',
    )
  })
})
