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
  it('moves the focus to a failure, which is an alert, and brings it into view', () => {
    const scrolled = vi.spyOn(HTMLElement.prototype, 'scrollIntoView')
    // The user was elsewhere on the page, at a button.
    const elsewhere = document.body.appendChild(document.createElement('button'))
    elsewhere.focus()

    renderStrict(
      <ErrorPanel
        error={new OidcError('discovery_failed', 'discovery', 'The issuer did not answer')}
        onDismiss={() => undefined}
      />,
    )

    const alert = screen.getByRole('alert')
    expect(document.activeElement).toBe(alert)
    expect(scrolled.mock.contexts).toContain(alert)
    elsewhere.remove()
    scrolled.mockRestore()
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
