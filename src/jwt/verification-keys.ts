/**
 * Reads the keys someone gives to check a pasted token with: a JWK (RFC 7517 §4), a JWK Set
 * (RFC 7517 §5), PEM public keys (SPKI, RFC 7468 §13) or certificates (RFC 7468 §5). Only the text's
 * shape is read here; jose reads the keys themselves when the check runs. A private key is refused
 * outright, never used: checking a signature needs the public key alone.
 */

/** One key as given, before anything is known of whether it fits the token. */
export type GivenKey =
  | { label: string; form: 'jwk'; jwk: unknown }
  | { label: string; form: 'spki' | 'x509'; pem: string }

export type KeyText =
  { status: 'read'; keys: GivenKey[]; shape: string } | { status: 'unreadable'; reason: string }

// RFC 7468 §2: "-----BEGIN label-----", base64 lines, "-----END label-----" with the same label.
const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----[\s\S]*?-----END \1-----/g

const PRIVATE_LABELS = new Set([
  'PRIVATE KEY',
  'ENCRYPTED PRIVATE KEY',
  'RSA PRIVATE KEY',
  'EC PRIVATE KEY',
  'OPENSSH PRIVATE KEY',
])

const PRIVATE_KEY_REFUSED =
  'this is a private key. A signature is checked with the public key alone; a private key pasted into a web page should be treated as exposed, and replaced if it is real. Paste its public key (for example the output of openssl pkey -pubout) instead'

/** Numbers "Key 2 of 3" when there are several, so each line of the result names one key. */
function labels(count: number, one: string, each: string): string[] {
  return Array.from({ length: count }, (_, index) =>
    count === 1 ? one : `${each} ${String(index + 1)} of ${String(count)}`,
  )
}

function readPem(text: string): KeyText {
  const blocks = [...text.matchAll(PEM_BLOCK)].map((match) => ({
    label: match[1] ?? '',
    pem: match[0],
  }))
  if (blocks.length === 0) {
    return {
      status: 'unreadable',
      reason:
        'it starts like PEM, but no complete "-----BEGIN …-----" … "-----END …-----" block with matching labels was found (RFC 7468 §2)',
    }
  }
  const privateBlock = blocks.find((block) => PRIVATE_LABELS.has(block.label))
  if (privateBlock !== undefined) {
    return { status: 'unreadable', reason: `"${privateBlock.label}": ${PRIVATE_KEY_REFUSED}` }
  }
  const other = blocks.find(
    (block) => block.label !== 'PUBLIC KEY' && block.label !== 'CERTIFICATE',
  )
  if (other?.label === 'RSA PUBLIC KEY') {
    return {
      status: 'unreadable',
      reason:
        '"RSA PUBLIC KEY" is the PKCS #1 form, which browsers cannot import. Convert it to the SPKI form ("PUBLIC KEY"), for example with: openssl rsa -RSAPublicKey_in -in key.pem -pubout',
    }
  }
  if (other !== undefined) {
    return {
      status: 'unreadable',
      reason: `a PEM block labelled "${other.label}" is neither a public key ("PUBLIC KEY") nor a certificate ("CERTIFICATE")`,
    }
  }
  const keys = blocks.filter((block) => block.label === 'PUBLIC KEY')
  const certificates = blocks.filter((block) => block.label === 'CERTIFICATE')
  const keyLabels = labels(keys.length, 'The public key', 'Public key')
  const certificateLabels = labels(certificates.length, 'The certificate', 'Certificate')
  return {
    status: 'read',
    shape: [
      keys.length > 0 ? `${String(keys.length)} PEM public key${keys.length === 1 ? '' : 's'}` : '',
      certificates.length > 0
        ? `${String(certificates.length)} certificate${certificates.length === 1 ? '' : 's'}`
        : '',
    ]
      .filter((part) => part !== '')
      .join(' and '),
    keys: [
      ...keys.map((block, index) => ({
        label: keyLabels[index] ?? 'Public key',
        form: 'spki' as const,
        pem: block.pem,
      })),
      ...certificates.map((block, index) => ({
        label: certificateLabels[index] ?? 'Certificate',
        form: 'x509' as const,
        pem: block.pem,
      })),
    ],
  }
}

function readJson(text: string): KeyText {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    return {
      status: 'unreadable',
      reason: `it starts like JSON but is not JSON (${error instanceof Error ? error.message : String(error)})`,
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      status: 'unreadable',
      reason: 'a JWK is a JSON object with "kty", and a JWK Set an object with "keys"',
    }
  }
  const record = value as Record<string, unknown>
  if (Array.isArray(record.keys)) {
    return keySetKeys(record.keys)
  }
  if (typeof record.kty === 'string') {
    return {
      status: 'read',
      shape: 'a JWK',
      keys: [{ label: 'The key', form: 'jwk', jwk: record }],
    }
  }
  return {
    status: 'unreadable',
    reason:
      'a JSON object with neither "kty" (a JWK, RFC 7517 §4.1) nor a "keys" array (a JWK Set, RFC 7517 §5.1)',
  }
}

/** The keys of a JWK Set, each as it was: a verifier says why a key does not fit, never drops it. */
export function keySetKeys(keys: readonly unknown[]): KeyText {
  if (keys.length === 0) {
    return { status: 'unreadable', reason: 'the JWK Set has no keys' }
  }
  const keyLabels = labels(keys.length, 'The only key', 'Key')
  return {
    status: 'read',
    shape: `a JWK Set of ${String(keys.length)} key${keys.length === 1 ? '' : 's'}`,
    keys: keys.map((jwk, index) => ({
      label: keyLabels[index] ?? 'Key',
      form: 'jwk' as const,
      jwk,
    })),
  }
}

/** Reads pasted key text by its first character: "{" is JSON, "-----" is PEM. */
export function readKeyText(input: string): KeyText {
  const text = input.trim()
  if (text === '') {
    return { status: 'unreadable', reason: 'no key was given' }
  }
  if (text.startsWith('{')) {
    return readJson(text)
  }
  if (text.startsWith('-----')) {
    return readPem(text)
  }
  return {
    status: 'unreadable',
    reason:
      'neither JSON (a JWK or a JWK Set) nor PEM ("-----BEGIN PUBLIC KEY-----" or "-----BEGIN CERTIFICATE-----")',
  }
}
