/**
 * The run seen two ways: the sequence diagram and the timeline, side by side where there is room
 * (each arrow of the diagram links to its step in the timeline).
 */
import FlowTimeline from '../../features/flow-timeline/flow-timeline'
import SequenceDiagram from '../../features/sequence-diagram/sequence-diagram'
import type { TimelineEntry } from '../../session'

export function FlowPanels({ entries }: { entries: readonly TimelineEntry[] }) {
  return (
    <div className="flow-panels">
      <section className="sequence" aria-labelledby="sequence-title">
        <h2 id="sequence-title">Sequence diagram</h2>
        <SequenceDiagram entries={entries} />
      </section>
      <FlowTimeline entries={entries} />
    </div>
  )
}
