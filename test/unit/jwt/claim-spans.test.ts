import { encode } from 'jose/base64url'
import { describe, expect, it } from 'vitest'

import { claimSpans } from '../../../src/jwt/claim-spans'

const segmentOf = (json: string) => encode(new TextEncoder().encode(json))

describe('claimSpans', () => {
  it('finds each top-level claim, and its characters decode to bytes that hold the claim', () => {
    const json = '{"sub":"alice","given_name":"Zoë","nested":{"sub":"not this one"},"n":1}'
    const segment = segmentOf(json)
    const spans = claimSpans(segment)
    expect([...spans.keys()]).toEqual(['sub', 'given_name', 'nested', 'n'])
    for (const [name, span] of spans) {
      const bytes = Buffer.from(segment.slice(span.start, span.end), 'base64url').toString('utf8')
      expect(bytes).toContain(`"${name}"`)
    }
    // The nested "sub" is not taken for the top-level one.
    const sub = spans.get('sub')
    expect(sub?.start).toBe(0)
    expect(Buffer.from(segment.slice(0, sub?.end), 'base64url').toString()).not.toContain('nested')
  })

  it('counts bytes, not characters, so a claim after a multi-byte one still lines up', () => {
    const json = '{"a":"ééééééééé","b":true}'
    const segment = segmentOf(json)
    const span = claimSpans(segment).get('b')
    const decoded = Buffer.from(segment.slice(span?.start, span?.end), 'base64url').toString(
      'latin1',
    )
    expect(decoded).toContain('"b":true')
  })

  it('finds nothing in a segment that is not a JSON object', () => {
    expect(claimSpans(segmentOf('[1,2]')).size).toBe(0)
    expect(claimSpans('!!!').size).toBe(0)
  })
})
