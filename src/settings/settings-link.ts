/**
 * Settings as a shareable link: `?issuer=…&client_id=…&scope=…&redirect_uri=…&param.<name>=<value>`,
 * plus `preset=<id>`, `par=1` (push the authorization request, RFC 9126) and `dpop=1` (DPoP, RFC 9449). A secret never goes into a link, and one found in a link is ignored. What a link
 * proposes is only a proposal: anyone can make one, so the app shows it and the user decides (a link
 * that aims the flow at another issuer is how a mix-up starts, RFC 9700 §4.4).
 */
import { refusedParameterReason } from './extra-parameter-names'
import { CUSTOM_PRESET, hasFixedIssuer, presetById } from './presets'
import { settingsFromPreset } from './provider-settings'
import type { ExtraParam, ProviderSettings } from './provider-settings'

/** Prefix that marks an extra authorization parameter in a settings link. */
export const PARAM_PREFIX = 'param.'
const SETTINGS_KEYS = ['issuer', 'client_id', 'scope', 'preset', 'redirect_uri', 'par', 'dpop']
const SECRET_KEYS = ['client_secret', 'secret']

export interface ParsedSettingsLink {
  settings: ProviderSettings
  /** The redirect URI the link was made for, when it names one. */
  linkedRedirectUri?: string
  /** Query keys and extra parameter names that were refused, e.g. a client secret. */
  refused: string[]
  /** The preset the link named, when its fixed issuer is not the link's: the settings are Custom. */
  droppedPreset?: string
}

export function isSettingsLink(query: URLSearchParams): boolean {
  return [...query.keys()].some(
    (key) =>
      SETTINGS_KEYS.includes(key) || key.startsWith(PARAM_PREFIX) || SECRET_KEYS.includes(key),
  )
}

/**
 * Reads a settings link. Fields it does not name come from the preset it names (Custom when none); its
 * `param.*` entries, when there are any, replace the preset's extra parameters.
 */
export function parseSettingsLink(query: URLSearchParams): ParsedSettingsLink {
  const named = presetById(query.get('preset') ?? '') ?? CUSTOM_PRESET
  const issuer = query.get('issuer') ?? named.issuer
  // A preset that stands for one provider (Google) keeps its name only with that provider's issuer:
  // its notes and its secret field would otherwise speak of a provider the link does not use.
  const preset = hasFixedIssuer(named) && issuer !== named.issuer ? CUSTOM_PRESET : named
  const base = settingsFromPreset(preset)
  const extraParams: ExtraParam[] = []
  const refused = SECRET_KEYS.filter((key) => query.has(key))
  for (const [key, value] of query) {
    if (!key.startsWith(PARAM_PREFIX) || key.length === PARAM_PREFIX.length) continue
    const name = key.slice(PARAM_PREFIX.length)
    if (refusedParameterReason(name)) refused.push(key)
    else extraParams.push({ name, value })
  }
  const linkedRedirectUri = query.get('redirect_uri') ?? undefined
  return {
    settings: {
      preset: preset.id,
      issuer,
      clientId: query.get('client_id') ?? base.clientId,
      scope: query.get('scope') ?? base.scope,
      extraParams: extraParams.length > 0 ? extraParams : base.extraParams,
      pushedAuthorization: query.get('par') === '1',
      dpop: query.get('dpop') === '1',
    },
    ...(linkedRedirectUri === undefined ? {} : { linkedRedirectUri }),
    refused,
    ...(preset === named ? {} : { droppedPreset: named.label }),
  }
}

/** Builds the link for `appUrl` (origin + base path). Never includes a secret: there is none here. */
export function buildSettingsLink(
  appUrl: string,
  settings: ProviderSettings,
  redirectUri: string,
): string {
  const url = new URL(appUrl)
  url.searchParams.set('preset', settings.preset)
  url.searchParams.set('issuer', settings.issuer.trim())
  url.searchParams.set('client_id', settings.clientId.trim())
  url.searchParams.set('scope', settings.scope.trim())
  url.searchParams.set('redirect_uri', redirectUri)
  for (const { name, value } of settings.extraParams) {
    if (name.trim()) url.searchParams.append(`${PARAM_PREFIX}${name.trim()}`, value)
  }
  if (settings.pushedAuthorization) url.searchParams.set('par', '1')
  if (settings.dpop) url.searchParams.set('dpop', '1')
  return url.href
}
