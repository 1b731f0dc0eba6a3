// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'

import { ClientSecretPrompt } from '../../src/features/sign-in/client-secret-prompt'
import { renderStrict } from '../support/render'

afterEach(() => {
  cleanup()
})

function renderPrompt(publicSecret?: string) {
  const onSubmit = vi.fn<(secret: string) => void>()
  renderStrict(
    <ClientSecretPrompt
      issuer="http://127.0.0.1:5181"
      clientId="pkce-lab-google"
      codeReceivedAt={Math.floor(Date.now() / 1000)}
      publicSecret={publicSecret}
      onSubmit={onSubmit}
      onCancel={() => undefined}
    />,
  )
  return { onSubmit }
}

describe('ClientSecretPrompt', () => {
  it('fills in a public secret with one click, and exchanges with it', async () => {
    const user = userEvent.setup()
    const { onSubmit } = renderPrompt('GOCSPX-local-provider-not-a-secret')

    await user.click(screen.getByRole('button', { name: 'Fill in its public secret' }))
    await user.click(screen.getByRole('button', { name: 'Exchange the code' }))

    expect(onSubmit).toHaveBeenCalledWith('GOCSPX-local-provider-not-a-secret')
  })

  it('offers nothing to fill in for a provider whose secret is a real one', () => {
    renderPrompt()

    expect(screen.queryByRole('button', { name: 'Fill in its public secret' })).toBeNull()
  })
})
