import type { KoaContext, Middleware, errors } from 'oidc-provider'

// OIDC Core §11 asks for a refresh token with the offline_access scope. Google ignores that
// scope: its refresh token comes from access_type=offline, and only when the request also has
// prompt=consent. oidc-provider issues a refresh token only for a granted offline_access scope,
// and grants that scope only with prompt=consent, so translating access_type into
// offline_access yields exactly Google's rule.
const OFFLINE_ACCESS = 'offline_access'

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function scopeFromAccessType(scope: string | undefined, accessType: string | undefined) {
  const scopes = (scope ?? '')
    .split(' ')
    .filter((value) => value !== '' && value !== OFFLINE_ACCESS)
  if (accessType === 'offline') scopes.push(OFFLINE_ACCESS)
  return scopes.length > 0 ? scopes.join(' ') : undefined
}

function rewriteAuthorizationQuery(ctx: KoaContext) {
  const { scope, access_type: accessType } = ctx.query
  // Duplicated parameters are left alone: the provider rejects them (RFC 6749 §3.1).
  if (Array.isArray(scope) || Array.isArray(accessType)) return
  const query = { ...ctx.query }
  const rewritten = scopeFromAccessType(scope, accessType)
  if (rewritten === undefined) delete query.scope
  else query.scope = rewritten
  ctx.query = query
}

// Google answers a token request from a web client without its secret with HTTP 400 and this
// body, even when the request carries a PKCE code_verifier. oidc-provider's own answer is a 401
// invalid_client "client authentication failed", which hides what is missing.
function reportMissingSecret(ctx: KoaContext, clientId: string) {
  const params = ctx.oidc?.params
  if (
    ctx.status === 401 &&
    isRecord(ctx.body) &&
    ctx.body.error === 'invalid_client' &&
    params?.client_id === clientId &&
    params.client_secret === undefined &&
    ctx.get('authorization') === ''
  ) {
    ctx.status = 400
    ctx.body = { error: 'invalid_request', error_description: 'client_secret is missing.' }
  }
}

function withoutOfflineAccess(scope: string): string {
  return scope
    .split(' ')
    .filter((value) => value !== OFFLINE_ACCESS)
    .join(' ')
}

// offline_access only exists inside this provider, so the token response does not show it.
// RFC 6749 §6 lets the server issue a new refresh token on refresh; Google does not, and leaves
// refresh_token out of the response, so the client keeps the one it has.
function shapeTokenResponse(ctx: KoaContext) {
  if (ctx.status !== 200 || !isRecord(ctx.body)) return
  const body = { ...ctx.body }
  if (typeof body.scope === 'string') body.scope = withoutOfflineAccess(body.scope)
  if (body.refresh_token === ctx.oidc?.params?.refresh_token) delete body.refresh_token
  ctx.body = body
}

// Nor does discovery advertise offline_access.
function shapeDiscovery(ctx: KoaContext) {
  if (ctx.status !== 200 || !isRecord(ctx.body) || !Array.isArray(ctx.body.scopes_supported)) {
    return
  }
  ctx.body = {
    ...ctx.body,
    scopes_supported: ctx.body.scopes_supported.filter((scope) => scope !== OFFLINE_ACCESS),
  }
}

// authorizationPath is matched before the provider routes the request, when ctx.oidc does not
// exist yet; the responses are matched by the provider's route names afterwards.
export function googleQuirks(authorizationPath: string, clientId: string): Middleware {
  return async (ctx, next) => {
    if (ctx.method === 'GET' && ctx.path === authorizationPath) rewriteAuthorizationQuery(ctx)
    await next()
    switch (ctx.oidc?.route) {
      case 'token':
        reportMissingSecret(ctx, clientId)
        shapeTokenResponse(ctx)
        break
      case 'discovery':
        shapeDiscovery(ctx)
        break
    }
  }
}

// Google accepts only online (the default) and offline, and answers other values with this
// invalid_request.
export function accessTypeValidator(InvalidRequest: (typeof errors)['InvalidRequest']) {
  return (_ctx: KoaContext, value: string | undefined): void => {
    if (value !== undefined && value !== 'online' && value !== 'offline') {
      throw new InvalidRequest(`Invalid parameter value for access_type: '${value}' is not valid`)
    }
  }
}
