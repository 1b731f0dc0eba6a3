/**
 * A GET to any API with the access token as a Bearer header (RFC 6750 §2.1), reported as it came back:
 * status, the headers the browser lets the page read, and the body. Only a request that fails without
 * a status is an error here.
 */
import * as oauth from 'oauth4webapi'

import { isAllowedEndpointUrl, requestOptions } from './http'
import type { HttpOptions } from './http'
import { OidcError } from './oidc-error'

export interface ResourceResponse {
  url: string
  status: number
  statusText: string
  /** Cross-origin, only CORS-safelisted and exposed headers are readable (Fetch Standard §3.2.6). */
  headers: [string, string][]
  body: string
  bodyTruncated: boolean
}

const MAX_BODY_CHARS = 100_000

export async function getProtectedResource(input: {
  url: string
  accessToken: string
  http: HttpOptions
}): Promise<ResourceResponse> {
  let target: URL
  try {
    target = new URL(input.url)
  } catch {
    throw new OidcError('invalid_settings', 'resource-request', `"${input.url}" is not a URL`, {
      check: 'url',
    })
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
  let response: Response
  try {
    response = await oauth.protectedResourceRequest(
      input.accessToken,
      'GET',
      target,
      new Headers(),
      null,
      requestOptions('resource-request', target, input.http),
    )
  } catch (error) {
    if (error instanceof oauth.WWWAuthenticateChallengeError) {
      response = error.response
    } else {
      throw error
    }
  }
  const text = await response.text()
  return {
    url: target.href,
    status: response.status,
    statusText: response.statusText,
    headers: [...response.headers.entries()],
    body: text.slice(0, MAX_BODY_CHARS),
    bodyTruncated: text.length > MAX_BODY_CHARS,
  }
}
