/**
 * One HTTP request and its answer as this app sent and read it, for the timeline and the provider
 * report's evidence. Whoever shows it says how secrets are masked.
 */
import type { HttpExchange } from '../../oidc'

function prettyBody(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2)
  } catch {
    return body
  }
}

/** The raw HTTP exchange, with `show` applied to every text that may carry a secret. */
export function HttpExchangeView(props: {
  exchange: HttpExchange
  show: (text: string) => string
}) {
  const { exchange, show } = props
  return (
    <div className="http-exchange">
      <h4>Request</h4>
      <pre>
        {`${exchange.method} ${show(exchange.url)}\n`}
        {exchange.requestHeaders.map(([name, value]) => `${name}: ${show(value)}\n`).join('')}
        {exchange.requestBody !== undefined ? `\n${show(exchange.requestBody)}` : ''}
      </pre>
      <h4>Response</h4>
      {exchange.status === undefined ? (
        <p>No answer could be read: {exchange.failure ?? 'the request failed'}.</p>
      ) : (
        <pre>
          {`${exchange.status} ${exchange.statusText ?? ''} (${exchange.durationMs} ms)\n`}
          {(exchange.responseHeaders ?? []).map(([name, value]) => `${name}: ${value}\n`).join('')}
          {exchange.responseBody ? `\n${show(prettyBody(exchange.responseBody))}` : ''}
        </pre>
      )}
    </div>
  )
}
