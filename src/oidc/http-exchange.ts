/**
 * One HTTP request and its answer, exactly as this app sent and received it, for the learner to read:
 * recorded by the fetch wrapper, never used for a decision. Secrets inside are masked by whoever shows
 * or keeps it.
 */

export interface HttpExchange {
  method: string
  url: string
  requestHeaders: [string, string][]
  requestBody?: string
  /** Absent when the request failed without an answer (CORS, network, timeout). */
  status?: number
  statusText?: string
  /** Cross-origin, only CORS-safelisted and exposed headers are readable (Fetch Standard §3.2.6). */
  responseHeaders?: [string, string][]
  responseBody?: string
  /** Epoch milliseconds. */
  startedAt: number
  durationMs: number
  /** Why there is no answer, when there is none. */
  failure?: string
}
