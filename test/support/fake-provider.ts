/**
 * An in-process OpenID provider for unit tests: a fetch function that answers discovery, the token
 * endpoint (authorization_code and refresh_token grants), UserInfo and revocation, signs real RS256 ID
 * tokens with jose, verifies PKCE, keeps track of the grants, tokens and the user's session it issued,
 * and records every request. Each answer can be replaced to play a misbehaving provider, and the network
 * can be switched off. End-to-end tests use the real oidc-provider instead.
 *
 * Time: access tokens expire by `options.clock` (the tests' fake clock) when one is given, so that a
 * 401 from UserInfo agrees with the session's own idea of expiry. ID tokens keep the real Date.now()
 * for `iat` and `exp`, because oauth4webapi validates them against the real clock.
 */
import { createHash, randomUUID } from 'node:crypto'

import { exportJWK, generateKeyPair, SignJWT } from 'jose'
import type { JWTPayload } from 'jose'

import type { Clock } from '../../src/session/clock'

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
  /** The scope asked for in the authorization request, if any. */
  scope: string | null
}

export interface FakeProviderOptions {
  issuer?: string
  clientId?: string
  /** Replaces or adds metadata fields. */
  metadata?: Record<string, unknown>
  /** Client secret the token endpoint demands (Google-like), if any. */
  clientSecret?: string
  /** The signed-in user's `sub`; default 'alice'. */
  subject?: string
  /** Where the provider reads the time for access token expiry; default Date.now(). */
  clock?: Clock
  /** `expires_in` of every access token, in seconds; default 300. */
  accessTokenLifetime?: number
  /**
   * Refresh-token rotation (oidc-provider, Auth0): each refresh returns a new refresh token and the
   * old one stops working; presenting a used one revokes the whole grant. Default true. False plays
   * Google: no refresh_token in the refresh response, the same one keeps working.
   */
  rotateRefreshTokens?: boolean
  /** Issue a refresh token only when the scope has `offline_access` (OIDC Core §11). Default false. */
  refreshTokenOnlyWithOfflineAccess?: boolean
  /** Overrides the rule above: true always issues a refresh token, false never does. */
  alwaysIssueRefreshToken?: boolean
  /** Put the original nonce in refreshed ID tokens (allowed by OIDC Core §12.2); default false. */
  refreshIdTokenNonce?: boolean
  /** Advertise `revocation_endpoint`; default true. */
  revocationEndpoint?: boolean
  /**
   * Revocation demands client authentication, as some providers do: a request without an
   * Authorization header gets 401 and an empty body, and the metadata lists client_secret_basic only.
   */
  revocationRefusesPublicClients?: boolean
  /** Advertise `end_session_endpoint`; default true. */
  endSessionEndpoint?: boolean
  /** Whether the user has a session at the provider, for prompt=none; default true. */
  sessionAlive?: boolean
}

export type TokenAnswer = (context: {
  request: RecordedRequest
  issued: IssuedCode
  idToken: (claims?: JWTPayload, header?: { alg?: string }) => Promise<string>
}) => Promise<Response>

/** One authorization grant: what a code exchange created, shared by every token issued from it. */
export interface Grant {
  id: number
  sub: string
  clientId: string
  scope: string
  /** The nonce of the authorization request that started it. */
  nonce: string | null
  revoked: boolean
}

export interface IssuedRefreshToken {
  token: string
  grant: Grant
  /** Already exchanged, with rotation on: presenting it again is reuse. */
  used: boolean
  revoked: boolean
}

export interface IssuedAccessToken {
  token: string
  grant: Grant
  /** Epoch milliseconds, by the provider's clock. */
  expiresAtMs: number
  revoked: boolean
}

export type RefreshAnswer = (context: {
  request: RecordedRequest
  /** The refresh token presented, when the provider knows it (used, revoked or not). */
  refreshToken: IssuedRefreshToken | undefined
  /** Signs an ID token for the grant's client (or the request's client_id), with these claims on top. */
  idToken: (claims?: JWTPayload) => Promise<string>
  /** What the provider would answer by itself; `idTokenClaims` go on top of the refreshed ID token. */
  defaultAnswer: (overrides?: { idTokenClaims?: JWTPayload }) => Promise<Response>
}) => Promise<Response>

export type UserInfoAnswer = (context: {
  request: RecordedRequest
  /** The access token presented, when it is currently valid. */
  accessToken: IssuedAccessToken | undefined
  defaultAnswer: () => Promise<Response>
}) => Promise<Response>

/** How a failing request fails: fetch rejects like a browser offline or refused by CORS, or a status. */
export type FailureKind = 'network' | number

function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  })
}

function serverError(status: number): Response {
  return json(
    {
      error: status === 503 ? 'temporarily_unavailable' : 'server_error',
      error_description: `The provider answered ${status}`,
    },
    status,
  )
}

function scopeHas(scope: string, value: string): boolean {
  return scope.split(' ').includes(value)
}

export async function createFakeProvider(options: FakeProviderOptions = {}) {
  const issuer = options.issuer ?? 'https://op.example'
  const clientId = options.clientId ?? 'spa'
  const subject = options.subject ?? 'alice'
  const accessTokenLifetime = options.accessTokenLifetime ?? 300
  const rotate = options.rotateRefreshTokens ?? true
  const { privateKey, publicKey } = await generateKeyPair('RS256')
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' }

  const metadata: Record<string, unknown> = {
    issuer,
    authorization_endpoint: `${issuer}/authorize`,
    token_endpoint: `${issuer}/token`,
    jwks_uri: `${issuer}/jwks`,
    userinfo_endpoint: `${issuer}/userinfo`,
    ...(options.revocationEndpoint === false ? {} : { revocation_endpoint: `${issuer}/revoke` }),
    ...(options.endSessionEndpoint === false
      ? {}
      : { end_session_endpoint: `${issuer}/session/end` }),
    response_types_supported: ['code'],
    grant_types_supported: ['authorization_code', 'refresh_token'],
    code_challenge_methods_supported: ['S256'],
    id_token_signing_alg_values_supported: ['RS256'],
    authorization_response_iss_parameter_supported: true,
    ...(options.revocationRefusesPublicClients === true
      ? { revocation_endpoint_auth_methods_supported: ['client_secret_basic'] }
      : {}),
    ...options.metadata,
  }

  const requests: RecordedRequest[] = []
  const authorizations: URL[] = []
  const codes = new Map<string, IssuedCode>()
  const grants: Grant[] = []
  const refreshTokens = new Map<string, IssuedRefreshToken>()
  const accessTokens = new Map<string, IssuedAccessToken>()
  let discoveryAnswer: (() => Promise<Response>) | undefined
  let tokenAnswer: TokenAnswer | undefined
  let refreshAnswer: RefreshAnswer | undefined
  let userInfoAnswer: UserInfoAnswer | undefined
  let sessionAlive = options.sessionAlive ?? true
  let down = false
  const failures: { kind: FailureKind; matches: (request: RecordedRequest) => boolean }[] = []

  const now = (): number => (options.clock ? options.clock.now() : Date.now())

  async function signIdToken(
    issued: { clientId: string; nonce: string | null },
    claims: JWTPayload = {},
    header: { alg?: string } = {},
  ): Promise<string> {
    // The real clock: oauth4webapi checks iat and exp against Date.now(), not the tests' clock.
    const seconds = Math.floor(Date.now() / 1000)
    const payload: JWTPayload = {
      iss: issuer,
      aud: issued.clientId,
      sub: subject,
      iat: seconds,
      exp: seconds + 300,
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

  function issueAccessToken(grant: Grant): IssuedAccessToken {
    const issued: IssuedAccessToken = {
      token: `opaque-${randomUUID()}`,
      grant,
      expiresAtMs: now() + accessTokenLifetime * 1000,
      revoked: false,
    }
    accessTokens.set(issued.token, issued)
    return issued
  }

  function issueRefreshToken(grant: Grant): IssuedRefreshToken {
    const issued: IssuedRefreshToken = {
      token: `rt-${randomUUID()}`,
      grant,
      used: false,
      revoked: false,
    }
    refreshTokens.set(issued.token, issued)
    return issued
  }

  function issuesRefreshToken(scope: string): boolean {
    if (options.alwaysIssueRefreshToken !== undefined) return options.alwaysIssueRefreshToken
    return !options.refreshTokenOnlyWithOfflineAccess || scopeHas(scope, 'offline_access')
  }

  /** Ends a grant: every refresh and access token issued from it stops working. */
  function revokeGrantOf(grant: Grant): void {
    grant.revoked = true
    for (const token of refreshTokens.values()) if (token.grant === grant) token.revoked = true
    for (const token of accessTokens.values()) if (token.grant === grant) token.revoked = true
  }

  function refreshTokenUsable(issued: IssuedRefreshToken): boolean {
    return !issued.revoked && !issued.used && !issued.grant.revoked
  }

  function accessTokenValid(issued: IssuedAccessToken): boolean {
    return !issued.revoked && !issued.grant.revoked && now() < issued.expiresAtMs
  }

  function clientAuthenticationError(request: RecordedRequest): Response | undefined {
    if (options.clientSecret && request.body?.get('client_secret') !== options.clientSecret) {
      return json({ error: 'invalid_request', error_description: 'client_secret is missing.' }, 400)
    }
    return undefined
  }

  async function defaultTokenAnswer(request: RecordedRequest, issued: IssuedCode) {
    const verifier = request.body?.get('code_verifier') ?? ''
    const challenge = createHash('sha256').update(verifier).digest('base64url')
    if (issued.codeChallenge !== challenge) {
      return json({ error: 'invalid_grant', error_description: 'PKCE verification failed' }, 400)
    }
    const authError = clientAuthenticationError(request)
    if (authError) return authError
    const scope = issued.scope ?? 'openid profile'
    const grant: Grant = {
      id: grants.length + 1,
      sub: subject,
      clientId: issued.clientId,
      scope,
      nonce: issued.nonce,
      revoked: false,
    }
    grants.push(grant)
    return json({
      access_token: issueAccessToken(grant).token,
      token_type: 'Bearer',
      expires_in: accessTokenLifetime,
      scope,
      ...(issuesRefreshToken(scope) ? { refresh_token: issueRefreshToken(grant).token } : {}),
      id_token: await signIdToken(issued),
    })
  }

  async function defaultRefreshAnswer(
    request: RecordedRequest,
    overrides: { idTokenClaims?: JWTPayload } = {},
  ): Promise<Response> {
    const presented = refreshTokens.get(request.body?.get('refresh_token') ?? '')
    if (!presented) {
      return json({ error: 'invalid_grant', error_description: 'unknown refresh token' }, 400)
    }
    const authError = clientAuthenticationError(request)
    if (authError) return authError
    if (request.body?.get('client_id') !== presented.grant.clientId) {
      return json(
        { error: 'invalid_grant', error_description: 'refresh token issued to another client' },
        400,
      )
    }
    if (presented.used && !presented.revoked) {
      // Reuse of a rotated-out refresh token: someone else may hold it, so the grant ends (RFC 9700 §4.14.2).
      revokeGrantOf(presented.grant)
      return json(
        { error: 'invalid_grant', error_description: 'refresh token reuse detected' },
        400,
      )
    }
    if (!refreshTokenUsable(presented)) {
      return json({ error: 'invalid_grant', error_description: 'grant request is invalid' }, 400)
    }
    const { grant } = presented
    let refreshToken: string | undefined
    if (rotate) {
      presented.used = true
      refreshToken = issueRefreshToken(grant).token
    }
    return json({
      access_token: issueAccessToken(grant).token,
      token_type: 'Bearer',
      expires_in: accessTokenLifetime,
      scope: grant.scope,
      ...(refreshToken === undefined ? {} : { refresh_token: refreshToken }),
      id_token: await signIdToken(
        { clientId: grant.clientId, nonce: options.refreshIdTokenNonce ? grant.nonce : null },
        { sub: grant.sub, ...overrides.idTokenClaims },
      ),
    })
  }

  function refreshAnswerFor(request: RecordedRequest): Promise<Response> {
    if (!refreshAnswer) return defaultRefreshAnswer(request)
    const presented = refreshTokens.get(request.body?.get('refresh_token') ?? '')
    return refreshAnswer({
      request,
      refreshToken: presented,
      idToken: (claims) =>
        signIdToken(
          {
            clientId: presented?.grant.clientId ?? request.body?.get('client_id') ?? clientId,
            nonce: null,
          },
          { ...(presented ? { sub: presented.grant.sub } : {}), ...claims },
        ),
      defaultAnswer: (overrides) => defaultRefreshAnswer(request, overrides),
    })
  }

  function bearerToken(request: RecordedRequest): string | undefined {
    const match = /^Bearer ([^\s]+)$/i.exec(request.headers.get('authorization') ?? '')
    return match?.[1]
  }

  function userInfoAnswerFor(request: RecordedRequest): Promise<Response> {
    const presented = accessTokens.get(bearerToken(request) ?? '')
    const valid = presented && accessTokenValid(presented) ? presented : undefined
    const defaultAnswer = (): Promise<Response> => {
      if (!valid) {
        // RFC 6750 §3.1: a missing token gets a bare challenge, a bad one names invalid_token.
        const challenge =
          bearerToken(request) === undefined
            ? `Bearer realm="${issuer}"`
            : 'Bearer error="invalid_token", error_description="The access token is invalid or expired"'
        return Promise.resolve(
          json({ error: 'invalid_token' }, 401, { 'www-authenticate': challenge }),
        )
      }
      return Promise.resolve(json({ sub: valid.grant.sub, name: 'Alice' }))
    }
    if (userInfoAnswer) return userInfoAnswer({ request, accessToken: valid, defaultAnswer })
    return defaultAnswer()
  }

  function revocationAnswerFor(request: RecordedRequest): Response {
    const token = request.body?.get('token')
    if (!token) return json({ error: 'invalid_request', error_description: 'token missing' }, 400)
    if (options.revocationRefusesPublicClients === true && !request.headers.has('authorization')) {
      return new Response(null, { status: 401 })
    }
    const authError = clientAuthenticationError(request)
    if (authError) return authError
    const refreshToken = refreshTokens.get(token)
    // RFC 7009 §2.1: revoking a refresh token should end the access tokens of the same grant too.
    if (refreshToken) revokeGrantOf(refreshToken.grant)
    const accessToken = accessTokens.get(token)
    if (accessToken) accessToken.revoked = true
    // RFC 7009 §2.2: 200 also for a token the provider does not know.
    return new Response(null, { status: 200 })
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

    if (down) throw new TypeError('Failed to fetch')
    const failureIndex = failures.findIndex((failure) => failure.matches(request))
    if (failureIndex !== -1) {
      const [{ kind }] = failures.splice(failureIndex, 1) as [(typeof failures)[number]]
      if (kind === 'network') throw new TypeError('Failed to fetch')
      return serverError(kind)
    }

    if (url === `${issuer}/.well-known/openid-configuration`) {
      return discoveryAnswer ? discoveryAnswer() : json(metadata)
    }
    if (url === metadata.jwks_uri) return json({ keys: [jwk] })
    if (url === metadata.token_endpoint && method === 'POST') {
      if (body?.get('grant_type') === 'refresh_token') return refreshAnswerFor(request)
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
    if (url === metadata.userinfo_endpoint && (method === 'GET' || method === 'POST')) {
      return userInfoAnswerFor(request)
    }
    if (
      metadata.revocation_endpoint !== undefined &&
      url === metadata.revocation_endpoint &&
      method === 'POST'
    ) {
      return revocationAnswerFor(request)
    }
    return new Response('not found', { status: 404 })
  }

  const isRefreshRequest = (request: RecordedRequest) =>
    request.url === metadata.token_endpoint && request.body?.get('grant_type') === 'refresh_token'
  const isUserInfoRequest = (request: RecordedRequest) =>
    request.url.split('?')[0] === metadata.userinfo_endpoint
  const isRevocationRequest = (request: RecordedRequest) =>
    metadata.revocation_endpoint !== undefined && request.url === metadata.revocation_endpoint

  return {
    issuer,
    clientId,
    subject,
    metadata,
    requests,
    fetch,
    /** Token endpoint requests made so far (both grants). */
    tokenRequests: () => requests.filter((request) => request.url === metadata.token_endpoint),
    /** refresh_token grant requests made so far, including those that failed on the way. */
    refreshRequests: () => requests.filter(isRefreshRequest),
    /** The refresh_token values presented, in order. */
    refreshTokensSent: () =>
      requests.filter(isRefreshRequest).map((request) => request.body?.get('refresh_token')),
    /** UserInfo requests made so far. */
    userinfoRequests: () => requests.filter(isUserInfoRequest),
    /** Revocation requests made so far. */
    revocationRequests: () => requests.filter(isRevocationRequest),
    /** What the revocation requests asked for, in order. */
    revocations: () =>
      requests.filter(isRevocationRequest).map((request) => ({
        token: request.body?.get('token') ?? undefined,
        tokenTypeHint: request.body?.get('token_type_hint') ?? undefined,
      })),
    /** Every authorization URL the user was sent to (authorize() calls), in order. */
    authorizationRequests: () => [...authorizations],
    /** The grants created by code exchanges, oldest first. */
    grants: () => [...grants],
    /** Whether the provider would still accept this token (refresh or access token). */
    isActive(token: string): boolean {
      const refresh = refreshTokens.get(token)
      if (refresh) return refreshTokenUsable(refresh)
      const access = accessTokens.get(token)
      return access !== undefined && accessTokenValid(access)
    },
    /** Plays the user signing in: returns the callback URL the provider would redirect to. */
    authorize(authorizationUrl: string | URL, extra: Record<string, string> = {}): URL {
      const url = new URL(authorizationUrl)
      authorizations.push(url)
      const callback = new URL(
        url.searchParams.get('redirect_uri') ?? 'https://app.example/callback',
      )
      const state = url.searchParams.get('state')
      const prompt = (url.searchParams.get('prompt') ?? '').split(' ')
      if (prompt.includes('none') && !sessionAlive) {
        // OIDC Core §3.1.2.6: no session, and the user may not be asked.
        callback.searchParams.set('error', 'login_required')
        callback.searchParams.set('error_description', 'End-User authentication is required')
      } else {
        // Interactively, the user signs in (again): the provider has a session from now on.
        if (!prompt.includes('none')) sessionAlive = true
        const code = randomUUID()
        codes.set(code, {
          code,
          clientId: url.searchParams.get('client_id') ?? '',
          redirectUri: url.searchParams.get('redirect_uri') ?? '',
          nonce: url.searchParams.get('nonce'),
          codeChallenge: url.searchParams.get('code_challenge'),
          scope: url.searchParams.get('scope'),
        })
        callback.searchParams.set('code', code)
      }
      if (state !== null) callback.searchParams.set('state', state)
      callback.searchParams.set('iss', issuer)
      for (const [name, value] of Object.entries(extra)) callback.searchParams.set(name, value)
      return callback
    },
    /**
     * Plays the browser at the end_session_endpoint: ends the provider session and returns where it
     * sends the browser back (post_logout_redirect_uri with the state), or undefined without one.
     */
    endSession(endSessionUrl: string | URL): URL | undefined {
      const url = new URL(endSessionUrl)
      sessionAlive = false
      const target = url.searchParams.get('post_logout_redirect_uri')
      if (target === null) return undefined
      const back = new URL(target)
      const state = url.searchParams.get('state')
      if (state !== null) back.searchParams.set('state', state)
      return back
    },
    /** Whether the user has a session at the provider (prompt=none succeeds only then). */
    setSessionAlive(alive: boolean) {
      sessionAlive = alive
    },
    /** While down, every request rejects with TypeError('Failed to fetch'), like a browser offline. */
    setDown(isDown: boolean) {
      down = isDown
    },
    /**
     * The next `count` requests (that `matches`, default every request) fail: fetch rejects with a
     * TypeError for 'network', or the provider answers that HTTP status with an OAuth error body.
     */
    failNextRequests(
      count: number,
      kind: FailureKind = 'network',
      matches: (request: RecordedRequest) => boolean = () => true,
    ) {
      for (let index = 0; index < count; index++) failures.push({ kind, matches })
    },
    /** The next `count` refresh requests fail as `kind`. */
    failNextRefreshes(count: number, kind: FailureKind = 'network') {
      for (let index = 0; index < count; index++) failures.push({ kind, matches: isRefreshRequest })
    },
    /** Ends every grant (an admin revoked the app's access): refresh and access tokens stop working. */
    revokeGrants() {
      for (const grant of grants) revokeGrantOf(grant)
    },
    /** Invalidates access tokens at the provider (all, or this one) without touching refresh tokens. */
    invalidateAccessTokens(token?: string) {
      for (const issued of accessTokens.values()) {
        if (token === undefined || issued.token === token) issued.revoked = true
      }
    },
    answerDiscoveryWith(answer: () => Promise<Response>) {
      discoveryAnswer = answer
    },
    answerTokenRequestsWith(answer: TokenAnswer) {
      tokenAnswer = answer
    },
    /** Replaces the refresh_token grant's answer until called again (undefined restores the default). */
    answerRefreshWith(answer: RefreshAnswer | undefined) {
      refreshAnswer = answer
    },
    /** Replaces UserInfo's answer until called again (undefined restores the default). */
    answerUserInfoWith(answer: UserInfoAnswer | undefined) {
      userInfoAnswer = answer
    },
    /** UserInfo answers for a valid token with claims about `sub` (undefined: the token's own user). */
    answerUserInfoAs(sub: string | undefined) {
      userInfoAnswer =
        sub === undefined
          ? undefined
          : ({ accessToken, defaultAnswer }) =>
              accessToken ? Promise.resolve(json({ sub, name: 'Mallory' })) : defaultAnswer()
    },
  }
}

export type FakeProvider = Awaited<ReturnType<typeof createFakeProvider>>

export { json as jsonResponse }
