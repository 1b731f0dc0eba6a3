/**
 * A DPoP proof in the timeline: decoded beside its request, and the nonce challenge before it said
 * only when the earlier answer really was one (a DPoP-Nonce header and the error use_dpop_nonce).
 */
import { cleanup, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'

import { DpopProofView } from '../../src/features/flow-timeline/dpop-proof-view'
import type { HttpExchange } from '../../src/oidc'
import { renderStrict } from '../support/render'

const SENT_AT = 1_800_000_000_000

function part(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url')
}

const proof = `${part({ typ: 'dpop+jwt', alg: 'ES256', jwk: { kty: 'EC' } })}.${part({
  jti: 'j',
  htm: 'POST',
  htu: 'https://op.example/token',
  iat: SENT_AT / 1000,
  nonce: 'n-1',
})}.c2ln`

function exchange(overrides: Partial<HttpExchange> = {}): HttpExchange {
  return {
    method: 'POST',
    url: 'https://op.example/token',
    requestHeaders: [['dpop', proof]],
    status: 200,
    startedAt: SENT_AT,
    durationMs: 10,
    ...overrides,
  }
}

const NOTE = /The server answered the attempt before this one with/

afterEach(() => {
  cleanup()
})

describe('DpopProofView', () => {
  it('compares the proof with its request, and says why a nonce challenge came before', () => {
    const challenged = exchange({
      status: 400,
      responseHeaders: [['dpop-nonce', 'n-1']],
      responseBody: '{"error":"use_dpop_nonce"}',
    })
    renderStrict(<DpopProofView exchange={exchange()} previous={challenged} />)
    expect(screen.getByText(NOTE)).toBeTruthy()
    const nonce = screen.getByRole('row', { name: /^nonce/ })
    expect(nonce.textContent).toContain("Matches: the DPoP-Nonce of the server's previous answer")
    expect(screen.getByRole('row', { name: /^htm/ }).textContent).toContain(
      "Matches: the request's method is POST",
    )
  })

  it('says nothing of a challenge that only mentions use_dpop_nonce, or came without a nonce', () => {
    const mentioned = exchange({
      status: 400,
      responseHeaders: [['dpop-nonce', 'n-1']],
      responseBody: '{"error":"invalid_dpop_proof","error_description":"not use_dpop_nonce"}',
    })
    renderStrict(<DpopProofView exchange={exchange()} previous={mentioned} />)
    expect(screen.queryByText(NOTE)).toBeNull()
    cleanup()

    const withoutNonce = exchange({ status: 400, responseBody: '{"error":"use_dpop_nonce"}' })
    renderStrict(<DpopProofView exchange={exchange()} previous={withoutNonce} />)
    expect(screen.queryByText(NOTE)).toBeNull()
  })

  it('shows nothing for a request without a proof', () => {
    renderStrict(<DpopProofView exchange={exchange({ requestHeaders: [] })} />)
    expect(screen.queryByRole('table')).toBeNull()
  })
})
