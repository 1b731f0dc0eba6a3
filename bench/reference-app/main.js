/* global document, location, performance */
/**
 * The benchmark's reference: the same job as PKCE Lab's happy path (sign in with code + PKCE, show the
 * ID token's claims, refresh on demand) with the bare oauth4webapi + jwt-decode stack and no framework.
 * The protocol steps (../oauth4webapi-flow.js) are the React peer's; only the page is written by
 * hand. Dev-only: built by `npm run bench`.
 */
import { jwtDecode } from 'jwt-decode'

import { oauth4webapiFlow } from '../oauth4webapi-flow.js'

const flow = oauth4webapiFlow('reference-app:transaction')
const root = /** @type {HTMLElement} */ (document.getElementById('root'))

/**
 * @param {string} tag
 * @param {Record<string, string>} [attributes]
 * @param {(Node | string)[]} [children]
 */
function el(tag, attributes = {}, children = []) {
  const node = document.createElement(tag)
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value)
  node.append(...children)
  return node
}

/** @param {unknown} error */
function showError(error) {
  root.replaceChildren(
    el('h1', {}, ['Reference app']),
    el('p', { role: 'alert' }, [error instanceof Error ? error.message : String(error)]),
  )
}

function renderSignedOut() {
  const button = el('button', { type: 'button' }, ['Sign in'])
  button.addEventListener('click', () => {
    button.setAttribute('disabled', '')
    flow.signIn().catch(showError)
  })
  root.replaceChildren(el('h1', {}, ['Reference app']), button)
}

/** @param {Awaited<ReturnType<typeof flow.completeSignIn>>} session */
function renderSignedIn({ as, tokens: first }) {
  let tokens = first
  const claims = jwtDecode(/** @type {string} */ (tokens.id_token))
  const claimRows = Object.entries(claims).map(([name, value]) =>
    el('tr', {}, [
      el('th', { scope: 'row' }, [name]),
      el('td', {}, [typeof value === 'string' ? value : JSON.stringify(value)]),
    ]),
  )
  const historyBody = el('tbody')
  const historyTable = el('table', {}, [
    el('caption', {}, ['Refresh history']),
    el('thead', {}, [
      el('tr', {}, [
        el('th', { scope: 'col' }, ['Outcome']),
        el('th', { scope: 'col' }, ['Duration']),
      ]),
    ]),
    historyBody,
  ])
  const refreshButton = el('button', { type: 'button' }, ['Refresh now'])
  refreshButton.addEventListener('click', () => {
    const startedAt = performance.now()
    refreshButton.setAttribute('disabled', '')
    /** @param {string} outcome */
    const addRow = (outcome) => {
      historyBody.prepend(
        el('tr', {}, [
          el('td', {}, [outcome]),
          el('td', {}, [`${String(Math.round(performance.now() - startedAt))} ms`]),
        ]),
      )
      refreshButton.removeAttribute('disabled')
    }
    flow
      .refresh(as, tokens)
      .then((next) => {
        tokens = next
        addRow('ok')
      })
      .catch((/** @type {unknown} */ error) => {
        addRow(`failed: ${error instanceof Error ? error.message : String(error)}`)
      })
  })
  root.replaceChildren(
    el('h1', {}, ['Reference app']),
    el('h2', {}, ['Signed in']),
    el('table', {}, [el('caption', {}, ['ID token claims']), el('tbody', {}, claimRows)]),
    refreshButton,
    historyTable,
  )
}

if (location.pathname === '/callback') {
  flow.completeSignIn().then(renderSignedIn).catch(showError)
} else {
  renderSignedOut()
}
