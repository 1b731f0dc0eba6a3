/**
 * One check in the flow timeline and the three words this app may use for its outcome: a check that
 * ran on a value that was there passed or failed; a rule with nothing to run on (the value is absent,
 * or the rule does not apply here) is "not-applicable", never "passed".
 */
export const CHECK_OUTCOMES = ['passed', 'failed', 'not-applicable'] as const
export type CheckOutcome = (typeof CHECK_OUTCOMES)[number]

export interface TimelineCheck {
  name: string
  outcome: CheckOutcome
  detail?: string
}
