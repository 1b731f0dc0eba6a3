import { describe, expect, it } from 'vitest'

import {
  DIAGRAM_WIDTH,
  layoutDiagram,
  segmentsFor,
  summarizeRun,
  wrapLabel,
} from '../../../src/features/sequence-diagram/diagram-layout'
import type { HttpExchange } from '../../../src/oidc'
import type { TimelineEntry, TimelineStepKind } from '../../../src/session'

const T0 = Date.UTC(2025, 0, 15, 12, 0, 0)

function http(status: number | undefined, overrides: Partial<HttpExchange> = {}): HttpExchange {
  return {
    method: 'POST',
    url: 'https://op.example/token',
    requestHeaders: [],
    ...(status === undefined ? {} : { status, statusText: status === 200 ? 'OK' : 'Bad Request' }),
    startedAt: T0,
    durationMs: 42,
    ...overrides,
  }
}

let counter = 0
function entry(kind: TimelineStepKind, overrides: Partial<TimelineEntry> = {}): TimelineEntry {
  counter += 1
  return {
    id: `step-${counter}`,
    kind,
    at: T0 + counter * 1000,
    title: `Step ${counter}`,
    outcome: 'ok',
    ...overrides,
  }
}

/** A whole run, with every kind of step once. */
function fullRun(): TimelineEntry[] {
  counter = 0
  return [
    entry('discovery', {
      http: http(200, {
        method: 'GET',
        url: 'https://op.example/.well-known/openid-configuration',
      }),
    }),
    entry('jwks', { http: http(200, { method: 'GET', url: 'https://op.example/jwks' }) }),
    entry('authorization-request'),
    entry('callback'),
    entry('token-request', { http: http(200) }),
    entry('userinfo', { http: http(200, { method: 'GET' }) }),
    entry('resource-request', { http: http(200, { method: 'GET' }) }),
    entry('refresh', { http: http(200) }),
    entry('silent-authorization', { http: http(200) }),
    entry('revocation', { http: http(200) }),
    entry('end-session'),
  ]
}

describe('layoutDiagram', () => {
  it('draws the lanes in order, left to right, each labelled in words', () => {
    const { lanes, width } = layoutDiagram([])
    expect(lanes.map((lane) => lane.label)).toEqual([
      'Browser (you)',
      'PKCE Lab (this page)',
      'Discovery / JWKS',
      'Authorization endpoint',
      'Token and revocation',
      'UserInfo / API',
    ])
    const xs = lanes.map((lane) => lane.x)
    expect(xs).toEqual([...xs].sort((a, b) => a - b))
    expect(new Set(xs).size).toBe(xs.length)
    for (const lane of lanes) {
      expect(lane.x).toBeGreaterThan(0)
      expect(lane.x).toBeLessThan(width)
      expect(lane.lines.map((line) => line.text).join(' ')).toBe(lane.label)
      expect(lane.lifelineBottom).toBeGreaterThan(lane.lifelineTop)
    }
  })

  it('draws the expected number of arrows for each kind of step', () => {
    const entries = fullRun()
    const { arrows } = layoutDiagram(entries)
    const perEntry = entries.map(
      (item) => arrows.filter((arrow) => arrow.linkId === item.id).length,
    )
    expect(Object.fromEntries(entries.map((item, index) => [item.kind, perEntry[index]]))).toEqual({
      discovery: 2,
      jwks: 2,
      'authorization-request': 2,
      callback: 2,
      'token-request': 2,
      userinfo: 2,
      'resource-request': 2,
      refresh: 2,
      'silent-authorization': 4,
      revocation: 2,
      'end-session': 2,
    })
  })

  it('sends each kind of step between the lanes the protocol uses', () => {
    counter = 0
    const route = (kind: TimelineStepKind) =>
      segmentsFor(entry(kind, { http: http(200) })).map(
        (segment) => `${segment.from}>${segment.to}`,
      )
    expect(route('discovery')).toEqual(['app>metadata', 'metadata>app'])
    expect(route('authorization-request')).toEqual(['app>browser', 'browser>authorization'])
    expect(route('callback')).toEqual(['authorization>browser', 'browser>app'])
    expect(route('token-request')).toEqual(['app>token', 'token>app'])
    expect(route('silent-authorization')).toEqual([
      'browser>authorization',
      'authorization>browser',
      'app>token',
      'token>app',
    ])
    expect(route('userinfo')).toEqual(['app>resource', 'resource>app'])
    expect(route('revocation')).toEqual(['app>token', 'token>app'])
    expect(route('end-session')).toEqual(['app>browser', 'browser>authorization'])
  })

  it('labels requests with what they carry and answers with their status, dashed', () => {
    counter = 0
    const [request, answer] = segmentsFor(entry('token-request', { http: http(200) }))
    expect(request).toMatchObject({ label: 'POST /token code + code_verifier', response: false })
    expect(answer).toMatchObject({ label: '200 OK', response: true })
    const [discovery] = segmentsFor(entry('discovery'))
    expect(discovery?.label).toBe('GET /.well-known/openid-configuration')
    const [callback] = segmentsFor(entry('callback'))
    expect(callback?.label).toBe('302 to redirect_uri with code, state, iss')
    const [userinfo] = segmentsFor(
      entry('userinfo', { http: http(200, { requestHeaders: [['authorization', 'Bearer at']] }) }),
    )
    expect(userinfo?.label).toContain(', Bearer access token')
  })

  it('says how the access token went: Bearer, DPoP with a proof, or nothing when not kept', () => {
    const [dpop] = segmentsFor(
      entry('resource-request', {
        http: http(200, {
          method: 'GET',
          requestHeaders: [
            ['authorization', 'DPoP at'],
            ['dpop', 'ey.proof'],
          ],
        }),
      }),
    )
    expect(dpop?.label).toBe('GET API, DPoP access token + proof')
    const [readBack] = segmentsFor(entry('userinfo', { http: http(200) }))
    expect(readBack?.label).toMatch(/, access token$/)
  })

  it("uses the provider's own endpoint paths, and draws revocation to its endpoint", () => {
    counter = 0
    const at = (kind: TimelineStepKind, overrides: Partial<TimelineEntry>) =>
      segmentsFor(entry(kind, overrides)).map((segment) => segment.label)

    expect(
      at('authorization-request', { url: 'https://op.example/oauth2/v2/auth?client_id=spa' }),
    ).toEqual([
      'redirect to /oauth2/v2/auth with code_challenge, state',
      'GET /oauth2/v2/auth with code_challenge, state',
    ])
    expect(
      at('revocation', { http: http(200, { url: 'https://op.example/token/revocation' }) }),
    ).toEqual(['POST /token/revocation (token)', '200 OK'])
    expect(at('end-session', { url: 'https://op.example/session/end?client_id=spa' })).toEqual([
      'redirect to /session/end',
      'GET /session/end with client_id, state',
    ])
  })

  it('draws a pushed request as a POST, and its redirect with client_id and request_uri alone', () => {
    counter = 0
    const labels = (kind: TimelineStepKind, overrides: Partial<TimelineEntry>) =>
      segmentsFor(entry(kind, overrides)).map((segment) => segment.label)

    expect(
      labels('pushed-authorization-request', {
        http: http(201, { url: 'https://op.example/request', statusText: 'Created' }),
      }),
    ).toEqual(['POST /request code_challenge, state, redirect_uri', '201 Created'])
    expect(
      labels('authorization-request', {
        url: 'https://op.example/auth?client_id=spa&request_uri=urn%3Apar',
        parameters: [
          ['client_id', 'spa'],
          ['request_uri', 'urn:par'],
        ],
      }),
    ).toEqual([
      'redirect to /auth with client_id, request_uri',
      'GET /auth with client_id, request_uri',
    ])
  })

  it('never says the ID token went to the end-session endpoint: the app sends client_id', () => {
    expect(
      segmentsFor(entry('end-session'))
        .map((s) => s.label)
        .join(' '),
    ).not.toContain('id_token_hint')
  })

  it('flags the last arrow of a failed step, whose label starts with "failed"', () => {
    counter = 0
    const failed = entry('token-request', {
      outcome: 'failed',
      http: http(400),
      error: { code: 'invalid_grant', message: 'The code was already used' },
    })
    const { arrows } = layoutDiagram([entry('discovery', { http: http(200) }), failed])
    const own = arrows.filter((arrow) => arrow.linkId === failed.id)
    expect(own.map((arrow) => arrow.failed)).toEqual([false, true])
    expect(own.at(-1)?.label).toBe('failed (invalid_grant): 400 Bad Request')
    expect(own.at(-1)?.lines[0]?.text).toMatch(/^failed/)
    expect(arrows.filter((arrow) => arrow.linkId !== failed.id).some((arrow) => arrow.failed)).toBe(
      false,
    )
  })

  it('draws no answer for a request that got none, and says why', () => {
    counter = 0
    const noAnswer = entry('token-request', {
      outcome: 'failed',
      http: http(undefined, { failure: 'CORS' }),
    })
    const { arrows } = layoutDiagram([noAnswer])
    expect(arrows).toHaveLength(1)
    expect(arrows[0]).toMatchObject({ failed: true, response: false })
    expect(arrows[0]?.label).toBe('failed: POST /token code + code_verifier, no answer (CORS)')
  })

  it('draws no answer yet for a step still waiting', () => {
    counter = 0
    const waiting = entry('refresh', { outcome: 'waiting' })
    const { arrows } = layoutDiagram([waiting])
    expect(arrows).toHaveLength(1)
    expect(arrows[0]?.label).toBe('POST token_endpoint refresh_token (waiting)')
    expect(arrows[0]?.failed).toBe(false)
  })

  it('places arrows top to bottom in timeline order, each linked to its entry', () => {
    const entries = fullRun()
    const { arrows, height } = layoutDiagram(entries)
    const ys = arrows.map((arrow) => arrow.y)
    ys.slice(1).forEach((y, index) => {
      expect(y).toBeGreaterThan(ys[index] ?? Infinity)
    })
    expect(arrows.map((arrow) => arrow.entryIndex)).toEqual(
      [...arrows.map((arrow) => arrow.entryIndex)].sort((a, b) => a - b),
    )
    for (const arrow of arrows) {
      expect(arrow.linkId).toBe(entries[arrow.entryIndex]?.id)
      expect(arrow.y).toBeLessThan(height)
    }
    expect(new Set(arrows.map((arrow) => arrow.id)).size).toBe(arrows.length)
    expect(arrows.filter((arrow) => arrow.lastOfEntry)).toHaveLength(entries.length)
  })

  it('keeps labels inside the diagram, wrapping long ones and cutting what is left', () => {
    const { arrows } = layoutDiagram(fullRun())
    for (const arrow of arrows) {
      expect(arrow.labelBox.x).toBeGreaterThanOrEqual(0)
      expect(arrow.labelBox.x + arrow.labelBox.width).toBeLessThanOrEqual(DIAGRAM_WIDTH)
      expect(arrow.labelBox.y + arrow.labelBox.height).toBeLessThan(arrow.y)
      expect(arrow.lines.length).toBeLessThanOrEqual(2)
    }
    const discovery = arrows.find((arrow) => arrow.stepKind === 'discovery')
    expect(discovery?.lines.map((line) => line.text)).toEqual([
      'GET /.well-known',
      '/openid-configuration',
    ])
    expect(discovery?.truncated).toBe(false)
  })

  it('frames silent renewal around all of its arrows', () => {
    const entries = fullRun()
    const { arrows, frames } = layoutDiagram(entries)
    const silent = entries.find((item) => item.kind === 'silent-authorization')
    expect(frames).toHaveLength(1)
    const [frame] = frames
    expect(frame?.linkId).toBe(silent?.id)
    for (const arrow of arrows.filter((item) => item.linkId === silent?.id)) {
      expect(arrow.labelBox.y).toBeGreaterThan(frame?.y ?? Infinity)
      expect(arrow.markerY).toBeLessThan((frame?.y ?? 0) + (frame?.height ?? 0))
    }
  })
})

describe('wrapLabel', () => {
  it('leaves a short label alone', () => {
    expect(wrapLabel('200 OK', 20, 2)).toEqual({ lines: ['200 OK'], truncated: false })
  })

  it('breaks at spaces, and cuts the last line with an ellipsis', () => {
    expect(wrapLabel('one two three four five six', 10, 2)).toEqual({
      lines: ['one two', 'three fou…'],
      truncated: true,
    })
  })

  it('splits a word with no space at its length limit', () => {
    expect(wrapLabel('abcdefghijkl', 5, 3)).toEqual({
      lines: ['abcde', 'fghij', 'kl'],
      truncated: false,
    })
  })
})

describe('summarizeRun', () => {
  it('names every step in order, with failures and the current step', () => {
    counter = 0
    const entries = [
      entry('discovery'),
      entry('authorization-request'),
      entry('callback'),
      entry('token-request', { outcome: 'failed' }),
      entry('userinfo'),
    ]
    expect(summarizeRun(entries, 'step-5')).toBe(
      '5 steps: discovery, authorization request, callback, token request (failed), userinfo. Current step: 5, userinfo.',
    )
  })

  it('says when there is nothing yet', () => {
    expect(summarizeRun([])).toMatch(/^No steps yet/)
  })
})
