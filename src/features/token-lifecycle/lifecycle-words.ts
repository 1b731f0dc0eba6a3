/**
 * The words the token lifecycle is shown in: strategies, triggers, durations and times of day. Kept
 * apart from the components so the table, the summary and the announcements say the same thing.
 */
import type { RefreshRecord, RefreshTrigger, RenewalStrategy } from '../../session'

export const STRATEGY_WORDS: Record<RenewalStrategy, string> = {
  refresh_token: 'refresh token grant (RFC 6749 §6)',
  silent_iframe:
    'silent re-authorization with prompt=none in a hidden frame (no refresh token was issued)',
  none: 'none: no refresh token and no silent renewal available; sign in again when the token expires',
}

/** Shorter, for a table cell. */
export const STRATEGY_SHORT_WORDS: Record<RefreshRecord['strategy'], string> = {
  refresh_token: 'refresh token grant',
  silent_iframe: 'silent re-authorization (hidden frame)',
}

export const TRIGGER_WORDS: Record<RefreshTrigger, string> = {
  timer: 'scheduled',
  wake: 'page woke up',
  retry: 'retry',
  manual: 'Refresh now',
  unauthorized: 'API answered 401',
}

/** A countdown-sized duration, e.g. "14 s", "4 min 30 s", "1 min", "1 h 5 s". */
export function formatDuration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.round(totalSeconds))
  const parts = [
    [Math.floor(seconds / 3600), 'h'],
    [Math.floor((seconds % 3600) / 60), 'min'],
    [seconds % 60, 's'],
  ] as const
  const shown = parts.filter(([amount]) => amount > 0).map(([amount, unit]) => `${amount} ${unit}`)
  return shown.length === 0 ? '0 s' : shown.join(' ')
}

let timeOfDayFormat: Intl.DateTimeFormat | undefined

/** The local time of day with seconds, e.g. "12:00:05 PM": enough to tell refreshes apart. */
export function formatTimeOfDay(epochMs: number): string {
  // Made once: building a formatter costs far more than formatting with it.
  timeOfDayFormat ??= new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' })
  return timeOfDayFormat.format(epochMs)
}
