/**
 * The token endpoint (RFC 6749 §3.2): exchanges the authorization code with the PKCE verifier and
 * validates the response, including the ID token checks of OpenID Connect Core §3.1.3.7.
 */
import * as oauth from 'oauth4webapi'

import type { ClientAuthentication, PendingAuthorization } from './authorization-request'
import { scopeIncludesOpenId } from './authorization-request'
import { requestOptions } from './http'
import type { HttpOptions } from './http'
import { OidcError } from './oidc-error'
import type { TokenSet } from './token-set'
import { toOidcError } from './translate-error'

/**
 * The client secret, when there is one, goes in the POST body (RFC 6749 §2.3.1). HTTP Basic would add an
 * Authorization header, which turns the request into a CORS preflight many providers do not answer.
 */
export function clientAuth(
  method: ClientAuthentication,
  clientSecret: string | undefined,
): oauth.ClientAuth {
  if (method === 'none') return oauth.None()
  if (!clientSecret) {
    throw new OidcError(
      'invalid_settings',
      'token-request',
      'This client needs its client secret',
      {
        check: 'client_secret',
      },
    )
  }
  return oauth.ClientSecretPost(clientSecret)
}

function tokenSetFrom(
  response: oauth.TokenEndpointResponse,
  nowSeconds: number,
  claims: Readonly<Record<string, unknown>> | undefined,
): TokenSet {
  return {
    access_token: response.access_token,
    token_type: response.token_type,
    ...(response.expires_in === undefined
      ? {}
      : {
          expires_in: response.expires_in,
          accessTokenExpiresAt: nowSeconds + response.expires_in,
        }),
    ...(response.scope === undefined ? {} : { scope: response.scope }),
    ...(response.refresh_token === undefined ? {} : { refresh_token: response.refresh_token }),
    ...(response.id_token === undefined ? {} : { id_token: response.id_token }),
    receivedAt: nowSeconds,
    ...(claims === undefined ? {} : { idTokenClaims: claims }),
  }
}

/**
 * Exchanges the code. The ID token is required when `openid` was asked for, its nonce must be the one
 * sent, and its `alg` is pinned (see pinIdTokenAlg); oauth4webapi then checks iss, aud, azp, exp, iat,
 * nbf and sub. The signature is not checked here: the token came straight from the token endpoint over
 * TLS, which OIDC Core §3.1.3.7 item 6 accepts, and the UI says so.
 */
export async function exchangeAuthorizationCode(input: {
  pending: PendingAuthorization
  parameters: URLSearchParams
  clientSecret: string | undefined
  http: HttpOptions
  nowSeconds: number
}): Promise<TokenSet> {
  const { pending, parameters, http } = input
  const client: oauth.Client = {
    client_id: pending.clientId,
    id_token_signed_response_alg: pending.idTokenAlg,
  }
  const auth = clientAuth(pending.clientAuthentication, input.clientSecret)
  const issuer = new URL(pending.issuer)
  const url = pending.metadata.token_endpoint
  let response: Response
  try {
    response = await oauth.authorizationCodeGrantRequest(
      pending.metadata,
      client,
      auth,
      parameters,
      pending.redirectUri,
      pending.codeVerifier,
      requestOptions('token-request', issuer, http),
    )
  } catch (error) {
    throw toOidcError(error, 'token-request', { url })
  }
  const openid = scopeIncludesOpenId(pending.scope)
  try {
    const result = await oauth.processAuthorizationCodeResponse(
      pending.metadata,
      client,
      response,
      {
        ...(openid ? { expectedNonce: pending.nonce, requireIdToken: true } : {}),
        ...(pending.maxAge === undefined ? {} : { maxAge: pending.maxAge }),
      },
    )
    return tokenSetFrom(result, input.nowSeconds, oauth.getValidatedIdTokenClaims(result))
  } catch (error) {
    throw toOidcError(error, 'token-request', { url })
  }
}
