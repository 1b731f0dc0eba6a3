import { describe, expect, it } from 'vitest'

import { slugify } from '../../../src/components/errors/catalogue/entry'
import {
  CATALOGUE,
  CATALOGUE_GROUPS,
  catalogueEntry,
  entryFor,
  findCatalogueEntries,
} from '../../../src/components/errors/error-catalogue'
import { OidcError } from '../../../src/oidc'
import type { OidcErrorCode } from '../../../src/oidc'

const IDS = new Set(CATALOGUE.map((entry) => entry.id))

/** The codes the issue names, from RFC 6749, RFC 6750, OIDC Core and Google. */
const REQUIRED_OAUTH_CODES = [
  'invalid_request',
  'invalid_client',
  'invalid_grant',
  'unauthorized_client',
  'unsupported_grant_type',
  'invalid_scope',
  'access_denied',
  'redirect_uri_mismatch',
  'login_required',
  'interaction_required',
  'consent_required',
  'account_selection_required',
  'temporarily_unavailable',
  'server_error',
  'invalid_token',
  'insufficient_scope',
]

/** One distinctive piece of each message row of shared/research/providers.md §2. */
const PROVIDER_MESSAGES = [
  'client_secret is missing.',
  'code_verifier or verifier is not needed.',
  'Missing code verifier.',
  'Error 400: redirect_uri_mismatch',
  'Token has been expired or revoked.',
  'no refresh_token',
  "'X-Frame-Options' to 'sameorigin'",
  'accounts.google.com/o/oauth2/v2/token',
  'AADSTS9002326',
  'AADSTS9002327',
  'AADSTS7000218',
  'AADSTS700084',
  'AADSTS50058',
  'AADSTS50011',
  '"issuer" property does not match the expected value',
  '"error_description":"Unauthorized"',
  'Missing Refresh Token',
  'login_required: Login required',
  'Invalid authorization code',
  'Invalid state',
  'invalid refresh token',
  'Either the client or the client credentials are invalid.',
  '/oauth2/default/',
  'The client specified not to prompt, but the user is not logged in.',
  '/protocol/openid-connect/token',
  'Invalid parameter: redirect_uri',
  'Missing parameters: id_token_hint',
  'Stale token',
  'amazoncognito.com',
  "Required String parameter 'client_id' is not present",
  'github.com/login/oauth/access_token',
  'Client authentication failed due to unknown client',
  'Origin is not an allowed origin',
  'invalid_scope on refresh',
  "'X-Frame-Options' to 'deny'",
  'auth.pingone.com',
  'invalid_grant on refresh',
  'login.salesforce.com/services/oauth2/token',
  'No matching state found in storage',
  'only requests to HTTPS are allowed',
  'just after another tab refreshed',
  'TypeError: Failed to fetch',
]

/** Every OidcErrorCode, checked exhaustive by the compiler. */
const ALL_CODES: Record<OidcErrorCode, true> = {
  invalid_settings: true,
  unsafe_endpoint: true,
  discovery_failed: true,
  discovery_issuer_mismatch: true,
  unsupported_id_token_alg: true,
  network_error: true,
  timeout: true,
  no_pending_authorization: true,
  pending_authorization_expired: true,
  state_mismatch: true,
  iss_mismatch: true,
  authorization_error: true,
  invalid_authorization_response: true,
  token_endpoint_error: true,
  invalid_token_response: true,
  id_token_rejected: true,
  id_token_changed: true,
  userinfo_failed: true,
  userinfo_sub_mismatch: true,
  interactive_sign_in_required: true,
  revocation_failed: true,
  pushed_authorization_failed: true,
  end_session_failed: true,
}

function ids(entries: readonly { id: string }[]): string[] {
  return entries.map((entry) => entry.id)
}

describe('the error catalogue', () => {
  it('has at least 40 entries, each with a title, a message, a cause and a fix', () => {
    expect(CATALOGUE.length).toBeGreaterThanOrEqual(40)
    for (const entry of CATALOGUE) {
      expect(entry.title.trim(), entry.id).not.toBe('')
      expect(entry.message.trim(), entry.id).not.toBe('')
      expect(entry.cause.length, entry.id).toBeGreaterThan(20)
      expect(entry.fix.length, entry.id).toBeGreaterThan(20)
    }
  })

  it('has unique, anchor-safe ids that follow the slug rule', () => {
    expect(IDS.size).toBe(CATALOGUE.length)
    for (const entry of CATALOGUE) {
      expect(entry.id).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/)
      expect(slugify(entry.id)).toBe(entry.id)
    }
  })

  it('explains every OAuth and OpenID Connect error code, under the slug of the code', () => {
    for (const code of REQUIRED_OAUTH_CODES) {
      const entry = catalogueEntry(slugify(code))
      expect(entry?.group, code).toBe('oauth')
      expect(entry?.message).toBe(code)
      expect(entry?.match).toEqual({ error: code })
      expect(entry?.spec?.url, code).toMatch(/^https:\/\//)
    }
  })

  it('cites RFC 6750 for the bearer token errors and OIDC Core for the prompt=none ones', () => {
    expect(catalogueEntry('invalid-token')?.spec?.label).toBe('RFC 6750 §3.1')
    expect(catalogueEntry('insufficient-scope')?.spec?.label).toBe('RFC 6750 §3.1')
    for (const code of ['login-required', 'consent-required', 'account-selection-required']) {
      expect(catalogueEntry(code)?.spec?.url).toContain('#AuthError')
    }
  })

  it('quotes every provider message of the research notes', () => {
    for (const text of PROVIDER_MESSAGES) {
      const found = CATALOGUE.some((entry) => entry.message.includes(text))
      expect(found, text).toBe(true)
    }
  })

  it('puts every entry in a known group, and every group has entries', () => {
    const groups = new Set(CATALOGUE_GROUPS.map((group) => group.id))
    for (const entry of CATALOGUE) expect(groups.has(entry.group), entry.id).toBe(true)
    for (const group of groups) {
      expect(
        CATALOGUE.some((entry) => entry.group === group),
        group,
      ).toBe(true)
    }
  })

  it('links specifications over https only', () => {
    for (const entry of CATALOGUE) {
      if (entry.spec) expect(entry.spec.url, entry.id).toMatch(/^https:\/\/[^\s]+$/)
    }
  })
})

describe('findCatalogueEntries', () => {
  it('puts the AADSTS700084 entry before the bare invalid_grant', () => {
    const found = findCatalogueEntries({
      error: 'invalid_grant',
      error_description:
        'AADSTS700084: The refresh token was issued to a single page app (SPA), and therefore has a fixed, limited lifetime of 1.00:00:00, which cannot be extended.',
    })

    expect(ids(found)).toEqual(['aadsts700084', 'invalid-grant'])
  })

  it("recognises Google's missing secret before invalid_request", () => {
    const found = findCatalogueEntries({
      error: 'invalid_request',
      error_description: 'client_secret is missing.',
    })

    expect(ids(found)).toEqual(['google-client-secret-missing', 'invalid-request'])
  })

  it('needs both the code and the words when an entry names both', () => {
    expect(
      ids(findCatalogueEntries({ error: 'access_denied', error_description: 'Unauthorized' })),
    ).toEqual(['auth0-unauthorized', 'access-denied'])
    expect(
      ids(findCatalogueEntries({ error: 'invalid_scope', error_description: 'Unauthorized' })),
    ).toEqual(['invalid-scope'])
  })

  it('reads library and browser messages too', () => {
    expect(ids(findCatalogueEntries({ message: 'TypeError: Failed to fetch' }))).toEqual([
      'typeerror-failed-to-fetch',
    ])
    expect(ids(findCatalogueEntries({ message: 'only requests to HTTPS are allowed' }))).toEqual([
      'oauth4webapi-https-only',
    ])
  })

  it('explains the DPoP errors of RFC 9449 by their codes', () => {
    expect(findCatalogueEntries({ error: 'invalid_dpop_proof' }).map((entry) => entry.id)).toEqual([
      'invalid-dpop-proof',
    ])
    expect(findCatalogueEntries({ error: 'use_dpop_nonce' })[0]?.fix).toContain(
      'Access-Control-Expose-Headers',
    )
  })

  it('finds nothing for an unknown code without known words', () => {
    expect(findCatalogueEntries({ error: 'invalid_authorization_details' })).toEqual([])
    expect(findCatalogueEntries({})).toEqual([])
  })
})

describe('entryFor', () => {
  const errorSlug = (error: OidcError) => entryFor(error).id

  it('has an entry of its own for every OidcErrorCode, under the slug of the code', () => {
    for (const code of Object.keys(ALL_CODES) as OidcErrorCode[]) {
      const slug = errorSlug(new OidcError(code, 'token-request', 'something failed'))
      expect(slug).toBe(slugify(code))
      expect(catalogueEntry(slug)?.group).toBe('pkce-lab')
    }
  })

  it('finds each entry known by a provider’s words from those words in a token endpoint answer', () => {
    const byWords = CATALOGUE.filter((entry) => entry.match.descriptionIncludes !== undefined)
    expect(byWords.length).toBeGreaterThan(15)
    for (const entry of byWords) {
      const body = {
        error: entry.match.error ?? 'invalid_request',
        error_description: `… ${String(entry.match.descriptionIncludes)} …`,
      }
      expect(
        errorSlug(
          new OidcError('token_endpoint_error', 'token-request', 'refused', { oauthError: body }),
        ),
        entry.id,
      ).toBe(entry.id)
    }
  })

  it("prefers the provider's words, then its code, then what this app found", () => {
    const refused = (error: string, error_description?: string) =>
      new OidcError('token_endpoint_error', 'refresh', 'refused', {
        oauthError: {
          error,
          ...(error_description === undefined ? {} : { error_description }),
        },
      })

    expect(errorSlug(refused('invalid_grant', 'AADSTS700084: The refresh token was issued…'))).toBe(
      'aadsts700084',
    )
    expect(errorSlug(refused('invalid_grant', 'AADSTS90000: something unlisted'))).toBe(
      'invalid-grant',
    )
    expect(errorSlug(refused('invalid_grant'))).toBe('invalid-grant')
    expect(errorSlug(refused('invalid_authorization_details'))).toBe('token-endpoint-error')
    expect(
      errorSlug(
        new OidcError('discovery_failed', 'discovery', 'only requests to HTTPS are allowed'),
      ),
    ).toBe('oauth4webapi-https-only')
  })

  it('keeps a silent sign-in that needs the user on its own entry, unless the provider says more', () => {
    const silent = (error_description: string) =>
      new OidcError('interactive_sign_in_required', 'silent-authorization', 'needs the user', {
        oauthError: { error: 'login_required', error_description },
      })

    expect(errorSlug(silent('End-User authentication is required'))).toBe(
      'interactive-sign-in-required',
    )
    expect(errorSlug(silent('AADSTS50058: A silent sign-in request was sent…'))).toBe('aadsts50058')
  })
})
