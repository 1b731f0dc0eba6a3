import './api-calls.css'

import { useId } from 'react'

import { ErrorDetails } from '../../components/errors/error-details'
import { explainError } from '../../components/errors/error-explanations'
import { useNowSeconds } from '../../components/ui/use-now'
import { describeClaims } from '../../jwt/describe-claims'
import type { ApiCall } from '../../session'
import { isDpopTokenType } from '../../oidc'
import type { UserInfoResult } from '../../oidc'
import { HttpResponseView, RetriedNote } from './http-response-view'

export interface UserInfoCallProps {
  call: ApiCall<UserInfoResult> | undefined
  hasUserinfoEndpoint: boolean
  /** The token response's token_type: a DPoP-bound token goes with a proof (RFC 9449 §7.1). */
  tokenType: string
  /** Where the call is made when not from this section (the workspace's status band). */
  onCall?: () => void
}

function announcement(call: ApiCall<UserInfoResult> | undefined): string {
  if (call === undefined) return ''
  switch (call.status) {
    case 'pending':
      return 'Calling userinfo…'
    case 'done':
      return `UserInfo answered ${call.result.status} in ${Math.round(call.durationMs)} ms`
    case 'failed':
      return `UserInfo call failed: ${explainError(call.error).title}`
  }
}

/**
 * The UserInfo request (OpenID Connect Core §5.3) and its answer. The outcome is announced in one
 * short polite sentence; the claims and errors below are there to read, not to be read out.
 */
export function UserInfoCall({ call, hasUserinfoEndpoint, tokenType, onCall }: UserInfoCallProps) {
  const headingId = useId()
  const reasonId = useId()
  const nowSeconds = useNowSeconds()
  return (
    <section className="api-call" aria-labelledby={headingId}>
      <h2 id={headingId}>UserInfo</h2>
      <p>
        Asks the provider&rsquo;s UserInfo endpoint who the access token belongs to. The access
        token goes in the Authorization header{' '}
        {isDpopTokenType(tokenType)
          ? 'as DPoP, with a new proof signed by this page’s key (RFC 9449 §7.1)'
          : 'as a Bearer token (RFC 6750 §2.1)'}
        , never in a URL, where logs, history and Referer headers would keep it. The answer&rsquo;s
        sub must equal the ID token&rsquo;s sub (OpenID Connect Core §5.3.2); if the first answer is
        401, the app renews the access token once and tries once more.
      </p>
      {onCall ? (
        <button
          type="button"
          disabled={!hasUserinfoEndpoint || call?.status === 'pending'}
          aria-describedby={hasUserinfoEndpoint ? undefined : reasonId}
          onClick={onCall}
        >
          Call userinfo
        </button>
      ) : (
        call === undefined &&
        hasUserinfoEndpoint && (
          <p className="api-calls__note">Not called yet: press Call userinfo above.</p>
        )
      )}
      {!hasUserinfoEndpoint && (
        <p id={reasonId} className="api-calls__note">
          Not available: this provider&rsquo;s metadata has no userinfo_endpoint.
        </p>
      )}
      <p role="status" aria-live="polite" className="api-calls__announcement">
        {announcement(call)}
      </p>
      {call?.status === 'done' && (
        <HttpResponseView
          status={call.result.status}
          headers={call.result.headers}
          durationMs={call.durationMs}
          retriedAfterRefresh={call.retriedAfterRefresh}
        >
          <p>
            Its sub equals the ID token&rsquo;s sub, as OpenID Connect Core §5.3.2 requires: the
            claims describe the user who signed in.
          </p>
          <table className="api-calls__table">
            <caption>UserInfo claims</caption>
            <thead>
              <tr>
                <th scope="col">Claim</th>
                <th scope="col">Value</th>
                <th scope="col">Meaning</th>
              </tr>
            </thead>
            <tbody>
              {describeClaims(call.result.claims, nowSeconds).map((row) => (
                <tr key={row.name}>
                  <th scope="row">
                    <code>{row.name}</code>
                  </th>
                  <td>
                    <code>{row.value}</code>
                    {row.time !== undefined && (
                      <span className="api-calls__time">
                        {row.time.local} ({row.time.relative})
                      </span>
                    )}
                  </td>
                  <td>
                    {row.meaning === undefined ? (
                      <span className="api-calls__note">No description yet.</span>
                    ) : (
                      <>
                        {row.meaning.text}{' '}
                        <a href={row.meaning.specUrl} target="_blank" rel="noreferrer">
                          {row.meaning.spec}
                          <span className="visually-hidden"> (opens in a new tab)</span>
                        </a>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </HttpResponseView>
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
