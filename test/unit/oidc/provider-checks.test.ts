/** Each judgement of "Check this provider", on hand-built answers. */
import { describe, expect, it } from 'vitest'

import {
  judgeCors,
  judgeJwks,
  judgeMetadata,
  judgeReadable,
} from '../../../src/oidc/provider-checks'
import type { ProviderCheck, ProviderCheckId } from '../../../src/oidc/provider-checks'

const ISSUER = 'https://op.example'

/** Metadata a browser app can rely on entirely. */
const GOOD = {
  issuer: ISSUER,
  authorization_endpoint: `${ISSUER}/authorize`,
  token_endpoint: `${ISSUER}/token`,
  userinfo_endpoint: `${ISSUER}/userinfo`,
  jwks_uri: `${ISSUER}/jwks`,
  revocation_endpoint: `${ISSUER}/revoke`,
  end_session_endpoint: `${ISSUER}/logout`,
  response_types_supported: ['code'],
  subject_types_supported: ['public'],
  id_token_signing_alg_values_supported: ['RS256', 'ES256'],
  code_challenge_methods_supported: ['S256'],
  token_endpoint_auth_methods_supported: ['none', 'client_secret_basic'],
  authorization_response_iss_parameter_supported: true,
}

/** The metadata without the members named. */
function without(...names: (keyof typeof GOOD)[]): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(GOOD).filter(([name]) => !names.includes(name as keyof typeof GOOD)),
  )
}

function judged(metadata: Record<string, unknown>, id: ProviderCheckId): ProviderCheck {
  const found = judgeMetadata(metadata, ISSUER).find((check) => check.id === id)
  if (!found) throw new Error(`no ${id} check`)
  return found
}

describe('metadata judgements', () => {
  it('passes every check on metadata that offers all a browser app needs, with no fix', () => {
    const checks = judgeMetadata(GOOD, ISSUER)
    expect(checks.map((check) => [check.id, check.outcome])).toEqual(
      checks.map((check) => [check.id, 'pass']),
    )
    expect(checks.every((check) => check.fix === undefined && check.spec !== '')).toBe(true)
  })

  it('fails an issuer that differs by a trailing slash, and says to match it exactly', () => {
    const check = judged({ ...GOOD, issuer: `${ISSUER}/` }, 'issuer-exact')
    expect(check.outcome).toBe('fail')
    expect(check.finding).toContain(`"${ISSUER}/"`)
    expect(check.fix).toContain('trailing slash')
    expect(check.spec).toContain('Discovery 1.0 §4.3')
  })

  it('names the missing required members', () => {
    const rest = without('jwks_uri', 'subject_types_supported')
    const check = judged(rest, 'required-metadata')
    expect(check.outcome).toBe('fail')
    expect(check.finding).toBe('Missing: jwks_uri, subject_types_supported.')
  })

  it('judges PKCE: absent fails, plain beside S256 warns, no S256 fails', () => {
    const absent = without('code_challenge_methods_supported')
    expect(judged(absent, 'pkce-s256').outcome).toBe('fail')
    expect(judged(absent, 'pkce-s256').finding).toContain('RFC 8414 §2')
    const both = judged(
      { ...GOOD, code_challenge_methods_supported: ['plain', 'S256'] },
      'pkce-s256',
    )
    expect(both.outcome).toBe('warning')
    expect(both.fix).toContain('Remove plain')
    expect(
      judged({ ...GOOD, code_challenge_methods_supported: ['plain'] }, 'pkce-s256').outcome,
    ).toBe('fail')
  })

  it('fails a token endpoint that takes no public client, or says nothing (client_secret_basic by default)', () => {
    const absent = without('token_endpoint_auth_methods_supported')
    expect(judged(absent, 'public-client').outcome).toBe('fail')
    expect(judged(absent, 'public-client').finding).toContain('client_secret_basic')
    const secretOnly = judged(
      { ...GOOD, token_endpoint_auth_methods_supported: ['client_secret_post'] },
      'public-client',
    )
    expect(secretOnly.outcome).toBe('fail')
    expect(secretOnly.fix).toContain('"none"')
  })

  it('warns when iss in the callback is not promised, and when optional endpoints are absent', () => {
    const rest = without('authorization_response_iss_parameter_supported', 'end_session_endpoint')
    expect(judged(rest, 'iss-parameter').outcome).toBe('warning')
    expect(judged(rest, 'end-session-endpoint').outcome).toBe('warning')
    expect(judged(rest, 'end-session-endpoint').finding).toContain('cannot end the session')
    expect(judged(rest, 'revocation-endpoint').outcome).toBe('pass')
  })

  it('fails an http endpoint off loopback, and accepts one on loopback', () => {
    const check = judged(
      { ...GOOD, userinfo_endpoint: 'http://op.example/userinfo' },
      'endpoints-https',
    )
    expect(check.outcome).toBe('fail')
    expect(check.finding).toContain('userinfo_endpoint "http://op.example/userinfo"')
    expect(
      judged({ ...GOOD, userinfo_endpoint: 'http://127.0.0.1:5180/me' }, 'endpoints-https').outcome,
    ).toBe('pass')
    expect(
      judged({ ...GOOD, userinfo_endpoint: 'javascript:alert(1)' }, 'endpoints-https').outcome,
    ).toBe('fail')
  })

  it('judges the ID token algorithms: HMAC only fails, none warns, no RS256 warns', () => {
    expect(
      judged({ ...GOOD, id_token_signing_alg_values_supported: ['HS256'] }, 'id-token-algs')
        .outcome,
    ).toBe('fail')
    expect(
      judged({ ...GOOD, id_token_signing_alg_values_supported: ['RS256', 'none'] }, 'id-token-algs')
        .outcome,
    ).toBe('warning')
    expect(
      judged({ ...GOOD, id_token_signing_alg_values_supported: ['ES256'] }, 'id-token-algs')
        .finding,
    ).toContain('RS256 is not listed')
  })
})

describe('key set judgements', () => {
  it('passes public signing keys', () => {
    const check = judgeJwks({ keys: [{ kty: 'RSA', kid: 'a', use: 'sig', n: 'x', e: 'AQAB' }] })
    expect(check).toMatchObject({ id: 'jwks-keys', outcome: 'pass' })
  })

  it('fails a published private part or a symmetric key, naming the key', () => {
    const check = judgeJwks({
      keys: [
        { kty: 'RSA', kid: 'leaky', n: 'x', e: 'AQAB', d: 'secret' },
        { kty: 'oct', kid: 'shared', k: 'secret' },
      ],
    })
    expect(check.outcome).toBe('fail')
    expect(check.finding).toContain('key "leaky" publishes d: its private part')
    expect(check.finding).toContain('key "shared" publishes k: a symmetric key')
    expect(check.fix).toContain('rotate')
  })

  it('fails what is not a key set, and a set with only encryption keys', () => {
    expect(judgeJwks({ keys: 'none' }).outcome).toBe('fail')
    expect(judgeJwks([]).outcome).toBe('fail')
    const encryptionOnly = judgeJwks({ keys: [{ kty: 'RSA', use: 'enc', n: 'x', e: 'AQAB' }] })
    expect(encryptionOnly.outcome).toBe('fail')
    expect(encryptionOnly.finding).toContain('none usable')
  })
})

describe('CORS and readability judgements', () => {
  const ORIGIN = 'https://app.example'

  it('passes an endpoint whose error answer this page could read, with its status', () => {
    const check = judgeCors('token-cors', { answered: true, status: 400 }, ORIGIN)
    expect(check.outcome).toBe('pass')
    expect(check.finding).toContain('HTTP 400')
  })

  it('fails a hidden answer at the token endpoint, naming the origin to allow', () => {
    const check = judgeCors('token-cors', { answered: false, reachability: 'hidden' }, ORIGIN)
    expect(check.outcome).toBe('fail')
    expect(check.finding).toContain(`CORS does not allow ${ORIGIN}`)
    expect(check.fix).toContain('preflight')
  })

  it('only warns for a hidden UserInfo error answer: one with a token may differ', () => {
    const check = judgeCors('userinfo-cors', { answered: false, reachability: 'hidden' }, ORIGIN)
    expect(check.outcome).toBe('warning')
    expect(check.finding).toContain('a call after a sign-in tells')
  })

  it('tells no answer at all apart from CORS', () => {
    const check = judgeCors(
      'revocation-cors',
      { answered: false, reachability: 'no-answer' },
      ORIGIN,
    )
    expect(check.outcome).toBe('fail')
    expect(check.finding).toContain('down, unreachable from here')
  })

  it('fails a document that is not 200, or not JSON', () => {
    expect(
      judgeReadable('discovery-readable', { answered: true, status: 404 }, false, ORIGIN),
    ).toMatchObject({ outcome: 'fail', finding: 'HTTP 404 for the discovery document.' })
    expect(
      judgeReadable('jwks-readable', { answered: true, status: 200 }, false, ORIGIN).finding,
    ).toContain('not a JSON object')
    expect(
      judgeReadable('jwks-readable', { answered: true, status: 200 }, true, ORIGIN).outcome,
    ).toBe('pass')
  })
})
