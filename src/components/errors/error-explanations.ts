/**
 * Words for a failure: the step's name, the title of its code, the advice and the explainer entry to
 * link, all from the catalogue (its one table of this app's failures, and its one matcher). The
 * protocol layer reports facts (code, step, check, the provider's words); this file says them.
 */
import type { OidcError, OidcStep } from '../../oidc'
import { APP_CHECKS, fixFor } from './catalogue/pkce-lab'
import { entryFor } from './error-catalogue'

export const STEP_NAMES: Record<OidcStep, string> = {
  settings: 'Settings',
  discovery: 'Discovery (fetching the provider metadata)',
  'authorization-request': 'Authorization request',
  'authorization-response': 'Callback (the authorization response)',
  'token-request': 'Token request (exchanging the code)',
  'id-token': 'ID token validation',
  refresh: 'Refresh (the refresh_token grant)',
  'silent-authorization': 'Silent sign-in (prompt=none)',
  userinfo: 'UserInfo request',
  'resource-request': 'API request',
  revocation: 'Token revocation',
  'end-session': 'Sign-out at the provider (end session)',
  jwks: "Fetching the provider's signing keys (jwks_uri)",
}

// Refused at refresh, invalid_grant means the session is over, whatever the code says at sign-in.
const REFRESH_REFUSED =
  'The refresh token was refused: it expired, was revoked (signing out elsewhere does that), was used twice (with rotation, a reused refresh token makes the provider revoke the whole grant), or hit a fixed lifetime (Entra ID: 24 hours for single-page apps, AADSTS700084). The session has ended; sign in again.'

// A failed ID token check says what to look at for that claim (OIDC Core §3.1.3.7), not all of them.
const ID_TOKEN_CHECK_FIXES: Readonly<Record<string, string>> = {
  auth_time:
    'Nothing from this response was kept. The ID token says the user last logged in longer ago than the max_age this sign-in sent allows. If its auth_time is 0 or before 2000 (see the lint under the token), the provider writes a placeholder there, whatever the clocks say: ask it to send the real time (OpenID Connect Core §2), or remove max_age from the extra parameters. Otherwise the login really is that old: sign in with prompt=login to log in afresh.',
  exp: 'Nothing from this response was kept. The ID token had expired on arrival: the provider’s clock or this computer’s is wrong, or the response was held up. Compare both clocks with a time server.',
  nbf: 'Nothing from this response was kept. The ID token is not valid yet (nbf is in the future): the provider’s clock or this computer’s is ahead. Compare both clocks with a time server.',
  iat: 'Nothing from this response was kept. The ID token’s iat is missing or not a number: the provider is not following OpenID Connect Core §2.',
  iss: 'Nothing from this response was kept. The ID token names another issuer than the configured one: check the issuer in the settings, byte for byte (a trailing slash counts), against the token’s iss.',
  aud: 'Nothing from this response was kept. The ID token is meant for another client: check that the client_id in the settings is the one registered at this provider.',
  azp: 'Nothing from this response was kept. The ID token names another authorized party (azp) than this client_id: the provider issued it to another client.',
  nonce:
    'Nothing from this response was kept. The ID token does not carry the nonce this sign-in sent: it answers another request (replayed or mixed up). Sign in again.',
}

// Told apart by a second request that needs no CORS (oidc/http.ts).
const NETWORK_FIXES = {
  hidden: (origin: string) =>
    `The server answered, but the browser hid its answer from this page: CORS on that endpoint does not allow the origin ${origin}. Add it to the provider's allowed origins (for this endpoint too; each endpoint the browser calls needs it).`,
  'no-answer': () =>
    'The server did not answer at all, not even to a request that needs no CORS: it is down, the host or port is wrong, or the connection is blocked (offline, a proxy or firewall, a certificate the browser refuses). Open the URL in a tab to see what the browser says.',
} as const

export function explainError(error: OidcError): {
  title: string
  step: string
  fix: string
  /** The id of the explainer's entry for it. */
  slug: string
} {
  const check = APP_CHECKS[error.code]
  const entry = entryFor(error)
  const refreshRefused =
    error.step === 'refresh' &&
    error.oauthError?.error === 'invalid_grant' &&
    entry.group === 'oauth'
  return {
    title: check.title,
    step: STEP_NAMES[error.step],
    fix: refreshRefused
      ? REFRESH_REFUSED
      : entry.group === 'pkce-lab'
        ? ((error.code === 'id_token_rejected' && error.check !== undefined
            ? ID_TOKEN_CHECK_FIXES[error.check]
            : undefined) ??
          (error.code === 'network_error' && error.reachability !== undefined
            ? NETWORK_FIXES[error.reachability](error.origin ?? 'of this page')
            : undefined) ??
          fixFor(check, error.origin))
        : entry.fix,
    slug: entry.id,
  }
}
