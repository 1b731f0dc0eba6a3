import { BreakableName } from './breakable-name'
import { SpecLink } from '../ui/spec-link'
import { UNREGISTERED_CLAIM } from '../../jwt/claim-catalog'
import type { ClaimRow } from '../../jwt/describe-claims'
import type { TokenRole } from '../../jwt/token-lint'
import { claimTrust } from './claim-trust'
import { TrustBadge } from './trust-badge'

export interface ClaimsTableProps {
  caption: string
  rows: readonly ClaimRow[]
  role: TokenRole
  /** The signature of this very token was verified against the provider's keys. */
  signatureVerified: boolean
  /** IdTokenCheck ids that passed for this token; empty when nothing was compared. */
  passedChecks: ReadonlySet<string>
}

/**
 * One row per claim: the value as text, times made readable, what the claim means and how far it
 * can be trusted, each in words.
 */
export function ClaimsTable({
  caption,
  rows,
  role,
  signatureVerified,
  passedChecks,
}: ClaimsTableProps) {
  return (
    <table className="claims-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Claim</th>
          <th scope="col">Value</th>
          <th scope="col">Meaning</th>
          <th scope="col">Trust</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.name}>
            <th scope="row">
              <BreakableName name={row.name} />
            </th>
            <td>
              <code className="claims-table__value">{row.value}</code>
              {row.time !== undefined && (
                <span className="claims-table__time">
                  {row.time.local} ({row.time.relative})
                </span>
              )}
            </td>
            <td>
              {row.meaning === undefined ? (
                <span className="claims-table__unknown">{UNREGISTERED_CLAIM}</span>
              ) : (
                <>
                  {row.meaning.text}{' '}
                  <SpecLink href={row.meaning.specUrl}>{row.meaning.spec}</SpecLink>
                </>
              )}
              {row.personalData === true && (
                <span className="claims-table__personal">
                  Personal data: anyone who holds this token can read it.
                </span>
              )}
            </td>
            <td>
              <TrustBadge trust={claimTrust(row.name, role, signatureVerified, passedChecks)} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
