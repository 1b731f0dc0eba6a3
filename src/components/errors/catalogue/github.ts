/** What GitHub says, verbatim, and why. */
import type { CatalogueEntry } from './entry'
import { CORS, DISCOVERY } from './entry'

export const GITHUB_ENTRIES: readonly CatalogueEntry[] = [
  {
    id: 'github-cors',
    group: 'github',
    message:
      "Access to fetch at 'https://github.com/login/oauth/access_token' from origin '…' has been blocked by CORS policy",
    match: { descriptionIncludes: 'github.com/login/oauth/access_token' },
    title: 'GitHub: the token endpoint cannot be called from a page',
    cause:
      "GitHub's token endpoint sends no CORS headers and answers no preflight, and it wants the client secret as well; PKCE support does not change either.",
    fix: 'Nothing in the browser fixes this: exchange the code on a small backend or proxy that holds the secret.',
    spec: CORS,
    providers: ['GitHub'],
  },
  {
    id: 'github-no-discovery',
    group: 'github',
    message: 'https://github.com/.well-known/openid-configuration → 404',
    match: { descriptionIncludes: 'github.com/.well-known/openid-configuration' },
    title: 'GitHub sign-in is OAuth, not OpenID Connect',
    cause:
      'GitHub publishes no discovery document and issues no ID token for user sign-in: it is plain OAuth 2.0 for its own API.',
    fix: 'PKCE Lab needs an OpenID provider. To sign in with GitHub accounts, put a provider that federates GitHub (Auth0, Keycloak identity brokering, …) in between.',
    spec: DISCOVERY,
    providers: ['GitHub'],
  },
]
