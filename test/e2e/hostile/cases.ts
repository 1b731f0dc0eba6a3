/**
 * Every case of the hostile-provider suite: what the provider does wrong, and what the app must do
 * about it. The expected words are the app's own (ERROR_TITLES and STEP_NAMES in
 * src/components/errors/error-explanations.ts, the `check` of each OidcError), written out here so the
 * suite stays an independent oracle.
 */
import { openSettings } from '../fixtures'
import { E2E } from '../ports'
import type { CaseContext, Criterion, Expectation } from './harness'
import { beSignedIn, signInThroughProvider, startSignIn } from './harness'
import { nowSeconds, tamperJwt } from './jwt'
import type { JsonObject, Signing } from './jwt'
import {
  answerAuthorization,
  callbackUrl,
  ENDPOINTS,
  holdRequests,
  ISSUER,
  refuseConnections,
  rewriteDiscovery,
  rewriteTokenResponse,
  rewriteUserInfo,
  startCorslessProxy,
} from './rewrite'
import type { TokenAnswer } from './rewrite'

export interface HostileCase {
  /** Short id, after the checks table in security-checks.md where there is one. */
  id: string
  name: string
  expectation: Expectation
  /** Said in the table, e.g. what a case depends on. */
  note?: string
  /** The test's own time limit, when the default (60 s) is not enough. */
  timeoutMs?: number
  /** Installs the hostile answers and drives the app to where the outcome should show. */
  run: (c: CaseContext) => Promise<void>
  /** Observations beyond the common ones. */
  extra?: (c: CaseContext) => Promise<Criterion[]>
}

const TITLE = {
  unsafeEndpoint: 'The provider metadata names an endpoint this app refuses to use',
  issuerMismatch: 'The metadata belongs to another issuer',
  network: 'The request failed before any answer could be read',
  timeout: 'The provider did not answer in time',
  noPending: 'No sign-in is waiting for this callback',
  state: 'The state parameter does not match',
  iss: 'The callback comes from another issuer',
  authorizationError: 'The provider refused the authorization request',
  invalidCallback: 'The callback is not a valid authorization response',
  tokenError: 'The token endpoint refused the request',
  notTokens: 'The token endpoint did not answer with tokens',
  idToken: 'The ID token failed a check',
  idTokenChanged: 'The refreshed ID token is about someone else',
  userinfoSub: 'UserInfo describes another user than the ID token',
} as const

const STEP = {
  discovery: 'Discovery (fetching the provider metadata)',
  callback: 'Callback (the authorization response)',
  token: 'Token request (exchanging the code)',
  idToken: 'ID token validation',
  refresh: 'Refresh (the refresh_token grant)',
  userinfo: 'UserInfo request',
} as const

const HOSTILE_ISSUER = 'https://hostile.example'
const NEEDS_SIGNATURE_CHECK = 'relies on the signature check at the callback (5471961)'

/** Claims only the rejected response carries, so they can be looked for on screen and in storage. */
function markRejectedClaims(c: CaseContext, claims: JsonObject, id: string): void {
  const name = `Mallory ${id}-rejected`
  const email = `mallory-${id.toLowerCase()}@hostile.test`
  claims.name = name
  claims.email = email
  c.rejectedValues.add(name)
  c.rejectedValues.add(email)
}

function requireString(value: unknown, what: string): string {
  if (typeof value !== 'string') throw new Error(`the provider's answer has no ${what}`)
  return value
}

// --- Discovery ---------------------------------------------------------------------------------

function metadataCase(
  id: string,
  name: string,
  field: string,
  value: string,
  expectation: Expectation = { outcome: 'refused', title: TITLE.unsafeEndpoint, check: field },
): HostileCase {
  return {
    id,
    name,
    expectation,
    run: async (c) => {
      await rewriteDiscovery(c.page, c, (metadata) => {
        metadata[field] = value
      })
      await startSignIn(c)
    },
  }
}

const discoveryCases: HostileCase[] = [
  metadataCase('D1', 'discovery names another issuer', 'issuer', HOSTILE_ISSUER, {
    outcome: 'refused',
    title: TITLE.issuerMismatch,
    check: 'issuer',
  }),
  metadataCase(
    'D5a',
    'authorization_endpoint is javascript:',
    'authorization_endpoint',
    'javascript:window.__xss=4',
  ),
  metadataCase(
    'D5b',
    'authorization_endpoint is data:',
    'authorization_endpoint',
    'data:text/html,<script>window.__xss=5</script>',
  ),
  metadataCase(
    'D5c',
    'authorization_endpoint is http on a non-loopback host',
    'authorization_endpoint',
    'http://hostile.example/auth',
  ),
  metadataCase(
    'D5d',
    'end_session_endpoint is javascript:',
    'end_session_endpoint',
    'javascript:window.__xss=6',
  ),
  metadataCase(
    'D5e',
    'end_session_endpoint is data:',
    'end_session_endpoint',
    'data:text/html,<script>window.__xss=7</script>',
  ),
  metadataCase(
    'D5f',
    'end_session_endpoint is http on a non-loopback host',
    'end_session_endpoint',
    'http://hostile.example/session/end',
  ),
]

// --- Authorization response (callback) --------------------------------------------------------

/** The provider answers the authorization request with a redirect to a crafted callback. */
function callbackCase(
  id: string,
  name: string,
  expectation: Expectation,
  parameters: (request: URL) => Record<string, string>,
  options: {
    fragment?: Record<string, string>
    /** Tokens the crafted callback carries: they must not be shown or kept. */
    injected?: readonly string[]
    extra?: HostileCase['extra']
  } = {},
): HostileCase {
  return {
    id,
    name,
    expectation,
    ...(options.extra ? { extra: options.extra } : {}),
    run: async (c) => {
      for (const token of options.injected ?? []) c.secrets.add(token)
      await answerAuthorization(c.page, c, (request) =>
        callbackUrl(request, parameters(request), options.fragment),
      )
      await startSignIn(c)
    },
  }
}

const realState = (request: URL) => request.searchParams.get('state') ?? ''
const HTML_DESCRIPTION = '<img src=x onerror=window.__xss=3><b>bold</b>'
const INJECTED_ACCESS_TOKEN = 'hostile-injected-access-token-3f9a1c'
const INJECTED_ID_TOKEN = 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJtYWxsb3J5In0.'

const callbackCases: HostileCase[] = [
  callbackCase(
    'CB7',
    'callback with error and HTML in error_description',
    {
      outcome: 'refused',
      title: TITLE.authorizationError,
      step: STEP.callback,
      texts: ['access_denied', HTML_DESCRIPTION],
    },
    (request) => ({
      error: 'access_denied',
      error_description: HTML_DESCRIPTION,
      state: realState(request),
      iss: ISSUER,
    }),
    {
      extra: async (c) => {
        const elements = await c.page.getByRole('alert').locator('img, b').count()
        return [
          {
            name: 'error_description shown as text',
            ok: elements === 0,
            seen: elements === 0 ? 'description inert' : `${elements} elements made from it`,
          },
        ]
      },
    },
  ),
  callbackCase(
    'CB2',
    'callback without state',
    { outcome: 'refused', title: TITLE.state, check: 'state' },
    () => ({ code: 'hostile-code', iss: ISSUER }),
  ),
  callbackCase(
    'CB1',
    'callback with another state',
    { outcome: 'refused', title: TITLE.state, check: 'state' },
    () => ({ code: 'hostile-code', state: 'hostile-state', iss: ISSUER }),
  ),
  {
    id: 'CB4a',
    name: 'replayed callback after a completed sign-in',
    expectation: { outcome: 'refused', title: TITLE.noPending, check: 'pending authorization' },
    run: async (c) => {
      await beSignedIn(c)
      const [callback] = c.traffic.callbacks
      if (callback === undefined) throw new Error('no callback was seen')
      c.markRejection()
      await c.page.goto(callback)
    },
  },
  {
    id: 'CB4b',
    name: 'replayed state and code in a new sign-in',
    expectation: { outcome: 'refused', title: TITLE.state, check: 'state' },
    run: async (c) => {
      await beSignedIn(c)
      const [callback] = c.traffic.callbacks
      if (callback === undefined) throw new Error('no callback was seen')
      // A new page load forgets the session; the new sign-in gets the old answer back.
      await answerAuthorization(c.page, c, () => callback)
      await startSignIn(c)
    },
  },
  {
    id: 'CB3',
    name: 'unsolicited callback',
    expectation: { outcome: 'refused', title: TITLE.noPending, check: 'pending authorization' },
    run: async (c) => {
      await c.page.goto('/')
      c.markRejection()
      await c.page.goto(`/callback?code=hostile-code&state=guess&iss=${encodeURIComponent(ISSUER)}`)
    },
  },
  callbackCase(
    'CB6',
    'callback iss names another issuer (RFC 9207)',
    { outcome: 'refused', title: TITLE.iss, check: 'iss' },
    (request) => ({ code: 'hostile-code', state: realState(request), iss: HOSTILE_ISSUER }),
  ),
  callbackCase(
    'CB5',
    'callback without iss, which the metadata promises (RFC 9207)',
    { outcome: 'refused', title: TITLE.iss, check: 'iss' },
    (request) => ({ code: 'hostile-code', state: realState(request) }),
  ),
  callbackCase(
    'CB9a',
    'access_token in the callback query',
    { outcome: 'refused', title: TITLE.invalidCallback, check: 'no tokens in the callback URL' },
    (request) => ({
      code: 'hostile-code',
      state: realState(request),
      iss: ISSUER,
      access_token: INJECTED_ACCESS_TOKEN,
    }),
    { injected: [INJECTED_ACCESS_TOKEN] },
  ),
  callbackCase(
    'CB9b',
    'id_token in the callback query',
    { outcome: 'refused', title: TITLE.invalidCallback, check: 'no tokens in the callback URL' },
    (request) => ({
      code: 'hostile-code',
      state: realState(request),
      iss: ISSUER,
      id_token: INJECTED_ID_TOKEN,
    }),
    { injected: [INJECTED_ID_TOKEN] },
  ),
  callbackCase(
    'CB9c',
    'access_token in the callback fragment',
    { outcome: 'refused', title: TITLE.invalidCallback, check: 'no tokens in the callback URL' },
    (request) => ({ code: 'hostile-code', state: realState(request), iss: ISSUER }),
    {
      fragment: { access_token: INJECTED_ACCESS_TOKEN, token_type: 'bearer' },
      injected: [INJECTED_ACCESS_TOKEN],
    },
  ),
]

// --- Token endpoint ----------------------------------------------------------------------------

function tokenAnswerCase(
  id: string,
  name: string,
  expectation: Expectation,
  answer: (body: JsonObject) => TokenAnswer,
): HostileCase {
  return {
    id,
    name,
    expectation,
    run: async (c) => {
      await rewriteTokenResponse(c.page, c, answer)
      await signInThroughProvider(c)
    },
  }
}

const tokenCases: HostileCase[] = [
  tokenAnswerCase(
    'TK1',
    'token endpoint answers 400 invalid_grant',
    { outcome: 'refused', title: TITLE.tokenError, step: STEP.token, texts: ['invalid_grant'] },
    () => ({
      status: 400,
      contentType: 'application/json',
      body: JSON.stringify({
        error: 'invalid_grant',
        error_description: 'grant request is invalid',
      }),
    }),
  ),
  tokenAnswerCase(
    'TK2a',
    'token endpoint answers 500',
    { outcome: 'refused', title: TITLE.notTokens, step: STEP.token, texts: ['500'] },
    () => ({ status: 500, contentType: 'text/plain', body: 'Internal Server Error' }),
  ),
  tokenAnswerCase(
    'TK2b',
    'token endpoint answers 200 with HTML',
    { outcome: 'refused', title: TITLE.notTokens, step: STEP.token },
    () => ({
      status: 200,
      contentType: 'text/html',
      body: '<!doctype html><title>Sign in</title><h1>Please sign in</h1>',
    }),
  ),
  tokenAnswerCase(
    'TK2c',
    'token endpoint answers 200 with a form-encoded (non-JSON) body',
    { outcome: 'refused', title: TITLE.notTokens, step: STEP.token },
    (body) => ({
      status: 200,
      contentType: 'application/x-www-form-urlencoded',
      body: new URLSearchParams({
        access_token: requireString(body.access_token, 'access_token'),
        token_type: 'bearer',
        scope: 'openid',
      }).toString(),
    }),
  ),
  tokenAnswerCase(
    'TK3',
    'token endpoint answers JSON without access_token',
    { outcome: 'refused', title: TITLE.notTokens, step: STEP.token, texts: ['access_token'] },
    (body) => {
      delete body.access_token
      return { json: body }
    },
  ),
]

// --- ID token ----------------------------------------------------------------------------------

function idTokenCase(
  id: string,
  name: string,
  check: string,
  change: (claims: JsonObject) => void,
  signing: Signing = 'valid',
  note?: string,
): HostileCase {
  return {
    id,
    name,
    expectation: { outcome: 'refused', title: TITLE.idToken, check, step: STEP.idToken },
    ...(note === undefined ? {} : { note }),
    run: async (c) => {
      await rewriteTokenResponse(c.page, c, (body) => {
        body.id_token = tamperJwt(
          requireString(body.id_token, 'id_token'),
          (claims) => {
            markRejectedClaims(c, claims, id)
            change(claims)
            for (const claim of ['iss', 'aud', 'nonce', 'sub'] as const) {
              const value = claims[claim]
              if (typeof value === 'string' && value.startsWith('hostile')) {
                c.rejectedValues.add(value)
              }
            }
          },
          signing,
        )
        return { json: body }
      })
      await signInThroughProvider(c)
    },
  }
}

const idTokenCases: HostileCase[] = [
  idTokenCase('ID1', 'ID token iss is another issuer', 'iss', (claims) => {
    claims.iss = 'hostile-issuer'
  }),
  idTokenCase('ID2', 'ID token aud is another client', 'aud', (claims) => {
    claims.aud = 'hostile-client'
  }),
  idTokenCase('ID3', 'ID token has an extra audience and no azp', 'aud', (claims) => {
    claims.aud = [String(claims.aud), 'hostile-client']
    delete claims.azp
  }),
  idTokenCase('ID8a', 'ID token nonce is another one', 'nonce', (claims) => {
    claims.nonce = 'hostile-nonce'
  }),
  idTokenCase('ID8b', 'ID token has no nonce', 'nonce', (claims) => {
    delete claims.nonce
  }),
  idTokenCase('ID6', 'ID token expired', 'exp', (claims) => {
    claims.iat = nowSeconds() - 600
    claims.exp = nowSeconds() - 300
  }),
  idTokenCase('ID7', 'ID token nbf is in the future', 'nbf', (claims) => {
    claims.nbf = nowSeconds() + 300
  }),
  idTokenCase('ID4', 'ID token has no sub', 'sub', (claims) => {
    delete claims.sub
  }),
  idTokenCase('ID5', 'ID token has no iat', 'iat', (claims) => {
    delete claims.iat
  }),
  idTokenCase('ID9a', 'ID token alg is none', 'alg', () => undefined, 'none'),
  idTokenCase(
    'ID9b',
    'ID token is HS256, keyed with the public key',
    'alg',
    () => undefined,
    'hs256',
  ),
  idTokenCase(
    'ID10',
    'ID token signature is corrupted',
    'signature',
    () => undefined,
    'corrupted',
    NEEDS_SIGNATURE_CHECK,
  ),
]

// --- Good cases: a hostile provider's odd-but-valid answers are accepted -------------------------

const XSS_NAME = '<img src=x onerror=window.__xss=1>'
const XSS_URL = 'javascript:window.__xss=2'

function withHtmlClaims(claims: JsonObject): void {
  claims.name = XSS_NAME
  claims.picture = XSS_URL
  claims.website = XSS_URL
  claims.profile = XSS_URL
}

async function shownAsText(c: CaseContext, where: string, scope: string): Promise<Criterion> {
  // The ID token is in the workspace's Tokens tab, the userinfo answer in its API tab.
  const tab = c.page.getByRole('tab', {
    name: scope === 'UserInfo' ? 'API' : 'Tokens',
    exact: true,
  })
  if ((await tab.count()) > 0) await tab.click()
  const region = c.page.getByRole('region', { name: scope, exact: true })
  const text = (await region.count()) > 0 ? await region.first().innerText() : ''
  const ok = text.includes(XSS_NAME) && text.includes(XSS_URL)
  const images = await c.page.locator('img[src="x"]').count()
  return {
    name: `${where}: HTML and javascript: claims shown as text`,
    ok: ok && images === 0,
    seen: `${where}: ${ok ? 'shown as text' : 'not shown as text'}${images > 0 ? `, ${images} img made` : ''}`,
  }
}

const goodCases: HostileCase[] = [
  {
    id: 'OK1',
    name: 'the normal flow',
    expectation: { outcome: 'signed-in' },
    run: signInThroughProvider,
  },
  {
    id: 'OK2',
    name: 'ID token aud as a single-element array',
    expectation: { outcome: 'signed-in' },
    run: async (c) => {
      await rewriteTokenResponse(c.page, c, (body) => {
        body.id_token = tamperJwt(requireString(body.id_token, 'id_token'), (claims) => {
          claims.aud = [String(claims.aud)]
        })
        return { json: body }
      })
      await signInThroughProvider(c)
    },
  },
  {
    id: 'OK3',
    name: 'token_type "BeArEr"',
    expectation: { outcome: 'signed-in' },
    run: async (c) => {
      await rewriteTokenResponse(c.page, c, (body) => ({ json: { ...body, token_type: 'BeArEr' } }))
      await signInThroughProvider(c)
    },
  },
  {
    id: 'OK4',
    name: 'token response without expires_in and scope',
    expectation: { outcome: 'signed-in' },
    run: async (c) => {
      await rewriteTokenResponse(c.page, c, (body) => {
        delete body.expires_in
        delete body.scope
        return { json: body }
      })
      await signInThroughProvider(c)
    },
  },
  {
    id: 'OK5',
    name: 'ID token auth_time of 0 (1 January 1970), validly signed',
    expectation: { outcome: 'signed-in' },
    note: 'signed and valid, yet meaningless: the lint says so',
    run: async (c) => {
      await rewriteTokenResponse(c.page, c, (body) => {
        body.id_token = tamperJwt(requireString(body.id_token, 'id_token'), (claims) => {
          claims.auth_time = 0
        })
        return { json: body }
      })
      await signInThroughProvider(c)
      await c.page.getByRole('heading', { name: 'Signed in' }).waitFor()
    },
    extra: async (c) => {
      const lint = c.page
        .getByRole('region', { name: 'ID token', exact: true })
        .getByRole('group', { name: 'Lint' })
      const text = (await lint.textContent()) ?? ''
      const said = text.includes('"auth_time" is 0') && text.includes('1 January 1970')
      return [
        {
          name: 'the lint says auth_time 0 cannot be when the user signed in',
          ok: said,
          seen: said ? 'said' : 'not said',
        },
      ]
    },
  },
  {
    id: 'DS1',
    name: 'claims carrying HTML and javascript: URLs (ID token and UserInfo)',
    expectation: { outcome: 'signed-in' },
    run: async (c) => {
      await rewriteTokenResponse(c.page, c, (body) => {
        body.id_token = tamperJwt(requireString(body.id_token, 'id_token'), withHtmlClaims)
        return { json: body }
      })
      await rewriteUserInfo(c.page, c, withHtmlClaims)
      await signInThroughProvider(c)
      await c.page.getByRole('heading', { name: 'Signed in' }).waitFor()
      await c.page.getByRole('button', { name: 'Call userinfo' }).click()
      await c.page.getByRole('table', { name: 'UserInfo claims' }).waitFor()
    },
    extra: async (c) => [
      await shownAsText(c, 'ID token', 'ID token'),
      await shownAsText(c, 'UserInfo', 'UserInfo'),
    ],
  },
]

// --- After sign-in: UserInfo and refresh -------------------------------------------------------

const afterSignInCases: HostileCase[] = [
  {
    id: 'UI1',
    name: 'UserInfo describes another sub',
    expectation: {
      outcome: 'refused',
      title: TITLE.userinfoSub,
      check: 'sub',
      step: STEP.userinfo,
    },
    run: async (c) => {
      await beSignedIn(c)
      await rewriteUserInfo(c.page, c, (claims) => {
        markRejectedClaims(c, claims, 'UI1')
        claims.sub = 'hostile-other-user'
        c.rejectedValues.add('hostile-other-user')
      })
      await c.page.getByRole('button', { name: 'Call userinfo' }).click()
    },
  },
  {
    id: 'RT5',
    name: 'a refresh returns an ID token with another sub',
    expectation: {
      outcome: 'refused',
      title: TITLE.idTokenChanged,
      check: 'sub',
      step: STEP.refresh,
    },
    run: async (c) => {
      await beSignedIn(c)
      const first = c.traffic.tokenExchanges.at(0)?.body.id_token
      await rewriteTokenResponse(
        c.page,
        c,
        (body) => {
          // oidc-provider sends a new ID token with a refresh; should it not, the first one is reused.
          const idToken = typeof body.id_token === 'string' ? body.id_token : first
          body.id_token = tamperJwt(requireString(idToken, 'id_token'), (claims) => {
            markRejectedClaims(c, claims, 'RT5')
            claims.sub = 'hostile-other-user'
            claims.iat = nowSeconds()
            claims.exp = nowSeconds() + 3600
          })
          c.rejectedValues.add('hostile-other-user')
          return { json: body }
        },
        'refresh_token',
      )
      await c.page.getByRole('button', { name: 'Refresh now' }).click()
    },
  },
]

// --- CORS and a provider that stops answering --------------------------------------------------

/** Starts the CORS-less proxy in front of the provider, for this case only. */
async function corslessProvider(c: CaseContext): Promise<string> {
  const proxy = await startCorslessProxy(c)
  c.providerOrigins.add(proxy.origin)
  c.cleanups.push(proxy.close)
  return proxy.origin
}

/** The metadata names `field` behind the CORS-less proxy; everything else is the real provider. */
async function endpointWithoutCors(c: CaseContext, field: string): Promise<void> {
  const origin = await corslessProvider(c)
  await rewriteDiscovery(
    c.page,
    c,
    (metadata) => {
      const real = new URL(String(metadata[field]))
      metadata[field] = `${origin}${real.pathname}`
    },
    { mark: false },
  )
}

/** CORS refused: a second request that needs no CORS proved the server answered. */
function networkFailure(step?: string): Expectation {
  return {
    outcome: 'refused',
    title: TITLE.network,
    ...(step === undefined ? {} : { step }),
    texts: [E2E.appUrl, 'the browser hid its answer'],
  }
}

const networkCases: HostileCase[] = [
  {
    id: 'NC1',
    name: 'discovery without CORS headers',
    expectation: networkFailure(STEP.discovery),
    run: async (c) => {
      // The issuer typed in is the provider without CORS headers.
      const origin = await corslessProvider(c)
      await c.page.goto('/')
      await openSettings(c.page)
      await c.page.getByLabel('Issuer URL').fill(origin)
      await c.page.getByRole('button', { name: 'Sign in' }).click()
    },
  },
  {
    id: 'NC2',
    name: 'token endpoint without CORS headers',
    expectation: networkFailure(STEP.token),
    run: async (c) => {
      await endpointWithoutCors(c, 'token_endpoint')
      await signInThroughProvider(c)
    },
  },
  {
    id: 'NC3',
    name: 'UserInfo without CORS headers',
    expectation: {
      outcome: 'call-failed',
      region: 'UserInfo',
      title: TITLE.network,
      texts: [E2E.appUrl],
    },
    note: 'by design a failed UserInfo call keeps the session (session.ts callWithRenewal)',
    run: async (c) => {
      await endpointWithoutCors(c, 'userinfo_endpoint')
      await beSignedIn(c)
      await c.page.getByRole('button', { name: 'Call userinfo' }).click()
    },
  },
  {
    id: 'NC4',
    name: 'JWKS without CORS headers (Azure AD B2C, ADFS)',
    // OIDC Core §3.1.3.7 step 6: the ID token came straight from the token endpoint over TLS.
    expectation: { outcome: 'signed-in' },
    note: 'signs in; the signature is said to be not checked, and why',
    run: async (c) => {
      await endpointWithoutCors(c, 'jwks_uri')
      await signInThroughProvider(c)
      await c.page.getByRole('heading', { name: 'Signed in' }).waitFor()
    },
    extra: async (c) => {
      const idToken = c.page.getByRole('region', { name: 'ID token', exact: true })
      const text = (await idToken.textContent()) ?? ''
      const said = text.includes(
        "Not checked here: the signature. The provider's keys are not readable from this origin",
      )
      const verified = /Checked by PKCE Lab[\s\S]*signature verifies/.test(text)
      return [
        {
          name: 'the signature is said to be not checked, because of CORS on jwks_uri',
          ok: said && !verified,
          seen: said ? 'said, with the cause' : 'not said',
        },
      ]
    },
  },
  {
    id: 'NC5',
    name: 'token endpoint host goes away mid-flow (connection refused)',
    // Not CORS: a second request that needs no CORS got no answer either.
    expectation: {
      outcome: 'refused',
      title: TITLE.network,
      step: STEP.token,
      texts: ['The server did not answer at all'],
    },
    run: async (c) => {
      await refuseConnections(c.page, c, ENDPOINTS.token)
      await signInThroughProvider(c)
    },
  },
  {
    id: 'NC6',
    name: 'token endpoint stops answering mid-flow (held; app limit 15 s)',
    expectation: { outcome: 'refused', title: TITLE.timeout, step: STEP.token, timeoutMs: 25_000 },
    timeoutMs: 60_000,
    run: async (c) => {
      c.cleanups.push(await holdRequests(c.page, c, ENDPOINTS.token))
      await signInThroughProvider(c)
    },
  },
]

export const CASE_GROUPS: { title: string; cases: HostileCase[] }[] = [
  { title: 'discovery', cases: discoveryCases },
  { title: 'authorization response', cases: callbackCases },
  { title: 'token endpoint', cases: tokenCases },
  { title: 'ID token', cases: idTokenCases },
  { title: 'after sign-in', cases: afterSignInCases },
  { title: 'network', cases: networkCases },
  { title: 'good answers', cases: goodCases },
]
