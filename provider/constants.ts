// Kept apart from local-providers.ts so that reading them does not load oidc-provider (the Vite
// config is also loaded by `vite build` and Vitest, which never start the providers).
export const LOCAL_CLIENT_ID = 'pkce-lab'
export const GOOGLE_LIKE_CLIENT_ID = 'pkce-lab-google'
export const GOOGLE_LIKE_CLIENT_SECRET = 'GOCSPX-local-provider-not-a-secret'
export const DEFAULT_LOCAL_PORT = 5180
export const DEFAULT_GOOGLE_PORT = 5181

// RFC 8707 resource indicator of the sample API. Requesting it, with scope api:read, in the
// authorization request makes the token endpoint return an ES256-signed JWT access token
// (RFC 9068) instead of the opaque one meant for UserInfo.
export const API_RESOURCE = 'urn:pkce-lab:api'
export const API_SCOPE = 'api:read'
