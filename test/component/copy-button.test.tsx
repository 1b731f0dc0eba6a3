// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { StrictMode } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'

import { CopyButton } from '../../src/components/ui/copy-button'

// Call after userEvent.setup(), which installs its own clipboard on navigator.
function stubClipboard(writeText: ((text: string) => Promise<void>) | undefined) {
  Object.defineProperty(navigator, 'clipboard', {
    configurable: true,
    value: writeText === undefined ? undefined : { writeText },
  })
}

function renderButton() {
  render(
    <StrictMode>
      <CopyButton text="secret-token-value" label="Copy access token" />
    </StrictMode>,
  )
  return screen.getByRole('button', { name: 'Copy access token' })
}

afterEach(() => {
  cleanup()
  vi.useRealTimers()
  Reflect.deleteProperty(navigator, 'clipboard')
})

describe('CopyButton', () => {
  it('is a plain button whose name is its label', () => {
    const button = renderButton()

    expect(button.getAttribute('type')).toBe('button')
    expect(screen.getByRole('status').textContent).toBe('')
  })

  it('copies the text, says "Copied" politely, then clears the message', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    const user = userEvent.setup({ advanceTimers: (ms) => vi.advanceTimersByTime(ms) })
    const copied: string[] = []
    stubClipboard((text) => {
      copied.push(text)
      return Promise.resolve()
    })
    const button = renderButton()

    await user.click(button)

    expect(copied).toEqual(['secret-token-value'])
    const status = screen.getByRole('status')
    expect(status.textContent).toBe('Copied')
    expect(status.getAttribute('aria-live')).toBe('polite')

    await act(() => vi.advanceTimersByTimeAsync(1900))
    expect(screen.getByRole('status').textContent).toBe('Copied')
    await act(() => vi.advanceTimersByTimeAsync(200))
    expect(screen.getByRole('status').textContent).toBe('')
  })

  it('says how to copy by hand when the clipboard refuses', async () => {
    const user = userEvent.setup()
    stubClipboard(() =>
      Promise.reject(new DOMException('Document is not focused.', 'NotAllowedError')),
    )

    await user.click(renderButton())

    expect(screen.getByRole('status').textContent).toBe('Copy failed — select the text and copy it')
  })

  it('says how to copy by hand when there is no clipboard API (insecure context)', async () => {
    const user = userEvent.setup()
    stubClipboard(undefined)

    await user.click(renderButton())

    expect(screen.getByRole('status').textContent).toBe('Copy failed — select the text and copy it')
  })
})
