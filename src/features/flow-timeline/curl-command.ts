/**
 * A back-channel request as a curl command that sends the same bytes: method, URL, headers and body,
 * each single-quoted for a POSIX shell.
 */
import type { HttpExchange } from '../../oidc'

function quote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`
}

/** Headers the browser adds on its own; curl sends its own equivalents. */
const BROWSER_HEADERS = new Set([
  'user-agent',
  'origin',
  'referer',
  'accept-encoding',
  'connection',
])

export function curlCommand(exchange: HttpExchange, show: (text: string) => string): string {
  const parts = ['curl', '-sS']
  if (exchange.method !== 'GET') parts.push('-X', exchange.method)
  parts.push(quote(show(exchange.url)))
  for (const [name, value] of exchange.requestHeaders) {
    if (!BROWSER_HEADERS.has(name.toLowerCase())) parts.push('-H', quote(`${name}: ${show(value)}`))
  }
  if (exchange.requestBody !== undefined)
    parts.push('--data-raw', quote(show(exchange.requestBody)))
  return parts.join(' ')
}
