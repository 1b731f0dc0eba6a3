/**
 * What an entry of the error catalogue is, the specifications entries cite, and the two shapes most
 * entries take: a standard `error` code, and an Entra ID message known by its AADSTS number. An
 * entry's id is its anchor on the explainer page and is derived (slugify), never listed apart.
 */
export type CatalogueGroup =
  | 'oauth'
  | 'google'
  | 'entra'
  | 'auth0'
  | 'okta'
  | 'keycloak'
  | 'cognito'
  | 'github'
  | 'other-providers'
  | 'browser-library'
  | 'pkce-lab'

/** The groups in the order the explainer shows them. */

export interface CatalogueEntry {
  /** Anchor-safe: `slugify(id) === id`. */
  id: string
  group: CatalogueGroup
  /** What the developer sees, verbatim: an error code or a provider's, browser's or library's words. */
  message: string
  /**
   * How a provider's answer is recognised: its `error` code and/or text found (case-insensitive) in its
   * `error_description` or the error message. An entry with neither is found by searching only.
   */
  match: { error?: string; descriptionIncludes?: string }
  title: string
  cause: string
  fix: string
  spec?: { label: string; url: string }
  providers?: readonly string[]
}

export type EntryText = Pick<CatalogueEntry, 'title' | 'cause' | 'fix'> &
  Partial<Pick<CatalogueEntry, 'spec' | 'providers' | 'message'>>

/** Lower case, every run of other characters one hyphen: safe in a URL fragment and as an HTML id. */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}

export const RFC6749 = 'https://www.rfc-editor.org/rfc/rfc6749'
export const CORE = 'https://openid.net/specs/openid-connect-core-1_0.html'

export const AUTHORIZATION_ERROR = { label: 'RFC 6749 §4.1.2.1', url: `${RFC6749}#section-4.1.2.1` }
export const TOKEN_ERROR = { label: 'RFC 6749 §5.2', url: `${RFC6749}#section-5.2` }
export const BEARER_ERROR = {
  label: 'RFC 6750 §3.1',
  url: 'https://www.rfc-editor.org/rfc/rfc6750#section-3.1',
}
export const PROMPT_NONE_ERROR = { label: 'OpenID Connect Core §3.1.2.6', url: `${CORE}#AuthError` }
export const REDIRECTION_ENDPOINT = { label: 'RFC 6749 §3.1.2', url: `${RFC6749}#section-3.1.2` }
export const PKCE_VERIFY = {
  label: 'RFC 7636 §4.6',
  url: 'https://www.rfc-editor.org/rfc/rfc7636#section-4.6',
}
export const REFRESH_PROTECTION = {
  label: 'RFC 9700 §4.14',
  url: 'https://www.rfc-editor.org/rfc/rfc9700#section-4.14',
}
export const CORS = {
  label: 'Fetch standard: the CORS protocol',
  url: 'https://fetch.spec.whatwg.org/#http-cors-protocol',
}
export const FRAME_OPTIONS = {
  label: 'RFC 7034 (X-Frame-Options)',
  url: 'https://www.rfc-editor.org/rfc/rfc7034',
}
export const RP_LOGOUT = {
  label: 'OpenID Connect RP-Initiated Logout §2',
  url: 'https://openid.net/specs/openid-connect-rpinitiated-1_0.html#RPLogout',
}
export const DISCOVERY = {
  label: 'OpenID Connect Discovery §4',
  url: 'https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderConfig',
}
export const ISSUER_VALIDATION = {
  label: 'OpenID Connect Discovery §4.3',
  url: 'https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderConfigurationValidation',
}
export const ID_TOKEN_VALIDATION = {
  label: 'OpenID Connect Core §3.1.3.7',
  url: `${CORE}#IDTokenValidation`,
}
export const CLIENT_TYPES = { label: 'RFC 6749 §2.1', url: `${RFC6749}#section-2.1` }
export const ENTRA_REFRESH = {
  label: 'Microsoft identity platform: refresh tokens',
  url: 'https://learn.microsoft.com/entra/identity-platform/refresh-tokens',
}

/** A standard `error` value: its id is the code's slug and it matches the bare code. */
export function oauthCode(code: string, text: EntryText): CatalogueEntry {
  return { id: slugify(code), group: 'oauth', message: code, match: { error: code }, ...text }
}

/** An Entra ID message, recognised by its AADSTS number whatever `error` code carries it. */
export function aadsts(number: string, message: string, text: EntryText): CatalogueEntry {
  return {
    id: slugify(`AADSTS${number}`),
    group: 'entra',
    message,
    match: { descriptionIncludes: `AADSTS${number}` },
    providers: ['Microsoft Entra ID'],
    ...text,
  }
}
