// @vitest-environment happy-dom
import { cleanup, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'

import SequenceDiagram from '../../src/features/sequence-diagram/sequence-diagram'
import type { HttpExchange } from '../../src/oidc'
import type { TimelineEntry } from '../../src/session'
import { renderStrict } from '../support/render'

const T0 = Date.UTC(2025, 0, 15, 12, 0, 0)

function http(method: string, url: string, status: number, statusText: string): HttpExchange {
  return { method, url, requestHeaders: [], status, statusText, startedAt: T0, durationMs: 40 }
}

const RUN: TimelineEntry[] = [
  {
    id: 'step-1',
    kind: 'discovery',
    at: T0,
    title: 'Discovery',
    outcome: 'ok',
    http: http('GET', 'https://op.example/.well-known/openid-configuration', 200, 'OK'),
  },
  {
    id: 'step-2',
    kind: 'authorization-request',
    at: T0 + 1000,
    title: 'Authorization request',
    outcome: 'ok',
  },
  { id: 'step-3', kind: 'callback', at: T0 + 9000, title: 'Callback', outcome: 'ok' },
  {
    id: 'step-4',
    kind: 'token-request',
    at: T0 + 9500,
    title: 'Token request',
    outcome: 'ok',
    http: http('POST', 'https://op.example/token', 200, 'OK'),
  },
  {
    id: 'step-5',
    kind: 'userinfo',
    at: T0 + 12000,
    title: 'UserInfo',
    outcome: 'ok',
    http: http('GET', 'https://op.example/userinfo', 200, 'OK'),
  },
]

/** The "◀ current" marker drawn in the diagram, and the link it belongs to. */
function currentMarkerLink(svg: HTMLElement): Element | null {
  const markers = within(svg).getAllByText('◀ current')
  expect(markers).toHaveLength(1)
  return markers[0]?.closest('a') ?? null
}

afterEach(() => {
  cleanup()
})

describe('SequenceDiagram', () => {
  it('is a named group whose name summarises the run', () => {
    renderStrict(<SequenceDiagram entries={RUN} />)
    const svg = screen.getByRole('group', {
      name: /5 steps: discovery, authorization request, callback, token request, userinfo\./,
    })
    expect(svg.tagName.toLowerCase()).toBe('svg')
    expect(svg.getAttribute('viewBox')).toMatch(/^0 0 \d+ \d+$/)
    expect(svg.getAttribute('width')).toBe('100%')
    for (const label of ['Browser', 'PKCE Lab', 'Authorization', 'Token and', 'UserInfo']) {
      expect(within(svg).getByText(label)).toBeTruthy()
    }
  })

  it('links every step, in the diagram and in the list of steps, to its timeline entry', () => {
    renderStrict(<SequenceDiagram entries={RUN} />)
    const svg = screen.getByRole('group')
    RUN.forEach((entry, index) => {
      const arrows = within(svg)
        .getAllByRole('link')
        .filter((link) => link.getAttribute('href') === `#step-${index + 1}`)
      expect(arrows.length).toBeGreaterThanOrEqual(1)
      for (const arrow of arrows) {
        expect(arrow.getAttribute('aria-label')).toMatch(new RegExp(`^${entry.title}, ok`))
      }
    })
    const list = screen.getByRole('list', { name: 'Steps of the run as text' })
    const items = within(list).getAllByRole('link')
    expect(items.map((link) => link.getAttribute('href'))).toEqual(
      RUN.map((entry) => `#${entry.id}`),
    )
    expect(items.map((link) => link.textContent)).toEqual(RUN.map((entry) => entry.title))
  })

  it('marks the last step as current by default, in words and with a thicker stroke', () => {
    renderStrict(<SequenceDiagram entries={RUN} />)
    const svg = screen.getByRole('group')
    expect(currentMarkerLink(svg)?.getAttribute('href')).toBe('#step-5')
    const current = within(svg)
      .getAllByRole('link')
      .filter((link) => link.getAttribute('aria-current') === 'step')
    expect(current.map((link) => link.getAttribute('href'))).toEqual(['#step-5', '#step-5'])
    expect(current[0]?.getAttribute('aria-label')).toContain('current step')
    expect(current[0]?.querySelector('line')?.getAttribute('stroke-width')).toBe('3')
    const other = svg.querySelector('a[href="#step-4"] line')
    expect(other?.getAttribute('stroke-width')).toBe('1.5')
    const list = screen.getByRole('list', { name: 'Steps of the run as text' })
    const last = within(list).getAllByRole('listitem').at(-1)
    expect(last?.textContent).toContain('◀ current')
    expect(svg.textContent).toContain('Current step: 5, userinfo.')
  })

  it('marks the step given as currentId instead', () => {
    renderStrict(<SequenceDiagram entries={RUN} currentId="step-2" />)
    const svg = screen.getByRole('group', { name: /Current step: 2, authorization request\./ })
    expect(currentMarkerLink(svg)?.getAttribute('href')).toBe('#step-2')
    const list = screen.getByRole('list', { name: 'Steps of the run as text' })
    expect(within(list).getByRole('link', { current: 'step' }).textContent).toBe(
      'Authorization request',
    )
  })

  it('says "failed" on a failed step, with a cross, not by colour alone', () => {
    const failedRun: TimelineEntry[] = [
      ...RUN.slice(0, 3),
      {
        id: 'step-4',
        kind: 'token-request',
        at: T0 + 9500,
        title: 'Token request',
        outcome: 'failed',
        http: http('POST', 'https://op.example/token', 400, 'Bad Request'),
        error: { code: 'invalid_grant', message: 'The authorization code was already used' },
      },
    ]
    renderStrict(<SequenceDiagram entries={failedRun} />)
    const svg = screen.getByRole('group', { name: /token request \(failed\)/ })
    const failed = within(svg)
      .getAllByRole('link')
      .filter((link) => link.getAttribute('href') === '#step-4')
    for (const link of failed) {
      expect(link.getAttribute('aria-label')).toMatch(/^Token request, failed: invalid_grant/)
    }
    const answer = failed.at(-1)
    expect(answer?.querySelector('text')?.textContent).toMatch(/^failed \(invalid_grant\)/)
    expect(answer?.querySelector('.sequence-diagram__cross')).not.toBeNull()
    expect(failed.at(0)?.querySelector('.sequence-diagram__cross')).toBeNull()
    const list = screen.getByRole('list', { name: 'Steps of the run as text' })
    expect(within(list).getAllByRole('listitem').at(-1)?.textContent).toContain(
      'failed: invalid_grant',
    )
  })

  it('keeps the full text of a label in the link title', () => {
    renderStrict(<SequenceDiagram entries={RUN.slice(0, 1)} />)
    const svg = screen.getByRole('group')
    const request = svg.querySelector('a[href="#step-1"]')
    expect(request?.querySelector('title')?.textContent).toBe(
      'GET /.well-known/openid-configuration',
    )
  })

  it('draws the lanes and says so when there are no steps yet', () => {
    renderStrict(<SequenceDiagram entries={[]} />)
    expect(screen.getByRole('group', { name: /No steps yet/ })).toBeTruthy()
    expect(screen.queryAllByRole('link')).toHaveLength(0)
  })
})
