import type { ReactNode } from 'react'

import type { DecodedJwt } from '../../jwt/decode-jwt'
import { describeClaims } from '../../jwt/describe-claims'
import { ClaimsTable } from './claims-table'
import { DecodingWarning } from './decoding-warning'
import { JwtSegments } from './jwt-segments'

export interface DecodedJwtViewProps {
  decoded: DecodedJwt
  /** e.g. "ID token"; used in the segment list name and the table caption. */
  tokenName: string
  nowSeconds: number
  /** What PKCE Lab checked in this token, shown inside the warning. */
  checks: ReactNode
}

/** A decoded JWS: its segments, the warning, the decoded JSON and the claims table. */
export function DecodedJwtView({ decoded, tokenName, nowSeconds, checks }: DecodedJwtViewProps) {
  return (
    <>
      <JwtSegments segments={decoded.segments} tokenName={tokenName} />
      <DecodingWarning>{checks}</DecodingWarning>
      <h3>Decoded header</h3>
      <pre className="decoded-json">
        <code>{JSON.stringify(decoded.header, null, 2)}</code>
      </pre>
      <h3>Decoded payload</h3>
      <pre className="decoded-json">
        <code>{JSON.stringify(decoded.payload, null, 2)}</code>
      </pre>
      <ClaimsTable
        caption={`${tokenName} claims`}
        rows={describeClaims(decoded.payload, nowSeconds)}
      />
    </>
  )
}
