/**
 * RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0 §2): the URL to send the browser to so
 * that the provider ends its own session. Built here because oauth4webapi never navigates; checked
 * like every URL this app navigates to (RFC 9700 §2.6).
 */
import * as oauth from 'oauth4webapi'

import type { ProviderMetadata } from './discovery'
import { isAllowedEndpointUrl } from './http'
import { OidcError } from './oidc-error'

/**
 * Returns undefined when the provider has no end_session_endpoint (Google, GitHub). The client is
 * named by `client_id`, which RP-Initiated Logout §2 accepts in place of `id_token_hint` for checking
 * `post_logout_redirect_uri`: the ID token is never put in this URL, which stays in the browser's
 * history and the provider's logs. (A POST would carry it in a body, but providers need not accept
 * one cross-site: node-oidc-provider allows it only with SameSite=None session cookies.) Providers
 * that demand the hint (Okta) refuse to end their session, and the sign-out report says that it could
 * not be confirmed. The `state` is fresh, so the way back can be told from a forged or stale one
 * (RP-Initiated Logout §2, §3).
 */
export function buildEndSessionUrl(input: {
  metadata: ProviderMetadata
  clientId: string
  postLogoutRedirectUri: string
}): { url: URL; state: string } | undefined {
  const endpoint = input.metadata.end_session_endpoint
  if (endpoint === undefined) return undefined
  let url: URL
  try {
    url = new URL(endpoint)
  } catch {
    url = new URL('invalid:')
  }
  if (!isAllowedEndpointUrl(url)) {
    throw new OidcError('unsafe_endpoint', 'end-session', `end_session_endpoint is ${endpoint}`, {
      check: 'end_session_endpoint',
    })
  }
  url.searchParams.set('client_id', input.clientId)
  url.searchParams.set('post_logout_redirect_uri', input.postLogoutRedirectUri)
  const state = oauth.generateRandomState()
  url.searchParams.set('state', state)
  return { url, state }
}
