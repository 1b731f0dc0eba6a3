import type { ReactNode } from 'react'

import type { SignatureResult } from '../../jwt/verify-signature'

export interface SignatureStatusProps {
  /** Undefined until a check has run for this token. */
  result: SignatureResult | undefined
  /** What to say while nothing has been checked. */
  unchecked: ReactNode
}

/** One paragraph, inside the decoding warning, on what the signature check found. */
export function SignatureStatus({ result, unchecked }: SignatureStatusProps) {
  if (result === undefined) {
    return <p>{unchecked}</p>
  }
  switch (result.status) {
    case 'verified':
      return (
        <p>
          <strong>
            Signature verified against the provider&rsquo;s published keys (
            {result.kid === undefined ? 'no kid' : `kid ${result.kid}`}, alg {result.alg}).
          </strong>{' '}
          The issuer&rsquo;s key signed exactly these bytes: nobody changed the header or payload
          after signing.
        </p>
      )
    case 'failed':
      return (
        <p>
          <strong>Signature check failed:</strong> {result.reason}. Do not trust anything in this
          token.
        </p>
      )
    case 'cannot-verify':
      return (
        <p>
          <strong>Signature not verified:</strong> {result.reason}.
        </p>
      )
  }
}
