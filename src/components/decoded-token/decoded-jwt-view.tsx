import type { ReactNode } from 'react'

import type { DecodedJwt } from '../../jwt/decode-jwt'
import { describeClaims } from '../../jwt/describe-claims'
import type { TokenRole } from '../../jwt/token-lint'
import { ClaimsTable } from './claims-table'
import { DecodingWarning } from './decoding-warning'
import { HeaderTable } from './header-table'
import { JwtSegments } from './jwt-segments'

export interface DecodedJwtViewProps {
  decoded: DecodedJwt
  /** e.g. "ID token"; used in the segment list name and the table captions. */
  tokenName: string
  nowSeconds: number
  /** What PKCE Lab checked in this token, shown inside the warning. */
  checks: ReactNode
  role: TokenRole
  /** The signature of this very token was verified against the provider's keys. */
  signatureVerified: boolean
  /** IdTokenCheck ids that passed for this token; empty when nothing was compared. */
  passedChecks: ReadonlySet<string>
  /** The signature check control, when this page can verify signatures. */
  signatureCheck?: ReactNode
}

/** A decoded JWS: its segments, the warning, the decoded JSON, and the header and claims tables. */
export function DecodedJwtView({
  decoded,
  tokenName,
  nowSeconds,
  checks,
  role,
  signatureVerified,
  passedChecks,
  signatureCheck,
}: DecodedJwtViewProps) {
  return (
    <>
      <JwtSegments segments={decoded.segments} tokenName={tokenName} />
      <DecodingWarning>{checks}</DecodingWarning>
      {signatureCheck}
      <h3>Decoded header</h3>
      <pre className="decoded-json">
        <code>{JSON.stringify(decoded.header, null, 2)}</code>
      </pre>
      <HeaderTable caption={`${tokenName} header parameters`} header={decoded.header} />
      <h3>Decoded payload</h3>
      <pre className="decoded-json">
        <code>{JSON.stringify(decoded.payload, null, 2)}</code>
      </pre>
      <ClaimsTable
        caption={`${tokenName} claims`}
        rows={describeClaims(decoded.payload, nowSeconds)}
        role={role}
        signatureVerified={signatureVerified}
        passedChecks={passedChecks}
      />
    </>
  )
}
