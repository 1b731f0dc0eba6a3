import { Suspense, useDeferredValue, useEffect, useState } from 'react'

import { ProviderSettingsForm } from '../../features/provider-settings/provider-settings-form'
import type { StoredItem } from '../../features/storage-panel/storage-panel'
import { useLoaded } from '../../lib/lazy-component'
import { useSession, useSessionActions, useTimeline } from '../../lib/session-react'
import { buildSettingsLink, DEFAULT_PREFERENCES, DEFAULT_SETTINGS } from '../../settings'
import type { TimelineEntry } from '../../session'
import type { Preferences, ProviderSettings } from '../../settings'
import {
  ClientSecretPrompt,
  ErrorPanel,
  FlowTimeline,
  PausedBeforeExchange,
  PausedBeforeRedirect,
  RestoreSession,
  SequenceDiagram,
  SignedInView,
  SignOutReport,
  preloadTokenViews,
  StoragePanel,
  TOKEN_VIEWS,
} from '../lazy-views'
import { signInRequestFor } from '../sign-in-request'

function Loading(props: { what: string }) {
  return <p className="hint">Loading the {props.what}…</p>
}

const NO_ENTRIES: readonly TimelineEntry[] = []

export interface HomeProps {
  /** The keys this app has in web storage right now (never their values), and the address bar. */
  inspectStorage?: () => { items: readonly StoredItem[]; addressHasQuery: boolean }
  /** Clears settings and preferences too, for "Forget everything". */
  forgetStored?: () => void
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

export function Home(props: HomeProps) {
  const state = useSession()
  // The timeline and the diagram are long: they render just after the rest, so the tokens that
  // arrive with them (after the callback) are on screen first, and not while the code is exchanged,
  // when laying them out would hold up the token response.
  const timeline = useDeferredValue(useTimeline(), NO_ENTRIES)
  const session = useSessionActions()
  // Saying "Loading" until the views of the tokens are here, rather than suspending: React holds
  // content back for up to 300 ms after it has shown a fallback.
  const tokenViewsLoaded = useLoaded(TOKEN_VIEWS, state.status === 'signed-in')
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
    state.status === 'signing-out' ||
    state.status === 'paused-before-redirect' ||
    state.status === 'paused-before-exchange'

  return (
    <>
      {/* The panels of the rarer states load on first use (fetched ahead when the page is idle). */}
      <Suspense fallback={null}>
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
            Completing sign-in: checking the callback and exchanging the code…
          </p>
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
            onSubmit={(secret) => {
              void session.provideClientSecret(secret)
            }}
            onCancel={() => {
              session.forget()
            }}
          />
        )}
      </Suspense>
      {state.status === 'signed-in' &&
        (tokenViewsLoaded ? <SignedInView state={state} /> : <Loading what="token views" />)}
      <ProviderSettingsForm
        settings={settings}
        onSettingsChange={setSettings}
        clientSecret={clientSecret}
        onClientSecretChange={setClientSecret}
        redirectUri={props.redirectUri}
        settingsLink={buildSettingsLink(props.appUrl, settings, props.redirectUri)}
        busy={busy}
        onSignIn={() => {
          void session.signIn(
            signInRequestFor(settings, props.redirectUri, clientSecret, preferences.stepThrough),
          )
          // Fetched while discovery runs, so the callback page finds them in the browser's cache.
          void preloadTokenViews()
        }}
        signInOptions={
          <label className="checkbox">
            <input
              type="checkbox"
              checked={preferences.stepThrough}
              onChange={(event) => {
                setPreferences({ ...preferences, stepThrough: event.target.checked })
              }}
            />{' '}
            Step through: pause before the redirect and before the code exchange
          </label>
        }
      />
      <Suspense fallback={null}>
        {props.inspectStorage && (
          <StoragePanel
            state={state}
            stored={props.inspectStorage().items}
            addressHasQuery={props.inspectStorage().addressHasQuery}
            onForgetEverything={() => {
              session.forget('Everything this page kept was forgotten.')
              props.forgetStored?.()
              setSettings(DEFAULT_SETTINGS)
              setPreferences(DEFAULT_PREFERENCES)
              setClientSecret('')
            }}
          />
        )}
      </Suspense>
      {timeline.length > 0 && state.status !== 'completing' && (
        <Suspense fallback={<Loading what="flow timeline" />}>
          <section className="sequence" aria-labelledby="sequence-title">
            <h2 id="sequence-title">Sequence diagram</h2>
            <SequenceDiagram entries={timeline} />
          </section>
          <FlowTimeline entries={timeline} />
        </Suspense>
      )}
    </>
  )
}
