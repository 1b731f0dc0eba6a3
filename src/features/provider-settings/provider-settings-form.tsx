import { useEffect, useId, useRef, useState } from 'react'
import type { ReactNode } from 'react'

import { CopyButton } from '../../components/ui/copy-button'
import { Disclosure } from '../../components/ui/disclosure'
import { ArrowIcon } from '../../components/ui/icons'
import { IssuerHost } from '../../components/ui/issuer-host'
import { presetById, PRESETS, settingsFromPreset } from '../../settings'
import type { ProviderSettings } from '../../settings'
import { ExtraParamsEditor } from './extra-params-editor'

import './provider-settings.css'

export interface ProviderSettingsFormProps {
  settings: ProviderSettings
  onSettingsChange: (settings: ProviderSettings) => void
  /** Held in memory by the parent; never stored, never in a link. */
  clientSecret: string
  onClientSecretChange: (secret: string) => void
  redirectUri: string
  settingsLink: string
  busy: boolean
  onSignIn: () => void
  /** Options shown next to the Sign in button (e.g. step-through mode). */
  signInOptions?: ReactNode
  /** What the Sign in button says while the flow it started is at work ("Fetching discovery…"). */
  working?: string
}

/**
 * The first screen: which provider a sign-in goes to, the "Sign in" button and what will happen;
 * below it the full settings (provider, client, scopes, extra parameters, the redirect URI to
 * register), collapsed to one line once they are complete.
 */
export function ProviderSettingsForm(props: ProviderSettingsFormProps) {
  const { settings, onSettingsChange } = props
  const id = useId()
  const preset = presetById(settings.preset)
  const change = (patch: Partial<ProviderSettings>) => {
    onSettingsChange({ ...settings, ...patch })
  }
  const secretWarningId = `${id}-secret-warning`
  const secretMissingId = `${id}-secret-missing`
  const secretInput = useRef<HTMLInputElement>(null)
  const secretRequired = preset?.needsClientSecret === true
  // Asked before the redirect: without it the user would log in first and only then learn that the
  // code cannot be exchanged.
  const [secretMissing, setSecretMissing] = useState(false)
  // Settings that cannot be used yet stay open: the browser could not point at a hidden field.
  const complete = URL.canParse(settings.issuer) && settings.clientId.trim() !== ''
  useEffect(() => {
    if (secretMissing) secretInput.current?.focus()
  }, [secretMissing])

  return (
    <form
      className="provider-settings"
      aria-label="Provider settings"
      onSubmit={(event) => {
        event.preventDefault()
        if (secretRequired && props.clientSecret === '') {
          setSecretMissing(true)
          secretInput.current?.focus()
          return
        }
        setSecretMissing(false)
        props.onSignIn()
      }}
    >
      <section className="start card" aria-labelledby={`${id}-start`}>
        <h2 id={`${id}-start`}>Sign in, then see your tokens</h2>
        <p className="start__provider">
          Provider: <strong>{preset?.label ?? 'Custom'}</strong>
          {settings.issuer !== '' && (
            <>
              {' '}
              at <IssuerHost issuer={settings.issuer} />
            </>
          )}
        </p>
        <div className="actions">
          <button type="submit" className="primary start__sign-in" disabled={props.busy}>
            {props.working === undefined ? (
              <>
                Sign in <ArrowIcon />
              </>
            ) : (
              <>
                <span className="spinner" aria-hidden="true" /> Sign in
              </>
            )}
          </button>
          {props.working !== undefined && (
            <span className="progress-line" role="status" data-testid="sign-in-progress">
              {props.working}
            </span>
          )}
        </div>
        {props.signInOptions}
        <ol className="what-next" aria-label="What happens next">
          <li>You go to the provider and log in there.</li>
          <li>It sends you back here with a one-time code.</li>
          <li>This page exchanges the code for tokens and shows them decoded.</li>
        </ol>
        <p className="hint start__promise">
          Nothing leaves this tab but the requests to the provider: the tokens stay in its memory.
        </p>
      </section>

      <Disclosure
        id="provider-settings"
        className="settings-panel"
        forceOpen={!complete || secretMissing}
        summary={
          <>
            Settings: {preset?.label ?? 'Custom'} · client <code>{settings.clientId || '—'}</code> ·
            scopes <code>{settings.scope || '—'}</code>
          </>
        }
      >
        <div className="field">
          <label htmlFor={`${id}-preset`}>Preset</label>
          <select
            id={`${id}-preset`}
            value={settings.preset}
            onChange={(event) => {
              const chosen = presetById(event.target.value)
              if (chosen) onSettingsChange(settingsFromPreset(chosen))
            }}
          >
            {PRESETS.map((option) => (
              <option key={option.id} value={option.id}>
                {option.label}
              </option>
            ))}
          </select>
        </div>

        {preset && (
          <aside className="preset-notes" aria-label={`About ${preset.label}`}>
            <h3>About {preset.label}</h3>
            <ul>
              {preset.notes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          </aside>
        )}

        <div className="field">
          <label htmlFor={`${id}-issuer`}>Issuer URL</label>
          <input
            id={`${id}-issuer`}
            type="url"
            required
            value={settings.issuer}
            placeholder={preset?.issuerHint}
            spellCheck={false}
            autoCapitalize="off"
            onChange={(event) => {
              change({ issuer: event.target.value })
            }}
          />
          <p className="hint">
            Its /.well-known/openid-configuration is fetched when you sign in.
            {preset?.issuerHint ? ` ${preset.issuerHint}.` : ''}
          </p>
        </div>

        <div className="field">
          <label htmlFor={`${id}-client-id`}>Client ID</label>
          <input
            id={`${id}-client-id`}
            required
            value={settings.clientId}
            placeholder={preset?.clientIdHint}
            spellCheck={false}
            autoCapitalize="off"
            onChange={(event) => {
              change({ clientId: event.target.value })
            }}
          />
        </div>

        <div className="field">
          <label htmlFor={`${id}-secret`}>
            Client secret {secretRequired ? '(required by this provider)' : '(optional)'}
          </label>
          <div className="with-button">
            <input
              ref={secretInput}
              id={`${id}-secret`}
              type="password"
              autoComplete="off"
              value={props.clientSecret}
              aria-describedby={
                secretMissing ? `${secretMissingId} ${secretWarningId}` : secretWarningId
              }
              aria-invalid={secretMissing ? true : undefined}
              spellCheck={false}
              onChange={(event) => {
                setSecretMissing(false)
                props.onClientSecretChange(event.target.value)
              }}
            />
            {preset?.publicClientSecret !== undefined && (
              <button
                type="button"
                onClick={() => {
                  setSecretMissing(false)
                  props.onClientSecretChange(preset.publicClientSecret ?? '')
                }}
              >
                Fill in its public secret
              </button>
            )}
          </div>
          {secretMissing && (
            <p id={secretMissingId} role="alert" className="field-error">
              This provider demands the client secret at its token endpoint, even with PKCE: enter
              it before signing in, or the code would come back unusable.
            </p>
          )}
          <p id={secretWarningId} className="warning">
            Anything typed into a browser app is not secret: whoever can open this page can read it.
            Use a secret only where the provider demands one even with PKCE (Google), and only for a
            test client. PKCE Lab keeps it in this tab&apos;s memory only — never in storage or a
            link — so it asks for it again when the provider sends you back.
            {preset?.needsClientSecret ? ' This provider demands one.' : ''}
          </p>
        </div>

        <div className="field">
          <label htmlFor={`${id}-scope`}>Scopes</label>
          <input
            id={`${id}-scope`}
            value={settings.scope}
            spellCheck={false}
            autoCapitalize="off"
            onChange={(event) => {
              change({ scope: event.target.value })
            }}
          />
          <p className="hint">
            Space-separated. openid makes it OpenID Connect: an ID token comes back.
          </p>
        </div>

        <ExtraParamsEditor
          params={settings.extraParams}
          onChange={(extraParams) => {
            change({ extraParams })
          }}
        />

        <CheckboxField
          id={`${id}-par`}
          label="Push the authorization request first (PAR, RFC 9126)"
          checked={settings.pushedAuthorization}
          onChange={(pushedAuthorization) => {
            change({ pushedAuthorization })
          }}
          hint="The parameters go to the provider in a POST from this page, and the browser is sent with only client_id and a request_uri: nothing of the request is in the address bar. Needs a provider that advertises pushed_authorization_request_endpoint; where the provider requires it (require_pushed_authorization_requests), it is done anyway."
        />

        <CheckboxField
          id={`${id}-dpop`}
          label="Bind the tokens to a key of this page (DPoP, RFC 9449)"
          checked={settings.dpop}
          onChange={(dpop) => {
            change({ dpop })
          }}
          hint="A key pair is made in this page, its private key locked inside the browser, and every token request, refresh and API call carries a fresh proof signed with it: a copied token is useless without the key. Needs a provider that advertises dpop_signing_alg_values_supported with ES256, and CORS that allows the DPoP header."
        />

        <div className="field">
          <label htmlFor={`${id}-redirect-uri`}>Redirect URI (register this at the provider)</label>
          <div className="with-button">
            <input id={`${id}-redirect-uri`} readOnly value={props.redirectUri} />
            <CopyButton text={props.redirectUri} label="Copy redirect URI" />
          </div>
        </div>

        <div className="actions">
          <CopyButton text={props.settingsLink} label="Copy settings link" />
        </div>
        <p className="hint">
          The settings link carries these settings but never the client secret.
        </p>
      </Disclosure>
    </form>
  )
}

/** An option of the sign-in: a checkbox, its label, and a hint that says what it does. */
function CheckboxField(props: {
  id: string
  label: string
  checked: boolean
  onChange: (checked: boolean) => void
  hint: string
}) {
  return (
    <div className="field">
      <label>
        <input
          type="checkbox"
          checked={props.checked}
          aria-describedby={`${props.id}-hint`}
          onChange={(event) => {
            props.onChange(event.target.checked)
          }}
        />{' '}
        {props.label}
      </label>
      <p id={`${props.id}-hint`} className="hint">
        {props.hint}
      </p>
    </div>
  )
}
