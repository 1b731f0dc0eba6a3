/**
 * Prints the hostile suite's table of cases (case, expected, observed, pass/fail) at the end of a run,
 * after the list reporter's own summary. Rows come from the hostile tests' annotations and their
 * `hostile-case` attachment; a case that ended before it could record (a timeout, a thrown error) is
 * still listed, with how it ended.
 */
import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter'

import { CASE_ATTACHMENT, EXPECTED_ANNOTATION, formatTable, NOTE_ANNOTATION } from './report'
import type { CaseRecord, TableRow } from './report'

function firstLine(text: string | undefined): string {
  // eslint-disable-next-line no-control-regex -- strips the terminal colours in Playwright's messages
  const plain = (text ?? '').replace(/\u001b\[[0-9;]*m/g, '')
  return plain.split('\n').find((line) => line.trim() !== '') ?? ''
}

function recordOf(result: TestResult): CaseRecord | undefined {
  const attachment = result.attachments.findLast((item) => item.name === CASE_ATTACHMENT)
  if (!attachment?.body) return undefined
  try {
    return JSON.parse(attachment.body.toString('utf8')) as CaseRecord
  } catch {
    return undefined
  }
}

function resultWord(result: TestResult, record: CaseRecord | undefined): string {
  if (result.status === 'skipped') return 'skip'
  return result.status === 'passed' && record?.pass !== false ? 'pass' : 'FAIL'
}

export default class HostileTableReporter implements Reporter {
  private readonly rows = new Map<string, TableRow>()

  printsToStdio(): boolean {
    return true
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    const expected = test.annotations.find((item) => item.type === EXPECTED_ANNOTATION)
    if (expected === undefined) return
    const note = test.annotations.find((item) => item.type === NOTE_ANNOTATION)?.description
    const record = recordOf(result)
    const observed =
      record?.observed ?? `${result.status}: ${firstLine(result.error?.message) || 'no record'}`
    // A retry replaces the row of the attempt before it.
    this.rows.set(test.id, {
      case: note === undefined ? test.title : `${test.title} [${note}]`,
      expected: expected.description ?? '',
      observed,
      result: resultWord(result, record),
    })
  }

  onEnd(): void {
    if (this.rows.size === 0) return
    console.log(formatTable([...this.rows.values()]))
  }
}
