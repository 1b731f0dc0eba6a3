import {
  CompactEncrypt,
  CompactSign,
  exportJWK,
  generateKeyPair,
  generateSecret,
  SignJWT,
} from 'jose'
import type { CryptoKey, JWK } from 'jose'
import { beforeAll, describe, expect, it, vi } from 'vitest'

import { keyHeaderWarnings, verifyJwtSignature } from '../../../src/jwt/verify-signature'

const JWKS_URI = 'https://op.example/jwks'
const CLAIMS = { iss: 'https://op.example', sub: 'alice', aud: 'spa' }

function b64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url')
}

/** A fetch that serves `body` as the provider's key set and records every request. */
function serve(body: unknown, status = 200) {
  return vi.fn<typeof fetch>(() =>
    Promise.resolve(
      new Response(typeof body === 'string' ? body : JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json' },
      }),
    ),
  )
}

async function keyPair(alg: 'RS256' | 'ES256', kid?: string) {
  const { privateKey, publicKey } = await generateKeyPair(alg)
  const jwk: JWK = { ...(await exportJWK(publicKey)), alg, use: 'sig' }
  if (kid !== undefined) jwk.kid = kid
  return { privateKey, jwk }
}

function sign(privateKey: CryptoKey, header: { alg: string; kid?: string }) {
  return new SignJWT(CLAIMS).setProtectedHeader(header).sign(privateKey)
}

let rsa: Awaited<ReturnType<typeof keyPair>>
let ec: Awaited<ReturnType<typeof keyPair>>

beforeAll(async () => {
  rsa = await keyPair('RS256', 'k1')
  ec = await keyPair('ES256', 'e1')
})

describe('verifyJwtSignature', () => {
  it('verifies an RS256 token with the key named by its kid, fetched from jwks_uri only', async () => {
    const fetchKeys = serve({ keys: [ec.jwk, rsa.jwk] })
    const token = await sign(rsa.privateKey, { alg: 'RS256', kid: 'k1' })

    const result = await verifyJwtSignature({ token, jwksUri: JWKS_URI, fetch: fetchKeys })

    expect(result).toEqual({ status: 'verified', kid: 'k1', alg: 'RS256' })
    expect(fetchKeys).toHaveBeenCalledTimes(1)
    expect(fetchKeys.mock.calls[0]?.[0]).toBe(JWKS_URI)
  })

  it('verifies an ES256 token', async () => {
    const token = await sign(ec.privateKey, { alg: 'ES256', kid: 'e1' })

    const result = await verifyJwtSignature({
      token,
      jwksUri: JWKS_URI,
      fetch: serve({ keys: [rsa.jwk, ec.jwk] }),
    })

    expect(result).toEqual({ status: 'verified', kid: 'e1', alg: 'ES256' })
  })

  it('accepts http only on loopback', async () => {
    const token = await sign(rsa.privateKey, { alg: 'RS256', kid: 'k1' })

    const result = await verifyJwtSignature({
      token,
      jwksUri: 'http://127.0.0.1:4000/jwks',
      fetch: serve({ keys: [rsa.jwk] }),
    })

    expect(result.status).toBe('verified')
  })

  it('fails a token whose payload was altered after signing', async () => {
    const token = await sign(rsa.privateKey, { alg: 'RS256', kid: 'k1' })
    const [header, , signature] = token.split('.')
    const tampered = `${header ?? ''}.${b64url({ ...CLAIMS, sub: 'mallory' })}.${signature ?? ''}`

    const result = await verifyJwtSignature({
      token: tampered,
      jwksUri: JWKS_URI,
      fetch: serve({ keys: [rsa.jwk] }),
    })

    expect(result).toEqual({
      status: 'failed',
      reason:
        'the signature does not match the payload: the token was altered, or signed by another key',
    })
  })

  it('fails a token signed by another key that claims the same kid', async () => {
    const impostor = await keyPair('RS256', 'k1')
    const token = await sign(impostor.privateKey, { alg: 'RS256', kid: 'k1' })

    const result = await verifyJwtSignature({
      token,
      jwksUri: JWKS_URI,
      fetch: serve({ keys: [rsa.jwk] }),
    })

    expect(result.status).toBe('failed')
    expect(result.status === 'failed' && result.reason).toMatch(/does not match the payload/)
  })

  it('fails a token whose kid is not in the key set, naming the kid', async () => {
    const token = await sign(rsa.privateKey, { alg: 'RS256', kid: 'rotated-away' })

    const result = await verifyJwtSignature({
      token,
      jwksUri: JWKS_URI,
      fetch: serve({ keys: [rsa.jwk] }),
    })

    expect(result.status).toBe('failed')
    expect(result.status === 'failed' && result.reason).toMatch(
      /no key in the provider's key set has kid "rotated-away" and fits alg RS256/,
    )
  })

  it('verifies a token without kid when exactly one key fits (rp-id_token-kid-absent-single-jwks)', async () => {
    const token = await sign(rsa.privateKey, { alg: 'RS256' })

    const result = await verifyJwtSignature({
      token,
      jwksUri: JWKS_URI,
      fetch: serve({ keys: [rsa.jwk, ec.jwk] }),
    })

    expect(result).toEqual({ status: 'verified', alg: 'RS256' })
    expect(result).not.toHaveProperty('kid')
  })

  it('fails a token without kid when several keys fit (rp-id_token-kid-absent-multiple-jwks)', async () => {
    const other = await keyPair('RS256', 'k2')
    const token = await sign(rsa.privateKey, { alg: 'RS256' })

    const result = await verifyJwtSignature({
      token,
      jwksUri: JWKS_URI,
      fetch: serve({ keys: [rsa.jwk, other.jwk] }),
    })

    expect(result.status).toBe('failed')
    expect(result.status === 'failed' && result.reason).toMatch(/no "kid".*a kid is required/)
  })

  it('never uses the key a token carries in its own jwk header', async () => {
    const attacker = await generateKeyPair('RS256')
    const attackerPublicJwk = await exportJWK(attacker.publicKey)
    const token = await new CompactSign(new TextEncoder().encode(JSON.stringify(CLAIMS)))
      .setProtectedHeader({ alg: 'RS256', jwk: attackerPublicJwk })
      .sign(attacker.privateKey)

    const result = await verifyJwtSignature({
      token,
      jwksUri: JWKS_URI,
      fetch: serve({ keys: [rsa.jwk] }),
    })

    expect(result.status).toBe('failed')
    expect(result.status === 'failed' && result.reason).toMatch(/does not match the payload/)
  })

  it('never fetches the key set a token points to with jku', async () => {
    const token = await new SignJWT(CLAIMS)
      .setProtectedHeader({ alg: 'RS256', kid: 'k1', jku: 'https://attacker.example/jwks' })
      .sign(rsa.privateKey)
    const fetchKeys = serve({ keys: [rsa.jwk] })

    const result = await verifyJwtSignature({ token, jwksUri: JWKS_URI, fetch: fetchKeys })

    expect(result.status).toBe('verified')
    expect(fetchKeys.mock.calls.map(([url]) => url)).toEqual([JWKS_URI])
  })

  it('cannot verify an unsigned token (alg none), and fetches nothing', async () => {
    const fetchKeys = serve({ keys: [rsa.jwk] })
    const token = `${b64url({ alg: 'none' })}.${b64url(CLAIMS)}.`

    const result = await verifyJwtSignature({ token, jwksUri: JWKS_URI, fetch: fetchKeys })

    expect(result).toEqual({
      status: 'cannot-verify',
      reason: 'an unsigned token: there is no signature to check, and nothing vouches for it',
    })
    expect(fetchKeys).not.toHaveBeenCalled()
  })

  it('cannot verify an HS256 token: that needs the client secret', async () => {
    const fetchKeys = serve({ keys: [rsa.jwk] })
    const secret = await generateSecret('HS256')
    const token = await new SignJWT(CLAIMS).setProtectedHeader({ alg: 'HS256' }).sign(secret)

    const result = await verifyJwtSignature({ token, jwksUri: JWKS_URI, fetch: fetchKeys })

    expect(result.status).toBe('cannot-verify')
    expect(result.status === 'cannot-verify' && result.reason).toMatch(
      /shared secret.*client secret.*a browser app never should hold that secret/,
    )
    expect(fetchKeys).not.toHaveBeenCalled()
  })

  it('cannot verify an alg it does not support, naming the alg', async () => {
    const token = `${b64url({ alg: 'RS1', kid: 'k1' })}.${b64url(CLAIMS)}.c2ln`

    const result = await verifyJwtSignature({
      token,
      jwksUri: JWKS_URI,
      fetch: serve({ keys: [rsa.jwk] }),
    })

    expect(result.status).toBe('cannot-verify')
    expect(result.status === 'cannot-verify' && result.reason).toMatch(/algorithm RS1/)
  })

  it('cannot verify an opaque token', async () => {
    const fetchKeys = serve({ keys: [rsa.jwk] })

    const result = await verifyJwtSignature({
      token: 'opaque-1234',
      jwksUri: JWKS_URI,
      fetch: fetchKeys,
    })

    expect(result.status).toBe('cannot-verify')
    expect(result.status === 'cannot-verify' && result.reason).toMatch(/opaque/)
    expect(fetchKeys).not.toHaveBeenCalled()
  })

  it('cannot verify an encrypted token (JWE)', async () => {
    const recipient = await generateKeyPair('RSA-OAEP-256')
    const token = await new CompactEncrypt(new TextEncoder().encode('secret'))
      .setProtectedHeader({ alg: 'RSA-OAEP-256', enc: 'A256GCM' })
      .encrypt(recipient.publicKey)

    const result = await verifyJwtSignature({
      token,
      jwksUri: JWKS_URI,
      fetch: serve({ keys: [rsa.jwk] }),
    })

    expect(result.status).toBe('cannot-verify')
    expect(result.status === 'cannot-verify' && result.reason).toMatch(
      /encrypted.*integrity is checked by decryption with the recipient's key/,
    )
  })

  it('cannot verify without a jwks_uri', async () => {
    const token = await sign(rsa.privateKey, { alg: 'RS256', kid: 'k1' })

    const result = await verifyJwtSignature({ token, jwksUri: undefined, fetch: serve({}) })

    expect(result).toEqual({
      status: 'cannot-verify',
      reason: 'the provider publishes no jwks_uri',
    })
  })

  it('refuses a plain-http jwks_uri off loopback without fetching it', async () => {
    const fetchKeys = serve({ keys: [rsa.jwk] })
    const token = await sign(rsa.privateKey, { alg: 'RS256', kid: 'k1' })

    const result = await verifyJwtSignature({
      token,
      jwksUri: 'http://op.example/jwks',
      fetch: fetchKeys,
    })

    expect(result.status).toBe('cannot-verify')
    expect(result.status === 'cannot-verify' && result.reason).toMatch(/http:\/\/op\.example\/jwks/)
    expect(fetchKeys).not.toHaveBeenCalled()
  })

  it('blames CORS, naming the URL, when fetching the key set rejects without a status', async () => {
    const token = await sign(rsa.privateKey, { alg: 'RS256', kid: 'k1' })
    const fetchKeys = vi.fn<typeof fetch>(() => Promise.reject(new TypeError('Failed to fetch')))

    const result = await verifyJwtSignature({ token, jwksUri: JWKS_URI, fetch: fetchKeys })

    expect(result.status).toBe('failed')
    expect(result.status === 'failed' && result.reason).toContain(JWKS_URI)
    expect(result.status === 'failed' && result.reason).toContain('CORS')
  })

  it('says when the key set does not answer in time', async () => {
    const token = await sign(rsa.privateKey, { alg: 'RS256', kid: 'k1' })
    const fetchKeys = vi.fn<typeof fetch>(
      (_url, init) =>
        new Promise((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => {
            reject(init.signal?.reason as Error)
          })
        }),
    )

    const result = await verifyJwtSignature({
      token,
      jwksUri: JWKS_URI,
      fetch: fetchKeys,
      timeoutMs: 20,
    })

    expect(result).toEqual({
      status: 'failed',
      reason: `the provider's key set at ${JWKS_URI} did not answer within 0.02 s`,
    })
  })

  it('reports the status when the key set answers 500', async () => {
    const token = await sign(rsa.privateKey, { alg: 'RS256', kid: 'k1' })

    const result = await verifyJwtSignature({
      token,
      jwksUri: JWKS_URI,
      fetch: serve({ error: 'server_error' }, 500),
    })

    expect(result.status).toBe('failed')
    expect(result.status === 'failed' && result.reason).toMatch(/HTTP status 500/)
  })

  it('fails when the key set is not JSON, or not a key set', async () => {
    const token = await sign(rsa.privateKey, { alg: 'RS256', kid: 'k1' })

    const notJson = await verifyJwtSignature({
      token,
      jwksUri: JWKS_URI,
      fetch: serve('<html>'),
    })
    const notKeySet = await verifyJwtSignature({
      token,
      jwksUri: JWKS_URI,
      fetch: serve({ keys: 'none' }),
    })

    expect(notJson.status === 'failed' && notJson.reason).toMatch(
      /status 200, but its body is not JSON/,
    )
    expect(notKeySet.status === 'failed' && notKeySet.reason).toMatch(
      /not a valid JSON Web Key Set/,
    )
  })
})

describe('keyHeaderWarnings', () => {
  it('names the key set a jku points to and the chain an x5c carries, and why they prove nothing', () => {
    const warnings = keyHeaderWarnings({
      alg: 'RS256',
      jku: 'https://attacker.example/jwks',
      x5c: ['MIIB...', 'MIIC...'],
    })

    expect(warnings).toHaveLength(2)
    expect(warnings[0]).toMatch(/"jku".*https:\/\/attacker\.example\/jwks/)
    expect(warnings[1]).toMatch(/"x5c".*a chain of 2 certificates/)
    for (const warning of warnings) {
      expect(warning).toMatch(/whoever made the token chose it/)
      expect(warning).toMatch(/proves nothing/)
      expect(warning).toMatch(/jwks_uri/)
    }
  })

  it('names an embedded jwk and an x5u URL', () => {
    const warnings = keyHeaderWarnings({
      alg: 'RS256',
      jwk: { kty: 'RSA', kid: 'evil', n: 'AQAB', e: 'AQAB' },
      x5u: 'https://attacker.example/chain.pem',
    })

    expect(warnings[0]).toMatch(/"jwk".*an RSA public key with kid "evil"/)
    expect(warnings[1]).toMatch(/"x5u".*https:\/\/attacker\.example\/chain\.pem/)
  })

  it('says nothing about a header without key headers', () => {
    expect(keyHeaderWarnings({ alg: 'RS256', typ: 'JWT', kid: 'k1' })).toEqual([])
  })
})
