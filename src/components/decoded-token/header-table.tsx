import { BreakableName } from './breakable-name'
import { SpecLink } from '../ui/spec-link'
import { KEY_CHOSEN_BY_TOKEN_MAKER, lookUpHeaderParameter } from '../../jwt/claim-catalog'

export interface HeaderTableProps {
  caption: string
  header: Record<string, unknown>
}

/**
 * One row per header parameter, with what it means. jku, x5u, jwk and x5c carry a warning: they name
 * keys chosen by whoever made the token (RFC 8725 §3.10).
 */
export function HeaderTable({ caption, header }: HeaderTableProps) {
  return (
    <table className="claims-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Parameter</th>
          <th scope="col">Value</th>
          <th scope="col">Meaning</th>
        </tr>
      </thead>
      <tbody>
        {Object.entries(header).map(([name, value]) => {
          const entry = lookUpHeaderParameter(name)
          return (
            <tr key={name}>
              <th scope="row">
                <BreakableName name={name} />
              </th>
              <td>
                <code className="claims-table__value">
                  {typeof value === 'string' ? value : JSON.stringify(value)}
                </code>
              </td>
              <td>
                {entry === undefined ? (
                  <span className="claims-table__unknown">Not a registered header parameter.</span>
                ) : (
                  <>
                    {entry.meaning} <SpecLink href={entry.specUrl}>{entry.spec}</SpecLink>
                    {entry.keyChosenByTokenMaker === true && (
                      <span className="claims-table__warning">
                        <strong>Proves nothing</strong> (
                        <SpecLink href="https://www.rfc-editor.org/rfc/rfc8725#section-3.10">
                          RFC 8725 §3.10
                        </SpecLink>
                        ): {KEY_CHOSEN_BY_TOKEN_MAKER}
                      </span>
                    )}
                  </>
                )}
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
