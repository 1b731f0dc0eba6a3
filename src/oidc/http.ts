/**
 * How the protocol layer talks HTTP: an injected fetch, a time limit, the app's origin for CORS advice,
 * and plain http allowed on loopback only (src/config/endpoint-urls.ts). Knows nothing of React.
 */
import * as oauth from 'oauth4webapi'

import { isAllowedEndpointUrl, isLoopbackUrl } from '../config/endpoint-urls'
import type { HttpExchange } from './http-exchange'
import { OidcError } from './oidc-error'
import type { OidcStep } from './oidc-error'

export { isAllowedEndpointUrl, isLoopbackUrl }

export interface HttpOptions {
  /** Defaults to the global fetch; tests pass an in-process provider. */
  fetch?: typeof fetch
  /** This app's origin, named in CORS advice. */
  appOrigin: string
  /** Per-request time limit. */
  timeoutMs?: number
  /** Told about every request and its answer, for the timeline; never affects the flow. */
  onExchange?: (step: OidcStep, exchange: HttpExchange) => void
  /** Epoch milliseconds, for the timeline's times; defaults to Date.now. */
  now?: () => number
}

/** Per-request time limit unless HttpOptions says otherwise. */
export const DEFAULT_TIMEOUT_MS = 15_000
function describeRequest(
  url: string,
  init: RequestInit,
): Pick<HttpExchange, 'method' | 'url' | 'requestHeaders' | 'requestBody'> {
  const body = init.body
  return {
    method: init.method ?? 'GET',
    url,
    requestHeaders: [...new Headers(init.headers).entries()],
    ...(typeof body === 'string' || body instanceof URLSearchParams
      ? { requestBody: body.toString() }
      : {}),
  }
}

const PROBE_TIMEOUT_MS = 5_000

/**
 * A fetch that fails without a status: the browser hides why on purpose (Fetch Standard §3.2.5), so
 * a second request that needs no CORS (mode no-cors, HEAD, no credentials: it reads nothing and
 * changes nothing) tells the two cases apart. It resolving proves the server answered and the browser
 * hid that answer from this page (CORS); it failing too means no answer at all.
 */
async function withoutStatus(
  fetchImpl: typeof fetch,
  url: string,
  step: OidcStep,
  cause: unknown,
  origin: string,
  withDpopProof: boolean,
): Promise<OidcError> {
  const reachability = await fetchImpl(url, {
    method: 'HEAD',
    mode: 'no-cors',
    credentials: 'omit',
    cache: 'no-store',
    // No redirect mode but "follow": Fetch fails a no-cors request with any other at once.
    signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
  }).then(
    () => 'hidden' as const,
    () => 'no-answer' as const,
  )
  const message =
    reachability === 'hidden'
      ? `The request to ${url} failed without an HTTP status, yet the server answered a request that needs no CORS: the browser hid its answer from this page (CORS does not allow ${origin})`
      : `The request to ${url} failed without an HTTP status, and the server did not answer a request that needs no CORS either: it is down, unreachable from here, or the URL is wrong`
  // A DPoP header is not CORS-safelisted (Fetch Standard §4.8): the browser first sends an OPTIONS
  // preflight, and sends the request only if the answer lists DPoP in Access-Control-Allow-Headers.
  const preflight =
    withDpopProof && reachability === 'hidden'
      ? `. The request carried a DPoP header, so the browser first asked the server by a CORS preflight (OPTIONS) whether it may send one: the server did not answer that preflight with "Access-Control-Allow-Headers: DPoP" for ${origin}, or its answer to the request itself had no CORS headers. The browser's Network panel shows which (a failed OPTIONS request, or a CORS error on the ${url} request)`
      : ''
  return new OidcError('network_error', step, message + preflight, {
    cause,
    url,
    origin,
    reachability,
  })
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')
}

/**
 * Options for one oauth4webapi call. `allowInsecureRequests` is deprecated on purpose in oauth4webapi so
 * that it stands out; it is set only when the issuer is a loopback URL, and discovery has already refused
 * metadata whose endpoints leave loopback over http.
 */
export function requestOptions(step: OidcStep, issuer: URL, http: HttpOptions) {
  const fetchImpl = http.fetch ?? globalThis.fetch.bind(globalThis)
  const timeoutMs = http.timeoutMs ?? DEFAULT_TIMEOUT_MS
  return {
    signal: () => AbortSignal.timeout(timeoutMs),
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- loopback development providers only, see above
    [oauth.allowInsecureRequests]: issuer.protocol === 'http:' && isLoopbackUrl(issuer),
    // oauth4webapi passes fetch-compatible options; typed loosely so one wrapper fits every call.
    [oauth.customFetch]: async (url: string, init: object): Promise<Response> => {
      const now = http.now ?? Date.now
      const startedAt = now()
      const sent = describeRequest(url, init)
      /** The timeline is told; whatever goes wrong there never affects the flow. */
      const report = (exchange: () => Promise<HttpExchange> | HttpExchange): Promise<void> =>
        http.onExchange
          ? Promise.resolve()
              .then(exchange)
              .then((recorded) => http.onExchange?.(step, recorded))
              .catch(() => undefined)
          : Promise.resolve()
      let response: Response
      try {
        response = await fetchImpl(url, init)
      } catch (error) {
        const failure = isAbort(error)
          ? new OidcError('timeout', step, `No answer from ${url} within ${timeoutMs / 1000} s`, {
              cause: error,
              url,
              origin: http.appOrigin,
            })
          : await withoutStatus(
              fetchImpl,
              url,
              step,
              error,
              http.appOrigin,
              sent.requestHeaders.some(([name]) => name.toLowerCase() === 'dpop'),
            )
        await report(() => ({
          ...sent,
          startedAt,
          durationMs: now() - startedAt,
          failure: failure.message,
        }))
        throw failure
      }
      await report(async () => ({
        ...sent,
        status: response.status,
        statusText: response.statusText,
        responseHeaders: [...response.headers.entries()],
        // A copy: the original body stays unread for oauth4webapi to validate.
        responseBody: await response.clone().text(),
        startedAt,
        durationMs: now() - startedAt,
      }))
      return response
    },
  }
}
