/**
 * Verifying a pasted token with keys the user gives: which key matched and why the others did not,
 * PEM keys and certificates, shared secrets with their warnings, and the refusals (alg none, an
 * algorithm the keys cannot serve, the HS256-with-a-public-key confusion).
 */
import {
  calculateJwkThumbprint,
  exportJWK,
  exportSPKI,
  generateKeyPair,
  importPKCS8,
  SignJWT,
} from 'jose'
import type { CryptoKey, JWK } from 'jose'
import { beforeAll, describe, expect, it } from 'vitest'

import { keySetKeys, readKeyText } from '../../../src/jwt/verification-keys'
import type { GivenKey } from '../../../src/jwt/verification-keys'
import { verifyWithKeys } from '../../../src/jwt/verify-with-keys'
import type { PastedVerification } from '../../../src/jwt/verify-with-keys'
import { TEST_CERTIFICATE, TEST_CERTIFICATE_PRIVATE_KEY } from '../../support/test-certificate'

const SECRET = 'a test secret long enough for HS256!'

function sign(key: CryptoKey | Uint8Array, header: { alg: string; kid?: string }) {
  return new SignJWT({ sub: 'alice' }).setProtectedHeader(header).sign(key)
}

function keysOf(text: string): GivenKey[] {
  const read = readKeyText(text)
  if (read.status !== 'read') throw new Error(read.reason)
  return read.keys
}

function jwkSet(...keys: unknown[]): { kind: 'keys'; keys: GivenKey[] } {
  const read = keySetKeys(keys)
  if (read.status !== 'read') throw new Error(read.reason)
  return { kind: 'keys', keys: read.keys }
}

function outcomes(result: PastedVerification): string[] {
  return result.keys.map((key) => `${key.label}: ${key.outcome}`)
}

let rsa: { privateKey: CryptoKey; publicKey: CryptoKey; jwk: JWK }
let ec: { privateKey: CryptoKey; publicKey: CryptoKey; jwk: JWK }

beforeAll(async () => {
  const rsaPair = await generateKeyPair('RS256', { extractable: true })
  const ecPair = await generateKeyPair('ES256', { extractable: true })
  rsa = { ...rsaPair, jwk: { ...(await exportJWK(rsaPair.publicKey)), kid: 'r1' } }
  ec = { ...ecPair, jwk: { ...(await exportJWK(ecPair.publicKey)), kid: 'e1' } }
})

describe('verifyWithKeys with a key set', () => {
  it('names the key that matched, with its kid and RFC 7638 thumbprint, and why each other did not', async () => {
    const token = await sign(ec.privateKey, { alg: 'ES256', kid: 'e1' })
    const other = await generateKeyPair('ES256')
    const result = await verifyWithKeys(
      token,
      jwkSet(
        rsa.jwk,
        { ...(await exportJWK(other.publicKey)), kid: 'e0' },
        { ...ec.jwk, use: 'enc', kid: 'e1' },
        ec.jwk,
      ),
    )
    expect(result.status).toBe('verified')
    if (result.status !== 'verified') return
    expect(result.matched).toMatchObject({
      label: 'Key 4 of 4',
      kid: 'e1',
      type: 'EC P-256',
      thumbprint: await calculateJwkThumbprint(ec.jwk),
    })
    expect(result.keys.map((key) => [key.outcome, key.reason])).toEqual([
      ['skipped', 'ES256 needs an EC key on curve P-256, and this is an RSA key'],
      ['skipped', 'its kid "e0" is not the token\'s kid "e1"'],
      ['skipped', 'its "use" is "enc", not "sig": it is not meant for signatures (RFC 7517 §4.2)'],
      ['matched', 'its ES256 signature checks out with this key'],
    ])
    expect(result.keys[0]?.type).toBe('RSA 2048-bit')
  })

  it('tries a key without a kid, and says the signature did not match when another key signed', async () => {
    const stranger = await generateKeyPair('ES256')
    const token = await sign(stranger.privateKey, { alg: 'ES256', kid: 'e1' })
    const withoutKid = { ...ec.jwk, kid: undefined }
    const result = await verifyWithKeys(token, jwkSet(withoutKid, ec.jwk))
    expect(result.status).toBe('not-verified')
    expect(outcomes(result)).toEqual(['Key 1 of 2: did-not-match', 'Key 2 of 2: did-not-match'])
    if (result.status === 'not-verified') {
      expect(result.reason).toBe('no key given checks this signature: 2 did not match')
    }
  })

  it('refuses a key set whose keys all have a type the algorithm cannot use', async () => {
    const token = await sign(rsa.privateKey, { alg: 'RS256', kid: 'r1' })
    const result = await verifyWithKeys(token, jwkSet(ec.jwk))
    expect(result.status).toBe('refused')
    if (result.status === 'refused') {
      expect(result.reason).toContain('RS256, which needs an RSA key, and no key given is one')
    }
  })

  it('refuses an HS256 token checked with public keys: the algorithm confusion attack', async () => {
    const token = await sign(new TextEncoder().encode(SECRET), { alg: 'HS256' })
    const result = await verifyWithKeys(token, jwkSet(rsa.jwk, ec.jwk))
    expect(result.status).toBe('refused')
    if (result.status === 'refused') {
      expect(result.reason).toContain('algorithm confusion attack')
      expect(result.reason).toContain('RFC 8725 §2.1')
    }
  })

  it('uses only the public part of a pasted private JWK, and warns that it is exposed', async () => {
    const token = await sign(ec.privateKey, { alg: 'ES256', kid: 'e1' })
    const privateJwk = { ...(await exportJWK(ec.privateKey)), kid: 'e1' }
    const result = await verifyWithKeys(token, {
      kind: 'keys',
      keys: keysOf(JSON.stringify(privateJwk)),
    })
    expect(result.status).toBe('verified')
    expect(result.warnings).toEqual([expect.stringContaining('The key holds a private key ("d")')])
    expect(result.keys[0]?.thumbprint).toBe(await calculateJwkThumbprint(ec.jwk))
  })

  it('checks an HMAC token with an "oct" JWK, with the shared-secret warning', async () => {
    const bytes = new TextEncoder().encode(SECRET)
    const token = await sign(bytes, { alg: 'HS256' })
    const jwk = { kty: 'oct', k: Buffer.from(bytes).toString('base64url') }
    const result = await verifyWithKeys(token, jwkSet(jwk))
    expect(result.status).toBe('verified')
    expect(result.keys[0]?.thumbprint).toBeUndefined()
    expect(result.warnings).toEqual([
      expect.stringContaining('The only key is a shared secret, which checks and signs alike'),
    ])
  })
})

describe('verifyWithKeys with PEM', () => {
  it('verifies with a PEM public key (SPKI), and names its type and thumbprint', async () => {
    const token = await sign(rsa.privateKey, { alg: 'RS256', kid: 'r1' })
    const pem = await exportSPKI((await generateKeyPair('RS256', { extractable: true })).publicKey)
    const own = await exportSPKI(rsa.publicKey)
    const result = await verifyWithKeys(token, { kind: 'keys', keys: keysOf(`${pem}\n${own}`) })
    expect(result.status).toBe('verified')
    expect(outcomes(result)).toEqual([
      'Public key 1 of 2: did-not-match',
      'Public key 2 of 2: matched',
    ])
    expect(result.keys[1]).toMatchObject({
      type: 'RSA 2048-bit',
      thumbprint: await calculateJwkThumbprint({ kty: 'RSA', n: rsa.jwk.n, e: rsa.jwk.e }),
    })
  })

  it('verifies with a certificate, and says an EC certificate cannot check an RS256 token', async () => {
    const signer = await importPKCS8(TEST_CERTIFICATE_PRIVATE_KEY, 'ES256')
    const token = await sign(signer, { alg: 'ES256' })
    const verified = await verifyWithKeys(token, { kind: 'keys', keys: keysOf(TEST_CERTIFICATE) })
    expect(verified.status).toBe('verified')
    expect(verified.keys[0]).toMatchObject({ label: 'The certificate', type: 'EC P-256' })

    const rsaToken = await sign(rsa.privateKey, { alg: 'RS256' })
    const refused = await verifyWithKeys(rsaToken, { kind: 'keys', keys: keysOf(TEST_CERTIFICATE) })
    expect(refused.status).toBe('refused')
    expect(refused.keys[0]?.reason).toBe('RS256 needs an RSA key, and this is an EC key')
  })
})

describe('verifyWithKeys with a typed secret', () => {
  it('verifies HS256 with the right secret, warns, and flags a secret shorter than the hash', async () => {
    const token = await sign(new TextEncoder().encode('short'), { alg: 'HS256' })
    const result = await verifyWithKeys(token, { kind: 'secret', secret: 'short' })
    expect(result.status).toBe('verified')
    expect(result.keys[0]?.type).toBe('shared secret, 5 bytes')
    expect(result.warnings).toEqual([
      expect.stringContaining('a secret typed into a web page is no longer secret'),
      'The secret is 5 bytes; HS256 needs at least 32 (RFC 7518 §3.2), so a short secret like this one can be guessed.',
    ])
  })

  it('says a wrong secret did not match', async () => {
    const token = await sign(new TextEncoder().encode(SECRET), { alg: 'HS256' })
    const result = await verifyWithKeys(token, { kind: 'secret', secret: `${SECRET}?` })
    expect(result.status).toBe('not-verified')
    expect(outcomes(result)).toEqual(['The shared secret: did-not-match'])
  })

  it('refuses a secret for a token signed with a private key', async () => {
    const token = await sign(ec.privateKey, { alg: 'ES256' })
    const result = await verifyWithKeys(token, { kind: 'secret', secret: SECRET })
    expect(result.status).toBe('refused')
    if (result.status === 'refused')
      expect(result.reason).toContain('a shared secret cannot check it')
  })
})

describe('verifyWithKeys refuses what has nothing to check', () => {
  const unsigned = (alg: string) =>
    `${Buffer.from(JSON.stringify({ alg })).toString('base64url')}.${Buffer.from('{"sub":"a"}').toString('base64url')}.`

  it.each(['none', 'None', 'NONE'])('refuses alg "%s", whatever key is given', async (alg) => {
    const result = await verifyWithKeys(unsigned(alg), { kind: 'secret', secret: SECRET })
    expect(result.status).toBe('refused')
    if (result.status === 'refused') expect(result.reason).toContain('RFC 8725 §3.1')
  })

  it('refuses an algorithm it does not know', async () => {
    const result = await verifyWithKeys(unsigned('XS256'), jwkSet(ec.jwk))
    expect(result.status).toBe('refused')
    if (result.status === 'refused') expect(result.reason).toContain('"XS256"')
  })
})

describe('readKeyText', () => {
  it('reads a JWK, a JWK Set, and several PEM blocks', async () => {
    expect(readKeyText(JSON.stringify(ec.jwk))).toMatchObject({ status: 'read', shape: 'a JWK' })
    expect(readKeyText(JSON.stringify({ keys: [ec.jwk, rsa.jwk] }))).toMatchObject({
      shape: 'a JWK Set of 2 keys',
    })
    const pem = await exportSPKI(ec.publicKey)
    expect(readKeyText(`${pem}\n${TEST_CERTIFICATE}`)).toMatchObject({
      shape: '1 PEM public key and 1 certificate',
      keys: [
        { label: 'The public key', form: 'spki' },
        { label: 'The certificate', form: 'x509' },
      ],
    })
  })

  it.each([
    [TEST_CERTIFICATE_PRIVATE_KEY, '"PRIVATE KEY": this is a private key'],
    [
      '-----BEGIN RSA PUBLIC KEY-----\nAAAA\n-----END RSA PUBLIC KEY-----',
      'openssl rsa -RSAPublicKey_in',
    ],
    ['{"keys": "no"}', 'neither "kty"'],
    ['{"kty": ', 'not JSON'],
    ['ssh-ed25519 AAAA', 'neither JSON'],
    ['-----BEGIN PUBLIC KEY-----\nAAAA', 'no complete'],
    ['{"keys": []}', 'the JWK Set has no keys'],
  ])('refuses %j, saying why', (text, reason) => {
    const read = readKeyText(text)
    expect(read.status).toBe('unreadable')
    if (read.status === 'unreadable') expect(read.reason).toContain(reason)
  })
})
