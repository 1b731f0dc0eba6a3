import { useId } from 'react'

export interface RestoreSessionProps {
  issuer: string
  clientId: string
  /** The issuer and client_id the form names, when they are not the session's: no restore then. */
  formDiffers?: { issuer: string; clientId: string }
  autoRestore: boolean
  onRestore: () => void
  onAutoRestoreChange: (enabled: boolean) => void
  busy: boolean
}

/**
 * After a reload: says why the tokens are gone and offers to get new ones without a password, by a
 * top-level prompt=none redirect (a top-level one, unlike a hidden frame, still gets the provider's
 * cookies in browsers that block third-party cookies).
 */
export function RestoreSession(props: RestoreSessionProps) {
  const headingId = useId()
  const howId = useId()
  return (
    <section className="notice restore-session" aria-labelledby={headingId}>
      <h2 id={headingId}>Tokens forgotten on reload</h2>
      <p role="status">
        Your tokens lived in this tab&rsquo;s memory, so the reload forgot them — by design.
      </p>
      <p>
        You were signed in at <code>{props.issuer}</code> as client <code>{props.clientId}</code>.
      </p>
      {props.formDiffers && (
        <p role="status">
          The settings now name the issuer <code>{props.formDiffers.issuer}</code> and client{' '}
          <code>{props.formDiffers.clientId}</code>, not the ones of that session, so nothing is
          restored: a silent restore goes only where this tab was signed in.
        </p>
      )}
      <button
        type="button"
        className="primary"
        disabled={props.busy || props.formDiffers !== undefined}
        aria-describedby={howId}
        onClick={props.onRestore}
      >
        Restore session silently
      </button>
      <p id={howId} className="hint">
        A top-level redirect to the provider with prompt=none (OpenID Connect Core §3.1.2.1): you
        come back signed in if your session there is still alive, and are otherwise told that an
        interactive sign-in is needed. The reload cleared the ID token, so the request cannot name
        you with id_token_hint: a provider that requires one with prompt=none refuses it.
      </p>
      <label>
        <input
          type="checkbox"
          checked={props.autoRestore}
          onChange={(event) => {
            props.onAutoRestoreChange(event.target.checked)
          }}
        />{' '}
        Restore automatically after a reload
      </label>
    </section>
  )
}
