/** What Google says, verbatim, and why. */
import type { CatalogueEntry } from './entry'
import {
  CLIENT_TYPES,
  DISCOVERY,
  FRAME_OPTIONS,
  PKCE_VERIFY,
  REDIRECTION_ENDPOINT,
  RFC6749,
} from './entry'

const GOOGLE: readonly string[] = ['Google']

export const GOOGLE_ENTRIES: readonly CatalogueEntry[] = [
  {
    id: 'google-client-secret-missing',
    group: 'google',
    message: '{"error":"invalid_request","error_description":"client_secret is missing."}',
    match: { error: 'invalid_request', descriptionIncludes: 'client_secret is missing' },
    title: 'Google wants the client secret, even with PKCE',
    cause:
      'Google\'s "Web application" and "Desktop" OAuth clients must authenticate at https://oauth2.googleapis.com/token; PKCE does not replace the secret there, and Google has no public client type for web pages.',
    fix: 'Google (and providers like it) demand the client secret at the token endpoint even with PKCE. In PKCE Lab, enter the client secret when asked: it stays in memory, but anyone who can open the page can read it, so this only suits a lab. A real application exchanges the code on a small backend that holds the secret.',
    spec: CLIENT_TYPES,
    providers: GOOGLE,
  },
  {
    id: 'google-verifier-not-needed',
    group: 'google',
    message: 'invalid_grant: code_verifier or verifier is not needed.',
    match: { error: 'invalid_grant', descriptionIncludes: 'verifier is not needed' },
    title: 'Google got a code_verifier it did not expect',
    cause:
      'The token request carried a PKCE code_verifier, but the authorization request that produced this code had no code_challenge, so Google has nothing to check it against.',
    fix: 'Send code_challenge and code_challenge_method=S256 in the authorization request whose code you redeem. PKCE Lab always does: seeing this here means the code came from a request another tool made.',
    spec: PKCE_VERIFY,
    providers: GOOGLE,
  },
  {
    id: 'google-missing-code-verifier',
    group: 'google',
    message: 'invalid_grant: Missing code verifier.',
    match: { error: 'invalid_grant', descriptionIncludes: 'Missing code verifier' },
    title: 'Google expected a code_verifier',
    cause:
      'The authorization request had a code_challenge, but the token request came without the verifier: it was lost between leaving for Google and coming back (another tab, another origin, storage cleared).',
    fix: 'Finish the sign-in in the tab and on the origin that started it, and keep the verifier until the code is exchanged.',
    spec: PKCE_VERIFY,
    providers: GOOGLE,
  },
  {
    id: 'google-error-400-redirect-uri-mismatch',
    group: 'google',
    message: 'Error 400: redirect_uri_mismatch',
    match: {},
    title: "Google's own error page: the redirect URI is not registered",
    cause:
      'Google shows this page instead of coming back, because the redirect_uri sent is not among the Authorized redirect URIs of the OAuth client, character for character.',
    fix: 'In the Google Cloud console, open the OAuth client and add the redirect URI shown in PKCE Lab\'s settings to "Authorized redirect URIs" (and this page\'s origin to "Authorized JavaScript origins"). Changes can take a few minutes to apply.',
    spec: REDIRECTION_ENDPOINT,
    providers: GOOGLE,
  },
  {
    id: 'google-token-expired-or-revoked',
    group: 'google',
    message: 'invalid_grant: Token has been expired or revoked.',
    match: { error: 'invalid_grant', descriptionIncludes: 'Token has been expired or revoked' },
    title: 'Google no longer accepts the refresh token',
    cause:
      "Most often the OAuth consent screen is set to External with publishing status Testing: refresh tokens then last seven days. Otherwise the user removed the app's access, the token sat unused for six months, or the user has too many refresh tokens for this client and the oldest were dropped.",
    fix: 'Sign in again. To end the seven-day limit, publish the app (status "In production").',
    spec: {
      label: 'Google: OAuth 2.0 overview',
      url: 'https://developers.google.com/identity/protocols/oauth2',
    },
    providers: GOOGLE,
  },
  {
    id: 'google-no-refresh-token',
    group: 'google',
    message: 'The token response has no refresh_token',
    match: {},
    title: 'Google issued no refresh token',
    cause:
      'Google gives a refresh token only when asked with access_type=offline, and only at the first consent: once you have approved, later sign-ins get none.',
    fix: 'Add the extra parameters access_type=offline and prompt=consent (the Google preset has both).',
    spec: { label: 'RFC 6749 §6', url: `${RFC6749}#section-6` },
    providers: GOOGLE,
  },
  {
    id: 'google-x-frame-options',
    group: 'google',
    message:
      "Refused to display 'https://accounts.google.com/…' in a frame because it set 'X-Frame-Options' to 'sameorigin'.",
    match: { descriptionIncludes: "'X-Frame-Options' to 'sameorigin'" },
    title: 'Google will not be shown in a hidden frame',
    cause:
      "A silent renewal loaded Google's authorization endpoint in an iframe, and Google needed to show a screen. It forbids being framed by other sites, so the frame stays empty.",
    fix: "Don't renew Google sessions in a frame: use the refresh token, or sign in again with a full-page redirect.",
    spec: FRAME_OPTIONS,
    providers: GOOGLE,
  },
  {
    id: 'google-wrong-token-url',
    group: 'google',
    message:
      "No 'Access-Control-Allow-Origin' header is present on the requested resource (https://accounts.google.com/o/oauth2/v2/token)",
    match: { descriptionIncludes: 'accounts.google.com/o/oauth2/v2/token' },
    title: 'A hand-typed Google token URL that does not exist',
    cause:
      'There is no token endpoint at that address; its error page carries no CORS headers, so the browser reports a CORS failure instead of a 404.',
    fix: "Take every endpoint from the discovery document (Google's token endpoint is https://oauth2.googleapis.com/token). PKCE Lab always does.",
    spec: DISCOVERY,
    providers: GOOGLE,
  },
]
