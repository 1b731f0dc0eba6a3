/**
 * DPoP as the app explains it (RFC 9449): a proof's fields compared with the request it went with,
 * the `ath` hash as a server computes it, and whether an access token is bound to this page's key.
 */
import { calculateJwkThumbprint, exportJWK, generateKeyPair, SignJWT } from 'jose'
import { describe, expect, it } from 'vitest'

import { dpopBindingChecks } from '../../../src/jwt/dpop-binding'
import { dpopAccessTokenHash, readDpopProof } from '../../../src/jwt/dpop-proof'

const SENT_AT_MS = 1_800_000_000_000

async function proof(claims: Record<string, unknown>) {
  const { privateKey, publicKey } = await generateKeyPair('ES256')
  const jwk = await exportJWK(publicKey)
  const signed = await new SignJWT(claims)
    .setProtectedHeader({ typ: 'dpop+jwt', alg: 'ES256', jwk })
    .sign(privateKey)
  return { signed, thumbprint: await calculateJwkThumbprint(jwk) }
}

function unsigned(payload: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
  return `${part({ alg: 'ES256', typ: 'at+jwt' })}.${part(payload)}.c2ln`
}

describe('readDpopProof', () => {
  const request = {
    method: 'POST',
    url: 'https://op.example/token?ignored=1',
    sentAt: SENT_AT_MS,
    nonceHandedOut: 'n-1',
  }

  it('explains every field and compares htm, htu, iat and nonce with the request', async () => {
    const { signed } = await proof({
      jti: 'j-1',
      htm: 'POST',
      htu: 'https://op.example/token',
      iat: SENT_AT_MS / 1000 + 1,
      nonce: 'n-1',
    })
    const read = readDpopProof(signed, request)
    if (!read.ok) throw new Error(read.reason)
    const byName = new Map(read.fields.map((field) => [field.name, field]))
    expect([...byName.keys()]).toEqual(['typ', 'alg', 'jwk', 'jti', 'htm', 'htu', 'iat', 'nonce'])
    expect(byName.get('typ')?.part).toBe('header')
    expect(byName.get('jwk')?.value).toContain('"kty":"EC"')
    expect(byName.get('jti')?.check).toBeUndefined()
    expect(byName.get('jti')?.meaning).toContain('replayed')
    expect(byName.get('htm')?.check?.outcome).toBe('passed')
    expect(byName.get('htu')?.check).toEqual({
      outcome: 'passed',
      detail: 'the request went to https://op.example/token',
    })
    expect(byName.get('iat')?.check).toEqual({
      outcome: 'passed',
      detail: '1 s after the request was sent',
    })
    expect(byName.get('nonce')?.check?.outcome).toBe('passed')
    for (const field of read.fields) expect(field.spec.label).toMatch(/^RFC 9449 §/)
  })

  it('says which field does not match the request', async () => {
    const { signed } = await proof({
      jti: 'j-2',
      htm: 'GET',
      htu: 'https://other.example/token',
      iat: SENT_AT_MS / 1000 - 600,
      nonce: 'stale',
    })
    const read = readDpopProof(signed, request)
    if (!read.ok) throw new Error(read.reason)
    const outcome = (name: string) => read.fields.find((field) => field.name === name)?.check
    expect(outcome('htm')).toEqual({ outcome: 'failed', detail: "the request's method is POST" })
    expect(outcome('htu')?.outcome).toBe('failed')
    expect(outcome('iat')).toEqual({
      outcome: 'failed',
      detail: '600 s before the request was sent: a server will find it out of date',
    })
    expect(outcome('nonce')?.outcome).toBe('failed')
  })

  it('compares no nonce when the server handed none out, and refuses what is not a JWT', async () => {
    const { signed } = await proof({
      jti: 'j',
      htm: 'GET',
      htu: 'https://a.example/',
      iat: 1,
      nonce: 'x',
    })
    const read = readDpopProof(signed, { method: 'GET', url: 'https://a.example/', sentAt: 0 })
    expect(read.ok && read.fields.find((field) => field.name === 'nonce')?.check).toBeUndefined()
    expect(readDpopProof('not-a-proof', request)).toEqual({
      ok: false,
      reason: 'The DPoP header does not decode as a JWT.',
    })
  })

  it('computes ath as RFC 9449 §7.1 does in its example', async () => {
    expect(await dpopAccessTokenHash('Kz~8mXK1EalYznwH-LC-1fBAo.4Ljp~zsPE_NeO.gxU')).toBe(
      'fUHyO2r2Z3DZ53EsNrWBb0xWXoaNy59IiKCAqksmQEo',
    )
  })
})

describe('dpopBindingChecks', () => {
  const thumbprint = 'NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs'

  it('passes a DPoP token whose cnf.jkt is the key thumbprint', () => {
    const checks = dpopBindingChecks({
      accessToken: unsigned({ cnf: { jkt: thumbprint } }),
      tokenType: 'DPoP',
      thumbprint,
    })
    expect(checks.map((check) => [check.id, check.outcome])).toEqual([
      ['token_type', 'passed'],
      ['cnf.jkt', 'passed'],
    ])
  })

  it('fails a token bound to another key, and a Bearer answer to a proof', () => {
    const other = dpopBindingChecks({
      accessToken: unsigned({ cnf: { jkt: 'another' } }),
      tokenType: 'dpop',
      thumbprint,
    })
    expect(other[1]?.outcome).toBe('failed')
    expect(other[1]?.detail).toContain('bound to another key')
    const bearer = dpopBindingChecks({ accessToken: unsigned({}), tokenType: 'Bearer', thumbprint })
    expect(bearer.map((check) => check.outcome)).toEqual(['failed', 'not-applicable'])
    expect(bearer[0]?.detail).toContain('it ignored the proof')
  })

  it('fails a DPoP JWT without cnf.jkt, and cannot say for an opaque token', () => {
    expect(
      dpopBindingChecks({ accessToken: unsigned({}), tokenType: 'DPoP', thumbprint })[1]?.outcome,
    ).toBe('failed')
    const opaque = dpopBindingChecks({ accessToken: 'opaque-token', tokenType: 'DPoP', thumbprint })
    expect(opaque[1]).toMatchObject({ id: 'cnf.jkt', outcome: 'not-applicable' })
    expect(opaque[1]?.detail).toContain('introspection')
  })
})
