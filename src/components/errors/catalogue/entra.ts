/** What Microsoft Entra ID says, recognised by its AADSTS numbers. */
import type { CatalogueEntry } from './entry'
import {
  aadsts,
  CLIENT_TYPES,
  CORE,
  ENTRA_REFRESH,
  ISSUER_VALIDATION,
  PROMPT_NONE_ERROR,
  REDIRECTION_ENDPOINT,
} from './entry'

const ENTRA: readonly string[] = ['Microsoft Entra ID']

export const ENTRA_ENTRIES: readonly CatalogueEntry[] = [
  aadsts(
    '9002326',
    "AADSTS9002326: Cross-origin token redemption is permitted only for the 'Single-Page Application' client-type. Request origin: '…'.",
    {
      title: 'Entra ID: the redirect URI is not on the single-page application platform',
      cause:
        'The code was redeemed from a web page (a cross-origin request with an Origin header), but the redirect URI is registered under the "Web" platform, which Entra treats as a server that keeps a secret.',
      fix: 'In the app registration, under Authentication, remove the URI from "Web" and add it under "Single-page application".',
      spec: CLIENT_TYPES,
    },
  ),
  aadsts(
    '9002327',
    "AADSTS9002327: Tokens issued for the 'Single-Page Application' client-type may only be redeemed via cross-origin requests.",
    {
      title: 'Entra ID: a single-page app code was redeemed outside a browser',
      cause:
        'The redirect URI is on the single-page application platform, but the code exchange arrived without an Origin header: from a server, a proxy, a command-line tool or an extension.',
      fix: 'Redeem the code from the page itself, as PKCE Lab does. If a server must do the exchange, register its redirect URI under "Web" and give that server a secret.',
      spec: CLIENT_TYPES,
    },
  ),
  aadsts(
    '7000218',
    "AADSTS7000218: The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
    {
      title: 'Entra ID treats this app as confidential',
      cause:
        'The application only has "Web" redirect URIs, so Entra expects the token request to prove it holds a secret or certificate.',
      fix: 'Register the redirect URI under "Single-page application" instead of "Web"; the public client then needs no secret.',
      spec: CLIENT_TYPES,
    },
  ),
  aadsts(
    '700084',
    'AADSTS700084: The refresh token was issued to a single page app (SPA), and therefore has a fixed, limited lifetime of 1.00:00:00, which cannot be extended.',
    {
      title: 'Entra ID: the single-page app refresh token reached its 24 hours',
      cause:
        'Refresh tokens Entra gives to single-page apps live 24 hours from the original sign-in. Each refresh returns a new one, but it inherits the same end, and no policy can change it.',
      fix: 'Run the authorization request again: with a full-page redirect and prompt=none it usually succeeds without a screen while the Entra session lasts; otherwise sign in interactively.',
      spec: ENTRA_REFRESH,
    },
  ),
  aadsts(
    '50058',
    'login_required: AADSTS50058: A silent sign-in request was sent but no user is signed in.',
    {
      title: 'Entra ID: no signed-in user for a silent sign-in',
      cause:
        "prompt=none was sent and Entra saw no session: either there is none, or the request ran in a hidden frame and the browser withheld Entra's cookies (Safari, Firefox, Chrome Incognito block them as third-party cookies).",
      fix: 'Sign in interactively or with a top-level redirect; treat frame-based silent sign-in as a bonus that may never work.',
      spec: PROMPT_NONE_ERROR,
    },
  ),
  aadsts(
    '50011',
    "AADSTS50011: The redirect URI '…' specified in the request does not match the redirect URIs configured for the application '…'.",
    {
      title: 'Entra ID: the redirect URI is not registered',
      cause:
        'The redirect_uri sent is not among the registered ones, exactly: path, trailing slash, port and scheme all count, and so does the platform it is registered under.',
      fix: 'Add the exact URI from PKCE Lab\'s settings under "Single-page application" in the app registration.',
      spec: REDIRECTION_ENDPOINT,
    },
  ),
  {
    id: 'entra-templated-issuer',
    group: 'entra',
    message:
      '"response" body "issuer" property does not match the expected value / unexpected JWT "iss" (issuer) claim value',
    match: { descriptionIncludes: '"issuer" property does not match the expected value' },
    title: 'The issuer does not match (typical of Entra ID /common)',
    cause:
      'The multi-tenant authorities /common, /organizations and /consumers publish the issuer as a template, https://login.microsoftonline.com/{tenantid}/v2.0, with the braces in it. A strict issuer check, which oauth4webapi and PKCE Lab make, can never match it, nor the iss of the ID tokens.',
    fix: 'Use the tenant-specific issuer, https://login.microsoftonline.com/<your tenant ID>/v2.0. For other providers, copy the issuer exactly as the metadata states it.',
    spec: ISSUER_VALIDATION,
    providers: ['Microsoft Entra ID', 'oauth4webapi'],
  },
  {
    id: 'entra-no-refresh-token',
    group: 'entra',
    message: 'The token response has no refresh_token',
    match: {},
    title: 'Entra ID issued no refresh token',
    cause: 'Entra returns a refresh token only when the scope includes offline_access.',
    fix: 'Add offline_access to the scopes (the Entra ID preset has it).',
    spec: { label: 'OpenID Connect Core §11', url: `${CORE}#OfflineAccess` },
    providers: ENTRA,
  },
]
