/**
 * A back-channel request as a curl command that sends the same bytes: method, URL, headers and body,
 * each single-quoted. Safe to paste into sh, bash, zsh and fish alike, or not offered at all: inside
 * single quotes those shells expand nothing, except that fish also reads `\\` and `\'` there, so an
 * argument with a quote, a backslash or a control character cannot be quoted the same way for all
 * four, and the command is refused with the reason. curl itself would expand `{a,b}` and `[1-3]` in
 * the URL into other requests (its URL globbing), so it is told not to.
 */
import type { HttpExchange } from '../../oidc'

export type CurlCommand = { ok: true; command: string } | { ok: false; reason: string }

/** Headers the browser adds on its own; curl sends its own equivalents. */
const BROWSER_HEADERS = new Set([
  'user-agent',
  'origin',
  'referer',
  'accept-encoding',
  'connection',
])

/** What no single-quoted argument may hold: a quote, a backslash, a C0 or C1 control or DEL. */
const UNQUOTABLE = /['\\\p{Cc}]/u

/**
 * The URL as fetch sent it: no fragment (RFC 3986 §3.5: it never leaves the browser), serialised by
 * the URL parser, and every character outside printable ASCII or that a shell treats specially in
 * quotes percent-encoded (RFC 3986 §2.1). Of those only `'` may stand unencoded in a URI (RFC 3986
 * §2.2), and the parser already encodes it in an http(s) query, as fetch sent it; only a path with
 * one is sent in another form.
 */
function urlAsSent(text: string): string | undefined {
  if (!URL.canParse(text)) return undefined
  const url = new URL(text)
  url.hash = ''
  return url.href.replace(/['\\\s\p{Cc}]|[^\x20-\x7e]/gu, (character) =>
    Array.from(
      new TextEncoder().encode(character),
      (byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`,
    ).join(''),
  )
}

export function curlCommand(exchange: HttpExchange, show: (text: string) => string): CurlCommand {
  const url = urlAsSent(exchange.url)
  if (url === undefined) return { ok: false, reason: 'The request URL cannot be parsed.' }
  const headers = exchange.requestHeaders.filter(
    ([name]) => !BROWSER_HEADERS.has(name.toLowerCase()),
  )
  // Each value after the option that introduces it (none for the URL).
  const parts: { what: string; option?: string; value: string }[] = [
    { what: 'the URL', value: show(url) },
    ...headers.map(([name, value]) => ({
      what: `the ${name} header`,
      option: '-H',
      value: `${name}: ${show(value)}`,
    })),
    ...(exchange.requestBody === undefined
      ? []
      : [{ what: 'the body', option: '--data-raw', value: show(exchange.requestBody) }]),
  ]
  if (!/^[A-Z]+$/.test(exchange.method)) {
    return { ok: false, reason: `No curl command is offered for the method ${exchange.method}.` }
  }
  const unquotable = parts.find((part) => UNQUOTABLE.test(part.value))
  if (unquotable) {
    return {
      ok: false,
      reason: `No curl command is offered: ${unquotable.what} holds a quote, a backslash or a control character, which no quoting pastes safely into every common shell (fish reads backslashes inside single quotes).`,
    }
  }
  // A method is an HTTP token (RFC 9110 §9.1); this app sends only GET and POST.
  const method = exchange.method === 'GET' ? [] : ['-X', exchange.method]
  const words = parts.flatMap((part) => [...(part.option ? [part.option] : []), `'${part.value}'`])
  return { ok: true, command: ['curl', '-sS', '--globoff', ...method, ...words].join(' ') }
}
