/**
 * What each parameter of the authorization request, the callback and the token request is for, with
 * the section of the spec that defines it.
 */

export interface ParameterExplanation {
  meaning: string
  spec: string
  specUrl: string
}

const RFC6749 = 'https://www.rfc-editor.org/rfc/rfc6749'
const RFC7636 = 'https://www.rfc-editor.org/rfc/rfc7636'
const OIDC = 'https://openid.net/specs/openid-connect-core-1_0.html'

export const PARAMETER_EXPLANATIONS: ReadonlyMap<string, ParameterExplanation> = new Map([
  [
    'response_type',
    {
      meaning: '"code": the authorization code flow; tokens come only from the token endpoint.',
      spec: 'RFC 6749 §4.1.1',
      specUrl: `${RFC6749}#section-4.1.1`,
    },
  ],
  [
    'client_id',
    {
      meaning: 'Which registered application is asking.',
      spec: 'RFC 6749 §2.2',
      specUrl: `${RFC6749}#section-2.2`,
    },
  ],
  [
    'redirect_uri',
    {
      meaning: 'Where the provider sends the browser back; must match a registered URI exactly.',
      spec: 'RFC 6749 §3.1.2',
      specUrl: `${RFC6749}#section-3.1.2`,
    },
  ],
  [
    'scope',
    {
      meaning: 'What access is asked for; "openid" makes it OpenID Connect.',
      spec: 'RFC 6749 §3.3',
      specUrl: `${RFC6749}#section-3.3`,
    },
  ],
  [
    'state',
    {
      meaning:
        'A random value this tab keeps and expects back unchanged: ties the callback to this request (CSRF).',
      spec: 'RFC 6749 §10.12',
      specUrl: `${RFC6749}#section-10.12`,
    },
  ],
  [
    'nonce',
    {
      meaning:
        'A random value the ID token must carry back: ties the ID token to this request (replay).',
      spec: 'OpenID Connect Core §3.1.2.1',
      specUrl: `${OIDC}#AuthRequest`,
    },
  ],
  [
    'code_challenge',
    {
      meaning:
        'BASE64URL(SHA-256(code_verifier)): proves at the token endpoint that whoever redeems the code started the flow.',
      spec: 'RFC 7636 §4.2',
      specUrl: `${RFC7636}#section-4.2`,
    },
  ],
  [
    'code_challenge_method',
    {
      meaning: '"S256": the challenge is a SHA-256 hash, never the verifier itself ("plain").',
      spec: 'RFC 7636 §4.3',
      specUrl: `${RFC7636}#section-4.3`,
    },
  ],
  [
    'code_verifier',
    {
      meaning:
        'The secret whose hash was sent as code_challenge; sent only here, to the token endpoint.',
      spec: 'RFC 7636 §4.5',
      specUrl: `${RFC7636}#section-4.5`,
    },
  ],
  [
    'prompt',
    {
      meaning: '"login", "consent", "select_account", or "none" for no user interaction at all.',
      spec: 'OpenID Connect Core §3.1.2.1',
      specUrl: `${OIDC}#AuthRequest`,
    },
  ],
  [
    'login_hint',
    {
      meaning: 'Who is expected to sign in, to prefill the login page.',
      spec: 'OpenID Connect Core §3.1.2.1',
      specUrl: `${OIDC}#AuthRequest`,
    },
  ],
  [
    'max_age',
    {
      meaning:
        'Ask for an authentication no older than this many seconds; auth_time is then checked.',
      spec: 'OpenID Connect Core §3.1.2.1',
      specUrl: `${OIDC}#AuthRequest`,
    },
  ],
  [
    'acr_values',
    {
      meaning: 'The authentication strength asked for (e.g. multi-factor).',
      spec: 'OpenID Connect Core §3.1.2.1',
      specUrl: `${OIDC}#AuthRequest`,
    },
  ],
  [
    'access_type',
    {
      meaning: 'Google only: "offline" asks for a refresh token.',
      spec: 'Google OAuth 2.0 for web server apps',
      specUrl: 'https://developers.google.com/identity/protocols/oauth2/web-server#offline',
    },
  ],
  [
    'audience',
    {
      meaning: 'Auth0 and others: which API the access token is for (makes it a JWT at Auth0).',
      spec: 'Auth0 docs',
      specUrl: 'https://auth0.com/docs/secure/tokens/access-tokens/get-access-tokens',
    },
  ],
  [
    'resource',
    {
      meaning: 'Which API (resource server) the access token is for.',
      spec: 'RFC 8707 §2',
      specUrl: 'https://www.rfc-editor.org/rfc/rfc8707#section-2',
    },
  ],
  [
    'code',
    {
      meaning:
        'The authorization code: short-lived, single-use, worthless without the code_verifier.',
      spec: 'RFC 6749 §4.1.2',
      specUrl: `${RFC6749}#section-4.1.2`,
    },
  ],
  [
    'iss',
    {
      meaning:
        'Which issuer sent this response; checked against the one the flow started with (mix-up defence).',
      spec: 'RFC 9207 §2',
      specUrl: 'https://www.rfc-editor.org/rfc/rfc9207#section-2',
    },
  ],
  [
    'session_state',
    {
      meaning: 'Session management state for OpenID Connect Session Management; not used here.',
      spec: 'OpenID Connect Session Management §2',
      specUrl: 'https://openid.net/specs/openid-connect-session-1_0.html',
    },
  ],
  [
    'error',
    {
      meaning: 'Why the provider refused, as an OAuth error code.',
      spec: 'RFC 6749 §4.1.2.1',
      specUrl: `${RFC6749}#section-4.1.2.1`,
    },
  ],
  [
    'error_description',
    {
      meaning: "The provider's explanation, for developers.",
      spec: 'RFC 6749 §4.1.2.1',
      specUrl: `${RFC6749}#section-4.1.2.1`,
    },
  ],
  [
    'grant_type',
    {
      meaning: '"authorization_code" to redeem a code, "refresh_token" to renew.',
      spec: 'RFC 6749 §4.1.3',
      specUrl: `${RFC6749}#section-4.1.3`,
    },
  ],
  [
    'refresh_token',
    {
      meaning: 'The refresh token being redeemed; with rotation it is single-use.',
      spec: 'RFC 6749 §6',
      specUrl: `${RFC6749}#section-6`,
    },
  ],
  [
    'client_secret',
    {
      meaning:
        'The client secret, in the body (never HTTP Basic from a browser: it forces a CORS preflight).',
      spec: 'RFC 6749 §2.3.1',
      specUrl: `${RFC6749}#section-2.3.1`,
    },
  ],
  [
    'id_token_hint',
    {
      meaning: 'The ID token, telling the provider whose session to end.',
      spec: 'RP-Initiated Logout §2',
      specUrl: 'https://openid.net/specs/openid-connect-rpinitiated-1_0.html#RPLogout',
    },
  ],
  [
    'post_logout_redirect_uri',
    {
      meaning: 'Where the provider sends the browser after signing out; must be registered.',
      spec: 'RP-Initiated Logout §3',
      specUrl:
        'https://openid.net/specs/openid-connect-rpinitiated-1_0.html#RedirectionAfterLogout',
    },
  ],
  [
    'request_uri',
    {
      meaning:
        'The reference the pushed authorization request got: the provider already holds every parameter of the request, sent in a POST from this page, so none of them is in this URL, its history or its logs.',
      spec: 'RFC 9126 §4',
      specUrl: 'https://www.rfc-editor.org/rfc/rfc9126#section-4',
    },
  ],
  [
    'expires_in',
    {
      meaning:
        'Seconds the request_uri stays valid: the browser must reach the authorization endpoint before then.',
      spec: 'RFC 9126 §2.2',
      specUrl: 'https://www.rfc-editor.org/rfc/rfc9126#section-2.2',
    },
  ],
  [
    'token',
    {
      meaning: 'The token to revoke.',
      spec: 'RFC 7009 §2.1',
      specUrl: 'https://www.rfc-editor.org/rfc/rfc7009#section-2.1',
    },
  ],
  [
    'token_type_hint',
    {
      meaning: 'Which kind of token is being revoked, to help the provider find it.',
      spec: 'RFC 7009 §2.1',
      specUrl: 'https://www.rfc-editor.org/rfc/rfc7009#section-2.1',
    },
  ],
])
