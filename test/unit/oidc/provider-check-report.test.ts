/**
 * How the sign-in part's outcomes join the report: what it judged replaces "needs a sign-in", and
 * what it did not judge says why: stopped, still to come with the sign-out, or not reached.
 */
import { describe, expect, it } from 'vitest'

import { withSignInChecks } from '../../../src/oidc/provider-check-run'
import type { ProviderCheckReport, ReportedCheck } from '../../../src/oidc/provider-check-run'
import { notChecked, PROVIDER_CHECKS } from '../../../src/oidc/provider-checks'
import type { SignInCheckId } from '../../../src/oidc/provider-checks'

const metadataOnly: ProviderCheckReport = {
  issuer: 'https://op.example',
  clientId: 'spa',
  origin: 'https://app.example',
  startedAt: 0,
  finishedAt: 1,
  stopped: false,
  checks: PROVIDER_CHECKS.map((id) => ({
    ...notChecked(id, 'Not checked: it needs a sign-in.'),
    evidence: [],
  })),
}

const judged = new Map<SignInCheckId, ReportedCheck>([
  [
    'code-replay',
    {
      id: 'code-replay',
      title: 'A code works once',
      outcome: 'pass',
      finding: 'refused',
      spec: 'RFC 6749 §4.1.2',
      evidence: [],
    },
  ],
])

const findingOf = (report: ProviderCheckReport, id: string) =>
  report.checks.find((check) => check.id === id)?.finding

describe('the report with the sign-in part', () => {
  it('puts in what was judged, and says the sign-out is still to come', () => {
    const report = withSignInChecks(metadataOnly, judged, 5, false)
    expect(report.checks.find((check) => check.id === 'code-replay')?.outcome).toBe('pass')
    expect(findingOf(report, 'session-ended')).toBe(
      'Not checked yet: it comes with the sign-out, the last step.',
    )
    expect(findingOf(report, 'refresh-family')).toBe(
      'Not checked: the check ended before it got there.',
    )
    // The metadata part is left as it was.
    expect(findingOf(report, 'issuer-exact')).toBe('Not checked: it needs a sign-in.')
    expect(report.finishedAt).toBe(5)
    expect(report.stopped).toBe(false)
  })

  it('says the user stopped it, for every check a stopped run did not judge', () => {
    const report = withSignInChecks(metadataOnly, judged, 5, true)
    expect(report.stopped).toBe(true)
    expect(findingOf(report, 'session-ended')).toBe(
      'Not checked: you stopped the check before it ran.',
    )
    expect(findingOf(report, 'code-replay')).toBe('refused')
  })
})
