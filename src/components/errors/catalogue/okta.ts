/** What Okta says, verbatim, and why. */
import type { CatalogueEntry } from './entry'
import { CLIENT_TYPES, CORS, PROMPT_NONE_ERROR } from './entry'

const OKTA: readonly string[] = ['Okta']

export const OKTA_ENTRIES: readonly CatalogueEntry[] = [
  {
    id: 'okta-client-authentication-failed',
    group: 'okta',
    message:
      'invalid_client: Client authentication failed. Either the client or the client credentials are invalid.',
    match: {
      error: 'invalid_client',
      descriptionIncludes: 'Either the client or the client credentials are invalid',
    },
    title: 'Okta: the application wants a client secret',
    cause: 'The Okta application is a "Web" app, which must authenticate with a secret at /token.',
    fix: 'Create a "Single-Page Application" app (PKCE, client authentication "none") and use its client_id.',
    spec: CLIENT_TYPES,
    providers: OKTA,
  },
  {
    id: 'okta-cors',
    group: 'okta',
    message:
      "Access to fetch at 'https://{okta}/oauth2/default/…' from origin '…' has been blocked by CORS policy",
    match: {},
    title: 'Okta: this origin is not trusted for CORS',
    cause:
      "Okta's /token answers cross-origin only for the origins of registered redirect URIs; its other endpoints (metadata, keys, userinfo) only for Trusted Origins. The match is exact: a trailing slash breaks it.",
    fix: "Add this page's origin, exactly and without a trailing slash, under Security › API › Trusted Origins with CORS enabled.",
    spec: CORS,
    providers: OKTA,
  },
  {
    id: 'okta-login-required',
    group: 'okta',
    message: 'login_required: The client specified not to prompt, but the user is not logged in.',
    match: { error: 'login_required', descriptionIncludes: 'The client specified not to prompt' },
    title: 'Okta: no session for a silent sign-in',
    cause:
      'A prompt=none request (okta-auth-js getWithoutPrompt, or a renewal in a hidden frame) found no Okta session, often because third-party cookies are blocked.',
    fix: 'Renew with refresh tokens (offline_access, rotation), put Okta on a custom domain of the same site, or sign in with a redirect.',
    spec: PROMPT_NONE_ERROR,
    providers: OKTA,
  },
]
