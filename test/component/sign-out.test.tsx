// @vitest-environment happy-dom
import { cleanup, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'

import { SignOutButton } from '../../src/features/sign-out/sign-out-button'
import { SignOutReport } from '../../src/features/sign-out/sign-out-report'
import { OidcError } from '../../src/oidc'
import type { SignOutReport as Report } from '../../src/session'
import { renderStrict } from '../support/render'

const FORGOTTEN = 'Everything local was forgotten: tokens, secret, pending sign-in.'
const SESSION_STAYS =
  'not ended: this provider has no end-session endpoint — your session at the provider stays, so the next sign-in may not ask for a password.'

afterEach(() => {
  cleanup()
})

describe('SignOutButton', () => {
  function renderButton(props: {
    busy?: boolean
    hasEndSession: boolean
    hasRevocation: boolean
    revocationDemandsAuth?: string[]
  }) {
    const onSignOut = vi.fn<() => void>()
    renderStrict(<SignOutButton onSignOut={onSignOut} busy={false} {...props} />)
    const button = screen.getByRole('button', { name: 'Sign out' })
    const id = button.getAttribute('aria-describedby') ?? ''
    return { onSignOut, button, sentence: document.getElementById(id)?.textContent }
  }

  it('says it revokes both tokens and ends the provider session, and signs out on click', async () => {
    const user = userEvent.setup()
    const { onSignOut, button, sentence } = renderButton({
      hasEndSession: true,
      hasRevocation: true,
    })

    expect(sentence).toBe(
      'Sign out revokes the refresh token, then the access token, at the provider’s revocation endpoint (RFC 7009), forgets everything in this tab, and asks the provider to end your session through its end_session_endpoint, then checks that it did.',
    )

    await user.click(button)

    expect(onSignOut).toHaveBeenCalledTimes(1)
  })

  it('says, for a provider without end-session (Google), that the session there stays', () => {
    const { sentence } = renderButton({ hasEndSession: false, hasRevocation: true })

    expect(sentence).toContain('revokes the refresh token, then the access token')
    expect(sentence).toContain(
      'cannot end your session at the provider: it has no end-session endpoint, so your session there stays',
    )
  })

  it('says when the tokens cannot be revoked', () => {
    const { sentence } = renderButton({ hasEndSession: true, hasRevocation: false })

    expect(sentence).toContain(
      'cannot revoke the tokens (this provider has no revocation endpoint: they stay valid until they expire)',
    )
    expect(sentence).toContain('forgets everything in this tab')
  })

  it('says beforehand that revocation will probably be refused when the metadata demands client authentication', () => {
    const { sentence } = renderButton({
      hasEndSession: true,
      hasRevocation: true,
      revocationDemandsAuth: ['client_secret_basic'],
    })

    expect(sentence).toContain('which will probably be refused')
    expect(sentence).toContain('lists only client_secret_basic for revocation')
  })

  it('is disabled while busy', () => {
    const { button } = renderButton({ busy: true, hasEndSession: true, hasRevocation: true })

    expect(button).toHaveProperty('disabled', true)
  })
})

describe('SignOutReport', () => {
  function renderReport(report: Report) {
    const onDismiss = vi.fn<() => void>()
    renderStrict(<SignOutReport report={report} onDismiss={onDismiss} />)
    const status = screen.getByRole('status', { name: 'Signed out' })
    const items = within(status)
      .getAllByRole('listitem')
      .map((item) => item.textContent)
    return { status, items, onDismiss }
  }

  it('takes the focus when it arrives, wherever the user was, and can be dismissed', async () => {
    const { status, onDismiss } = renderReport({
      refreshToken: 'revoked',
      accessToken: 'revoked',
      endSession: 'ended',
      errors: [],
    })

    expect(document.activeElement).toBe(status)
    await userEvent.setup().click(within(status).getByRole('button', { name: 'Dismiss' }))
    expect(onDismiss).toHaveBeenCalledOnce()
  })

  it('reports both revocations and the redirect to the end-session endpoint', () => {
    const { status, items } = renderReport({
      refreshToken: 'revoked',
      accessToken: 'revoked',
      endSession: 'redirecting',
      errors: [],
    })

    expect(within(status).getByRole('heading', { level: 2, name: 'Signed out' })).toBeDefined()
    expect(items).toEqual([
      'Refresh token: revoked at the provider (RFC 7009): it answered 200.',
      'Access token: revoked at the provider (RFC 7009): it answered 200.',
      'Provider session: ending it at the provider… (sending you to its end_session_endpoint, naming this client by client_id; your ID token is not put in that URL)',
      `This tab: ${FORGOTTEN}`,
    ])
    expect(within(status).queryByRole('group')).toBeNull()
  })

  it('says exactly what was not done at a provider without end-session (Google)', () => {
    const { items } = renderReport({
      refreshToken: 'revoked',
      accessToken: 'revoked',
      endSession: 'not-supported',
      errors: [],
    })

    expect(items[2]).toBe(`Provider session: ${SESSION_STAYS}`)
    expect(items[3]).toBe(`This tab: ${FORGOTTEN}`)
  })

  it('says when the provider has no revocation endpoint, or there was no refresh token', () => {
    const { items } = renderReport({
      refreshToken: 'none',
      accessToken: 'not-supported',
      endSession: 'not-supported',
      errors: [],
    })

    expect(items).toEqual([
      'Refresh token: there was none to revoke.',
      'Access token: not revoked: this provider has no revocation endpoint, so it stays valid until it expires.',
      `Provider session: ${SESSION_STAYS}`,
      `This tab: ${FORGOTTEN}`,
    ])
  })

  it('shows every failure in full, the provider words as text, without an alert', () => {
    const hostile = '<img src=x onerror=alert(1)>'
    const { status, items } = renderReport({
      refreshToken: 'failed',
      accessToken: 'revoked',
      endSession: 'failed',
      errors: [
        new OidcError('revocation_failed', 'revocation', 'The revocation endpoint answered 400', {
          check: 'refresh_token',
          status: 400,
          url: 'https://op.example/revoke',
          oauthError: { error: 'unsupported_token_type', error_description: hostile },
        }),
        new OidcError(
          'unsafe_endpoint',
          'end-session',
          'end_session_endpoint is javascript:alert(1)',
          {
            check: 'end_session_endpoint',
          },
        ),
      ],
    })

    expect(screen.queryByRole('alert')).toBeNull()
    expect(items[0]).toBe(
      'Refresh token: not revoked: the provider answered HTTP 400 with error unsupported_token_type. It stays valid at the provider until it expires.',
    )
    expect(items[2]).toContain(
      'Provider session: not ended: the end-session request could not be made',
    )
    expect(items[3]).toBe(`This tab: ${FORGOTTEN}`)
    const revocation = within(status).getByRole('group', {
      name: 'The provider did not revoke a token',
    })
    expect(revocation.textContent).toContain(`unsupported_token_type: ${hostile}`)
    expect(revocation.textContent).toContain('Token revocation')
    expect(revocation.textContent).toContain('everything local was forgotten anyway')
    const endSession = within(status).getByRole('group', {
      name: 'The provider metadata names an endpoint this app refuses to use',
    })
    expect(endSession.textContent).toContain('Sign-out at the provider (end session)')
    expect(document.querySelector('img')).toBeNull()
  })

  it('says why a public client was refused: the status, and what the metadata demands', () => {
    const { items, status } = renderReport({
      refreshToken: 'failed',
      accessToken: 'failed',
      endSession: 'ended',
      revocationAuth: { methods: ['client_secret_basic'], publicClient: true },
      errors: ['refresh_token', 'access_token'].map(
        (token) =>
          new OidcError(
            'revocation_failed',
            'revocation',
            'The revocation endpoint answered HTTP 401 with an empty body',
            { check: token, status: 401 },
          ),
      ),
    })

    for (const item of items.slice(0, 2)) {
      expect(item).toContain('not revoked: the provider answered HTTP 401 without an error code.')
      expect(item).toContain(
        'revocation_endpoint_auth_methods_supported: client_secret_basic, so it demands client authentication, which RFC 7009 §2.1 does not ask of a public client',
      )
    }
    // Not a token-endpoint error, and not said to have worked.
    expect(status.textContent).not.toContain('invalid_token_response')
    expect(status.textContent).not.toMatch(/revoked at the provider/)
  })

  it.each<[Report['endSession'], string]>([
    [
      'ended',
      'ended. Evidence: after the sign-out, a silent authorization request (prompt=none) was answered login_required',
    ],
    [
      'not-ended',
      'not ended. Evidence: after the sign-out, a silent authorization request (prompt=none) came back without asking you to log in',
    ],
    ['checking', 'checking whether it ended'],
  ])('says the provider session is %s only from the prompt=none answer', (endSession, words) => {
    const { items } = renderReport({
      refreshToken: 'revoked',
      accessToken: 'revoked',
      endSession,
      errors: [],
    })

    expect(items[2]).toContain(`Provider session: ${words}`)
  })

  it('says the provider session is unknown, why, and how to find out, when the check could not run', () => {
    const { items } = renderReport({
      refreshToken: 'revoked',
      accessToken: 'revoked',
      endSession: 'unknown',
      unknownBecause: 'could not check: the hidden frame did not come back',
      stateMismatch: true,
      errors: [],
    })

    expect(items[2]).toContain('unknown: could not check: the hidden frame did not come back.')
    expect(items[2]).toContain(
      'if the provider does not ask you to log in, its session is still there',
    )
    expect(items[2]).toContain('another state than the one sent')
    expect(items[2]).not.toMatch(/\bended\b/)
  })
})
