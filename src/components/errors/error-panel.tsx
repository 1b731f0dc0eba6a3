import type { OidcError } from '../../oidc'
import { focusOnArrival } from '../ui/focus-on-arrival'
import { ErrorDetails } from './error-details'

/**
 * A failure that ended the sign-in or the session, told in full and announced at once: the facts and
 * the likely fix, and that nothing of the attempt was kept.
 */
export function ErrorPanel(props: { error: OidcError; onDismiss: () => void }) {
  return (
    <ErrorDetails error={props.error} role="alert" headingLevel={2} arrivalRef={focusOnArrival}>
      <p>You are signed out; nothing from this attempt was kept.</p>
      <button type="button" onClick={props.onDismiss}>
        Dismiss
      </button>
    </ErrorDetails>
  )
}
