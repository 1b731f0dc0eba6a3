// @vitest-environment happy-dom
/**
 * Properties of the paste page: whatever is pasted, the page renders without throwing, shows the
 * input as text only, and links nowhere but to specifications.
 */
import { cleanup, fireEvent } from '@testing-library/react'
import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import PasteTokenPage from '../../src/features/paste-token/paste-token-page'
import { claimCatalog, headerParameterCatalog } from '../../src/jwt/claim-catalog'
import { createFakeClock } from '../support/fake-clock'
import type { FakeClock } from '../support/fake-clock'
import { renderStrict } from '../support/render'
import { offlineSession } from '../support/session-deps'

const NOW_MS = Date.UTC(2025, 0, 15, 12, 0, 0)
// Each property renders the page a few dozen times: well under a second alone, but slower when the
// whole suite shares the CPUs, so more than the default 5 s.
const PROPERTY_TIMEOUT = 20_000

// Every link the app draws goes to a specification or a provider's documentation.
const SPEC_ORIGINS: ReadonlySet<string> = new Set(
  [...claimCatalog, ...headerParameterCatalog].map((entry) => new URL(entry.specUrl).origin),
)

const ACTIVE_ELEMENTS =
  'img,script,iframe,frame,object,embed,svg,math,video,audio,source,form,link,style,meta,base'
const ACTIVE_ATTRIBUTE = /^(on|srcdoc$|src$|formaction$|style$)/i

/** No element, attribute or link came from the input: it is all text. */
function expectInert(container: HTMLElement): void {
  expect(container.querySelectorAll(ACTIVE_ELEMENTS).length).toBe(0)
  const activeAttributes = Array.from(container.querySelectorAll('*')).flatMap((element) =>
    element.getAttributeNames().filter((name) => ACTIVE_ATTRIBUTE.test(name)),
  )
  expect(activeAttributes).toEqual([])
  const foreignLinks = Array.from(container.querySelectorAll('a'))
    .map((link) => link.getAttribute('href') ?? '')
    .filter((href) => !href.startsWith('https://') || !SPEC_ORIGINS.has(new URL(href).origin))
  expect(foreignLinks).toEqual([])
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
  '{{constructor.constructor("alert(1)")()}}',
  'javascript:alert(1)',
] as const

const trickyUnit = fc.oneof(
  fc.constantFrom('<', '>', '&', '"', "'", '.', '=', '+', '-', '_', '%', '#', ' ', '\n', '\u0000'),
  fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code)),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
)
const trickyText = fc.oneof(
  fc.string({ unit: trickyUnit, maxLength: 24 }),
  fc.constantFrom(...MARKUP),
)

const jsonObject = fc.dictionary(
  fc.oneof(
    fc.constantFrom('alg', 'sub', 'exp', 'picture', 'website', 'profile', '__proto__'),
    trickyText,
  ),
  fc.oneof(trickyText, fc.jsonValue({ maxDepth: 2 })),
  { maxKeys: 5, noNullPrototype: true },
)

/** A JWS whose header and payload hold markup, and whose signature may be anything. */
const markupJwt = fc
  .tuple(jsonObject, jsonObject, fc.oneof(fc.constant('sig'), fc.constant(''), trickyText))
  .map(([header, payload, signature]) => ({
    token: `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}.${signature}`,
    payload,
  }))

const segment = fc.oneof(
  fc.uint8Array({ maxLength: 24 }).map((bytes) => Buffer.from(bytes).toString('base64url')),
  trickyText.map(b64url),
  trickyText,
)
const tokenLike = fc.array(segment, { minLength: 1, maxLength: 6 }).map((parts) => parts.join('.'))

/** A JWS whose payload nests arrays `depth` deep: a few kilobytes that once overflowed the stack. */
function deepJwt(depth: number): string {
  const payload = `{"deep":${'['.repeat(depth)}0${']'.repeat(depth)}}`
  return `${b64url('{"alg":"RS256"}')}.${b64url(payload)}.sig`
}

/** Anything a person might paste, weighted towards what reaches every view of the page. */
const pasted = fc.oneof(
  fc.integer({ min: 1, max: 5000 }).map(deepJwt),
  fc.string({ unit: 'binary', maxLength: 60 }),
  trickyText,
  tokenLike,
  markupJwt.map(({ token }) => token),
  fc
    .tuple(
      fc.constantFrom('Bearer ', '"', '#id_token=', 'https://app.example/cb#access_token=', '?x='),
      fc.oneof(
        tokenLike,
        markupJwt.map(({ token }) => token),
      ),
    )
    .map(([prefix, token]) => `${prefix}${token}`),
)

const ROLE_LABELS = ['ID token', 'Access token', 'Unknown'] as const

function renderPasted(text: string, role: (typeof ROLE_LABELS)[number] | undefined) {
  const view = renderStrict(<PasteTokenPage />, { clock, session: offlineSession() })
  const textarea = view.container.querySelector('textarea')
  if (textarea === null) throw new Error('no textarea')
  fireEvent.change(textarea, { target: { value: text } })
  if (role !== undefined) {
    const radio = Array.from(view.container.querySelectorAll('label')).find(
      (label) => label.textContent.trim() === role,
    )
    const input = radio?.querySelector('input')
    if (input === null || input === undefined) throw new Error(`no radio for ${role}`)
    fireEvent.click(input)
  }
  return view
}

/** The clock React reads, moved by the tests alone. */
let clock: FakeClock

beforeEach(() => {
  clock = createFakeClock(NOW_MS)
})

afterEach(() => {
  cleanup()
})

describe('PasteTokenPage (properties)', () => {
  it(
    'renders anything pasted, read as any role, without throwing and as text only',
    () => {
      fc.assert(
        fc.property(
          pasted,
          fc.option(fc.constantFrom(...ROLE_LABELS), { nil: undefined }),
          (text, role) => {
            try {
              const { container } = renderPasted(text, role)
              expectInert(container)
              if (text.trim() !== '') {
                expect(container.querySelector('[role="status"]')?.textContent).not.toBe('')
              }
            } finally {
              cleanup()
            }
          },
        ),
        { numRuns: 40 },
      )
    },
    PROPERTY_TIMEOUT,
  )

  // The shrunk counter-example of the decodeJwt nesting property: it decoded, and the claims table
  // and the payload view threw "Maximum call stack size exceeded" while rendering.
  it('regression: explains a payload nested 4096 arrays deep instead of crashing', () => {
    const { container } = renderPasted(deepJwt(4096), undefined)

    expectInert(container)
    expect(container.textContent).toContain(
      'The payload segment is JSON nested more than 100 levels deep.',
    )
  })

  it(
    'shows every string claim of a pasted JWT, markup included, as the text it is',
    () => {
      const signedJwt = fc.tuple(jsonObject, jsonObject).map(([header, payload]) => ({
        token: `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}.sig`,
        payload,
      }))
      fc.assert(
        fc.property(signedJwt, ({ token, payload }) => {
          try {
            const { container } = renderPasted(token, undefined)
            expectInert(container)
            expect(container.querySelector('[role="status"]')?.textContent).toMatch(
              /^Decoded a signed JWT/,
            )
            const values = Array.from(container.querySelectorAll('.claims-table__value')).map(
              (cell) => cell.textContent,
            )
            for (const value of Object.values(payload)) {
              if (typeof value === 'string') expect(values).toContain(value)
            }
          } finally {
            cleanup()
          }
        }),
        { numRuns: 25 },
      )
    },
    PROPERTY_TIMEOUT,
  )
})
