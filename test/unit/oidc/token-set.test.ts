import { describe, expect, it } from 'vitest'

import { ungrantedScopes } from '../../../src/oidc/token-set'

describe('ungrantedScopes', () => {
  it('lists what was asked for and not granted', () => {
    expect(ungrantedScopes({ requestedScope: 'openid profile email', scope: 'openid' })).toEqual([
      'profile',
      'email',
    ])
  })

  it('finds nothing narrowed when the response names no scope (RFC 6749 §5.1: as requested)', () => {
    expect(ungrantedScopes({ requestedScope: 'openid profile' })).toEqual([])
  })

  it('finds nothing narrowed when more, or the same in another order, was granted', () => {
    expect(
      ungrantedScopes({ requestedScope: 'openid email', scope: 'email openid extra' }),
    ).toEqual([])
  })
})
