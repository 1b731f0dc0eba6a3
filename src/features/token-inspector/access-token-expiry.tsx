import { describeTime } from '../../jwt/describe-claims'
import { SpecLink } from '../../components/ui/spec-link'

export interface AccessTokenExpiryProps {
  /** Epoch seconds, computed from expires_in when the token arrived. */
  expiresAt: number | undefined
  nowSeconds: number
}

/** When the access token expires, as a local time and a phrase that moves with the clock. */
export function AccessTokenExpiry({ expiresAt, nowSeconds }: AccessTokenExpiryProps) {
  const time = expiresAt === undefined ? undefined : describeTime(expiresAt, nowSeconds)
  if (time === undefined) {
    return (
      <>
        Unknown: the token response had no expires_in, which is only recommended (
        <SpecLink href="https://www.rfc-editor.org/rfc/rfc6749#section-5.1">RFC 6749 §5.1</SpecLink>
        ).
      </>
    )
  }
  const verb = time.epochSeconds > nowSeconds ? 'expires at' : 'expired at'
  return (
    <>
      {verb} {time.local} ({time.relative})
    </>
  )
}
