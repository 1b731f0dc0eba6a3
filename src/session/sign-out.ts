/**
 * Signing out: the refresh token then the access token revoked at the provider (RFC 7009 §2.1), what
 * is local forgotten, then the provider session ended through its end_session_endpoint
 * (RP-Initiated Logout §2), and the way back recognised by its `state` (§3). Only the sign-out's own
 * timeline entries stay, as stored copies.
 */
import { asOidcError, buildEndSessionUrl, canRevoke, revokeToken } from '../oidc'
import type { OidcError } from '../oidc'
import type { FlowContext } from './flow-context'
import type { Renewal } from './renewal'
import type { SignedIn, SignOutReport } from './session-state'

type RevocationOutcome = 'revoked' | 'failed' | 'not-supported' | 'none'

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
        errors.push(asOidcError(error, 'revocation'))
        return 'failed'
      }
    }
    // The refresh token first: it is the one that outlives the others (RFC 7009 §2.1).
    const refreshToken = await revoke(current.tokens.refresh_token, 'refresh_token')
    const accessToken = await revoke(current.tokens.access_token, 'access_token')
    return {
      refreshToken,
      accessToken: accessToken === 'none' ? 'not-supported' : accessToken,
      endSession: 'not-supported',
      errors,
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
      deps.markers.savePendingSignOut(endSession.state)
      set({ status: 'signed-out', signOut: { ...report, endSession: 'redirecting' } })
      deps.navigate(endSession.url.href)
    },

    completeSignOut(stateMatched: boolean): void {
      context.forgetEverything()
      set({
        status: 'signed-out',
        notice: stateMatched
          ? 'Signed out at the provider. Nothing of the session was kept here.'
          : 'Back from the provider’s sign-out page (its state did not match the one sent, so it may not have ended the session). Nothing of the session was kept here.',
      })
    },
  }
}
