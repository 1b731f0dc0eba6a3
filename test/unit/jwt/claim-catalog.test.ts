import { describe, expect, it } from 'vitest'

import {
  claimCatalog,
  headerParameterCatalog,
  lookUpClaim,
  lookUpHeaderParameter,
} from '../../../src/jwt/claim-catalog'

// Every claim the issue names, so none can quietly drop out of the catalogue.
const REQUIRED_CLAIMS = [
  ...['iss', 'sub', 'aud', 'exp', 'nbf', 'iat', 'jti'],
  ...['auth_time', 'nonce', 'acr', 'amr', 'azp', 'at_hash', 'c_hash', 'sid'],
  ...['name', 'given_name', 'family_name', 'middle_name', 'nickname', 'preferred_username'],
  ...['profile', 'picture', 'website', 'email', 'email_verified', 'gender', 'birthdate'],
  ...['zoneinfo', 'locale', 'phone_number', 'phone_number_verified', 'address', 'updated_at'],
  ...['client_id', 'scope', 'act', 'may_act', 'cnf'],
  ...['tid', 'oid', 'upn', 'hd', 'realm_access', 'resource_access'],
  ...['groups', 'roles', 'entitlements', 'org_id', 'permissions'],
]

describe('claimCatalog', () => {
  it('has at least 40 entries with unique names', () => {
    const names = claimCatalog.map((entry) => entry.name)

    expect(names.length).toBeGreaterThanOrEqual(40)
    expect(new Set(names).size).toBe(names.length)
  })

  it('has every claim the issue names', () => {
    const missing = REQUIRED_CLAIMS.filter((name) => lookUpClaim(name) === undefined)

    expect(missing).toEqual([])
  })

  it.each(claimCatalog.map((entry) => [entry.name, entry] as const))(
    '%s has a meaning, a spec name and an https spec link',
    (_, entry) => {
      expect(entry.meaning.length).toBeGreaterThan(10)
      expect(entry.meaning).toMatch(/[.)]$/)
      expect(entry.spec).not.toBe('')
      expect(new URL(entry.specUrl).protocol).toBe('https:')
    },
  )

  it('links RFC sections to rfc-editor.org and OpenID sections to their anchors', () => {
    expect(lookUpClaim('exp')).toMatchObject({
      spec: 'RFC 7519 §4.1.4',
      specUrl: 'https://www.rfc-editor.org/rfc/rfc7519#section-4.1.4',
      kind: 'time',
    })
    expect(lookUpClaim('email')?.specUrl).toBe(
      'https://openid.net/specs/openid-connect-core-1_0.html#StandardClaims',
    )
    expect(lookUpClaim('act')?.specUrl).toBe('https://www.rfc-editor.org/rfc/rfc8693#section-4.1')
    expect(lookUpClaim('cnf')?.specUrl).toBe('https://www.rfc-editor.org/rfc/rfc7800#section-3.1')
    for (const entry of claimCatalog.filter((claim) => claim.spec.startsWith('RFC '))) {
      expect(entry.specUrl).toMatch(/^https:\/\/www\.rfc-editor\.org\/rfc\/rfc\d+#section-[\d.]+$/)
    }
  })

  it('marks the personal-data claims, and not the technical ones', () => {
    const personal = claimCatalog.filter((entry) => entry.personalData).map((entry) => entry.name)

    expect(personal).toEqual(
      expect.arrayContaining([
        'email',
        'phone_number',
        'address',
        'name',
        'given_name',
        'family_name',
        'birthdate',
      ]),
    )
    expect(personal).not.toContain('sub')
    expect(personal).not.toContain('email_verified')
  })

  it('marks exactly the NumericDate claims as times', () => {
    const times = claimCatalog.filter((entry) => entry.kind === 'time').map((entry) => entry.name)

    expect(times.sort()).toEqual(['auth_time', 'exp', 'iat', 'nbf', 'updated_at'])
  })

  it('finds nothing for unregistered names, including inherited object properties', () => {
    for (const name of ['favourite_colour', 'constructor', '__proto__', 'toString']) {
      expect(lookUpClaim(name)).toBeUndefined()
    }
  })
})

describe('headerParameterCatalog', () => {
  it('covers the RFC 7515 §4.1 parameters with unique names and RFC links', () => {
    const names = headerParameterCatalog.map((entry) => entry.name)

    expect(names).toEqual(
      expect.arrayContaining([
        'alg',
        'typ',
        'kid',
        'jku',
        'x5u',
        'jwk',
        'x5c',
        'x5t',
        'cty',
        'crit',
      ]),
    )
    expect(new Set(names).size).toBe(names.length)
    for (const entry of headerParameterCatalog) {
      expect(entry.specUrl).toMatch(
        /^https:\/\/www\.rfc-editor\.org\/rfc\/rfc751[56]#section-4\.1\.\d+$/,
      )
    }
  })

  it('flags exactly the parameters that name a key chosen by the token maker', () => {
    const flagged = headerParameterCatalog
      .filter((entry) => entry.keyChosenByTokenMaker)
      .map((entry) => entry.name)

    expect(flagged.sort()).toEqual(['jku', 'jwk', 'x5c', 'x5u'])
    expect(lookUpHeaderParameter('kid')?.keyChosenByTokenMaker).toBeUndefined()
    expect(lookUpHeaderParameter('constructor')).toBeUndefined()
  })
})
