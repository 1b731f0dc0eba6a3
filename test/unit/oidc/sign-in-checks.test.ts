/**
 * The sign-in part's judgements on hand-built answers: a refusal passes only where refusing is the
 * provider's duty, and a check whose premise did not hold is "not checked", never "pass".
 */
import { describe, expect, it } from 'vitest'

import {
  judgeCallbackIss,
  judgeCallbackState,
  judgeCodeExchange,
  judgeCodeReplay,
  judgeEndSessionReturn,
  judgeFamily,
  judgePkceRequired,
  judgeRedirectUri,
  judgeRefreshIssued,
  judgeRegisteredRedirect,
  judgeReplayRevokes,
  judgeReuse,
  judgeRevocation,
  judgeRevokedAccess,
  judgeRevokedRefresh,
  judgeRotation,
  judgeSessionEnded,
  judgeSilentAuthorization,
  judgeUserinfoCall,
  judgeWrongVerifier,
} from '../../../src/oidc/sign-in-checks'
import type { Answer } from '../../../src/oidc/sign-in-checks'

const refused: Answer = {
  kind: 'refused',
  status: 400,
  error: 'invalid_grant',
  description: 'grant request is invalid',
}
const accepted: Answer = { kind: 'accepted', status: 200 }
const hidden: Answer = { kind: 'unanswered', reachability: 'hidden' }
const callback = (query: string) => new URL(`https://app.example/callback?${query}`)

describe('the sign-in part of the provider check', () => {
  it('passes PKCE only when the wrong verifier is refused, and says so in the provider’s words', () => {
    const pass = judgeWrongVerifier(refused)
    expect(pass.outcome).toBe('pass')
    expect(pass.finding).toContain('HTTP 400 invalid_grant: grant request is invalid')
    const fail = judgeWrongVerifier(accepted)
    expect(fail.outcome).toBe('fail')
    expect(fail.fix).toContain('code_challenge')
    expect(judgeWrongVerifier(hidden).outcome).toBe('not-checked')
  })

  it('says where an authorization without code_challenge was stopped', () => {
    const atAuthorization = judgePkceRequired({
      at: 'authorization',
      error: 'invalid_request',
      description: 'PKCE must be used',
    })
    expect(atAuthorization.outcome).toBe('pass')
    expect(atAuthorization.finding).toContain('Refused at the authorization endpoint')
    const atToken = judgePkceRequired({ at: 'token', answer: refused })
    expect(atToken.outcome).toBe('pass')
    expect(atToken.finding).toContain('refused to exchange it without code_verifier')
    expect(judgePkceRequired({ at: 'token', answer: accepted }).outcome).toBe('fail')
  })

  it('passes a redirect_uri refused on the provider’s own page, and fails one it redirected to', () => {
    const altered = 'https://app.example/callback?pkce_lab_check=altered'
    const shown = judgeRegisteredRedirect(
      { kind: 'not-back', why: 'a page of its own', providerPage: true },
      altered,
    )
    expect(shown.outcome).toBe('pass')
    expect(shown.finding).toContain(altered)
    const steered = judgeRegisteredRedirect(
      { kind: 'code', url: new URL(`${altered}&code=c`) },
      altered,
    )
    expect(steered.outcome).toBe('fail')
    expect(steered.fix).toContain('character for character')
    // A frame that timed out says nothing about what the provider did.
    expect(
      judgeRegisteredRedirect({ kind: 'not-back', why: 'no answer in 10 s' }, altered).outcome,
    ).toBe('not-checked')
  })

  it('judges state and iss on the callback as it came', () => {
    expect(judgeCallbackState(callback('code=c&state=s1'), 's1').outcome).toBe('pass')
    expect(judgeCallbackState(callback('code=c'), 's1').outcome).toBe('fail')
    const issuer = 'https://op.example'
    expect(judgeCallbackIss(callback(`iss=${issuer}`), issuer, true).outcome).toBe('pass')
    expect(judgeCallbackIss(callback('code=c'), issuer, true).outcome).toBe('fail')
    expect(judgeCallbackIss(callback('code=c'), issuer, false).outcome).toBe('warning')
    expect(judgeCallbackIss(callback('iss=https://evil.example'), issuer, false).outcome).toBe(
      'fail',
    )
  })

  it('fails a refresh token that is not rotated, and the reuse it then allows', () => {
    expect(judgeRotation(accepted, 'rotated').outcome).toBe('pass')
    expect(judgeRotation(accepted, 'same').outcome).toBe('fail')
    expect(judgeRotation(accepted, 'absent').finding).toContain('no new refresh token')
    expect(judgeRotation(refused, undefined).outcome).toBe('fail')
    expect(judgeReuse(refused, true).outcome).toBe('pass')
    const reused = judgeReuse(accepted, false)
    expect(reused.outcome).toBe('fail')
    expect(reused.finding).toContain('without rotation')
    // Refused without rotation: the same token worked a moment ago, so nothing is proved.
    expect(judgeReuse(refused, false).outcome).toBe('not-checked')
    expect(judgeFamily(undefined).outcome).toBe('not-checked')
    expect(judgeFamily(refused).outcome).toBe('pass')
    expect(judgeFamily(accepted).outcome).toBe('warning')
  })

  it('tells where a refresh token came from, or what it takes', () => {
    const parameters = [['prompt', 'consent']] as const
    const scope = 'openid offline_access'
    expect(judgeRefreshIssued({ silent: true, signIn: true, scope, parameters }).outcome).toBe(
      'pass',
    )
    const fromSignIn = judgeRefreshIssued({ silent: false, signIn: true, scope, parameters })
    expect(fromSignIn.finding).toContain('prompt=consent')
    expect(fromSignIn.finding).toContain('a prompt=none authorization did not')
    expect(judgeRefreshIssued({ silent: false, signIn: false, scope, parameters }).outcome).toBe(
      'warning',
    )
  })

  it('fails a revocation refused to a public client, and one hidden by CORS', () => {
    expect(judgeRevocation(accepted, 'refresh').outcome).toBe('pass')
    const unauthorized = judgeRevocation({ kind: 'refused', status: 401 }, 'access')
    expect(unauthorized.outcome).toBe('fail')
    expect(unauthorized.finding).toContain('HTTP 401')
    expect(judgeRevocation(hidden, 'refresh').fix).toContain('CORS')
  })

  it('judges nothing on a request this app never sent', () => {
    const notSent: Answer = { kind: 'not-sent', why: 'the callback’s state was not the one sent' }
    const exchange = judgeCodeExchange(notSent)
    expect(exchange.outcome).toBe('not-checked')
    expect(exchange.finding).toContain(
      'no request, since the callback’s state was not the one sent',
    )
    expect(judgeRotation(notSent, undefined).outcome).toBe('not-checked')
    expect(judgeRevocation(notSent, 'access').outcome).toBe('not-checked')
    expect(judgeUserinfoCall(notSent).outcome).toBe('not-checked')
  })

  it('on what the provider must refuse: a pass when refused, a fail or a SHOULD’s warning when not', () => {
    const sent = 'https://app.example/callback?pkce_lab_check=altered'
    expect(judgeRedirectUri(refused, sent).finding).toContain(sent)
    expect(judgeRedirectUri(accepted, sent).outcome).toBe('fail')
    expect(judgeRevokedRefresh(refused).outcome).toBe('pass')
    expect(judgeRevokedRefresh(accepted).outcome).toBe('fail')
    expect(judgeRevokedAccess(accepted).outcome).toBe('warning')
    expect(judgeReplayRevokes({ kind: 'refused', status: 401 }).finding).toContain('HTTP 401')
    expect(judgeReplayRevokes(accepted).outcome).toBe('warning')
    for (const judge of [judgeRevokedRefresh, judgeRevokedAccess, judgeReplayRevokes]) {
      expect(judge(hidden).outcome).toBe('not-checked')
    }
  })

  it('fails a code that works twice and UserInfo hidden by CORS', () => {
    expect(judgeCodeReplay(refused).outcome).toBe('pass')
    expect(judgeCodeReplay(accepted).outcome).toBe('fail')
    expect(judgeUserinfoCall(accepted).outcome).toBe('pass')
    expect(judgeUserinfoCall(hidden).finding).toContain('CORS')
  })

  it('passes the sign-out only on the state sent and a login_required after it', () => {
    const back = { kind: 'back', url: new URL('https://app.example/?state=s2') } as const
    expect(judgeEndSessionReturn(back, 's2').outcome).toBe('pass')
    expect(judgeEndSessionReturn(back, 'other').outcome).toBe('fail')
    expect(judgeEndSessionReturn({ kind: 'not-back', why: 'closed' }, 's2').outcome).toBe(
      'not-checked',
    )
    const url = callback('error=login_required')
    expect(judgeSessionEnded({ kind: 'error', url, error: 'login_required' }).outcome).toBe('pass')
    expect(judgeSessionEnded({ kind: 'code', url: callback('code=c') }).outcome).toBe('fail')
    expect(judgeSessionEnded({ kind: 'error', url, error: 'interaction_required' }).outcome).toBe(
      'not-checked',
    )
    expect(judgeSilentAuthorization({ kind: 'not-back', why: 'no answer in 10 s' }).fix).toContain(
      'frame',
    )
  })
})
