// @vitest-environment happy-dom
import { cleanup, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'

import JwtVsOauthPage from '../../src/features/jwt-vs-oauth/jwt-vs-oauth-page'
import type { ClientContext, TokenSet } from '../../src/oidc'
import type { Session, SessionState, SignedIn } from '../../src/session'
import { renderStrict } from '../support/render'

const ISSUER = 'https://op.example'
const CLIENT_ID = 'pkce-lab'
const SUB = 'user-248289761001'

function base64url(value: unknown): string {
  return btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')
}

function jwt(header: Record<string, unknown>, payload: Record<string, unknown>): string {
  return `${base64url(header)}.${base64url(payload)}.c2lnbmF0dXJl`
}

const ID_TOKEN = jwt({ alg: 'RS256' }, { iss: ISSUER, aud: CLIENT_ID, sub: SUB })

/** Only what useSession reads; the page calls no action. */
function fakeSession(state: SessionState): Session {
  const readOnly: Pick<Session, 'getSnapshot' | 'subscribe'> = {
    getSnapshot: () => state,
    subscribe: () => () => undefined,
  }
  return readOnly as Session
}

function signedIn(
  options: {
    issuer?: string
    accessToken?: string
    tokens?: Partial<TokenSet>
    clientAuthentication?: ClientContext['clientAuthentication']
  } = {},
): SignedIn {
  const issuer = options.issuer ?? ISSUER
  return {
    status: 'signed-in',
    client: {
      metadata: {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        userinfo_endpoint: `${issuer}/userinfo`,
      },
      clientId: CLIENT_ID,
      idTokenAlg: 'RS256',
      clientAuthentication: options.clientAuthentication ?? 'none',
    },
    tokens: {
      access_token: options.accessToken ?? 'ya29.a0AfH6SMBx-opaque',
      token_type: 'Bearer',
      scope: 'openid profile email',
      id_token: ID_TOKEN,
      receivedAt: 1_736_942_400,
      idTokenClaims: { iss: issuer, aud: CLIENT_ID, sub: SUB },
      ...options.tokens,
    },
    strategy: 'refresh_token',
    autoRefresh: true,
    refreshing: false,
    history: [],
  }
}

function renderPage(state: SessionState) {
  renderStrict(<JwtVsOauthPage />, { session: fakeSession(state), route: '/learn' })
}

function section(name: string): HTMLElement {
  return screen.getByRole('region', { name })
}

afterEach(() => {
  cleanup()
})

describe('JwtVsOauthPage', () => {
  it('explains with placeholders and a link to sign in when signed out', () => {
    renderPage({ status: 'signed-out' })

    expect(screen.getByRole('heading', { level: 2, name: 'JWT vs OAuth' })).toBeDefined()
    for (const name of [
      'What is OAuth here',
      'What is JWT here',
      'Why client credentials with a secret does not belong in a browser',
      'Why a JWT from your own backend cannot call Google',
    ]) {
      expect(screen.getByRole('heading', { level: 3, name })).toBeDefined()
    }
    const signIn = screen.getByRole('link', { name: 'Sign in on the start page' })
    expect(signIn.getAttribute('href')).toBe('/')
    const oauth = section('What is OAuth here')
    expect(within(oauth).getByText('your issuer', { selector: 'var' })).toBeDefined()
    expect(
      within(oauth).getByText('the scopes you were granted', { selector: 'var' }),
    ).toBeDefined()
    expect(
      within(section('What is JWT here')).getByText('your client_id', { selector: 'var' }),
    ).toBeDefined()
    expect(screen.queryByText(/In your run:/)).toBeNull()
  })

  it('tells the run with an opaque access token, a public client and a non-Google issuer', () => {
    renderPage(signedIn())

    const oauth = section('What is OAuth here')
    expect(within(oauth).getByText(`${ISSUER}/authorize`, { selector: 'code' })).toBeDefined()
    expect(within(oauth).getByText(`${ISSUER}/token`, { selector: 'code' })).toBeDefined()
    for (const scope of ['openid', 'profile', 'email']) {
      expect(within(oauth).getByText(scope, { selector: 'code' })).toBeDefined()
    }
    const jwtSection = section('What is JWT here')
    expect(within(jwtSection).getByText(SUB, { selector: 'code' })).toBeDefined()
    expect(within(jwtSection).getAllByText(ISSUER, { selector: 'code' })).toHaveLength(1)
    expect(within(jwtSection).getByText(CLIENT_ID, { selector: 'code' })).toBeDefined()
    expect(jwtSection.textContent).toContain('your access token is opaque, not a JWT')
    expect(jwtSection.textContent).not.toContain('is a JWT:')
    expect(
      section('Why client credentials with a secret does not belong in a browser').textContent,
    ).toContain('your sign-in used no client secret')
    expect(section('Why a JWT from your own backend cannot call Google').textContent).toContain(
      "Google's APIs would refuse it",
    )
    expect(screen.queryByRole('link', { name: 'Sign in on the start page' })).toBeNull()
  })

  it('says so when the access token is a JWT, naming its alg and the RFC 9068 type', () => {
    renderPage(
      signedIn({
        accessToken: jwt(
          { alg: 'ES256', typ: 'at+jwt', kid: 'k1' },
          { iss: ISSUER, aud: 'urn:api', sub: SUB, scope: 'api:read' },
        ),
      }),
    )

    const jwtSection = section('What is JWT here')
    expect(jwtSection.textContent).toContain('your access token is a JWT')
    expect(within(jwtSection).getByText('ES256', { selector: 'code' })).toBeDefined()
    expect(jwtSection.textContent).toContain('the RFC 9068 profile')
    expect(jwtSection.textContent).not.toContain('opaque, not a JWT')
  })

  it('calls three segments without a JSON header naming alg opaque', () => {
    renderPage(signedIn({ accessToken: 'abc.def.ghi' }))
    expect(section('What is JWT here').textContent).toContain('opaque, not a JWT')

    cleanup()
    renderPage(signedIn({ accessToken: jwt({ typ: 'JWT' }, { sub: SUB }) }))
    expect(section('What is JWT here').textContent).toContain('opaque, not a JWT')
  })

  it('tells a Google run that used a client secret', () => {
    renderPage(
      signedIn({
        issuer: 'https://accounts.google.com',
        clientAuthentication: 'client_secret_post',
      }),
    )

    expect(
      section('Why client credentials with a secret does not belong in a browser').textContent,
    ).toContain('your sign-in used a client secret, because https://accounts.google.com demanded')
    expect(section('Why a JWT from your own backend cannot call Google').textContent).toContain(
      'your access token was issued by Google',
    )
  })

  it('says when the scopes were not listed and when there is no ID token', () => {
    const state = signedIn()
    renderPage({
      ...state,
      tokens: { access_token: 'opaque', token_type: 'Bearer', receivedAt: 1_736_942_400 },
    })

    expect(section('What is OAuth here').textContent).toContain(
      'the token response listed none, which means they were granted as requested',
    )
    expect(section('What is JWT here').textContent).toContain('there is no ID token')
  })
})
