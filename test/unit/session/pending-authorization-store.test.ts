import { describe, expect, it } from 'vitest'

import { createPendingAuthorizationStore, PENDING_AUTHORIZATION_KEY } from '../../../src/session'
import type { PendingSignIn } from '../../../src/session'
import { PENDING_AUTHORIZATION_MAX_AGE_SECONDS } from '../../../src/session/pending-authorization-store'
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
    expect(store.take(2)).toEqual({ status: 'taken', pending })
    expect(storage.getItem(PENDING_AUTHORIZATION_KEY)).toBeNull()
    expect(store.take(2)).toEqual({ status: 'none' })
  })

  it('refuses, and deletes, one older than the maximum age', () => {
    const storage = new MemoryStorage()
    const store = createPendingAuthorizationStore(storage)
    store.save(pending)
    const late = pending.createdAt + PENDING_AUTHORIZATION_MAX_AGE_SECONDS + 1

    expect(store.take(late)).toEqual({
      status: 'expired',
      ageSeconds: PENDING_AUTHORIZATION_MAX_AGE_SECONDS + 1,
    })
    expect(storage.length).toBe(0)
  })

  it('honours one exactly at the maximum age', () => {
    const store = createPendingAuthorizationStore(new MemoryStorage())
    store.save(pending)

    expect(store.take(pending.createdAt + PENDING_AUTHORIZATION_MAX_AGE_SECONDS).status).toBe(
      'taken',
    )
  })

  it('writes only the fields that must cross the redirect', () => {
    const storage = new MemoryStorage()
    const extra = { ...pending, accessToken: 'at-0123456789', clientSecret: 'cs-0123456789' }
    createPendingAuthorizationStore(storage).save(extra)

    expect(storage.dump()).not.toContain('at-0123456789')
    expect(storage.dump()).not.toContain('cs-0123456789')
    expect(JSON.parse(storage.getItem(PENDING_AUTHORIZATION_KEY) ?? '{}')).toEqual(pending)
  })

  it('discard deletes it unread', () => {
    const storage = new MemoryStorage()
    const store = createPendingAuthorizationStore(storage)
    store.save(pending)
    store.discard()
    expect(store.has()).toBe(false)
    expect(storage.length).toBe(0)
  })

  it.each(['not json', '{"issuer":"https://op.example"}', 'null'])(
    'deletes and ignores an unreadable entry: %s',
    (text) => {
      const storage = new MemoryStorage()
      storage.setItem(PENDING_AUTHORIZATION_KEY, text)
      expect(createPendingAuthorizationStore(storage).take(2)).toEqual({ status: 'none' })
      expect(storage.length).toBe(0)
    },
  )
})
