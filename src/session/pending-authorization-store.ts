/**
 * Keeps the one pending authorization of this tab across the redirect, in sessionStorage (per tab, per
 * origin), and hands it out once: `take` deletes it before returning, so a reload, the back button or a
 * second render can never exchange a code twice (RFC 9700 §4.2.4). It is written field by field from
 * the parsed structure, never as whatever object it was given, and it ages out: the code_verifier is
 * the one value here that could help redeem a code, so it is honoured for minutes, not for the tab's
 * life. It never holds a token or a secret.
 */
import type { PendingAuthorization } from '../oidc'

export const PENDING_AUTHORIZATION_KEY = 'pkce-lab:pending-authorization'

/**
 * Ten minutes: longer than a login with a second factor takes, far longer than an authorization code
 * lives (RFC 6749 §4.1.2 recommends at most ten minutes for the code itself).
 */
export const PENDING_AUTHORIZATION_MAX_AGE_SECONDS = 600

const REQUIRED_STRINGS = [
  'issuer',
  'clientId',
  'redirectUri',
  'scope',
  'state',
  'nonce',
  'codeVerifier',
  'idTokenAlg',
  'clientAuthentication',
] as const

function isPendingSignIn(value: unknown): value is PendingSignIn {
  if (typeof value !== 'object' || value === null) return false
  const record = value as Record<string, unknown>
  return (
    REQUIRED_STRINGS.every((key) => typeof record[key] === 'string') &&
    typeof record.metadata === 'object' &&
    record.metadata !== null &&
    typeof record.createdAt === 'number' &&
    typeof record.silent === 'boolean' &&
    typeof record.stepThrough === 'boolean' &&
    Array.isArray(record.extraParams)
  )
}

/** The pending authorization plus how this app should go on with it. */
export type PendingSignIn = PendingAuthorization & {
  /** Pause before the code exchange (step-through mode). */
  stepThrough: boolean
}

/** What `take` found: the pending authorization, one too old to honour, or none at all. */
export type TakenAuthorization =
  | { status: 'taken'; pending: PendingSignIn }
  | { status: 'expired'; ageSeconds: number }
  | { status: 'none' }

export interface PendingAuthorizationStore {
  save(pending: PendingSignIn): void
  /** Returns the pending authorization and deletes it, in one synchronous step. */
  take(nowSeconds: number): TakenAuthorization
  /** Deletes it, unread. */
  discard(): void
  /** True when one is waiting; does not consume it. */
  has(): boolean
}

/** The fields that cross the redirect, by name: nothing else given to `save` is written. */
function allowlisted(pending: PendingSignIn): PendingSignIn {
  return {
    issuer: pending.issuer,
    metadata: pending.metadata,
    clientId: pending.clientId,
    redirectUri: pending.redirectUri,
    scope: pending.scope,
    state: pending.state,
    nonce: pending.nonce,
    codeVerifier: pending.codeVerifier,
    idTokenAlg: pending.idTokenAlg,
    clientAuthentication: pending.clientAuthentication,
    ...(pending.maxAge === undefined ? {} : { maxAge: pending.maxAge }),
    extraParams: pending.extraParams,
    silent: pending.silent,
    ...(pending.pushedAuthorization === true ? { pushedAuthorization: true as const } : {}),
    ...(pending.dpopRequested === true ? { dpopRequested: true as const } : {}),
    ...(pending.jwks === undefined ? {} : { jwks: pending.jwks }),
    ...(typeof pending.jwksUnavailable === 'string'
      ? { jwksUnavailable: pending.jwksUnavailable }
      : {}),
    createdAt: pending.createdAt,
    stepThrough: pending.stepThrough,
  }
}

function read(text: string): PendingSignIn | undefined {
  try {
    const value: unknown = JSON.parse(text)
    return isPendingSignIn(value) ? allowlisted(value) : undefined
  } catch {
    return undefined
  }
}

export function createPendingAuthorizationStore(storage: Storage): PendingAuthorizationStore {
  return {
    save(pending) {
      storage.setItem(PENDING_AUTHORIZATION_KEY, JSON.stringify(allowlisted(pending)))
    },
    take(nowSeconds) {
      const text = storage.getItem(PENDING_AUTHORIZATION_KEY)
      storage.removeItem(PENDING_AUTHORIZATION_KEY)
      const pending = text === null ? undefined : read(text)
      if (!pending) return { status: 'none' }
      const ageSeconds = nowSeconds - pending.createdAt
      return ageSeconds > PENDING_AUTHORIZATION_MAX_AGE_SECONDS
        ? { status: 'expired', ageSeconds }
        : { status: 'taken', pending }
    },
    discard() {
      storage.removeItem(PENDING_AUTHORIZATION_KEY)
    },
    has() {
      return storage.getItem(PENDING_AUTHORIZATION_KEY) !== null
    },
  }
}
