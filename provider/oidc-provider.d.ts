// oidc-provider ships no type declarations and @types/oidc-provider is not a dependency, so this
// declares only the part of the 9.13 API that the local providers use. Names follow the
// library's documentation (node_modules/oidc-provider/lib/helpers/defaults.js).
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http'
  import type { JWK } from 'jose'

  export type ClientAuthMethod = 'none' | 'client_secret_post' | 'client_secret_basic'

  export interface ClientMetadata {
    client_id: string
    client_secret?: string
    client_name?: string
    token_endpoint_auth_method: ClientAuthMethod
    grant_types: string[]
    response_types: string[]
    redirect_uris: string[]
    post_logout_redirect_uris?: string[]
  }

  export interface Client {
    readonly clientId: string
    readonly clientAuthMethod: ClientAuthMethod
    readonly applicationType: 'web' | 'native'
  }

  export interface BaseToken {
    readonly remainingTTL: number
    isSenderConstrained(): boolean
  }

  export interface OIDCContext {
    readonly route: string
    readonly params?: Readonly<Record<string, string | undefined>>
    readonly entities: { readonly RotatedRefreshToken?: BaseToken }
  }

  // The subset of Koa's context (koa 3) these middlewares touch.
  export interface KoaContext {
    readonly method: string
    readonly path: string
    // Koa's setter re-serialises the query string, so a middleware in front of the provider
    // can change what the provider parses.
    query: Record<string, string | string[] | undefined>
    status: number
    body: unknown
    get(field: string): string
    set(field: string, value: string): void
    remove(field: string): void
    redirect(url: string): void
    // Defined by the provider only on its own routes.
    readonly oidc?: OIDCContext
  }

  export type Middleware = (ctx: KoaContext, next: () => Promise<void>) => Promise<void>

  export type AccountClaims = Record<string, unknown> & { sub: string }

  export interface Account {
    accountId: string
    claims(use: string, scope: string): AccountClaims | Promise<AccountClaims>
  }

  export interface ResourceServer {
    scope: string
    audience?: string
    accessTokenTTL?: number
    accessTokenFormat?: 'opaque' | 'jwt'
    jwt?: { sign?: { alg: string } }
  }

  type Ttl<T> = number | ((ctx: KoaContext | undefined, token: T, client: Client) => number)

  export interface Configuration {
    clients?: ClientMetadata[]
    clientAuthMethods?: ClientAuthMethod[]
    clientBasedCORS?: (ctx: KoaContext, origin: string, client: Client) => boolean
    findAccount?: (ctx: KoaContext, sub: string) => Promise<Account | undefined>
    claims?: Record<string, string[]>
    conformIdTokenClaims?: boolean
    scopes?: string[]
    extraParams?:
      | string[]
      | Record<string, (ctx: KoaContext, value: string | undefined, client: Client) => void>
    rotateRefreshToken?: boolean | ((ctx: KoaContext) => boolean)
    jwks?: { keys: JWK[] }
    cookies?: {
      names?: { session?: string; interaction?: string; resume?: string }
      keys?: string[]
    }
    ttl?: {
      AccessToken?: Ttl<BaseToken>
      AuthorizationCode?: Ttl<BaseToken>
      IdToken?: Ttl<BaseToken>
      RefreshToken?: Ttl<BaseToken>
      Interaction?: Ttl<BaseToken>
      Session?: Ttl<BaseToken>
      Grant?: Ttl<BaseToken>
    }
    features?: {
      devInteractions?: { enabled: boolean }
      dPoP?: { enabled: boolean; nonceSecret?: Buffer; requireNonce?: () => boolean }
      introspection?: { enabled: boolean }
      pushedAuthorizationRequests?: {
        enabled: boolean
        requirePushedAuthorizationRequests?: boolean
      }
      revocation?: {
        enabled: boolean
        allowedPolicy?: (ctx: KoaContext, client: Client, token: { clientId: string }) => boolean
      }
      rpInitiatedLogout?: { enabled: boolean }
      userinfo?: { enabled: boolean }
      resourceIndicators?: {
        enabled: boolean
        getResourceServerInfo?: (
          ctx: KoaContext,
          resourceIndicator: string,
          client: Client,
        ) => Promise<ResourceServer>
        useGrantedResource?: (ctx: KoaContext, model: unknown) => boolean
      }
    }
  }

  export class Provider {
    constructor(issuer: string, configuration?: Configuration)
    readonly issuer: string
    // Koa's request listener.
    callback(): (req: IncomingMessage, res: ServerResponse) => Promise<void>
    // Runs before the provider's own routes.
    use(middleware: Middleware): this
    pathFor(name: string): string
  }

  export interface OIDCProviderError extends Error {
    readonly error: string
    readonly error_description?: string
  }

  type OIDCProviderErrorClass = new (description?: string) => OIDCProviderError

  export const errors: {
    readonly InvalidRequest: OIDCProviderErrorClass
    readonly InvalidTarget: OIDCProviderErrorClass
  }

  export default Provider
}
