/**
 * The claims a resource server checks (RFC 9068 §4): each has its own outcome, a check with nothing
 * to compare with is "not checked", one the token's kind does not call for is "not applicable".
 */
import { describe, expect, it } from 'vitest'

import { resourceServerChecks } from '../../../src/jwt/resource-server-checks'
import type { ResourceServerInput } from '../../../src/jwt/resource-server-checks'

const NOW = 1_800_000_000

const AT_JWT: ResourceServerInput = {
  header: { alg: 'ES256', typ: 'at+jwt' },
  payload: {
    iss: 'https://op.example',
    aud: ['urn:api', 'urn:other'],
    exp: NOW + 300,
    iat: NOW - 10,
    sub: 'alice',
    client_id: 'spa',
    jti: 'j1',
  },
  expectedIssuer: 'https://op.example',
  expectedAudience: 'urn:api',
  asAccessToken: true,
  nowSeconds: NOW,
}

function outcomes(input: ResourceServerInput): Record<string, string> {
  return Object.fromEntries(resourceServerChecks(input).map((check) => [check.id, check.outcome]))
}

function detail(input: ResourceServerInput, id: string): string | undefined {
  return resourceServerChecks(input).find((check) => check.id === id)?.detail
}

describe('resourceServerChecks', () => {
  it('passes a JWT access token that meets RFC 9068, and leaves nbf not applicable', () => {
    expect(outcomes(AT_JWT)).toEqual({
      typ: 'passed',
      iss: 'passed',
      aud: 'passed',
      exp: 'passed',
      nbf: 'not-applicable',
      iat: 'passed',
      sub: 'passed',
      client_id: 'passed',
      jti: 'passed',
    })
    expect(detail(AT_JWT, 'aud')).toBe('aud holds "urn:api" among 2 audiences')
    expect(detail(AT_JWT, 'exp')).toBe("expires in 5 min by this browser's clock")
  })

  it('fails an ID token judged as an access token on its typ, naming the confusion it prevents', () => {
    const idToken = { ...AT_JWT, header: { alg: 'RS256' } }
    expect(outcomes(idToken).typ).toBe('failed')
    expect(detail(idToken, 'typ')).toContain('keeps an ID token')
  })

  it('accepts "application/at+jwt" in any case', () => {
    const input = { ...AT_JWT, header: { alg: 'ES256', typ: 'Application/AT+JWT' } }
    expect(outcomes(input).typ).toBe('passed')
  })

  it('does not check iss and aud it was not given, and never calls them passed', () => {
    const input = { ...AT_JWT, expectedIssuer: ' ', expectedAudience: '' }
    expect(outcomes(input)).toMatchObject({ iss: 'not-checked', aud: 'not-checked' })
  })

  it('fails another issuer, another audience, an expired token and one not yet valid', () => {
    const input: ResourceServerInput = {
      ...AT_JWT,
      payload: { ...AT_JWT.payload, aud: 'urn:else', exp: NOW - 120, nbf: NOW + 60 },
      expectedIssuer: 'https://op.example/',
    }
    expect(outcomes(input)).toMatchObject({
      iss: 'failed',
      aud: 'failed',
      exp: 'failed',
      nbf: 'failed',
    })
    expect(detail(input, 'iss')).toBe(
      'iss is "https://op.example", not "https://op.example/" (compared exactly, as RFC 9068 §4 asks)',
    )
    expect(detail(input, 'exp')).toBe("expired 2 min ago by this browser's clock")
    expect(detail(input, 'nbf')).toBe("not valid for another 60 s (nbf) by this browser's clock")
  })

  it('fails the claims RFC 9068 §2.2 requires when absent, and an iat far in the future', () => {
    const input: ResourceServerInput = {
      ...AT_JWT,
      payload: { iss: 'https://op.example', aud: 'urn:api', iat: NOW + 600 },
    }
    expect(outcomes(input)).toMatchObject({
      exp: 'failed',
      iat: 'failed',
      sub: 'failed',
      client_id: 'failed',
      jti: 'failed',
    })
    expect(detail(input, 'iat')).toContain('10 min in the future')
  })

  it('judged as another kind of token, the profile checks are not applicable, never passed', () => {
    const input: ResourceServerInput = {
      ...AT_JWT,
      header: { alg: 'RS256' },
      payload: { iss: 'https://op.example', aud: 'urn:api' },
      asAccessToken: false,
    }
    expect(outcomes(input)).toEqual({
      typ: 'not-applicable',
      iss: 'passed',
      aud: 'passed',
      exp: 'not-applicable',
      nbf: 'not-applicable',
      iat: 'not-applicable',
      sub: 'not-applicable',
      client_id: 'not-applicable',
      jti: 'not-applicable',
    })
  })
})
