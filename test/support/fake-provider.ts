/**
 * An in-process OpenID provider for unit tests: a fetch function that answers discovery and the token
 * endpoint, signs real RS256 ID tokens with jose, verifies PKCE, and records every request. Each answer
 * can be replaced to play a misbehaving provider. End-to-end tests use the real oidc-provider instead.
 */
import { createHash, randomUUID } from 'node:crypto'

import { exportJWK, generateKeyPair, SignJWT } from 'jose'
import type { JWTPayload } from 'jose'

export interface RecordedRequest {
  url: string
  method: string
  headers: Headers
  body: URLSearchParams | undefined
}

export interface IssuedCode {
  code: string
  clientId: string
  redirectUri: string
  nonce: string | null
  codeChallenge: string | null
}

export interface FakeProviderOptions {
  issuer?: string
  clientId?: string
  /** Replaces or adds metadata fields. */
  metadata?: Record<string, unknown>
  /** Client secret the token endpoint demands (Google-like), if any. */
  clientSecret?: string
}

export type TokenAnswer = (context: {
  request: RecordedRequest
  issued: IssuedCode
  idToken: (claims?: JWTPayload, header?: { alg?: string }) => Promise<string>
}) => Promise<Response>

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  })
}

export async function createFakeProvider(options: FakeProviderOptions = {}) {
  const issuer = options.issuer ?? 'https://op.example'
  const clientId = options.clientId ?? 'spa'
  const { privateKey, publicKey } = await generateKeyPair('RS256')
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' }

  const metadata: Record<string, unknown> = {
    issuer,
    authorization_endpoint: `${issuer}/authorize`,
    token_endpoint: `${issuer}/token`,
    jwks_uri: `${issuer}/jwks`,
    userinfo_endpoint: `${issuer}/userinfo`,
    response_types_supported: ['code'],
    code_challenge_methods_supported: ['S256'],
    id_token_signing_alg_values_supported: ['RS256'],
    authorization_response_iss_parameter_supported: true,
    ...options.metadata,
  }

  const requests: RecordedRequest[] = []
  const codes = new Map<string, IssuedCode>()
  let discoveryAnswer: (() => Promise<Response>) | undefined
  let tokenAnswer: TokenAnswer | undefined

  async function signIdToken(
    issued: IssuedCode,
    claims: JWTPayload = {},
    header: { alg?: string } = {},
  ): Promise<string> {
    const now = Math.floor(Date.now() / 1000)
    const payload: JWTPayload = {
      iss: issuer,
      aud: issued.clientId,
      sub: 'alice',
      iat: now,
      exp: now + 300,
      ...(issued.nonce === null ? {} : { nonce: issued.nonce }),
      name: 'Alice',
      ...claims,
    }
    if (header.alg && header.alg !== 'RS256') {
      // A token a real signer would refuse to make: the header claims another alg than the key's.
      const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
      return `${encode({ alg: header.alg, typ: 'JWT' })}.${encode(payload)}.c2lnbmF0dXJl`
    }
    return new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).sign(privateKey)
  }

  async function defaultTokenAnswer(request: RecordedRequest, issued: IssuedCode) {
    const verifier = request.body?.get('code_verifier') ?? ''
    const challenge = createHash('sha256').update(verifier).digest('base64url')
    if (issued.codeChallenge !== challenge) {
      return json({ error: 'invalid_grant', error_description: 'PKCE verification failed' }, 400)
    }
    if (options.clientSecret && request.body?.get('client_secret') !== options.clientSecret) {
      return json({ error: 'invalid_request', error_description: 'client_secret is missing.' }, 400)
    }
    return json({
      access_token: `opaque-${randomUUID()}`,
      token_type: 'Bearer',
      expires_in: 300,
      scope: 'openid profile',
      refresh_token: `rt-${randomUUID()}`,
      id_token: await signIdToken(issued),
    })
  }

  const fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
    const method = init?.method ?? 'GET'
    const body =
      typeof init?.body === 'string' || init?.body instanceof URLSearchParams
        ? new URLSearchParams(init.body)
        : undefined
    const request: RecordedRequest = { url, method, headers: new Headers(init?.headers), body }
    requests.push(request)

    if (url === `${issuer}/.well-known/openid-configuration`) {
      return discoveryAnswer ? discoveryAnswer() : json(metadata)
    }
    if (url === metadata.jwks_uri) return json({ keys: [jwk] })
    if (url === metadata.token_endpoint && method === 'POST') {
      const issued = codes.get(body?.get('code') ?? '')
      if (!issued) return json({ error: 'invalid_grant', error_description: 'unknown code' }, 400)
      codes.delete(issued.code)
      if (tokenAnswer) {
        return tokenAnswer({
          request,
          issued,
          idToken: (claims, header) => signIdToken(issued, claims, header),
        })
      }
      return defaultTokenAnswer(request, issued)
    }
    return new Response('not found', { status: 404 })
  }

  return {
    issuer,
    clientId,
    metadata,
    requests,
    fetch,
    /** Token endpoint requests made so far. */
    tokenRequests: () => requests.filter((request) => request.url === metadata.token_endpoint),
    /** Plays the user signing in: returns the callback URL the provider would redirect to. */
    authorize(authorizationUrl: string | URL, extra: Record<string, string> = {}): URL {
      const url = new URL(authorizationUrl)
      const code = randomUUID()
      codes.set(code, {
        code,
        clientId: url.searchParams.get('client_id') ?? '',
        redirectUri: url.searchParams.get('redirect_uri') ?? '',
        nonce: url.searchParams.get('nonce'),
        codeChallenge: url.searchParams.get('code_challenge'),
      })
      const callback = new URL(
        url.searchParams.get('redirect_uri') ?? 'https://app.example/callback',
      )
      callback.searchParams.set('code', code)
      const state = url.searchParams.get('state')
      if (state !== null) callback.searchParams.set('state', state)
      callback.searchParams.set('iss', issuer)
      for (const [name, value] of Object.entries(extra)) callback.searchParams.set(name, value)
      return callback
    },
    answerDiscoveryWith(answer: () => Promise<Response>) {
      discoveryAnswer = answer
    },
    answerTokenRequestsWith(answer: TokenAnswer) {
      tokenAnswer = answer
    },
  }
}

export type FakeProvider = Awaited<ReturnType<typeof createFakeProvider>>

export { json as jsonResponse }
