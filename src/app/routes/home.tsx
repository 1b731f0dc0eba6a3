import { lazy, Suspense, useEffect, useState } from 'react'

import { Disclosure } from '../../components/ui/disclosure'
import { focusOnArrival } from '../../components/ui/focus-on-arrival'
import { ProviderSettingsForm } from '../../features/provider-settings/provider-settings-form'
import { SettingsLinkReview } from '../../features/settings-link/settings-link-review'
import { StoragePanel } from '../../features/storage-panel/storage-panel'
import type { StoredItem } from '../../features/storage-panel/storage-panel'
import { useSession, useSessionActions, useTimeline } from '../../lib/session-react'
import { useOpenSection } from '../../lib/view-react'
import { buildSettingsLink, DEFAULT_PREFERENCES, DEFAULT_SETTINGS } from '../../settings'
import type { SessionState } from '../../session'
import type { ParsedSettingsLink, Preferences, ProviderSettings } from '../../settings'
import { needsFlowViews, useFlowViews } from '../flow-views-context'
import { signInRequestFor } from '../sign-in-request'
import { FlowProgress, isInProgress, progressText } from './flow-progress'

function Loading(props: { what: string }) {
  return <p className="hint">Loading the {props.what}…</p>
}

/**
 * Whether the flow has something to tell or ask (a failure, a notice, a pause…): a first visit has
 * not, and neither has a flow that only waits for an answer.
 */
function hasFlowStatus(state: SessionState): boolean {
  if (state.status === 'signed-in' || isInProgress(state)) return false
  if (state.status !== 'signed-out') return true
  return Boolean(state.error ?? state.signOut ?? state.restorable ?? state.notice)
}

/**
 * The provider check runs on the protocol layer, which is in the page's second chunk: its panel comes
 * with that chunk, fetched when its part is first opened. Nothing of it is needed to sign in.
 */
const ProviderCheckPanel = lazy(async () => ({
  default: (await import('../flow-views')).ProviderCheckPanel,
}))

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
  /** What a settings link in the address proposes: shown for review, used only once accepted. */
  settingsLink?: ParsedSettingsLink
  /** The browser denies web storage: nothing can cross the redirect, so no sign-in can finish. */
  storageDenied?: boolean
}

export function Home(props: HomeProps) {
  const state = useSession()
  const timeline = useTimeline()
  const session = useSessionActions()
  const flowViews = useFlowViews()
  const views = flowViews.status === 'loaded' ? flowViews.views : undefined
  const [settings, setSettings] = useState(props.initialSettings)
  const [checkOpen] = useOpenSection('provider-check')
  const [clientSecret, setClientSecret] = useState('')
  const [preferences, setPreferences] = useState(props.initialPreferences)
  const [linkInReview, setLinkInReview] = useState(props.settingsLink !== undefined)
  /** The settings a link replaced, until the user keeps the link's or goes back to them. */
  const [beforeLink, setBeforeLink] = useState<ProviderSettings>()
  const { initialSettings, initialPreferences, persistSettings, persistPreferences } = props

  // What the page opens with is remembered (a settings link's too), then each change as it is made;
  // "Forget everything" goes back to the defaults without remembering them.
  useEffect(() => {
    persistSettings(initialSettings)
  }, [initialSettings, persistSettings])
  useEffect(() => {
    persistPreferences(initialPreferences)
  }, [initialPreferences, persistPreferences])
  const changeSettings = (next: ProviderSettings) => {
    setSettings(next)
    persistSettings(next)
  }
  const changePreferences = (next: Preferences) => {
    setPreferences(next)
    persistPreferences(next)
  }

  const busy =
    isInProgress(state) ||
    state.status === 'paused-before-redirect' ||
    state.status === 'paused-before-exchange'
  // While the code is exchanged the page says so and shows nothing else: the form could not be used
  // and the tokens are not here yet. Signed in, the workspace draws its band and one tab only.
  const settled = state.status !== 'completing'
  // While a sign-in the Sign in button started is under way, the button says what it waits for.
  const formShowsProgress =
    (state.status === 'starting' && !state.silent) || state.status === 'redirecting'
  const storagePanel = props.inspectStorage && (
    <StoragePanel
      state={state}
      inspect={props.inspectStorage}
      onForgetEverything={() => {
        session.forget('Everything this page kept was forgotten.')
        props.forgetStored?.()
        setSettings(DEFAULT_SETTINGS)
        setPreferences(DEFAULT_PREFERENCES)
        setClientSecret('')
      }}
    />
  )

  return (
    <>
      {props.storageDenied && (
        <p className="notice" role="alert" ref={focusOnArrival} tabIndex={-1}>
          This browser denies this page its storage (a sandboxed frame, or a private mode that
          blocks it), so a sign-in cannot finish: what must cross the redirect to the provider and
          back would be lost. Decoding a pasted token still works; open the page in a normal tab to
          sign in.
        </p>
      )}
      {props.settingsLink && linkInReview && (
        <SettingsLinkReview
          link={props.settingsLink}
          redirectUri={props.redirectUri}
          onAccept={(fromLink) => {
            setBeforeLink(settings)
            changeSettings(fromLink)
            setLinkInReview(false)
          }}
          onRefuse={() => {
            setLinkInReview(false)
          }}
        />
      )}
      {beforeLink && (
        <p className="notice" role="status">
          The settings from the link are in use; Sign in when you are ready.{' '}
          <button
            type="button"
            onClick={() => {
              changeSettings(beforeLink)
              setBeforeLink(undefined)
            }}
          >
            Undo: back to my settings
          </button>
        </p>
      )}
      <FlowProgress state={state} shownByButton={formShowsProgress} />
      {flowViews.status === 'failed' && needsFlowViews(state, timeline) && (
        <p className="notice" role="alert" ref={focusOnArrival} tabIndex={-1}>
          This page could not load the part that shows the flow (the tokens, any failure, the
          timeline): check the connection, then reload the page.
        </p>
      )}
      {views && hasFlowStatus(state) && (
        <views.FlowStatus
          state={state}
          busy={busy}
          settings={settings}
          redirectUri={props.redirectUri}
          preferences={preferences}
          onPreferencesChange={changePreferences}
        />
      )}
      {state.status === 'signed-in' &&
        (views ? (
          <views.SignedInView state={state} storage={storagePanel} />
        ) : (
          <Loading what="token views" />
        ))}
      {settled && state.status !== 'signed-in' && (
        <ProviderSettingsForm
          settings={settings}
          onSettingsChange={changeSettings}
          clientSecret={clientSecret}
          onClientSecretChange={setClientSecret}
          redirectUri={props.redirectUri}
          settingsLink={buildSettingsLink(props.appUrl, settings, props.redirectUri)}
          busy={busy || props.storageDenied === true}
          {...(formShowsProgress ? { working: progressText(state) } : {})}
          onSignIn={() => {
            void session.signIn(
              signInRequestFor(settings, props.redirectUri, clientSecret, preferences.stepThrough),
            )
          }}
          signInOptions={
            <label className="checkbox">
              <input
                type="checkbox"
                checked={preferences.stepThrough}
                onChange={(event) => {
                  changePreferences({ ...preferences, stepThrough: event.target.checked })
                }}
              />{' '}
              Step through: pause before the redirect and before the code exchange
            </label>
          }
        />
      )}
      {settled && state.status !== 'signed-in' && (
        <Disclosure
          id="provider-check"
          summary="Check this provider: what a browser app can rely on"
        >
          {checkOpen && (
            <Suspense fallback={<Loading what="provider check" />}>
              <ProviderCheckPanel
                issuer={settings.issuer}
                clientId={settings.clientId}
                redirectUri={props.redirectUri}
                signedIn={false}
              />
            </Suspense>
          )}
        </Disclosure>
      )}
      {timeline.length > 0 &&
        settled &&
        state.status !== 'signed-in' &&
        (views ? <views.FlowPanels entries={timeline} /> : <Loading what="flow timeline" />)}
      {settled && state.status !== 'signed-in' && storagePanel && (
        <Disclosure id="storage-panel" summary="What this page keeps, and where">
          {storagePanel}
        </Disclosure>
      )}
    </>
  )
}
