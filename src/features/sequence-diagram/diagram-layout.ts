/**
 * Where everything in the sequence diagram goes: lanes, one or more arrows per timeline entry, and
 * their labels, in viewBox units. Pure data in, numbers out, so the geometry is tested without a DOM
 * and the component only draws what it is given.
 */
import type { TimelineEntry, TimelineStepKind } from '../../session'

/**
 * Discovery and JWKS get a lane of their own, next to the app: they are separate URLs the learner
 * should see being fetched, and drawing them into the token endpoint lane would teach that the
 * token endpoint serves metadata and keys. Revocation, by contrast, shares the token endpoint lane:
 * RFC 7009's endpoint sits beside it on the same server, with the same client authentication, and its
 * label names it. End session shares the authorization endpoint lane: like authorization, it is a
 * front-channel endpoint the browser is sent to, never one the app calls.
 */
export type LaneId = 'browser' | 'app' | 'metadata' | 'authorization' | 'token' | 'resource'

/** One line of text and its baseline. */
export interface TextLine {
  text: string
  y: number
}

export interface Lane {
  id: LaneId
  label: string
  /** The label broken where it reads best, one line per row of the header. */
  lines: readonly TextLine[]
  x: number
  lifelineTop: number
  lifelineBottom: number
}

export interface LabelBox {
  x: number
  y: number
  width: number
  height: number
}

export interface Arrow {
  /** Unique within the diagram. */
  id: string
  /** The timeline entry this arrow belongs to: the diagram links it as `#${linkId}`. */
  linkId: string
  entryIndex: number
  stepKind: TimelineStepKind
  from: LaneId
  to: LaneId
  x1: number
  x2: number
  y: number
  /** An answer (drawn dashed), as opposed to a request or redirect. */
  response: boolean
  /** Where a failed entry stopped: drawn with a cross and the word "failed" in its label. */
  failed: boolean
  lastOfEntry: boolean
  label: string
  /** The label wrapped to fit, the last line cut with an ellipsis when it is longer still. */
  lines: readonly TextLine[]
  truncated: boolean
  labelX: number
  labelBox: LabelBox
  /** Baseline of the "current" marker, drawn under the last arrow of the current entry. */
  markerY: number
}

/** A box around the arrows of a step that happens out of sight (silent renewal's hidden iframe). */
export interface Frame {
  linkId: string
  label: string
  x: number
  y: number
  width: number
  height: number
  labelY: number
}

export interface DiagramLayout {
  lanes: Lane[]
  arrows: Arrow[]
  frames: Frame[]
  width: number
  height: number
}

/*
 * Sized for a 320 px screen: the viewBox is about 352 units wide and the app's main column leaves
 * about 288 px, so 14-unit labels render near 11.5 px, the smallest that stays legible. Wider screens
 * scale it up, and the stylesheet caps the width so the text does not grow huge.
 */
export const LABEL_FONT_SIZE = 14
export const HEADER_FONT_SIZE = 13
export const MARKER_FONT_SIZE = 13
/** Labels use a monospace font, whose advance is close to 0.6 em, so fitting them is arithmetic. */
const CHAR_WIDTH = LABEL_FONT_SIZE * 0.6
const LINE_HEIGHT = 16
const MARGIN = 36
const LANE_GAP = 56
const RIGHT_EDGE_PAD = 4
const LABEL_INSET = 6
const MAX_LABEL_LINES = 2
const HEADER_LINE_HEIGHT = 15
/** Neighbouring headers sit on alternate rows, so each may be two lane gaps wide. */
const HEADER_ROW_HEIGHT = 36
const FIRST_ROW_TOP = 84
const ARROW_BELOW = 8
const MARKER_SPACE = 20
const ENTRY_GAP = 8
const FRAME_LABEL_SPACE = 20
const FRAME_INSET = 4
const BOTTOM_PAD = 12

const LANES: readonly { id: LaneId; label: string; lines: readonly string[] }[] = [
  { id: 'browser', label: 'Browser (you)', lines: ['Browser', '(you)'] },
  { id: 'app', label: 'PKCE Lab (this page)', lines: ['PKCE Lab', '(this page)'] },
  { id: 'metadata', label: 'Discovery / JWKS', lines: ['Discovery', '/ JWKS'] },
  {
    id: 'authorization',
    label: 'Authorization endpoint',
    lines: ['Authorization', 'endpoint'],
  },
  { id: 'token', label: 'Token and revocation', lines: ['Token and', 'revocation'] },
  { id: 'resource', label: 'UserInfo / API', lines: ['UserInfo', '/ API'] },
]

export const DIAGRAM_WIDTH = MARGIN * 2 + LANE_GAP * (LANES.length - 1)

/** How each kind of step is named in the diagram's summary and the list of steps. */
export const STEP_WORDS: Record<TimelineStepKind, string> = {
  discovery: 'discovery',
  'pushed-authorization-request': 'pushed authorization request',
  'authorization-request': 'authorization request',
  callback: 'callback',
  'token-request': 'token request',
  refresh: 'refresh',
  'silent-authorization': 'silent renewal',
  userinfo: 'userinfo',
  'resource-request': 'API request',
  revocation: 'revocation',
  'end-session': 'end session',
  'session-check': 'provider session check',
  jwks: 'JWKS',
}

/** One arrow before it is placed: who sends what to whom. */
export interface Segment {
  from: LaneId
  to: LaneId
  label: string
  response: boolean
}

function send(from: LaneId, to: LaneId, label: string): Segment {
  return { from, to, label, response: false }
}

function answerLabel(entry: TimelineEntry): string {
  const status = entry.http?.status
  if (status === undefined) return 'answer'
  return `${status} ${entry.http?.statusText ?? ''}`.trim()
}

/**
 * A request from the app and, once it came, the answer with its status. A request that got no HTTP
 * answer at all (CORS, network, timeout) has no return arrow: drawing one would claim an answer.
 */
function exchange(entry: TimelineEntry, from: LaneId, to: LaneId, request: string): Segment[] {
  const http = entry.http
  if (entry.outcome === 'waiting') return [send(from, to, request)]
  if (http !== undefined && http.status === undefined) {
    const reason = http.failure === undefined ? '' : ` (${http.failure})`
    return [send(from, to, `${request}, no answer${reason}`)]
  }
  return [
    send(from, to, request),
    { from: to, to: from, label: answerLabel(entry), response: true },
  ]
}

/**
 * The path the provider really has for this step (from the request the entry recorded), so the
 * diagram shows its endpoints, not generic ones; the metadata field's name when none was recorded.
 */
function pathOf(url: string | undefined, fallback: string): string {
  if (url === undefined || !URL.canParse(url)) return fallback
  return new URL(url).pathname
}

/**
 * How the access token went, read from the request's Authorization header: Bearer (RFC 6750 §2.1)
 * or DPoP with its proof (RFC 9449 §7.1). A copy read back after a page load keeps no such header.
 */
function accessTokenAs(http: TimelineEntry['http']): string {
  const authorization = http?.requestHeaders.find(
    ([name]) => name.toLowerCase() === 'authorization',
  )
  const scheme = authorization?.[1].split(' ')[0]
  if (scheme === undefined) return 'access token'
  return scheme.toLowerCase() === 'dpop' ? 'DPoP access token + proof' : `${scheme} access token`
}

const SEGMENTS: Record<TimelineStepKind, (entry: TimelineEntry) => Segment[]> = {
  discovery: (entry) =>
    exchange(
      entry,
      'app',
      'metadata',
      `GET ${pathOf(entry.http?.url, '/.well-known/openid-configuration')}`,
    ),
  jwks: (entry) =>
    exchange(entry, 'app', 'metadata', `GET ${pathOf(entry.http?.url, 'jwks_uri')} (signing keys)`),
  'pushed-authorization-request': (entry) =>
    exchange(
      entry,
      'app',
      'authorization',
      `POST ${pathOf(entry.http?.url, 'pushed_authorization_request_endpoint')} code_challenge, state, redirect_uri`,
    ),
  'authorization-request': (entry) => {
    // A pushed request (RFC 9126 §4) sends the browser with client_id and request_uri alone.
    const carries = entry.parameters?.some(([name]) => name === 'request_uri')
      ? 'client_id, request_uri'
      : 'code_challenge, state'
    const path = pathOf(entry.url, 'authorization_endpoint')
    return [
      send('app', 'browser', `redirect to ${path} with ${carries}`),
      send('browser', 'authorization', `GET ${path} with ${carries}`),
    ]
  },
  callback: () => [
    send('authorization', 'browser', '302 to redirect_uri with code, state, iss'),
    send('browser', 'app', 'GET redirect_uri with code, state, iss'),
  ],
  'token-request': (entry) =>
    exchange(
      entry,
      'app',
      'token',
      `POST ${pathOf(entry.http?.url, 'token_endpoint')} code + code_verifier`,
    ),
  refresh: (entry) =>
    exchange(
      entry,
      'app',
      'token',
      `POST ${pathOf(entry.http?.url, 'token_endpoint')} refresh_token`,
    ),
  'silent-authorization': (entry) => [
    send(
      'browser',
      'authorization',
      `GET ${pathOf(entry.url, 'authorization_endpoint')}?prompt=none in a hidden iframe`,
    ),
    send('authorization', 'browser', '302 to redirect_uri with code'),
    ...exchange(
      entry,
      'app',
      'token',
      `POST ${pathOf(entry.http?.url, 'token_endpoint')} code + code_verifier`,
    ),
  ],
  userinfo: (entry) =>
    exchange(
      entry,
      'app',
      'resource',
      `GET ${pathOf(entry.http?.url, 'userinfo_endpoint')}, ${accessTokenAs(entry.http)}`,
    ),
  'resource-request': (entry) =>
    exchange(
      entry,
      'app',
      'resource',
      `${entry.http?.method ?? 'GET'} API, ${accessTokenAs(entry.http)}`,
    ),
  revocation: (entry) =>
    exchange(
      entry,
      'app',
      'token',
      `POST ${pathOf(entry.http?.url, 'revocation_endpoint')} (token)`,
    ),
  // client_id names the client; the ID token is never put in this URL (oidc/end-session.ts).
  'end-session': (entry) => [
    send('app', 'browser', `redirect to ${pathOf(entry.url, 'end_session_endpoint')}`),
    send(
      'browser',
      'authorization',
      `GET ${pathOf(entry.url, 'end_session_endpoint')} with client_id, state`,
    ),
  ],
  'session-check': (entry) => [
    send(
      'browser',
      'authorization',
      `GET ${pathOf(entry.url, 'authorization_endpoint')}?prompt=none in a hidden iframe`,
    ),
    ...(entry.checks?.[0] === undefined
      ? []
      : [
          send(
            'authorization',
            'browser',
            `302 to redirect_uri: ${entry.checks[0].outcome === 'passed' ? 'login_required' : entry.checks[0].outcome === 'failed' ? 'code (discarded)' : 'no answer'}`,
          ),
        ]),
  ],
}

/**
 * The outcome goes on the last arrow, where the run stopped or waits. "failed" leads the label so
 * that cutting a long label never cuts the word.
 */
function withOutcome(entry: TimelineEntry, segment: Segment): Segment {
  if (entry.outcome === 'failed') {
    const code = entry.error === undefined ? '' : ` (${entry.error.code})`
    return { ...segment, label: `failed${code}: ${segment.label}` }
  }
  if (entry.outcome === 'waiting') return { ...segment, label: `${segment.label} (waiting)` }
  return segment
}

/** The arrows an entry is drawn with, in the order they happened. */
export function segmentsFor(entry: TimelineEntry): readonly Segment[] {
  const segments = SEGMENTS[entry.kind](entry)
  const last = segments.at(-1)
  if (last === undefined) return segments
  return [...segments.slice(0, -1), withOutcome(entry, last)]
}

/**
 * Breaks a label into at most `maxLines` lines of at most `maxChars` characters. Breaks go at spaces
 * or before a slash, so URLs split along their path; the last line ends in "…" when text is left over.
 */
export function wrapLabel(
  label: string,
  maxChars: number,
  maxLines: number,
): { lines: string[]; truncated: boolean } {
  const lines: string[] = []
  let rest = label.trim()
  while (rest.length > maxChars && lines.length < maxLines - 1) {
    const window = rest.slice(0, maxChars + 1)
    const space = window.lastIndexOf(' ')
    const slash = window.slice(0, maxChars).lastIndexOf('/')
    const at = Math.max(space, slash)
    const cut = at > 0 ? at : maxChars
    lines.push(rest.slice(0, cut).trimEnd())
    rest = rest.slice(cut).trimStart()
  }
  if (rest.length <= maxChars) return { lines: [...lines, rest], truncated: false }
  return { lines: [...lines, `${rest.slice(0, maxChars - 1).trimEnd()}…`], truncated: true }
}

function laneX(index: number): number {
  return MARGIN + index * LANE_GAP
}

function xOf(id: LaneId): number {
  return laneX(LANES.findIndex((lane) => lane.id === id))
}

/** Lays out the run as a sequence diagram: one band of arrows per entry, top to bottom in order. */
export function layoutDiagram(entries: readonly TimelineEntry[]): DiagramLayout {
  const width = DIAGRAM_WIDTH
  const arrows: Arrow[] = []
  const frames: Frame[] = []
  let cursor = FIRST_ROW_TOP

  entries.forEach((entry, entryIndex) => {
    const framed = entry.kind === 'silent-authorization'
    const frameTop = cursor
    if (framed) cursor += FRAME_LABEL_SPACE
    const segments = segmentsFor(entry)
    segments.forEach((segment, index) => {
      const x1 = xOf(segment.from)
      const x2 = xOf(segment.to)
      const labelX = Math.min(x1, x2) + LABEL_INSET
      const maxChars = Math.floor((width - RIGHT_EDGE_PAD - labelX) / CHAR_WIDTH)
      const { lines, truncated } = wrapLabel(segment.label, maxChars, MAX_LABEL_LINES)
      const y = cursor + lines.length * LINE_HEIGHT + 6
      const longest = Math.max(...lines.map((line) => line.length))
      const failed = entry.outcome === 'failed' && index === segments.length - 1
      arrows.push({
        id: `${entry.id}:${index}`,
        linkId: entry.id,
        entryIndex,
        stepKind: entry.kind,
        from: segment.from,
        to: segment.to,
        x1,
        x2,
        y,
        response: segment.response,
        failed,
        lastOfEntry: index === segments.length - 1,
        label: segment.label,
        lines: lines.map((text, line) => ({
          text,
          y: y - 6 - (lines.length - 1 - line) * LINE_HEIGHT,
        })),
        truncated,
        labelX,
        labelBox: {
          x: labelX - 3,
          y: y - 4 - lines.length * LINE_HEIGHT,
          width: longest * CHAR_WIDTH + 6,
          height: lines.length * LINE_HEIGHT + 2,
        },
        markerY: y + 17,
      })
      cursor = y + ARROW_BELOW
    })
    cursor += MARKER_SPACE
    if (framed) {
      frames.push({
        linkId: entry.id,
        label: 'silent renewal: hidden iframe, prompt=none',
        x: FRAME_INSET,
        y: frameTop,
        width: width - FRAME_INSET * 2,
        height: cursor - frameTop,
        labelY: frameTop + 14,
      })
      cursor += FRAME_INSET
    }
    cursor += ENTRY_GAP
  })

  const height = cursor + BOTTOM_PAD
  const lanes = LANES.map((lane, index): Lane => {
    const rowTop = (index % 2) * HEADER_ROW_HEIGHT
    return {
      id: lane.id,
      label: lane.label,
      lines: lane.lines.map((text, line) => ({ text, y: rowTop + 14 + line * HEADER_LINE_HEIGHT })),
      x: laneX(index),
      lifelineTop: rowTop + 14 + (lane.lines.length - 1) * HEADER_LINE_HEIGHT + 6,
      lifelineBottom: height - 4,
    }
  })
  return { lanes, arrows, frames, width, height }
}

/** The outcome of an entry in words, with the HTTP status or error code when there is one. */
export function describeOutcome(entry: TimelineEntry): string {
  if (entry.outcome === 'waiting') return 'waiting'
  if (entry.outcome === 'failed') {
    return entry.error === undefined ? 'failed' : `failed: ${entry.error.code}`
  }
  const status = entry.http?.status
  return status === undefined ? 'ok' : `ok, HTTP ${status}`
}

/** "5 steps: discovery, authorization request, …", read out as the diagram's description. */
export function summarizeRun(entries: readonly TimelineEntry[], currentId?: string): string {
  if (entries.length === 0) return 'No steps yet: the diagram fills in as the run goes.'
  const words = entries.map((entry) => {
    const word = STEP_WORDS[entry.kind]
    return entry.outcome === 'ok' ? word : `${word} (${entry.outcome})`
  })
  const count = `${entries.length} ${entries.length === 1 ? 'step' : 'steps'}`
  const currentIndex = entries.findIndex((entry) => entry.id === currentId)
  const current = entries[currentIndex]
  const currentText =
    current === undefined ? '' : ` Current step: ${currentIndex + 1}, ${STEP_WORDS[current.kind]}.`
  return `${count}: ${words.join(', ')}.${currentText}`
}
