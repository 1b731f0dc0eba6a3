// @vitest-environment happy-dom
/**
 * Properties of the views that show claims (the token inspector and the UserInfo answer): any JSON a
 * provider sends, markup and hostile URLs included, is shown as text, and no claim becomes a link.
 */
import { cleanup } from '@testing-library/react'
import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { UserInfoCall } from '../../src/features/api-calls/userinfo-call'
import { TokenInspector } from '../../src/features/token-inspector/token-inspector'
import { claimCatalog, headerParameterCatalog } from '../../src/jwt/claim-catalog'
import type { UserInfoResult } from '../../src/oidc'
import { idTokenChecks } from '../../src/oidc/id-token-checks'
import type { ApiCall } from '../../src/session'
import { createFakeClock } from '../support/fake-clock'
import type { FakeClock } from '../support/fake-clock'
import { renderStrict } from '../support/render'

const NOW_MS = Date.UTC(2025, 0, 15, 12, 0, 0)
// Each property renders the page a few dozen times: well under a second alone, but slower when the
// whole suite shares the CPUs, so more than the default 5 s.
const PROPERTY_TIMEOUT = 20_000
const CHECKS = idTokenChecks({
  issuer: 'https://op.example',
  clientId: 'spa',
  alg: 'RS256',
  claims: {},
})

// Every link the app draws goes to a specification or a provider's documentation.
const SPEC_ORIGINS: ReadonlySet<string> = new Set(
  [...claimCatalog, ...headerParameterCatalog].map((entry) => new URL(entry.specUrl).origin),
)
const ACTIVE_ELEMENTS =
  'img,script,iframe,frame,object,embed,svg,math,video,audio,source,form,link,style,meta,base'
const ACTIVE_ATTRIBUTE = /^(on|srcdoc$|src$|formaction$|style$)/i
const URL_CLAIMS = ['picture', 'website', 'profile'] as const

/** No element, attribute or link came from the claims: they are all text. */
function expectInert(container: HTMLElement): void {
  expect(container.querySelectorAll(ACTIVE_ELEMENTS).length).toBe(0)
  const activeAttributes = Array.from(container.querySelectorAll('*')).flatMap((element) =>
    element.getAttributeNames().filter((name) => ACTIVE_ATTRIBUTE.test(name)),
  )
  expect(activeAttributes).toEqual([])
  // Both the attribute and what the browser resolves it to: only https links, only to specifications.
  const foreignLinks = Array.from(container.querySelectorAll('a'))
    .map((link) => ({ attribute: link.getAttribute('href') ?? '', resolved: link.href }))
    .filter(
      ({ attribute, resolved }) =>
        !attribute.startsWith('https://') ||
        new URL(resolved).protocol !== 'https:' ||
        !SPEC_ORIGINS.has(new URL(resolved).origin),
    )
  expect(foreignLinks).toEqual([])
}

/** How a claims table shows a value: strings as they are, anything else as JSON. */
function shown(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value)
}

function b64url(text: string): string {
  return Buffer.from(text).toString('base64url')
}

const MARKUP = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '<svg onload=alert(1)>',
  '<iframe srcdoc="<script>alert(1)</script>">',
  '"><a href="javascript:alert(1)">x</a>',
  '<a href=https://evil.example/>x</a>',
  '</code></td></tr></table><img src=x>',
] as const

const trickyUnit = fc.oneof(
  fc.constantFrom('<', '>', '&', '"', "'", '`', '/', ' ', '\t', '\n', '\u0000', '\u202e'),
  fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code)),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
)
const trickyText = fc.oneof(
  fc.string({ unit: trickyUnit, maxLength: 20 }),
  fc.constantFrom(...MARKUP),
)

/** A scheme a browser would run or render, in any letter case, maybe with tabs or newlines inside. */
const dangerousScheme = fc
  .tuple(
    fc.constantFrom('javascript', 'vbscript', 'data', 'file', 'blob'),
    fc.array(fc.boolean(), { minLength: 10, maxLength: 10 }),
    fc.option(fc.tuple(fc.nat(9), fc.constantFrom('\t', '\n', '\r')), { nil: undefined }),
  )
  .map(([scheme, upper, inner]) => {
    const cased = Array.from(scheme, (char, index) =>
      upper[index] === true ? char.toUpperCase() : char,
    ).join('')
    if (inner === undefined) return cased
    const [at, whitespace] = inner
    return `${cased.slice(0, at)}${whitespace}${cased.slice(at)}`
  })

/**
 * The URLs a hostile provider might put in picture, website or profile: a dangerous scheme behind
 * leading spaces or control characters, with a script or an HTML document after it.
 */
const dangerousUrl = fc
  .tuple(
    fc.string({
      unit: fc.constantFrom(' ', '\t', '\n', '\r', '\f', '\u0000', '\u0001'),
      maxLength: 3,
    }),
    dangerousScheme,
    fc.oneof(
      fc.constantFrom(
        'alert(1)',
        '//%0aalert(1)',
        'text/html,<script>alert(1)</script>',
        'text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
        'image/svg+xml,<svg onload=alert(1)>',
        'msgbox(1)',
      ),
      trickyText,
    ),
  )
  .map(([lead, scheme, rest]) => `${lead}${scheme}:${rest}`)

const urlClaimValue = fc.oneof(
  { weight: 3, arbitrary: dangerousUrl },
  { weight: 1, arbitrary: fc.webUrl() },
  { weight: 1, arbitrary: fc.constantFrom(...MARKUP) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 1 }) },
)

/** Claims as a provider might send them: any names and JSON, markup, and hostile URL claims. */
const claims = fc
  .tuple(
    fc.dictionary(
      fc.oneof(
        fc.constantFrom('sub', 'name', 'email', 'exp', 'iat', 'updated_at', '__proto__'),
        trickyText,
      ),
      fc.oneof(trickyText, fc.jsonValue({ maxDepth: 2, stringUnit: trickyUnit })),
      { maxKeys: 5, noNullPrototype: true },
    ),
    fc.record(
      { picture: urlClaimValue, website: urlClaimValue, profile: urlClaimValue },
      { requiredKeys: [] },
    ),
  )
  .map(([other, urls]): Record<string, unknown> => ({ ...other, ...urls }))

function valuesIn(container: Element, selector: string): (string | null)[] {
  return Array.from(container.querySelectorAll(selector)).map((cell) => cell.textContent)
}

/** The clock React reads, moved by the tests alone. */
let clock: FakeClock

beforeEach(() => {
  clock = createFakeClock(NOW_MS)
})

afterEach(() => {
  cleanup()
})

describe('TokenInspector (properties)', () => {
  const tokens = fc.record({
    payload: claims,
    accessToken: fc.oneof(
      trickyText,
      claims.map((payload) => `${b64url('{"alg":"RS256"}')}.${b64url(JSON.stringify(payload))}.`),
    ),
    refreshToken: fc.option(trickyText, { nil: undefined }),
    checked: fc.boolean(),
  })

  it(
    'shows every claim of an ID token, markup and hostile URLs included, as text only',
    () => {
      fc.assert(
        fc.property(tokens, ({ payload, accessToken, refreshToken, checked }) => {
          try {
            const idToken = `${b64url('{"alg":"RS256","typ":"JWT"}')}.${b64url(JSON.stringify(payload))}.sig`
            const { container } = renderStrict(
              <TokenInspector
                tokens={{
                  idToken,
                  accessToken,
                  tokenType: 'Bearer',
                  ...(refreshToken === undefined ? {} : { refreshToken }),
                }}
                idTokenChecks={checked ? CHECKS : []}
              />,
              { clock },
            )

            expectInert(container)
            const idTokenSection = container.querySelector('section')
            if (idTokenSection === null) throw new Error('no ID token section')
            const values = valuesIn(idTokenSection, '.claims-table__value')
            for (const value of Object.values(payload)) {
              expect(values).toContain(shown(value))
            }
          } finally {
            cleanup()
          }
        }),
        { numRuns: 30 },
      )
    },
    PROPERTY_TIMEOUT,
  )

  it.each(URL_CLAIMS)('shows a %s of " JaVa\\tScRiPt:alert(1)" as text, not as a link', (name) => {
    const payload = { sub: 'alice', [name]: ' JaVa\tScRiPt:alert(1)' }
    const idToken = `${b64url('{"alg":"RS256"}')}.${b64url(JSON.stringify(payload))}.sig`
    const { container } = renderStrict(
      <TokenInspector
        tokens={{ idToken, accessToken: 'opaque', tokenType: 'Bearer' }}
        idTokenChecks={[]}
      />,
      { clock },
    )

    expectInert(container)
    expect(valuesIn(container, '.claims-table__value')).toContain(' JaVa\tScRiPt:alert(1)')
  })
})

describe('UserInfoCall (properties)', () => {
  const answer = fc.record({
    claims,
    headers: fc.array(fc.tuple(trickyText, trickyText), { maxLength: 3 }),
  })

  it(
    'shows every UserInfo claim, markup and hostile URLs included, as text only',
    () => {
      fc.assert(
        fc.property(answer, ({ claims: userinfo, headers }) => {
          try {
            const call: ApiCall<UserInfoResult> = {
              status: 'done',
              startedAt: NOW_MS,
              durationMs: 42,
              result: { claims: userinfo, status: 200, headers },
              retriedAfterRefresh: false,
            }
            const { container } = renderStrict(
              <UserInfoCall
                call={call}
                hasUserinfoEndpoint
                tokenType="Bearer"
                onCall={() => undefined}
              />,
              { clock },
            )

            expectInert(container)
            const values = valuesIn(container, 'td > code')
            for (const value of Object.values(userinfo)) {
              expect(values).toContain(shown(value))
            }
          } finally {
            cleanup()
          }
        }),
        { numRuns: 30 },
      )
    },
    PROPERTY_TIMEOUT,
  )
})
