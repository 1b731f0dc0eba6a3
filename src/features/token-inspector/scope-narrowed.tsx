/**
 * Says, next to the claims, that the provider granted less than was asked (RFC 6749 §3.3): claims
 * missing for that reason are not missing because the user has none.
 */
import { SpecLink } from '../../components/ui/spec-link'

// What each standard scope asks for (OpenID Connect Core §5.4, §11).
const WHAT_SCOPE_CARRIES: Readonly<Record<string, string>> = {
  profile: 'name, given_name, preferred_username, picture and the other profile claims',
  email: 'email and email_verified',
  address: 'address',
  phone: 'phone_number and phone_number_verified',
  offline_access: 'a refresh token',
}

export function ScopeNarrowed(props: { requested: string; granted: string; ungranted: string[] }) {
  const { requested, granted, ungranted } = props
  if (ungranted.length === 0) return null
  const carried = ungranted.flatMap((scope) => {
    const what = WHAT_SCOPE_CARRIES[scope]
    return what === undefined ? [] : [`${scope}: ${what}`]
  })
  return (
    <p role="note" className="scope-narrowed">
      <strong>The provider granted less than was asked.</strong> This app asked for{' '}
      <code>{requested}</code>; the token response says <code>{granted}</code> (
      <SpecLink href="https://www.rfc-editor.org/rfc/rfc6749#section-3.3">RFC 6749 §3.3</SpecLink>).
      Not granted: {ungranted.join(', ')}.{' '}
      {carried.length > 0 && (
        <>
          What those would have brought is missing for that reason, not because the user has none (
          {carried.join('; ')};{' '}
          <SpecLink href="https://openid.net/specs/openid-connect-core-1_0.html#ScopeClaims">
            OpenID Connect Core §5.4
          </SpecLink>
          ).{' '}
        </>
      )}
      Check which scopes the client is allowed at the provider, and whether the user declined them.
    </p>
  )
}
