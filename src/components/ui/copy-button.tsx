import { useEffect, useState } from 'react'

type CopyStatus = 'idle' | 'copied' | 'failed'

const COPIED_VISIBLE_MS = 2000

export interface CopyButtonProps {
  /** What ends up on the clipboard. */
  text: string
  /** Visible text of the button, e.g. "Copy access token". */
  label: string
}

/**
 * A button that copies `text` and says, in a polite live region, whether that worked. A failure is
 * reported instead of swallowed, so nobody pastes a stale clipboard believing it holds the token.
 */
export function CopyButton({ text, label }: CopyButtonProps) {
  const [state, setState] = useState<{ status: CopyStatus; attempt: number }>({
    status: 'idle',
    attempt: 0,
  })

  useEffect(() => {
    if (state.status !== 'copied') {
      return
    }
    const id = setTimeout(() => {
      setState((current) => ({ ...current, status: 'idle' }))
    }, COPIED_VISIBLE_MS)
    return () => {
      clearTimeout(id)
    }
  }, [state])

  async function copy() {
    // navigator.clipboard is undefined outside secure contexts (https or localhost), whatever the DOM
    // types say, and writeText rejects when the page lacks focus or permission.
    const clipboard = navigator.clipboard as Clipboard | undefined
    let status: CopyStatus = 'failed'
    try {
      if (clipboard !== undefined) {
        await clipboard.writeText(text)
        status = 'copied'
      }
    } catch {
      status = 'failed'
    }
    setState((current) => ({ status, attempt: current.attempt + 1 }))
  }

  return (
    <span className="copy-button">
      <button
        type="button"
        onClick={() => {
          void copy()
        }}
      >
        {label}
      </button>{' '}
      <span role="status" aria-live="polite" className="copy-button__status">
        {state.status === 'copied' && 'Copied'}
        {state.status === 'failed' && 'Copy failed — select the text and copy it'}
      </span>
    </span>
  )
}
