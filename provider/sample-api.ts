/**
 * A small protected resource beside the local provider, at /api/orders on its origin, for the API
 * console to call: it accepts only the provider's JWT access tokens for API_RESOURCE (RFC 9068 §4:
 * typ, iss, aud, exp and the signature, checked with jose); a DPoP-bound one (cnf.jkt) only with a
 * valid proof of its key (RFC 9449 §7.1: typ, signature, htm, htu, iat, jti once, ath). It answers
 * refusals with the WWW-Authenticate challenges of RFC 6750 §3 and RFC 9449 §7.1, and allows the
 * app's origins by CORS, exposing WWW-Authenticate.
 */
import { createHash } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'

import { base64url, calculateJwkThumbprint, createLocalJWKSet, EmbeddedJWK, jwtVerify } from 'jose'
import type { JWK } from 'jose'

import { API_RESOURCE, API_SCOPE } from './constants.ts'

export const SAMPLE_API_PATH = '/api/orders'
/** A scope this API demands to create an order; the provider never grants it. */
export const SAMPLE_API_WRITE_SCOPE = 'api:write'

const REALM = 'pkce-lab-api'

/** Members only a private key has (RFC 7518 §6.2.2, §6.3.2): never part of the key set used here. */
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi']

/** Proof algorithms accepted, as the local provider's (RFC 9449 §7.1 `algs`). */
const DPOP_ALGS = ['ES256', 'EdDSA']
/** Seconds a proof's iat may be off from now (RFC 9449 §11.1 leaves the window to the server). */
const PROOF_WINDOW_SECONDS = 60

function challenge(parameters: Record<string, string>, scheme = 'Bearer'): string {
  const quoted = Object.entries({ realm: REALM, ...parameters }).map(
    ([name, value]) => `${name}="${value.replace(/["\\]/g, '')}"`,
  )
  return `${scheme} ${quoted.join(', ')}`
}

class Refused extends Error {}

/**
 * A DPoP proof's checks (RFC 9449 §4.3) for a token bound to `jkt`: its signature with the key it
 * carries, and that key, method, URL, time, hash of this token and an unused jti.
 */
async function checkProof(input: {
  proof: string | undefined
  jkt: string
  token: string
  method: string
  url: string
  seen: Set<string>
}): Promise<void> {
  if (input.proof === undefined) {
    throw new Refused('this token is bound to a key (cnf.jkt): it needs a DPoP proof')
  }
  const { payload, protectedHeader } = await jwtVerify(input.proof, EmbeddedJWK, {
    typ: 'dpop+jwt',
    algorithms: DPOP_ALGS,
    maxTokenAge: PROOF_WINDOW_SECONDS,
    clockTolerance: PROOF_WINDOW_SECONDS,
  }).catch((error: unknown) => {
    throw new Refused(`the DPoP proof: ${error instanceof Error ? error.message : 'unreadable'}`)
  })
  if (protectedHeader.jwk === undefined) throw new Refused('the DPoP proof carries no key')
  if ((await calculateJwkThumbprint(protectedHeader.jwk)) !== input.jkt) {
    throw new Refused('the DPoP proof is signed by another key than the one the token is bound to')
  }
  if (payload.htm !== input.method) throw new Refused('the DPoP proof is for another method (htm)')
  if (payload.htu !== input.url) throw new Refused('the DPoP proof is for another URL (htu)')
  const ath = base64url.encode(createHash('sha256').update(input.token).digest())
  if (payload.ath !== ath) throw new Refused('the DPoP proof is for another token (ath)')
  if (typeof payload.jti !== 'string' || input.seen.has(payload.jti)) {
    throw new Refused('the DPoP proof was used before (jti)')
  }
  input.seen.add(payload.jti)
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'content-type': 'application/json',
    'cache-control': 'no-store',
    ...headers,
  })
  res.end(JSON.stringify(body))
}

/**
 * A handler for the local provider's server: true when it answered (a request under /api/), false to
 * leave the request to the provider.
 */
export function sampleApi(options: {
  issuer: string
  signingKeys: readonly JWK[]
  appOrigins: readonly string[]
}): (req: IncomingMessage, res: ServerResponse) => boolean {
  const keys = createLocalJWKSet({
    keys: options.signingKeys.map((key) =>
      Object.fromEntries(Object.entries(key).filter(([name]) => !PRIVATE_MEMBERS.includes(name))),
    ),
  })

  /** Proofs' jti values already used (RFC 9449 §11.1); the API lives as long as a test run. */
  const seenProofs = new Set<string>()

  async function answer(req: IncomingMessage, res: ServerResponse, cors: Record<string, string>) {
    const authorization = req.headers.authorization ?? ''
    const [scheme, token] = authorization.split(' ')
    const lowerScheme = scheme?.toLowerCase()
    if ((lowerScheme !== 'bearer' && lowerScheme !== 'dpop') || token === undefined) {
      // RFC 6750 §3.1: no error code when the request carried no credentials.
      send(res, 401, { error: 'unauthorized' }, { ...cors, 'www-authenticate': challenge({}) })
      return
    }
    let scopes: string[]
    let claims: Record<string, unknown>
    try {
      const verified = await jwtVerify(token, keys, {
        issuer: options.issuer,
        audience: API_RESOURCE,
        typ: 'at+jwt',
      })
      claims = verified.payload
      scopes = typeof claims.scope === 'string' ? claims.scope.split(' ') : []
      const cnf = claims.cnf as { jkt?: unknown } | undefined
      if (typeof cnf?.jkt === 'string') {
        await checkProof({
          proof: lowerScheme === 'dpop' ? req.headers.dpop?.toString() : undefined,
          jkt: cnf.jkt,
          token,
          method: req.method ?? '',
          url: new URL(SAMPLE_API_PATH, options.issuer).href,
          seen: seenProofs,
        })
      } else if (lowerScheme === 'dpop') {
        throw new Refused('this token is not bound to a key: it is a Bearer token')
      }
    } catch (error) {
      const description = error instanceof Error ? error.message : 'the token cannot be verified'
      const parameters = { error: 'invalid_token', error_description: description }
      send(
        res,
        401,
        { error: 'invalid_token' },
        {
          ...cors,
          // RFC 9449 §7.1: a DPoP challenge names the proof algorithms it accepts.
          'www-authenticate':
            error instanceof Refused || lowerScheme === 'dpop'
              ? challenge({ ...parameters, algs: DPOP_ALGS.join(' ') }, 'DPoP')
              : challenge(parameters),
        },
      )
      return
    }
    const needed = req.method === 'GET' ? API_SCOPE : SAMPLE_API_WRITE_SCOPE
    if (!scopes.includes(needed)) {
      send(
        res,
        403,
        { error: 'insufficient_scope' },
        {
          ...cors,
          'www-authenticate': challenge(
            {
              error: 'insufficient_scope',
              error_description: `${req.method ?? 'This'} ${SAMPLE_API_PATH} needs the scope ${needed}`,
              scope: needed,
            },
            lowerScheme === 'dpop' ? 'DPoP' : 'Bearer',
          ),
        },
      )
      return
    }
    send(
      res,
      200,
      { orders: [{ id: 'o-1', item: 'tea' }], sub: claims.sub, client_id: claims.client_id },
      cors,
    )
  }

  return (req, res) => {
    const url = new URL(req.url ?? '/', options.issuer)
    if (!url.pathname.startsWith('/api/')) return false
    const origin = req.headers.origin
    const cors: Record<string, string> =
      origin !== undefined && options.appOrigins.includes(origin)
        ? {
            'access-control-allow-origin': origin,
            'access-control-expose-headers': 'WWW-Authenticate',
            vary: 'Origin',
          }
        : {}
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        ...cors,
        'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE',
        'access-control-allow-headers': req.headers['access-control-request-headers'] ?? '',
        'access-control-max-age': '600',
      })
      res.end()
      return true
    }
    if (url.pathname !== SAMPLE_API_PATH) {
      send(res, 404, { error: 'not_found' }, cors)
      return true
    }
    // The body, if any, is read and dropped: this API only says whether the token may do this.
    req.resume()
    void answer(req, res, cors)
    return true
  }
}
