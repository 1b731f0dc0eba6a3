import { describe, expect, it } from 'vitest'

import { decodeJwt } from '../../../src/jwt/decode-jwt'
import { lintToken } from '../../../src/jwt/token-lint'
import type { LintInput, TokenRole } from '../../../src/jwt/token-lint'

const NOW = 1_700_000_000

function b64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url')
}

function jwt(header: Record<string, unknown>, payload: Record<string, unknown>) {
  return decodeJwt(`${b64url(header)}.${b64url(payload)}.c2ln`)
}

const CLEAN = { sub: 'alice', iat: NOW, exp: NOW + 300 }

function ids(input: Partial<LintInput> & { role: TokenRole }): string[] {
  return lintToken({ decoded: jwt({ alg: 'RS256' }, CLEAN), nowSeconds: NOW, ...input }).map(
    (finding) => finding.id,
  )
}

describe('lintToken', () => {
  it.each(['id_token', 'access_token', 'refresh_token', 'unknown'] as const)(
    'finds nothing in a clean %s',
    (role) => {
      expect(ids({ role })).toEqual([])
    },
  )

  it('finds nothing in an opaque token unless it was in a URL', () => {
    const decoded = decodeJwt('ya29.opaque')

    expect(ids({ role: 'access_token', decoded })).toEqual([])
    expect(ids({ role: 'access_token', decoded, seenInUrl: true })).toEqual(['seen-in-url'])
  })

  describe('personal data', () => {
    it('lists the personal-data claims anyone holding the token can read', () => {
      const decoded = jwt(
        { alg: 'RS256' },
        {
          ...CLEAN,
          email: 'a@example.com',
          email_verified: true,
          phone_number: '+64 21 000',
          address: { country: 'NZ' },
          given_name: 'Alice',
          birthdate: '1990-01-01',
        },
      )

      const [finding] = lintToken({ role: 'id_token', decoded, nowSeconds: NOW })

      expect(finding).toMatchObject({ id: 'personal-data', severity: 'info' })
      expect(finding?.message).toContain(
        'Personal data in the payload: email, phone_number, address, given_name, birthdate.',
      )
      expect(finding?.message).toContain('anyone who holds this token can read them')
      expect(finding?.spec?.label).toBe('RFC 7519 §12')
    })

    it('is a warning in an access token, which travels to every API', () => {
      const decoded = jwt({ alg: 'RS256' }, { ...CLEAN, name: 'Alice' })

      const [finding] = lintToken({ role: 'access_token', decoded, nowSeconds: NOW })

      expect(finding).toMatchObject({ id: 'personal-data', severity: 'warning' })
      expect(finding?.spec?.label).toBe('RFC 9068 §6')
    })

    it('stays silent for claims that are not personal data', () => {
      const decoded = jwt({ alg: 'RS256' }, { ...CLEAN, email_verified: true, locale: 'en' })

      expect(ids({ role: 'id_token', decoded })).toEqual([])
    })
  })

  describe('access token lifetime', () => {
    it('warns when exp − iat is more than an hour', () => {
      const decoded = jwt({ alg: 'RS256' }, { iat: NOW, exp: NOW + 3 * 3600 + 15 * 60 })

      const [finding] = lintToken({ role: 'access_token', decoded, nowSeconds: NOW })

      expect(finding?.id).toBe('long-lived-access-token')
      expect(finding?.message).toContain('lives 3 hours 15 minutes (exp − iat)')
      expect(finding?.spec?.label).toBe('RFC 6750 §5.3')
    })

    it('uses what is left when there is no iat', () => {
      const decoded = jwt({ alg: 'RS256' }, { exp: NOW + 10 * 86_400 })

      const [finding] = lintToken({ role: 'access_token', decoded, nowSeconds: NOW })

      expect(finding?.message).toContain('lives 10 days from now')
    })

    it('stays silent at exactly one hour, and for ID tokens', () => {
      const oneHour = jwt({ alg: 'RS256' }, { iat: NOW, exp: NOW + 3600 })
      const day = jwt({ alg: 'RS256' }, { iat: NOW, exp: NOW + 86_400 })

      expect(ids({ role: 'access_token', decoded: oneHour })).toEqual([])
      expect(ids({ role: 'id_token', decoded: day })).toEqual([])
    })
  })

  describe('no exp', () => {
    it('warns with the spec that requires exp for the role', () => {
      const decoded = jwt({ alg: 'RS256' }, { sub: 'alice' })

      for (const [role, label] of [
        ['id_token', 'OpenID Connect Core §2'],
        ['access_token', 'RFC 9068 §2.2'],
        ['unknown', 'RFC 7519 §4.1.4'],
      ] as const) {
        const [finding] = lintToken({ role, decoded, nowSeconds: NOW })
        expect(finding).toMatchObject({ id: 'no-exp', severity: 'warning' })
        expect(finding?.spec?.label).toBe(label)
      }
    })
  })

  describe('algorithms', () => {
    it.each(['none', 'None', 'NONE'])('warns about alg %s on any token', (alg) => {
      const decoded = jwt({ alg }, CLEAN)

      expect(ids({ role: 'unknown', decoded })).toEqual(['alg-none'])
      expect(ids({ role: 'access_token', decoded })).toEqual(['alg-none'])
    })

    it('warns about an HMAC on an ID token: a browser cannot check it without the secret', () => {
      const decoded = jwt({ alg: 'HS256' }, CLEAN)

      const [finding] = lintToken({ role: 'id_token', decoded, nowSeconds: NOW })

      expect(finding?.id).toBe('hmac-id-token')
      expect(finding?.message).toContain('cannot check it without that secret')
      expect(finding?.spec?.url).toBe(
        'https://openid.net/specs/openid-connect-core-1_0.html#Signing',
      )
    })

    it('stays silent about HMAC on other tokens and about asymmetric algorithms', () => {
      expect(ids({ role: 'access_token', decoded: jwt({ alg: 'HS256' }, CLEAN) })).toEqual([])
      expect(ids({ role: 'id_token', decoded: jwt({ alg: 'ES256' }, CLEAN) })).toEqual([])
    })
  })

  describe('seen in a URL', () => {
    it('warns for any role and cites RFC 9700', () => {
      const [finding] = lintToken({
        role: 'id_token',
        decoded: jwt({ alg: 'RS256' }, CLEAN),
        seenInUrl: true,
        nowSeconds: NOW,
      })

      expect(finding?.id).toBe('seen-in-url')
      expect(finding?.message).toContain('This ID token was in a URL.')
      expect(finding?.spec?.url).toBe('https://www.rfc-editor.org/rfc/rfc9700#section-4.3.2')
    })

    it('stays silent when the token did not come from a URL', () => {
      expect(ids({ role: 'unknown', seenInUrl: false })).toEqual([])
    })
  })

  describe('refresh token rotation', () => {
    it('warns when the last refresh returned the same refresh token', () => {
      const [finding] = lintToken({
        role: 'refresh_token',
        decoded: decodeJwt('rt-opaque'),
        refreshTokenRotated: false,
        nowSeconds: NOW,
      })

      expect(finding?.id).toBe('refresh-token-not-rotated')
      expect(finding?.spec?.label).toBe('RFC 9700 §4.14.2')
    })

    it('stays silent when it rotated, before any refresh, and for other roles', () => {
      const decoded = decodeJwt('rt-opaque')

      expect(ids({ role: 'refresh_token', decoded, refreshTokenRotated: true })).toEqual([])
      expect(ids({ role: 'refresh_token', decoded })).toEqual([])
      expect(ids({ role: 'access_token', decoded, refreshTokenRotated: false })).toEqual([])
    })
  })
})

describe('values present but meaningless', () => {
  const lint = (role: TokenRole, payload: Record<string, unknown>) =>
    lintToken({ role, decoded: jwt({ alg: 'RS256' }, payload), nowSeconds: NOW })

  it('finds an auth_time of 0, says it reads as 1970 and that max_age fails against it', () => {
    const [finding] = lint('id_token', { ...CLEAN, auth_time: 0 })

    expect(finding?.id).toBe('implausible-auth_time')
    expect(finding?.message).toContain('"auth_time" is 0')
    expect(finding?.message).toContain('1 January 1970')
    expect(finding?.message).toContain('max_age')
  })

  it.each(['iat', 'auth_time', 'nbf'])('finds a %s before the year 2000', (claim) => {
    expect(lint('id_token', { ...CLEAN, [claim]: 946_684_799 }).map((f) => f.id)).toEqual([
      `implausible-${claim}`,
    ])
    expect(lint('id_token', { ...CLEAN, [claim]: 946_684_800 })).toEqual([])
  })

  it('gives each placeholder time its own finding and id, so that none hides another', () => {
    expect(lint('id_token', { ...CLEAN, nbf: 0, auth_time: -1 }).map((f) => f.id)).toEqual([
      'implausible-auth_time',
      'implausible-nbf',
    ])
  })

  it('finds an iat more than five minutes ahead of the clock, not one within skew', () => {
    expect(
      ids({ role: 'id_token', decoded: jwt({ alg: 'RS256' }, { ...CLEAN, iat: NOW + 301 }) }),
    ).toEqual(['issued-in-future'])
    expect(lint('id_token', { ...CLEAN, iat: NOW + 300 })).toEqual([])
  })

  it('finds an expired token: a warning for an access token, information for an ID token', () => {
    const expired = { ...CLEAN, exp: NOW - 90 }
    const [access] = lint('access_token', expired)
    const [id] = lint('id_token', expired)

    expect(access).toMatchObject({ id: 'expired', severity: 'warning' })
    expect(access?.message).toContain('expired 1 minute ago')
    expect(id).toMatchObject({ id: 'expired', severity: 'info' })
    expect(lint('unknown', { ...CLEAN, exp: NOW + 1 })).toEqual([])
  })
})
