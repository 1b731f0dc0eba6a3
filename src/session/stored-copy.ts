/**
 * What of a timeline entry may cross a page load, built by allowlist from parsed structures: URLs,
 * form bodies and JSON bodies are parsed, only fields known to be harmless keep their values,
 * everything else becomes a marker, and the result is serialised again. Text is never searched and
 * replaced: a provider that escapes `/` as `\/` (PHP) or `+` as `\u002B` (.NET) gets nothing past a
 * parser. As a second line, any kept value that contains a credential this entry saw (token, code,
 * verifier, secret) is replaced whole.
 */
import { isCredentialParameter } from '../config/credential-parameters'
import type { HttpExchange } from '../oidc'
import type { TimelineEntry } from './flow-timeline'
import { CHECK_OUTCOMES } from './timeline-check'
import type { TimelineCheck } from './timeline-check'

/** Stands where a value was not kept; the timeline shows it as such. */
export const NOT_KEPT = '[not kept across page loads]'
/** Stands for the fields or parameters whose very names were not kept. */
export const OTHERS_NOT_KEPT = '…'

/**
 * Query and form parameters whose values are safe to keep: the authorization request and response
 * (RFC 6749 §4.1, RFC 7636 §4.3, OIDC Core §3.1.2.1, RFC 9207 §2), the token and revocation
 * requests minus their credentials (RFC 6749 §4.1.3, RFC 7009 §2.1), RP-initiated logout (§2), a
 * pushed request's request_uri (RFC 9126 §4: it stands for a request bound to its PKCE challenge,
 * so it yields nothing without the code_verifier, and the browser carried it in a URL anyway), and the
 * common provider extras. None of them can be redeemed.
 */
const HARMLESS_PARAMETERS = new Set([
  'response_type',
  'response_mode',
  'client_id',
  'redirect_uri',
  'scope',
  'state',
  'nonce',
  'code_challenge',
  'code_challenge_method',
  'prompt',
  'max_age',
  'login_hint',
  'ui_locales',
  'claims_locales',
  'display',
  'acr_values',
  'access_type',
  'include_granted_scopes',
  'audience',
  'resource',
  'iss',
  'error',
  'error_description',
  'error_uri',
  'session_state',
  'grant_type',
  'token_type_hint',
  'client_assertion_type',
  'post_logout_redirect_uri',
  'request_uri',
])

/**
 * JSON fields whose values are safe to keep: token-response metadata (RFC 6749 §5.1, §5.2), public
 * key parameters (RFC 7517 §4, RFC 7518 §6; never `d`, `p`, `q`, `k`…), the standard claims of
 * UserInfo (OIDC Core §5.1) and provider metadata (RFC 8414 §2, by the shapes of its names below).
 */
const HARMLESS_FIELDS = new Set([
  'request_uri',
  'token_type',
  'expires_in',
  'refresh_expires_in',
  'scope',
  'error',
  'error_description',
  'error_uri',
  'issuer',
  'keys',
  'kty',
  'kid',
  'use',
  'alg',
  'key_ops',
  'n',
  'e',
  'crv',
  'x',
  'y',
  'x5c',
  'x5t',
  'x5t#S256',
  'sub',
  'name',
  'given_name',
  'family_name',
  'middle_name',
  'nickname',
  'preferred_username',
  'profile',
  'picture',
  'website',
  'email',
  'email_verified',
  'gender',
  'birthdate',
  'zoneinfo',
  'locale',
  'phone_number',
  'phone_number_verified',
  'address',
  'formatted',
  'street_address',
  'locality',
  'region',
  'postal_code',
  'country',
  'updated_at',
  'service_documentation',
  'mtls_endpoint_aliases',
])
/** Metadata names: `*_endpoint`, `*_supported`, `*_uri(s)` and `require_*` (RFC 8414 §2). */
const METADATA_FIELD = /^(?:[a-z0-9_]+_(?:endpoint|supported|uri|uris)|require_[a-z0-9_]+)$/

/** Response and request headers worth keeping; `authorization`, `dpop`, cookies never are. */
const HARMLESS_HEADERS = new Set([
  'accept',
  'content-type',
  'content-length',
  'content-language',
  'cache-control',
  'pragma',
  'expires',
  'last-modified',
  'date',
  'www-authenticate',
  'dpop-nonce',
])

/** Deeper JSON than this is not walked: no provider metadata or token answer nests so far. */
const MAX_DEPTH = 16

/** The credentials an entry carries, wherever they sit, so that no kept value can contain one. */
function credentialsOf(entry: TimelineEntry): string[] {
  const found = [...(entry.secrets ?? [])]
  if (entry.pkce?.codeVerifier !== undefined) found.push(entry.pkce.codeVerifier)
  const fromPairs = (pairs: Iterable<[string, string]>) => {
    for (const [name, value] of pairs) if (isCredentialParameter(name)) found.push(value)
  }
  const fromJson = (value: unknown, depth: number): void => {
    if (depth > MAX_DEPTH || typeof value !== 'object' || value === null) return
    for (const [name, inner] of Object.entries(value)) {
      if (typeof inner === 'string' && isCredentialParameter(name)) found.push(inner)
      else fromJson(inner, depth + 1)
    }
  }
  fromPairs(entry.parameters ?? [])
  for (const url of [entry.url, entry.http?.url]) {
    const parsed = parseUrl(url)
    if (parsed) fromPairs([...parsed.searchParams, ...new URLSearchParams(parsed.hash.slice(1))])
  }
  for (const body of [entry.http?.requestBody, entry.http?.responseBody]) {
    if (body === undefined) continue
    fromPairs(new URLSearchParams(body))
    fromJson(parseJson(body), 0)
  }
  return found.filter((credential) => credential.length > 0)
}

function parseUrl(text: string | undefined): URL | undefined {
  if (text === undefined || !URL.canParse(text)) return undefined
  return new URL(text)
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/** Builds the copy of one entry; `credentials` are the values no kept text may contain. */
function copier(credentials: readonly string[]) {
  const keep = (value: string) =>
    credentials.some((credential) => value.includes(credential)) ? NOT_KEPT : value

  // The marker's own name is harmless: a copy read back is copied again unchanged.
  function pairs(input: Iterable<[string, string]>, harmless: (name: string) => boolean) {
    const kept: [string, string][] = []
    let others = 0
    for (const [name, value] of input) {
      if ((harmless(name) || name === OTHERS_NOT_KEPT) && keep(name) === name) {
        kept.push([name, keep(value)])
      } else if (isCredentialParameter(name)) kept.push([name, NOT_KEPT])
      else others += 1
    }
    if (others > 0)
      kept.push([OTHERS_NOT_KEPT, `${String(others)} more, not kept across page loads`])
    return kept
  }

  const parameters = (input: Iterable<[string, string]>) =>
    pairs(input, (name) => HARMLESS_PARAMETERS.has(name))

  /** Origin and path as parsed, the query by allowlist; the fragment is never sent, so never kept. */
  function url(text: string): string {
    const parsed = parseUrl(text)
    if (!parsed) return NOT_KEPT
    const query = new URLSearchParams(parameters(parsed.searchParams))
    const search = query.size > 0 ? `?${query.toString()}` : ''
    return keep(`${parsed.origin}${parsed.pathname}`) + search
  }

  function json(value: unknown, depth: number): unknown {
    if (typeof value === 'string') return keep(value)
    if (typeof value !== 'object' || value === null) return value
    if (depth >= MAX_DEPTH) return NOT_KEPT
    if (Array.isArray(value)) return value.map((item) => json(item, depth + 1))
    const kept: Record<string, unknown> = {}
    let others = 0
    for (const [name, inner] of Object.entries(value)) {
      const harmless =
        HARMLESS_FIELDS.has(name) || METADATA_FIELD.test(name) || name === OTHERS_NOT_KEPT
      if (harmless && keep(name) === name) {
        kept[name] = json(inner, depth + 1)
      } else if (isCredentialParameter(name)) kept[name] = NOT_KEPT
      else others += 1
    }
    if (others > 0) kept[OTHERS_NOT_KEPT] = `${String(others)} more, not kept across page loads`
    return kept
  }

  /**
   * A body as JSON or a form, parsed and rebuilt. A request body that is not JSON is read as the form
   * it is (token and revocation requests are forms: RFC 6749 §4.1.3, RFC 7009 §2.1); an answer that
   * is neither is not kept at all.
   */
  function body(
    text: string,
    headers: readonly [string, string][] | undefined,
    sentByThisApp: boolean,
  ): string {
    if (text === '') return text
    const contentType =
      headers?.find(([name]) => name.toLowerCase() === 'content-type')?.[1].toLowerCase() ?? ''
    const form = () => new URLSearchParams(parameters(new URLSearchParams(text))).toString()
    if (contentType.includes('application/x-www-form-urlencoded')) return form()
    const parsed = parseJson(text)
    if (parsed !== undefined) return JSON.stringify(json(parsed, 0))
    if (sentByThisApp) return form()
    return `${NOT_KEPT} (${String(text.length)} characters, neither JSON nor a form)`
  }

  function headers(input: readonly [string, string][]) {
    return pairs(input, (name) => HARMLESS_HEADERS.has(name.toLowerCase()))
  }

  function http(exchange: HttpExchange): HttpExchange {
    const copy: HttpExchange = {
      ...exchange,
      url: url(exchange.url),
      requestHeaders: headers(exchange.requestHeaders),
    }
    if (exchange.requestBody !== undefined) {
      copy.requestBody = body(exchange.requestBody, exchange.requestHeaders, true)
    }
    if (exchange.responseHeaders !== undefined) {
      copy.responseHeaders = headers(exchange.responseHeaders)
    }
    if (exchange.responseBody !== undefined) {
      copy.responseBody = body(exchange.responseBody, exchange.responseHeaders, false)
    }
    if (exchange.statusText !== undefined) copy.statusText = keep(exchange.statusText)
    if (exchange.failure !== undefined) copy.failure = keep(exchange.failure)
    return copy
  }

  const check = (item: TimelineCheck): TimelineCheck => ({
    name: keep(item.name),
    outcome: item.outcome,
    ...(item.detail === undefined ? {} : { detail: keep(item.detail) }),
  })

  return { keep, url, parameters, http, check }
}

/**
 * The entry as it may be kept across a page load: no credential, no list of secrets, and of PKCE only
 * the challenge (RFC 7636 §4.2: it cannot be turned back into the verifier).
 */
export function storedCopy(entry: TimelineEntry): TimelineEntry {
  const copy = copier(credentialsOf(entry))
  const result: TimelineEntry = {
    id: entry.id,
    kind: entry.kind,
    at: entry.at,
    title: copy.keep(entry.title),
    outcome: entry.outcome,
  }
  if (entry.url !== undefined) result.url = copy.url(entry.url)
  if (entry.http) result.http = copy.http(entry.http)
  if (entry.earlierHttp) result.earlierHttp = entry.earlierHttp.map(copy.http)
  if (entry.parameters) result.parameters = copy.parameters(entry.parameters)
  if (entry.pkce) {
    result.pkce = { codeChallenge: copy.keep(entry.pkce.codeChallenge), method: entry.pkce.method }
  }
  // A check whose outcome is not one of ours (an older copy's) says nothing it could prove.
  if (entry.checks) {
    result.checks = entry.checks
      .filter((item) => (CHECK_OUTCOMES as readonly unknown[]).includes(item.outcome))
      .map(copy.check)
  }
  if (entry.error) {
    result.error = { code: entry.error.code, message: copy.keep(entry.error.message) }
  }
  return result
}
