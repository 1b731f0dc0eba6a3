import { NOT_KEPT } from '../../session'
import type { TimelineEntry } from '../../session'
import { TimelineEntryView } from './timeline-entry-view'

import './flow-timeline.css'

/**
 * The run that actually happened, step by step. It survives the redirect as a copy built by allowlist
 * (no token, code, verifier or secret) and is cleared on sign-out.
 */
export default function FlowTimeline(props: { entries: readonly TimelineEntry[] }) {
  const current = props.entries.at(-1)?.id
  return (
    <section className="flow-timeline" aria-labelledby="flow-timeline-title">
      <h2 id="flow-timeline-title">Flow timeline</h2>
      <p className="hint">
        Every step of this run, with what was sent and what came back. Values shown as {NOT_KEPT}{' '}
        were deliberately not kept when the page reloaded or came back from the provider: this page
        never stores a token, a code, a code_verifier or a secret.
      </p>
      <ol>
        {props.entries.map((entry) => (
          <li key={entry.id}>
            <TimelineEntryView entry={entry} current={entry.id === current} />
          </li>
        ))}
      </ol>
    </section>
  )
}
