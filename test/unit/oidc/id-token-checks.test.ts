import { describe, expect, it } from 'vitest'

import { idTokenChecks } from '../../../src/oidc/id-token-checks'

const EXPECTED = { issuer: 'https://op.example', clientId: 'spa', alg: 'RS256' }
const CLAIMS = { iss: 'https://op.example', sub: 'u1', aud: 'spa', exp: 2, iat: 1, nonce: 'n' }

function outcomes(claims: Record<string, unknown>) {
  return Object.fromEntries(
    idTokenChecks({ ...EXPECTED, claims }).map((check) => [check.id, check.outcome]),
  )
}

describe('idTokenChecks', () => {
  it('calls azp not applicable with one audience, as a string or a one-element array', () => {
    expect(outcomes(CLAIMS).azp).toBe('not-applicable')
    expect(outcomes({ ...CLAIMS, aud: ['spa'] }).azp).toBe('not-applicable')
    expect(outcomes({ ...CLAIMS, azp: 'spa' }).azp).toBe('not-applicable')
  })

  it('calls azp passed when there are several audiences (oauth4webapi then compared it)', () => {
    expect(outcomes({ ...CLAIMS, aud: ['spa', 'api'], azp: 'spa' }).azp).toBe('passed')
  })

  it('calls nbf not applicable when the token has none, and passed when it has one', () => {
    expect(outcomes(CLAIMS).nbf).toBe('not-applicable')
    expect(outcomes({ ...CLAIMS, nbf: 1 }).nbf).toBe('passed')
  })

  it('calls nonce not applicable on a refreshed ID token without one', () => {
    expect(outcomes({ ...CLAIMS, nonce: undefined }).nonce).toBe('not-applicable')
    expect(outcomes(CLAIMS).nonce).toBe('passed')
  })

  it('gives a reason for every rule that did not apply, and none for those that passed', () => {
    for (const check of idTokenChecks({ ...EXPECTED, claims: {} })) {
      expect(check.reason === undefined).toBe(check.outcome === 'passed')
    }
  })

  it('lists the signature only when it was verified', () => {
    const ids = (verified: boolean) =>
      idTokenChecks({ ...EXPECTED, claims: CLAIMS, signatureVerified: verified }).map((c) => c.id)
    expect(ids(true)).toContain('signature')
    expect(ids(false)).not.toContain('signature')
  })
})
