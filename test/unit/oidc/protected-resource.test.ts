/**
 * The API console's request: any method, headers and a JSON or form body go out as typed, with the
 * token in the Authorization header only; requests this app will not send are refused before any
 * request; WWW-Authenticate challenges come back parsed.
 */
import { describe, expect, it } from 'vitest'

import { callProtectedResource, isOidcError } from '../../../src/oidc'
import type { ResourceRequest } from '../../../src/oidc'

const appOrigin = 'https://app.example'
const TOKEN = 'at-0123456789abcdefghij'

/** An API that answers `status`, `body` and `headers`, and keeps every request it got. */
function api(status = 200, body = '{"ok":true}', headers: Record<string, string> = {}) {
  const requests: Request[] = []
  const fetch: typeof globalThis.fetch = (input, init) => {
    requests.push(new Request(input, init))
    return Promise.resolve(new Response(body, { status, headers }))
  }
  return { fetch, requests }
}

function call(request: ResourceRequest, fetch: typeof globalThis.fetch) {
  return callProtectedResource({ request, accessToken: TOKEN, http: { appOrigin, fetch } })
}

describe('callProtectedResource', () => {
  it('sends the method, headers and JSON body typed in, with the token as a Bearer header', async () => {
    const server = api(201, '{"id":"o-1"}')
    const result = await call(
      {
        method: 'POST',
        url: 'https://api.example/orders',
        headers: [['X-Request-Id', 'r1']],
        body: { type: 'json', text: '{"item":"tea"}' },
      },
      server.fetch,
    )

    const [sent] = server.requests
    expect(sent?.method).toBe('POST')
    expect(sent?.headers.get('authorization')).toBe(`Bearer ${TOKEN}`)
    expect(sent?.headers.get('x-request-id')).toBe('r1')
    expect(sent?.headers.get('content-type')).toBe('application/json')
    expect(await sent?.text()).toBe('{"item":"tea"}')
    expect(result).toMatchObject({ status: 201, body: '{"id":"o-1"}', challenges: [] })
    expect(result.sent).toEqual({
      method: 'POST',
      url: 'https://api.example/orders',
      headers: [
        ['content-type', 'application/json'],
        ['x-request-id', 'r1'],
      ],
      body: '{"item":"tea"}',
    })
    expect(JSON.stringify(result.sent)).not.toContain(TOKEN)
  })

  it('sends a form body as application/x-www-form-urlencoded', async () => {
    const server = api()
    await call(
      {
        method: 'PUT',
        url: 'https://api.example/orders/1',
        headers: [],
        body: { type: 'form', text: 'item=tea&size=large' },
      },
      server.fetch,
    )
    expect(server.requests[0]?.headers.get('content-type')).toBe(
      'application/x-www-form-urlencoded',
    )
  })

  it('returns the challenges of a 401, parsed', async () => {
    const server = api(401, '', {
      'www-authenticate': 'Bearer realm="api", error="insufficient_scope", scope="orders:write"',
    })
    const result = await call(
      { method: 'GET', url: 'https://api.example/orders', headers: [] },
      server.fetch,
    )
    expect(result.status).toBe(401)
    expect(result.challenges).toEqual([
      {
        scheme: 'bearer',
        parameters: { realm: 'api', error: 'insufficient_scope', scope: 'orders:write' },
      },
    ])
  })

  it.each([
    [{ url: `https://api.example/orders?access_token=${TOKEN}` }, 'The URL holds the access token'],
    [{ headers: [['Authorization', 'Basic x']] as [string, string][] }, 'set by PKCE Lab itself'],
    [{ headers: [['bad name', 'x']] as [string, string][] }, 'is not a header name'],
    [{ body: { type: 'json' as const, text: '{"a":' } }, 'The body is not JSON'],
    [{ method: 'GET' as const, body: { type: 'form' as const, text: 'a=b' } }, 'has no body'],
    [{ url: 'http://api.example/orders' }, 'only sent over https'],
  ])('refuses %j before any request', async (change, reason) => {
    const server = api()
    const failure = await call(
      { method: 'POST', url: 'https://api.example/orders', headers: [], ...change },
      server.fetch,
    ).catch((error: unknown) => error)
    expect(isOidcError(failure) && failure.message).toContain(reason)
    expect(server.requests).toEqual([])
  })
})
