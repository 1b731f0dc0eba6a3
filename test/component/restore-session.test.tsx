// @vitest-environment happy-dom
import { cleanup, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'

import { RestoreSession } from '../../src/features/restore/restore-session'
import { renderStrict } from '../support/render'

const ISSUER = 'https://op.example'

function renderRestore(props: { autoRestore?: boolean; busy?: boolean } = {}) {
  const onRestore = vi.fn<() => void>()
  const onAutoRestoreChange = vi.fn<(enabled: boolean) => void>()
  renderStrict(
    <RestoreSession
      issuer={ISSUER}
      clientId="spa"
      autoRestore={props.autoRestore ?? false}
      busy={props.busy ?? false}
      onRestore={onRestore}
      onAutoRestoreChange={onAutoRestoreChange}
    />,
  )
  return { onRestore, onAutoRestoreChange }
}

afterEach(() => {
  cleanup()
})

describe('RestoreSession', () => {
  it('says the reload forgot the tokens by design, and where the session was', () => {
    renderRestore()

    expect(screen.getByRole('status').textContent).toBe(
      'Your tokens lived in this tab’s memory, so the reload forgot them — by design.',
    )
    const notice = screen.getByRole('region', { name: 'Tokens forgotten on reload' })
    expect(notice.textContent).toContain(`You were signed in at ${ISSUER} as client spa.`)
  })

  it('restores silently on click, after saying how', async () => {
    const user = userEvent.setup()
    const { onRestore } = renderRestore()

    const button = screen.getByRole('button', { name: 'Restore session silently' })
    const how = document.getElementById(button.getAttribute('aria-describedby') ?? '')
    expect(how?.textContent).toContain('A top-level redirect to the provider with prompt=none')
    expect(how?.textContent).toContain('back signed in if your session there is still alive')
    expect(how?.textContent).toContain('told that an interactive sign-in is needed')
    expect(how?.textContent).toContain('cannot name you with id_token_hint')

    await user.click(button)

    expect(onRestore).toHaveBeenCalledTimes(1)
  })

  it('disables the button while busy', () => {
    renderRestore({ busy: true })

    expect(screen.getByRole('button', { name: 'Restore session silently' })).toHaveProperty(
      'disabled',
      true,
    )
  })

  it('shows and changes whether to restore automatically after a reload', async () => {
    const user = userEvent.setup()
    const { onAutoRestoreChange } = renderRestore({ autoRestore: false })

    const checkbox = screen.getByRole('checkbox', { name: 'Restore automatically after a reload' })
    expect(checkbox).toHaveProperty('checked', false)

    await user.click(checkbox)

    expect(onAutoRestoreChange).toHaveBeenCalledExactlyOnceWith(true)
  })

  it('shows automatic restore switched on, and turns it off', async () => {
    const user = userEvent.setup()
    const { onAutoRestoreChange } = renderRestore({ autoRestore: true })

    const checkbox = screen.getByRole('checkbox', { name: 'Restore automatically after a reload' })
    expect(checkbox).toHaveProperty('checked', true)

    await user.click(checkbox)

    expect(onAutoRestoreChange).toHaveBeenCalledExactlyOnceWith(false)
  })
})

describe('RestoreSession when the form names another provider', () => {
  it('says so, quoting both, and offers no restore', () => {
    renderStrict(
      <RestoreSession
        issuer="https://op.example"
        clientId="spa"
        formDiffers={{ issuer: 'https://evil.example', clientId: 'spa' }}
        autoRestore={false}
        busy={false}
        onRestore={() => undefined}
        onAutoRestoreChange={() => undefined}
      />,
    )

    expect(screen.getByRole('button', { name: 'Restore session silently' })).toHaveProperty(
      'disabled',
      true,
    )
    const region = screen.getByRole('region', { name: 'Tokens forgotten on reload' })
    expect(within(region).getByText('https://evil.example').tagName).toBe('CODE')
    expect(within(region).getByText('https://op.example').tagName).toBe('CODE')
    expect(region.textContent).toContain('nothing is restored')
  })
})
