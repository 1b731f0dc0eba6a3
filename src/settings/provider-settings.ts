/**
 * What the user configures to talk to a provider. Nothing here is secret: the client secret is kept
 * apart, in memory, so these settings may be remembered and shared in a link.
 */
import { refusedParameterReason } from './extra-parameter-names'
import { DEFAULT_PRESET } from './presets'
import type { Preset, PresetId } from './presets'

export interface ExtraParam {
  name: string
  value: string
}

export interface ProviderSettings {
  preset: PresetId
  issuer: string
  clientId: string
  scope: string
  extraParams: readonly ExtraParam[]
  /** Push the authorization request first (RFC 9126); done anyway where the provider requires it. */
  pushedAuthorization: boolean
  /** Bind the tokens to a key of this page with DPoP proofs (RFC 9449), at providers that offer it. */
  dpop: boolean
}

export function settingsFromPreset(preset: Preset): ProviderSettings {
  return {
    preset: preset.id,
    issuer: preset.issuer,
    clientId: preset.clientId,
    scope: preset.scope,
    extraParams: preset.extraParams.map(([name, value]) => ({ name, value })),
    pushedAuthorization: false,
    dpop: false,
  }
}

export const DEFAULT_SETTINGS: ProviderSettings = settingsFromPreset(DEFAULT_PRESET)

/** The extra parameters that are actually sent: rows with an allowed name and a value. */
export function extraParamsToSend(settings: ProviderSettings): [string, string][] {
  return settings.extraParams
    .map(({ name, value }): [string, string] => [name.trim(), value.trim()])
    .filter(([name, value]) => name !== '' && value !== '' && !refusedParameterReason(name))
}
