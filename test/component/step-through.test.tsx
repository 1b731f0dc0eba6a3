// @vitest-environment happy-dom
import { act, cleanup, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'

import { Home } from '../../src/app/routes/home'
import {
  PausedBeforeExchange,
  PausedBeforeRedirect,
} from '../../src/features/sign-in/step-through-pause'
import { createSession, PENDING_AUTHORIZATION_KEY } from '../../src/session'
import type { Session } from '../../src/session'
import { DEFAULT_PREFERENCES } from '../../src/settings'
import type { Preferences, ProviderSettings } from '../../src/settings'
import { createFakeProvider } from '../support/fake-provider'
import { MemoryStorage } from '../support/memory-storage'
import { createFakeClock } from '../support/fake-clock'
import type { FakeClock } from '../support/fake-clock'
import { renderStrict } from '../support/render'
import { testSessionDeps } from '../support/session-deps'

const APP_ORIGIN = 'https://app.example'
const APP_URL = `${APP_ORIGIN}/`
const REDIRECT_URI = `${APP_ORIGIN}/callback`
const RECEIVED_AT = 1_700_000_000

afterEach(() => {
  cleanup()
})

/** Renders the pause with a clock that reads `nowSeconds` and moves only when the test says. */
function renderExchangePause(codeReceivedAt = RECEIVED_AT, nowSeconds = RECEIVED_AT) {
  const onContinue = vi.fn()
  const onCancel = vi.fn()
  const clock = createFakeClock(nowSeconds * 1000)
  renderStrict(
    <PausedBeforeExchange
      code="the-authorization-code"
      codeReceivedAt={codeReceivedAt}
      onContinue={onContinue}
      onCancel={onCancel}
    />,
    { clock },
  )
  const region = screen.getByRole('region', { name: 'Paused before the code exchange' })
  return { region, onContinue, onCancel, clock }
}

describe('PausedBeforeRedirect', () => {
  function renderRedirectPause() {
    const onContinue = vi.fn()
    const onCancel = vi.fn()
    renderStrict(
      <PausedBeforeRedirect timelineId="step-3" onContinue={onContinue} onCancel={onCancel} />,
    )
    const region = screen.getByRole('region', { name: 'Paused before the redirect' })
    return { region, onContinue, onCancel }
  }

  it('is a region headed "Paused before the redirect" that links to its timeline entry', () => {
    const { region } = renderRedirectPause()

    expect(within(region).getByRole('heading', { level: 2 }).textContent).toBe(
      'Paused before the redirect',
    )
    const link = within(region).getByRole('link', { name: 'Read the request in the flow timeline' })
    expect(link.getAttribute('href')).toBe('#step-3')
  })

  it('goes on to the provider on "Continue to the provider", and only then', async () => {
    const user = userEvent.setup()
    const { region, onContinue, onCancel } = renderRedirectPause()
    expect(onContinue).not.toHaveBeenCalled()

    await user.click(within(region).getByRole('button', { name: 'Continue to the provider' }))

    expect(onContinue).toHaveBeenCalledTimes(1)
    expect(onCancel).not.toHaveBeenCalled()
  })

  it('cancels on "Cancel"', async () => {
    const user = userEvent.setup()
    const { region, onContinue, onCancel } = renderRedirectPause()

    await user.click(within(region).getByRole('button', { name: 'Cancel' }))

    expect(onCancel).toHaveBeenCalledTimes(1)
    expect(onContinue).not.toHaveBeenCalled()
  })
})

describe('PausedBeforeExchange', () => {
  it('is a region headed "Paused before the code exchange" that shows the code', () => {
    const { region } = renderExchangePause()

    expect(within(region).getByRole('heading', { level: 2 }).textContent).toBe(
      'Paused before the code exchange',
    )
    expect(within(region).getByText('the-authorization-code').tagName).toBe('CODE')
  })

  it('counts the seconds since the code arrived', async () => {
    const { region, clock } = renderExchangePause(RECEIVED_AT, RECEIVED_AT + 10)
    expect(region.textContent).toContain('This one arrived 10 s ago.')

    await act(() => clock.advance(1000))
    expect(region.textContent).toContain('This one arrived 11 s ago.')

    await act(() => clock.advance(49_000))
    expect(region.textContent).toContain('This one arrived 60 s ago.')
  })

  it('warns, before the user continues, once the code is older than providers usually honour', async () => {
    const { region, clock } = renderExchangePause(RECEIVED_AT, RECEIVED_AT + 60)
    expect(within(region).queryByText(/may have expired/)).toBeNull()
    expect(within(region).getByRole('button', { name: 'Exchange the code now' })).toBeDefined()

    await act(() => clock.advance(1000))

    expect(within(region).getByRole('status').textContent).toContain(
      'This code may have expired. It is 61 s old',
    )
    expect(within(region).getByRole('button', { name: 'Try the exchange anyway' })).toBeDefined()
  })

  it('says 0 s rather than a negative time when the clocks disagree', () => {
    const { region } = renderExchangePause(RECEIVED_AT, RECEIVED_AT - 5)

    expect(region.textContent).toContain('This one arrived 0 s ago.')
  })

  it('stops counting once it is gone', () => {
    const { clock } = renderExchangePause()
    expect(clock.pending()).toBeGreaterThan(0)

    cleanup()

    expect(clock.pending()).toBe(0)
  })

  it('exchanges on "Exchange the code now", and cancels on "Cancel"', async () => {
    const user = userEvent.setup()
    const { region, onContinue, onCancel } = renderExchangePause()

    await user.click(within(region).getByRole('button', { name: 'Exchange the code now' }))
    expect(onContinue).toHaveBeenCalledTimes(1)
    expect(onCancel).not.toHaveBeenCalled()

    await user.click(within(region).getByRole('button', { name: 'Cancel' }))
    expect(onCancel).toHaveBeenCalledTimes(1)
    expect(onContinue).toHaveBeenCalledTimes(1)
  })
})

describe('Home in step-through mode, with a real session', () => {
  async function setup() {
    const op = await createFakeProvider()
    // One sessionStorage for the tab, as in the app: pending authorization, markers and timeline.
    const storage = new MemoryStorage()
    const navigations: string[] = []
    // One clock for the session and the page, as in the app: the code's age is read across both.
    const clock = createFakeClock()
    const newSession = () =>
      createSession(
        testSessionDeps({ fetch: op.fetch, storage, navigations, timelineStorage: storage, clock }),
      )
    const settings: ProviderSettings = {
      preset: 'custom',
      issuer: op.issuer,
      clientId: op.clientId,
      scope: 'openid profile',
      extraParams: [],
      pushedAuthorization: false,
      dpop: false,
    }
    return { op, storage, navigations, newSession, settings, clock }
  }

  function renderHome(session: Session, settings: ProviderSettings, clock: FakeClock) {
    const preferences: Preferences[] = []
    renderStrict(
      <Home
        initialSettings={settings}
        persistSettings={() => undefined}
        initialPreferences={DEFAULT_PREFERENCES}
        persistPreferences={(value) => preferences.push(value)}
        redirectUri={REDIRECT_URI}
        appUrl={APP_URL}
      />,
      { session, clock },
    )
    return { preferences }
  }

  function signInButton(): HTMLButtonElement {
    return screen.getByRole<HTMLButtonElement>('button', { name: 'Sign in' })
  }

  /** Ticks "Step through", clicks "Sign in" and waits for the pause before the redirect. */
  async function signInStepByStep(user: ReturnType<typeof userEvent.setup>) {
    await user.click(screen.getByRole('checkbox', { name: /^Step through/ }))
    await user.click(signInButton())
    return screen.findByRole('region', { name: 'Paused before the redirect' })
  }

  it('pauses before the redirect, then goes to the provider on Continue', async () => {
    const user = userEvent.setup()
    const { op, navigations, newSession, settings, storage, clock } = await setup()
    const session = newSession()
    const { preferences } = renderHome(session, settings, clock)

    const pause = await signInStepByStep(user)

    expect(preferences.at(-1)).toEqual({ ...DEFAULT_PREFERENCES, stepThrough: true })
    const state = session.getSnapshot()
    if (state.status !== 'paused-before-redirect') throw new Error(`not paused: ${state.status}`)
    // Nothing has left the page yet, but the request is ready and waiting in this tab.
    expect(navigations).toEqual([])
    expect(op.authorizationRequests()).toEqual([])
    expect(storage.getItem(PENDING_AUTHORIZATION_KEY)).not.toBeNull()
    expect(signInButton().disabled).toBe(true)
    // The link leads to the authorization request in the timeline, which shows it.
    const link = within(pause).getByRole('link', { name: 'Read the request in the flow timeline' })
    expect(link.getAttribute('href')).toBe(`#${state.timelineId}`)
    const entry = await screen.findByRole('article', { name: 'Authorization request — waiting' })
    expect(entry.id).toBe(state.timelineId)
    expect(await within(entry).findByText(/^Match: /)).toBeDefined()

    await user.click(within(pause).getByRole('button', { name: 'Continue to the provider' }))

    expect(navigations).toEqual([state.authorizationUrl])
    const url = new URL(state.authorizationUrl)
    expect(url.origin + url.pathname).toBe(`${op.issuer}/authorize`)
    expect(url.searchParams.get('code_challenge')).toBe(
      within(entry).getByTestId('code-challenge').textContent,
    )
    expect(screen.queryByRole('region', { name: 'Paused before the redirect' })).toBeNull()
    expect(await screen.findByText('Going to the provider…')).toBeDefined()
    expect(await screen.findByRole('article', { name: 'Authorization request — ok' })).toBeDefined()
  })

  it('cancels before the redirect: no navigation, nothing left waiting', async () => {
    const user = userEvent.setup()
    const { navigations, newSession, settings, storage, clock } = await setup()
    const session = newSession()
    renderHome(session, settings, clock)
    const pause = await signInStepByStep(user)

    await user.click(within(pause).getByRole('button', { name: 'Cancel' }))

    expect(session.getSnapshot()).toEqual({ status: 'signed-out' })
    expect(navigations).toEqual([])
    expect(storage.getItem(PENDING_AUTHORIZATION_KEY)).toBeNull()
    expect(screen.queryByRole('region', { name: 'Paused before the redirect' })).toBeNull()
    expect(signInButton().disabled).toBe(false)
  })

  it('pauses before the code exchange after the redirect, and exchanges on request', async () => {
    const user = userEvent.setup()
    const { op, navigations, newSession, settings, clock } = await setup()
    renderHome(newSession(), settings, clock)
    const pause = await signInStepByStep(user)
    await user.click(within(pause).getByRole('button', { name: 'Continue to the provider' }))
    await waitFor(() => {
      expect(navigations).toHaveLength(1)
    })
    const callback = op.authorize(navigations.at(0) ?? '')
    cleanup()

    // Back from the provider: a new page, a new session, the same sessionStorage.
    const session = newSession()
    renderHome(session, settings, clock)
    await act(() => session.completeSignIn(callback))

    const paused = screen.getByRole('region', { name: 'Paused before the code exchange' })
    expect(session.getSnapshot().status).toBe('paused-before-exchange')
    expect(within(paused).getByText(callback.searchParams.get('code') ?? '')).toBeDefined()
    expect(op.tokenRequests()).toEqual([])
    expect(screen.queryByRole('region', { name: 'Signed in' })).toBeNull()
    // The timeline read back across the redirect, with the callback's checks passed.
    const checked = await screen.findByRole('article', {
      name: 'Callback (authorization response) — ok',
    })
    expect(checked.textContent).toContain('Passed: state equals the one this tab sent')
    expect(screen.queryByRole('article', { name: /^Token request/ })).toBeNull()

    await user.click(within(paused).getByRole('button', { name: 'Exchange the code now' }))

    expect(await screen.findByRole('region', { name: 'Signed in' })).toBeDefined()
    expect(session.getSnapshot().status).toBe('signed-in')
    expect(op.tokenRequests()).toHaveLength(1)
    expect(op.tokenRequests().at(0)?.body?.get('code')).toBe(callback.searchParams.get('code'))
    expect(screen.queryByRole('region', { name: 'Paused before the code exchange' })).toBeNull()
    await user.click(screen.getByRole('tab', { name: 'Flow' }))
    expect(
      await screen.findByRole('article', { name: 'Token request (code exchange) — ok' }),
    ).toBeDefined()
  })

  it('cancels before the code exchange: no token request, signed out', async () => {
    const user = userEvent.setup()
    const { op, newSession, settings, clock } = await setup()
    const first = newSession()
    await first.signIn({
      issuer: op.issuer,
      clientId: op.clientId,
      scope: 'openid',
      extraParams: [],
      redirectUri: REDIRECT_URI,
      stepThrough: true,
    })
    const state = first.getSnapshot()
    if (state.status !== 'paused-before-redirect') throw new Error(`not paused: ${state.status}`)
    const callback = op.authorize(state.authorizationUrl)

    const session = newSession()
    renderHome(session, settings, clock)
    await act(() => session.completeSignIn(callback))
    const paused = screen.getByRole('region', { name: 'Paused before the code exchange' })

    await user.click(within(paused).getByRole('button', { name: 'Cancel' }))

    expect(session.getSnapshot()).toEqual({ status: 'signed-out' })
    expect(op.tokenRequests()).toEqual([])
    expect(screen.queryByRole('region', { name: 'Signed in' })).toBeNull()
    await session.continueExchange()
    expect(op.tokenRequests()).toEqual([])
  })
})
