/* global document, location, history, performance, sessionStorage, URL */
/**
 * The benchmark's reference: the same job as PKCE Lab's happy path (sign in with code + PKCE, show the
 * ID token's claims, refresh on demand) with the bare oauth4webapi + jwt-decode stack and no framework.
 * It does what the libraries' own examples do: discovery on every page that needs the metadata, so
 * the callback page fetches it again before the code exchange. Dev-only: built by `npm run bench`.
 */
import { jwtDecode } from 'jwt-decode'
import * as oauth from 'oauth4webapi'

const issuer = new URL(import.meta.env.VITE_BENCH_ISSUER ?? 'http://127.0.0.1:5680')
const client = { client_id: 'pkce-lab' }
const clientAuth = oauth.None()
const redirectUri = `${location.origin}/callback`
const scope = 'openid profile email offline_access'
// The local provider is plain http on loopback; oauth4webapi refuses http unless told.
const options = { [oauth.allowInsecureRequests]: issuer.protocol === 'http:' }
const TRANSACTION = 'reference-app:transaction'

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

async function discover() {
  const response = await oauth.discoveryRequest(issuer, { ...options, algorithm: 'oidc' })
  return oauth.processDiscoveryResponse(issuer, response)
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
    signIn().catch(showError)
  })
  root.replaceChildren(el('h1', {}, ['Reference app']), button)
}

async function signIn() {
  const as = await discover()
  const codeVerifier = oauth.generateRandomCodeVerifier()
  const codeChallenge = await oauth.calculatePKCECodeChallenge(codeVerifier)
  const state = oauth.generateRandomState()
  const nonce = oauth.generateRandomNonce()
  sessionStorage.setItem(TRANSACTION, JSON.stringify({ codeVerifier, state, nonce }))
  const url = new URL(/** @type {string} */ (as.authorization_endpoint))
  url.searchParams.set('response_type', 'code')
  url.searchParams.set('client_id', client.client_id)
  url.searchParams.set('redirect_uri', redirectUri)
  url.searchParams.set('scope', scope)
  url.searchParams.set('state', state)
  url.searchParams.set('nonce', nonce)
  url.searchParams.set('code_challenge', codeChallenge)
  url.searchParams.set('code_challenge_method', 'S256')
  url.searchParams.set('prompt', 'consent')
  location.assign(url.href)
}

async function completeSignIn() {
  const saved = sessionStorage.getItem(TRANSACTION)
  sessionStorage.removeItem(TRANSACTION)
  if (saved === null) throw new Error('No sign-in is waiting for this callback')
  /** @type {{ codeVerifier: string, state: string, nonce: string }} */
  const transaction = JSON.parse(saved)
  const callbackUrl = new URL(location.href)
  history.replaceState(null, '', '/')
  const as = await discover()
  const parameters = oauth.validateAuthResponse(as, client, callbackUrl, transaction.state)
  const response = await oauth.authorizationCodeGrantRequest(
    as,
    client,
    clientAuth,
    parameters,
    redirectUri,
    transaction.codeVerifier,
    options,
  )
  const tokens = await oauth.processAuthorizationCodeResponse(as, client, response, {
    expectedNonce: transaction.nonce,
    requireIdToken: true,
  })
  renderSignedIn(as, tokens)
}

/**
 * @param {oauth.AuthorizationServer} as
 * @param {oauth.TokenEndpointResponse} first
 */
function renderSignedIn(as, first) {
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
    oauth
      .refreshTokenGrantRequest(
        as,
        client,
        clientAuth,
        /** @type {string} */ (tokens.refresh_token),
        options,
      )
      .then((response) => oauth.processRefreshTokenResponse(as, client, response))
      .then((next) => {
        tokens = { ...next, refresh_token: next.refresh_token ?? tokens.refresh_token }
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
  completeSignIn().catch(showError)
} else {
  renderSignedOut()
}
