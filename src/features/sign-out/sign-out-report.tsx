import { useId } from 'react'

import { ErrorDetails } from '../../components/errors/error-details'
import type { SignOutReport as Report } from '../../session'

export interface SignOutReportProps {
  report: Report
}

const REFRESH_TOKEN_WORDS: Record<Report['refreshToken'], string> = {
  revoked: 'revoked at the provider (RFC 7009).',
  failed: 'revocation failed: it may stay valid at the provider until it expires (details below).',
  'not-supported':
    'not revoked: this provider has no revocation endpoint, so it stays valid until it expires.',
  none: 'there was none to revoke.',
}

const ACCESS_TOKEN_WORDS: Record<Report['accessToken'], string> = {
  revoked: 'revoked at the provider (RFC 7009).',
  failed: 'revocation failed: it may stay valid at the provider until it expires (details below).',
  'not-supported':
    'not revoked: this provider has no revocation endpoint, so it stays valid until it expires.',
}

const END_SESSION_WORDS: Record<Report['endSession'], string> = {
  redirecting:
    'ending it at the provider… (sending you to its end_session_endpoint, naming this client by client_id; your ID token is not put in that URL)',
  'not-supported':
    'not ended: this provider has no end-session endpoint — your session at the provider stays, so the next sign-in may not ask for a password.',
  failed:
    'not ended: the end-session request could not be made (details below) — your session at the provider stays, so the next sign-in may not ask for a password.',
}

/** What a sign-out did and did not do, step by step: nothing is left implied. */
export function SignOutReport({ report }: SignOutReportProps) {
  const headingId = useId()
  return (
    <div className="notice sign-out-report" role="status" aria-labelledby={headingId}>
      <h2 id={headingId}>Signed out</h2>
      <ul>
        <li>
          <strong>Refresh token:</strong> {REFRESH_TOKEN_WORDS[report.refreshToken]}
        </li>
        <li>
          <strong>Access token:</strong> {ACCESS_TOKEN_WORDS[report.accessToken]}
        </li>
        <li>
          <strong>Provider session:</strong> {END_SESSION_WORDS[report.endSession]}
        </li>
        <li>
          <strong>This tab:</strong> Everything local was forgotten: tokens, secret, pending
          sign-in.
        </li>
      </ul>
      {report.errors.map((error, index) => (
        // Errors have no identity of their own; the report never changes once made.
        <ErrorDetails key={index} error={error} />
      ))}
    </div>
  )
}
