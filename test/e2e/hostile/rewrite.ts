/**
 * The hostile provider: the real local provider (node-oidc-provider) behind Playwright routes that
 * change its answers on purpose. Every rewrite either fetches the real answer and changes it, or
 * answers in the provider's place, with the provider's own CORS headers unless a case removes them.
 * Each rewrite marks the point of rejection (the moment the bad answer is served), so the harness can
 * tell whether the app asked the provider for anything afterwards.
 */
import { createServer, request as httpRequest } from 'node:http'
import type { OutgoingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'

import type { APIResponse, Page, Route } from '@playwright/test'

import { E2E } from '../ports'
import { HOSTILE_JWK } from './jwt'
import type { JsonObject } from './jwt'

export const ISSUER = E2E.localIssuer

export const ENDPOINTS = {
  discovery: `${ISSUER}/.well-known/openid-configuration`,
  token: `${ISSUER}/token`,
  userinfo: `${ISSUER}/me`,
  jwks: `${ISSUER}/jwks`,
} as const

/** What a rewrite reports back to the case it runs in. */
export interface RewriteRecorder {
  /**
   * The bad answer is being served: from now on the app must not ask the provider for anything. The
   * request being answered (`path`) may still show up in the log after the mark, once.
   */
  markRejection(path?: string): void
  /** Every token string in a body that reached (or was made for) the browser in this case. */
  rememberTokens(body: unknown): void
}

/** The answer's headers without those that describe the original body's bytes. */
export function passHeaders(
  response: APIResponse,
  drop: readonly string[] = [],
): Record<string, string> {
  const dropped = new Set(['content-length', 'content-encoding', 'transfer-encoding', ...drop])
  return Object.fromEntries(
    Object.entries(response.headers()).filter(([name]) => !dropped.has(name.toLowerCase())),
  )
}

/** The CORS headers oidc-provider sends the app (clientBasedCORS allows its origin). */
export function providerCors(): Record<string, string> {
  return { 'access-control-allow-origin': E2E.appUrl, vary: 'Origin' }
}

function isPreflight(route: Route): boolean {
  return route.request().method() === 'OPTIONS'
}

/**
 * Publishes the hostile provider's own key next to the real ones, as a provider that signs with it
 * would. Installed for every case, so re-signed tokens carry a valid signature.
 */
export async function publishHostileKey(page: Page): Promise<void> {
  await page.route(ENDPOINTS.jwks, async (route) => {
    if (isPreflight(route)) return route.fallback()
    const response = await route.fetch()
    const jwks = (await response.json()) as { keys: unknown[] }
    return route.fulfill({
      status: response.status(),
      headers: passHeaders(response),
      json: { ...jwks, keys: [...jwks.keys, HOSTILE_JWK] },
    })
  })
}

/**
 * Discovery answers with the real metadata, changed by `change`. `mark: false` when the metadata is
 * only the way to a bad answer elsewhere (an endpoint moved behind a proxy).
 */
export async function rewriteDiscovery(
  page: Page,
  recorder: RewriteRecorder,
  change: (metadata: JsonObject) => void,
  options: { mark?: boolean } = {},
): Promise<void> {
  await page.route(ENDPOINTS.discovery, async (route) => {
    if (isPreflight(route)) return route.fallback()
    const response = await route.fetch()
    const metadata = (await response.json()) as JsonObject
    change(metadata)
    if (options.mark !== false) recorder.markRejection(new URL(ENDPOINTS.discovery).pathname)
    return route.fulfill({ status: 200, headers: passHeaders(response), json: metadata })
  })
}

/**
 * The authorization endpoint answers the app's authorization request at once with a redirect to the
 * callback URL `build` makes from the request (whose state, code_challenge and redirect_uri are real).
 * Playwright cannot intercept the redirect to the callback itself, so the hostile answer is given here.
 */
export async function answerAuthorization(
  page: Page,
  recorder: RewriteRecorder,
  build: (request: URL) => string,
): Promise<void> {
  await page.route(
    (url) =>
      url.href.startsWith(`${ISSUER}/auth`) &&
      url.pathname === '/auth' &&
      url.searchParams.has('code_challenge'),
    async (route) => {
      const request = new URL(route.request().url())
      recorder.markRejection(request.pathname)
      return route.fulfill({ status: 302, headers: { location: build(request) } })
    },
  )
}

/** The callback URL the provider would redirect to, with these parameters (and fragment). */
export function callbackUrl(
  request: URL,
  parameters: Record<string, string>,
  fragment?: Record<string, string>,
): string {
  const redirectUri = request.searchParams.get('redirect_uri')
  if (redirectUri === null) throw new Error('the authorization request has no redirect_uri')
  const url = new URL(redirectUri)
  for (const [name, value] of Object.entries(parameters)) url.searchParams.append(name, value)
  if (fragment) url.hash = new URLSearchParams(fragment).toString()
  return url.href
}

export type TokenAnswer =
  /** A changed JSON body, served with the real status and headers. */
  | { json: unknown }
  /** Any other answer, served with the provider's CORS headers. */
  | { status: number; contentType: string; body: string }

/**
 * The token endpoint answers with `change(realBody)`. The real exchange happens first (so the code is
 * used, as it would be), and every token in both bodies is remembered. `grantType` limits the rewrite
 * to code exchanges or refreshes; other requests reach the provider unchanged.
 */
export async function rewriteTokenResponse(
  page: Page,
  recorder: RewriteRecorder,
  change: (body: JsonObject) => TokenAnswer,
  grantType: 'authorization_code' | 'refresh_token' = 'authorization_code',
): Promise<void> {
  await page.route(ENDPOINTS.token, async (route) => {
    if (isPreflight(route)) return route.fallback()
    const sent = new URLSearchParams(route.request().postData() ?? '')
    if (sent.get('grant_type') !== grantType) return route.fallback()
    const response = await route.fetch()
    const real = (await response.json()) as JsonObject
    recorder.rememberTokens(real)
    const answer = change(structuredClone(real))
    recorder.markRejection(new URL(ENDPOINTS.token).pathname)
    if ('json' in answer) {
      recorder.rememberTokens(answer.json)
      return route.fulfill({
        status: response.status(),
        headers: passHeaders(response),
        json: answer.json,
      })
    }
    return route.fulfill({
      status: answer.status,
      headers: { ...providerCors(), 'content-type': answer.contentType },
      body: answer.body,
    })
  })
}

/** UserInfo answers with the real claims, changed by `change`. */
export async function rewriteUserInfo(
  page: Page,
  recorder: RewriteRecorder,
  change: (claims: JsonObject) => void,
): Promise<void> {
  await page.route(ENDPOINTS.userinfo, async (route) => {
    if (isPreflight(route)) return route.fallback()
    const response = await route.fetch()
    const claims = (await response.json()) as JsonObject
    change(claims)
    recorder.markRejection(new URL(ENDPOINTS.userinfo).pathname)
    return route.fulfill({
      status: response.status(),
      headers: passHeaders(response),
      json: claims,
    })
  })
}

export interface CorslessProxy {
  /** e.g. http://127.0.0.1:41234; the provider's paths work under it. */
  origin: string
  close: () => Promise<void>
}

const CORS_HEADER = /^access-control-/i

/**
 * The provider as it would be without CORS headers: a plain HTTP proxy in front of it that drops every
 * Access-Control-* header from its answers, preflights included. A route cannot stand in for this:
 * Playwright adds Access-Control-Allow-Origin to a fulfilled cross-origin answer that has none. Each
 * answer it passes on marks the point of rejection.
 */
export async function startCorslessProxy(recorder: RewriteRecorder): Promise<CorslessProxy> {
  const target = new URL(ISSUER)
  const server = createServer((incoming, outgoing) => {
    const path = incoming.url ?? '/'
    const upstream = httpRequest(
      {
        hostname: target.hostname,
        port: target.port,
        path,
        method: incoming.method,
        headers: { ...incoming.headers, host: target.host },
      },
      (answer) => {
        const chunks: Buffer[] = []
        answer.on('data', (chunk: Buffer) => chunks.push(chunk))
        answer.on('end', () => {
          const body = Buffer.concat(chunks)
          try {
            recorder.rememberTokens(JSON.parse(body.toString('utf8')))
          } catch {
            // Not JSON: nothing to remember.
          }
          const headers: OutgoingHttpHeaders = {}
          for (const [name, value] of Object.entries(answer.headers)) {
            if (value !== undefined && !CORS_HEADER.test(name) && name !== 'content-length') {
              headers[name] = value
            }
          }
          recorder.markRejection(new URL(path, ISSUER).pathname)
          outgoing.writeHead(answer.statusCode ?? 502, headers)
          outgoing.end(body)
        })
      },
    )
    upstream.on('error', () => outgoing.destroy())
    incoming.pipe(upstream)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => {
          resolve()
        })
      }),
  }
}

/**
 * Requests to `url` (other than preflights) never get an answer: the provider stopped answering.
 * Returns a function that drops the held requests, for the end of the case.
 */
export async function holdRequests(
  page: Page,
  recorder: RewriteRecorder,
  url: string,
): Promise<() => Promise<void>> {
  const held: Route[] = []
  await page.route(url, (route) => {
    if (isPreflight(route)) return route.fallback()
    recorder.markRejection(new URL(url).pathname)
    held.push(route)
    return undefined
  })
  return async () => {
    await Promise.all(held.map((route) => route.abort().catch(() => undefined)))
  }
}

/** Requests to `url` fail as if the provider's host had gone away. */
export async function refuseConnections(
  page: Page,
  recorder: RewriteRecorder,
  url: string,
): Promise<void> {
  await page.route(url, (route) => {
    if (isPreflight(route)) return route.fallback()
    recorder.markRejection(new URL(url).pathname)
    return route.abort('connectionrefused')
  })
}
