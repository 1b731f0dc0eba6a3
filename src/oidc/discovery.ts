/**
 * Discovery: turns an issuer into validated provider metadata (OpenID Connect Discovery 1.0 §4,
 * RFC 8414 §3). Refuses metadata the rest of the flow could not use safely, before any redirect.
 */
import * as oauth from 'oauth4webapi'

import { isAllowedEndpointUrl, requestOptions } from './http'
import type { HttpOptions } from './http'
import { OidcError } from './oidc-error'
import { toOidcError } from './translate-error'

/** Provider metadata exactly as discovered (wire names, e.g. `token_endpoint`). */
export type ProviderMetadata = oauth.AuthorizationServer

/** Endpoints this app requests or navigates to; every one must be https, or http on loopback. */
export const ENDPOINT_FIELDS = [
  'authorization_endpoint',
  'token_endpoint',
  'userinfo_endpoint',
  'jwks_uri',
  'revocation_endpoint',
  'end_session_endpoint',
] as const
export type EndpointField = (typeof ENDPOINT_FIELDS)[number]

/**
 * The issuer identifier must be an https URL without query or fragment (OpenID Connect Discovery §2,
 * RFC 8414 §2); plain http is accepted for loopback development providers only.
 */
export function parseIssuer(issuer: string): URL {
  const text = issuer.trim()
  const placeholder = /\{[^}]*\}/.exec(text)
  if (placeholder) {
    throw new OidcError('invalid_settings', 'settings', `Replace ${placeholder[0]} in the issuer`, {
      check: 'issuer',
    })
  }
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new OidcError('invalid_settings', 'settings', `"${text}" is not a URL`, {
      check: 'issuer',
    })
  }
  if (!isAllowedEndpointUrl(url)) {
    throw new OidcError(
      'invalid_settings',
      'settings',
      `The issuer must use https (plain http is allowed only on localhost or 127.0.0.1): ${text}`,
      { check: 'issuer' },
    )
  }
  if (url.search || url.hash) {
    throw new OidcError(
      'invalid_settings',
      'settings',
      'The issuer must not have a query or fragment',
      {
        check: 'issuer',
      },
    )
  }
  return url
}

/** The well-known URL discovery fetches for an issuer (OpenID Connect Discovery §4). */
export function discoveryUrl(issuer: URL): string {
  return `${issuer.href.replace(/\/$/, '')}/.well-known/openid-configuration`
}

function assertUsable(metadata: ProviderMetadata, url: string): void {
  for (const field of ENDPOINT_FIELDS) {
    const value = metadata[field]
    if (value === undefined) continue
    let endpoint: URL | undefined
    try {
      endpoint = typeof value === 'string' ? new URL(value) : undefined
    } catch {
      endpoint = undefined
    }
    if (!endpoint || !isAllowedEndpointUrl(endpoint)) {
      throw new OidcError(
        'unsafe_endpoint',
        'discovery',
        `"${field}" is ${JSON.stringify(value)}: this app only requests or navigates to https URLs (http only on loopback)`,
        { check: field, url },
      )
    }
  }
  for (const field of ['authorization_endpoint', 'token_endpoint'] as const) {
    if (metadata[field] === undefined) {
      throw new OidcError('discovery_failed', 'discovery', `The metadata has no "${field}"`, {
        check: field,
        url,
      })
    }
  }
}

/**
 * The algorithm pinned for ID tokens. oauth4webapi otherwise accepts whatever the metadata lists, which
 * may include `none` or HS256: a browser client holds no key to check an HMAC and must never accept an
 * unsigned token (OpenID Connect Core §3.1.3.7 items 6–8). RS256 is the default every provider must
 * support (OpenID Connect Discovery §3, `id_token_signing_alg_values_supported`).
 */
export function pinIdTokenAlg(metadata: ProviderMetadata): string {
  const offered = metadata.id_token_signing_alg_values_supported
  if (!offered || offered.includes('RS256')) return 'RS256'
  const asymmetric = offered.find((alg) => /^(RS|PS|ES)\d{3}$|^EdDSA$|^Ed25519$/.test(alg))
  if (!asymmetric) {
    throw new OidcError(
      'unsupported_id_token_alg',
      'discovery',
      `The provider signs ID tokens only with ${offered.join(', ')}`,
      { check: 'id_token_signing_alg_values_supported' },
    )
  }
  return asymmetric
}

/** Fetches and validates the provider metadata for `issuer`. */
export async function discoverProvider(
  issuer: string,
  http: HttpOptions,
): Promise<ProviderMetadata> {
  const issuerUrl = parseIssuer(issuer)
  const url = discoveryUrl(issuerUrl)
  try {
    const response = await oauth.discoveryRequest(
      issuerUrl,
      requestOptions('discovery', issuerUrl, http),
    )
    const metadata = await oauth.processDiscoveryResponse(issuerUrl, response)
    assertUsable(metadata, url)
    pinIdTokenAlg(metadata)
    return metadata
  } catch (error) {
    throw toOidcError(error, 'discovery', { url })
  }
}
