// @vitest-environment happy-dom
import { cleanup, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import { catalogueEntry } from '../../src/components/errors/error-catalogue'
import { ErrorDetails } from '../../src/components/errors/error-details'
import { ResourceCall } from '../../src/features/api-calls/resource-call'
import { UserInfoCall } from '../../src/features/api-calls/userinfo-call'
import { OidcError } from '../../src/oidc'
import type { ResourceRequest, ResourceResponse, UserInfoResult } from '../../src/oidc'
import type { ApiCall } from '../../src/session'
import { createFakeClock } from '../support/fake-clock'
import type { FakeClock } from '../support/fake-clock'
import { renderStrict } from '../support/render'

const NOW_MS = Date.UTC(2025, 0, 15, 12, 0, 0)
const APP_ORIGIN = 'https://app.example'
const HOSTILE = '<img src=x onerror=alert(1)>'
const ACCESS_TOKEN = 'at-0123456789abcdefghijklmnopqrstuvwxyz'

/** The text next to a term of an error's description list ("Step", "What to do", …). */
function field(container: HTMLElement, term: string): string | undefined {
  const dt = within(container).queryByText(term, { selector: 'dt' })
  if (!dt) return undefined
  const dd = dt.nextElementSibling
  if (dd?.tagName !== 'DD') throw new Error(`${term} has no definition`)
  return dd.textContent
}

function region(name: string): HTMLElement {
  return screen.getByRole('region', { name })
}

function description(element: HTMLElement): string | undefined {
  const id = element.getAttribute('aria-describedby')
  return id === null ? undefined : (document.getElementById(id)?.textContent ?? undefined)
}

function done<T>(result: T, retriedAfterRefresh = false): ApiCall<T> {
  return { status: 'done', startedAt: NOW_MS, durationMs: 84.3, result, retriedAfterRefresh }
}

function failed<T>(error: OidcError, retriedAfterRefresh = false): ApiCall<T> {
  return { status: 'failed', startedAt: NOW_MS, durationMs: 40, error, retriedAfterRefresh }
}

/** The clock React reads, moved by the tests alone. */
let clock: FakeClock

beforeEach(() => {
  clock = createFakeClock(NOW_MS)
})

afterEach(() => {
  cleanup()
})

describe('UserInfoCall', () => {
  function renderUserInfo(
    call: ApiCall<UserInfoResult> | undefined,
    hasUserinfoEndpoint = true,
    tokenType = 'Bearer',
  ) {
    const onCall = vi.fn<() => void>()
    renderStrict(
      <UserInfoCall
        call={call}
        hasUserinfoEndpoint={hasUserinfoEndpoint}
        tokenType={tokenType}
        onCall={onCall}
      />,
      { clock },
    )
    return { onCall, section: region('UserInfo') }
  }

  it('says the access token goes in the Authorization header, and calls on click', async () => {
    const user = userEvent.setup()
    const { onCall, section } = renderUserInfo(undefined)

    expect(section.textContent).toContain(
      'The access token goes in the Authorization header as a Bearer token',
    )
    expect(section.textContent).toContain('never in a URL')
    expect(section.textContent).toContain('must equal the ID token’s sub')
    expect(within(section).getByRole('status').textContent).toBe('')

    await user.click(within(section).getByRole('button', { name: 'Call userinfo' }))

    expect(onCall).toHaveBeenCalledTimes(1)
  })

  it('says a DPoP-bound token goes as DPoP with a proof, not as Bearer', () => {
    const { section } = renderUserInfo(undefined, true, 'dpop')
    expect(section.textContent).toContain(
      'The access token goes in the Authorization header as DPoP, with a new proof signed by this page’s key',
    )
    expect(section.textContent).not.toContain('Bearer')
  })

  it('disables the button, with the reason, when the provider has no userinfo endpoint', () => {
    renderUserInfo(undefined, false)

    const button = screen.getByRole('button', { name: 'Call userinfo' })
    expect(button).toHaveProperty('disabled', true)
    expect(description(button)).toBe(
      'Not available: this provider’s metadata has no userinfo_endpoint.',
    )
  })

  it('announces a pending call and disables the button meanwhile', () => {
    const { section } = renderUserInfo({ status: 'pending', startedAt: NOW_MS })

    expect(within(section).getByRole('status').textContent).toBe('Calling userinfo…')
    expect(within(section).getByRole('button', { name: 'Call userinfo' })).toHaveProperty(
      'disabled',
      true,
    )
  })

  it('shows the claims as text in a table, with the status and the readable headers', () => {
    const { section } = renderUserInfo(
      done({
        claims: {
          sub: 'alice',
          name: HOSTILE,
          email_verified: true,
          updated_at: 1736942400 - 3600,
        },
        status: 200,
        headers: [['content-type', 'application/json; charset=utf-8']],
      }),
    )

    expect(within(section).getByRole('status').textContent).toBe('UserInfo answered 200 in 84 ms')
    expect(within(section).getByTestId('http-status').textContent).toBe('200')
    expect(section.textContent).toContain('Its sub equals the ID token’s sub')
    const claims = within(section).getByRole('table', { name: 'UserInfo claims' })
    const sub = within(claims).getByRole('row', { name: /^sub\b/ })
    expect(within(sub).getAllByRole('cell').at(0)?.textContent).toBe('alice')
    expect(within(sub).getByRole('link', { name: /RFC 7519 §4\.1\.2/ })).toHaveProperty(
      'target',
      '_blank',
    )
    expect(within(claims).getByText(HOSTILE)).toBeDefined()
    expect(document.querySelector('img')).toBeNull()
    expect(within(claims).getByText('true')).toBeDefined()
    const updated = within(claims).getByRole('row', { name: /^updated_at\b/ })
    expect(updated.textContent).toContain('(1 hour ago)')
    const headers = within(section).getByRole('table', { name: 'Response headers' })
    expect(within(headers).getByText('application/json; charset=utf-8')).toBeDefined()
    expect(section.textContent).not.toContain('Retried after a refresh')
  })

  it('says when the call was retried after a refresh because the first answer was 401', () => {
    const { section } = renderUserInfo(
      done({ claims: { sub: 'alice' }, status: 200, headers: [] }, true),
    )

    expect(section.textContent).toContain('Retried after a refresh (the first answer was 401)')
    expect(section.textContent).toContain('No response header was readable.')
  })

  it('shows a failure in full without an alert, announced politely', () => {
    const { section } = renderUserInfo(
      failed(
        new OidcError('userinfo_failed', 'userinfo', 'The UserInfo endpoint answered 401', {
          status: 401,
          url: 'https://op.example/me',
          oauthError: { error: 'invalid_token', error_description: HOSTILE },
        }),
        true,
      ),
    )

    expect(screen.queryByRole('alert')).toBeNull()
    expect(within(section).getByRole('status').textContent).toBe(
      'UserInfo call failed: The UserInfo endpoint did not answer with claims',
    )
    const details = within(section).getByRole('group', {
      name: 'The UserInfo endpoint did not answer with claims',
    })
    expect(within(details).getByRole('heading', { level: 3 })).toBeDefined()
    expect(field(details, 'Step')).toBe('UserInfo request')
    expect(field(details, 'The provider said')).toBe(`invalid_token: ${HOSTILE}`)
    expect(field(details, 'HTTP status')).toBe('401')
    expect(field(details, 'URL')).toBe('https://op.example/me')
    expect(field(details, 'What to do')).toContain(
      // The advice is the catalogue's, for the entry the provider's code matches.
      String(catalogueEntry('invalid-token')?.fix),
    )
    expect(section.textContent).toContain('Failed after 40 ms. You are still signed in.')
    expect(section.textContent).toContain('Retried after a refresh (the first answer was 401)')
    expect(section.textContent).not.toContain('You are signed out')
    expect(within(section).queryByRole('button', { name: 'Dismiss' })).toBeNull()
    expect(document.querySelector('img')).toBeNull()
  })
})

describe('ResourceCall', () => {
  /** The call's own announcement; the copy button has a status of its own. */
  function announced(section: HTMLElement): string | null {
    return within(section).getAllByRole('status')[0]?.textContent ?? null
  }

  function renderResource(
    call: ApiCall<ResourceResponse> | undefined,
    defaultUrl?: string,
    tokenType = 'Bearer',
  ) {
    const onCall = vi.fn<(request: ResourceRequest) => void>()
    renderStrict(
      <ResourceCall
        call={call}
        onCall={onCall}
        accessToken={ACCESS_TOKEN}
        tokenType={tokenType}
        {...(defaultUrl === undefined ? {} : { defaultUrl })}
      />,
      { clock },
    )
    return { onCall, section: region('Call an API') }
  }

  function response(overrides: Partial<ResourceResponse> = {}): ResourceResponse {
    return {
      sent: { method: 'GET', url: 'https://api.example/me', headers: [] },
      scheme: 'Bearer',
      url: 'https://api.example/me',
      challenges: [],
      status: 200,
      statusText: 'OK',
      headers: [
        ['content-type', 'application/json'],
        ['cache-control', 'no-store'],
      ],
      body: '{"user":"alice","roles":["reader"]}',
      bodyTruncated: false,
      ...overrides,
    }
  }

  it('sends a GET to the URL typed in, and explains the Bearer header and the preflight', async () => {
    const user = userEvent.setup()
    const { onCall, section } = renderResource(undefined, 'https://api.example/default')

    const input = within(section).getByLabelText('API URL')
    expect(input).toHaveProperty('value', 'https://api.example/default')
    expect(section.textContent).toContain('access token in the Authorization header as a Bearer')
    expect(description(input)).toContain('makes the browser send a CORS preflight')
    expect(description(input)).toContain('allow this page’s origin, the method and the headers')

    await user.clear(input)
    await user.type(input, ' https://api.example/orders?limit=1 ')
    await user.click(within(section).getByRole('button', { name: 'Send GET' }))

    expect(onCall).toHaveBeenCalledExactlyOnceWith({
      method: 'GET',
      url: 'https://api.example/orders?limit=1',
      headers: [],
    })
  })

  it('announces a pending GET and disables Send GET meanwhile', () => {
    const { section } = renderResource({ status: 'pending', startedAt: NOW_MS })

    expect(announced(section)).toBe('Sending the request…')
    expect(within(section).getByRole('button', { name: 'Send GET' })).toHaveProperty(
      'disabled',
      true,
    )
  })

  it('shows status, readable headers and the JSON body re-indented', () => {
    const { section } = renderResource(done(response()))

    expect(announced(section)).toBe('GET answered 200 OK in 84 ms')
    expect(within(section).getByTestId('http-status').textContent).toBe('200 OK')
    expect(section.textContent).toContain('https://api.example/me')
    const headers = within(section).getByRole('table', { name: 'Response headers' })
    const rows = within(headers)
      .getAllByRole('row')
      .slice(1)
      .map((row) => row.textContent)
    expect(rows).toEqual(['content-typeapplication/json', 'cache-controlno-store'])
    expect(section.textContent).toContain('only the CORS-safelisted response headers')
    expect(section.textContent).toContain('Access-Control-Expose-Headers')
    expect(within(section).getByRole('heading', { name: 'Body (JSON, re-indented)' })).toBeDefined()
    expect(section.querySelector('pre')?.textContent).toBe(
      JSON.stringify({ user: 'alice', roles: ['reader'] }, null, 2),
    )
    expect(section.textContent).not.toContain('(truncated)')
  })

  it('shows an error status as an answer, and a non-JSON body as text, truncated', () => {
    const body = `<html><body>${HOSTILE} not found</body></html>`
    const { section } = renderResource(
      done(
        response({ status: 404, statusText: 'Not Found', body, bodyTruncated: true, headers: [] }),
        true,
      ),
    )

    expect(screen.queryByRole('alert')).toBeNull()
    expect(within(section).queryByRole('group', { name: /failed/ })).toBeNull()
    expect(within(section).getByTestId('http-status').textContent).toBe('404 Not Found')
    expect(within(section).getByRole('heading', { name: 'Body' })).toBeDefined()
    expect(section.querySelector('pre')?.textContent).toBe(body)
    expect(document.querySelector('img')).toBeNull()
    expect(section.textContent).toContain('(truncated)')
    expect(section.textContent).toContain('Retried after a refresh (the first answer was 401)')
  })

  it('leaves out an empty reason phrase (HTTP/2) and says when the body is empty', () => {
    const { section } = renderResource(done(response({ status: 204, statusText: '', body: '' })))

    expect(announced(section)).toBe('GET answered 204 in 84 ms')
    expect(within(section).getByTestId('http-status').textContent).toBe('204')
    expect(section.textContent).toContain('The body is empty.')
    // The one <pre> left is the curl command.
    expect(section.querySelectorAll('pre')).toHaveLength(1)
  })

  it('sends any method with the headers and the JSON body typed in', async () => {
    const user = userEvent.setup()
    const { onCall, section } = renderResource(undefined, 'https://api.example/orders')

    await user.selectOptions(within(section).getByLabelText('Method'), 'POST')
    await user.click(within(section).getByRole('button', { name: 'Add header' }))
    await user.type(within(section).getByLabelText('Header 1 name'), 'X-Request-Id')
    await user.type(within(section).getByLabelText('Header 1 value'), 'r1')
    await user.click(within(section).getByRole('radio', { name: 'JSON' }))
    await user.click(within(section).getByLabelText('JSON body'))
    await user.paste('{"item":"tea"}')
    await user.click(within(section).getByRole('button', { name: 'Send POST' }))

    expect(onCall).toHaveBeenCalledExactlyOnceWith({
      method: 'POST',
      url: 'https://api.example/orders',
      headers: [['X-Request-Id', 'r1']],
      body: { type: 'json', text: '{"item":"tea"}' },
    })
    await user.selectOptions(within(section).getByLabelText('Method'), 'GET')
    expect(section.textContent).toContain('A GET request has no body.')
  })

  it('explains a 401 challenge, keeping the API words verbatim', () => {
    const { section } = renderResource(
      done(
        response({
          status: 401,
          statusText: 'Unauthorized',
          headers: [['www-authenticate', 'Bearer error="insufficient_scope"']],
          challenges: [
            {
              scheme: 'bearer',
              parameters: { error: 'insufficient_scope', scope: 'orders:write', realm: HOSTILE },
            },
          ],
        }),
        true,
      ),
    )

    const explained = within(section).getByRole('heading', {
      name: 'WWW-Authenticate, explained',
    }).parentElement
    expect(explained?.textContent).toContain('Bearer error="insufficient_scope"')
    expect(explained?.textContent).toContain('the API names "orders:write"')
    expect(explained?.textContent).toContain(HOSTILE)
    expect(document.querySelector('img')).toBeNull()
  })

  it('says why a 401 may come without a readable challenge', () => {
    const { section } = renderResource(
      done(response({ status: 401, statusText: 'Unauthorized', headers: [] })),
    )

    expect(section.textContent).toContain(
      'HTTP 401 without a WWW-Authenticate header this page could read',
    )
  })

  it('offers the request as curl with the token masked until revealed', async () => {
    const user = userEvent.setup()
    const { section } = renderResource(done(response()))

    const curl = () =>
      within(section).getByRole('heading', { name: 'As curl' }).parentElement?.querySelector('pre')
        ?.textContent ?? ''
    expect(curl()).toContain("'https://api.example/me'")
    expect(curl()).not.toContain(ACCESS_TOKEN)
    expect(curl()).toContain('[masked,')
    await user.click(within(section).getByRole('button', { name: 'Reveal the token' }))
    expect(curl()).toContain(`authorization: Bearer ${ACCESS_TOKEN}`)
  })

  it('sends a DPoP-bound token with a proof, or as Bearer without one when asked', async () => {
    const user = userEvent.setup()
    const { onCall, section } = renderResource(undefined, 'https://api.example/orders', 'DPoP')

    expect(section.textContent).toContain('bound to this page’s key (token_type DPoP)')
    expect(description(within(section).getByLabelText('API URL'))).toContain('the DPoP header')
    const proof = within(section).getByRole('group', { name: 'How the token goes' })
    expect(within(proof).getByRole('radio', { name: /with a new proof/ })).toHaveProperty(
      'checked',
      true,
    )
    await user.click(within(section).getByRole('button', { name: 'Send GET' }))
    expect(onCall).toHaveBeenLastCalledWith({
      method: 'GET',
      url: 'https://api.example/orders',
      headers: [],
    })

    await user.click(within(proof).getByRole('radio', { name: /without a proof/ }))
    await user.click(within(section).getByRole('button', { name: 'Send GET' }))
    expect(onCall).toHaveBeenLastCalledWith({
      method: 'GET',
      url: 'https://api.example/orders',
      headers: [],
      withoutProof: true,
    })
  })

  it('offers no proof choice for a Bearer token, and no curl for a request sent with a proof', () => {
    const bearer = renderResource(undefined, 'https://api.example/orders')
    expect(within(bearer.section).queryByRole('group', { name: 'How the token goes' })).toBeNull()
    cleanup()

    const { section } = renderResource(done(response({ scheme: 'DPoP' })), undefined, 'DPoP')
    expect(section.textContent).toContain(
      'Not offered as curl: a DPoP-bound token needs a new proof',
    )
    expect(within(section).queryByRole('button', { name: 'Copy as curl' })).toBeNull()
  })

  it('gives the CORS diagnosis for a request that got no answer, without an alert', () => {
    const url = 'https://api.example/me'
    const { section } = renderResource(
      failed(
        new OidcError(
          'network_error',
          'resource-request',
          `The request to ${url} failed without an HTTP status`,
          { url, origin: APP_ORIGIN, cause: new TypeError('Failed to fetch') },
        ),
      ),
    )

    expect(screen.queryByRole('alert')).toBeNull()
    expect(announced(section)).toBe(
      'The request failed: The request failed before any answer could be read',
    )
    const details = within(section).getByRole('group', {
      name: 'The request failed before any answer could be read',
    })
    expect(field(details, 'Step')).toBe('API request')
    expect(field(details, 'URL')).toBe(url)
    expect(field(details, 'HTTP status')).toBeUndefined()
    expect(field(details, 'What to do')).toMatch(/CORS/)
    expect(field(details, 'What to do')).toContain(APP_ORIGIN)
    expect(section.textContent).toContain('You are still signed in.')
  })
})

describe('ErrorDetails', () => {
  it('can be an alert with a level-2 heading and extra content, as a session-ending panel', () => {
    renderStrict(
      <ErrorDetails
        error={
          new OidcError('state_mismatch', 'authorization-response', 'mismatch', {
            check: 'state',
          })
        }
        headingLevel={2}
        role="alert"
      >
        <p>Extra words</p>
      </ErrorDetails>,
      { clock },
    )

    const alert = screen.getByRole('alert', { name: 'The state parameter does not match' })
    expect(
      within(alert).getByRole('heading', { level: 2, name: 'The state parameter does not match' }),
    ).toBeDefined()
    expect(field(alert, 'Check that failed')).toBe('state')
    expect(alert.textContent).toContain('Extra words')
  })
})
