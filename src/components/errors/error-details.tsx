import { useId } from 'react'
import type { ReactNode } from 'react'
import { Link } from 'react-router'

import { paths } from '../../config/paths'
import type { OidcError } from '../../oidc'
import { explainError } from './error-explanations'

import './error-panel.css'

export interface ErrorDetailsProps {
  error: OidcError
  /** The level that fits the surrounding outline: 2 for a page-level panel, 3 or 4 inside a section. */
  headingLevel?: 2 | 3 | 4
  /**
   * 'alert' only for a failure that must interrupt (a session that ended). Failures the session
   * survives are announced by the caller's polite live region, so by default this is a named group.
   */
  role?: 'alert' | 'group'
  /** For a failure that interrupts: takes the focus and comes into view (focus-on-arrival.ts). */
  arrivalRef?: (element: HTMLElement | null) => void
  /** Extra content after the facts, e.g. what happened to the session and a Dismiss button. */
  children?: ReactNode
}

/**
 * A failure, told in full: the step, the failed check, the provider's own words (as text, never
 * markup), the HTTP status, the URL, the detail, the likely fix and a link to its explainer entry. It says nothing about the session,
 * so it fits failures that end it and failures that do not.
 */
export function ErrorDetails({
  error,
  headingLevel = 3,
  role = 'group',
  arrivalRef,
  children,
}: ErrorDetailsProps) {
  const explained = explainError(error)
  const titleId = useId()
  const Heading = `h${headingLevel}` as const
  return (
    <div
      className="error-panel"
      role={role}
      aria-labelledby={titleId}
      {...(arrivalRef === undefined ? {} : { ref: arrivalRef, tabIndex: -1 })}
    >
      <Heading id={titleId}>{explained.title}</Heading>
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
        <dd>
          <span data-testid="error-fix">{explained.fix}</span>{' '}
          {/* Same-tab, in-app navigation: the tokens live in this tab's memory and survive it. */}
          <Link to={`${paths.errors}#${explained.slug}`} aria-describedby={titleId}>
            Explain this error
          </Link>
        </dd>
      </dl>
      {children}
    </div>
  )
}
