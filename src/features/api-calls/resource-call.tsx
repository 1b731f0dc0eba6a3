import './api-calls.css'

import { useId, useState } from 'react'

import { ErrorDetails } from '../../components/errors/error-details'
import { explainError } from '../../components/errors/error-explanations'
import { curlCommand } from '../../components/http/curl-command'
import { maskSecrets } from '../../components/http/mask-secrets'
import { ChoiceGroup } from '../../components/ui/choice-group'
import { CopyButton } from '../../components/ui/copy-button'
import { isDpopTokenType, RESOURCE_METHODS } from '../../oidc'
import type {
  ResourceBodyType,
  ResourceMethod,
  ResourceRequest,
  ResourceResponse,
} from '../../oidc'
import type { ApiCall } from '../../session'
import { HttpResponseView, RetriedNote } from './http-response-view'
import { explainChallenges, missingChallenge } from './www-authenticate'

export interface ResourceCallProps {
  call: ApiCall<ResourceResponse> | undefined
  onCall: (request: ResourceRequest) => void
  defaultUrl?: string
  /** The access token now held, for the curl command (masked until revealed). */
  accessToken: string
  /** The token response's token_type: a DPoP-bound token goes with a proof (RFC 9449 §7.1). */
  tokenType: string
}

type BodyChoice = 'none' | ResourceBodyType

type ProofChoice = 'dpop' | 'bearer'

const PROOF_CHOICES = [
  { value: 'dpop', label: 'Authorization: DPoP, with a new proof signed by this page’s key' },
  {
    value: 'bearer',
    label: 'Authorization: Bearer, without a proof (a copied token: the API should refuse it)',
  },
] as const

function announcement(call: ApiCall<ResourceResponse> | undefined): string {
  if (call === undefined) return ''
  switch (call.status) {
    case 'pending':
      return 'Sending the request…'
    case 'done': {
      const { status, statusText, sent } = call.result
      return `${sent.method} answered ${status}${statusText ? ` ${statusText}` : ''} in ${Math.round(call.durationMs)} ms`
    }
    case 'failed':
      return `The request failed: ${explainError(call.error).title}`
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
 * The API console: any method, URL, headers and a JSON or form body, with the access token as a Bearer
 * header (RFC 6750 §2.1), or with a DPoP proof when it is bound to this page's key (RFC 9449 §7.1),
 * never in the URL; the answer as it came back, its WWW-Authenticate
 * challenges explained, and the request as a curl command. Any HTTP status is an answer; only a
 * request that got none (CORS, network) is an error. Requests and answers live in memory only.
 */
export function ResourceCall({
  call,
  onCall,
  defaultUrl = '',
  accessToken,
  tokenType,
}: ResourceCallProps) {
  const id = useId()
  const headingId = `${id}-heading`
  const hintId = `${id}-hint`
  const [method, setMethod] = useState<ResourceMethod>('GET')
  const [url, setUrl] = useState(defaultUrl)
  const [headers, setHeaders] = useState<[string, string][]>([])
  const [bodyChoice, setBodyChoice] = useState<BodyChoice>('none')
  const [body, setBody] = useState('')
  const [proof, setProof] = useState<ProofChoice>('dpop')
  const bound = isDpopTokenType(tokenType)
  const pending = call?.status === 'pending'
  const bodyAllowed = method !== 'GET' && method !== 'HEAD'

  function request(): ResourceRequest {
    return {
      method,
      url: url.trim(),
      headers,
      ...(bodyAllowed && bodyChoice !== 'none' ? { body: { type: bodyChoice, text: body } } : {}),
      ...(bound && proof === 'bearer' ? { withoutProof: true } : {}),
    }
  }

  return (
    <section className="api-call" aria-labelledby={headingId}>
      <h2 id={headingId}>Call an API</h2>
      {bound ? (
        <p>
          Sends any request with the access token in the Authorization header, never in the URL. The
          token is bound to this page&rsquo;s key (token_type DPoP), so it goes as{' '}
          <code>Authorization: DPoP</code> with a DPoP header: a new proof, signed by the key, for
          this method and URL and this token (RFC 9449 §7.1). If the answer is 401, the app renews
          the access token once and tries once more. Requests and answers stay in this page&rsquo;s
          memory.
        </p>
      ) : (
        <p>
          Sends any request with the access token in the Authorization header as a Bearer token (RFC
          6750 §2.1), never in the URL. If the answer is 401, the app renews the access token once
          and tries once more. Requests and answers stay in this page&rsquo;s memory.
        </p>
      )}
      <div className="api-calls__form">
        <label htmlFor={`${id}-method`}>Method</label>
        <select
          id={`${id}-method`}
          value={method}
          onChange={(event) => {
            setMethod(event.target.value as ResourceMethod)
          }}
        >
          {RESOURCE_METHODS.map((name) => (
            <option key={name}>{name}</option>
          ))}
        </select>
        <label htmlFor={`${id}-url`}>API URL</label>
        <input
          id={`${id}-url`}
          type="url"
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
      </div>
      {bound && (
        <ChoiceGroup
          legend="How the token goes"
          name={`${id}-proof`}
          options={PROOF_CHOICES}
          value={proof}
          onChange={setProof}
          className="api-calls__body-choice"
        />
      )}
      <fieldset className="api-calls__headers">
        <legend>Request headers</legend>
        {headers.length === 0 && (
          <p>None besides Authorization{bound ? ' and DPoP' : ''}, which the app sets.</p>
        )}
        {headers.map(([name, value], index) => (
          <div key={index} className="api-calls__header-row">
            <input
              aria-label={`Header ${String(index + 1)} name`}
              spellCheck={false}
              value={name}
              onChange={(event) => {
                setHeaders(
                  headers.map((row, i) => (i === index ? [event.target.value, row[1]] : row)),
                )
              }}
            />
            <input
              aria-label={`Header ${String(index + 1)} value`}
              spellCheck={false}
              value={value}
              onChange={(event) => {
                setHeaders(
                  headers.map((row, i) => (i === index ? [row[0], event.target.value] : row)),
                )
              }}
            />
            <button
              type="button"
              aria-label={`Remove header ${String(index + 1)}${name ? ` (${name})` : ''}`}
              onClick={() => {
                setHeaders(headers.filter((_, i) => i !== index))
              }}
            >
              Remove
            </button>
          </div>
        ))}
        <button
          type="button"
          onClick={() => {
            setHeaders([...headers, ['', '']])
          }}
        >
          Add header
        </button>
      </fieldset>
      {bodyAllowed ? (
        <fieldset className="api-calls__body-choice">
          <legend>Body</legend>
          {(['none', 'json', 'form'] as const).map((choice) => (
            <label key={choice}>
              <input
                type="radio"
                name={`${id}-body`}
                checked={bodyChoice === choice}
                onChange={() => {
                  setBodyChoice(choice)
                }}
              />{' '}
              {choice === 'none' ? 'None' : choice === 'json' ? 'JSON' : 'Form (name=value&…)'}
            </label>
          ))}
          {bodyChoice !== 'none' && (
            <textarea
              aria-label={bodyChoice === 'json' ? 'JSON body' : 'Form body'}
              rows={5}
              spellCheck={false}
              value={body}
              onChange={(event) => {
                setBody(event.target.value)
              }}
            />
          )}
        </fieldset>
      ) : (
        <p className="api-calls__note">A {method} request has no body.</p>
      )}
      <p>
        <button
          type="button"
          disabled={pending}
          onClick={() => {
            if (url.trim() !== '') onCall(request())
          }}
        >
          Send {method}
        </button>
      </p>
      <p id={hintId} className="api-calls__note">
        The Authorization header{bound ? ', the DPoP header' : ''} (and a body that is not a form)
        makes the browser send a CORS preflight (an OPTIONS request) first, so the API must allow
        this page&rsquo;s origin, the method and the headers. The token is only sent over https, or
        http to localhost.
      </p>
      <p role="status" aria-live="polite" className="api-calls__announcement">
        {announcement(call)}
      </p>
      {call?.status === 'done' && (
        <>
          <p>
            <code>
              {call.result.sent.method} {call.result.url}
            </code>
          </p>
          <HttpResponseView
            status={call.result.status}
            statusText={call.result.statusText}
            headers={call.result.headers}
            durationMs={call.durationMs}
            retriedAfterRefresh={call.retriedAfterRefresh}
          >
            <Challenges response={call.result} retried={call.retriedAfterRefresh} />
            <ResponseBody response={call.result} />
          </HttpResponseView>
          <CurlFor response={call.result} accessToken={accessToken} />
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

/** The refusal's challenges, each explained, the API's words verbatim; or why none could be read. */
function Challenges({ response, retried }: { response: ResourceResponse; retried: boolean }) {
  const explained = explainChallenges(response.challenges, retried)
  const missing = missingChallenge(response.status, response.headers)
  if (explained.length === 0 && missing === undefined) return null
  return (
    <div className="api-calls__challenges">
      <h3>WWW-Authenticate, explained</h3>
      {missing !== undefined && <p>{missing}</p>}
      <ul>
        {explained.map((challenge, index) => (
          <li key={index}>
            <strong>
              {challenge.scheme}
              {challenge.error === undefined ? '' : ` error="${challenge.error}"`}
            </strong>
            : {challenge.meaning} ({challenge.spec})
            {challenge.said.length > 0 && (
              <dl>
                {challenge.said.map(([name, value]) => (
                  <div key={name}>
                    <dt>
                      <code>{name}</code>
                    </dt>
                    <dd>
                      <code>{value}</code>
                    </dd>
                  </div>
                ))}
              </dl>
            )}
          </li>
        ))}
      </ul>
    </div>
  )
}

/** The request as curl, with the token masked until revealed, as in the timeline. */
function CurlFor({ response, accessToken }: { response: ResourceResponse; accessToken: string }) {
  const [revealed, setRevealed] = useState(false)
  const { sent } = response
  if (response.scheme === 'DPoP') {
    return (
      <div className="api-calls__curl">
        <h3>As curl</h3>
        <p>
          Not offered as curl: a DPoP-bound token needs a new proof for every request, signed by
          this page&rsquo;s key, which cannot leave the page (RFC 9449 §4, §11.1). The proof this
          request carried is shown, decoded, in the timeline.
        </p>
      </div>
    )
  }
  const curl = curlCommand(
    {
      method: sent.method,
      url: sent.url,
      requestHeaders: [...sent.headers, ['authorization', `Bearer ${accessToken}`]],
      ...(sent.body === undefined ? {} : { requestBody: sent.body }),
      startedAt: 0,
      durationMs: 0,
    },
    (text) => maskSecrets(text, [accessToken], revealed),
  )
  return (
    <div className="api-calls__curl">
      <h3>As curl</h3>
      {curl.ok ? (
        <>
          <pre className="api-calls__body">
            <code>{curl.command}</code>
          </pre>
          <p>
            <button
              type="button"
              aria-pressed={revealed}
              onClick={() => {
                setRevealed(!revealed)
              }}
            >
              Reveal the token
            </button>{' '}
            <CopyButton text={curl.command} label="Copy as curl" />
          </p>
          {!revealed && (
            <p className="api-calls__note">
              The access token is masked, in the copied command too, until you reveal it.
            </p>
          )}
        </>
      ) : (
        <p>Not offered as curl: {curl.reason}</p>
      )}
    </div>
  )
}
