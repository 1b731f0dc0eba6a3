import { useId } from 'react'
import type { ReactNode } from 'react'

import { SpecLink } from '../ui/spec-link'

export interface DecodingWarningProps {
  /** What PKCE Lab checked in this token, and what it did not. */
  children: ReactNode
}

/**
 * The note every decoded token carries. It is a plain note rather than an alert: it is standing
 * advice to read before the claims, not news that needs to interrupt a screen reader.
 */
export function DecodingWarning({ children }: DecodingWarningProps) {
  const headingId = useId()
  return (
    <div role="note" className="decoding-warning" aria-labelledby={headingId}>
      <h3 id={headingId}>Decoded is not verified</h3>
      <p>
        Anyone who holds this token can read it: it is only base64url-encoded, not encrypted (
        <SpecLink href="https://www.rfc-editor.org/rfc/rfc7515#section-3">RFC 7515 §3</SpecLink>).
        Decoding is not verifying: what you see below is what the token says, not proof that it is
        true or that the provider issued it.
      </p>
      {children}
    </div>
  )
}
