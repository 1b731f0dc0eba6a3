/**
 * Two small facts this tab keeps in sessionStorage, neither of them a token or a secret: that it had a
 * session (issuer and client_id), so that after a reload the app can say where the tokens went and offer
 * a silent restore; and the `state` of a sign-out sent to the provider, to recognise the way back.
 */

export const SESSION_HINT_KEY = 'pkce-lab:session-hint'
export const PENDING_SIGN_OUT_KEY = 'pkce-lab:pending-sign-out'

export interface SessionHint {
  issuer: string
  clientId: string
}

export interface TabMarkers {
  readSessionHint(): SessionHint | undefined
  writeSessionHint(hint: SessionHint): void
  clearSessionHint(): void
  savePendingSignOut(state: string): void
  clearPendingSignOut(): void
  /** Returns the saved sign-out state and deletes it. */
  takePendingSignOut(): string | undefined
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
    savePendingSignOut(state) {
      storage.setItem(PENDING_SIGN_OUT_KEY, state)
    },
    clearPendingSignOut() {
      storage.removeItem(PENDING_SIGN_OUT_KEY)
    },
    takePendingSignOut() {
      const state = storage.getItem(PENDING_SIGN_OUT_KEY)
      storage.removeItem(PENDING_SIGN_OUT_KEY)
      return state ?? undefined
    },
  }
}
