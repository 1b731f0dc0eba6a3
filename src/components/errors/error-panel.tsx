import { useId } from 'react'

import type { OidcError } from '../../oidc'
import { explainError } from './error-explanations'

import './error-panel.css'

/**
 * A failure, told in full: the step, the failed check, the provider's own words (as text), the likely fix,
 * and that nothing of the attempt was kept.
 */
export function ErrorPanel(props: { error: OidcError; onDismiss: () => void }) {
  const { error } = props
  const explained = explainError(error)
  const titleId = useId()
  return (
    <div className="error-panel" role="alert" aria-labelledby={titleId}>
      <h2 id={titleId}>{explained.title}</h2>
      <dl>
        <dt>Step</dt>
        <dd data-testid="error-step">{explained.step}</dd>
        {error.check && (
          <>
            <dt>Check that failed</dt>
            <dd data-testid="error-check">{error.check}</dd>
          </>
        )}
        {error.oauthError && (
          <>
            <dt>The provider said</dt>
            <dd>
              <code data-testid="oauth-error">{error.oauthError.error}</code>
              {error.oauthError.error_description !== undefined && (
                <>
                  {': '}
                  <q data-testid="oauth-error-description">{error.oauthError.error_description}</q>
                </>
              )}
            </dd>
          </>
        )}
        {error.status !== undefined && (
          <>
            <dt>HTTP status</dt>
            <dd>{error.status}</dd>
          </>
        )}
        {error.url && (
          <>
            <dt>URL</dt>
            <dd>
              <code>{error.url}</code>
            </dd>
          </>
        )}
        <dt>Detail</dt>
        <dd>{error.message}</dd>
        <dt>What to do</dt>
        <dd data-testid="error-fix">{explained.fix}</dd>
      </dl>
      <p>You are signed out; nothing from this attempt was kept.</p>
      <button type="button" onClick={props.onDismiss}>
        Dismiss
      </button>
    </div>
  )
}
