import { describe, expect, it } from 'vitest'

import { createPendingAuthorizationStore, PENDING_AUTHORIZATION_KEY } from '../../../src/session'
import type { PendingSignIn } from '../../../src/session'
import { MemoryStorage } from '../../support/memory-storage'

const pending: PendingSignIn = {
  issuer: 'https://op.example',
  metadata: { issuer: 'https://op.example' },
  clientId: 'spa',
  redirectUri: 'https://app.example/callback',
  scope: 'openid',
  state: 's',
  nonce: 'n',
  codeVerifier: 'v',
  idTokenAlg: 'RS256',
  clientAuthentication: 'none',
  extraParams: [['prompt', 'consent']],
  silent: false,
  stepThrough: false,
  createdAt: 1,
}

describe('pending authorization store', () => {
  it('hands the pending authorization out once', () => {
    const storage = new MemoryStorage()
    const store = createPendingAuthorizationStore(storage)
    store.save(pending)
    expect(store.has()).toBe(true)
    expect(store.take()).toEqual(pending)
    expect(storage.getItem(PENDING_AUTHORIZATION_KEY)).toBeNull()
    expect(store.take()).toBeUndefined()
  })

  it.each(['not json', '{"issuer":"https://op.example"}', 'null'])(
    'deletes and ignores an unreadable entry: %s',
    (text) => {
      const storage = new MemoryStorage()
      storage.setItem(PENDING_AUTHORIZATION_KEY, text)
      expect(createPendingAuthorizationStore(storage).take()).toBeUndefined()
      expect(storage.length).toBe(0)
    },
  )
})
