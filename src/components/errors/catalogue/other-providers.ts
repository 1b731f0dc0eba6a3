/** What GitLab, authentik, ZITADEL, PingOne and Salesforce say, verbatim, and why. */
import type { CatalogueEntry } from './entry'
import { CLIENT_TYPES, CORE, CORS, FRAME_OPTIONS, REFRESH_PROTECTION, RFC6749 } from './entry'

export const OTHER_PROVIDER_ENTRIES: readonly CatalogueEntry[] = [
  {
    id: 'id-token-hint-required-with-prompt-none',
    group: 'other-providers',
    message: 'invalid_request: id_token mandatory',
    match: { error: 'invalid_request', descriptionIncludes: 'id_token mandatory' },
    title: 'The provider wants id_token_hint with prompt=none',
    cause:
      'This provider refuses a silent (prompt=none) authorization request that does not name the user with id_token_hint, which OpenID Connect Core §3.1.2.1 allows it to do. PKCE Lab never puts an ID token in a URL, and after a reload it holds none anyway.',
    fix: 'A silent sign-in or restore cannot work with this provider: press "Sign in" to sign in interactively. To renew tokens without the user, ask for a refresh token (offline_access, where the provider issues one to browser apps).',
    spec: { label: 'OpenID Connect Core §3.1.2.1', url: `${CORE}#AuthRequest` },
    providers: ['providers that require id_token_hint with prompt=none'],
  },
  {
    id: 'gitlab-client-authentication-failed',
    group: 'other-providers',
    message:
      'invalid_client: Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.',
    match: {
      error: 'invalid_client',
      descriptionIncludes: 'Client authentication failed due to unknown client',
    },
    title: 'GitLab: the application is confidential',
    cause:
      'The GitLab application has "Confidential" ticked, so its token endpoint wants the secret.',
    fix: 'Untick "Confidential" in the application settings: it then accepts PKCE without a secret.',
    spec: CLIENT_TYPES,
    providers: ['GitLab'],
  },
  {
    id: 'authentik-cors',
    group: 'other-providers',
    message: 'CORS: Origin is not an allowed origin',
    match: { descriptionIncludes: 'Origin is not an allowed origin' },
    title: 'authentik: this origin is not allowed',
    cause:
      "authentik derives the origins it allows from the provider's redirect URIs; redirect URIs written as regular expressions yield no origin to allow.",
    fix: 'List the exact redirect URIs (strict matching) in the authentik provider.',
    spec: CORS,
    providers: ['authentik'],
  },
  {
    id: 'authentik-invalid-scope-on-refresh',
    group: 'other-providers',
    message: 'invalid_scope on refresh (or no refresh_token at all)',
    match: {},
    title: 'authentik: refresh refused for lack of offline_access',
    cause:
      'Recent authentik versions issue a refresh token only when offline_access was requested, and refuse a refresh whose scope parameter leaves offline_access out.',
    fix: 'Request offline_access at sign-in; on refresh, send no scope at all or include offline_access.',
    spec: { label: 'RFC 6749 §6', url: `${RFC6749}#section-6` },
    providers: ['authentik'],
  },
  {
    id: 'authentik-zitadel-x-frame-options',
    group: 'other-providers',
    message: "Refused to display '…' in a frame because it set 'X-Frame-Options' to 'deny'.",
    match: { descriptionIncludes: "'X-Frame-Options' to 'deny'" },
    title: 'authentik or ZITADEL refuse to be framed',
    cause: 'Both forbid framing by default, which ends any silent renewal in a hidden iframe.',
    fix: "ZITADEL: allow iframes for this origin in the instance's security policy. authentik: it cannot be changed, so renew with refresh tokens.",
    spec: FRAME_OPTIONS,
    providers: ['authentik', 'ZITADEL'],
  },
  {
    id: 'pingone-cors',
    group: 'other-providers',
    message:
      "Access to XMLHttpRequest at 'https://auth.pingone.com/<envId>/as/token' from origin '…' has been blocked by CORS policy",
    match: { descriptionIncludes: 'auth.pingone.' },
    title: "PingOne: the application's CORS settings do not allow this origin",
    cause:
      'Each PingOne application has its own CORS settings; the default covers only requests the browser considers simple.',
    fix: 'In the application, under Configuration › CORS Settings, choose "Allow specific origins" and add this origin.',
    spec: CORS,
    providers: ['PingOne'],
  },
  {
    id: 'pingone-invalid-grant-on-refresh',
    group: 'other-providers',
    message: 'invalid_grant on refresh (or no refresh_token at all)',
    match: {},
    title: 'PingOne: no refresh token, or an old one',
    cause:
      'Without offline_access PingOne issues no refresh token; with rotation, presenting an older refresh token than the latest one is refused.',
    fix: 'Request offline_access and always keep the newest refresh token from each response.',
    spec: REFRESH_PROTECTION,
    providers: ['PingOne'],
  },
  {
    id: 'salesforce-cors',
    group: 'other-providers',
    message: 'CORS error on https://login.salesforce.com/services/oauth2/token',
    match: { descriptionIncludes: 'salesforce.com/services/oauth2/token' },
    title: 'Salesforce: CORS only on My Domain, and only when enabled',
    cause:
      'The token endpoint answers cross-origin requests only on the My Domain (or Experience Cloud) host, only with "Enable CORS for OAuth endpoints" on, and only for allowlisted origins; login.salesforce.com never does.',
    fix: 'Use the My Domain URL as the issuer, turn on "Enable CORS for OAuth endpoints" and add this origin to the CORS allowlist.',
    spec: CORS,
    providers: ['Salesforce'],
  },
]
