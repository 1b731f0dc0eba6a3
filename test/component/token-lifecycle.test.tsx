// @vitest-environment happy-dom
import { act, cleanup, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import { RefreshHistoryTable } from '../../src/features/token-lifecycle/refresh-history-table'
import { TokenLifecycle } from '../../src/features/token-lifecycle/token-lifecycle'
import { OidcError } from '../../src/oidc'
import type { RefreshRecord, SignedIn } from '../../src/session'
import { createFakeClock } from '../support/fake-clock'
import type { FakeClock } from '../support/fake-clock'
import { renderStrict } from '../support/render'

const NOW_MS = Date.UTC(2025, 0, 15, 12, 0, 0)
const NOW = NOW_MS / 1000
const ISSUER = 'https://op.example'
const REFRESH_TOKEN = 'rt-secret-value-never-shown'

function timeOfDay(epochMs: number): string {
  return new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' }).format(epochMs)
}

function signedIn(overrides: Partial<SignedIn> = {}, tokens: Partial<SignedIn['tokens']> = {}) {
  const state: SignedIn = {
    status: 'signed-in',
    client: {
      metadata: { issuer: ISSUER, token_endpoint: `${ISSUER}/token` },
      clientId: 'spa',
      idTokenAlg: 'RS256',
      clientAuthentication: 'none',
    },
    tokens: {
      access_token: 'at-1',
      token_type: 'Bearer',
      expires_in: 300,
      refresh_token: REFRESH_TOKEN,
      receivedAt: NOW - 30,
      accessTokenExpiresAt: NOW + 270,
      ...tokens,
    },
    strategy: 'refresh_token',
    autoRefresh: true,
    refreshing: false,
    nextRefreshAt: NOW + 210.5,
    history: [],
    ...overrides,
  }
  return state
}

const OK_RECORD: RefreshRecord = {
  startedAt: NOW_MS - 60_000,
  durationMs: 84.4,
  trigger: 'timer',
  strategy: 'refresh_token',
  outcome: 'ok',
  accessTokenFingerprint: '1a2b3c4d',
  refreshTokenFingerprint: '9f8e7d6c',
  refreshTokenRotated: true,
  idTokenRenewed: true,
}

const REFUSED = new OidcError(
  'token_endpoint_error',
  'refresh',
  'The token endpoint answered 400',
  {
    status: 400,
    oauthError: { error: 'invalid_grant', error_description: 'grant request is invalid' },
  },
)

function renderLifecycle(state: SignedIn) {
  const onRefreshNow = vi.fn<() => void>()
  const onAutoRefreshChange = vi.fn<(enabled: boolean) => void>()
  const view = renderStrict(
    <TokenLifecycle
      state={state}
      onRefreshNow={onRefreshNow}
      onAutoRefreshChange={onAutoRefreshChange}
    />,
    { clock },
  )
  const rerender = (next: SignedIn) => {
    view.rerender(
      <TokenLifecycle
        state={next}
        onRefreshNow={onRefreshNow}
        onAutoRefreshChange={onAutoRefreshChange}
      />,
    )
  }
  return { onRefreshNow, onAutoRefreshChange, rerender }
}

function section(): HTMLElement {
  return screen.getByRole('region', { name: 'Token lifecycle' })
}

function fact(name: string): string {
  return screen.getByTestId(name).textContent
}

/** The clock the countdown reads, moved by the tests alone. */
let clock: FakeClock

beforeEach(() => {
  clock = createFakeClock(NOW_MS)
})

afterEach(() => {
  cleanup()
})

describe('TokenLifecycle', () => {
  it('counts down to the access token expiry every second, with a progress bar', async () => {
    renderLifecycle(signedIn())

    expect(screen.getByRole('heading', { name: 'Token lifecycle' })).toBeDefined()
    expect(section().textContent).toContain('Access token expires in 4 min 30 s')
    const bar = screen.getByRole('progressbar', { name: 'Access token lifetime remaining' })
    expect(bar.getAttribute('value')).toBe('270')
    expect(bar.getAttribute('max')).toBe('300')

    await act(() => clock.advance(2000))

    expect(section().textContent).toContain('Access token expires in 4 min 28 s')
    expect(bar.getAttribute('value')).toBe('268')

    await act(() => clock.advance(271_000))

    expect(section().textContent).toContain('Access token expired 3 s ago')
    expect(bar.getAttribute('value')).toBe('0')
  })

  it('says when the provider gave no expires_in, and that only a 401 then renews', () => {
    renderLifecycle(
      signedIn(
        { nextRefreshAt: undefined },
        { expires_in: undefined, accessTokenExpiresAt: undefined },
      ),
    )

    expect(section().textContent).toContain('The provider gave no expires_in')
    expect(section().textContent).toContain('renews it only when an API answers 401')
    expect(screen.queryByRole('progressbar')).toBeNull()
    expect(fact('next-refresh')).toBe(
      'none planned: the expiry is unknown, so the app renews only when an API answers 401.',
    )
  })

  it('names the refresh token grant as the strategy, with the next refresh as time and phrase', () => {
    renderLifecycle(signedIn())

    expect(fact('renewal-strategy')).toBe('refresh token grant (RFC 6749 §6)')
    const next = fact('next-refresh')
    expect(next).toMatch(/2025.*\d{1,2}:\d{2}:\d{2}.*\(in 3 minutes\)/)
    expect(next).toContain('1 min before the access token expires')
  })

  it('explains silent re-authorization and that browsers block its third-party cookie', () => {
    renderLifecycle(signedIn({ strategy: 'silent_iframe' }, { refresh_token: undefined }))

    const strategy = fact('renewal-strategy')
    expect(strategy).toContain(
      'silent re-authorization with prompt=none in a hidden frame (no refresh token was issued)',
    )
    expect(strategy).toContain(
      'needs the provider’s session cookie in a third-party frame, which browsers increasingly block',
    )
    expect(screen.getByRole('button', { name: 'Refresh now' })).toHaveProperty('disabled', false)
  })

  it('disables Refresh now and the switch, with the reason, when nothing can renew', () => {
    renderLifecycle(
      signedIn({ strategy: 'none', nextRefreshAt: undefined }, { refresh_token: undefined }),
    )

    expect(fact('renewal-strategy')).toBe(
      'none: no refresh token and no silent renewal available; sign in again when the token expires',
    )
    const button = screen.getByRole('button', { name: 'Refresh now' })
    expect(button).toHaveProperty('disabled', true)
    const reason = document.getElementById(button.getAttribute('aria-describedby') ?? '')
    expect(reason?.textContent).toContain('the provider issued no refresh token')
    expect(screen.getByRole('switch', { name: 'Automatic refresh' })).toHaveProperty(
      'disabled',
      true,
    )
  })

  it('says when automatic refresh is off, and when a retry is planned after a failure', () => {
    const { rerender } = renderLifecycle(signedIn({ autoRefresh: false, nextRefreshAt: undefined }))

    expect(fact('next-refresh')).toContain('automatic refresh is off')
    expect(screen.getByRole('switch', { name: 'Automatic refresh' })).toHaveProperty(
      'checked',
      false,
    )

    const network = new OidcError(
      'network_error',
      'refresh',
      'The request to https://op.example/token failed without an HTTP status',
    )
    rerender(
      signedIn({ nextRefreshAt: NOW + 4, retry: { attempt: 2, at: NOW + 4, error: network } }),
    )

    expect(fact('next-refresh')).toMatch(
      /^retry 2 at .*2025.*\(in 4 seconds\) after: The request to https:\/\/op\.example\/token failed without an HTTP status$/,
    )
  })

  it('calls back for Refresh now and the switch, and disables Refresh now while refreshing', async () => {
    const user = userEvent.setup()
    const { onRefreshNow, onAutoRefreshChange, rerender } = renderLifecycle(signedIn())

    const toggle = screen.getByRole('switch', { name: 'Automatic refresh' })
    expect(toggle).toHaveProperty('checked', true)
    await user.click(screen.getByRole('button', { name: 'Refresh now' }))
    await user.click(toggle)

    expect(onRefreshNow).toHaveBeenCalledTimes(1)
    expect(onAutoRefreshChange).toHaveBeenCalledExactlyOnceWith(false)

    rerender(signedIn({ refreshing: true, nextRefreshAt: undefined }))

    expect(screen.getByRole('button', { name: 'Refresh now' })).toHaveProperty('disabled', true)
    expect(fact('next-refresh')).toBe('refreshing now…')
  })

  it('announces each new refresh record once, and stays quiet while the clock ticks', async () => {
    const { rerender } = renderLifecycle(signedIn())
    const live = within(section()).getByRole('status')
    expect(live.getAttribute('aria-live')).toBe('polite')
    expect(live.textContent).toBe('')

    rerender(signedIn({ history: [OK_RECORD] }))
    expect(live.textContent).toBe(`Access token refreshed at ${timeOfDay(OK_RECORD.startedAt)}`)

    const mutations: MutationRecord[] = []
    const observer = new MutationObserver((records) => mutations.push(...records))
    observer.observe(live, { subtree: true, childList: true, characterData: true })
    await act(() => clock.advance(5000))
    observer.disconnect()
    expect(mutations).toHaveLength(0)

    const failed: RefreshRecord = {
      startedAt: NOW_MS + 5000,
      durationMs: 12,
      trigger: 'manual',
      strategy: 'refresh_token',
      outcome: 'failed',
      error: REFUSED,
    }
    rerender(signedIn({ history: [failed, OK_RECORD] }))
    expect(live.textContent).toBe(
      `Refresh failed at ${timeOfDay(failed.startedAt)}: The token endpoint refused the request`,
    )
  })

  it('lists the refresh history newest first, in words, with fingerprints and never a token', () => {
    const failed: RefreshRecord = {
      startedAt: NOW_MS - 5000,
      durationMs: 1234.6,
      trigger: 'unauthorized',
      strategy: 'refresh_token',
      outcome: 'failed',
      error: REFUSED,
    }
    const silent: RefreshRecord = {
      startedAt: NOW_MS - 120_000,
      durationMs: 300,
      trigger: 'wake',
      strategy: 'silent_iframe',
      outcome: 'ok',
      accessTokenFingerprint: '00ff00ff',
      idTokenRenewed: true,
    }
    const unrotated: RefreshRecord = {
      ...OK_RECORD,
      startedAt: NOW_MS - 180_000,
      trigger: 'retry',
      refreshTokenRotated: false,
    }
    renderStrict(<RefreshHistoryTable history={[failed, OK_RECORD, silent, unrotated]} />, {
      clock,
    })

    const table = screen.getByRole('table', { name: 'Refresh history' })
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((cell) => cell.textContent)
    expect(headers).toEqual([
      'Time',
      'Trigger',
      'Strategy',
      'Outcome',
      'Duration',
      'Access token fingerprint',
      'Refresh token fingerprint',
      'Refresh token rotated',
    ])
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => [...row.children].map((cell) => cell.textContent))
    expect(rows).toEqual([
      [
        timeOfDay(failed.startedAt),
        'API answered 401',
        'refresh token grant',
        'failed: The token endpoint refused the request',
        '1235 ms',
        '—',
        '—',
        '—',
      ],
      [
        timeOfDay(OK_RECORD.startedAt),
        'scheduled',
        'refresh token grant',
        'ok',
        '84 ms',
        '1a2b3c4d',
        '9f8e7d6c',
        'yes — the old refresh token is now useless',
      ],
      [
        timeOfDay(silent.startedAt),
        'page woke up',
        'silent re-authorization (hidden frame)',
        'ok',
        '300 ms',
        '00ff00ff',
        '—',
        '—',
      ],
      [
        timeOfDay(unrotated.startedAt),
        'retry',
        'refresh token grant',
        'ok',
        '84 ms',
        '1a2b3c4d',
        '9f8e7d6c',
        'no',
      ],
    ])
    expect(within(table).getAllByRole('rowheader')).toHaveLength(4)
    expect(document.body.textContent).not.toContain(REFRESH_TOKEN)
    expect(document.body.textContent).not.toContain('at-1')
  })

  it('names a manual refresh "Refresh now" in the history, and says when there is none yet', () => {
    const view = renderStrict(<RefreshHistoryTable history={[]} />, { clock })

    expect(screen.queryByRole('table')).toBeNull()
    expect(document.body.textContent).toContain('Refresh history: no refresh yet.')

    view.rerender(<RefreshHistoryTable history={[{ ...OK_RECORD, trigger: 'manual' }]} />)

    const table = screen.getByRole('table', { name: 'Refresh history' })
    expect(within(table).getAllByRole('cell').at(0)?.textContent).toBe('Refresh now')
    expect(document.body.textContent).not.toContain('no refresh yet')
  })
})
