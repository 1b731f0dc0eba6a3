/**
 * Checks a pasted token's signature with keys the user gives (verification-keys.ts, or a key set
 * fetched for them) or a shared secret, and says which key matched (kid, RFC 7638 thumbprint) and why
 * each other did not. The algorithm comes from the token but must fit the key: `alg: none` and a
 * token whose algorithm no given key can serve are refused (RFC 8725 §2.1, §3.1). Signature only;
 * resource-server-checks.ts judges the claims. jose is loaded when this runs, not with the page.
 */
import type * as JoseApi from 'jose'
import type { CryptoKey, JWK } from 'jose'
import { decode as base64urlDecode } from 'jose/base64url'

import { decodeJwt } from './decode-jwt'
import type { GivenKey } from './verification-keys'

export type KeyOutcome = 'matched' | 'did-not-match' | 'skipped' | 'unusable'

/** What became of one key: tried and matched, tried and not, not tried (why), or not readable. */
export interface KeyReport {
  label: string
  kid?: string
  /** "RSA 2048-bit", "EC P-256", "OKP Ed25519", "shared secret, 32 bytes". */
  type?: string
  /** The RFC 7638 SHA-256 thumbprint of the public key; never computed for a secret. */
  thumbprint?: string
  outcome: KeyOutcome
  reason: string
}

export type PastedVerification =
  | { status: 'verified'; alg: string; matched: KeyReport; keys: KeyReport[]; warnings: string[] }
  | { status: 'not-verified'; alg: string; reason: string; keys: KeyReport[]; warnings: string[] }
  | { status: 'refused'; reason: string; keys: KeyReport[]; warnings: string[] }

export type VerificationKeys =
  { kind: 'keys'; keys: readonly GivenKey[] } | { kind: 'secret'; secret: string }

type Jose = typeof JoseApi

/** The key type a JWS algorithm needs (RFC 7518 §3.1, RFC 8037 §3.1, RFC 9864). */
type Family =
  | { kty: 'RSA' }
  | { kty: 'EC'; crv: string }
  | { kty: 'OKP'; crv: readonly string[] }
  | { kty: 'oct'; minBytes: number }

function familyOf(alg: string): Family | undefined {
  if (/^(RS|PS)(256|384|512)$/.test(alg)) return { kty: 'RSA' }
  if (alg === 'ES256') return { kty: 'EC', crv: 'P-256' }
  if (alg === 'ES384') return { kty: 'EC', crv: 'P-384' }
  if (alg === 'ES512') return { kty: 'EC', crv: 'P-521' }
  if (alg === 'EdDSA') return { kty: 'OKP', crv: ['Ed25519', 'Ed448'] }
  if (alg === 'Ed25519') return { kty: 'OKP', crv: ['Ed25519'] }
  const hmac = /^HS(256|384|512)$/.exec(alg)
  // RFC 7518 §3.2: a key at least as long as the hash output.
  if (hmac?.[1] !== undefined) return { kty: 'oct', minBytes: Number(hmac[1]) / 8 }
  return undefined
}

function describeKty(kty: string | undefined): string {
  switch (kty) {
    case 'RSA':
    case 'EC':
    case 'OKP':
      return `an ${kty} key`
    case 'oct':
      return 'a shared secret'
    default:
      return kty === undefined ? 'a key without a type' : `a key of type "${kty}"`
  }
}

function describeFamily(family: Family): string {
  switch (family.kty) {
    case 'RSA':
      return 'an RSA key'
    case 'EC':
      return `an EC key on curve ${family.crv}`
    case 'OKP':
      return `an OKP key on curve ${family.crv.join(' or ')}`
    case 'oct':
      return 'a shared secret'
  }
}

/** Only the members a public key is made of (RFC 7518 §6.2.1, §6.3.1; RFC 8037 §2). */
const PUBLIC_MEMBERS: Record<string, readonly string[]> = {
  RSA: ['kty', 'n', 'e'],
  EC: ['kty', 'crv', 'x', 'y'],
  OKP: ['kty', 'crv', 'x'],
}

const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth']

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined
}

function describeType(jwk: Record<string, unknown>): string | undefined {
  const kty = text(jwk.kty)
  if (kty === 'RSA') {
    const n = text(jwk.n)
    try {
      return n === undefined ? 'RSA' : `RSA ${String(base64urlDecode(n).length * 8)}-bit`
    } catch {
      return 'RSA'
    }
  }
  if (kty === 'EC' || kty === 'OKP') {
    const crv = text(jwk.crv)
    return crv === undefined ? kty : `${kty} ${crv}`
  }
  return kty
}

/**
 * Why a key cannot check this token before anything is computed, or undefined when it may.
 * `mismatch`: the key is of a type the token's algorithm cannot use.
 */
function whyNotTried(
  jwk: Record<string, unknown>,
  alg: string,
  family: Family,
  tokenKid: string | undefined,
): { reason: string; mismatch: boolean } | undefined {
  const kty = text(jwk.kty)
  const fitsFamily =
    kty === family.kty &&
    (family.kty !== 'EC' || jwk.crv === family.crv) &&
    (family.kty !== 'OKP' || family.crv.includes(String(jwk.crv)))
  if (!fitsFamily) {
    const what = kty === family.kty ? `${describeKty(kty)} on ${String(jwk.crv)}` : describeKty(kty)
    return { reason: `${alg} needs ${describeFamily(family)}, and this is ${what}`, mismatch: true }
  }
  const { use, key_ops: keyOps } = jwk
  if (use !== undefined && use !== 'sig') {
    return {
      reason: `its "use" is ${JSON.stringify(use)}, not "sig": it is not meant for signatures (RFC 7517 §4.2)`,
      mismatch: false,
    }
  }
  if (keyOps !== undefined && !(Array.isArray(keyOps) && keyOps.includes('verify'))) {
    return { reason: 'its "key_ops" does not include "verify" (RFC 7517 §4.3)', mismatch: false }
  }
  const kid = text(jwk.kid)
  if (tokenKid !== undefined && kid !== undefined && kid !== tokenKid) {
    return { reason: `its kid "${kid}" is not the token's kid "${tokenKid}"`, mismatch: false }
  }
  const keyAlg = text(jwk.alg)
  if (keyAlg !== undefined && keyAlg !== alg) {
    return {
      reason: `it is for ${keyAlg} ("alg", RFC 7517 §4.4), and the token says ${alg}`,
      mismatch: false,
    }
  }
  return undefined
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** Imports and tries one key; a signature that does not match is an outcome, not an error. */
async function tryKey(
  jose: Jose,
  token: string,
  alg: string,
  key: CryptoKey | Uint8Array,
): Promise<Pick<KeyReport, 'outcome' | 'reason'>> {
  try {
    await jose.compactVerify(token, key, { algorithms: [alg] })
    return { outcome: 'matched', reason: `its ${alg} signature checks out with this key` }
  } catch (error) {
    if (error instanceof jose.errors.JWSSignatureVerificationFailed) {
      return {
        outcome: 'did-not-match',
        reason:
          'the signature does not match with this key: another key signed it, or the token was altered',
      }
    }
    return { outcome: 'unusable', reason: `it could not be used: ${message(error)}` }
  }
}

// Tried in turn to learn what a PEM holds; the token's own algorithm is tried first.
const PROBE_ALGS = ['RS256', 'ES256', 'ES384', 'ES512', 'Ed25519']

/** A PEM public key or certificate as a JWK, by the first algorithm family jose imports it as. */
async function pemToJwk(
  jose: Jose,
  key: Extract<GivenKey, { pem: string }>,
  alg: string,
): Promise<JWK | undefined> {
  const read = key.form === 'spki' ? jose.importSPKI : jose.importX509
  for (const probe of [alg, ...PROBE_ALGS]) {
    try {
      return await jose.exportJWK(await read(key.pem, probe, { extractable: true }))
    } catch {
      // Not this family: the next is tried.
    }
  }
  return undefined
}

/** One key's report; `mismatch`: a key of a type the token's algorithm cannot use. */
async function reportKey(
  ...args: Parameters<typeof judgeKey>
): Promise<{ report: KeyReport; mismatch: boolean }> {
  const { mismatch, ...report } = await judgeKey(...args)
  return { report, mismatch: mismatch === true }
}

async function judgeKey(
  jose: Jose,
  token: string,
  alg: string,
  family: Family,
  tokenKid: string | undefined,
  given: GivenKey,
  warnings: string[],
): Promise<KeyReport & { mismatch?: true }> {
  const label = given.label
  let jwk: unknown
  if (given.form === 'jwk') {
    jwk = given.jwk
  } else {
    jwk = await pemToJwk(jose, given, alg)
    if (jwk === undefined) {
      return {
        label,
        outcome: 'unusable',
        reason: `it could not be read as an RSA, EC (P-256, P-384, P-521) or Ed25519 public ${given.form === 'x509' ? 'key in a certificate' : 'key'}`,
      }
    }
  }
  if (typeof jwk !== 'object' || jwk === null || Array.isArray(jwk)) {
    return { label, outcome: 'unusable', reason: 'it is not a JSON object, so not a JWK' }
  }
  const record = jwk as Record<string, unknown>
  const kid = text(record.kid)
  const type = describeType(record)
  const base = {
    label,
    ...(kid === undefined ? {} : { kid }),
    ...(type === undefined ? {} : { type }),
  }
  if (typeof record.kty !== 'string') {
    return {
      ...base,
      outcome: 'unusable',
      reason: 'it has no "kty", which every JWK has (RFC 7517 §4.1)',
    }
  }
  const publicMembers = PUBLIC_MEMBERS[record.kty]
  const publicJwk =
    publicMembers === undefined
      ? record
      : Object.fromEntries(
          publicMembers.filter((name) => name in record).map((name) => [name, record[name]]),
        )
  const thumbprint =
    publicMembers === undefined
      ? undefined
      : await jose.calculateJwkThumbprint(publicJwk as JWK).catch(() => undefined)
  const described = { ...base, ...(thumbprint === undefined ? {} : { thumbprint }) }
  const privateMembers = PRIVATE_MEMBERS.filter((name) => name in record)
  if (publicMembers !== undefined && privateMembers.length > 0) {
    warnings.push(
      `${label} holds a private key (${privateMembers.map((name) => `"${name}"`).join(', ')}). Checking a signature needs only the public key, so only its public part was used; a private key pasted into a web page should be treated as exposed, and replaced if it is real.`,
    )
  }
  const notTried = whyNotTried(record, alg, family, tokenKid)
  if (notTried !== undefined) {
    return {
      ...described,
      outcome: 'skipped',
      reason: notTried.reason,
      ...(notTried.mismatch ? { mismatch: true as const } : {}),
    }
  }
  let key: CryptoKey | Uint8Array
  try {
    key = await jose.importJWK(publicJwk, alg)
  } catch (error) {
    return {
      ...described,
      outcome: 'unusable',
      reason: `it could not be imported: ${message(error)}`,
    }
  }
  if (family.kty === 'oct') {
    warnings.push(sharedSecretWarning(`${label} is a shared secret, which checks and signs alike`))
  }
  return { ...described, ...(await tryKey(jose, token, alg, key)) }
}

function sharedSecretWarning(label: string): string {
  return `${label}: whoever holds it can sign tokens as well as check them, and a secret typed into a web page is no longer secret. Check real tokens with a test secret only, or where the secret already lives.`
}

/** RFC 7518 §3.2: an HMAC key shorter than the hash output must not be used. */
function shortSecretWarning(bytes: number, alg: string, minBytes: number): string | undefined {
  return bytes < minBytes
    ? `The secret is ${String(bytes)} bytes; ${alg} needs at least ${String(minBytes)} (RFC 7518 §3.2), so a short secret like this one can be guessed.`
    : undefined
}

function summary(keys: readonly KeyReport[]): string {
  const count = (outcome: KeyOutcome) => keys.filter((key) => key.outcome === outcome).length
  const parts = [
    [count('did-not-match'), 'did not match'],
    [count('skipped'), 'could not serve this token'],
    [count('unusable'), 'could not be used'],
  ] as const
  return parts
    .filter(([n]) => n > 0)
    .map(([n, what]) => `${String(n)} ${what}`)
    .join(', ')
}

/**
 * Verifies `token` with the given keys or secret, trying every key that may serve it, so that the
 * report says of each why it did or did not match.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7515#section-5.2
 * @see https://www.rfc-editor.org/rfc/rfc8725#section-3.1
 */
export async function verifyWithKeys(
  token: string,
  given: VerificationKeys,
): Promise<PastedVerification> {
  const decoded = decodeJwt(token)
  if (decoded.kind !== 'jwt') {
    return {
      status: 'refused',
      reason: 'only a signed JWT (a JWS) has a signature to check',
      keys: [],
      warnings: [],
    }
  }
  const alg = text(decoded.header.alg)
  const tokenKid = text(decoded.header.kid)
  if (alg === undefined || alg === '') {
    return {
      status: 'refused',
      reason:
        'the header names no algorithm ("alg" is required, RFC 7515 §4.1.1), so there is nothing to check it by',
      keys: [],
      warnings: [],
    }
  }
  // Any case: "None" and "NONE" are the classic attempts to slip past a filter.
  if (alg.toLowerCase() === 'none') {
    return {
      status: 'refused',
      reason:
        'the token says alg "none": an unsecured JWT (RFC 7519 §6) has no signature, and a verifier must refuse it whatever key it holds (RFC 8725 §3.1)',
      keys: [],
      warnings: [],
    }
  }
  const family = familyOf(alg)
  if (family === undefined) {
    return {
      status: 'refused',
      reason: `the algorithm "${alg}" is not one this check knows (RS, PS, ES, EdDSA, Ed25519 or HS)`,
      keys: [],
      warnings: [],
    }
  }
  const warnings: string[] = []
  const jose = await import('jose')

  if (given.kind === 'secret') {
    if (family.kty !== 'oct') {
      return {
        status: 'refused',
        reason: `the token says ${alg}, which is checked with the signer's public key (${describeFamily(family)}); a shared secret cannot check it. Give the issuer's public key, key set or issuer instead`,
        keys: [],
        warnings,
      }
    }
    const bytes = new TextEncoder().encode(given.secret)
    const label = 'The shared secret'
    warnings.push(sharedSecretWarning('A shared secret checks and signs alike'))
    const short = shortSecretWarning(bytes.length, alg, family.minBytes)
    if (short !== undefined) warnings.push(short)
    const report: KeyReport = {
      label,
      type: `shared secret, ${String(bytes.length)} bytes`,
      ...(await tryKey(jose, token, alg, bytes)),
    }
    return report.outcome === 'matched'
      ? { status: 'verified', alg, matched: report, keys: [report], warnings }
      : { status: 'not-verified', alg, reason: report.reason, keys: [report], warnings }
  }

  const reports: { report: KeyReport; mismatch: boolean }[] = []
  for (const key of given.keys) {
    reports.push(await reportKey(jose, token, alg, family, tokenKid, key, warnings))
  }
  const keys = reports.map(({ report }) => report)
  const matched = keys.find((key) => key.outcome === 'matched')
  if (matched !== undefined) {
    return { status: 'verified', alg, matched, keys, warnings }
  }
  // Not one key of a type the algorithm can use: the pairing itself is refused (RFC 8725 §3.1).
  if (reports.every(({ mismatch }) => mismatch)) {
    return {
      status: 'refused',
      reason:
        family.kty === 'oct'
          ? `the token says ${alg}, an HMAC with a shared secret, and no key given is a secret. Using a public key as an HMAC secret is the algorithm confusion attack: a verifier takes the algorithm from its key, never from the token alone (RFC 8725 §2.1, §3.1). To check it, give the shared secret`
          : `the token says ${alg}, which needs ${describeFamily(family)}, and no key given is one: an algorithm and a key that do not fit are refused, never tried (RFC 8725 §3.1)`,
      keys,
      warnings,
    }
  }
  return {
    status: 'not-verified',
    alg,
    reason: `no key given checks this signature: ${summary(keys)}`,
    keys,
    warnings,
  }
}
