import type { EncryptedJwt, MalformedJwt } from '../../jwt/decode-jwt'
import { SpecLink } from '../../components/ui/spec-link'

export interface UndecodedTokenProps {
  decoded: EncryptedJwt | MalformedJwt
}

/** Why a token that looks like a JWT cannot be shown decoded. */
export function UndecodedToken({ decoded }: UndecodedTokenProps) {
  if (decoded.kind === 'jwe') {
    return (
      <p>
        This token is encrypted: it is a JWE with five segments (
        <SpecLink href="https://www.rfc-editor.org/rfc/rfc7516#section-7.1">RFC 7516 §7.1</SpecLink>
        ). Its contents cannot be read without the recipient&rsquo;s private key, so there is
        nothing to decode here.
      </p>
    )
  }
  return (
    <p>This token has three segments like a JWT, but it could not be decoded. {decoded.reason}</p>
  )
}
