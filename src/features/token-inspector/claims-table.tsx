import type { ClaimRow } from '../../jwt/describe-claims'
import { SpecLink } from '../../components/ui/spec-link'

export interface ClaimsTableProps {
  caption: string
  rows: readonly ClaimRow[]
}

/** One row per claim: the value as text, times made readable, and what the claim means. */
export function ClaimsTable({ caption, rows }: ClaimsTableProps) {
  return (
    <table className="claims-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Claim</th>
          <th scope="col">Value</th>
          <th scope="col">Meaning</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.name}>
            <th scope="row">
              <code>{row.name}</code>
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
                <span className="claims-table__unknown">No description yet.</span>
              ) : (
                <>
                  {row.meaning.text}{' '}
                  <SpecLink href={row.meaning.specUrl}>{row.meaning.spec}</SpecLink>
                </>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
