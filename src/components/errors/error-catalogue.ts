/**
 * The error catalogue: every entry, in the order the explainer shows its groups, and the one matcher
 * that finds the entries for a failure. The groups live in catalogue/, one file each; this app's own
 * failures are the table keyed by error code in catalogue/pkce-lab.ts. The error panel and the
 * explainer both find entries here, so a failure's link, advice and entry always agree.
 */
import type { OidcError } from '../../oidc'
import { AUTH0_ENTRIES } from './catalogue/auth0'
import { BROWSER_LIBRARY_ENTRIES } from './catalogue/browser-library'
import { COGNITO_ENTRIES } from './catalogue/cognito'
import type { CatalogueEntry, CatalogueGroup } from './catalogue/entry'
import { ENTRA_ENTRIES } from './catalogue/entra'
import { GITHUB_ENTRIES } from './catalogue/github'
import { GOOGLE_ENTRIES } from './catalogue/google'
import { KEYCLOAK_ENTRIES } from './catalogue/keycloak'
import { OAUTH_ENTRIES } from './catalogue/oauth'
import { OKTA_ENTRIES } from './catalogue/okta'
import { OTHER_PROVIDER_ENTRIES } from './catalogue/other-providers'
import { PKCE_LAB_ENTRIES } from './catalogue/pkce-lab'
import { slugify } from './catalogue/entry'

export type { CatalogueEntry, CatalogueGroup } from './catalogue/entry'

export const CATALOGUE_GROUPS: readonly { id: CatalogueGroup; label: string }[] = [
  { id: 'oauth', label: 'OAuth 2.0 and OpenID Connect error codes' },
  { id: 'google', label: 'Google' },
  { id: 'entra', label: 'Microsoft Entra ID' },
  { id: 'auth0', label: 'Auth0' },
  { id: 'okta', label: 'Okta' },
  { id: 'keycloak', label: 'Keycloak' },
  { id: 'cognito', label: 'Amazon Cognito' },
  { id: 'github', label: 'GitHub' },
  {
    id: 'other-providers',
    label: 'Other providers (GitLab, authentik, ZITADEL, PingOne, Salesforce)',
  },
  { id: 'browser-library', label: 'Browser and library' },
  { id: 'pkce-lab', label: 'Checks PKCE Lab makes' },
]

export const CATALOGUE: readonly CatalogueEntry[] = [
  ...OAUTH_ENTRIES,
  ...GOOGLE_ENTRIES,
  ...ENTRA_ENTRIES,
  ...AUTH0_ENTRIES,
  ...OKTA_ENTRIES,
  ...KEYCLOAK_ENTRIES,
  ...COGNITO_ENTRIES,
  ...GITHUB_ENTRIES,
  ...OTHER_PROVIDER_ENTRIES,
  ...BROWSER_LIBRARY_ENTRIES,
  ...PKCE_LAB_ENTRIES,
]

export function catalogueEntry(id: string): CatalogueEntry | undefined {
  return CATALOGUE.find((entry) => entry.id === id)
}

/**
 * The entries that explain a provider's error, most specific first: those recognised by the provider's
 * words come before those that only share its `error` code. An entry whose match names both needs both.
 */
export function findCatalogueEntries(error: {
  error?: string
  error_description?: string
  message?: string
}): CatalogueEntry[] {
  const texts = [error.error_description, error.message]
    .filter((text): text is string => text !== undefined)
    .map((text) => text.toLowerCase())
  const byWords: CatalogueEntry[] = []
  const byCode: CatalogueEntry[] = []
  for (const entry of CATALOGUE) {
    const { error: code, descriptionIncludes } = entry.match
    if (code === undefined && descriptionIncludes === undefined) continue
    if (code !== undefined && code !== error.error) continue
    if (descriptionIncludes === undefined) {
      byCode.push(entry)
      continue
    }
    const needle = descriptionIncludes.toLowerCase()
    if (texts.some((text) => text.includes(needle))) byWords.push(entry)
  }
  return [...byWords, ...byCode]
}

/**
 * The entry that explains a failure best: the provider's own words (an AADSTS number, a known
 * message), then its `error` code, then words in what this app found, then this app's own entry for
 * the failure. A silent sign-in that needs the user is expected rather than a setup problem: unless
 * the provider's words say more, its own entry says why.
 */
export function entryFor(error: OidcError): CatalogueEntry {
  const own = catalogueEntry(slugify(error.code))
  if (!own) throw new Error(`no catalogue entry for ${error.code}`)
  const body = error.oauthError
  const fromProvider = body
    ? findCatalogueEntries({
        error: body.error,
        ...(body.error_description === undefined
          ? {}
          : { error_description: body.error_description }),
      })
    : []
  const byWords = fromProvider.find((entry) => entry.match.descriptionIncludes !== undefined)
  if (byWords) return byWords
  if (error.code === 'interactive_sign_in_required') return own
  return fromProvider[0] ?? findCatalogueEntries({ message: error.message })[0] ?? own
}
