/* global URL */
/**
 * Every HTTP request that reaches a server in this process (the static servers and the OpenID
 * providers), as the server saw it, from Node's `http.server.request.start` diagnostics channel. It
 * counts what no browser-side log shows reliably, such as CORS preflights, and it shares one clock
 * with the benchmark, so a request can be placed before or after a step of a run.
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel'
import { performance } from 'node:perf_hooks'

/**
 * @typedef {object} LoggedRequest
 * @property {number} at performance.now() in this process
 * @property {string} server the name given to its port
 * @property {string} method
 * @property {string} path
 */

/**
 * @param {Record<number, string>} portNames only requests to these ports are kept
 */
export function createRequestLog(portNames) {
  /** @type {LoggedRequest[]} */
  const entries = []
  const channel = 'http.server.request.start'
  /** @param {unknown} message */
  const onRequest = (message) => {
    const { request, server } =
      /** @type {{ request: import('node:http').IncomingMessage, server: import('node:http').Server }} */ (
        message
      )
    const address = server.address()
    if (address === null || typeof address === 'string') return
    const name = portNames[address.port]
    if (name === undefined) return
    entries.push({
      at: performance.now(),
      server: name,
      method: request.method ?? 'GET',
      path: new URL(request.url ?? '/', 'http://localhost').pathname,
    })
  }
  subscribe(channel, onRequest)
  return {
    /** A position to read from later. */
    mark: () => entries.length,
    /** @param {number} from a mark @param {number} [to] */
    since: (from, to) => entries.slice(from, to),
    stop: () => {
      unsubscribe(channel, onRequest)
    },
  }
}
