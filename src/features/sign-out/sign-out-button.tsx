import { useId } from 'react'

export interface SignOutButtonProps {
  onSignOut: () => void
  busy: boolean
  hasEndSession: boolean
  hasRevocation: boolean
}

/** "Sign out", with what it will and will not do at this provider said before it is pressed. */
export function SignOutButton({
  onSignOut,
  busy,
  hasEndSession,
  hasRevocation,
}: SignOutButtonProps) {
  const descriptionId = useId()
  const revocation = hasRevocation
    ? 'revokes the refresh token, then the access token, at the provider’s revocation endpoint (RFC 7009)'
    : 'cannot revoke the tokens (this provider has no revocation endpoint: they stay valid until they expire)'
  const endSession = hasEndSession
    ? 'ends your session at the provider through its end_session_endpoint'
    : 'cannot end your session at the provider: it has no end-session endpoint, so your session there stays'
  return (
    <div className="sign-out">
      <button type="button" disabled={busy} aria-describedby={descriptionId} onClick={onSignOut}>
        Sign out
      </button>
      <p id={descriptionId} className="hint">
        Sign out {revocation}, forgets everything in this tab, and {endSession}.
      </p>
    </div>
  )
}
