/* global performance */
/**
 * What the two React peers of the benchmark show once signed in: the ID token's claims, "Refresh
 * now" and the refresh history, written once so that only their OAuth library differs. Plain
 * createElement rather than JSX, so they need no build step beyond Vite's defaults.
 */
import { createElement as h, useState } from 'react'

/** @param {unknown} error */
export const message = (error) => (error instanceof Error ? error.message : String(error))

/**
 * @param {{ title: string, claims: Record<string, unknown>, onRefresh: () => Promise<void> }} props
 *   onRefresh: resolves when the tokens were renewed
 */
export function SignedInPage({ title, claims, onRefresh }) {
  const [rows, setRows] = useState(/** @type {{ outcome: string, ms: number }[]} */ ([]))
  const [refreshing, setRefreshing] = useState(false)

  function refresh() {
    const startedAt = performance.now()
    setRefreshing(true)
    /** @param {string} outcome */
    const done = (outcome) => {
      setRows((previous) => [
        { outcome, ms: Math.round(performance.now() - startedAt) },
        ...previous,
      ])
      setRefreshing(false)
    }
    onRefresh().then(
      () => {
        done('ok')
      },
      (/** @type {unknown} */ error) => {
        done(`failed: ${message(error)}`)
      },
    )
  }

  return h(
    'main',
    null,
    h('h1', null, title),
    h('h2', null, 'Signed in'),
    h(
      'table',
      null,
      h('caption', null, 'ID token claims'),
      h(
        'tbody',
        null,
        Object.entries(claims).map(([name, value]) =>
          h(
            'tr',
            { key: name },
            h('th', { scope: 'row' }, name),
            h('td', null, typeof value === 'string' ? value : JSON.stringify(value)),
          ),
        ),
      ),
    ),
    h('button', { type: 'button', disabled: refreshing, onClick: refresh }, 'Refresh now'),
    h(
      'table',
      null,
      h('caption', null, 'Refresh history'),
      h(
        'thead',
        null,
        h('tr', null, h('th', { scope: 'col' }, 'Outcome'), h('th', { scope: 'col' }, 'Duration')),
      ),
      h(
        'tbody',
        null,
        rows.map((row, index) =>
          h(
            'tr',
            { key: rows.length - index },
            h('td', null, row.outcome),
            h('td', null, `${String(row.ms)} ms`),
          ),
        ),
      ),
    ),
  )
}

/**
 * The signed-out page: a heading and "Sign in".
 * @param {{ title: string, busy?: boolean, onSignIn: () => void }} props
 */
export function SignedOutPage({ title, busy = false, onSignIn }) {
  return h(
    'main',
    null,
    h('h1', null, title),
    h('button', { type: 'button', disabled: busy, onClick: onSignIn }, 'Sign in'),
  )
}
