/**
 * What a sign-out did and did not do, part by part, each from the evidence the session holds: a
 * revocation's answer, and for the provider session the answer to a prompt=none request made after
 * coming back. Nothing is left implied, and "ended" is said only when the provider proved it.
 */
import { useId } from 'react'

import { ErrorDetails } from '../../components/errors/error-details'
import { focusOnArrival } from '../../components/ui/focus-on-arrival'
import { SpecLink } from '../../components/ui/spec-link'
import type { OidcError } from '../../oidc'
import type { SignOutReport as Report } from '../../session'

export interface SignOutReportProps {
  report: Report
  onDismiss: () => void
}

const RFC_7009 = 'https://www.rfc-editor.org/rfc/rfc7009#section-2.1'

const NOT_SUPPORTED =
  'not revoked: this provider has no revocation endpoint, so it stays valid until it expires.'

const END_SESSION_WORDS: Record<Exclude<Report['endSession'], 'unknown'>, string> = {
  redirecting:
    'ending it at the provider… (sending you to its end_session_endpoint, naming this client by client_id; your ID token is not put in that URL)',
  checking:
    'checking whether it ended: a silent authorization request (prompt=none) in a hidden frame asks the provider whether it still knows you…',
  ended:
    'ended. Evidence: after the sign-out, a silent authorization request (prompt=none) was answered login_required, so the provider has no session for you any more.',
  'not-ended':
    'not ended. Evidence: after the sign-out, a silent authorization request (prompt=none) came back without asking you to log in, so the provider still has your session (its code was discarded, never exchanged). If you declined the provider’s sign-out, this is why; the next sign-in may not ask for a password.',
  'not-supported':
    'not ended: this provider has no end-session endpoint — your session at the provider stays, so the next sign-in may not ask for a password.',
  failed:
    'not ended: the end-session request could not be made (details below) — your session at the provider stays, so the next sign-in may not ask for a password.',
}

/** Why a token was not revoked: the provider's answer, and what its metadata says revocation needs. */
function refusalWords(error: OidcError | undefined, auth: Report['revocationAuth']): string {
  if (error === undefined) return 'not revoked (details below).'
  const answer =
    error.status === undefined
      ? `the request got no answer this page could read (${error.code})`
      : `the provider answered HTTP ${String(error.status)}${error.oauthError ? ` with error ${error.oauthError.error}` : ' without an error code'}`
  const methods = auth?.methods
  const demandsAuth =
    auth?.publicClient === true && methods !== undefined && !methods.includes('none')
      ? ` Its metadata lists revocation_endpoint_auth_methods_supported: ${methods.join(', ')}, so it demands client authentication, which RFC 7009 §2.1 does not ask of a public client like this one.`
      : ''
  return `not revoked: ${answer}.${demandsAuth} It stays valid at the provider until it expires.`
}

export function SignOutReport({ report, onDismiss }: SignOutReportProps) {
  const headingId = useId()
  const refusalFor = (token: 'refresh_token' | 'access_token') =>
    report.errors.find((error) => error.step === 'revocation' && error.check === token)
  const tokenWords = (
    outcome: Report['refreshToken'],
    token: 'refresh_token' | 'access_token',
  ): string => {
    switch (outcome) {
      case 'revoked':
        return 'revoked at the provider (RFC 7009): it answered 200.'
      case 'failed':
        return refusalWords(refusalFor(token), report.revocationAuth)
      case 'not-supported':
        return NOT_SUPPORTED
      case 'none':
        return 'there was none to revoke.'
    }
  }
  return (
    <div
      className="notice sign-out-report"
      role="status"
      aria-labelledby={headingId}
      ref={focusOnArrival}
      tabIndex={-1}
    >
      <h2 id={headingId}>Signed out</h2>
      <ul>
        <li>
          <strong>Refresh token:</strong> {tokenWords(report.refreshToken, 'refresh_token')}
        </li>
        <li>
          <strong>Access token:</strong> {tokenWords(report.accessToken, 'access_token')}
        </li>
        <li>
          <strong>Provider session:</strong>{' '}
          {report.endSession === 'unknown' ? (
            <>
              unknown: {report.unknownBecause ?? 'could not check'}. To find out, press Sign in: if
              the provider does not ask you to log in, its session is still there.
            </>
          ) : (
            END_SESSION_WORDS[report.endSession]
          )}
          {report.stateMismatch === true && (
            <>
              {' '}
              The way back carried another <code>state</code> than the one sent, so that redirect
              may not have come from this sign-out.
            </>
          )}
        </li>
        <li>
          <strong>This tab:</strong> Everything local was forgotten: tokens, secret, pending
          sign-in.
        </li>
      </ul>
      {report.errors.some((error) => error.step === 'revocation') && (
        <p className="hint">
          Revocation (<SpecLink href={RFC_7009}>RFC 7009 §2.1</SpecLink>) is how a client tells the
          provider it no longer needs a token; without it, a copy of the token keeps working.
        </p>
      )}
      {report.errors.map((error, index) => (
        // Errors have no identity of their own; the report never changes once made.
        <ErrorDetails key={index} error={error} />
      ))}
      <button type="button" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  )
}
