// @vitest-environment happy-dom
import { cleanup, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { Route, Routes } from 'react-router'

import { CATALOGUE } from '../../src/components/errors/error-catalogue'
import { ErrorPanel } from '../../src/components/errors/error-panel'
import ErrorExplainerPage from '../../src/features/error-explainer/error-explainer-page'
import { OidcError } from '../../src/oidc'
import { renderStrict } from '../support/render'

const HOSTILE = '<img src=x onerror=alert(1)>'
const MARKER = 'You came here from this error.'

function entries(): HTMLElement[] {
  return Array.from(document.querySelectorAll('article'))
}

function entry(id: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`article#${id}`)
}

function search(): HTMLInputElement {
  return screen.getByRole<HTMLInputElement>('searchbox', { name: 'Search errors' })
}

afterEach(() => {
  cleanup()
})

describe('ErrorExplainerPage', () => {
  it('lists every entry, grouped, each with its message as code, cause, fix and spec link', () => {
    renderStrict(<ErrorExplainerPage />, { route: '/errors' })

    expect(screen.getByRole('heading', { level: 2, name: 'Error explainer' })).toBeDefined()
    expect(entries()).toHaveLength(CATALOGUE.length)
    for (const name of [
      'OAuth 2.0 and OpenID Connect error codes',
      'Google',
      'Microsoft Entra ID',
    ]) {
      expect(screen.getByRole('heading', { level: 3, name })).toBeDefined()
    }
    const grant = entry('invalid-grant')
    if (!grant) throw new Error('no invalid_grant entry')
    expect(
      within(grant).getByRole('heading', { name: 'The code or refresh token was refused' }),
    ).toBeDefined()
    expect(within(grant).getByText('invalid_grant', { selector: 'code' })).toBeDefined()
    expect(grant.textContent).toContain('Cause')
    expect(grant.textContent).toContain('Fix')
    const spec = within(grant).getByRole('link', { name: /RFC 6749 §5\.2/ })
    expect(spec.getAttribute('href')).toBe('https://www.rfc-editor.org/rfc/rfc6749#section-5.2')
    expect(screen.queryByText(MARKER)).toBeNull()
  })

  it('shows each entry as one line until opened, and opens what a narrow search leaves', async () => {
    const user = userEvent.setup()
    renderStrict(<ErrorExplainerPage />, { route: '/errors' })
    const isOpen = (id: string) => entry(id)?.querySelector('details')?.open
    expect(entries().every((article) => article.querySelector('details')?.open === false)).toBe(
      true,
    )

    await user.type(search(), 'AADSTS700084')
    expect(isOpen('aadsts700084')).toBe(true)
    await user.clear(search())
    await user.type(search(), 'invalid')
    expect(entries().length).toBeGreaterThan(3)
    expect(entries().some((article) => article.querySelector('details')?.open === true)).toBe(false)
  })

  it('filters by code, by words of a message, and by a whole pasted message', async () => {
    const user = userEvent.setup()
    renderStrict(<ErrorExplainerPage />, { route: '/errors' })

    await user.type(search(), 'AADSTS700084')
    expect(entries().map((article) => article.id)).toEqual(['aadsts700084'])
    expect(screen.getByRole('status').textContent).toBe(
      `1 of ${CATALOGUE.length} entries match “AADSTS700084”.`,
    )

    await user.clear(search())
    await user.type(search(), 'invalid grant')
    const ids = entries().map((article) => article.id)
    expect(ids).toContain('invalid-grant')
    expect(ids).not.toContain('invalid-client')

    await user.clear(search())
    await user.type(search(), 'invalid_request: client_secret is missing. (from Google)')
    expect(entries().map((article) => article.id)).toEqual([
      'invalid-request',
      'google-client-secret-missing',
    ])

    await user.clear(search())
    await user.type(search(), 'nothing like this exists')
    expect(entries()).toHaveLength(0)
    expect(screen.getByRole('status').textContent).toContain(`0 of ${CATALOGUE.length}`)
  })

  it('scrolls to and marks the entry named by the fragment, in words', () => {
    renderStrict(<ErrorExplainerPage />, { route: '/errors#keycloak-stale-token' })

    const target = entry('keycloak-stale-token')
    if (!target) throw new Error('no Stale token entry')
    expect(within(target).getByText(MARKER)).toBeDefined()
    expect(screen.getAllByText(MARKER)).toHaveLength(1)
    expect(document.activeElement).toBe(target)
    expect(target.querySelector('details')?.open).toBe(true)
  })

  it('never filters the entry named by the fragment out', async () => {
    const user = userEvent.setup()
    renderStrict(<ErrorExplainerPage />, { route: '/errors#aadsts50058' })

    await user.type(search(), 'redirect_uri_mismatch')

    const ids = entries().map((article) => article.id)
    expect(ids).toContain('redirect-uri-mismatch')
    expect(ids).toContain('aadsts50058')
    expect(within(entry('aadsts50058') ?? document.body).getByText(MARKER)).toBeDefined()
  })

  it('ignores a fragment that names no entry', () => {
    renderStrict(<ErrorExplainerPage />, { route: '/errors#not-an-entry' })

    expect(entries()).toHaveLength(CATALOGUE.length)
    expect(screen.queryByText(MARKER)).toBeNull()
  })

  it('treats HTML in the search term as text', async () => {
    const user = userEvent.setup()
    renderStrict(<ErrorExplainerPage />, { route: '/errors' })

    await user.type(search(), HOSTILE)

    expect(search().value).toBe(HOSTILE)
    expect(screen.getByRole('status').textContent).toContain(`“${HOSTILE}”`)
    expect(document.querySelector('img')).toBeNull()
  })
})

describe('"Explain this error"', () => {
  function renderApp(error: OidcError) {
    renderStrict(
      <Routes>
        <Route path="/" element={<ErrorPanel error={error} onDismiss={() => undefined} />} />
        <Route path="/errors" element={<ErrorExplainerPage />} />
      </Routes>,
    )
  }

  it("links the error panel to the entry for the provider's words, and lands there", async () => {
    const user = userEvent.setup()
    renderApp(
      new OidcError('token_endpoint_error', 'refresh', 'The token endpoint answered 400', {
        status: 400,
        oauthError: {
          error: 'invalid_grant',
          error_description: 'AADSTS700084: The refresh token was issued to a single page app…',
        },
      }),
    )
    const link = within(screen.getByRole('alert')).getByRole('link', {
      name: 'Explain this error',
    })
    expect(link.getAttribute('href')).toBe('/errors#aadsts700084')

    await user.click(link)

    expect(screen.getByRole('heading', { level: 2, name: 'Error explainer' })).toBeDefined()
    const target = entry('aadsts700084')
    if (!target) throw new Error('no AADSTS700084 entry')
    expect(within(target).getByText(MARKER)).toBeDefined()
  })

  it("links an error of this app's own to its entry", () => {
    renderApp(
      new OidcError('state_mismatch', 'authorization-response', 'state mismatch', {
        check: 'state',
      }),
    )

    const link = screen.getByRole('link', { name: 'Explain this error' })
    expect(link.getAttribute('href')).toBe('/errors#state-mismatch')
  })
})
