/**
 * The timeline of the run that actually happened: every protocol step with its parameters, checks and
 * raw HTTP exchange. Held in memory in full; what crosses a page load is a redacted copy in this tab's
 * sessionStorage, with every token and secret replaced, so it can never leak what it shows.
 */
import type { HttpExchange } from '../oidc'
import { TIMELINE_KEY } from './timeline-key'

export type TimelineStepKind =
  | 'discovery'
  | 'authorization-request'
  | 'callback'
  | 'token-request'
  | 'refresh'
  | 'silent-authorization'
  | 'userinfo'
  | 'resource-request'
  | 'revocation'
  | 'end-session'
  | 'jwks'

export interface TimelineCheck {
  name: string
  passed: boolean
  detail?: string
}

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
  /** Parameters worth explaining one by one (authorization URL, callback, token request body). */
  parameters?: [string, string][]
  /** PKCE as sent: the challenge can be recomputed from the verifier in front of the user. */
  pkce?: { codeVerifier: string; codeChallenge: string; method: 'S256' }
  checks?: TimelineCheck[]
  error?: { code: string; message: string }
  /**
   * Values in this entry that must be masked until revealed (tokens, client secret). Kept in memory
   * only: the redacted copy has them replaced already.
   */
  secrets?: string[]
}

export { TIMELINE_KEY }

export const REDACTED = '[redacted: tokens and secrets are never kept across page loads]'

function redactText(text: string, secrets: readonly string[]): string {
  return secrets.reduce((result, secret) => result.split(secret).join(REDACTED), text)
}

function redactPairs(pairs: [string, string][], secrets: readonly string[]): [string, string][] {
  return pairs.map(([name, value]) => [name, redactText(value, secrets)])
}

/** The entry as it may be stored: every secret value replaced, and no list of secrets. */
export function redactEntry(entry: TimelineEntry): TimelineEntry {
  const secrets = (entry.secrets ?? []).filter((secret) => secret.length > 0)
  const rest: TimelineEntry = { ...entry }
  delete rest.secrets
  if (secrets.length === 0) return rest
  const http = entry.http
  return {
    ...rest,
    ...(http
      ? {
          http: {
            ...http,
            url: redactText(http.url, secrets),
            requestHeaders: redactPairs(http.requestHeaders, secrets),
            ...(http.requestBody === undefined
              ? {}
              : { requestBody: redactText(http.requestBody, secrets) }),
            ...(http.responseHeaders === undefined
              ? {}
              : { responseHeaders: redactPairs(http.responseHeaders, secrets) }),
            ...(http.responseBody === undefined
              ? {}
              : { responseBody: redactText(http.responseBody, secrets) }),
          },
        }
      : {}),
    ...(entry.parameters ? { parameters: redactPairs(entry.parameters, secrets) } : {}),
    ...(entry.url === undefined ? {} : { url: redactText(entry.url, secrets) }),
  }
}

export interface FlowTimeline {
  entries(): readonly TimelineEntry[]
  add(entry: Omit<TimelineEntry, 'id' | 'at'> & { at?: number }): TimelineEntry
  update(id: string, change: Partial<Omit<TimelineEntry, 'id'>>): void
  /** Keeps only the entries with these ids, each redacted: memory then holds no secret either. */
  keepRedacted(ids: readonly string[]): void
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
 * A timeline backed by `storage` (sessionStorage in the app). Reads back the redacted entries a
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
      return Array.isArray(value) ? value.filter(isEntry) : []
    } catch {
      return []
    }
  })()
  // The highest number in use, not the count: keepRedacted leaves gaps, and ids must stay unique.
  let counter = entries.reduce((highest, entry) => {
    const number = /^step-(\d+)$/.exec(entry.id)?.[1]
    return number === undefined ? highest : Math.max(highest, Number(number))
  }, 0)

  function persist(): void {
    storage.setItem(TIMELINE_KEY, JSON.stringify(entries.map(redactEntry)))
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
    keepRedacted(ids) {
      entries = entries.filter((entry) => ids.includes(entry.id)).map(redactEntry)
      persist()
    },
    clear() {
      entries = []
      counter = 0
      storage.removeItem(TIMELINE_KEY)
      onChange()
    },
  }
}
