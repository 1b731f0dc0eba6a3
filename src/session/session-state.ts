/**
 * The states a session can be in, as one discriminated union: the UI renders from it and nothing else.
 * A failure is a signed-out state that carries its error, so no half-signed-in state can exist.
 */
import type { ClientContext, OidcError, ResourceResponse, TokenSet, UserInfoResult } from '../oidc'

/** How this session renews its access token. */
export type RenewalStrategy = 'refresh_token' | 'silent_iframe' | 'none'

export type RefreshTrigger = 'timer' | 'wake' | 'retry' | 'manual' | 'unauthorized'

export interface RefreshRecord {
  /** Epoch milliseconds. */
  startedAt: number
  durationMs: number
  trigger: RefreshTrigger
  strategy: Exclude<RenewalStrategy, 'none'>
  outcome: 'ok' | 'failed'
  error?: OidcError
  /** Short SHA-256 fingerprints of the new tokens, never the tokens. */
  accessTokenFingerprint?: string
  refreshTokenFingerprint?: string
  /** True when a new refresh token replaced the old one (RFC 9700 §4.14.2). */
  refreshTokenRotated?: boolean
  idTokenRenewed?: boolean
}

export type ApiCall<T> =
  | { status: 'pending'; startedAt: number }
  | {
      status: 'done'
      startedAt: number
      durationMs: number
      result: T
      retriedAfterRefresh: boolean
    }
  | {
      status: 'failed'
      startedAt: number
      durationMs: number
      error: OidcError
      retriedAfterRefresh: boolean
    }

export interface SignedIn {
  status: 'signed-in'
  /** The issuer, client_id, metadata and keys this session was signed in with. */
  client: ClientContext
  tokens: TokenSet
  strategy: RenewalStrategy
  autoRefresh: boolean
  refreshing: boolean
  /** Epoch seconds of the next planned refresh. */
  nextRefreshAt?: number
  retry?: { attempt: number; at: number; error: OidcError }
  history: readonly RefreshRecord[]
  userinfo?: ApiCall<UserInfoResult>
  resource?: ApiCall<ResourceResponse>
}

/**
 * What a sign-out did, step by step, so the UI can say exactly what was and was not done. The
 * provider session is "ended" only with evidence: a prompt=none request answered login_required.
 */
export interface SignOutReport {
  refreshToken: 'revoked' | 'failed' | 'not-supported' | 'none'
  accessToken: 'revoked' | 'failed' | 'not-supported'
  endSession: ProviderSessionOutcome
  /** What the provider's metadata says revocation requires, and whether this client is public. */
  revocationAuth?: { methods?: readonly string[]; publicClient: boolean }
  /** Back from the end-session endpoint, but with another `state` than the one sent. */
  stateMismatch?: boolean
  /** Why the provider session's state is unknown, when it is. */
  unknownBecause?: string
  errors: readonly OidcError[]
}

export type ProviderSessionOutcome =
  /** On the way to the provider's end_session_endpoint. */
  | 'redirecting'
  /** Back; a prompt=none request in a hidden frame is finding out whether the session ended. */
  | 'checking'
  /** A prompt=none request was answered login_required: the provider has no session any more. */
  | 'ended'
  /** A prompt=none request came back with a code (discarded): the provider still has the session. */
  | 'not-ended'
  /** Back, but the check could not run or did not answer. */
  | 'unknown'
  | 'not-supported'
  | 'failed'

export type SessionState =
  | {
      status: 'signed-out'
      error?: OidcError
      notice?: string
      /** This tab had a session before the page was reloaded; its tokens are gone. */
      restorable?: { issuer: string; clientId: string }
      signOut?: SignOutReport
    }
  | { status: 'starting'; silent: boolean }
  | { status: 'redirecting'; authorizationUrl: string; silent: boolean }
  /** Step-through mode: everything is ready; the browser has not left yet. */
  | { status: 'paused-before-redirect'; authorizationUrl: string; timelineId: string }
  /** Step-through mode: the callback passed its checks; the code waits to be exchanged. */
  | {
      status: 'paused-before-exchange'
      issuer: string
      clientId: string
      code: string
      /** Epoch seconds. */
      codeReceivedAt: number
    }
  | { status: 'completing' }
  | {
      status: 'needs-client-secret'
      issuer: string
      clientId: string
      /** Epoch seconds when the authorization code arrived; codes live minutes at most (RFC 6749 §4.1.2). */
      codeReceivedAt: number
    }
  | { status: 'signing-out' }
  | SignedIn

export const signedOut: SessionState = { status: 'signed-out' }
