import { focusOnArrival } from '../../components/ui/focus-on-arrival'
import { useNowSeconds } from '../../components/ui/use-now'

/** Step-through mode, before the redirect: everything is ready and the browser has not left. */
export function PausedBeforeRedirect(props: {
  timelineId: string
  onContinue: () => void
  onCancel: () => void
}) {
  return (
    <section
      className="step-pause"
      aria-labelledby="paused-redirect-title"
      ref={focusOnArrival}
      tabIndex={-1}
    >
      <h2 id="paused-redirect-title">Paused before the redirect</h2>
      <p>
        The authorization request is ready: a fresh code_verifier, state and nonce wait in this
        tab&apos;s sessionStorage, and only the code_challenge goes to the provider.{' '}
        <a href={`#${props.timelineId}`}>Read the request in the flow timeline</a>, then go on.
      </p>
      <div className="actions">
        <button type="button" className="primary" onClick={props.onContinue}>
          Continue to the provider
        </button>
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </section>
  )
}

/**
 * How long many providers honour a code: 60 s at node-oidc-provider by default and the bundled ones;
 * no metadata field announces it, so past this the pause warns rather than knows.
 */
export const USUAL_CODE_LIFETIME_SECONDS = 60

/** Step-through mode, before the code exchange: the callback passed its checks. */
export function PausedBeforeExchange(props: {
  code: string
  codeReceivedAt: number
  onContinue: () => void
  onCancel: () => void
}) {
  const now = useNowSeconds()
  const waited = Math.max(0, now - props.codeReceivedAt)
  return (
    <section
      className="step-pause"
      aria-labelledby="paused-exchange-title"
      ref={focusOnArrival}
      tabIndex={-1}
    >
      <h2 id="paused-exchange-title">Paused before the code exchange</h2>
      <p>
        The callback passed every check (see the flow timeline). Its authorization code is{' '}
        <code>{props.code}</code>: single-use, and short-lived — RFC 6749 §4.1.2 recommends at most
        10 minutes, the local provider allows 60 seconds. This one arrived {waited} s ago. On its
        own it is worthless: the token endpoint also wants the code_verifier.
      </p>
      {waited > USUAL_CODE_LIFETIME_SECONDS && (
        <p role="status" className="warning">
          <strong>This code may have expired.</strong> It is {waited} s old, and many providers
          honour a code for about {USUAL_CODE_LIFETIME_SECONDS} s (the provider does not announce
          its figure). The exchange may be refused with invalid_grant; if so, sign in again and
          continue sooner.
        </p>
      )}
      <div className="actions">
        <button type="button" className="primary" onClick={props.onContinue}>
          {waited > USUAL_CODE_LIFETIME_SECONDS
            ? 'Try the exchange anyway'
            : 'Exchange the code now'}
        </button>
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </section>
  )
}
