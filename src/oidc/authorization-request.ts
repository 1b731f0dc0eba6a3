/**
 * The authorization request (RFC 6749 §4.1.1 with PKCE, RFC 7636 §4): builds the URL the browser is sent
 * to, and the pending authorization that must survive the redirect. It does not store or navigate.
 */
import * as oauth from 'oauth4webapi'

import { pinIdTokenAlg } from './discovery'
import type { ProviderMetadata } from './discovery'
import type { JwksSnapshot } from './jwks'
import { isAllowedEndpointUrl } from './http'
import { OidcError } from './oidc-error'

export type ClientAuthentication = 'none' | 'client_secret_post'

/**
 * What this tab must remember across the redirect, and nothing more: no token, no secret. The metadata
 * travels with it so that the callback validates against the provider that started the flow (mix-up
 * defence, RFC 9700 §4.4) and needs no second discovery round trip.
 */
export interface PendingAuthorization {
  issuer: string
  metadata: ProviderMetadata
  clientId: string
  redirectUri: string
  scope: string
  state: string
  nonce: string
  codeVerifier: string
  idTokenAlg: string
  clientAuthentication: ClientAuthentication
  /** Sent as `max_age`; the ID token's `auth_time` is then checked against it (OIDC Core §3.1.2.1). */
  maxAge?: number
  /** The extra parameters sent, so a silent renewal can ask for the same thing. */
  extraParams: readonly (readonly [string, string])[]
  /** prompt=none: a failure means "interactive sign-in needed", not a broken setup. */
  silent: boolean
  /** The request was pushed (RFC 9126), so a silent renewal pushes its own too. */
  pushedAuthorization?: true
  /**
   * The code is to be exchanged with a DPoP proof (RFC 9449 §5). Only this flag crosses the redirect:
   * the key is made at the callback, in memory, and a non-extractable key cannot be stored anyway.
   */
  dpopRequested?: true
  /**
   * The provider's public keys, fetched before the redirect, so the ID token's signature is checked
   * at the callback without another round trip. Absent when they could not be fetched.
   */
  jwks?: JwksSnapshot
  /** Why there are no keys, when there are none: the signature will be reported as not checked. */
  jwksUnavailable?: string
  /** Epoch seconds. */
  createdAt: number
}

export interface AuthorizationRequestInput {
  metadata: ProviderMetadata
  clientId: string
  redirectUri: string
  scope: string
  extraParams: readonly (readonly [string, string])[]
  clientAuthentication: ClientAuthentication
  nowSeconds: number
  jwks?: JwksSnapshot
  jwksUnavailable?: string
}

/** Parameters the flow sets itself; letting an extra parameter override them would break its checks. */
export const RESERVED_PARAMETERS = new Set([
  'response_type',
  'client_id',
  'redirect_uri',
  'scope',
  'state',
  'nonce',
  'code_challenge',
  'code_challenge_method',
  'response_mode',
  'request',
  'request_uri',
])

export function scopeIncludesOpenId(scope: string): boolean {
  return scope.split(' ').includes('openid')
}

function normaliseScope(scope: string): string {
  return scope.split(/\s+/).filter(Boolean).join(' ')
}

function parseMaxAge(value: string): number {
  const maxAge = Number(value)
  if (!Number.isInteger(maxAge) || maxAge < 0) {
    throw new OidcError(
      'invalid_settings',
      'settings',
      `max_age must be a whole number of seconds`,
      {
        check: 'max_age',
      },
    )
  }
  return maxAge
}

/**
 * Creates a fresh authorization request: a new code_verifier with its S256 challenge (never `plain`,
 * RFC 7636 §4.2), a new state (RFC 6749 §10.12) and a new nonce (OIDC Core §3.1.2.1), all from
 * oauth4webapi's CSPRNG helpers.
 */
export async function createAuthorizationRequest(
  input: AuthorizationRequestInput,
): Promise<{ url: URL; pending: PendingAuthorization }> {
  const clientId = input.clientId.trim()
  if (!clientId) {
    throw new OidcError('invalid_settings', 'settings', 'client_id is empty', {
      check: 'client_id',
    })
  }
  const scope = normaliseScope(input.scope)
  let maxAge: number | undefined
  for (const [name, value] of input.extraParams) {
    if (RESERVED_PARAMETERS.has(name)) {
      throw new OidcError(
        'invalid_settings',
        'settings',
        `"${name}" is set by the flow itself and cannot be an extra parameter`,
        { check: name },
      )
    }
    if (name === 'max_age') maxAge = parseMaxAge(value)
  }

  const endpoint = input.metadata.authorization_endpoint
  const url = endpoint === undefined ? undefined : new URL(endpoint)
  // Discovery checked this already; the check is repeated where the navigation URL is built because
  // oauth4webapi never touches it (RFC 9700 §2.6).
  if (!url || !isAllowedEndpointUrl(url)) {
    throw new OidcError(
      'unsafe_endpoint',
      'authorization-request',
      'No usable authorization_endpoint',
      {
        check: 'authorization_endpoint',
      },
    )
  }

  const codeVerifier = oauth.generateRandomCodeVerifier()
  const codeChallenge = await oauth.calculatePKCECodeChallenge(codeVerifier)
  const state = oauth.generateRandomState()
  const nonce = oauth.generateRandomNonce()

  url.searchParams.set('response_type', 'code')
  url.searchParams.set('client_id', clientId)
  url.searchParams.set('redirect_uri', input.redirectUri)
  if (scope) url.searchParams.set('scope', scope)
  url.searchParams.set('state', state)
  url.searchParams.set('nonce', nonce)
  url.searchParams.set('code_challenge', codeChallenge)
  url.searchParams.set('code_challenge_method', 'S256')
  for (const [name, value] of input.extraParams) url.searchParams.append(name, value)

  return {
    url,
    pending: {
      issuer: input.metadata.issuer,
      metadata: input.metadata,
      clientId,
      redirectUri: input.redirectUri,
      scope,
      state,
      nonce,
      codeVerifier,
      idTokenAlg: pinIdTokenAlg(input.metadata),
      clientAuthentication: input.clientAuthentication,
      ...(maxAge === undefined ? {} : { maxAge }),
      extraParams: input.extraParams,
      silent: input.extraParams.some(([name, value]) => name === 'prompt' && value === 'none'),
      ...(input.jwks === undefined ? {} : { jwks: input.jwks }),
      ...(input.jwksUnavailable === undefined ? {} : { jwksUnavailable: input.jwksUnavailable }),
      createdAt: input.nowSeconds,
    },
  }
}
