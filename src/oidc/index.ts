/**
 * The protocol layer's public surface: everything above src/oidc imports from here, never from
 * oauth4webapi.
 */
export {
  createAuthorizationRequest,
  RESERVED_PARAMETERS,
  scopeIncludesOpenId,
} from './authorization-request'
export type {
  AuthorizationRequestInput,
  ClientAuthentication,
  PendingAuthorization,
} from './authorization-request'
export { validateAuthorizationResponse } from './authorization-response'
export {
  pushAuthorizationRequest,
  pushedAuthorizationRequired,
  usesPushedAuthorization,
} from './pushed-authorization-request'
export type { ClientContext } from './client-context'
export {
  assertDpopSupported,
  createDpopKey,
  DPOP_ALG,
  dpopUnsupportedReason,
  isDpopTokenType,
} from './dpop'
export type { DpopKey } from './dpop'
export { discoverProvider, discoveryUrl, parseIssuer, pinIdTokenAlg } from './discovery'
export type { ProviderMetadata } from './discovery'
export { isAllowedEndpointUrl, isLoopbackUrl } from './http'
export { fetchJwks, lookUpKeySet } from './jwks'
export type { JwksResult, JwksSnapshot, KeySetLookup, KeySetSource } from './jwks'
export { lintMetadata } from './metadata-lint'
export type { MetadataFinding } from './metadata-lint'
export type { HttpOptions } from './http'
export { idTokenChecks, idTokenChecksFor } from './id-token-checks'
export type { IdTokenCheck } from './id-token-checks'
export {
  asOidcError,
  CALLBACK_CHECKS,
  callbackCheckOf,
  interactiveNeeded,
  isOidcError,
  isTransientFailure,
  OidcError,
} from './oidc-error'
export type {
  CallbackCheckId,
  OAuthErrorBody,
  OidcErrorCode,
  OidcStep,
  Reachability,
} from './oidc-error'
export { buildEndSessionUrl } from './end-session'
export { callProtectedResource, RESOURCE_METHODS } from './protected-resource'
export type {
  ResourceBodyType,
  ResourceChallenge,
  ResourceMethod,
  ResourceRequest,
  ResourceResponse,
} from './protected-resource'
export { canRevoke, revokeToken } from './revocation'
export { assertSameIdentity, exchangeAuthorizationCode, refreshTokens } from './token-endpoint'
export { fetchUserInfo } from './userinfo'
export type { UserInfoResult } from './userinfo'
export type { TokenSet } from './token-set'
export type { HttpExchange } from './http-exchange'
export { runProviderChecks, withSignInChecks } from './provider-check-run'
export { createSignInCheckRun } from './provider-check-sign-in'
export type { SignInCheckRun } from './provider-check-sign-in'
export type {
  ProviderCheckInput,
  ProviderCheckReport,
  ProviderCheckRunOptions,
  ReportedCheck,
} from './provider-check-run'
export { PROVIDER_CHECKS, SIGN_IN_CHECKS } from './provider-checks'
export type { ProviderCheckId, ProviderCheckOutcome, SignInCheckId } from './provider-checks'
