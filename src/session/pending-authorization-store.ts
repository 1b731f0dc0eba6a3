/**
 * Keeps the one pending authorization of this tab across the redirect, in sessionStorage (per tab, per
 * origin), and hands it out once: `take` deletes it before returning, so a reload, the back button or a
 * second render can never exchange a code twice (RFC 9700 §4.2.4). It never holds a token or a secret.
 */
import type { PendingAuthorization } from '../oidc'

export const PENDING_AUTHORIZATION_KEY = 'pkce-lab:pending-authorization'

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

export interface PendingAuthorizationStore {
  save(pending: PendingSignIn): void
  /** Returns the pending authorization and deletes it, in one synchronous step. */
  take(): PendingSignIn | undefined
  /** True when one is waiting; does not consume it. */
  has(): boolean
}

export function createPendingAuthorizationStore(storage: Storage): PendingAuthorizationStore {
  return {
    save(pending) {
      storage.setItem(PENDING_AUTHORIZATION_KEY, JSON.stringify(pending))
    },
    take() {
      const text = storage.getItem(PENDING_AUTHORIZATION_KEY)
      storage.removeItem(PENDING_AUTHORIZATION_KEY)
      if (text === null) return undefined
      try {
        const value: unknown = JSON.parse(text)
        return isPendingSignIn(value) ? value : undefined
      } catch {
        return undefined
      }
    },
    has() {
      return storage.getItem(PENDING_AUTHORIZATION_KEY) !== null
    },
  }
}
