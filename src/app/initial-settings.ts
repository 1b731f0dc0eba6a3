/**
 * Which settings the app opens with: what this browser remembered, else the default preset. A
 * settings link does not change them: it is returned as a proposal for the user to review, since
 * anyone can make a link (RFC 9700 §4.4).
 */
import { DEFAULT_SETTINGS, isSettingsLink, loadSettings, parseSettingsLink } from '../settings'
import type { ParsedSettingsLink, ProviderSettings } from '../settings'

export interface InitialSettings {
  settings: ProviderSettings
  /** What a settings link in the address proposes, untrusted until the user accepts it. */
  link?: ParsedSettingsLink
}

export function resolveInitialSettings(query: URLSearchParams, storage: Storage): InitialSettings {
  const settings = loadSettings(storage) ?? DEFAULT_SETTINGS
  return isSettingsLink(query) ? { settings, link: parseSettingsLink(query) } : { settings }
}
