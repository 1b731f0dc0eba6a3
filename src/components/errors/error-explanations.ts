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
  'pushed-authorization-request': 'Pushed authorization request (PAR)',
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
        ? fixFor(check, error)
        : entry.fix,
    slug: entry.id,
  }
}
