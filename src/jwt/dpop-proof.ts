/**
 * A DPoP proof (RFC 9449 §4) read for the learner: its header and claims, each explained, and each
 * compared with the request it went with where this page holds both (the method, the URL, the time
 * it was sent, the nonce the server handed out). The signature is the server's to check; the access
 * token hash (`ath`) is compared by whoever holds the token (see dpopAccessTokenHash).
 */
import { encode as base64urlEncode } from 'jose/base64url'

import { decodeJwt } from './decode-jwt'

const RFC_9449 = 'https://www.rfc-editor.org/rfc/rfc9449'

/** Seconds a proof's iat may be from the time it was sent before it says something is off. */
const IAT_TOLERANCE_SECONDS = 60

export interface ProofField {
  part: 'header' | 'payload'
  name: string
  /** The value as JSON text (a JWK is an object). */
  value: string
  meaning: string
  spec: { label: string; url: string }
  /** Compared with the request, where there was something to compare it with. */
  check?: { outcome: 'passed' | 'failed'; detail: string }
}

export type ReadProof = { ok: true; fields: ProofField[] } | { ok: false; reason: string }

export interface ProofRequest {
  method: string
  url: string
  /** Epoch milliseconds. */
  sentAt: number
  /** The DPoP-Nonce the server answered the previous request of this step with, if any. */
  nonceHandedOut?: string
}

const section = (number: string) => ({
  label: `RFC 9449 §${number}`,
  url: `${RFC_9449}#section-${number}`,
})

const MEANINGS: Record<string, { meaning: string; spec: ReturnType<typeof section> }> = {
  typ: {
    meaning: 'Must be dpop+jwt, so that a proof cannot pass for any other kind of JWT.',
    spec: section('4.2'),
  },
  alg: {
    meaning:
      'The asymmetric algorithm the proof is signed with; never none nor a shared secret, as the key must be provable without sharing it.',
    spec: section('4.2'),
  },
  jwk: {
    meaning:
      "The public key, carried in every proof: the server checks the signature with it, and binds the tokens to its thumbprint. The private key never leaves this page's WebCrypto.",
    spec: section('4.2'),
  },
  jti: {
    meaning:
      'A unique identifier for this one proof, so the server can refuse a proof replayed by whoever saw it.',
    spec: section('11.1'),
  },
  htm: {
    meaning:
      'The HTTP method of the request this proof is for: a proof for a GET is useless for a POST.',
    spec: section('4.2'),
  },
  htu: {
    meaning:
      'The URL of the request this proof is for, without query and fragment: a proof is useless at any other endpoint.',
    spec: section('4.2'),
  },
  iat: {
    meaning:
      'When the proof was made: servers accept proofs for a short time only (often a minute or so), so one seen later is worthless.',
    spec: section('4.2'),
  },
  ath: {
    meaning:
      'The base64url SHA-256 hash of the access token sent with it: the proof is only good together with that one token.',
    spec: section('4.2'),
  },
  nonce: {
    meaning:
      "A value the server handed out in its DPoP-Nonce header: with it, a proof cannot have been made in advance, and the server decides how long a proof's time is valid.",
    spec: section('8'),
  },
}

function json(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value)
}

function compare(request: ProofRequest, name: string, value: unknown): ProofField['check'] {
  switch (name) {
    case 'htm':
      return value === request.method
        ? { outcome: 'passed', detail: `the request's method is ${request.method}` }
        : { outcome: 'failed', detail: `the request's method is ${request.method}` }
    case 'htu': {
      if (!URL.canParse(request.url)) return undefined
      const target = new URL(request.url)
      const expected = target.origin + target.pathname
      return value === expected
        ? { outcome: 'passed', detail: `the request went to ${expected}` }
        : { outcome: 'failed', detail: `the request went to ${expected}` }
    }
    case 'iat': {
      if (typeof value !== 'number') return { outcome: 'failed', detail: 'not a number of seconds' }
      const offset = Math.round(value - request.sentAt / 1000)
      const words = `${String(Math.abs(offset))} s ${offset > 0 ? 'after' : 'before'} the request was sent`
      return Math.abs(offset) <= IAT_TOLERANCE_SECONDS
        ? { outcome: 'passed', detail: offset === 0 ? 'the second the request was sent' : words }
        : { outcome: 'failed', detail: `${words}: a server will find it out of date` }
    }
    case 'nonce':
      if (request.nonceHandedOut === undefined) return undefined
      return value === request.nonceHandedOut
        ? { outcome: 'passed', detail: "the DPoP-Nonce of the server's previous answer" }
        : { outcome: 'failed', detail: "not the DPoP-Nonce of the server's previous answer" }
    default:
      return undefined
  }
}

/** Reads a proof sent with `request`; says why when it is not a JWT this page can read. */
export function readDpopProof(proof: string, request: ProofRequest): ReadProof {
  const decoded = decodeJwt(proof)
  if (decoded.kind !== 'jwt') {
    return { ok: false, reason: 'The DPoP header does not decode as a JWT.' }
  }
  const field = (part: ProofField['part'], name: string, value: unknown): ProofField => {
    const known = MEANINGS[name]
    const check = part === 'payload' ? compare(request, name, value) : undefined
    return {
      part,
      name,
      value: json(value),
      meaning: known?.meaning ?? 'Not defined for DPoP proofs; servers ignore it.',
      spec: known?.spec ?? section('4.2'),
      ...(check === undefined ? {} : { check }),
    }
  }
  return {
    ok: true,
    fields: [
      ...Object.entries(decoded.header).map(([name, value]) => field('header', name, value)),
      ...Object.entries(decoded.payload).map(([name, value]) => field('payload', name, value)),
    ],
  }
}

/** `ath` as a server computes it: BASE64URL(SHA-256(ASCII(access token))) (RFC 9449 §4.2). */
export async function dpopAccessTokenHash(accessToken: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(accessToken))
  return base64urlEncode(new Uint8Array(digest))
}
