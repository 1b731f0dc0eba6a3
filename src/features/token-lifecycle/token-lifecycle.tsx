import './token-lifecycle.css'

import { useId } from 'react'

import { explainError } from '../../components/errors/error-explanations'
import { useNowSeconds } from '../../components/ui/use-now'
import type { RefreshRecord, SignedIn } from '../../session'
import { AccessTokenCountdown } from './access-token-countdown'
import { formatTimeOfDay, STRATEGY_WORDS } from './lifecycle-words'
import { NextRefresh } from './next-refresh'

export interface TokenLifecycleProps {
  state: SignedIn
  onRefreshNow: () => void
  onAutoRefreshChange: (enabled: boolean) => void
}

/** What a screen reader hears when a renewal ends; it changes only when a new record arrives. */
function announcement(latest: RefreshRecord | undefined): string {
  if (latest === undefined) return ''
  // The start time, so the announcement matches the first column of the history table.
  const time = formatTimeOfDay(latest.startedAt)
  if (latest.outcome === 'ok') return `Access token refreshed at ${time}`
  // The time keeps two identical failures in a row distinct, so the second is announced too.
  const title = latest.error === undefined ? 'unknown error' : explainError(latest.error).title
  return `Refresh failed at ${time}: ${title}`
}

/**
 * The access token's life at a glance, for the signed-in status band: how long it has left, how and
 * when it is renewed, and the controls. Every renewal so far is the refresh history, in the Tokens
 * tab. Driven by the session state alone; the two callbacks are the only way it acts.
 */
export function TokenLifecycle({ state, onRefreshNow, onAutoRefreshChange }: TokenLifecycleProps) {
  const headingId = useId()
  const reasonId = useId()
  const switchHintId = useId()
  const nowSeconds = useNowSeconds()
  const cannotRenew = state.strategy === 'none'

  return (
    <section className="token-lifecycle" aria-labelledby={headingId}>
      <h3 id={headingId} className="visually-hidden">
        Token lifecycle
      </h3>
      <AccessTokenCountdown
        expiresAt={state.tokens.accessTokenExpiresAt}
        lifetime={state.tokens.expires_in}
        nowSeconds={nowSeconds}
        canRenew={!cannotRenew}
      />
      <dl className="token-lifecycle__facts">
        <dt>Renewal strategy</dt>
        <dd data-testid="renewal-strategy">
          {STRATEGY_WORDS[state.strategy]}
          {state.strategy === 'silent_iframe' && (
            <>
              . It needs the provider&rsquo;s session cookie in a third-party frame, which browsers
              increasingly block; when they do, you have to sign in again.
            </>
          )}
        </dd>
        <dt>Next refresh</dt>
        <dd data-testid="next-refresh">
          <NextRefresh state={state} nowSeconds={nowSeconds} />
        </dd>
      </dl>
      <div className="token-lifecycle__controls">
        <button
          type="button"
          disabled={state.refreshing || cannotRenew}
          aria-describedby={cannotRenew ? reasonId : undefined}
          onClick={onRefreshNow}
        >
          Refresh now
        </button>
        {state.refreshing && (
          <span className="progress-line token-lifecycle__muted">
            <span className="spinner" aria-hidden="true" /> Refreshing…
          </span>
        )}
        <label className="token-lifecycle__switch">
          <input
            type="checkbox"
            role="switch"
            checked={state.autoRefresh}
            disabled={cannotRenew}
            aria-describedby={cannotRenew ? reasonId : switchHintId}
            onChange={(event) => {
              onAutoRefreshChange(event.target.checked)
            }}
          />{' '}
          Automatic refresh
        </label>
      </div>
      {cannotRenew ? (
        <p id={reasonId} className="token-lifecycle__muted">
          Nothing to renew with: the provider issued no refresh token and silent renewal is not
          available here.
        </p>
      ) : (
        <p id={switchHintId} className="token-lifecycle__muted">
          When on, the app renews the access token shortly before it expires, and again after a
          network failure.
        </p>
      )}
      <p role="status" aria-live="polite" className="token-lifecycle__announcement">
        {announcement(state.history[0])}
      </p>
    </section>
  )
}
