/**
 * What an API's WWW-Authenticate challenges mean: each RFC 6750 and RFC 9449 error code explained,
 * the API's words kept verbatim, and a refusal without a readable challenge said as such.
 */
import { describe, expect, it } from 'vitest'

import {
  explainChallenges,
  missingChallenge,
} from '../../../src/features/api-calls/www-authenticate'

describe('explainChallenges', () => {
  it.each([
    ['invalid_token', 'refused the token itself', 'RFC 6750 §3.1'],
    [
      'insufficient_scope',
      'lacks the scope this request needs: the API names "orders:write"',
      'RFC 6750 §3.1',
    ],
    ['invalid_request', 'malformed', 'RFC 6750 §3.1'],
    ['use_dpop_nonce', 'DPoP-Nonce', 'RFC 9449 §9'],
    ['invalid_dpop_proof', 'refused the DPoP proof', 'RFC 9449 §7.1'],
    ['custom_error', 'does not define ("custom_error")', 'RFC 6750 §3'],
  ])('explains error="%s"', (error, meaning, spec) => {
    const [explained] = explainChallenges(
      [{ scheme: 'bearer', parameters: { error, scope: 'orders:write' } }],
      false,
    )
    expect(explained?.meaning).toContain(meaning)
    expect(explained?.spec).toBe(spec)
    expect(explained?.scheme).toBe('Bearer')
  })

  it('says a renewed token was refused too when the call was retried', () => {
    const [explained] = explainChallenges(
      [{ scheme: 'bearer', parameters: { error: 'invalid_token' } }],
      true,
    )
    expect(explained?.meaning).toContain('the renewed token was refused too')
  })

  it('explains a DPoP challenge without an error, and keeps the words verbatim in order', () => {
    const [dpop, bearer] = explainChallenges(
      [
        { scheme: 'dpop', parameters: { algs: 'ES256' } },
        { scheme: 'bearer', parameters: { realm: 'api', error_description: '<b>no</b>' } },
      ],
      false,
    )
    expect(dpop?.scheme).toBe('DPoP')
    expect(dpop?.meaning).toContain('a Bearer token is not enough')
    expect(dpop?.said).toEqual([['algs', 'ES256']])
    expect(bearer?.meaning).toContain('found no credentials it accepts')
    expect(bearer?.said).toEqual([
      ['error_description', '<b>no</b>'],
      ['realm', 'api'],
    ])
  })
})

describe('missingChallenge', () => {
  it('says why a 401 or 403 may come without a readable challenge, and nothing otherwise', () => {
    expect(missingChallenge(401, [])).toContain('Access-Control-Expose-Headers')
    expect(missingChallenge(403, [['content-type', 'text/plain']])).toContain('HTTP 403')
    expect(missingChallenge(401, [['WWW-Authenticate', 'Bearer']])).toBeUndefined()
    expect(missingChallenge(200, [])).toBeUndefined()
  })
})
