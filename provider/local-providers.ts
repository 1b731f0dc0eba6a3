import { randomBytes } from 'node:crypto'
import { createServer } from 'node:http'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'

import type {
  BaseToken,
  Client,
  Configuration,
  KoaContext,
  Provider,
  ResourceServer,
  errors,
} from 'oidc-provider'

import { claimsByScope, findAccount } from './accounts.ts'
import {
  API_RESOURCE,
  API_SCOPE,
  GOOGLE_LIKE_CLIENT_ID,
  GOOGLE_LIKE_CLIENT_SECRET,
  LOCAL_CLIENT_ID,
} from './constants.ts'
import { accessTypeValidator, googleQuirks } from './google-quirks.ts'
import { providerQuirks } from './provider-quirks.ts'
import { sampleApi } from './sample-api.ts'
import type { ProviderQuirks } from './provider-quirks.ts'
import { generateSigningKeys } from './signing-keys.ts'

export {
  API_RESOURCE,
  API_SCOPE,
  DEFAULT_GOOGLE_PORT,
  DEFAULT_LOCAL_PORT,
  GOOGLE_LIKE_CLIENT_ID,
  GOOGLE_LIKE_CLIENT_SECRET,
  LOCAL_CLIENT_ID,
} from './constants.ts'

export interface LocalProvidersOptions {
  /** Interface both providers listen on, and the host of their issuers. Default 127.0.0.1. */
  host?: string
  /** Port of the standard provider. */
  localPort: number
  /** Port of the Google-shaped provider. */
  googlePort: number
  /** Origins the app is served from; the only ones allowed by CORS and as redirect targets. */
  appOrigins: readonly string[]
  /** The app's base path, default '/'. The redirect URI is origin + basePath + 'callback'. */
  basePath?: string
  /** Access token lifetime, default 300 seconds. */
  accessTokenTtlSeconds?: number
  /** Drop oidc-provider's construction-time development warnings (for tests). */
  quiet?: boolean
  /** Milliseconds every request waits before it is handled: the benchmark's simulated network. */
  requestDelayMs?: () => number
  /** Behaviour of other real providers, for the standard provider (tests only). */
  quirks?: ProviderQuirks
}

export type { ProviderQuirks } from './provider-quirks.ts'

export interface RunningProviders {
  local: { issuer: string; clientId: string }
  google: { issuer: string; clientId: string; clientSecret: string }
  close(): Promise<void>
}

export type ProviderRole = 'local' | 'google'

export class ProviderPortInUseError extends Error {
  readonly role: ProviderRole
  readonly host: string
  readonly port: number

  constructor(role: ProviderRole, host: string, port: number, options?: ErrorOptions) {
    super(`port ${port} on ${host} is already in use (${role} provider)`, options)
    this.name = 'ProviderPortInUseError'
    this.role = role
    this.host = host
    this.port = port
  }
}

const ONE_DAY = 24 * 60 * 60

function issuerFor(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`
}

function randomCookieKey(): string {
  return randomBytes(32).toString('base64url')
}

function sharedTtl(accessTokenTtlSeconds: number): NonNullable<Configuration['ttl']> {
  return {
    AccessToken: accessTokenTtlSeconds,
    IdToken: 60 * 60,
    // The code is single-use and short-lived (RFC 6749 §4.1.2 recommends at most ten minutes):
    // the app's callback must exchange it within a minute.
    AuthorizationCode: 60,
    RefreshToken(ctx: KoaContext | undefined, token: BaseToken, client: Client) {
      // oidc-provider's default rule: a rotated refresh token of a public browser client
      // inherits what is left of its predecessor's lifetime, so rotation never extends the
      // session (OAuth 2.0 for Browser-Based Apps, "Refresh Token Rotation").
      const rotated = ctx?.oidc?.entities.RotatedRefreshToken
      if (
        rotated !== undefined &&
        client.applicationType === 'web' &&
        client.clientAuthMethod === 'none' &&
        !token.isSenderConstrained()
      ) {
        return rotated.remainingTTL
      }
      return ONE_DAY
    },
    // oidc-provider's default, stated so the provider does not print a notice about it.
    Interaction: 60 * 60,
    Session: ONE_DAY,
    Grant: ONE_DAY,
  }
}

// A client may revoke only tokens issued to it (RFC 7009 §2.1); for any other token oidc-provider
// answers 200 without revoking it, as its default does for public clients. With one client per
// provider that never happens; stating the rule also keeps the provider from printing a notice.
const revocation = {
  enabled: true,
  allowedPolicy: (_ctx: KoaContext, client: Client, token: { clientId: string }) =>
    token.clientId === client.clientId,
}

function resourceServerInfo(InvalidTarget: (typeof errors)['InvalidTarget']) {
  return (_ctx: KoaContext, resourceIndicator: string): Promise<ResourceServer> => {
    if (resourceIndicator !== API_RESOURCE) return Promise.reject(new InvalidTarget())
    return Promise.resolve({
      scope: API_SCOPE,
      audience: API_RESOURCE,
      accessTokenFormat: 'jwt',
      jwt: { sign: { alg: 'ES256' } },
    })
  }
}

// Both providers are dev-only on purpose; when quiet, their construction-time warnings about
// devInteractions and the in-memory adapter are dropped. The filter lives only for the
// synchronous constructor call, so no other output is ever affected.
function construct(
  ProviderClass: typeof Provider,
  issuer: string,
  configuration: Configuration,
  quiet: boolean,
): Provider {
  if (!quiet) return new ProviderClass(issuer, configuration)
  const { info, warn } = console
  const unlessProvider =
    (write: (...data: unknown[]) => void) =>
    (...data: unknown[]) => {
      if (typeof data[0] === 'string' && data[0].includes('oidc-provider ')) return
      write(...data)
    }
  console.info = unlessProvider(info)
  console.warn = unlessProvider(warn)
  try {
    return new ProviderClass(issuer, configuration)
  } finally {
    console.info = info
    console.warn = warn
  }
}

function listen(
  provider: Provider,
  role: ProviderRole,
  host: string,
  port: number,
  delayMs: () => number,
  beside: (req: IncomingMessage, res: ServerResponse) => boolean = () => false,
) {
  const callback = provider.callback()
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    if (!beside(req, res)) void callback(req, res)
  }
  const server = createServer((req, res) => {
    const delay = delayMs()
    if (delay > 0) {
      setTimeout(() => {
        handle(req, res)
      }, delay)
    } else {
      handle(req, res)
    }
  })
  return new Promise<Server>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new ProviderPortInUseError(role, host, port, { cause: error })
          : error,
      )
    })
    server.listen(port, host, () => {
      resolve(server)
    })
  })
}

function close(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => {
      if (error) reject(error)
      else resolve()
    })
    // Browsers keep connections alive; without this, close() would wait for them to time out.
    server.closeAllConnections()
  })
}

/** The quirks that are settings of oidc-provider rather than answers rewritten (provider-quirks.ts). */
function weakSettings(quirks: ProviderQuirks) {
  return {
    ...(quirks.pkceNotRequired === true ? { pkce: { required: () => false } } : {}),
    ...(quirks.refreshTokenNotRotated === true ? { rotateRefreshToken: false } : {}),
  }
}

export async function startLocalProviders(
  options: LocalProvidersOptions,
): Promise<RunningProviders> {
  const host = options.host ?? '127.0.0.1'
  const basePath = options.basePath ?? '/'
  const quiet = options.quiet ?? false
  const appOrigins = [...options.appOrigins]
  const ttl = sharedTtl(options.accessTokenTtlSeconds ?? 300)
  // Redirect URIs are compared exactly (RFC 9700 §2.1), so every origin the app may be opened
  // from is registered.
  const redirectUris = appOrigins.map((origin) => `${origin}${basePath}callback`)
  // Only the app may call the token, UserInfo and revocation endpoints from a browser; the
  // default would also refuse the confidential Google-shaped client at the token endpoint.
  const clientBasedCORS = (_ctx: KoaContext, origin: string) => appOrigins.includes(origin)
  // Loaded on demand: importing oidc-provider prints a warning on Node 20, and the Vite config
  // (also loaded by `vite build` and Vitest) and the tests import this module for its constants.
  const { Provider, errors } = await import('oidc-provider')
  const [localKeys, googleKeys] = await Promise.all([
    generateSigningKeys(['RS256', 'ES256']),
    generateSigningKeys(['RS256']),
  ])

  const localIssuer = issuerFor(host, options.localPort)
  const local = construct(
    Provider,
    localIssuer,
    {
      clients: [
        {
          client_id: LOCAL_CLIENT_ID,
          client_name: 'PKCE Lab',
          // A public client (RFC 6749 §2.1); oidc-provider then requires PKCE with S256.
          token_endpoint_auth_method: 'none',
          grant_types: ['authorization_code', 'refresh_token'],
          response_types: ['code'],
          redirect_uris: redirectUris,
          post_logout_redirect_uris: appOrigins.map((origin) => `${origin}${basePath}`),
        },
      ],
      clientBasedCORS,
      findAccount,
      claims: claimsByScope,
      // OIDC Core §5.4 returns scope-requested claims from UserInfo when an access token is
      // issued; Google puts them in the ID token as well, and so does this provider, so a
      // learner sees them decoded without calling UserInfo.
      conformIdTokenClaims: false,
      jwks: localKeys,
      cookies: { keys: [randomCookieKey()] },
      ttl,
      ...weakSettings(options.quirks ?? {}),
      features: {
        devInteractions: { enabled: true },
        introspection: { enabled: false },
        revocation,
        rpInitiatedLogout: { enabled: true },
        userinfo: { enabled: true },
        pushedAuthorizationRequests: {
          enabled: true,
          requirePushedAuthorizationRequests: options.quirks?.pushedAuthorizationRequired === true,
        },
        dPoP:
          options.quirks?.dpopNonceRequired === true
            ? { enabled: true, nonceSecret: randomBytes(32), requireNonce: () => true }
            : { enabled: true },
        resourceIndicators: {
          enabled: true,
          getResourceServerInfo: resourceServerInfo(errors.InvalidTarget),
          // A resource requested at the authorization endpoint also applies at the token
          // endpoint, so the code exchange needs no resource parameter of its own.
          useGrantedResource: () => true,
        },
      },
    },
    quiet,
  )

  const googleIssuer = issuerFor(host, options.googlePort)
  const google = construct(
    Provider,
    googleIssuer,
    {
      clients: [
        {
          client_id: GOOGLE_LIKE_CLIENT_ID,
          client_secret: GOOGLE_LIKE_CLIENT_SECRET,
          client_name: 'PKCE Lab (Google-shaped)',
          // Google registers browser apps as confidential "Web application" clients and
          // requires the secret at the token endpoint even with PKCE.
          token_endpoint_auth_method: 'client_secret_post',
          grant_types: ['authorization_code', 'refresh_token'],
          response_types: ['code'],
          redirect_uris: redirectUris,
        },
      ],
      clientAuthMethods: ['client_secret_post', 'client_secret_basic'],
      clientBasedCORS,
      findAccount,
      claims: claimsByScope,
      conformIdTokenClaims: false,
      extraParams: { access_type: accessTypeValidator(errors.InvalidRequest) },
      // Google's refresh tokens are long-lived and reused, not rotated.
      rotateRefreshToken: false,
      jwks: googleKeys,
      cookies: {
        // Cookies ignore ports (RFC 6265 §8.5): both providers on one host would otherwise
        // overwrite each other's session.
        names: {
          session: '_google_session',
          interaction: '_google_interaction',
          resume: '_google_interaction_resume',
        },
        keys: [randomCookieKey()],
      },
      ttl,
      features: {
        devInteractions: { enabled: true },
        // Features Google's authorization server does not have.
        dPoP: { enabled: false },
        pushedAuthorizationRequests: { enabled: false },
        resourceIndicators: { enabled: false },
        rpInitiatedLogout: { enabled: false },
        introspection: { enabled: false },
        revocation,
        userinfo: { enabled: true },
      },
    },
    quiet,
  )
  google.use(googleQuirks(google.pathFor('authorization'), GOOGLE_LIKE_CLIENT_ID))
  if (options.quirks) {
    local.use(
      providerQuirks({
        quirks: options.quirks,
        issuer: localIssuer,
        authorizationPath: local.pathFor('authorization'),
        revocationPath: local.pathFor('revocation'),
        redirectUris,
        appOrigins,
      }),
    )
  }

  const delayMs = options.requestDelayMs ?? (() => 0)
  const localServer = await listen(
    local,
    'local',
    host,
    options.localPort,
    delayMs,
    sampleApi({ issuer: localIssuer, signingKeys: localKeys.keys, appOrigins }),
  )
  let googleServer: Server
  try {
    googleServer = await listen(google, 'google', host, options.googlePort, delayMs)
  } catch (error) {
    await close(localServer)
    throw error
  }

  return {
    local: { issuer: localIssuer, clientId: LOCAL_CLIENT_ID },
    google: {
      issuer: googleIssuer,
      clientId: GOOGLE_LIKE_CLIENT_ID,
      clientSecret: GOOGLE_LIKE_CLIENT_SECRET,
    },
    async close() {
      await Promise.all([close(localServer), close(googleServer)])
    },
  }
}
