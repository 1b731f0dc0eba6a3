import { describe, expect, it } from 'vitest'

import {
  buildSettingsLink,
  isSettingsLink,
  parseSettingsLink,
  presetById,
  settingsFromPreset,
} from '../../../src/settings'
import type { ProviderSettings } from '../../../src/settings'

const settings: ProviderSettings = {
  preset: 'auth0',
  issuer: 'https://tenant.eu.auth0.com/',
  clientId: 'abc123',
  scope: 'openid profile offline_access',
  extraParams: [
    { name: 'audience', value: 'https://api.example' },
    { name: 'prompt', value: 'consent' },
  ],
  pushedAuthorization: true,
  dpop: true,
}

describe('settings links', () => {
  it('round-trips every setting', () => {
    const link = buildSettingsLink(
      'https://lab.example/pkce/',
      settings,
      'https://lab.example/pkce/callback',
    )
    const url = new URL(link)
    expect(url.pathname).toBe('/pkce/')
    expect(isSettingsLink(url.searchParams)).toBe(true)
    const parsed = parseSettingsLink(url.searchParams)
    expect(parsed.settings).toEqual(settings)
    expect(parsed.linkedRedirectUri).toBe('https://lab.example/pkce/callback')
    expect(parsed.refused).toEqual([])
  })

  it('documents its form: issuer, client_id, scope, redirect_uri, param.<name>', () => {
    const url = new URL(
      buildSettingsLink('https://lab.example/', settings, 'https://lab.example/callback'),
    )
    expect(url.searchParams.get('issuer')).toBe('https://tenant.eu.auth0.com/')
    expect(url.searchParams.get('client_id')).toBe('abc123')
    expect(url.searchParams.get('param.audience')).toBe('https://api.example')
    expect(url.searchParams.get('par')).toBe('1')
    expect(url.searchParams.get('dpop')).toBe('1')
  })

  it('leaves pushed authorization requests off unless the link says par=1', () => {
    expect(
      parseSettingsLink(new URLSearchParams('issuer=https://op.example&par=yes')).settings,
    ).toMatchObject({
      pushedAuthorization: false,
    })
    const off = buildSettingsLink(
      'https://lab.example/',
      { ...settings, pushedAuthorization: false },
      'https://lab.example/callback',
    )
    expect(new URL(off).searchParams.has('par')).toBe(false)
  })

  it('leaves DPoP off unless the link says dpop=1', () => {
    expect(
      parseSettingsLink(new URLSearchParams('issuer=https://op.example&dpop=true')).settings,
    ).toMatchObject({ dpop: false })
    const off = buildSettingsLink(
      'https://lab.example/',
      { ...settings, dpop: false },
      'https://lab.example/callback',
    )
    expect(new URL(off).searchParams.has('dpop')).toBe(false)
  })

  it('ignores a secret put into a link, and says so', () => {
    const parsed = parseSettingsLink(
      new URLSearchParams('issuer=https://op.example&client_id=x&client_secret=leak'),
    )
    expect(parsed.refused).toEqual(['client_secret'])
    expect(JSON.stringify(parsed.settings)).not.toContain('leak')
  })

  it('fills what the link leaves out from the preset it names', () => {
    const parsed = parseSettingsLink(new URLSearchParams('preset=google&client_id=123.apps'))
    const google = presetById('google')
    if (!google) throw new Error('no google preset')
    expect(parsed.settings).toEqual({ ...settingsFromPreset(google), clientId: '123.apps' })
  })

  it('falls back to Custom for a link without a known preset', () => {
    const parsed = parseSettingsLink(new URLSearchParams('issuer=https://op.example&preset=nope'))
    expect(parsed.settings.preset).toBe('custom')
    expect(parsed.settings.issuer).toBe('https://op.example')
  })

  it('is not a settings link without settings keys', () => {
    expect(isSettingsLink(new URLSearchParams('utm_source=x'))).toBe(false)
  })

  it.each([
    'client_secret',
    'Client_Secret',
    'CODE_VERIFIER',
    'access_token',
    'Password',
    'state',
    'Redirect_Uri',
    'response_type',
  ])('refuses param.%s, whatever its case, and says so', (name) => {
    const parsed = parseSettingsLink(
      new URLSearchParams([
        ['issuer', 'https://op.example'],
        [`param.${name}`, 'x'],
        ['param.audience', 'https://api'],
      ]),
    )

    expect(parsed.settings.extraParams).toEqual([{ name: 'audience', value: 'https://api' }])
    expect(parsed.refused).toEqual([`param.${name}`])
  })

  it('turns a preset with a fixed issuer into Custom when the link names another issuer', () => {
    const parsed = parseSettingsLink(
      new URLSearchParams({ preset: 'google', issuer: 'https://evil.example' }),
    )

    expect(parsed.settings.preset).toBe('custom')
    expect(parsed.settings.issuer).toBe('https://evil.example')
    expect(parsed.droppedPreset).toBe('Google')
  })

  it('keeps a preset with a fixed issuer when the link names that issuer', () => {
    const parsed = parseSettingsLink(
      new URLSearchParams({ preset: 'google', issuer: 'https://accounts.google.com' }),
    )

    expect(parsed.settings.preset).toBe('google')
    expect(parsed.droppedPreset).toBeUndefined()
  })
})
