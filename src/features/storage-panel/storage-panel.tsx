import { useViewPreferences } from '../../lib/view-react'
import type { SessionState } from '../../session'

export interface StoredItem {
  where: 'sessionStorage' | 'localStorage'
  key: string
}

/** What each key this app writes holds, in plain words; none of them a token or a secret. */
const MEANINGS: Record<string, string> = {
  'pkce-lab:pending-authorization':
    'The sign-in under way: state, nonce, code_verifier, the issuer and its public metadata and keys. Deleted when the provider sends you back.',
  'pkce-lab:timeline': 'The flow timeline, built by allowlist: no token, code, verifier or secret.',
  'pkce-lab:session-hint':
    'That this tab had a session (issuer and client_id), to offer a silent restore after a reload.',
  'pkce-lab:pending-sign-out': 'The state of a sign-out sent to the provider.',
  'pkce-lab:settings': 'Your provider settings, without the client secret.',
  'pkce-lab:preferences': 'Your preferences: step-through, automatic restore.',
  'pkce-lab:view':
    'How you like the page: the theme, which parts are open and which tab is chosen.',
}

function memoryContents(state: SessionState): string {
  switch (state.status) {
    case 'signed-in': {
      const held = [
        'the access token',
        ...(state.tokens.refresh_token === undefined ? [] : ['the refresh token']),
        ...(state.tokens.id_token === undefined ? [] : ['the ID token']),
      ]
      return `${held.join(', ')}${state.client.clientAuthentication === 'client_secret_post' ? ', and the client secret' : ''}. Gone on reload or when the tab closes.`
    }
    case 'needs-client-secret':
    case 'paused-before-exchange':
      return 'The authorization code and its validated callback, waiting for the exchange.'
    default:
      return 'No token and no secret.'
  }
}

/** What the app keeps where, right now, with one button that forgets all of it. */
export function StoragePanel(props: {
  state: SessionState
  /** Reads the keys in web storage now (never their values), and whether the address has a query. */
  inspect: () => { items: readonly StoredItem[]; addressHasQuery: boolean }
  onForgetEverything: () => void
}) {
  // Read at every render, and rendered again when the view preferences change: choosing a tab or
  // opening a part writes pkce-lab:view, which this panel lists.
  useViewPreferences()
  const { items, addressHasQuery } = props.inspect()
  return (
    <section className="storage-panel" aria-labelledby="storage-panel-title">
      <h2 id="storage-panel-title">What this page keeps, and where</h2>
      <dl>
        <dt>Memory (this tab only)</dt>
        <dd data-testid="storage-memory">{memoryContents(props.state)}</dd>
        <dt>sessionStorage (this tab, until it closes)</dt>
        <dd>
          <StoredList items={items.filter((item) => item.where === 'sessionStorage')} />
        </dd>
        <dt>localStorage (this browser, until you clear it)</dt>
        <dd>
          <StoredList items={items.filter((item) => item.where === 'localStorage')} />
        </dd>
        <dt>The address bar</dt>
        <dd>
          {addressHasQuery
            ? 'Parameters are in the address right now.'
            : 'Nothing: code and state are removed as soon as the callback is handled, and tokens never go into a URL.'}
        </dd>
        <dt>Cookies and IndexedDB</dt>
        <dd>Nothing: this app writes neither. (The provider keeps its own session cookie.)</dd>
      </dl>
      <button type="button" onClick={props.onForgetEverything}>
        Forget everything
      </button>{' '}
      <span className="hint">
        Tokens, secret, pending sign-in, timeline, settings, preferences and theme, in this tab and
        browser.
      </span>
    </section>
  )
}

function StoredList(props: { items: readonly StoredItem[] }) {
  if (props.items.length === 0) return <>Nothing.</>
  return (
    <ul>
      {props.items.map((item) => (
        <li key={item.key}>
          <code>{item.key}</code>: {MEANINGS[item.key] ?? 'Written by this app.'}
        </li>
      ))}
    </ul>
  )
}
