// @vitest-environment happy-dom
import { cleanup, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'

import { ProviderSettingsForm } from '../../src/features/provider-settings/provider-settings-form'
import {
  buildSettingsLink,
  DEFAULT_SETTINGS,
  presetById,
  settingsFromPreset,
} from '../../src/settings'
import type { ProviderSettings } from '../../src/settings'
import { recordClipboard, renderStrict } from '../support/render'

const APP_URL = 'https://app.example/'
const REDIRECT_URI = 'https://app.example/callback'

function preset(id: string): ProviderSettings {
  const found = presetById(id)
  if (!found) throw new Error(`no preset ${id}`)
  return settingsFromPreset(found)
}

/** Holds the settings and the secret as Home does, so typed text really lands in the inputs. */
function Harness(props: {
  initial: ProviderSettings
  busy: boolean
  onSettingsChange: (settings: ProviderSettings) => void
  onSignIn: () => void
}) {
  const [settings, setSettings] = useState(props.initial)
  const [clientSecret, setClientSecret] = useState('')
  return (
    <ProviderSettingsForm
      settings={settings}
      onSettingsChange={(next) => {
        setSettings(next)
        props.onSettingsChange(next)
      }}
      clientSecret={clientSecret}
      onClientSecretChange={setClientSecret}
      redirectUri={REDIRECT_URI}
      settingsLink={buildSettingsLink(APP_URL, settings, REDIRECT_URI)}
      busy={props.busy}
      onSignIn={props.onSignIn}
    />
  )
}

function renderForm(options: { initial?: ProviderSettings; busy?: boolean } = {}) {
  const changes: ProviderSettings[] = []
  const onSignIn = vi.fn<() => void>()
  renderStrict(
    <Harness
      initial={options.initial ?? DEFAULT_SETTINGS}
      busy={options.busy ?? false}
      onSettingsChange={(settings) => changes.push(settings)}
      onSignIn={onSignIn}
    />,
  )
  return { changes, onSignIn }
}

function input(label: string): HTMLInputElement {
  const element = screen.getByLabelText(label)
  if (!(element instanceof HTMLInputElement)) throw new Error(`${label} is not an input`)
  return element
}

/** The element that describes the input through aria-describedby. */
function secretWarning(element: HTMLElement): HTMLElement {
  const id = element.getAttribute('aria-describedby')
  const description = id ? document.getElementById(id) : null
  if (!description) throw new Error('the input has no aria-describedby description')
  return description
}

function extraParamRows(): [string, string | undefined][] {
  const fieldset = screen.getByRole('group', { name: 'Extra authorization parameters' })
  const names = within(fieldset).queryAllByRole<HTMLInputElement>('textbox', {
    name: /^Parameter \d+ name$/,
  })
  const values = within(fieldset).queryAllByRole<HTMLInputElement>('textbox', {
    name: /^Parameter \d+ value$/,
  })
  return names.map((name, index) => [name.value, values[index]?.value])
}

afterEach(() => {
  cleanup()
  Reflect.deleteProperty(navigator, 'clipboard')
})

describe('ProviderSettingsForm', () => {
  it('is a form named "Provider settings" that opens with the given settings', () => {
    renderForm()

    expect(screen.getByRole('form', { name: 'Provider settings' })).toBeDefined()
    expect(input('Issuer URL').value).toBe(DEFAULT_SETTINGS.issuer)
    expect(input('Client ID').value).toBe('pkce-lab')
    expect(input('Scopes').value).toBe('openid profile email offline_access')
    expect(extraParamRows()).toEqual([['prompt', 'consent']])
    expect(screen.getByRole('complementary', { name: 'About Local provider' })).toBeDefined()
  })

  it('fills every field from the chosen preset and shows its notes', async () => {
    const user = userEvent.setup()
    const { changes } = renderForm()

    await user.selectOptions(screen.getByLabelText('Preset'), 'Google')

    expect(screen.getByLabelText<HTMLSelectElement>('Preset').value).toBe('google')
    expect(input('Issuer URL').value).toBe('https://accounts.google.com')
    expect(input('Client ID').value).toBe('')
    expect(input('Client ID').placeholder).toBe('1234567890-abc.apps.googleusercontent.com')
    expect(input('Scopes').value).toBe('openid email profile')
    expect(extraParamRows()).toEqual([
      ['access_type', 'offline'],
      ['prompt', 'consent'],
    ])
    const notes = screen.getByRole('complementary', { name: 'About Google' })
    expect(within(notes).getByRole('heading', { name: 'About Google' })).toBeDefined()
    expect(notes.textContent).toContain(
      'demands the client secret at the token endpoint even with PKCE',
    )
    expect(notes.textContent).toContain('Google has no end-session endpoint')
    expect(screen.queryByRole('complementary', { name: 'About Local provider' })).toBeNull()
    expect(changes.at(-1)).toEqual(preset('google'))
  })

  it('says when the chosen preset demands a client secret', async () => {
    const user = userEvent.setup()
    renderForm()
    expect(secretWarning(input('Client secret (optional)')).textContent).not.toContain(
      'This provider demands one.',
    )
    await user.selectOptions(screen.getByLabelText('Preset'), 'Google')
    expect(secretWarning(input('Client secret (required by this provider)')).textContent).toContain(
      'This provider demands one.',
    )
  })

  it('asks for a required secret before the redirect: no sign-in without it', async () => {
    const user = userEvent.setup()
    const { onSignIn } = renderForm({ initial: preset('google') })
    await user.type(input('Client ID'), 'spa.apps.googleusercontent.com')

    await user.click(screen.getByRole('button', { name: 'Sign in' }))

    expect(onSignIn).not.toHaveBeenCalled()
    expect(screen.getByRole('alert').textContent).toContain(
      'This provider demands the client secret at its token endpoint',
    )
    const secret = input('Client secret (required by this provider)')
    expect(document.activeElement).toBe(secret)
    await user.type(secret, 'hunter2')
    expect(screen.queryByRole('alert')).toBeNull()
    await user.click(screen.getByRole('button', { name: 'Sign in' }))
    expect(onSignIn).toHaveBeenCalledTimes(1)
  })

  it('fills in the public secret of the bundled Google-shaped provider with one click, and no other', async () => {
    const user = userEvent.setup()
    renderForm({ initial: preset('local-google') })

    await user.click(screen.getByRole('button', { name: 'Fill in its public secret' }))

    expect(input('Client secret (required by this provider)').value).toBe(
      'GOCSPX-local-provider-not-a-secret',
    )
    cleanup()
    renderForm({ initial: preset('google') })
    expect(screen.queryByRole('button', { name: 'Fill in its public secret' })).toBeNull()
  })

  it('shows the issuer hint of a preset whose issuer has a placeholder', async () => {
    const user = userEvent.setup()
    renderForm()

    await user.selectOptions(screen.getByLabelText('Preset'), 'Microsoft Entra ID')

    expect(input('Issuer URL').value).toBe('https://login.microsoftonline.com/{tenant-id}/v2.0')
    expect(
      screen.getByText(/Replace \{tenant-id\} with your directory \(tenant\) ID\./),
    ).toBeDefined()
    expect(
      screen.getByRole('complementary', { name: 'About Microsoft Entra ID' }).textContent,
    ).toContain('AADSTS9002326')
  })

  it('reports every edit of issuer, client ID and scopes with the new settings', async () => {
    const user = userEvent.setup()
    const { changes } = renderForm({ initial: preset('custom') })

    await user.type(input('Issuer URL'), 'https://op.example')
    await user.type(input('Client ID'), 'spa')
    await user.clear(input('Scopes'))
    await user.type(input('Scopes'), 'openid')

    expect(input('Issuer URL').value).toBe('https://op.example')
    expect(input('Client ID').value).toBe('spa')
    expect(input('Scopes').value).toBe('openid')
    expect(changes.at(-1)).toEqual({
      preset: 'custom',
      issuer: 'https://op.example',
      clientId: 'spa',
      scope: 'openid',
      extraParams: [],
      pushedAuthorization: false,
      dpop: false,
    })
    // One change per keystroke, each built on the one before.
    expect(changes.map((settings) => settings.issuer)).toContain('https://op.exampl')
  })

  it.each([
    ['Client_Secret', 'a secret or a token never goes into an authorization URL'],
    ['CODE_VERIFIER', 'a secret or a token never goes into an authorization URL'],
    ['Redirect_URI', 'the flow sets this parameter itself, and checks it'],
  ])('says why the extra parameter name %s is not sent', (name, reason) => {
    renderForm({ initial: { ...preset('custom'), extraParams: [{ name, value: 'x' }] } })

    const field = input('Parameter 1 name')
    expect(field.getAttribute('aria-invalid')).toBe('true')
    expect(secretWarning(field).textContent).toBe(`Not sent: ${reason}.`)
  })

  it('adds, edits and removes extra parameter rows', async () => {
    const user = userEvent.setup()
    const { changes } = renderForm({ initial: preset('custom') })
    const fieldset = screen.getByRole('group', { name: 'Extra authorization parameters' })
    expect(within(fieldset).queryByRole('table')).toBeNull()

    await user.click(within(fieldset).getByRole('button', { name: 'Add parameter' }))
    expect(extraParamRows()).toEqual([['', '']])
    await user.type(input('Parameter 1 name'), 'audience')
    await user.type(input('Parameter 1 value'), 'https://api.example')
    await user.click(within(fieldset).getByRole('button', { name: 'Add parameter' }))
    await user.type(input('Parameter 2 name'), 'login_hint')
    await user.type(input('Parameter 2 value'), 'alice')

    expect(extraParamRows()).toEqual([
      ['audience', 'https://api.example'],
      ['login_hint', 'alice'],
    ])
    expect(changes.at(-1)?.extraParams).toEqual([
      { name: 'audience', value: 'https://api.example' },
      { name: 'login_hint', value: 'alice' },
    ])

    await user.click(
      within(fieldset).getByRole('button', { name: 'Remove parameter 1 (audience)' }),
    )

    expect(extraParamRows()).toEqual([['login_hint', 'alice']])
    expect(changes.at(-1)?.extraParams).toEqual([{ name: 'login_hint', value: 'alice' }])

    await user.click(
      within(fieldset).getByRole('button', { name: 'Remove parameter 1 (login_hint)' }),
    )

    expect(within(fieldset).queryByRole('table')).toBeNull()
    expect(changes.at(-1)?.extraParams).toEqual([])
  })

  it('shows the redirect URI read-only and copies exactly it', async () => {
    const user = userEvent.setup()
    const copied = recordClipboard()
    renderForm()

    const redirectUri = input('Redirect URI (register this at the provider)')
    expect(redirectUri.value).toBe(REDIRECT_URI)
    expect(redirectUri.readOnly).toBe(true)
    await user.type(redirectUri, 'x')
    expect(redirectUri.value).toBe(REDIRECT_URI)

    await user.click(screen.getByRole('button', { name: 'Copy redirect URI' }))

    expect(copied).toEqual([REDIRECT_URI])
  })

  it('copies a settings link with issuer and client ID but never the client secret', async () => {
    const user = userEvent.setup()
    const copied = recordClipboard()
    const { changes } = renderForm({ initial: preset('custom') })

    await user.type(input('Issuer URL'), 'https://op.example')
    await user.type(input('Client ID'), 'spa')
    await user.type(input('Client secret (optional)'), 'hunter2')
    await user.click(screen.getByRole('button', { name: 'Copy settings link' }))

    expect(copied).toHaveLength(1)
    const text = copied.at(0) ?? ''
    const link = new URL(text)
    expect(link.origin + link.pathname).toBe(APP_URL)
    expect(link.searchParams.get('issuer')).toBe('https://op.example')
    expect(link.searchParams.get('client_id')).toBe('spa')
    expect(link.searchParams.get('redirect_uri')).toBe(REDIRECT_URI)
    expect(text).not.toContain('hunter2')
    // The secret is not a setting: it never reaches onSettingsChange (which the app persists).
    expect(JSON.stringify(changes)).not.toContain('hunter')
  })

  it('takes the client secret in a password field described by the warning that it is not secret', async () => {
    const user = userEvent.setup()
    renderForm()

    const secret = input('Client secret (optional)')
    expect(secret.type).toBe('password')
    expect(secret.autocomplete).toBe('off')
    const warning = secretWarning(secret)
    expect(warning.textContent).toContain(
      'Anything typed into a browser app is not secret: whoever can open this page can read it.',
    )
    expect(warning.textContent).toContain('never in storage or a link')

    await user.type(secret, 'hunter2')
    expect(secret.value).toBe('hunter2')
    expect(screen.queryByText('hunter2')).toBeNull()
  })

  it('signs in when "Sign in" is pressed', async () => {
    const user = userEvent.setup()
    const { onSignIn } = renderForm()

    await user.click(screen.getByRole('button', { name: 'Sign in' }))

    expect(onSignIn).toHaveBeenCalledTimes(1)
  })

  it('disables "Sign in" while busy', async () => {
    const user = userEvent.setup()
    const { onSignIn } = renderForm({ busy: true })

    const button = screen.getByRole<HTMLButtonElement>('button', { name: 'Sign in' })
    expect(button.disabled).toBe(true)
    await user.click(button)

    expect(onSignIn).not.toHaveBeenCalled()
  })
})
