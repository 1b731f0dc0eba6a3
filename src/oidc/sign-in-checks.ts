/**
 * The judgements of "Check this provider" that need a sign-in: what the provider did with
 * authorizations, codes, refresh tokens, revocations and the sign-out that the check asked of it,
 * judged on answers already received. Pure: provider-check-sign-in.ts makes the requests. A check
 * whose premise did not hold (no refresh token, no rotation) says so as "not checked", never "pass".
 */
import type { Reachability } from './oidc-error'
import { check, notChecked } from './provider-checks'
import type { ProviderCheck } from './provider-checks'

/** What one request the check sent brought back, as far as this page could read it. */
export type Answer =
  | { kind: 'accepted'; status: number }
  | { kind: 'refused'; status: number; error?: string; description?: string }
  | { kind: 'unanswered'; reachability: Reachability | 'timeout' }
  /** Stopped before any request, by a check of this app (a callback that failed validation). */
  | { kind: 'not-sent'; why: string }

/** How a prompt=none authorization in the hidden frame ended. */
export type FrameResult =
  | { kind: 'code'; url: URL }
  | { kind: 'error'; url: URL; error: string; description?: string }
  /**
   * `providerPage`: the frame stopped at a page of the provider's own, as it was asked to for a
   * request the provider must refuse on its own page.
   */
  | { kind: 'not-back'; why: string; providerPage?: true }

function words(answer: Answer): string {
  if (answer.kind === 'accepted') return `HTTP ${String(answer.status)}`
  if (answer.kind === 'not-sent') return `no request, since ${answer.why}`
  if (answer.kind === 'unanswered') {
    return answer.reachability === 'hidden'
      ? 'an answer the browser hid from this page (CORS)'
      : answer.reachability === 'timeout'
        ? 'no answer in time'
        : 'no answer'
  }
  const said = [answer.error, answer.description].filter(Boolean).join(': ')
  return `HTTP ${String(answer.status)}${said ? ` ${said}` : ''}`
}

/** A request expected to be refused that brought back nothing readable decides nothing. */
function undecided(id: Parameters<typeof notChecked>[0], answer: Answer): ProviderCheck {
  return notChecked(id, `Not checked: the request brought back ${words(answer)}.`)
}

/**
 * A check on a request the provider must refuse: a refusal passes, an acceptance fails (or warns,
 * where the spec says SHOULD), and an answer this page could not read decides nothing.
 */
function mustRefuse(
  id: Parameters<typeof check>[0],
  answer: Answer,
  says: {
    refused: (said: string) => string
    accepted: (said: string) => string
    outcome?: 'fail' | 'warning'
    fix: string
  },
): ProviderCheck {
  if (answer.kind === 'refused') return check(id, 'pass', says.refused(words(answer)))
  if (answer.kind === 'accepted') {
    return check(id, says.outcome ?? 'fail', says.accepted(words(answer)), says.fix)
  }
  return undecided(id, answer)
}

export function judgeSilentAuthorization(result: FrameResult): ProviderCheck {
  if (result.kind === 'code') {
    return check(
      'silent-authorization',
      'pass',
      'A prompt=none authorization in a hidden frame came back to this page with a code.',
    )
  }
  if (result.kind === 'error') {
    return check(
      'silent-authorization',
      'fail',
      `The provider answered ${result.error}${result.description ? `: ${result.description}` : ''}. ${result.error === 'login_required' ? 'It did not see its own session from inside the frame: its cookies were not sent (third-party cookies blocked, SameSite), or the session is over.' : 'It wants the user for this.'}`,
      'Let prompt=none succeed while the user is signed in: session cookies with SameSite=None; Secure, on a domain the browser treats as first party (a custom domain under the app’s site).',
    )
  }
  return check(
    'silent-authorization',
    'fail',
    `The hidden frame did not come back to this page (${result.why}): the provider refused to be framed (X-Frame-Options, frame-ancestors), showed a page instead of redirecting, or was slow.`,
    'Allow the authorization endpoint in a frame from this origin, and answer prompt=none with a redirect, never a page.',
  )
}

export function judgeCallbackState(url: URL, sent: string): ProviderCheck {
  const state = url.searchParams.get('state')
  if (state === sent) return check('callback-state', 'pass', 'state came back exactly as sent.')
  return check(
    'callback-state',
    'fail',
    state === null
      ? 'The callback has no state, though the request sent one.'
      : 'The callback’s state is not the one sent.',
    'Return the state parameter unchanged in every authorization response, errors included.',
  )
}

export function judgeCallbackIss(url: URL, issuer: string, advertised: boolean): ProviderCheck {
  const iss = url.searchParams.get('iss')
  if (iss === issuer) {
    return check('callback-iss', 'pass', `The callback carries iss "${iss}", the issuer’s own.`)
  }
  if (iss === null) {
    return advertised
      ? check(
          'callback-iss',
          'fail',
          'The metadata promises iss (authorization_response_iss_parameter_supported), and the callback has none.',
          'Send iss in every authorization response, as the metadata promises.',
        )
      : check(
          'callback-iss',
          'warning',
          'The callback has no iss, and the metadata does not promise it: a client of several providers cannot tell which one answered (mix-up).',
          'Send iss in the authorization response (RFC 9207) and advertise it.',
        )
  }
  return check(
    'callback-iss',
    'fail',
    `The callback’s iss is "${iss}", not the issuer "${issuer}".`,
    'Send the issuer identifier exactly as the metadata states it.',
  )
}

export function judgeCodeExchange(answer: Answer, failure?: string): ProviderCheck {
  if (answer.kind === 'not-sent') return undecided('code-exchange', answer)
  if (answer.kind === 'accepted' && failure === undefined) {
    return check(
      'code-exchange',
      'pass',
      `The code and its code_verifier brought tokens back (${words(answer)}), readable from this origin.`,
    )
  }
  if (answer.kind === 'unanswered' && answer.reachability === 'hidden') {
    return check(
      'code-exchange',
      'fail',
      'The token endpoint answered the code exchange, and the browser hid the answer from this page: CORS does not allow this origin on success answers.',
      'Allow this origin (Access-Control-Allow-Origin) on the token endpoint, for every answer.',
    )
  }
  return check(
    'code-exchange',
    'fail',
    failure === undefined
      ? `The exchange of a fresh code brought back ${words(answer)}.`
      : `The answer (${words(answer)}) is not a valid token response: ${failure}.`,
    'Let a public client exchange its code with code_verifier and no secret, and answer with a token response (RFC 6749 §5.1).',
  )
}

/** The ID token checks that ran on the token the fresh code brought, or why they failed. */
export function judgeIdToken(
  ran: readonly { id: string; outcome: 'passed' | 'not-applicable'; reason?: string }[],
  failure?: string,
): ProviderCheck {
  if (failure !== undefined) {
    return check(
      'id-token',
      'fail',
      `The ID token was refused: ${failure}.`,
      'Issue ID tokens that meet OpenID Connect Core §3.1.3.7: iss, aud, exp, iat, sub, the nonce sent, signed with an advertised asymmetric algorithm.',
    )
  }
  if (ran.length === 0) return notChecked('id-token', 'Not checked: no ID token came back.')
  const passed = ran.filter((item) => item.outcome === 'passed').map((item) => item.id)
  const notApplicable = ran.filter((item) => item.outcome === 'not-applicable')
  return check(
    'id-token',
    'pass',
    `Passed: ${passed.join(', ')}.${notApplicable.length > 0 ? ` Not applicable: ${notApplicable.map((item) => `${item.id} (${item.reason ?? 'nothing to check'})`).join('; ')}.` : ''}`,
  )
}

export function judgeWrongVerifier(answer: Answer): ProviderCheck {
  return mustRefuse('pkce-wrong-verifier', answer, {
    refused: (said) => `A fresh code sent with another code_verifier was refused: ${said}.`,
    accepted: (said) =>
      `A fresh code sent with a code_verifier that does not match its code_challenge brought tokens (${said}): PKCE is not checked, so a stolen code is as good as the right one.`,
    fix: 'Compare BASE64URL(SHA-256(code_verifier)) with the code_challenge stored with the code, and refuse a mismatch with invalid_grant.',
  })
}

/** Where an authorization sent without code_challenge was stopped, if it was. */
export type WithoutChallenge =
  | { at: 'authorization'; error: string; description?: string }
  | { at: 'token'; answer: Answer }
  | { at: 'nowhere'; why: string }

export function judgePkceRequired(result: WithoutChallenge): ProviderCheck {
  if (result.at === 'authorization') {
    return check(
      'pkce-required',
      'pass',
      `Refused at the authorization endpoint: ${result.error}${result.description ? `: ${result.description}` : ''}.`,
    )
  }
  if (result.at === 'nowhere') return notChecked('pkce-required', `Not checked: ${result.why}.`)
  const { answer } = result
  if (answer.kind === 'refused') {
    return check(
      'pkce-required',
      'pass',
      `The provider issued a code without code_challenge, and refused to exchange it without code_verifier: ${words(answer)}.`,
    )
  }
  if (answer.kind === 'accepted') {
    return check(
      'pkce-required',
      'fail',
      `The provider issued a code without code_challenge and exchanged it without code_verifier (${words(answer)}): PKCE is optional for this client, so an attacker can leave it out.`,
      'Require PKCE (S256) for every authorization request of public clients.',
    )
  }
  return undecided('pkce-required', answer)
}

export function judgeRegisteredRedirect(result: FrameResult, altered: string): ProviderCheck {
  if (result.kind === 'not-back' && result.providerPage === true) {
    return check(
      'redirect-uri-registered',
      'pass',
      `Asked to send the code to "${altered}" (the registered URI with a query parameter added), the provider showed a page of its own instead of redirecting.`,
    )
  }
  if (result.kind === 'code' || result.kind === 'error') {
    return check(
      'redirect-uri-registered',
      'fail',
      `The provider sent the browser to "${altered}", which is not the registered URI (a query parameter was added)${result.kind === 'code' ? ', with a code' : `, with error ${result.error}`}: it does not compare redirect URIs exactly, so a code can be steered to a page the attacker controls.`,
      'Compare redirect_uri with the registered ones character for character (no prefix or pattern matching), and show an error page instead of redirecting when none matches.',
    )
  }
  return notChecked('redirect-uri-registered', `Not checked: ${result.why}.`)
}

export function judgeRedirectUri(answer: Answer, sent: string): ProviderCheck {
  return mustRefuse('redirect-uri-exact', answer, {
    refused: (said) =>
      `A fresh code sent with the redirect_uri "${sent}" (not the one it was issued for) was refused: ${said}.`,
    accepted: (said) =>
      `A fresh code was exchanged with the redirect_uri "${sent}", which is not the one it was issued for (${said}).`,
    fix: 'Compare redirect_uri at the token endpoint with the one of the authorization request, character for character.',
  })
}

export function judgeCodeReplay(answer: Answer): ProviderCheck {
  return mustRefuse('code-replay', answer, {
    refused: (said) => `The same code, sent a second time, was refused: ${said}.`,
    accepted: (said) => `The same code brought tokens a second time (${said}).`,
    fix: 'Let each authorization code be used once; refuse any later use with invalid_grant.',
  })
}

export function judgeReplayRevokes(afterReplay: Answer): ProviderCheck {
  return mustRefuse('code-replay-revokes', afterReplay, {
    refused: (said) =>
      `After the replay, UserInfo refused the access token issued from that code: ${said}.`,
    accepted: (said) =>
      `After the replay, UserInfo still accepted the access token issued from that code (${said}): whoever redeemed the code first keeps what it got.`,
    outcome: 'warning',
    fix: 'When a code is used twice, revoke the tokens already issued from it (RFC 6749 §4.1.2 says SHOULD).',
  })
}

export function judgeUserinfoCall(answer: Answer): ProviderCheck {
  if (answer.kind === 'not-sent') return undecided('userinfo-call', answer)
  if (answer.kind === 'accepted') {
    return check(
      'userinfo-call',
      'pass',
      `UserInfo answered a fresh access token: ${words(answer)}, readable from this origin.`,
    )
  }
  if (answer.kind === 'unanswered' && answer.reachability === 'hidden') {
    return check(
      'userinfo-call',
      'fail',
      'UserInfo answered a request with a fresh access token, and the browser hid the answer from this page: CORS does not allow this origin.',
      'Allow this origin (Access-Control-Allow-Origin) on the UserInfo endpoint and answer its preflight (the Authorization header needs one).',
    )
  }
  return check(
    'userinfo-call',
    'fail',
    `UserInfo brought back ${words(answer)} for a fresh access token.`,
    'Accept the access tokens this client gets, sent as a Bearer token (RFC 6750 §2.1).',
  )
}

/** Refresh tokens seen: from the check's own authorizations, and from the user's sign-in. */
export function judgeRefreshIssued(seen: {
  silent: boolean
  signIn: boolean
  scope: string
  parameters: readonly (readonly [string, string])[]
}): ProviderCheck {
  const asked = `scope "${seen.scope}"${seen.parameters.length > 0 ? ` and ${seen.parameters.map(([name, value]) => `${name}=${value}`).join(', ')}` : ''}`
  if (seen.silent) {
    return check(
      'refresh-issued',
      'pass',
      `A prompt=none authorization for ${asked} brought a refresh token.`,
    )
  }
  if (seen.signIn) {
    return check(
      'refresh-issued',
      'pass',
      `Your sign-in (${asked}) brought a refresh token; a prompt=none authorization did not${seen.parameters.some(([name, value]) => name === 'prompt' && value.split(' ').includes('consent')) ? ': prompt=none takes the place of your sign-in’s prompt=consent, and a provider that follows OpenID Connect Core §11 grants offline access only with consent' : ''}. The refresh checks use the sign-in’s one.`,
    )
  }
  return check(
    'refresh-issued',
    'warning',
    `No refresh token, to your sign-in (${asked}) or to a prompt=none authorization: this app can renew only in a hidden frame, which blocked third-party cookies break.`,
    'Issue refresh tokens to this public client (with rotation), or tell what it takes: the offline_access scope with prompt=consent (OpenID Connect Core §11), or a client setting.',
  )
}

export function judgeLifetimes(expiresIn: number | undefined): ProviderCheck {
  return expiresIn === undefined
    ? check(
        'token-lifetimes',
        'warning',
        'The token response has no expires_in: the client cannot tell when to renew the access token, and learns it from a 401.',
        'Send expires_in with every access token.',
      )
    : check('token-lifetimes', 'pass', `expires_in: ${String(expiresIn)} s for the access token.`)
}

/** What the refresh grant did with the refresh token it was given. */
export type Rotation = 'rotated' | 'same' | 'absent'

export function judgeRotation(answer: Answer, rotation: Rotation | undefined): ProviderCheck {
  if (answer.kind === 'not-sent') return undecided('refresh-rotation', answer)
  if (answer.kind !== 'accepted' || rotation === undefined) {
    return check(
      'refresh-rotation',
      'fail',
      `The refresh grant brought back ${words(answer)}.`,
      'Accept the refresh_token grant from this public client, without a secret.',
    )
  }
  if (rotation === 'rotated') {
    return check(
      'refresh-rotation',
      'pass',
      'The refresh grant brought a new refresh token in place of the one used.',
    )
  }
  return check(
    'refresh-rotation',
    'fail',
    rotation === 'same'
      ? 'The refresh grant brought back the same refresh token.'
      : 'The refresh grant brought no new refresh token: the old one stays in use.',
    'Rotate refresh tokens of public clients on every use, or bind them to a key (DPoP): RFC 9700 §4.14.2 requires one of the two.',
  )
}

export function judgeReuse(answer: Answer, rotated: boolean): ProviderCheck {
  if (answer.kind === 'refused' && rotated) {
    return check(
      'refresh-reuse',
      'pass',
      `The refresh token already replaced was refused: ${words(answer)}.`,
    )
  }
  if (answer.kind === 'accepted') {
    return check(
      'refresh-reuse',
      'fail',
      rotated
        ? `The refresh token already replaced brought tokens again (${words(answer)}): a stolen copy works alongside the user’s, undetected.`
        : `The refresh token already used brought tokens again (${words(answer)}): without rotation, a stolen copy works alongside the user’s, undetected.`,
      'Rotate refresh tokens, and treat the use of a replaced one as theft: refuse it and revoke its whole family.',
    )
  }
  return undecided('refresh-reuse', answer)
}

export function judgeFamily(answer: Answer | undefined): ProviderCheck {
  if (answer === undefined) {
    return notChecked(
      'refresh-family',
      'Not checked: the refresh token was not rotated, so there was no newer one to test.',
    )
  }
  return mustRefuse('refresh-family', answer, {
    refused: (said) => `After the reuse, the newest refresh token was refused too: ${said}.`,
    accepted: (said) =>
      `After the reuse, the newest refresh token still brought tokens (${said}): if an attacker had redeemed the stolen one first, the attacker would keep a live token.`,
    outcome: 'warning',
    fix: 'When a replaced refresh token is used, revoke every refresh token of its family (RFC 9700 §4.14.2).',
  })
}

export function judgeRevocation(answer: Answer, what: 'refresh' | 'access'): ProviderCheck {
  if (answer.kind === 'not-sent') return undecided('revocation-public', answer)
  if (answer.kind === 'accepted') {
    return check(
      'revocation-public',
      'pass',
      `Revoking the ${what} token with only client_id was accepted: ${words(answer)}.`,
    )
  }
  if (answer.kind === 'unanswered') {
    return check(
      'revocation-public',
      'fail',
      `Revoking the ${what} token brought back ${words(answer)}.`,
      'Allow this origin (CORS) on the revocation endpoint, for every answer.',
    )
  }
  return check(
    'revocation-public',
    'fail',
    `Revoking the ${what} token with only client_id was refused: ${words(answer)}. A browser app holds no secret, so it cannot revoke its tokens at sign-out.`,
    'Let public clients revoke their own tokens identified by client_id alone (RFC 7009 §2.1).',
  )
}

export function judgeRevokedRefresh(answer: Answer): ProviderCheck {
  return mustRefuse('revoked-refresh-refused', answer, {
    refused: (said) => `The revoked refresh token was refused: ${said}.`,
    accepted: (said) =>
      `The revocation was answered 200, and the refresh token still brought tokens (${said}).`,
    fix: 'Invalidate a refresh token when it is revoked (RFC 7009 §2.1).',
  })
}

export function judgeRevokedAccess(answer: Answer): ProviderCheck {
  return mustRefuse('revoked-access-refused', answer, {
    refused: (said) => `UserInfo refused the revoked access token: ${said}.`,
    accepted: (said) =>
      `The revocation was answered 200, and UserInfo still accepted the access token (${said}): it stays usable until it expires.`,
    outcome: 'warning',
    fix: 'Invalidate an access token when it is revoked, at least at the provider’s own endpoints, or answer unsupported_token_type so clients know.',
  })
}

/** How the browser came back from the end-session endpoint, if it did. */
export type EndSessionReturn = { kind: 'back'; url: URL } | { kind: 'not-back'; why: string }

export function judgeEndSessionReturn(result: EndSessionReturn, sent: string): ProviderCheck {
  if (result.kind === 'not-back') {
    return notChecked('end-session-return', `Not checked: ${result.why}.`)
  }
  const state = result.url.searchParams.get('state')
  if (state === sent) {
    return check(
      'end-session-return',
      'pass',
      `The provider sent the browser back to post_logout_redirect_uri with the state sent.`,
    )
  }
  return check(
    'end-session-return',
    'fail',
    state === null
      ? 'The provider sent the browser back without the state sent.'
      : 'The provider sent the browser back with another state than the one sent.',
    'Return state unchanged to post_logout_redirect_uri (RP-Initiated Logout §3).',
  )
}

export function judgeSessionEnded(result: FrameResult): ProviderCheck {
  if (result.kind === 'error' && result.error === 'login_required') {
    return check(
      'session-ended',
      'pass',
      'A prompt=none authorization after the sign-out answered login_required: the provider session is over.',
    )
  }
  if (result.kind === 'code') {
    return check(
      'session-ended',
      'fail',
      'A prompt=none authorization after the sign-out came back with a code: the provider session is still there.',
      'End the provider session at end_session_endpoint when the user confirms, before redirecting back.',
    )
  }
  return notChecked(
    'session-ended',
    result.kind === 'error'
      ? `Not checked: a prompt=none authorization after the sign-out answered ${result.error}, which does not say whether the session is over.`
      : `Not checked: the hidden frame did not come back (${result.why}).`,
  )
}
