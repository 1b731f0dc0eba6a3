/**
 * Writes the run into the flow timeline as the session goes: one entry per protocol step, the HTTP
 * exchanges the protocol layer reports, and which values in them are secrets. It decides nothing about
 * the flow; it only tells what happened.
 */
import { CALLBACK_CHECKS, callbackCheckOf } from '../oidc'
import type { CallbackCheckId, HttpExchange, IdTokenCheck, OidcError, OidcStep } from '../oidc'
import type { FlowTimeline, TimelineCheck, TimelineEntry, TimelineStepKind } from './flow-timeline'

/** Fields that carry tokens or secrets, in form bodies (RFC 6749, RFC 7009) and JSON answers. */
const SECRET_FIELDS = [
  'access_token',
  'refresh_token',
  'id_token',
  'client_secret',
  'client_assertion',
  'token',
  'id_token_hint',
]

/** How a value appears in an application/x-www-form-urlencoded body (URLSearchParams encoding). */
function formEncoded(value: string): string {
  return new URLSearchParams([['', value]]).toString().slice(1)
}

function secretsInForm(body: string | undefined): string[] {
  if (!body) return []
  const form = new URLSearchParams(body)
  // Both forms: the decoded value (shown in parameters) and the encoded one (in the raw body).
  return SECRET_FIELDS.flatMap((field) => form.getAll(field)).flatMap((value) => {
    const encoded = formEncoded(value)
    return encoded === value ? [value] : [value, encoded]
  })
}

function secretsInJson(body: string | undefined): string[] {
  if (!body) return []
  try {
    const value: unknown = JSON.parse(body)
    if (typeof value !== 'object' || value === null) return []
    const record = value as Record<string, unknown>
    return SECRET_FIELDS.map((field) => record[field]).filter(
      (secret): secret is string => typeof secret === 'string',
    )
  } catch {
    return []
  }
}

/** Every token or secret an exchange carries, so it can be masked on screen. */
export function secretsOf(exchange: HttpExchange): string[] {
  const authorization = exchange.requestHeaders
    .filter(([name]) => name.toLowerCase() === 'authorization')
    .flatMap(([, value]) => [value, value.replace(/^\S+\s+/, '')])
  return [
    ...authorization,
    ...secretsInForm(exchange.requestBody),
    ...secretsInJson(exchange.responseBody),
    // A token endpoint may answer form-encoded (GitHub does without an Accept header): the app
    // refuses it, but its tokens must still be masked and never stored.
    ...secretsInForm(exchange.responseBody),
  ].filter((secret) => secret.length > 0)
}

/** Tokens in a front-channel URL, query or fragment (RFC 9700 §4.6): refused, and never kept. */
export function secretsInUrl(url: URL): string[] {
  const fragment = new URLSearchParams(url.hash.replace(/^#/, ''))
  return SECRET_FIELDS.flatMap((field) => [
    ...url.searchParams.getAll(field),
    ...fragment.getAll(field),
  ]).filter((secret) => secret.length > 0)
}

/** Failures that reject what a response said: its claims must not be shown or kept. */
const REJECTED_CONTENT = new Set<string>([
  'userinfo_sub_mismatch',
  'id_token_rejected',
  'id_token_changed',
])

/** Every string in a JSON body, as parsed and as it appears JSON-escaped in the pretty-printed body. */
function valuesInJson(body: string | undefined): string[] {
  if (!body) return []
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch {
    return []
  }
  const values: string[] = []
  const walk = (value: unknown): void => {
    if (typeof value === 'string' && value.length > 0) {
      values.push(value, JSON.stringify(value).slice(1, -1))
    } else if (Array.isArray(value)) {
      value.forEach(walk)
    } else if (typeof value === 'object' && value !== null) {
      Object.values(value).forEach(walk)
    }
  }
  walk(parsed)
  return values
}

/** What each callback check makes sure of, in the reader's words. */
const CALLBACK_CHECK_NAMES: Record<CallbackCheckId, string> = {
  'pending-authorization': 'a sign-in started in this tab is waiting (RFC 9700 §4.7)',
  'pending-authorization-age': 'the waiting sign-in is minutes old, not older (RFC 6749 §4.1.2)',
  'no-tokens-in-url': 'no tokens in the callback URL (RFC 9700 §4.6)',
  'parameters-once': 'each parameter appears once (RFC 6749 §3.1)',
  iss: 'iss equals the issuer (RFC 9207 §2.4)',
  state: 'state equals the one this tab sent (RFC 6749 §10.12)',
  'no-error': 'the provider did not answer with an error (RFC 6749 §4.1.2.1)',
  code: 'a code is present',
}

/**
 * Checks that passed, then the one that failed; the ones after it never ran. The `iss` comparison
 * runs only on an `iss` the callback carried: without one (a provider that does not advertise RFC
 * 9207) it is not applicable, and says so.
 */
export function callbackChecks(callbackUrl: URL, error?: OidcError): TimelineCheck[] {
  const failedAt = error === undefined ? undefined : callbackCheckOf(error)
  const checks: TimelineCheck[] = []
  for (const id of CALLBACK_CHECKS) {
    const failed = error !== undefined && id === failedAt
    if (failed) {
      checks.push({ name: CALLBACK_CHECK_NAMES[id], outcome: 'failed', detail: error.message })
      break
    }
    checks.push(
      id === 'iss' && !callbackUrl.searchParams.has('iss')
        ? {
            name: CALLBACK_CHECK_NAMES[id],
            outcome: 'not-applicable',
            detail:
              'The callback carried no iss, so there was nothing to compare; the provider does not promise one (RFC 9207 §3).',
          }
        : { name: CALLBACK_CHECK_NAMES[id], outcome: 'passed' },
    )
  }
  if (error && failedAt === undefined) {
    checks.push({ name: 'the callback is valid', outcome: 'failed', detail: error.message })
  }
  return checks
}

export function idTokenTimelineChecks(checks: readonly IdTokenCheck[]): TimelineCheck[] {
  return checks.map((check) => ({
    name: check.label,
    outcome: check.outcome,
    detail: check.reason === undefined ? check.spec : `${check.reason} (${check.spec})`,
  }))
}

export interface TimelineRecorder {
  /** Starts an entry; the HTTP exchanges of `steps` are attached to it until it is finished. */
  begin(
    kind: TimelineStepKind,
    title: string,
    steps: readonly OidcStep[],
    extra?: Partial<Omit<TimelineEntry, 'id' | 'kind' | 'title'>>,
  ): string
  finish(id: string, change: Partial<Omit<TimelineEntry, 'id'>>): void
  fail(id: string, error: OidcError, checks?: TimelineCheck[]): void
  /** For HttpOptions.onExchange. */
  onExchange(step: OidcStep, exchange: HttpExchange): void
}

export function createTimelineRecorder(timeline: FlowTimeline): TimelineRecorder {
  const openEntries = new Map<OidcStep, string>()

  function entry(id: string): TimelineEntry | undefined {
    return timeline.entries().find((candidate) => candidate.id === id)
  }

  function close(id: string): void {
    for (const [step, openId] of openEntries) if (openId === id) openEntries.delete(step)
  }

  return {
    begin(kind, title, steps, extra = {}) {
      const created = timeline.add({ kind, title, outcome: 'waiting', ...extra })
      for (const step of steps) openEntries.set(step, created.id)
      return created.id
    },
    finish(id, change) {
      close(id)
      timeline.update(id, { outcome: 'ok', ...change })
    },
    fail(id, error, checks) {
      close(id)
      const current = entry(id)
      // A rejected answer stays readable on demand ("Reveal"), but is masked and never stored.
      const rejected = REJECTED_CONTENT.has(error.code)
        ? valuesInJson(current?.http?.responseBody)
        : []
      timeline.update(id, {
        outcome: 'failed',
        error: { code: error.code, message: error.message },
        ...(checks ? { checks } : {}),
        ...(rejected.length > 0 ? { secrets: [...(current?.secrets ?? []), ...rejected] } : {}),
      })
    },
    onExchange(step, exchange) {
      const id = openEntries.get(step)
      if (id === undefined) return
      const current = entry(id)
      const secrets = [...(current?.secrets ?? []), ...secretsOf(exchange)]
      timeline.update(id, {
        http: exchange,
        secrets,
        ...(current?.http === undefined
          ? {}
          : { earlierHttp: [...(current.earlierHttp ?? []), current.http] }),
      })
    },
  }
}
