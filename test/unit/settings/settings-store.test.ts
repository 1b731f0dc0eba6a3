import { describe, expect, it } from 'vitest'

import { DEFAULT_SETTINGS, loadSettings, saveSettings, SETTINGS_KEY } from '../../../src/settings'
import { MemoryStorage } from '../../support/memory-storage'

describe('settings store', () => {
  it('remembers non-secret settings', () => {
    const storage = new MemoryStorage()
    saveSettings(storage, { ...DEFAULT_SETTINGS, clientId: 'mine' })
    expect(loadSettings(storage)).toEqual({ ...DEFAULT_SETTINGS, clientId: 'mine' })
  })

  it('remembers pushed authorization requests turned on, and reads an older entry without it as off', () => {
    const storage = new MemoryStorage()
    saveSettings(storage, { ...DEFAULT_SETTINGS, pushedAuthorization: true })
    expect(loadSettings(storage)?.pushedAuthorization).toBe(true)
    storage.setItem(
      SETTINGS_KEY,
      JSON.stringify({ ...DEFAULT_SETTINGS, pushedAuthorization: undefined }),
    )
    expect(loadSettings(storage)).toEqual({ ...DEFAULT_SETTINGS, pushedAuthorization: false })
  })

  it('remembers DPoP turned on, and reads an older entry without it as off', () => {
    const storage = new MemoryStorage()
    saveSettings(storage, { ...DEFAULT_SETTINGS, dpop: true })
    expect(loadSettings(storage)?.dpop).toBe(true)
    storage.setItem(SETTINGS_KEY, JSON.stringify({ ...DEFAULT_SETTINGS, dpop: undefined }))
    expect(loadSettings(storage)).toEqual({ ...DEFAULT_SETTINGS, dpop: false })
  })

  it('never writes fields it does not know, such as a secret smuggled in', () => {
    const storage = new MemoryStorage()
    saveSettings(storage, { ...DEFAULT_SETTINGS, clientSecret: 'leak' } as typeof DEFAULT_SETTINGS)
    expect(storage.getItem(SETTINGS_KEY)).not.toContain('leak')
  })

  it.each(['{', '{"preset":"nope"}', '{"preset":"local","issuer":1}', '[]'])(
    'ignores an unusable entry: %s',
    (text) => {
      const storage = new MemoryStorage()
      storage.setItem(SETTINGS_KEY, text)
      expect(loadSettings(storage)).toBeUndefined()
    },
  )

  it('drops extra parameters that may not be sent when reading settings back', () => {
    const storage = new MemoryStorage()
    storage.setItem(
      SETTINGS_KEY,
      JSON.stringify({
        preset: 'custom',
        issuer: 'https://op.example',
        clientId: 'spa',
        scope: 'openid',
        extraParams: [
          { name: 'Client_Secret', value: 'x' },
          { name: 'nonce', value: 'fixed' },
          { name: 'audience', value: 'https://api' },
        ],
      }),
    )

    expect(loadSettings(storage)?.extraParams).toEqual([{ name: 'audience', value: 'https://api' }])
  })
})
