import { describe, expect, it } from 'vitest'

import { CUSTOM_PRESET, PRESETS } from '../../../src/settings/presets'

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

describe('the preset notes', () => {
  it('explain their jargon: no literal backticks, and every § says in words what the section is', () => {
    const notes = PRESETS.flatMap((preset) => preset.notes.map((note) => ({ preset, note })))
    expect(notes.filter(({ note }) => note.includes('`'))).toEqual([])
    // "§11 (Offline Access)", not a bare "§11".
    const bare = notes.filter(({ note }) => /§[\d.]+(?![\d.]| \([A-Z][a-z])/.test(note))
    expect(bare.map(({ note }) => note)).toEqual([])
  })
})
