/** Provider settings, presets and share links: framework-free, nothing secret. */
export { refusedParameterReason } from './extra-parameter-names'
export { DEFAULT_PRESET, hasFixedIssuer, presetById, PRESETS } from './presets'
export type { Preset, PresetId } from './presets'
export { DEFAULT_SETTINGS, extraParamsToSend, settingsFromPreset } from './provider-settings'
export type { ExtraParam, ProviderSettings } from './provider-settings'
export { buildSettingsLink, isSettingsLink, PARAM_PREFIX, parseSettingsLink } from './settings-link'
export type { ParsedSettingsLink } from './settings-link'
export { loadSettings, saveSettings, SETTINGS_KEY } from './settings-store'
export {
  DEFAULT_PREFERENCES,
  loadPreferences,
  PREFERENCES_KEY,
  savePreferences,
} from './preferences'
export type { Preferences } from './preferences'
export {
  DEFAULT_VIEW_PREFERENCES,
  isThemeChoice,
  loadViewPreferences,
  saveViewPreferences,
  VIEW_PREFERENCES_KEY,
} from './view-preferences'
export type { ThemeChoice, ViewPreferences } from './view-preferences'
