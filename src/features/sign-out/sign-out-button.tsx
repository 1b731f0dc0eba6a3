import { useId } from 'react'

export interface SignOutButtonProps {
  onSignOut: () => void
  busy: boolean
  hasEndSession: boolean
  hasRevocation: boolean
  /**
   * The revocation_endpoint_auth_methods_supported of a provider that lists no "none", when this
   * client is public: it demands a credential this client does not have.
   */
  revocationDemandsAuth?: readonly string[]
}

/** "Sign out", with what it will and will not do at this provider said before it is pressed. */
export function SignOutButton({
  onSignOut,
  busy,
  hasEndSession,
  hasRevocation,
  revocationDemandsAuth,
}: SignOutButtonProps) {
  const descriptionId = useId()
  const revocation = !hasRevocation
    ? 'cannot revoke the tokens (this provider has no revocation endpoint: they stay valid until they expire)'
    : revocationDemandsAuth
      ? `asks the provider’s revocation endpoint to revoke the refresh token, then the access token (RFC 7009) — which will probably be refused: its metadata lists only ${revocationDemandsAuth.join(', ')} for revocation, client authentication this public client does not have`
      : 'revokes the refresh token, then the access token, at the provider’s revocation endpoint (RFC 7009)'
  const endSession = hasEndSession
    ? 'asks the provider to end your session through its end_session_endpoint, then checks that it did'
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
