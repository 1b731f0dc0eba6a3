/* global location, history, sessionStorage, URL */
/**
 * The sign-in, callback and refresh of the two benchmark apps built on bare oauth4webapi (the
 * framework-free reference and the React peer), written once so that only their UI differs. It does
 * what the library's own examples do: discovery on every page that needs the metadata, so the
 * callback page fetches it again before the code exchange; the transaction in sessionStorage.
 */
import * as oauth from 'oauth4webapi'

const issuer = new URL(import.meta.env.VITE_BENCH_ISSUER ?? 'http://127.0.0.1:5680')
const client = { client_id: 'pkce-lab' }
const clientAuth = oauth.None()
const scope = 'openid profile email offline_access'
// The local provider is plain http on loopback; oauth4webapi refuses http unless told.
const options = { [oauth.allowInsecureRequests]: issuer.protocol === 'http:' }

async function discover() {
  const response = await oauth.discoveryRequest(issuer, { ...options, algorithm: 'oidc' })
  return oauth.processDiscoveryResponse(issuer, response)
}

/** @param {string} transactionKey where the app keeps the sign-in between the redirects */
export function oauth4webapiFlow(transactionKey) {
  const redirectUri = `${location.origin}/callback`
  return {
    async signIn() {
      const as = await discover()
      const codeVerifier = oauth.generateRandomCodeVerifier()
      const codeChallenge = await oauth.calculatePKCECodeChallenge(codeVerifier)
      const state = oauth.generateRandomState()
      const nonce = oauth.generateRandomNonce()
      sessionStorage.setItem(transactionKey, JSON.stringify({ codeVerifier, state, nonce }))
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
        // The local provider issues a refresh token for offline_access only after consent.
        prompt: 'consent',
      })) {
        url.searchParams.set(name, value)
      }
      location.assign(url.href)
    },

    /** @returns {Promise<{ as: oauth.AuthorizationServer, tokens: oauth.TokenEndpointResponse }>} */
    async completeSignIn() {
      const saved = sessionStorage.getItem(transactionKey)
      sessionStorage.removeItem(transactionKey)
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
    },

    /**
     * @param {oauth.AuthorizationServer} as
     * @param {oauth.TokenEndpointResponse} tokens
     * @returns {Promise<oauth.TokenEndpointResponse>} the new tokens, the old refresh token kept
     *   when no new one came
     */
    async refresh(as, tokens) {
      const response = await oauth.refreshTokenGrantRequest(
        as,
        client,
        clientAuth,
        /** @type {string} */ (tokens.refresh_token),
        options,
      )
      const next = await oauth.processRefreshTokenResponse(as, client, response)
      return { ...next, refresh_token: next.refresh_token ?? tokens.refresh_token }
    },
  }
}
