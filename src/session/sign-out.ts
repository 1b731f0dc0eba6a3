/**
 * Signing out: the refresh token then the access token revoked at the provider (RFC 7009 §2.1), what
 * is local forgotten, then the provider session ended through its end_session_endpoint
 * (RP-Initiated Logout §2), and the way back recognised by its `state` (§3). Coming back proves only
 * that the provider redirected: whether its session ended is then asked of it, with a prompt=none
 * authorization request in a hidden frame (OIDC Core §3.1.2.1). Only the sign-out's own timeline
 * entries stay, as stored copies.
 */
import {
  asOidcError,
  buildEndSessionUrl,
  canRevoke,
  createAuthorizationRequest,
  discoverProvider,
  OidcError,
  revokeToken,
  validateAuthorizationResponse,
} from '../oidc'
import { epochSeconds } from './clock'
import type { FlowContext } from './flow-context'
import type { Renewal } from './renewal'
import type { SignedIn, SignOutReport } from './session-state'
import { refusalErrors, refusalOf } from './tab-markers'
import type { PendingSignOut } from './tab-markers'

type RevocationOutcome = 'revoked' | 'failed' | 'not-supported' | 'none'

type ProviderSessionCheck = Pick<SignOutReport, 'endSession' | 'unknownBecause'>

// Answers to prompt=none that prove the provider still knows the user (OIDC Core §3.1.2.6): it
// needs the user's consent or choice, not their login.
const SESSION_STILL_THERE = new Set(['consent_required', 'account_selection_required'])

export function createSignOut(context: FlowContext, renewal: Renewal) {
  const { deps, memory, recorder, http, set } = context

  async function revokeAll(current: SignedIn, entries: string[]): Promise<SignOutReport> {
    const errors: OidcError[] = []
    const revoke = async (
      token: string | undefined,
      tokenTypeHint: 'refresh_token' | 'access_token',
    ): Promise<RevocationOutcome> => {
      if (token === undefined) return 'none'
      if (!canRevoke(current.client)) return 'not-supported'
      try {
        await context.recordStep(
          {
            kind: 'revocation',
            title: `Revocation of the ${tokenTypeHint === 'refresh_token' ? 'refresh' : 'access'} token`,
            steps: ['revocation'],
          },
          'revocation',
          (entryId) => {
            // The sign-out's own entries are the only ones kept after it.
            entries.push(entryId)
            return revokeToken({
              client: current.client,
              clientSecret: memory.clientSecret,
              token,
              tokenTypeHint,
              http,
            })
          },
        )
        return 'revoked'
      } catch (error) {
        errors.push(forToken(asOidcError(error, 'revocation'), tokenTypeHint))
        return 'failed'
      }
    }
    // The refresh token first: it is the one that outlives the others (RFC 7009 §2.1).
    const refreshToken = await revoke(current.tokens.refresh_token, 'refresh_token')
    const accessToken = await revoke(current.tokens.access_token, 'access_token')
    const methods = current.client.metadata.revocation_endpoint_auth_methods_supported
    return {
      refreshToken,
      accessToken: accessToken === 'none' ? 'not-supported' : accessToken,
      endSession: 'not-supported',
      revocationAuth: {
        ...(methods === undefined ? {} : { methods }),
        publicClient: current.client.clientAuthentication === 'none',
      },
      errors,
    }
  }

  /**
   * Asks the provider, without the user, whether it still has a session: login_required proves it
   * ended; a code proves it did not (the code is discarded, never exchanged); a frame that never comes
   * back proves nothing either way.
   */
  async function checkProviderSession(signOut: PendingSignOut): Promise<ProviderSessionCheck> {
    const frame = deps.silentFrame
    if (!frame || signOut.redirectUri === undefined) {
      return {
        endSession: 'unknown',
        unknownBecause: 'this page cannot ask the provider from a hidden frame',
      }
    }
    let check: ProviderSessionCheck
    let entryId: string | undefined
    try {
      const metadata = await context.recordStep(
        { kind: 'discovery', title: 'Discovery', steps: ['discovery'] },
        'discovery',
        () => discoverProvider(signOut.issuer, http),
      )
      const { url, pending } = await createAuthorizationRequest({
        metadata,
        clientId: signOut.clientId,
        redirectUri: signOut.redirectUri,
        scope: 'openid',
        extraParams: [['prompt', 'none']],
        clientAuthentication: 'none',
        nowSeconds: epochSeconds(deps.clock),
      })
      entryId = recorder.begin(
        'session-check',
        'Did the provider session end? (prompt=none in a hidden frame)',
        [],
        { url: url.href, parameters: [...url.searchParams] },
      )
      let callback: URL
      try {
        callback = await frame(url.href)
      } catch {
        check = {
          endSession: 'unknown',
          unknownBecause:
            'could not check: the hidden frame did not come back from the provider, because the browser does not send its cookies to a third-party frame or the provider refuses to be framed',
        }
        recorder.finish(entryId, { checks: [sessionCheck(check)] })
        return check
      }
      try {
        validateAuthorizationResponse(pending, callback)
        // A code: the provider still has the session. It is discarded here, never exchanged.
        check = { endSession: 'not-ended' }
      } catch (error) {
        const failure = asOidcError(error, 'silent-authorization')
        const answer = failure.oauthError?.error
        check =
          answer === 'login_required'
            ? { endSession: 'ended' }
            : answer !== undefined && SESSION_STILL_THERE.has(answer)
              ? { endSession: 'not-ended' }
              : {
                  endSession: 'unknown',
                  unknownBecause: `could not check: the provider answered the prompt=none request with ${answer ?? failure.code}${failure.oauthError?.error_description === undefined ? '' : ` ("${failure.oauthError.error_description}")`}, which says nothing about its session`,
                }
      }
      recorder.finish(entryId, { checks: [sessionCheck(check)] })
      return check
    } catch (error) {
      const failure = asOidcError(error, 'discovery')
      if (entryId !== undefined) recorder.fail(entryId, failure)
      return {
        endSession: 'unknown',
        unknownBecause: `could not check: ${failure.message}`,
      }
    }
  }

  return {
    async signOut(): Promise<void> {
      const current = context.signedIn()
      if (!current) return
      renewal.stop()
      set({ status: 'signing-out' })
      const entries: string[] = []
      const report = await revokeAll(current, entries)
      const redirectUri = memory.authorizationRequest?.redirectUri
      const endSession = (() => {
        try {
          return buildEndSessionUrl({
            metadata: current.client.metadata,
            clientId: current.client.clientId,
            postLogoutRedirectUri: deps.postLogoutRedirectUri,
          })
        } catch (error) {
          report.errors = [...report.errors, asOidcError(error, 'end-session')]
          return undefined
        }
      })()
      if (endSession) {
        entries.push(
          recorder.begin('end-session', 'End session at the provider', [], {
            outcome: 'ok',
            url: endSession.url.href,
            parameters: [...endSession.url.searchParams],
          }),
        )
      }
      // The run's timeline is cleared; the sign-out's own steps stay, with no secret even in memory.
      context.timeline.keepStoredCopies(entries)
      context.forgetEverything()
      if (!endSession) {
        set({
          status: 'signed-out',
          signOut: {
            ...report,
            endSession: report.errors.some((e) => e.step === 'end-session')
              ? 'failed'
              : 'not-supported',
          },
        })
        return
      }
      // What the page coming back needs to finish the report: no token, no secret.
      deps.markers.savePendingSignOut({
        state: endSession.state,
        issuer: current.client.metadata.issuer,
        clientId: current.client.clientId,
        ...(redirectUri === undefined ? {} : { redirectUri }),
        refreshToken: report.refreshToken,
        accessToken: report.accessToken,
        ...(report.revocationAuth === undefined
          ? {}
          : {
              revocationAuth: {
                ...(report.revocationAuth.methods === undefined
                  ? {}
                  : { methods: [...report.revocationAuth.methods] }),
                publicClient: report.revocationAuth.publicClient,
              },
            }),
        refusals: report.errors.flatMap((error) => refusalOf(error) ?? []),
      })
      set({ status: 'signed-out', signOut: { ...report, endSession: 'redirecting' } })
      deps.navigate(endSession.url.href)
    },

    async completeSignOut(signOut: PendingSignOut, returnedState: string | null): Promise<void> {
      context.forgetEverything()
      const report: Omit<SignOutReport, 'endSession'> = {
        refreshToken: signOut.refreshToken,
        accessToken: signOut.accessToken,
        ...(signOut.revocationAuth === undefined ? {} : { revocationAuth: signOut.revocationAuth }),
        ...(returnedState === signOut.state ? {} : { stateMismatch: true }),
        errors: refusalErrors(signOut.refusals),
      }
      set({ status: 'signed-out', signOut: { ...report, endSession: 'checking' } })
      const check = await checkProviderSession(signOut)
      const state = context.getState()
      // Another action (a new sign-in) took over while the check ran: its state stays.
      if (state.status !== 'signed-out' || state.signOut?.endSession !== 'checking') return
      set({
        status: 'signed-out',
        signOut: {
          ...report,
          ...check,
          ...(check.endSession === 'not-ended'
            ? {
                errors: [
                  ...report.errors,
                  new OidcError(
                    'end_session_failed',
                    'end-session',
                    'A prompt=none request after the sign-out came back with a code: the provider still has the session',
                  ),
                ],
              }
            : {}),
        },
      })
    },
  }
}

/** The same error, named for the token it was about: the report says which one was not revoked. */
function forToken(error: OidcError, token: 'refresh_token' | 'access_token'): OidcError {
  return new OidcError(error.code, error.step, error.message, {
    cause: error,
    check: token,
    ...(error.status === undefined ? {} : { status: error.status }),
    ...(error.oauthError === undefined ? {} : { oauthError: error.oauthError }),
    ...(error.url === undefined ? {} : { url: error.url }),
    ...(error.origin === undefined ? {} : { origin: error.origin }),
  })
}

function sessionCheck(check: ProviderSessionCheck) {
  switch (check.endSession) {
    case 'ended':
      return {
        name: 'the provider session ended',
        outcome: 'passed' as const,
        detail: 'prompt=none was answered login_required (OIDC Core §3.1.2.6)',
      }
    case 'not-ended':
      return {
        name: 'the provider session ended',
        outcome: 'failed' as const,
        detail:
          'prompt=none came back without a login: the provider still has the session. The code it sent was discarded, never exchanged.',
      }
    default:
      return {
        name: 'the provider session ended',
        outcome: 'not-applicable' as const,
        detail: check.unknownBecause ?? 'could not check',
      }
  }
}
