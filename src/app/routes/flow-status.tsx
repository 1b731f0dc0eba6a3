/**
 * What the flow did, or waits for the user to decide, when it is neither idle nor signed in: a failure,
 * a sign-out report, a restore offer, a notice, a step-through pause, the client secret prompt. Loaded
 * on first use: a first visit shows none of it. What it is doing meanwhile is flow-progress.tsx.
 */
import { ClientSecretPrompt } from '../../features/sign-in/client-secret-prompt'
import { RestoreSession } from '../../features/restore/restore-session'
import { SignOutReport } from '../../features/sign-out/sign-out-report'
import {
  PausedBeforeExchange,
  PausedBeforeRedirect,
} from '../../features/sign-in/step-through-pause'
import { ErrorPanel } from '../../components/errors/error-panel'
import { useSessionActions } from '../../lib/session-react'
import type { SessionState } from '../../session'
import { presetById } from '../../settings'
import type { Preferences, ProviderSettings } from '../../settings'
import { restoreRequestFor } from '../sign-in-request'

export interface FlowStatusProps {
  state: SessionState
  busy: boolean
  settings: ProviderSettings
  redirectUri: string
  preferences: Preferences
  onPreferencesChange: (preferences: Preferences) => void
}

export function FlowStatus({
  state,
  busy,
  settings,
  redirectUri,
  preferences,
  onPreferencesChange,
}: FlowStatusProps) {
  const session = useSessionActions()
  const restore =
    state.status === 'signed-out' && state.restorable && !state.error
      ? restoreRequestFor(settings, state.restorable, redirectUri)
      : undefined
  return (
    <>
      {state.status === 'signed-out' && state.error && (
        <ErrorPanel
          error={state.error}
          onDismiss={() => {
            session.dismissMessage()
          }}
        />
      )}
      {state.status === 'signed-out' && state.signOut && (
        <SignOutReport
          report={state.signOut}
          onDismiss={() => {
            session.dismissMessage()
          }}
        />
      )}
      {restore && (
        <RestoreSession
          issuer={restore.marker.issuer}
          clientId={restore.marker.clientId}
          {...(restore.ok ? {} : { formDiffers: restore.form })}
          autoRestore={preferences.autoRestore}
          busy={busy}
          onRestore={() => {
            if (restore.ok) void session.restoreSilently(restore.request)
          }}
          onAutoRestoreChange={(autoRestore) => {
            onPreferencesChange({ ...preferences, autoRestore })
          }}
        />
      )}
      {state.status === 'signed-out' && state.notice && (
        <div className="notice" role="status">
          <p>{state.notice}</p>
          <button
            type="button"
            onClick={() => {
              session.dismissMessage()
            }}
          >
            Dismiss
          </button>
        </div>
      )}
      {state.status === 'paused-before-redirect' && (
        <PausedBeforeRedirect
          timelineId={state.timelineId}
          onContinue={() => {
            session.continueToProvider()
          }}
          onCancel={() => {
            session.forget()
          }}
        />
      )}
      {state.status === 'paused-before-exchange' && (
        <PausedBeforeExchange
          code={state.code}
          codeReceivedAt={state.codeReceivedAt}
          onContinue={() => {
            void session.continueExchange()
          }}
          onCancel={() => {
            session.forget()
          }}
        />
      )}
      {state.status === 'needs-client-secret' && (
        <ClientSecretPrompt
          issuer={state.issuer}
          clientId={state.clientId}
          codeReceivedAt={state.codeReceivedAt}
          publicSecret={
            settings.issuer === state.issuer
              ? presetById(settings.preset)?.publicClientSecret
              : undefined
          }
          onSubmit={(secret) => {
            void session.provideClientSecret(secret)
          }}
          onCancel={() => {
            session.forget()
          }}
        />
      )}
    </>
  )
}
