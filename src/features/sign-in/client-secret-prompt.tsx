import { useId, useState } from 'react'

import { focusOnArrival } from '../../components/ui/focus-on-arrival'
import { useNowSeconds } from '../../components/ui/use-now'

/**
 * Asks for the client secret after the redirect: it lived in memory only, so the page load that brought
 * the code back does not have it. The code itself waits in memory, and expires at the provider.
 */
export function ClientSecretPrompt(props: {
  issuer: string
  clientId: string
  codeReceivedAt: number
  /** A secret that is public by design (the bundled Google-shaped provider's), offered in one click. */
  publicSecret?: string | undefined
  onSubmit: (secret: string) => void
  onCancel: () => void
}) {
  const [secret, setSecret] = useState('')
  const now = useNowSeconds()
  const id = useId()
  const waited = Math.max(0, now - props.codeReceivedAt)
  return (
    <form
      className="client-secret-prompt"
      aria-labelledby={`${id}-title`}
      ref={focusOnArrival}
      tabIndex={-1}
      onSubmit={(event) => {
        event.preventDefault()
        props.onSubmit(secret)
      }}
    >
      <h2 id={`${id}-title`}>Client secret needed to finish</h2>
      <p>
        The provider sent back an authorization code for <code>{props.clientId}</code> at{' '}
        <code>{props.issuer}</code>. Its token endpoint demands the client secret. PKCE Lab never
        stores a secret, so the redirect cleared it from memory: enter it again to exchange the
        code.
      </p>
      <p>
        Authorization codes expire quickly (one minute at the local provider, a few minutes at most
        providers); this one arrived {waited} s ago.
      </p>
      <label htmlFor={`${id}-secret`}>Client secret</label>
      <div className="with-button">
        <input
          id={`${id}-secret`}
          type="password"
          autoComplete="off"
          required
          value={secret}
          onChange={(event) => {
            setSecret(event.target.value)
          }}
        />
        {props.publicSecret !== undefined && (
          <button
            type="button"
            onClick={() => {
              setSecret(props.publicSecret ?? '')
            }}
          >
            Fill in its public secret
          </button>
        )}
      </div>
      <div className="actions">
        <button type="submit" className="primary">
          Exchange the code
        </button>
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  )
}
