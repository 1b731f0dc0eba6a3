/**
 * The token endpoint (RFC 6749 §3.2): exchanges the authorization code with the PKCE verifier and
 * validates the response, including the ID token checks of OpenID Connect Core §3.1.3.7.
 */
import * as oauth from 'oauth4webapi'

import type { PendingAuthorization } from './authorization-request'
import { scopeIncludesOpenId } from './authorization-request'
import { clientAuth, oauthClient } from './client-context'
import type { ClientContext } from './client-context'
import type { ProviderMetadata } from './discovery'
import { dpopOption, withDpopNonce } from './dpop'
import type { DpopKey } from './dpop'
import type { JwksSnapshot } from './jwks'
import { requestOptions } from './http'
import type { HttpOptions } from './http'
import { OidcError } from './oidc-error'
import type { OidcStep } from './oidc-error'
import type { TokenSet } from './token-set'
import { toOidcError } from './translate-error'

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
 * nbf and sub. The signature is checked with the provider keys fetched before the redirect, when
 * there are any; without them the token still came straight from the token endpoint over TLS, which
 * OIDC Core §3.1.3.7 item 6 accepts, and the UI says the signature was not checked.
 */
export async function exchangeAuthorizationCode(input: {
  pending: PendingAuthorization
  parameters: URLSearchParams
  clientSecret: string | undefined
  http: HttpOptions
  nowSeconds: number
  /** Sends no code_verifier: only "Check this provider" does, to see whether PKCE is required. */
  withoutVerifier?: boolean
  /** Signs a DPoP proof for the request (RFC 9449 §5), so the tokens are bound to this key. */
  dpop?: DpopKey
}): Promise<TokenSet> {
  const { pending, parameters, http, dpop } = input
  const client = oauthClient(pending)
  const auth = clientAuth(pending.clientAuthentication, input.clientSecret, 'token-request')
  const issuer = new URL(pending.issuer)
  const url = pending.metadata.token_endpoint
  const openid = scopeIncludesOpenId(pending.scope)
  try {
    // The request and the reading of its answer, once more when the provider asks for a DPoP nonce.
    const { response, result } = await withDpopNonce(dpop, async () => {
      const answer = await oauth.authorizationCodeGrantRequest(
        pending.metadata,
        client,
        auth,
        parameters,
        pending.redirectUri,
        // eslint-disable-next-line @typescript-eslint/no-deprecated -- the provider check's PKCE probe only: it asks whether the provider refuses a code without its verifier
        input.withoutVerifier === true ? oauth.nopkce : pending.codeVerifier,
        {
          ...requestOptions('token-request', issuer, http),
          ...dpopOption(dpop),
        },
      )
      return {
        response: answer,
        result: await oauth.processAuthorizationCodeResponse(pending.metadata, client, answer, {
          ...(openid ? { expectedNonce: pending.nonce, requireIdToken: true } : {}),
          ...(pending.maxAge === undefined ? {} : { maxAge: pending.maxAge }),
        }),
      }
    })
    const verified = await verifyIdTokenSignature(
      pending.metadata,
      response,
      result,
      pending.jwks,
      http,
    )
    return {
      ...tokenSetFrom(result, input.nowSeconds, oauth.getValidatedIdTokenClaims(result)),
      requestedScope: pending.scope,
      ...(verified ? { idTokenSignatureVerified: true } : {}),
    }
  } catch (error) {
    throw toOidcError(error, 'token-request', { url })
  }
}

/**
 * Checks the ID token's signature against the provider's published keys, after its claims passed.
 * OIDC Core §3.1.3.7 item 6 lets a client skip this for a token straight from the token endpoint over
 * TLS; this app checks anyway when it has the keys, because it teaches what a signature proves. The
 * keys were fetched before the redirect, so this costs no round trip unless the key id is unknown.
 */
async function verifyIdTokenSignature(
  metadata: ProviderMetadata,
  response: Response,
  result: oauth.TokenEndpointResponse,
  jwks: JwksSnapshot | undefined,
  http: HttpOptions,
): Promise<boolean> {
  if (result.id_token === undefined || jwks === undefined) return false
  await oauth.validateApplicationLevelSignature(metadata, response, {
    ...requestOptions('jwks', new URL(metadata.issuer), http),
    [oauth.jwksCache]: jwks,
  })
  return true
}

/** Claims a refreshed ID token must keep (OpenID Connect Core §12.2). */
const STABLE_CLAIMS = ['iss', 'sub', 'aud'] as const

function sameClaim(a: unknown, b: unknown): boolean {
  const normalise = (value: unknown) =>
    JSON.stringify(Array.isArray(value) ? [...(value as unknown[])].map(String).sort() : value)
  return normalise(a) === normalise(b)
}

/**
 * A refreshed ID token must be about the same user, from the same issuer, for the same client as the
 * first one, and carry the original nonce if it carries one (OIDC Core §12.2). oauth4webapi validates
 * the token on its own but cannot compare it with the first; this does.
 */
export function assertSameIdentity(
  first: Readonly<Record<string, unknown>> | undefined,
  next: Readonly<Record<string, unknown>> | undefined,
  step: OidcStep = 'refresh',
  { compareNonce = true }: { compareNonce?: boolean } = {},
): void {
  if (!first || !next) return
  for (const claim of STABLE_CLAIMS) {
    if (!sameClaim(first[claim], next[claim])) {
      throw new OidcError(
        'id_token_changed',
        step,
        // The values stay out: the rejected token's claims are neither shown nor kept.
        `The refreshed ID token has another "${claim}" than the first one`,
        { check: claim },
      )
    }
  }
  if (compareNonce && next.nonce !== undefined && next.nonce !== first.nonce) {
    throw new OidcError('id_token_changed', step, 'The refreshed ID token has another nonce', {
      check: 'nonce',
    })
  }
}

/**
 * The refresh_token grant (RFC 6749 §6). Keeps the newest refresh token, and the old one only when none
 * came back (RFC 9700 §4.14.2: rotation); keeps the old ID token when no new one came (OIDC Core §12.2).
 */
export async function refreshTokens(input: {
  client: ClientContext
  clientSecret: string | undefined
  previous: TokenSet
  http: HttpOptions
  nowSeconds: number
}): Promise<TokenSet> {
  const { client: context, previous, http } = input
  const refreshToken = previous.refresh_token
  if (refreshToken === undefined) {
    throw new OidcError('invalid_settings', 'refresh', 'There is no refresh token to use', {
      check: 'refresh_token',
    })
  }
  const client = oauthClient(context)
  const auth = clientAuth(context.clientAuthentication, input.clientSecret, 'refresh')
  const url = context.metadata.token_endpoint
  const dpop = context.dpop
  try {
    // With the session's DPoP key: a public client's refresh token is bound to it (RFC 9449 §5).
    const { response, result } = await withDpopNonce(dpop, async () => {
      const answer = await oauth.refreshTokenGrantRequest(
        context.metadata,
        client,
        auth,
        refreshToken,
        {
          ...requestOptions('refresh', new URL(context.metadata.issuer), http),
          ...dpopOption(dpop),
        },
      )
      return {
        response: answer,
        result: await oauth.processRefreshTokenResponse(context.metadata, client, answer),
      }
    })
    const claims = oauth.getValidatedIdTokenClaims(result)
    assertSameIdentity(previous.idTokenClaims, claims)
    const verified = await verifyIdTokenSignature(
      context.metadata,
      response,
      result,
      context.jwks,
      http,
    )
    const fresh = {
      ...tokenSetFrom(result, input.nowSeconds, claims),
      ...(verified ? { idTokenSignatureVerified: true } : {}),
    }
    return {
      ...fresh,
      refresh_token: fresh.refresh_token ?? refreshToken,
      ...(fresh.id_token === undefined && previous.id_token !== undefined
        ? { id_token: previous.id_token }
        : {}),
      ...(claims === undefined && previous.idTokenClaims !== undefined
        ? { idTokenClaims: previous.idTokenClaims }
        : {}),
      ...(fresh.scope === undefined && previous.scope !== undefined
        ? { scope: previous.scope }
        : {}),
      ...(previous.requestedScope === undefined ? {} : { requestedScope: previous.requestedScope }),
    }
  } catch (error) {
    throw toOidcError(error, 'refresh', { url })
  }
}
