/**
 * The timeline of the run that actually happened: every protocol step with its parameters, checks and
 * raw HTTP exchange. Held in memory in full; what crosses a page load is the stored copy of each entry
 * (stored-copy.ts) in this tab's sessionStorage, built by allowlist, so it holds nothing redeemable.
 */
import type { HttpExchange } from '../oidc'
import { storedCopy } from './stored-copy'
import type { TimelineCheck } from './timeline-check'

export type { CheckOutcome, TimelineCheck } from './timeline-check'

export type TimelineStepKind =
  | 'discovery'
  | 'pushed-authorization-request'
  | 'authorization-request'
  | 'callback'
  | 'token-request'
  | 'refresh'
  | 'silent-authorization'
  | 'userinfo'
  | 'resource-request'
  | 'revocation'
  | 'end-session'
  | 'session-check'
  | 'jwks'

export interface TimelineEntry {
  /** Unique within the timeline, stable across the redirect (used for links and the diagram). */
  id: string
  kind: TimelineStepKind
  /** Epoch milliseconds. */
  at: number
  title: string
  outcome: 'ok' | 'failed' | 'waiting'
  /** A front-channel URL the browser was sent to (authorization, end session). */
  url?: string
  http?: HttpExchange
  /**
   * Earlier exchanges of the same step, oldest first: a request sent once more, as after a DPoP
   * nonce challenge (RFC 9449 §8). `http` is the last.
   */
  earlierHttp?: HttpExchange[]
  /** Parameters worth explaining one by one (authorization URL, callback, token request body). */
  parameters?: [string, string][]
  /**
   * PKCE as sent: the challenge can be recomputed from the verifier in front of the user. The
   * verifier is in memory only; an entry read back after a page load has the challenge alone.
   */
  pkce?: { codeVerifier?: string; codeChallenge: string; method: 'S256' }
  checks?: TimelineCheck[]
  error?: { code: string; message: string }
  /**
   * Values in this entry that must be masked until revealed (tokens, client secret). Kept in memory
   * only: the stored copy has none of them, nor this list.
   */
  secrets?: string[]
}

/** Where the timeline's stored copy crosses page loads. */
export const TIMELINE_KEY = 'pkce-lab:timeline'

export interface FlowTimeline {
  entries(): readonly TimelineEntry[]
  add(entry: Omit<TimelineEntry, 'id' | 'at'> & { at?: number }): TimelineEntry
  update(id: string, change: Partial<Omit<TimelineEntry, 'id'>>): void
  /** Keeps only the entries with these ids, as stored copies: memory then holds no secret either. */
  keepStoredCopies(ids: readonly string[]): void
  /** Writes the stored copy again, e.g. after a failure, so that nothing of the attempt outlives it. */
  persist(): void
  clear(): void
}

function isEntry(value: unknown): value is TimelineEntry {
  if (typeof value !== 'object' || value === null) return false
  const record = value as Record<string, unknown>
  return (
    typeof record.id === 'string' &&
    typeof record.kind === 'string' &&
    typeof record.at === 'number' &&
    typeof record.title === 'string'
  )
}

/**
 * A timeline backed by `storage` (sessionStorage in the app). Reads back the stored copies a
 * previous page load of this tab left, so the run reads as one across the redirect.
 */
export function createFlowTimeline(
  storage: Storage,
  clock: { now(): number },
  onChange: () => void,
): FlowTimeline {
  let entries: TimelineEntry[] = (() => {
    try {
      const value: unknown = JSON.parse(storage.getItem(TIMELINE_KEY) ?? '[]')
      // Read back through the same allowlist: a copy left by an older version keeps nothing more.
      return Array.isArray(value) ? value.filter(isEntry).map(storedCopy) : []
    } catch {
      return []
    }
  })()
  // The highest number in use, not the count: keepStoredCopies leaves gaps, and ids must stay unique.
  let counter = entries.reduce((highest, entry) => {
    const number = /^step-(\d+)$/.exec(entry.id)?.[1]
    return number === undefined ? highest : Math.max(highest, Number(number))
  }, 0)

  function persist(): void {
    storage.setItem(TIMELINE_KEY, JSON.stringify(entries.map(storedCopy)))
    onChange()
  }

  return {
    entries: () => entries,
    add(entry) {
      counter += 1
      const created: TimelineEntry = {
        ...entry,
        id: `step-${counter}`,
        at: entry.at ?? clock.now(),
      }
      entries = [...entries, created]
      persist()
      return created
    },
    update(id, change) {
      entries = entries.map((entry) => (entry.id === id ? { ...entry, ...change } : entry))
      persist()
    },
    keepStoredCopies(ids) {
      entries = entries.filter((entry) => ids.includes(entry.id)).map(storedCopy)
      persist()
    },
    persist,
    clear() {
      entries = []
      counter = 0
      storage.removeItem(TIMELINE_KEY)
      onChange()
    },
  }
}
