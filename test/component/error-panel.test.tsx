// @vitest-environment happy-dom
import { cleanup, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'

import { catalogueEntry } from '../../src/components/errors/error-catalogue'
import { ErrorPanel } from '../../src/components/errors/error-panel'
import { OidcError } from '../../src/oidc'
import { renderStrict } from '../support/render'

const APP_ORIGIN = 'https://app.example'

function renderPanel(error: OidcError) {
  const onDismiss = vi.fn<() => void>()
  const { container } = renderStrict(<ErrorPanel error={error} onDismiss={onDismiss} />)
  return { alert: screen.getByRole('alert'), onDismiss, container }
}

/** The text next to a term of the panel's description list ("Step", "What to do", …). */
function field(alert: HTMLElement, term: string): string | undefined {
  const dt = within(alert).queryByText(term, { selector: 'dt' })
  if (!dt) return undefined
  const dd = dt.nextElementSibling
  if (dd?.tagName !== 'DD') throw new Error(`${term} has no definition`)
  return dd.textContent
}

afterEach(() => {
  cleanup()
})

describe('ErrorPanel', () => {
  it('announces a network error as an alert, with the origin to allow for CORS', () => {
    const url = 'https://op.example/token'
    const { alert } = renderPanel(
      new OidcError(
        'network_error',
        'token-request',
        `The request to ${url} failed without an HTTP status`,
        { url, origin: APP_ORIGIN, cause: new TypeError('Failed to fetch') },
      ),
    )

    expect(
      screen.getByRole('alert', { name: 'The request failed before any answer could be read' }),
    ).toBe(alert)
    expect(
      within(alert).getByRole('heading', {
        name: 'The request failed before any answer could be read',
      }),
    ).toBeDefined()
    expect(field(alert, 'Step')).toBe('Token request (exchanging the code)')
    expect(field(alert, 'URL')).toBe(url)
    expect(field(alert, 'Detail')).toBe(`The request to ${url} failed without an HTTP status`)
    expect(field(alert, 'What to do')).toContain('If it answers there, it is CORS')
    expect(field(alert, 'What to do')).toContain(`the provider must allow the origin ${APP_ORIGIN}`)
    // Nothing was answered: no status, no provider words, no check.
    expect(field(alert, 'HTTP status')).toBeUndefined()
    expect(field(alert, 'The provider said')).toBeUndefined()
    expect(field(alert, 'Check that failed')).toBeUndefined()
    expect(alert.textContent).toContain('You are signed out; nothing from this attempt was kept.')
  })

  it('names the failed state check at the callback step', () => {
    const { alert } = renderPanel(
      new OidcError(
        'state_mismatch',
        'authorization-response',
        'The state in the callback is not the one this tab sent',
        { check: 'state', url: 'https://app.example/callback?code=abc&state=tampered' },
      ),
    )

    expect(
      within(alert).getByRole('heading', { name: 'The state parameter does not match' }),
    ).toBeDefined()
    expect(field(alert, 'Step')).toBe('Callback (the authorization response)')
    expect(field(alert, 'Check that failed')).toBe('state')
    expect(field(alert, 'URL')).toBe('https://app.example/callback?code=abc&state=tampered')
    expect(field(alert, 'What to do')).toContain('it may be forged, replayed or from another tab')
  })

  it("shows the token endpoint's invalid_client verbatim with status, URL and the fix", () => {
    const { alert } = renderPanel(
      new OidcError('token_endpoint_error', 'token-request', 'The token endpoint answered 401', {
        status: 401,
        url: 'https://op.example/token',
        oauthError: {
          error: 'invalid_client',
          error_description: 'client authentication failed (e.g. unknown client)',
        },
      }),
    )

    expect(
      within(alert).getByRole('heading', { name: 'The token endpoint refused the request' }),
    ).toBeDefined()
    expect(field(alert, 'Step')).toBe('Token request (exchanging the code)')
    expect(field(alert, 'The provider said')).toBe(
      'invalid_client: client authentication failed (e.g. unknown client)',
    )
    expect(within(alert).getByText('invalid_client')).toBeDefined()
    expect(
      within(alert).getByText('client authentication failed (e.g. unknown client)'),
    ).toBeDefined()
    expect(field(alert, 'HTTP status')).toBe('401')
    expect(field(alert, 'URL')).toBe('https://op.example/token')
    expect(field(alert, 'What to do')).toContain(
      // The advice is the catalogue's, for the entry the provider's code matches.
      String(catalogueEntry('invalid-client')?.fix),
    )
  })

  it('gives the Google-specific fix when the provider says the client secret is missing', () => {
    const { alert } = renderPanel(
      new OidcError('token_endpoint_error', 'token-request', 'The token endpoint answered 400', {
        status: 400,
        oauthError: { error: 'invalid_request', error_description: 'client_secret is missing.' },
      }),
    )

    expect(field(alert, 'What to do')).toContain(
      'demand the client secret at the token endpoint even with PKCE',
    )
  })

  it('explains access_denied from the authorization endpoint', () => {
    const { alert } = renderPanel(
      new OidcError(
        'authorization_error',
        'authorization-response',
        'The provider answered access_denied',
        {
          oauthError: { error: 'access_denied', error_description: 'End-User aborted interaction' },
        },
      ),
    )

    expect(
      within(alert).getByRole('heading', {
        name: 'The provider refused the authorization request',
      }),
    ).toBeDefined()
    expect(field(alert, 'Step')).toBe('Callback (the authorization response)')
    expect(field(alert, 'The provider said')).toBe('access_denied: End-User aborted interaction')
    expect(field(alert, 'What to do')).toContain(
      // The advice is the catalogue's, for the entry the provider's code matches.
      String(catalogueEntry('access-denied')?.fix),
    )
    expect(field(alert, 'HTTP status')).toBeUndefined()
  })

  it('names the ID token check that failed', () => {
    const { alert } = renderPanel(
      new OidcError(
        'id_token_rejected',
        'id-token',
        'unexpected JWT "aud" (audience) claim value',
        {
          check: 'aud',
        },
      ),
    )

    expect(
      within(alert).getByRole('heading', { name: 'The ID token failed a check' }),
    ).toBeDefined()
    expect(field(alert, 'Step')).toBe('ID token validation')
    expect(field(alert, 'Check that failed')).toBe('aud')
    expect(field(alert, 'Detail')).toBe('unexpected JWT "aud" (audience) claim value')
    expect(field(alert, 'What to do')).toContain('Nothing from this response was kept')
  })

  it("shows HTML in the provider's words as text, never as markup", () => {
    const hostile = '<img src=x onerror=alert(1)>'
    const { alert, container } = renderPanel(
      new OidcError('authorization_error', 'authorization-response', 'The provider answered', {
        oauthError: { error: 'invalid_request', error_description: hostile },
      }),
    )

    expect(within(alert).getByText(hostile)).toBeDefined()
    expect(field(alert, 'The provider said')).toBe(`invalid_request: ${hostile}`)
    expect(container.querySelector('img')).toBeNull()
    expect(document.querySelector('img')).toBeNull()
  })

  it('calls onDismiss when Dismiss is pressed', async () => {
    const user = userEvent.setup()
    const { alert, onDismiss } = renderPanel(
      new OidcError('state_mismatch', 'authorization-response', 'state mismatch', {
        check: 'state',
      }),
    )

    await user.click(within(alert).getByRole('button', { name: 'Dismiss' }))

    expect(onDismiss).toHaveBeenCalledTimes(1)
  })
})
