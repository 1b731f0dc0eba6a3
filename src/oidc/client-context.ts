/**
 * Who this app is at one provider, once signed in: the metadata, the client_id, how it authenticates at
 * the token endpoint and the ID token algorithm pinned for it. Everything a back-channel call needs
 * except the secret, which is passed separately and only held in memory.
 */
import * as oauth from 'oauth4webapi'

import type { ClientAuthentication } from './authorization-request'
import type { ProviderMetadata } from './discovery'
import type { DpopKey } from './dpop'
import type { JwksSnapshot } from './jwks'
import { OidcError } from './oidc-error'
import type { OidcStep } from './oidc-error'

export interface ClientContext {
  metadata: ProviderMetadata
  clientId: string
  idTokenAlg: string
  clientAuthentication: ClientAuthentication
  /** The provider's public keys, to check refreshed ID tokens' signatures. */
  jwks?: JwksSnapshot
  /** Why there are no keys, when fetching them before the redirect failed. */
  jwksUnavailable?: string
  /** The session's DPoP key (RFC 9449), in memory only, when the sign-in asked for DPoP. */
  dpop?: DpopKey
}

export function oauthClient(context: ClientContext): oauth.Client {
  return { client_id: context.clientId, id_token_signed_response_alg: context.idTokenAlg }
}

/**
 * The client secret, when there is one, goes in the POST body (RFC 6749 §2.3.1). HTTP Basic would add an
 * Authorization header, which turns the request into a CORS preflight many providers do not answer.
 */
export function clientAuth(
  method: ClientAuthentication,
  clientSecret: string | undefined,
  step: OidcStep,
): oauth.ClientAuth {
  if (method === 'none') return oauth.None()
  if (!clientSecret) {
    throw new OidcError('invalid_settings', step, 'This client needs its client secret', {
      check: 'client_secret',
    })
  }
  return oauth.ClientSecretPost(clientSecret)
}
