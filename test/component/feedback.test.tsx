/** A message that appears takes the focus where the user is: failures, pauses, the secret prompt. */
import { cleanup, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'

import { ErrorPanel } from '../../src/components/errors/error-panel'
import { ClientSecretPrompt } from '../../src/features/sign-in/client-secret-prompt'
import {
  PausedBeforeExchange,
  PausedBeforeRedirect,
} from '../../src/features/sign-in/step-through-pause'
import { OidcError } from '../../src/oidc'
import { renderStrict } from '../support/render'

afterEach(() => {
  cleanup()
})

describe('feedback where the eyes are', () => {
  /** Lays the page out as if the message arrived `top` pixels down a 800-pixel view. */
  function arriveAt(top: number, height: number) {
    vi.spyOn(document.documentElement, 'clientHeight', 'get').mockReturnValue(800)
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue(
      DOMRect.fromRect({ x: 0, y: top, width: 300, height }),
    )
    return vi.spyOn(HTMLElement.prototype, 'scrollIntoView')
  }

  function renderFailure() {
    renderStrict(
      <ErrorPanel
        error={new OidcError('discovery_failed', 'discovery', 'The issuer did not answer')}
        onDismiss={() => undefined}
      />,
    )
    return screen.getByRole('alert')
  }

  it('moves the focus to a failure, which is an alert, and brings it into view', () => {
    // The user was elsewhere on the page, at a button, and the failure lands below the view.
    const elsewhere = document.body.appendChild(document.createElement('button'))
    elsewhere.focus()
    const scrolled = arriveAt(1500, 200)

    const alert = renderFailure()

    expect(document.activeElement).toBe(alert)
    expect(scrolled.mock.contexts).toContain(alert)
    expect(scrolled.mock.calls.at(-1)).toEqual([{ block: 'nearest' }])
    elsewhere.remove()
    vi.restoreAllMocks()
  })

  it('does not move the page for a failure already in view, and shows the start of a tall one', () => {
    const scrolled = arriveAt(100, 200)
    renderFailure()
    expect(scrolled).not.toHaveBeenCalled()
    cleanup()
    vi.restoreAllMocks()

    const tall = arriveAt(-300, 1200)
    renderFailure()
    expect(tall.mock.calls.at(-1)).toEqual([{ block: 'start' }])
    vi.restoreAllMocks()
  })

  it('moves the focus to a step-through pause, before the redirect and before the exchange', () => {
    const noop = () => undefined
    const first = renderStrict(
      <PausedBeforeRedirect timelineId="t-1" onContinue={noop} onCancel={noop} />,
    )
    expect(document.activeElement).toBe(
      screen.getByRole('region', { name: 'Paused before the redirect' }),
    )
    first.unmount()

    renderStrict(
      <PausedBeforeExchange code="c-1" codeReceivedAt={0} onContinue={noop} onCancel={noop} />,
    )
    expect(document.activeElement).toBe(
      screen.getByRole('region', { name: 'Paused before the code exchange' }),
    )
  })

  it('moves the focus to the client secret prompt', () => {
    renderStrict(
      <ClientSecretPrompt
        issuer="https://op.example"
        clientId="pkce-lab"
        codeReceivedAt={0}
        onSubmit={() => undefined}
        onCancel={() => undefined}
      />,
    )
    expect(document.activeElement).toBe(
      screen.getByRole('form', { name: 'Client secret needed to finish' }),
    )
  })
})
