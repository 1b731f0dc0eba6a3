/**
 * The hostile-provider suite: the real local provider, answering badly on purpose through Playwright
 * routes (rewrite.ts), and the app driven through every case in Chromium (cases.ts). Each case records
 * what it observed for the table printed by table-reporter.ts, then asserts every observation.
 */
import { expect, test } from '../fixtures'
import { CASE_GROUPS } from './cases'
import { createCaseContext, describeExpectation, observe } from './harness'
import type { Criterion } from './harness'
import { CASE_ATTACHMENT, EXPECTED_ANNOTATION, NOTE_ANNOTATION } from './report'
import type { CaseRecord } from './report'
import { publishHostileKey } from './rewrite'

// Each case has its own browser context and routes: the cases run on whichever worker is free.
test.describe.configure({ mode: 'parallel' })

for (const group of CASE_GROUPS) {
  test.describe(`hostile provider: ${group.title}`, () => {
    for (const item of group.cases) {
      const annotation = [
        { type: EXPECTED_ANNOTATION, description: describeExpectation(item.expectation) },
        ...(item.note === undefined ? [] : [{ type: NOTE_ANNOTATION, description: item.note }]),
      ]
      test(
        `${item.id} ${item.name}`,
        { annotation },
        async ({ page, context, traffic }, testInfo) => {
          if (item.timeoutMs !== undefined) test.setTimeout(item.timeoutMs)
          const record = async (observed: CaseRecord) => {
            await testInfo.attach(CASE_ATTACHMENT, {
              body: JSON.stringify(observed),
              contentType: 'application/json',
            })
          }
          const c = createCaseContext(page, context, traffic)
          await publishHostileKey(page)
          let criteria: Criterion[]
          try {
            await item.run(c)
            criteria = [...(await observe(c, item.expectation)), ...((await item.extra?.(c)) ?? [])]
          } catch (error) {
            const message = error instanceof Error ? error.message.split('\n')[0] : String(error)
            await record({ observed: `could not run: ${message ?? ''}`, pass: false })
            throw error
          } finally {
            for (const cleanup of c.cleanups) await cleanup()
          }
          await record({
            observed: criteria.map((criterion) => criterion.seen).join('; '),
            pass: criteria.every((criterion) => criterion.ok),
          })
          for (const criterion of criteria) {
            expect.soft(criterion.ok, `${criterion.name} (observed: ${criterion.seen})`).toBe(true)
          }
        },
      )
    }
  })
}
