/**
 * A small protected resource beside the local provider, at /api/orders on its origin, for the API
 * console to call: it accepts only the provider's JWT access tokens for API_RESOURCE (RFC 9068 §4:
 * typ, iss, aud, exp and the signature, checked with jose), answers refusals with the WWW-Authenticate
 * challenges of RFC 6750 §3, and allows the app's origins by CORS, exposing WWW-Authenticate.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'

import { createLocalJWKSet, jwtVerify } from 'jose'
import type { JWK } from 'jose'

import { API_RESOURCE, API_SCOPE } from './constants.ts'

export const SAMPLE_API_PATH = '/api/orders'
/** A scope this API demands to create an order; the provider never grants it. */
export const SAMPLE_API_WRITE_SCOPE = 'api:write'

const REALM = 'pkce-lab-api'

/** Members only a private key has (RFC 7518 §6.2.2, §6.3.2): never part of the key set used here. */
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi']

function challenge(parameters: Record<string, string>): string {
  const quoted = Object.entries({ realm: REALM, ...parameters }).map(
    ([name, value]) => `${name}="${value.replace(/["\\]/g, '')}"`,
  )
  return `Bearer ${quoted.join(', ')}`
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

  async function answer(req: IncomingMessage, res: ServerResponse, cors: Record<string, string>) {
    const authorization = req.headers.authorization ?? ''
    const [scheme, token] = authorization.split(' ')
    if (scheme?.toLowerCase() !== 'bearer' || token === undefined) {
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
    } catch (error) {
      const description = error instanceof Error ? error.message : 'the token cannot be verified'
      send(
        res,
        401,
        { error: 'invalid_token' },
        {
          ...cors,
          'www-authenticate': challenge({ error: 'invalid_token', error_description: description }),
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
          'www-authenticate': challenge({
            error: 'insufficient_scope',
            error_description: `${req.method ?? 'This'} ${SAMPLE_API_PATH} needs the scope ${needed}`,
            scope: needed,
          }),
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
