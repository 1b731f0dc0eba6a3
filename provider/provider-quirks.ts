/**
 * Behaviour of real providers that node-oidc-provider does not have by default, switched on one by
 * one for the end-to-end tests of what the app says about them. Each is the provider's own answer, as
 * a provider configured that way gives it; nothing here rewrites what the provider signed.
 */
import type { KoaContext, Middleware } from 'oidc-provider'

export interface ProviderQuirks {
  /**
   * Revocation demands client authentication, as some providers do even of public clients (RFC 7009
   * §2.1 does not): a request without an Authorization header gets 401 and an empty body, and the
   * metadata lists client_secret_basic only for revocation.
   */
  revocationRequiresClientAuth?: boolean
  /**
   * prompt=none without id_token_hint is answered invalid_request "id_token mandatory", which OIDC
   * Core §3.1.2.1 lets a provider do.
   */
  promptNoneRequiresIdTokenHint?: boolean
  /** Only openid is granted, whatever else was asked (a client allowed no other scope). */
  grantOpenIdOnly?: boolean
  /** jwks_uri answers without CORS headers, as on Azure AD B2C and ADFS. */
  jwksWithoutCors?: boolean
  /** UserInfo answers without CORS headers, as providers do that expect only servers to call it. */
  userinfoWithoutCors?: boolean
  /** PKCE is optional, as providers that still allow it for older clients have it. */
  pkceNotRequired?: boolean
  /**
   * Refresh tokens are reused, never rotated (as Google's), so a used one is accepted again: there
   * is nothing to detect a reuse by.
   */
  refreshTokenNotRotated?: boolean
  /**
   * Authorization requests must be pushed first (RFC 9126 §5), as the FAPI 2.0 profiles require:
   * the metadata says require_pushed_authorization_requests, and a request in the URL is refused.
   */
  pushedAuthorizationRequired?: boolean
  /**
   * Every DPoP proof must carry a nonce the provider handed out (RFC 9449 §8): a proof without one is
   * answered use_dpop_nonce with a DPoP-Nonce header, which CORS exposes.
   */
  dpopNonceRequired?: boolean
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? undefined : value
}

/** The error redirect RFC 6749 §4.1.2.1 describes, to a redirect URI this provider registered. */
function redirectWithError(
  ctx: KoaContext,
  issuer: string,
  redirectUris: readonly string[],
  description: string,
): boolean {
  const redirectUri = single(ctx.query.redirect_uri)
  if (redirectUri === undefined || !redirectUris.includes(redirectUri)) return false
  const target = new URL(redirectUri)
  target.searchParams.set('error', 'invalid_request')
  target.searchParams.set('error_description', description)
  const state = single(ctx.query.state)
  if (state !== undefined) target.searchParams.set('state', state)
  target.searchParams.set('iss', issuer)
  ctx.redirect(target.href)
  return true
}

export function providerQuirks(options: {
  quirks: ProviderQuirks
  issuer: string
  authorizationPath: string
  revocationPath: string
  redirectUris: readonly string[]
  appOrigins: readonly string[]
}): Middleware {
  const { quirks } = options
  return async (ctx, next) => {
    if (ctx.method === 'GET' && ctx.path === options.authorizationPath) {
      const prompt = (single(ctx.query.prompt) ?? '').split(' ')
      if (
        quirks.promptNoneRequiresIdTokenHint === true &&
        prompt.includes('none') &&
        ctx.query.id_token_hint === undefined &&
        redirectWithError(ctx, options.issuer, options.redirectUris, 'id_token mandatory')
      ) {
        return
      }
      if (quirks.grantOpenIdOnly === true && single(ctx.query.scope) !== undefined) {
        ctx.query = { ...ctx.query, scope: 'openid' }
      }
    }
    if (
      quirks.revocationRequiresClientAuth === true &&
      ctx.method === 'POST' &&
      ctx.path === options.revocationPath &&
      ctx.get('authorization') === ''
    ) {
      // CORS as the provider would send it, so the browser lets the app read the refusal.
      const origin = ctx.get('origin')
      if (options.appOrigins.includes(origin)) ctx.set('access-control-allow-origin', origin)
      ctx.status = 401
      ctx.body = ''
      return
    }
    await next()
    if (
      (quirks.jwksWithoutCors === true && ctx.oidc?.route === 'jwks') ||
      (quirks.userinfoWithoutCors === true && ctx.oidc?.route === 'userinfo')
    ) {
      ctx.remove('access-control-allow-origin')
    }
    if (
      quirks.revocationRequiresClientAuth === true &&
      ctx.oidc?.route === 'discovery' &&
      isRecord(ctx.body)
    ) {
      ctx.body = {
        ...ctx.body,
        revocation_endpoint_auth_methods_supported: ['client_secret_basic'],
      }
    }
  }
}
