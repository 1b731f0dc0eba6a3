/** What Keycloak says, verbatim, and why. */
import type { CatalogueEntry } from './entry'
import { CORS, REFRESH_PROTECTION, RP_LOGOUT } from './entry'

const KEYCLOAK: readonly string[] = ['Keycloak']

export const KEYCLOAK_ENTRIES: readonly CatalogueEntry[] = [
  {
    id: 'keycloak-cors',
    group: 'keycloak',
    message:
      "No 'Access-Control-Allow-Origin' header is present on the requested resource (…/protocol/openid-connect/token)",
    match: { descriptionIncludes: 'protocol/openid-connect/token' },
    title: 'Keycloak: this origin is not among the Web Origins',
    cause:
      "The client's Web Origins are empty or name another origin, or the client is confidential. Keycloak then adds no CORS headers, even to its error answers, so the browser hides the real error behind a CORS failure.",
    fix: 'Make the client public (Client authentication off) and set Web Origins to + (the origins of the valid redirect URIs) or to this exact origin.',
    spec: CORS,
    providers: KEYCLOAK,
  },
  {
    id: 'keycloak-invalid-redirect-uri',
    group: 'keycloak',
    message: 'Invalid parameter: redirect_uri',
    match: { descriptionIncludes: 'Invalid parameter: redirect_uri' },
    title: 'Keycloak: redirect_uri refused',
    cause:
      "At sign-in: the redirect URI is not among the client's Valid redirect URIs. At logout: since Keycloak 18 the old redirect_uri parameter is no longer accepted.",
    fix: 'For sign-in, add the exact redirect URI to Valid redirect URIs. For logout, send post_logout_redirect_uri (listed under Valid post logout redirect URIs) together with id_token_hint or client_id.',
    spec: RP_LOGOUT,
    providers: KEYCLOAK,
  },
  {
    id: 'keycloak-missing-id-token-hint',
    group: 'keycloak',
    message: 'Missing parameters: id_token_hint',
    match: { descriptionIncludes: 'Missing parameters: id_token_hint' },
    title: 'Keycloak: logout needs id_token_hint',
    cause:
      'Keycloak 18 and later accept post_logout_redirect_uri only when the logout request also says which client or session it is for.',
    fix: 'Send the ID token as id_token_hint (PKCE Lab does when it has one), or at least client_id.',
    spec: RP_LOGOUT,
    providers: KEYCLOAK,
  },
  {
    id: 'keycloak-stale-token',
    group: 'keycloak',
    message: 'invalid_grant: Stale token',
    match: { error: 'invalid_grant', descriptionIncludes: 'Stale token' },
    title: 'Keycloak: a refresh token was used once too often',
    cause:
      'The realm has "Revoke Refresh Token" on, and a refresh token was used more often than "Refresh Token Max Reuse" allows: typically two tabs, or a retry, refreshing with the same token.',
    fix: 'Let one refresh run at a time, raise Refresh Token Max Reuse, or on Keycloak 25 and later allow a short reuse period; sign in again after this error.',
    spec: REFRESH_PROTECTION,
    providers: KEYCLOAK,
  },
]
