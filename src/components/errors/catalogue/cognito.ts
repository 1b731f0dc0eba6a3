/** What Amazon Cognito says, verbatim, and why. */
import type { CatalogueEntry } from './entry'
import { FRAME_OPTIONS, RP_LOGOUT } from './entry'

export const COGNITO_ENTRIES: readonly CatalogueEntry[] = [
  {
    id: 'cognito-x-frame-options',
    group: 'cognito',
    message:
      "Refused to display 'https://xxxx.auth.<region>.amazoncognito.com/' in a frame because it set 'X-Frame-Options' to 'deny'.",
    match: { descriptionIncludes: 'amazoncognito.com' },
    title: 'Cognito cannot be used in a hidden frame',
    cause:
      'The Cognito hosted login forbids framing altogether, so renewal with prompt=none in an iframe never works.',
    fix: 'Renew with the refresh token (Cognito issues one with the code flow) and sign in again with a full-page redirect.',
    spec: FRAME_OPTIONS,
    providers: ['Amazon Cognito'],
  },
  {
    id: 'cognito-logout-client-id',
    group: 'cognito',
    message: "Required String parameter 'client_id' is not present",
    match: { descriptionIncludes: "Required String parameter 'client_id'" },
    title: "Cognito's logout wants its own parameters",
    cause:
      "Cognito's /logout does not follow RP-Initiated Logout: it needs client_id and logout_uri, not post_logout_redirect_uri. Without them it errs or sends the user back still signed in.",
    fix: 'Build the logout URL by hand with client_id and a logout_uri registered as an allowed sign-out URL.',
    spec: RP_LOGOUT,
    providers: ['Amazon Cognito'],
  },
]
