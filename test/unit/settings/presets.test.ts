import { describe, expect, it } from 'vitest'

import { CUSTOM_PRESET } from '../../../src/settings/presets'

describe('the Custom preset', () => {
  it('names every endpoint the browser calls as needing CORS, and none that it only visits', () => {
    const notes = CUSTOM_PRESET.notes.join(' ')
    const cors = notes.slice(notes.indexOf('CORS'))

    for (const endpoint of ['discovery', 'jwks_uri', 'token endpoint', 'userinfo', 'revocation']) {
      expect(cors).toContain(endpoint)
    }
    expect(cors).toContain('authorization and end-session endpoints are visited, not called')
  })
})
