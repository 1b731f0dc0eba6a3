import type { ReactNode } from 'react'

export interface HttpResponseViewProps {
  status: number
  /** Empty over HTTP/2 and HTTP/3, which dropped the reason phrase. */
  statusText?: string
  headers: readonly (readonly [string, string])[]
  durationMs: number
  retriedAfterRefresh: boolean
  /** What the body meant: claims, or the body itself. */
  children: ReactNode
}

/** An answer as it came back: status, the body (as children), and the headers the page could read. */
export function HttpResponseView(props: HttpResponseViewProps) {
  return (
    <div className="http-response">
      <p>
        HTTP status{' '}
        <strong data-testid="http-status">
          {props.status}
          {props.statusText ? ` ${props.statusText}` : ''}
        </strong>
        , after {Math.round(props.durationMs)} ms.
      </p>
      {props.retriedAfterRefresh && <RetriedNote />}
      {props.children}
      <ResponseHeadersTable headers={props.headers} />
    </div>
  )
}

/** Said whenever the first answer was 401 and the call was repeated with a renewed token. */
export function RetriedNote() {
  return (
    <p className="api-calls__note">
      Retried after a refresh (the first answer was 401): the app renewed the access token once and
      sent the request once more.
    </p>
  )
}

function ResponseHeadersTable({ headers }: { headers: readonly (readonly [string, string])[] }) {
  return (
    <>
      {headers.length === 0 ? (
        <p>No response header was readable.</p>
      ) : (
        <table className="api-calls__table">
          <caption>Response headers</caption>
          <thead>
            <tr>
              <th scope="col">Header</th>
              <th scope="col">Value</th>
            </tr>
          </thead>
          <tbody>
            {headers.map(([name, value], index) => (
              <tr key={`${index}-${name}`}>
                <th scope="row">
                  <code>{name}</code>
                </th>
                <td>
                  <code>{value}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="api-calls__note">
        Cross-origin, the browser lets this page read only the CORS-safelisted response headers
        (Cache-Control, Content-Language, Content-Length, Content-Type, Expires, Last-Modified,
        Pragma) and those the server lists in Access-Control-Expose-Headers; the others exist but
        are hidden from JavaScript.
      </p>
    </>
  )
}
