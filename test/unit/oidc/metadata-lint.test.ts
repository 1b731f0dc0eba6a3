import { describe, expect, it } from 'vitest'

import { lintMetadata } from '../../../src/oidc'
import type { MetadataFinding, ProviderMetadata } from '../../../src/oidc'

const APP_ORIGIN = 'https://app.example'

const FULL: ProviderMetadata = {
  issuer: 'https://op.example',
  authorization_endpoint: 'https://op.example/authorize',
  token_endpoint: 'https://op.example/token',
  userinfo_endpoint: 'https://op.example/userinfo',
  jwks_uri: 'https://op.example/jwks',
  revocation_endpoint: 'https://op.example/revoke',
  end_session_endpoint: 'https://op.example/session/end',
  code_challenge_methods_supported: ['S256'],
  authorization_response_iss_parameter_supported: true,
}

/** The metadata without some fields. */
function without(...fields: (keyof ProviderMetadata)[]): ProviderMetadata {
  const metadata: ProviderMetadata = { ...FULL }
  for (const field of fields) Reflect.deleteProperty(metadata, field)
  return metadata
}

function finding(findings: readonly MetadataFinding[], name: string): MetadataFinding {
  const found = findings.find((candidate) => candidate.name === name)
  if (!found) {
    throw new Error(`no finding "${name}" in ${findings.map((f) => f.name).join(', ')}`)
  }
  return found
}

const S256 = 'S256 is in code_challenge_methods_supported'
const ISS = 'authorization_response_iss_parameter_supported'

describe('lintMetadata', () => {
  it('passes everything for a provider that offers all this app uses', () => {
    const findings = lintMetadata(FULL, APP_ORIGIN)

    expect(findings.map((f) => f.name)).toEqual([
      'issuer equals the one configured',
      S256,
      'authorization_endpoint and token_endpoint are present',
      'userinfo_endpoint is present',
      'jwks_uri is present',
      'revocation_endpoint is present',
      'end_session_endpoint is present',
      'reachable from this origin',
      ISS,
    ])
    expect(findings.filter((f) => f.outcome === 'failed')).toEqual([])
  })

  it('names the issuer, the endpoints and the origin in the details', () => {
    const findings = lintMetadata(FULL, APP_ORIGIN)

    expect(finding(findings, 'issuer equals the one configured').detail).toContain(
      'https://op.example',
    )
    expect(finding(findings, 'authorization_endpoint and token_endpoint are present').detail).toBe(
      'https://op.example/authorize · https://op.example/token',
    )
    expect(finding(findings, 'reachable from this origin').detail).toContain(APP_ORIGIN)
  })

  describe('PKCE S256', () => {
    it('passes when S256 is offered, and says what is offered', () => {
      const s256 = finding(
        lintMetadata({ ...FULL, code_challenge_methods_supported: ['plain', 'S256'] }, APP_ORIGIN),
        S256,
      )

      expect(s256.outcome).toBe('passed')
      expect(s256.detail).toBe('Offered: plain, S256')
    })

    it.each([[['plain']], [[]]])('fails when only %j is offered', (methods) => {
      const s256 = finding(
        lintMetadata({ ...FULL, code_challenge_methods_supported: methods }, APP_ORIGIN),
        S256,
      )

      expect(s256.outcome).toBe('failed')
      expect(s256.detail).toBe(`Offered: ${methods.join(', ')}`)
    })

    it('fails when the metadata does not say, and says S256 is sent anyway', () => {
      const s256 = finding(
        lintMetadata(without('code_challenge_methods_supported'), APP_ORIGIN),
        S256,
      )

      expect(s256.outcome).toBe('failed')
      expect(s256.detail).toMatch(/^The metadata does not say; PKCE S256 is sent anyway/)
    })
  })

  describe('optional endpoints', () => {
    it.each([
      ['userinfo_endpoint', 'https://op.example/userinfo', 'UserInfo'],
      ['jwks_uri', 'https://op.example/jwks', 'signature checks'],
      ['revocation_endpoint', 'https://op.example/revoke', 'revoking tokens at sign-out'],
      ['end_session_endpoint', 'https://op.example/session/end', 'ending the provider session'],
    ] as const)('passes %s when present, with its URL and use', (field, url, use) => {
      const present = finding(lintMetadata(FULL, APP_ORIGIN), `${field} is present`)

      expect(present.outcome).toBe('passed')
      expect(present.detail).toContain(`${url}, for ${use}`)
    })

    it.each([
      ['userinfo_endpoint', 'Absent: no UserInfo'],
      ['jwks_uri', 'Absent: no signature checks'],
      ['revocation_endpoint', 'Absent: no revoking tokens at sign-out'],
      ['end_session_endpoint', 'Absent: no ending the provider session at sign-out'],
    ] as const)('fails %s when absent, and says what is lost', (field, detail) => {
      const findings = lintMetadata(without(field), APP_ORIGIN)

      const absent = finding(findings, `${field} is present`)
      expect(absent.outcome).toBe('failed')
      expect(absent.detail).toContain(detail)
      // Only that one.
      expect(findings.filter((f) => f.outcome === 'failed').map((f) => f.name)).toEqual([
        `${field} is present`,
      ])
    })
  })

  describe('the iss parameter in the callback (RFC 9207)', () => {
    it('passes when the provider sends iss, and says it is checked', () => {
      const iss = finding(lintMetadata(FULL, APP_ORIGIN), ISS)

      expect(iss.outcome).toBe('passed')
      expect(iss.detail).toContain('RFC 9207')
    })

    it.each([
      ['false', { ...FULL, authorization_response_iss_parameter_supported: false }],
      ['absent', without('authorization_response_iss_parameter_supported')],
    ])('fails when it is %s, says "not advertised", and names the defence left', (_, metadata) => {
      const iss = finding(lintMetadata(metadata, APP_ORIGIN), ISS)

      expect(iss.outcome).toBe('failed')
      expect(iss.detail).toMatch(/^Not advertised/)
      expect(iss.detail).toContain('pending authorization')
      // It does not claim what only the callback can show.
      expect(iss.detail).not.toMatch(/does not send/)
    })
  })
})
