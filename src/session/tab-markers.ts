/**
 * Two small facts this tab keeps in sessionStorage, neither of them a token or a secret: that it had a
 * session (issuer and client_id), so that after a reload the app can say where the tokens went and offer
 * a silent restore; and a sign-out sent to the provider: its `state`, to recognise the way back, where
 * to check that the provider session ended, and what the revocations before it did. The sign-out is
 * written and read back field by field, by allowlist.
 */
import { OidcError } from '../oidc'
import type { SignOutReport } from './session-state'

export const SESSION_HINT_KEY = 'pkce-lab:session-hint'
export const PENDING_SIGN_OUT_KEY = 'pkce-lab:pending-sign-out'

export interface SessionHint {
  issuer: string
  clientId: string
}

/** A revocation that did not revoke, in what may cross a page load: words, a status, an error code. */
export interface RevocationRefusal {
  token: 'refresh_token' | 'access_token'
  code: 'revocation_failed' | 'network_error' | 'timeout'
  message: string
  status?: number
  error?: string
  errorDescription?: string
}

export interface PendingSignOut {
  state: string
  issuer: string
  clientId: string
  /** The redirect URI of the sign-in, for the prompt=none check; absent when this tab had none. */
  redirectUri?: string
  refreshToken: SignOutReport['refreshToken']
  accessToken: SignOutReport['accessToken']
  revocationAuth?: { methods?: string[]; publicClient: boolean }
  refusals: RevocationRefusal[]
}

export interface TabMarkers {
  readSessionHint(): SessionHint | undefined
  writeSessionHint(hint: SessionHint): void
  clearSessionHint(): void
  savePendingSignOut(signOut: PendingSignOut): void
  clearPendingSignOut(): void
  /** Returns the saved sign-out and deletes it. */
  takePendingSignOut(): PendingSignOut | undefined
}

const REFRESH_OUTCOMES = ['revoked', 'failed', 'not-supported', 'none'] as const
const ACCESS_OUTCOMES = ['revoked', 'failed', 'not-supported'] as const
const REFUSAL_CODES = ['revocation_failed', 'network_error', 'timeout'] as const
// Provider words are kept, but never more of them than a sentence needs.
const MAX_TEXT = 500

function oneOf<T extends string>(allowed: readonly T[], value: unknown): T | undefined {
  return allowed.find((item) => item === value)
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value.slice(0, MAX_TEXT) : undefined
}

function readRefusal(value: unknown): RevocationRefusal | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const record = value as Record<string, unknown>
  const token = oneOf(['refresh_token', 'access_token'] as const, record.token)
  const code = oneOf(REFUSAL_CODES, record.code)
  const message = text(record.message)
  if (!token || !code || message === undefined) return undefined
  const error = text(record.error)
  const errorDescription = text(record.errorDescription)
  return {
    token,
    code,
    message,
    ...(typeof record.status === 'number' ? { status: record.status } : {}),
    ...(error === undefined ? {} : { error }),
    ...(errorDescription === undefined ? {} : { errorDescription }),
  }
}

function readPendingSignOut(raw: string | null): PendingSignOut | undefined {
  let value: unknown
  try {
    value = JSON.parse(raw ?? 'null')
  } catch {
    return undefined
  }
  if (typeof value !== 'object' || value === null) return undefined
  const record = value as Record<string, unknown>
  const { state, issuer, clientId, redirectUri } = record
  const refreshToken = oneOf(REFRESH_OUTCOMES, record.refreshToken)
  const accessToken = oneOf(ACCESS_OUTCOMES, record.accessToken)
  if (
    typeof state !== 'string' ||
    typeof issuer !== 'string' ||
    typeof clientId !== 'string' ||
    (redirectUri !== undefined && typeof redirectUri !== 'string') ||
    !refreshToken ||
    !accessToken
  ) {
    return undefined
  }
  const auth = record.revocationAuth as Record<string, unknown> | null | undefined
  const methods = Array.isArray(auth?.methods)
    ? auth.methods.filter((method): method is string => typeof method === 'string')
    : undefined
  return {
    state,
    issuer,
    clientId,
    ...(typeof redirectUri === 'string' ? { redirectUri } : {}),
    refreshToken,
    accessToken,
    ...(typeof auth?.publicClient === 'boolean'
      ? { revocationAuth: { ...(methods ? { methods } : {}), publicClient: auth.publicClient } }
      : {}),
    refusals: Array.isArray(record.refusals)
      ? record.refusals.flatMap((item) => readRefusal(item) ?? [])
      : [],
  }
}

/** The refusals as errors again, for the report on the page the provider sent the browser back to. */
export function refusalErrors(refusals: readonly RevocationRefusal[]): OidcError[] {
  return refusals.map(
    (refusal) =>
      new OidcError(refusal.code, 'revocation', refusal.message, {
        check: refusal.token,
        ...(refusal.status === undefined ? {} : { status: refusal.status }),
        ...(refusal.error === undefined
          ? {}
          : {
              oauthError: {
                error: refusal.error,
                ...(refusal.errorDescription === undefined
                  ? {}
                  : { error_description: refusal.errorDescription }),
              },
            }),
      }),
  )
}

/** The other way: what of a revocation's error may be kept (the allowlist above, as written). */
export function refusalOf(error: OidcError): RevocationRefusal | undefined {
  const token = oneOf(['refresh_token', 'access_token'] as const, error.check)
  const code = oneOf(REFUSAL_CODES, error.code)
  if (!token || !code) return undefined
  return {
    token,
    code,
    message: error.message.slice(0, MAX_TEXT),
    ...(error.status === undefined ? {} : { status: error.status }),
    ...(error.oauthError === undefined
      ? {}
      : {
          error: error.oauthError.error.slice(0, MAX_TEXT),
          ...(error.oauthError.error_description === undefined
            ? {}
            : { errorDescription: error.oauthError.error_description.slice(0, MAX_TEXT) }),
        }),
  }
}

export function createTabMarkers(storage: Storage): TabMarkers {
  return {
    readSessionHint() {
      try {
        const value: unknown = JSON.parse(storage.getItem(SESSION_HINT_KEY) ?? 'null')
        if (typeof value !== 'object' || value === null) return undefined
        const { issuer, clientId } = value as Record<string, unknown>
        return typeof issuer === 'string' && typeof clientId === 'string'
          ? { issuer, clientId }
          : undefined
      } catch {
        return undefined
      }
    },
    writeSessionHint(hint) {
      storage.setItem(SESSION_HINT_KEY, JSON.stringify(hint))
    },
    clearSessionHint() {
      storage.removeItem(SESSION_HINT_KEY)
    },
    savePendingSignOut(signOut) {
      storage.setItem(PENDING_SIGN_OUT_KEY, JSON.stringify(signOut))
    },
    clearPendingSignOut() {
      storage.removeItem(PENDING_SIGN_OUT_KEY)
    },
    takePendingSignOut() {
      const signOut = readPendingSignOut(storage.getItem(PENDING_SIGN_OUT_KEY))
      storage.removeItem(PENDING_SIGN_OUT_KEY)
      return signOut
    },
  }
}
