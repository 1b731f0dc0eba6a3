import { useEffect, useState } from 'react'

import { ErrorPanel } from '../../components/errors/error-panel'
import { ResourceCall } from '../../features/api-calls/resource-call'
import { UserInfoCall } from '../../features/api-calls/userinfo-call'
import { ProviderSettingsForm } from '../../features/provider-settings/provider-settings-form'
import { RestoreSession } from '../../features/restore/restore-session'
import { ClientSecretPrompt } from '../../features/sign-in/client-secret-prompt'
import { SignOutButton } from '../../features/sign-out/sign-out-button'
import { SignOutReport } from '../../features/sign-out/sign-out-report'
import { TokenInspector } from '../../features/token-inspector/token-inspector'
import { TokenLifecycle } from '../../features/token-lifecycle/token-lifecycle'
import { useSession, useSessionActions } from '../../lib/session-react'
import type { SignedIn } from '../../session'
import { buildSettingsLink } from '../../settings'
import type { Preferences, ProviderSettings } from '../../settings'
import { signInRequestFor } from '../sign-in-request'

export interface HomeProps {
  initialSettings: ProviderSettings
  persistSettings: (settings: ProviderSettings) => void
  initialPreferences: Preferences
  persistPreferences: (preferences: Preferences) => void
  redirectUri: string
  /** origin + base path, for settings links */
  appUrl: string
  /** Said once, at start: e.g. what a settings link could not carry. */
  startupMessages: readonly string[]
}

function SignedInSummary(props: {
  state: SignedIn
  busy: boolean
  onSignOut: () => void
  onForget: () => void
}) {
  const { state } = props
  const claims = state.tokens.idTokenClaims
  const who = [claims?.name, claims?.email, claims?.sub].find(
    (value): value is string => typeof value === 'string',
  )
  return (
    <section className="signed-in" aria-labelledby="signed-in-title">
      <h2 id="signed-in-title">Signed in</h2>
      <p>
        Signed in at <code>{state.issuer}</code>
        {who !== undefined ? (
          <>
            {' '}
            as <strong>{who}</strong>
          </>
        ) : null}
        . The tokens below live in this tab&apos;s memory only: a reload forgets them.
      </p>
      <SignOutButton
        onSignOut={props.onSignOut}
        busy={props.busy}
        hasEndSession={state.client.metadata.end_session_endpoint !== undefined}
        hasRevocation={state.client.metadata.revocation_endpoint !== undefined}
      />
      <p>
        <button type="button" onClick={props.onForget}>
          Forget tokens
        </button>{' '}
        <span className="hint">
          Forgets them here only: nothing is revoked and your session at the provider stays.
        </span>
      </p>
    </section>
  )
}

export function Home(props: HomeProps) {
  const state = useSession()
  const session = useSessionActions()
  const [settings, setSettings] = useState(props.initialSettings)
  const [clientSecret, setClientSecret] = useState('')
  const [preferences, setPreferences] = useState(props.initialPreferences)
  const { persistSettings, persistPreferences } = props

  useEffect(() => {
    persistSettings(settings)
  }, [settings, persistSettings])
  useEffect(() => {
    persistPreferences(preferences)
  }, [preferences, persistPreferences])

  const busy =
    state.status === 'starting' ||
    state.status === 'redirecting' ||
    state.status === 'completing' ||
    state.status === 'signing-out'

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
      {state.status === 'signed-out' && state.signOut && <SignOutReport report={state.signOut} />}
      {state.status === 'signed-out' && state.restorable && !state.error && (
        <RestoreSession
          issuer={state.restorable.issuer}
          clientId={state.restorable.clientId}
          autoRestore={preferences.autoRestore}
          busy={busy}
          onRestore={() => {
            void session.restoreSilently(signInRequestFor(settings, props.redirectUri))
          }}
          onAutoRestoreChange={(autoRestore) => {
            setPreferences({ ...preferences, autoRestore })
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
          {state.silent
            ? 'Restoring the session silently: fetching the provider metadata…'
            : 'Fetching the provider metadata…'}
        </p>
      )}
      {state.status === 'signing-out' && (
        <p className="notice" role="status">
          Signing out: revoking the tokens at the provider…
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
            session.forget()
          }}
        />
      )}
      {state.status === 'signed-in' && (
        <>
          <SignedInSummary
            state={state}
            busy={state.refreshing}
            onSignOut={() => {
              void session.signOut()
            }}
            onForget={() => {
              session.forget()
            }}
          />
          <TokenLifecycle
            state={state}
            onRefreshNow={() => {
              void session.refreshNow()
            }}
            onAutoRefreshChange={(enabled) => {
              session.setAutoRefresh(enabled)
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
          <section className="api-calls" aria-labelledby="api-calls-title">
            <h2 id="api-calls-title">Call an API with the access token</h2>
            <UserInfoCall
              call={state.userinfo}
              hasUserinfoEndpoint={state.client.metadata.userinfo_endpoint !== undefined}
              onCall={() => {
                void session.callUserInfo()
              }}
            />
            <ResourceCall
              call={state.resource}
              {...(state.client.metadata.userinfo_endpoint === undefined
                ? {}
                : { defaultUrl: state.client.metadata.userinfo_endpoint })}
              onCall={(url) => {
                void session.callResource(url)
              }}
            />
          </section>
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
          void session.signIn(signInRequestFor(settings, props.redirectUri, clientSecret))
        }}
      />
    </>
  )
}
