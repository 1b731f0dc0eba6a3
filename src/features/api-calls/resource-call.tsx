import './api-calls.css'

import { useId, useState } from 'react'

import { ErrorDetails } from '../../components/errors/error-details'
import { explainError } from '../../components/errors/error-explanations'
import type { ResourceResponse } from '../../oidc'
import type { ApiCall } from '../../session'
import { HttpResponseView, RetriedNote } from './http-response-view'

export interface ResourceCallProps {
  call: ApiCall<ResourceResponse> | undefined
  onCall: (url: string) => void
  defaultUrl?: string
}

function announcement(call: ApiCall<ResourceResponse> | undefined): string {
  if (call === undefined) return ''
  switch (call.status) {
    case 'pending':
      return 'Sending GET…'
    case 'done': {
      const { status, statusText } = call.result
      return `GET answered ${status}${statusText ? ` ${statusText}` : ''} in ${Math.round(call.durationMs)} ms`
    }
    case 'failed':
      return `GET failed: ${explainError(call.error).title}`
  }
}

/** The body as text; JSON is re-indented so it can be read, anything else is shown as it came. */
function readableBody(body: string): { text: string; isJson: boolean } {
  if (body.trim() === '') return { text: body, isJson: false }
  try {
    return { text: JSON.stringify(JSON.parse(body), null, 2), isJson: true }
  } catch {
    return { text: body, isJson: false }
  }
}

function ResponseBody({ response }: { response: ResourceResponse }) {
  const body = readableBody(response.body)
  return (
    <>
      <h3>Body{body.isJson && ' (JSON, re-indented)'}</h3>
      {response.body === '' ? (
        <p>The body is empty.</p>
      ) : (
        <pre className="api-calls__body">
          <code>{body.text}</code>
        </pre>
      )}
      {response.bodyTruncated && (
        <p className="api-calls__note">
          <strong>(truncated)</strong> The body is longer than shown: only its beginning was kept.
        </p>
      )}
    </>
  )
}

/**
 * A GET to any API with the access token as a Bearer header, and the answer as it came back. Any HTTP
 * status is an answer; only a request that got none (CORS, network) is shown as an error.
 */
export function ResourceCall({ call, onCall, defaultUrl = '' }: ResourceCallProps) {
  const headingId = useId()
  const inputId = useId()
  const hintId = useId()
  const [url, setUrl] = useState(defaultUrl)
  const pending = call?.status === 'pending'

  return (
    <section className="api-call" aria-labelledby={headingId}>
      <h2 id={headingId}>Call an API</h2>
      <p>
        Sends a GET with the access token in the Authorization header as a Bearer token (RFC 6750
        §2.1), never in the URL. If the answer is 401, the app renews the access token once and
        tries once more.
      </p>
      <form
        className="api-calls__form"
        onSubmit={(event) => {
          event.preventDefault()
          onCall(url.trim())
        }}
      >
        <label htmlFor={inputId}>API URL</label>
        <input
          id={inputId}
          type="url"
          required
          inputMode="url"
          autoComplete="url"
          spellCheck={false}
          placeholder="https://api.example.com/me"
          aria-describedby={hintId}
          value={url}
          onChange={(event) => {
            setUrl(event.target.value)
          }}
        />
        <button type="submit" disabled={pending}>
          Send GET
        </button>
      </form>
      <p id={hintId} className="api-calls__note">
        The Authorization header makes the browser send a CORS preflight (an OPTIONS request) first,
        so the API must allow this page&rsquo;s origin and the Authorization header. The token is
        only sent over https, or http to localhost.
      </p>
      <p role="status" aria-live="polite" className="api-calls__announcement">
        {announcement(call)}
      </p>
      {call?.status === 'done' && (
        <>
          <p>
            URL <code>{call.result.url}</code>
          </p>
          <HttpResponseView
            status={call.result.status}
            statusText={call.result.statusText}
            headers={call.result.headers}
            durationMs={call.durationMs}
            retriedAfterRefresh={call.retriedAfterRefresh}
          >
            <ResponseBody response={call.result} />
          </HttpResponseView>
        </>
      )}
      {call?.status === 'failed' && (
        <>
          <p>
            <strong>Failed</strong> after {Math.round(call.durationMs)} ms. You are still signed in.
          </p>
          {call.retriedAfterRefresh && <RetriedNote />}
          <ErrorDetails error={call.error} />
        </>
      )}
    </section>
  )
}
