/**
 * Which settings the app opens with: a settings link wins, then what this browser remembered, then the
 * default preset. Also says what a link could not carry over.
 */
import { DEFAULT_SETTINGS, isSettingsLink, loadSettings, parseSettingsLink } from '../settings'
import type { ProviderSettings } from '../settings'

export interface InitialSettings {
  settings: ProviderSettings
  fromLink: boolean
  /** Things the user must know about the link, in plain words. */
  warnings: string[]
}

export function resolveInitialSettings(
  query: URLSearchParams,
  storage: Storage,
  redirectUri: string,
): InitialSettings {
  if (!isSettingsLink(query)) {
    return { settings: loadSettings(storage) ?? DEFAULT_SETTINGS, fromLink: false, warnings: [] }
  }
  const parsed = parseSettingsLink(query)
  const warnings: string[] = []
  if (parsed.refused.length > 0) {
    warnings.push(
      `The link carried ${parsed.refused.join(', ')}; it was ignored. Secrets never travel in links: enter it yourself.`,
    )
  }
  if (parsed.linkedRedirectUri !== undefined && parsed.linkedRedirectUri !== redirectUri) {
    warnings.push(
      `The link was made for the redirect URI ${parsed.linkedRedirectUri}; here it is ${redirectUri}. Register this one at the provider too.`,
    )
  }
  return { settings: parsed.settings, fromLink: true, warnings }
}
