import { useEffect, useState } from 'react'

import { ErrorPanel } from '../../components/errors/error-panel'
import { ClientSecretPrompt } from '../../features/sign-in/client-secret-prompt'
import { ProviderSettingsForm } from '../../features/provider-settings/provider-settings-form'
import { TokenInspector } from '../../features/token-inspector/token-inspector'
import { useSession, useSessionActions } from '../../lib/session-react'
import { buildSettingsLink, extraParamsToSend } from '../../settings'
import type { ProviderSettings } from '../../settings'
import type { SignedIn } from '../../session'

export interface HomeProps {
  initialSettings: ProviderSettings
  persistSettings: (settings: ProviderSettings) => void
  redirectUri: string
  /** origin + base path, for settings links */
  appUrl: string
  /** Said once, at start: e.g. what a settings link could not carry. */
  startupMessages: readonly string[]
}

function SignedInSummary(props: { state: SignedIn; onForget: () => void }) {
  const claims = props.state.tokens.idTokenClaims
  const who = [claims?.name, claims?.email, claims?.sub].find(
    (value): value is string => typeof value === 'string',
  )
  return (
    <section className="signed-in" aria-labelledby="signed-in-title">
      <h2 id="signed-in-title">Signed in</h2>
      <p>
        Signed in at <code>{props.state.issuer}</code>
        {who !== undefined ? (
          <>
            {' '}
            as <strong>{who}</strong>
          </>
        ) : null}
        . The tokens below live in this tab&apos;s memory only: a reload forgets them.
      </p>
      <button type="button" onClick={props.onForget}>
        Forget tokens
      </button>{' '}
      <span className="hint">
        Forgets them here; your session at the provider stays, so signing in again may not ask for a
        password.
      </span>
    </section>
  )
}

export function Home(props: HomeProps) {
  const state = useSession()
  const session = useSessionActions()
  const [settings, setSettings] = useState(props.initialSettings)
  const [clientSecret, setClientSecret] = useState('')
  const { persistSettings } = props

  useEffect(() => {
    persistSettings(settings)
  }, [settings, persistSettings])

  const busy =
    state.status === 'starting' || state.status === 'redirecting' || state.status === 'completing'

  return (
    <>
      {props.startupMessages.length > 0 && (
        <div className="notice" role="status">
          <ul>
            {props.startupMessages.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </div>
      )}
      {state.status === 'signed-out' && state.error && (
        <ErrorPanel
          error={state.error}
          onDismiss={() => {
            session.dismissMessage()
          }}
        />
      )}
      {state.status === 'signed-out' && state.notice && (
        <p className="notice" role="status">
          {state.notice}
        </p>
      )}
      {state.status === 'starting' && (
        <p className="notice" role="status">
          Fetching the provider metadata…
        </p>
      )}
      {state.status === 'redirecting' && (
        <p className="notice" role="status">
          Going to the provider…
        </p>
      )}
      {state.status === 'completing' && (
        <p className="notice" role="status">
          Exchanging the code at the token endpoint…
        </p>
      )}
      {state.status === 'needs-client-secret' && (
        <ClientSecretPrompt
          issuer={state.issuer}
          clientId={state.clientId}
          codeReceivedAt={state.codeReceivedAt}
          onSubmit={(secret) => {
            void session.provideClientSecret(secret)
          }}
          onCancel={() => {
            session.signOut()
          }}
        />
      )}
      {state.status === 'signed-in' && (
        <>
          <SignedInSummary
            state={state}
            onForget={() => {
              session.signOut()
            }}
          />
          <TokenInspector
            tokens={{
              ...(state.tokens.id_token === undefined ? {} : { idToken: state.tokens.id_token }),
              accessToken: state.tokens.access_token,
              tokenType: state.tokens.token_type,
              ...(state.tokens.scope === undefined ? {} : { scope: state.tokens.scope }),
              ...(state.tokens.accessTokenExpiresAt === undefined
                ? {}
                : { accessTokenExpiresAt: state.tokens.accessTokenExpiresAt }),
              ...(state.tokens.refresh_token === undefined
                ? {}
                : { refreshToken: state.tokens.refresh_token }),
            }}
            idTokenChecks={state.idTokenChecks}
          />
        </>
      )}
      <ProviderSettingsForm
        settings={settings}
        onSettingsChange={setSettings}
        clientSecret={clientSecret}
        onClientSecretChange={setClientSecret}
        redirectUri={props.redirectUri}
        settingsLink={buildSettingsLink(props.appUrl, settings, props.redirectUri)}
        busy={busy}
        onSignIn={() => {
          void session.signIn({
            issuer: settings.issuer,
            clientId: settings.clientId,
            ...(clientSecret ? { clientSecret } : {}),
            scope: settings.scope,
            extraParams: extraParamsToSend(settings),
            redirectUri: props.redirectUri,
          })
        }}
      />
    </>
  )
}
