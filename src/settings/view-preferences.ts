/**
 * How the user likes the page to look, remembered in localStorage: the theme, and which collapsible
 * parts are open. A preference, never a secret: read back by allowlist, so nothing but a theme name
 * section ids with true or false, and tab ids can come out of it.
 */

export const VIEW_PREFERENCES_KEY = 'pkce-lab:view'

export type ThemeChoice = 'system' | 'light' | 'dark'

export interface ViewPreferences {
  /** 'system' follows prefers-color-scheme. */
  theme: ThemeChoice
  /** Section id → open, for the sections the user opened or closed. */
  open: Readonly<Record<string, boolean>>
  /** Tab list id → the id of the tab last chosen in it. */
  tabs: Readonly<Record<string, string>>
}

export const DEFAULT_VIEW_PREFERENCES: ViewPreferences = { theme: 'system', open: {}, tabs: {} }

const THEMES: readonly ThemeChoice[] = ['system', 'light', 'dark']
/** Ids are the app's own kebab-case names; anything else in storage is not ours and is dropped. */
const SECTION_ID = /^[a-z0-9][a-z0-9-]{0,63}$/
const MAX_SECTIONS = 100

export function isThemeChoice(value: unknown): value is ThemeChoice {
  return THEMES.includes(value as ThemeChoice)
}

export function loadViewPreferences(storage: Storage): ViewPreferences {
  try {
    const value: unknown = JSON.parse(storage.getItem(VIEW_PREFERENCES_KEY) ?? 'null')
    if (typeof value !== 'object' || value === null) return DEFAULT_VIEW_PREFERENCES
    const { theme, open, tabs } = value as Record<string, unknown>
    return {
      theme: isThemeChoice(theme) ? theme : 'system',
      open: Object.fromEntries(
        entriesOf(open).filter(
          (entry): entry is [string, boolean] => typeof entry[1] === 'boolean',
        ),
      ),
      tabs: Object.fromEntries(
        entriesOf(tabs).filter(
          (entry): entry is [string, string] =>
            typeof entry[1] === 'string' && SECTION_ID.test(entry[1]),
        ),
      ),
    }
  } catch {
    return DEFAULT_VIEW_PREFERENCES
  }
}

/** The entries of a plain object whose keys are section ids, at most MAX_SECTIONS of them. */
function entriesOf(value: unknown): [string, unknown][] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return []
  return Object.entries(value)
    .filter(([id]) => SECTION_ID.test(id))
    .slice(-MAX_SECTIONS)
}

export function saveViewPreferences(storage: Storage, preferences: ViewPreferences): void {
  storage.setItem(
    VIEW_PREFERENCES_KEY,
    JSON.stringify({
      theme: preferences.theme,
      open: Object.fromEntries(entriesOf(preferences.open)),
      tabs: Object.fromEntries(entriesOf(preferences.tabs)),
    }),
  )
}
