/**
 * What the hostile suite tells its reporter, and how the reporter prints it: one row per case (case,
 * expected, observed, pass/fail) in a fixed-width table. Shared by hostile.spec.ts, which records each
 * case, and table-reporter.ts, which prints the table at the end of the run.
 */

/** Static annotation on each hostile test: what the app must do, in words. */
export const EXPECTED_ANNOTATION = 'hostile-expected'
/** Static annotation on some hostile tests: what the case depends on, or a caveat. */
export const NOTE_ANNOTATION = 'hostile-note'
/** Attachment with the CaseRecord of one run of a case. */
export const CASE_ATTACHMENT = 'hostile-case'

export interface CaseRecord {
  /** What the app did, in a few words per observation. */
  observed: string
  /** Every observation matched the expectation. */
  pass: boolean
}

export interface TableRow {
  case: string
  expected: string
  observed: string
  result: string
}

const COLUMNS: { key: keyof TableRow; title: string; width: number }[] = [
  { key: 'case', title: 'Case', width: 38 },
  { key: 'expected', title: 'Expected', width: 44 },
  { key: 'observed', title: 'Observed', width: 58 },
  { key: 'result', title: 'Result', width: 6 },
]

/** Splits text into lines of at most `width` characters, at spaces where it can. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter(Boolean)) {
    let rest = word
    while (rest.length > width) {
      if (line) {
        lines.push(line)
        line = ''
      }
      lines.push(rest.slice(0, width))
      rest = rest.slice(width)
    }
    if (!line) line = rest
    else if (line.length + 1 + rest.length <= width) line = `${line} ${rest}`
    else {
      lines.push(line)
      line = rest
    }
  }
  if (line) lines.push(line)
  return lines.length > 0 ? lines : ['']
}

export function formatTable(rows: readonly TableRow[]): string {
  const rule = `+${COLUMNS.map((column) => '-'.repeat(column.width + 2)).join('+')}+`
  const render = (cells: Record<keyof TableRow, string>): string[] => {
    const wrapped = COLUMNS.map((column) => wrap(cells[column.key], column.width))
    const height = Math.max(...wrapped.map((lines) => lines.length))
    return Array.from(
      { length: height },
      (_, index) =>
        `| ${COLUMNS.map((column, i) => (wrapped[i]?.[index] ?? '').padEnd(column.width)).join(' | ')} |`,
    )
  }
  const header = Object.fromEntries(COLUMNS.map((column) => [column.key, column.title])) as Record<
    keyof TableRow,
    string
  >
  const passed = rows.filter((row) => row.result === 'pass').length
  return [
    '',
    `Hostile provider suite: ${passed} of ${rows.length} cases pass`,
    rule,
    ...render(header),
    rule,
    ...rows.flatMap((row) => [...render(row), rule]),
  ].join('\n')
}
