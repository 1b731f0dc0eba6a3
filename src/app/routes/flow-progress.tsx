/**
 * What the flow is doing while it waits on the network: part of the first screen, not of the lazy
 * status panels, so the callback page says "Completing sign-in" without fetching any other code
 * while the code is exchanged.
 */
import type { SessionState } from '../../session'

/** The states that only wait for an answer; nothing to press but the page's other controls. */
export function isInProgress(state: SessionState): boolean {
  return (
    state.status === 'starting' ||
    state.status === 'redirecting' ||
    state.status === 'completing' ||
    state.status === 'signing-out'
  )
}

export function progressText(state: SessionState): string | undefined {
  switch (state.status) {
    case 'starting':
      return state.silent
        ? 'Restoring the session silently: fetching the provider metadata…'
        : 'Fetching the provider metadata…'
    case 'redirecting':
      return 'Going to the provider…'
    case 'completing':
      return 'Completing sign-in: checking the callback and exchanging the code…'
    case 'signing-out':
      return 'Signing out: revoking the tokens at the provider…'
    default:
      return undefined
  }
}

/** The progress line at the top, unless the Sign in button already shows it where the eyes are. */
export function FlowProgress({
  state,
  shownByButton,
}: {
  state: SessionState
  shownByButton: boolean
}) {
  const text = progressText(state)
  return text === undefined || shownByButton ? null : (
    <p className="notice progress-line" role="status">
      <span className="spinner" aria-hidden="true" />
      {text}
    </p>
  )
}
