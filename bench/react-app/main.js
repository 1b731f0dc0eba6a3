/* global document, location, history, performance, sessionStorage, URL */
/**
 * A benchmark peer: the job of PKCE Lab's happy path (sign in with code + PKCE, show the ID token's
 * claims, refresh on demand) as a developer would build it with React and bare oauth4webapi, the way
 * that library's examples go: discovery on every page that needs the metadata (so the callback page
 * fetches it again before the code exchange), the transaction in sessionStorage. Plain
 * createElement rather than JSX, so it needs no build step beyond Vite's defaults. Dev-only: built
 * by `npm run bench`.
 */
import { jwtDecode } from 'jwt-decode'
import * as oauth from 'oauth4webapi'
import { createElement as h, StrictMode, useEffect, useRef, useState } from 'react'
import { createRoot } from 'react-dom/client'

const issuer = new URL(import.meta.env.VITE_BENCH_ISSUER ?? 'http://127.0.0.1:5680')
const client = { client_id: 'pkce-lab' }
const clientAuth = oauth.None()
const redirectUri = `${location.origin}/callback`
const scope = 'openid profile email offline_access'
// The local provider is plain http on loopback; oauth4webapi refuses http unless told.
const options = { [oauth.allowInsecureRequests]: issuer.protocol === 'http:' }
const TRANSACTION = 'react-peer:transaction'

async function discover() {
  const response = await oauth.discoveryRequest(issuer, { ...options, algorithm: 'oidc' })
  return oauth.processDiscoveryResponse(issuer, response)
}

async function signIn() {
  const as = await discover()
  const codeVerifier = oauth.generateRandomCodeVerifier()
  const codeChallenge = await oauth.calculatePKCECodeChallenge(codeVerifier)
  const state = oauth.generateRandomState()
  const nonce = oauth.generateRandomNonce()
  sessionStorage.setItem(TRANSACTION, JSON.stringify({ codeVerifier, state, nonce }))
  const url = new URL(/** @type {string} */ (as.authorization_endpoint))
  for (const [name, value] of Object.entries({
    response_type: 'code',
    client_id: client.client_id,
    redirect_uri: redirectUri,
    scope,
    state,
    nonce,
    code_challenge: codeChallenge,
    code_challenge_method: 'S256',
    prompt: 'consent',
  })) {
    url.searchParams.set(name, value)
  }
  location.assign(url.href)
}

/** @returns {Promise<{ as: oauth.AuthorizationServer, tokens: oauth.TokenEndpointResponse }>} */
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
  return { as, tokens }
}

/** @param {unknown} error */
const message = (error) => (error instanceof Error ? error.message : String(error))

/** @param {{ as: oauth.AuthorizationServer, first: oauth.TokenEndpointResponse }} props */
function SignedIn({ as, first }) {
  const [tokens, setTokens] = useState(first)
  const [history, setHistory] = useState(/** @type {{ outcome: string, ms: number }[]} */ ([]))
  const [refreshing, setRefreshing] = useState(false)
  const claims = jwtDecode(/** @type {string} */ (tokens.id_token))

  function refresh() {
    const startedAt = performance.now()
    setRefreshing(true)
    /** @param {string} outcome */
    const done = (outcome) => {
      setHistory((rows) => [{ outcome, ms: Math.round(performance.now() - startedAt) }, ...rows])
      setRefreshing(false)
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
        setTokens({ ...next, refresh_token: next.refresh_token ?? tokens.refresh_token })
        done('ok')
      })
      .catch((/** @type {unknown} */ error) => {
        done(`failed: ${message(error)}`)
      })
  }

  return h(
    'main',
    null,
    h('h1', null, 'oauth4webapi + React'),
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
        history.map((row, index) =>
          h(
            'tr',
            { key: history.length - index },
            h('td', null, row.outcome),
            h('td', null, `${String(row.ms)} ms`),
          ),
        ),
      ),
    ),
  )
}

function App() {
  const onCallback = location.pathname === '/callback'
  const [session, setSession] = useState(
    /** @type {{ as: oauth.AuthorizationServer, tokens: oauth.TokenEndpointResponse } | undefined} */ (
      undefined
    ),
  )
  const [error, setError] = useState(/** @type {string | undefined} */ (undefined))
  const [busy, setBusy] = useState(false)
  // Once only, though StrictMode runs effects twice: a code can be exchanged once.
  const started = useRef(false)
  useEffect(() => {
    if (!onCallback || started.current) return
    started.current = true
    completeSignIn().then(setSession, (/** @type {unknown} */ failure) => {
      setError(message(failure))
    })
  }, [onCallback])

  if (error !== undefined) return h('p', { role: 'alert' }, error)
  if (session) return h(SignedIn, { as: session.as, first: session.tokens })
  if (onCallback) return h('p', null, 'Signing in…')
  return h(
    'main',
    null,
    h('h1', null, 'oauth4webapi + React'),
    h(
      'button',
      {
        type: 'button',
        disabled: busy,
        onClick: () => {
          setBusy(true)
          signIn().catch((/** @type {unknown} */ failure) => {
            setError(message(failure))
          })
        },
      },
      'Sign in',
    ),
  )
}

createRoot(/** @type {HTMLElement} */ (document.getElementById('root'))).render(
  h(StrictMode, null, h(App)),
)
