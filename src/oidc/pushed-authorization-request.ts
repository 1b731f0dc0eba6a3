/**
 * Pushed authorization requests (RFC 9126): the authorization request's parameters go to the provider
 * in a POST from this page, and the browser is sent with only `client_id` and the `request_uri` the
 * provider answered (§4). The parameters then never appear in the address bar, the history, the
 * provider's access logs or a Referer header, and the provider has them, from the client itself,
 * before the user arrives.
 */
import * as oauth from 'oauth4webapi'

import { clientAuth } from './client-context'
import type { ClientAuthentication } from './authorization-request'
import type { ProviderMetadata } from './discovery'
import { isAllowedEndpointUrl, requestOptions } from './http'
import type { HttpOptions } from './http'
import { OidcError } from './oidc-error'
import { toOidcError } from './translate-error'

/** The provider refuses authorization requests that were not pushed (RFC 9126 §5). */
export function pushedAuthorizationRequired(metadata: ProviderMetadata): boolean {
  return metadata.require_pushed_authorization_requests === true
}

/** Whether this sign-in pushes its request: when the user asks, or the provider requires it. */
export function usesPushedAuthorization(metadata: ProviderMetadata, asked: boolean): boolean {
  return asked || pushedAuthorizationRequired(metadata)
}

export interface PushedAuthorization {
  /** Where the browser goes: the authorization endpoint with client_id and request_uri alone. */
  url: URL
  requestUri: string
  /** Seconds the request_uri stays valid (RFC 9126 §2.2). */
  expiresIn: number
}

/**
 * Pushes the parameters of `authorizationUrl` (built by createAuthorizationRequest, PKCE included) to
 * the pushed_authorization_request_endpoint and returns the URL to send the browser to instead.
 */
export async function pushAuthorizationRequest(input: {
  metadata: ProviderMetadata
  authorizationUrl: URL
  clientAuthentication: ClientAuthentication
  clientSecret?: string
  http: HttpOptions
}): Promise<PushedAuthorization> {
  const { metadata, authorizationUrl, http } = input
  const endpoint = metadata.pushed_authorization_request_endpoint
  if (endpoint === undefined) {
    throw new OidcError(
      'invalid_settings',
      'pushed-authorization-request',
      'Pushed authorization requests are turned on, but the provider advertises no pushed_authorization_request_endpoint (RFC 9126 §5): it does not support them. Turn the option off for this provider',
      { check: 'pushed_authorization_request_endpoint' },
    )
  }
  if (!URL.canParse(endpoint) || !isAllowedEndpointUrl(new URL(endpoint))) {
    throw new OidcError(
      'unsafe_endpoint',
      'pushed-authorization-request',
      `"pushed_authorization_request_endpoint" is ${JSON.stringify(endpoint)}: this app only sends requests to https URLs (http only on loopback)`,
      { check: 'pushed_authorization_request_endpoint' },
    )
  }
  const clientId = authorizationUrl.searchParams.get('client_id') ?? ''
  const issuer = new URL(metadata.issuer)
  let pushed: oauth.PushedAuthorizationResponse
  try {
    const response = await oauth.pushedAuthorizationRequest(
      metadata,
      { client_id: clientId },
      clientAuth(input.clientAuthentication, input.clientSecret, 'pushed-authorization-request'),
      new URLSearchParams(authorizationUrl.searchParams),
      requestOptions('pushed-authorization-request', issuer, http),
    )
    pushed = await oauth.processPushedAuthorizationResponse(
      metadata,
      { client_id: clientId },
      response,
    )
  } catch (error) {
    throw toOidcError(error, 'pushed-authorization-request', { url: endpoint })
  }
  const url = new URL(authorizationUrl.origin + authorizationUrl.pathname)
  // RFC 9126 §4: client_id and request_uri, and nothing else the provider must read.
  url.searchParams.set('client_id', clientId)
  url.searchParams.set('request_uri', pushed.request_uri)
  return { url, requestUri: pushed.request_uri, expiresIn: pushed.expires_in }
}
