import { describe, expect, it } from 'vitest'

import { maskSecret, maskSecrets } from '../../../src/components/http/mask-secrets'

const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.payload.signature'

describe('maskSecret', () => {
  it('keeps the first 4 characters and says how long the secret is', () => {
    expect(maskSecret('abcdefghij')).toBe('abcd…[masked, 10 characters]')
    expect(maskSecret(TOKEN)).toBe(`eyJh…[masked, ${TOKEN.length} characters]`)
  })
})

describe('maskSecrets', () => {
  it('masks every occurrence of every secret', () => {
    const text = `access_token=${TOKEN}; again ${TOKEN}; secret hunter22 and hunter22`

    const masked = maskSecrets(text, [TOKEN, 'hunter22'], false)

    expect(masked).toBe(
      `access_token=${maskSecret(TOKEN)}; again ${maskSecret(TOKEN)}; secret hunt…[masked, 8 characters] and hunt…[masked, 8 characters]`,
    )
    expect(masked).not.toContain(TOKEN)
    expect(masked).not.toContain('hunter22')
  })

  it('masks the longest secret first, so "Bearer <token>" is masked whole', () => {
    const header = `Bearer ${TOKEN}`

    // Given shortest first: the order of the list must not matter.
    const masked = maskSecrets(`authorization: ${header}`, [TOKEN, header], false)

    expect(masked).toBe(`authorization: Bear…[masked, ${header.length} characters]`)
  })

  it('masks a token that also appears on its own after the longer value', () => {
    const header = `Bearer ${TOKEN}`

    const masked = maskSecrets(`${header} then ${TOKEN}`, [TOKEN, header], false)

    expect(masked).toBe(`${maskSecret(header)} then ${maskSecret(TOKEN)}`)
  })

  it('returns the text unchanged when the user asked to reveal', () => {
    const text = `Bearer ${TOKEN}`

    expect(maskSecrets(text, [TOKEN, text], true)).toBe(text)
  })

  it('ignores empty secrets instead of masking between every character', () => {
    expect(maskSecrets('client_id=spa', ['', 'absent'], false)).toBe('client_id=spa')
    expect(maskSecrets('', [''], false)).toBe('')
  })

  it('leaves text without any secret alone', () => {
    expect(maskSecrets('grant_type=authorization_code', [TOKEN], false)).toBe(
      'grant_type=authorization_code',
    )
    expect(maskSecrets('anything', [], false)).toBe('anything')
  })

  it('does not reorder the list it is given', () => {
    const secrets = Object.freeze(['short', 'a much longer secret'])

    expect(maskSecrets('short', secrets, false)).toBe('shor…[masked, 5 characters]')
    expect(secrets).toEqual(['short', 'a much longer secret'])
  })
})
