/**
 * The provider report as Markdown (to paste into an issue or a ticket) and as JSON, built from the
 * report's structure. The evidence in it was masked when it was recorded (provider-check-run.ts):
 * no token, code, verifier or secret is in either export.
 */
import type { ProviderCheckOutcome, ProviderCheckReport } from '../../oidc'

export const OUTCOME_WORDS: Record<ProviderCheckOutcome, string> = {
  pass: 'Pass',
  fail: 'Fail',
  warning: 'Warning',
  'not-checked': 'Not checked',
}

export function outcomeCounts(report: ProviderCheckReport): Record<ProviderCheckOutcome, number> {
  const counts: Record<ProviderCheckOutcome, number> = {
    pass: 0,
    fail: 0,
    warning: 0,
    'not-checked': 0,
  }
  for (const check of report.checks) counts[check.outcome] += 1
  return counts
}

export function countsSentence(report: ProviderCheckReport): string {
  const counts = outcomeCounts(report)
  return `${String(counts.pass)} passed, ${String(counts.fail)} failed, ${String(counts.warning)} with a warning, ${String(counts['not-checked'])} not checked.`
}

/** A table cell: one line, pipes escaped (GitHub Flavored Markdown §4.10). */
function cell(text: string): string {
  return text.replace(/\s+/g, ' ').replaceAll('|', '\\|')
}

/** Inline code that holds any text: a backtick run longer than any inside it (CommonMark §6.1). */
function code(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((match) => match[0].length))
  const fence = '`'.repeat(longest + 1)
  return `${fence} ${text} ${fence}`
}

/** A fenced block that holds any text (CommonMark §4.5). */
function block(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`{3,}/g)].map((match) => match[0].length))
  const fence = '`'.repeat(Math.max(3, longest + 1))
  return `${fence}\n${text}\n${fence}`
}

const EVIDENCE_BODY_LIMIT = 2000

export function reportMarkdown(report: ProviderCheckReport): string {
  const lines = [
    `# Provider check: ${code(report.issuer)}`,
    '',
    `Client ${code(report.clientId)}, checked from the origin ${code(report.origin)} by PKCE Lab on ${new Date(report.startedAt).toISOString()}${report.stopped ? ', stopped before the end' : ''}.`,
    '',
    countsSentence(report),
    '',
    '| Outcome | Check | Finding | Spec |',
    '| --- | --- | --- | --- |',
    ...report.checks.map(
      (check) =>
        `| ${OUTCOME_WORDS[check.outcome]} | ${cell(check.title)} | ${cell(check.finding)} | ${cell(check.spec)} |`,
    ),
  ]
  const toChange = report.checks.filter((check) => check.fix !== undefined)
  if (toChange.length > 0) {
    lines.push('', '## What to change at the provider', '')
    for (const check of toChange) {
      lines.push(`- **${check.title}** (${OUTCOME_WORDS[check.outcome]}): ${check.fix ?? ''}`)
    }
  }
  const withEvidence = report.checks.filter(
    (check) =>
      check.outcome !== 'pass' && (check.evidence.length > 0 || check.navigation !== undefined),
  )
  if (withEvidence.length > 0) {
    lines.push('', '## Evidence for what did not pass', '')
    for (const check of withEvidence) {
      lines.push(`### ${check.title}`, '')
      if (check.navigation !== undefined) {
        lines.push(
          `The browser was sent to ${code(check.navigation.sent)} and came back to ${check.navigation.back === undefined ? 'nowhere on this page' : code(check.navigation.back)}.`,
          '',
        )
      }
      for (const exchange of check.evidence) {
        lines.push(
          `${code(`${exchange.method} ${exchange.url}`)} → ${exchange.status === undefined ? (exchange.failure ?? 'no answer') : `HTTP ${String(exchange.status)}`}`,
          '',
        )
        if (exchange.requestBody !== undefined) {
          lines.push('Request body (credentials masked):', '', block(exchange.requestBody), '')
        }
        if (exchange.responseBody !== undefined) {
          const body = exchange.responseBody
          lines.push(
            body.length > EVIDENCE_BODY_LIMIT
              ? `Response body (first ${String(EVIDENCE_BODY_LIMIT)} of ${String(body.length)} characters):`
              : 'Response body:',
            '',
            block(body.slice(0, EVIDENCE_BODY_LIMIT)),
            '',
          )
        }
      }
    }
  }
  return `${lines.join('\n').trimEnd()}\n`
}

export function reportJson(report: ProviderCheckReport): string {
  return `${JSON.stringify(
    {
      tool: 'PKCE Lab',
      issuer: report.issuer,
      clientId: report.clientId,
      origin: report.origin,
      startedAt: new Date(report.startedAt).toISOString(),
      finishedAt: new Date(report.finishedAt).toISOString(),
      stopped: report.stopped,
      summary: outcomeCounts(report),
      checks: report.checks,
    },
    null,
    2,
  )}\n`
}
