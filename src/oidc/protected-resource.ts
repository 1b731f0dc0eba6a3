/**
 * A request to any API with the access token as a Bearer header (RFC 6750 §2.1), or as a DPoP header
 * with a proof of the session's key (RFC 9449 §7.1) for a DPoP-bound token: any method, URL,
 * headers and a JSON or form body, reported as it came back (status, the headers the browser lets the
 * page read, the body) with the WWW-Authenticate challenges parsed (RFC 6750 §3, RFC 9110 §11.6.1).
 * Only a request that fails without a status is an error here; a request this app will not send
 * (the token in its URL, a header the app sets itself) is refused before it leaves.
 */
import * as oauth from 'oauth4webapi'

import { dpopOption, withDpopNonce } from './dpop'
import type { DpopKey } from './dpop'
import { isAllowedEndpointUrl, requestOptions } from './http'
import type { HttpOptions } from './http'
import { OidcError } from './oidc-error'

/** The methods the console offers; CONNECT, TRACE and TRACK are forbidden by Fetch (§2.2.1). */
export const RESOURCE_METHODS = [
  'GET',
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
  'HEAD',
  'OPTIONS',
] as const
export type ResourceMethod = (typeof RESOURCE_METHODS)[number]

export type ResourceBodyType = 'json' | 'form'

export interface ResourceRequest {
  method: ResourceMethod
  url: string
  /** Headers the user adds; the app sets Authorization itself. */
  headers: readonly (readonly [string, string])[]
  body?: { type: ResourceBodyType; text: string }
  /**
   * Sends a DPoP-bound token as Bearer, without a proof, to see the API refuse it (RFC 9449 §7.2).
   * Without it a DPoP-bound token always goes with a proof.
   */
  withoutProof?: boolean
}

/** One WWW-Authenticate challenge, as oauth4webapi parsed it (scheme lowercased). */
export interface ResourceChallenge {
  scheme: string
  parameters: Record<string, string>
}

export interface ResourceResponse {
  /** What was sent, without the token: to show and to copy as curl. */
  sent: { method: ResourceMethod; url: string; headers: [string, string][]; body?: string }
  /** The Authorization scheme the token went with. */
  scheme: 'Bearer' | 'DPoP'
  url: string
  status: number
  statusText: string
  /** Cross-origin, only CORS-safelisted and exposed headers are readable (Fetch Standard §3.2.6). */
  headers: [string, string][]
  /** Parsed from WWW-Authenticate, when the page may read it; empty otherwise. */
  challenges: ResourceChallenge[]
  body: string
  bodyTruncated: boolean
}

const MAX_BODY_CHARS = 100_000

// RFC 9110 §5.1: a field name is a token.
const FIELD_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/

/** Headers this app sets itself: the credential and the proof that goes with it. */
const APP_HEADERS = new Set(['authorization', 'dpop'])

const CONTENT_TYPES: Record<ResourceBodyType, string> = {
  json: 'application/json',
  form: 'application/x-www-form-urlencoded',
}

function refuse(message: string, check: string): OidcError {
  return new OidcError('invalid_settings', 'resource-request', message, { check })
}

/** The request as it will be sent, or why it will not be. */
function prepare(
  request: ResourceRequest,
  accessToken: string,
): { target: URL; headers: Headers; body: string | null } {
  let target: URL
  try {
    target = new URL(request.url.trim())
  } catch {
    throw refuse(`"${request.url}" is not a URL`, 'url')
  }
  // A bearer token over plain http to another machine can be read on the way (RFC 6750 §5.3).
  if (!isAllowedEndpointUrl(target)) {
    throw new OidcError(
      'unsafe_endpoint',
      'resource-request',
      'The access token is only sent over https (or http to localhost)',
      { check: 'url', url: target.href },
    )
  }
  // RFC 6750 §2.3 and RFC 9700 §4.3.2: a token in a URL lands in logs, history and Referer headers.
  if (accessToken !== '' && decodeURIComponent(target.href).includes(accessToken)) {
    throw refuse(
      'The URL holds the access token: a token in a URL ends up in logs, the history and Referer headers (RFC 6750 §2.3). Remove it; PKCE Lab sends it in the Authorization header',
      'url',
    )
  }
  const headers = new Headers()
  for (const [rawName, value] of request.headers) {
    const name = rawName.trim()
    if (name === '') continue
    if (!FIELD_NAME.test(name)) throw refuse(`"${name}" is not a header name (RFC 9110 §5.1)`, name)
    if (APP_HEADERS.has(name.toLowerCase())) {
      throw refuse(`The ${name} header is set by PKCE Lab itself, from the access token`, name)
    }
    if (/[\r\n\0]/.test(value)) throw refuse(`The ${name} header's value holds a line break`, name)
    headers.append(name, value)
  }
  const body = request.body
  if (body === undefined || body.text === '') return { target, headers, body: null }
  if (request.method === 'GET' || request.method === 'HEAD') {
    throw refuse(`A ${request.method} request has no body (Fetch refuses one)`, 'body')
  }
  if (body.type === 'json') {
    try {
      JSON.parse(body.text)
    } catch (error) {
      throw refuse(
        `The body is not JSON: ${error instanceof Error ? error.message : String(error)}`,
        'body',
      )
    }
  }
  if (!headers.has('content-type')) headers.set('content-type', CONTENT_TYPES[body.type])
  return { target, headers, body: body.text }
}

export async function callProtectedResource(input: {
  request: ResourceRequest
  accessToken: string
  http: HttpOptions
  /** The key a DPoP-bound token is bound to: a proof of it goes with the request (RFC 9449 §7.1). */
  dpop?: DpopKey
}): Promise<ResourceResponse> {
  const { request, accessToken, dpop } = input
  const { target, headers, body } = prepare(request, accessToken)
  const sent = {
    method: request.method,
    url: target.href,
    headers: [...headers.entries()],
    ...(body === null ? {} : { body }),
  }
  let response: Response
  let challenges: ResourceChallenge[] = []
  try {
    // Asked for a nonce (RFC 9449 §9), the request goes once more, its new proof carrying it.
    response = await withDpopNonce(dpop, () =>
      oauth.protectedResourceRequest(accessToken, request.method, target, headers, body, {
        ...requestOptions('resource-request', target, input.http),
        ...dpopOption(dpop),
      }),
    )
  } catch (error) {
    // The answer came with a WWW-Authenticate the page could read: an answer, with its challenges.
    if (error instanceof oauth.WWWAuthenticateChallengeError) {
      response = error.response
      challenges = error.cause.map(({ scheme, parameters }) => ({
        scheme,
        parameters: Object.fromEntries(
          Object.entries(parameters).filter(
            (entry): entry is [string, string] => typeof entry[1] === 'string',
          ),
        ),
      }))
    } else {
      throw error
    }
  }
  const text = await response.text()
  return {
    sent,
    scheme: dpop === undefined ? 'Bearer' : 'DPoP',
    url: target.href,
    status: response.status,
    statusText: response.statusText,
    headers: [...response.headers.entries()],
    challenges,
    body: text.slice(0, MAX_BODY_CHARS),
    bodyTruncated: text.length > MAX_BODY_CHARS,
  }
}
