import { useId } from 'react'

import { SpecLink } from '../ui/spec-link'
import type { LintFinding } from '../../jwt/token-lint'

export interface LintFindingsProps {
  findings: readonly LintFinding[]
}

/**
 * The lint for one token: a heading, then each finding with its severity in words. A named group rather
 * than a section, so three tokens do not add three landmarks all called "Lint".
 */
export function LintFindings({ findings }: LintFindingsProps) {
  const headingId = useId()
  return (
    <div role="group" className="token-lint" aria-labelledby={headingId}>
      <h3 id={headingId}>Lint</h3>
      {findings.length === 0 ? (
        <p>No findings.</p>
      ) : (
        <ul className="token-lint__list">
          {findings.map((finding) => (
            <li
              key={finding.id}
              className={`token-lint__finding token-lint__finding--${finding.severity}`}
            >
              <strong>{finding.severity === 'warning' ? 'Warning:' : 'Note:'}</strong>{' '}
              {finding.message}
              {finding.spec !== undefined && (
                <>
                  {' '}
                  (<SpecLink href={finding.spec.url}>{finding.spec.label}</SpecLink>)
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
