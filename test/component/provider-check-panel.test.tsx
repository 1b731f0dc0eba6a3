/**
 * The provider check's panel: a progress line that says which request is under way, Stop, the
 * report taking the focus, and a failure to start told in an alert.
 */
import { cleanup, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'

import { ProviderCheckPanel } from '../../src/features/provider-check/provider-check-panel'
import { createSession } from '../../src/session'
import { MemoryStorage } from '../support/memory-storage'
import { renderStrict } from '../support/render'
import { testSessionDeps } from '../support/session-deps'

afterEach(() => {
  cleanup()
})

/** A session whose requests wait until they are aborted, and the URLs they were sent to. */
function waitingSession() {
  const asked: string[] = []
  const fetch = (url: string | URL | Request, init?: RequestInit) => {
    asked.push(url instanceof Request ? url.url : url.toString())
    return new Promise<Response>((_resolve, reject) => {
      init?.signal?.addEventListener('abort', () => {
        reject(new DOMException('aborted', 'AbortError'))
      })
    })
  }
  const session = createSession(
    testSessionDeps({ fetch, storage: new MemoryStorage(), navigations: [] }),
  )
  return { session, asked }
}

describe('the provider check panel', () => {
  it('says what it is doing, stops when asked, and focuses the report', async () => {
    const user = userEvent.setup()
    const { session, asked } = waitingSession()
    renderStrict(
      <ProviderCheckPanel
        signedIn={false}
        issuer="https://op.example"
        clientId="spa"
        redirectUri="https://app.example/callback"
      />,
      { session },
    )
    await user.click(screen.getByRole('button', { name: 'Check this provider' }))
    expect((await screen.findByRole('status')).textContent).toBe('Reading the discovery document…')
    expect(asked).toEqual(['https://op.example/.well-known/openid-configuration'])
    expect(screen.queryByRole('button', { name: 'Check this provider' })).toBeNull()

    await user.click(screen.getByRole('button', { name: 'Stop' }))
    const heading = await screen.findByRole('heading', { name: 'Report for https://op.example' })
    expect(document.activeElement).toBe(heading)
    expect(screen.getByTestId('provider-check-summary').textContent).toContain(
      'Stopped before the end. 0 passed, 0 failed, 0 with a warning, 39 not checked.',
    )
    expect(screen.getAllByText('Not checked: you stopped the check before it ran.')).toHaveLength(
      17,
    )
    expect(screen.queryByRole('button', { name: 'Stop' })).toBeNull()
  })

  it('tells a check that could not start in a focused alert', async () => {
    const user = userEvent.setup()
    const { session, asked } = waitingSession()
    renderStrict(
      <ProviderCheckPanel
        signedIn={false}
        issuer="op.example"
        clientId="spa"
        redirectUri="https://app.example/callback"
      />,
      { session },
    )
    await user.click(screen.getByRole('button', { name: 'Check this provider' }))
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain('op.example')
    expect(alert.textContent).toContain('The check did not finish')
    expect(alert.contains(document.activeElement)).toBe(true)
    expect(asked).toEqual([])
  })

  it('signed in, says what the check will do to the sign-in before it is agreed to', () => {
    const { session } = waitingSession()
    renderStrict(<ProviderCheckPanel signedIn issuer="https://op.example" />, { session })
    expect(screen.getByText(/this page signs out at once/).textContent).toContain(
      'spends and revokes them',
    )
    expect(screen.getByRole('button', { name: 'Agree, and check every part' })).toBeTruthy()
  })
})
