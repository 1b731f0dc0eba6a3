import './sequence-diagram.css'

import { useId } from 'react'

import type { TimelineEntry } from '../../session'
import {
  describeOutcome,
  HEADER_FONT_SIZE,
  LABEL_FONT_SIZE,
  layoutDiagram,
  MARKER_FONT_SIZE,
  summarizeRun,
} from './diagram-layout'
import type { Arrow, Lane } from './diagram-layout'

export interface SequenceDiagramProps {
  entries: readonly TimelineEntry[]
  /** The step to highlight; the last entry when absent. */
  currentId?: string
}

const HEAD_LENGTH = 8
const HEAD_HALF_WIDTH = 4
const CROSS_HALF = 5
const CURRENT_MARKER = '◀ current'
/** The marker is set in the labels' monospace font, so its width is known. */
const MARKER_WIDTH = CURRENT_MARKER.length * MARKER_FONT_SIZE * 0.6 + 6

/** Where the line stops: at the base of the arrowhead, or at the centre of the failure cross. */
function lineEnd(arrow: Arrow): number {
  const direction = Math.sign(arrow.x2 - arrow.x1)
  return arrow.x2 - direction * (arrow.failed ? CROSS_HALF + 1 : HEAD_LENGTH)
}

function ArrowEnd({ arrow }: { arrow: Arrow }) {
  const direction = Math.sign(arrow.x2 - arrow.x1)
  const { y } = arrow
  if (arrow.failed) {
    const cx = arrow.x2 - direction * (CROSS_HALF + 1)
    return (
      <path
        className="sequence-diagram__cross"
        d={`M ${cx - CROSS_HALF} ${y - CROSS_HALF} L ${cx + CROSS_HALF} ${y + CROSS_HALF} M ${cx - CROSS_HALF} ${y + CROSS_HALF} L ${cx + CROSS_HALF} ${y - CROSS_HALF}`}
      />
    )
  }
  const base = arrow.x2 - direction * HEAD_LENGTH
  return (
    <polygon
      className="sequence-diagram__head"
      points={`${arrow.x2},${y} ${base},${y - HEAD_HALF_WIDTH} ${base},${y + HEAD_HALF_WIDTH}`}
    />
  )
}

function LaneView({ lane }: { lane: Lane }) {
  return (
    <g className="sequence-diagram__lane">
      <text
        className="sequence-diagram__lane-label"
        fontSize={HEADER_FONT_SIZE}
        textAnchor="middle"
      >
        {lane.lines.map((line) => (
          <tspan key={line.text} x={lane.x} y={line.y}>
            {line.text}
          </tspan>
        ))}
      </text>
      <line
        className="sequence-diagram__lifeline"
        x1={lane.x}
        x2={lane.x}
        y1={lane.lifelineTop}
        y2={lane.lifelineBottom}
        strokeDasharray="2 4"
      />
    </g>
  )
}

function ArrowLink(props: {
  arrow: Arrow
  entry: TimelineEntry
  lanes: readonly Lane[]
  current: boolean
  diagramWidth: number
}) {
  const { arrow, entry, lanes, current, diagramWidth } = props
  const from = lanes.find((lane) => lane.id === arrow.from)?.label ?? arrow.from
  const to = lanes.find((lane) => lane.id === arrow.to)?.label ?? arrow.to
  const status = `${describeOutcome(entry)}${current ? ', current step' : ''}`
  const classes = [
    'sequence-diagram__arrow',
    arrow.response ? 'sequence-diagram__arrow--response' : '',
    arrow.failed ? 'sequence-diagram__arrow--failed' : '',
    current ? 'sequence-diagram__arrow--current' : '',
  ]
  return (
    <a
      href={`#${arrow.linkId}`}
      className={classes.filter(Boolean).join(' ')}
      aria-label={`${entry.title}, ${status}. ${from} to ${to}: ${arrow.label}`}
      aria-current={current ? 'step' : undefined}
    >
      <title>{arrow.label}</title>
      <rect
        className="sequence-diagram__label-bg"
        x={arrow.labelBox.x}
        y={arrow.labelBox.y}
        width={arrow.labelBox.width}
        height={arrow.labelBox.height}
        rx={3}
      />
      <line
        className="sequence-diagram__line"
        x1={arrow.x1}
        x2={lineEnd(arrow)}
        y1={arrow.y}
        y2={arrow.y}
        strokeWidth={current ? 3 : 1.5}
        strokeDasharray={arrow.response ? '6 4' : undefined}
      />
      <ArrowEnd arrow={arrow} />
      <text className="sequence-diagram__label" fontSize={LABEL_FONT_SIZE}>
        {arrow.lines.map((line) => (
          <tspan key={line.y} x={arrow.labelX} y={line.y}>
            {line.text}
          </tspan>
        ))}
      </text>
      {current && arrow.lastOfEntry ? (
        <g className="sequence-diagram__marker">
          <rect
            className="sequence-diagram__marker-bg"
            x={diagramWidth - 4 - MARKER_WIDTH}
            y={arrow.markerY - MARKER_FONT_SIZE}
            width={MARKER_WIDTH}
            height={MARKER_FONT_SIZE + 5}
            rx={3}
          />
          <text
            className="sequence-diagram__marker-text"
            x={diagramWidth - 7}
            y={arrow.markerY}
            fontSize={MARKER_FONT_SIZE}
            textAnchor="end"
          >
            {CURRENT_MARKER}
          </text>
        </g>
      ) : null}
    </a>
  )
}

/**
 * The run as a sequence diagram: who talked to whom, in order, each arrow a link to its timeline
 * entry. Default export so the app can load it with React.lazy, off the first screen.
 */
export default function SequenceDiagram({ entries, currentId }: SequenceDiagramProps) {
  const titleId = useId()
  const descId = useId()
  const layout = layoutDiagram(entries)
  const current = currentId ?? entries.at(-1)?.id
  const byId = new Map(entries.map((entry) => [entry.id, entry]))

  return (
    <div className="sequence-diagram">
      <svg
        className="sequence-diagram__svg"
        // A group, not an image: an image's content is presentational, which would hide the arrows,
        // links a keyboard can reach, from assistive technology (axe: nested-interactive).
        role="group"
        aria-labelledby={`${titleId} ${descId}`}
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        width="100%"
      >
        <title id={titleId}>Sequence diagram of the run</title>
        <desc id={descId}>{summarizeRun(entries, current)}</desc>
        {layout.lanes.map((lane) => (
          <LaneView key={lane.id} lane={lane} />
        ))}
        {layout.frames.map((frame) => (
          <g key={frame.linkId} className="sequence-diagram__frame">
            <rect x={frame.x} y={frame.y} width={frame.width} height={frame.height} rx={4} />
            <text x={frame.x + 6} y={frame.labelY} fontSize={MARKER_FONT_SIZE - 1}>
              {frame.label}
            </text>
          </g>
        ))}
        {layout.arrows.map((arrow) => {
          const entry = byId.get(arrow.linkId)
          return entry === undefined ? null : (
            <ArrowLink
              key={arrow.id}
              arrow={arrow}
              entry={entry}
              lanes={layout.lanes}
              current={arrow.linkId === current}
              diagramWidth={layout.width}
            />
          )
        })}
      </svg>
      <p className="sequence-diagram__legend">
        Solid arrows are requests and redirects, dashed arrows are answers. A cross (✕) and the word
        “failed” mark where a step failed; the current step is drawn thicker and marked “
        {CURRENT_MARKER}”. Select an arrow to go to its step in the timeline.
      </p>
      {entries.length > 0 ? (
        <ol className="sequence-diagram__steps" aria-label="Steps of the run as text">
          {entries.map((entry) => {
            const isCurrent = entry.id === current
            return (
              <li key={entry.id}>
                <a href={`#${entry.id}`} aria-current={isCurrent ? 'step' : undefined}>
                  {entry.title}
                </a>{' '}
                <span className="sequence-diagram__outcome">({describeOutcome(entry)})</span>
                {isCurrent ? (
                  <strong className="sequence-diagram__current"> {CURRENT_MARKER}</strong>
                ) : null}
              </li>
            )
          })}
        </ol>
      ) : null}
    </div>
  )
}
