/**
 * How the user likes the lab to behave, remembered in localStorage: nothing secret, nothing about a
 * provider.
 */

export const PREFERENCES_KEY = 'pkce-lab:preferences'

export interface Preferences {
  /** After a reload, restore the session with a top-level prompt=none redirect without asking. */
  autoRestore: boolean
  /** Pause before the redirect and before the code exchange. */
  stepThrough: boolean
}

export const DEFAULT_PREFERENCES: Preferences = { autoRestore: false, stepThrough: false }

export function loadPreferences(storage: Storage): Preferences {
  try {
    const value: unknown = JSON.parse(storage.getItem(PREFERENCES_KEY) ?? 'null')
    if (typeof value !== 'object' || value === null) return DEFAULT_PREFERENCES
    const { autoRestore, stepThrough } = value as Record<string, unknown>
    return { autoRestore: autoRestore === true, stepThrough: stepThrough === true }
  } catch {
    return DEFAULT_PREFERENCES
  }
}

export function savePreferences(storage: Storage, preferences: Preferences): void {
  const { autoRestore, stepThrough } = preferences
  storage.setItem(PREFERENCES_KEY, JSON.stringify({ autoRestore, stepThrough }))
}
