import { describe, expect, it } from 'vitest'

import { describeClaims, describeTime } from '../../../src/jwt/describe-claims'
import { nth } from '../../support/nth'

const NOW = 1_700_000_000
const UTC = { locale: 'en-US', timeZone: 'UTC' }

// ICU may put a narrow no-break space before AM/PM; compare the words, not the space character.
function normaliseSpaces(text: string | undefined): string | undefined {
  return text?.replace(/\s/g, ' ')
}

function relative(delta: number): string | undefined {
  return describeTime(NOW + delta, NOW, UTC)?.relative
}

describe('describeClaims', () => {
  it('keeps the payload order and shows strings as they are and everything else as JSON', () => {
    const rows = describeClaims(
      {
        sub: 'alice',
        aud: ['spa', 'api'],
        email_verified: true,
        address: { country: 'NZ' },
        custom: null,
      },
      NOW,
      UTC,
    )

    expect(rows.map((row) => [row.name, row.value])).toEqual([
      ['sub', 'alice'],
      ['aud', '["spa","api"]'],
      ['email_verified', 'true'],
      ['address', '{"country":"NZ"}'],
      ['custom', 'null'],
    ])
  })

  it('describes exp as a local time and a relative phrase', () => {
    const row = nth(describeClaims({ exp: NOW + 4 * 60 + 30 }, NOW, UTC), 0)

    expect(row.value).toBe(String(NOW + 270))
    expect(normaliseSpaces(row.time?.local)).toBe('Nov 14, 2023, 10:17:50 PM UTC')
    expect(row.time?.relative).toBe('in 4 minutes')
    expect(row.time?.epochSeconds).toBe(NOW + 270)
  })

  it('describes iat, nbf, auth_time and a numeric updated_at as times', () => {
    const rows = describeClaims(
      { iat: NOW - 120, nbf: NOW - 120, auth_time: NOW - 3 * 3600, updated_at: NOW - 2 * 86_400 },
      NOW,
      UTC,
    )

    expect(rows.map((row) => row.time?.relative)).toEqual([
      '2 minutes ago',
      '2 minutes ago',
      '3 hours ago',
      '2 days ago',
    ])
  })

  it('does not treat a string updated_at, a string exp or other numbers as times', () => {
    const rows = describeClaims(
      { updated_at: '2023-11-14T22:13:20Z', exp: 'soon', max_age: 300 },
      NOW,
      UTC,
    )

    expect(rows.map((row) => row.time)).toEqual([undefined, undefined, undefined])
  })

  it('leaves the time out when no date can represent the number', () => {
    const row = nth(describeClaims({ exp: 1e300 }, NOW, UTC), 0)

    expect(row.value).toBe('1e+300')
    expect(row.time).toBeUndefined()
  })

  it('adds a meaning and a spec link for registered claims only', () => {
    const rows = describeClaims(
      { exp: NOW, nonce: 'n-0S6', scope: 'openid', favourite_colour: 'teal', constructor: 'x' },
      NOW,
      UTC,
    )

    expect(nth(rows, 0).meaning).toMatchObject({
      spec: 'RFC 7519 §4.1.4',
      specUrl: 'https://www.rfc-editor.org/rfc/rfc7519#section-4.1.4',
    })
    expect(nth(rows, 1).meaning?.specUrl).toBe(
      'https://openid.net/specs/openid-connect-core-1_0.html#IDToken',
    )
    expect(nth(rows, 2).meaning?.spec).toBe('RFC 9068 §2.2.3')
    expect(nth(rows, 3).meaning).toBeUndefined()
    expect(nth(rows, 4).meaning).toBeUndefined()
  })

  it('marks personal data, which anyone holding the token can read', () => {
    const rows = describeClaims({ sub: 'alice', email: 'a@example.com', zoneinfo: 'UTC' }, NOW, UTC)

    expect(rows.map((row) => row.personalData)).toEqual([undefined, true, undefined])
  })

  it('takes its meanings from the claim catalogue, provider claims included', () => {
    const rows = describeClaims(
      { tid: 't', realm_access: { roles: [] }, act: { sub: 'x' } },
      NOW,
      UTC,
    )

    expect(nth(rows, 0).meaning?.text).toMatch(/^Microsoft Entra: the tenant/)
    expect(nth(rows, 1).meaning?.text).toMatch(/^Keycloak: the realm roles/)
    expect(nth(rows, 2).meaning?.spec).toBe('RFC 8693 §4.1')
  })

  it('keeps a claim value with HTML in it as plain text', () => {
    const row = nth(describeClaims({ name: '<img src=x onerror=alert(1)>' }, NOW, UTC), 0)

    expect(row.value).toBe('<img src=x onerror=alert(1)>')
  })
})

describe('describeTime relative phrases', () => {
  it.each([
    [0, 'now'],
    [0.9, 'now'],
    [-0.9, 'now'],
    [1, 'in 1 second'],
    [30, 'in 30 seconds'],
    [59, 'in 59 seconds'],
    [60, 'in 1 minute'],
    [-59, '59 seconds ago'],
    [-60, '1 minute ago'],
    [4 * 60 + 59, 'in 4 minutes'],
    [3599, 'in 59 minutes'],
    [3600, 'in 1 hour'],
    [-3 * 3600, '3 hours ago'],
    [86_399, 'in 23 hours'],
    [86_400, 'in 1 day'],
    [-10 * 86_400, '10 days ago'],
  ])('%s s from now reads "%s"', (delta, phrase) => {
    expect(relative(delta)).toBe(phrase)
  })
})
