/**
 * Remembers the non-secret settings across reloads in localStorage. The type has no secret field, and
 * what is read back is checked field by field, so a stale or edited entry cannot break the form.
 */
import { refusedParameterReason } from './extra-parameter-names'
import { presetById } from './presets'
import type { ExtraParam, ProviderSettings } from './provider-settings'

export const SETTINGS_KEY = 'pkce-lab:settings'

function isExtraParam(value: unknown): value is ExtraParam {
  if (typeof value !== 'object' || value === null) return false
  const record = value as Record<string, unknown>
  return typeof record.name === 'string' && typeof record.value === 'string'
}

export function loadSettings(storage: Storage): ProviderSettings | undefined {
  let value: unknown
  try {
    value = JSON.parse(storage.getItem(SETTINGS_KEY) ?? 'null')
  } catch {
    return undefined
  }
  if (typeof value !== 'object' || value === null) return undefined
  const record = value as Record<string, unknown>
  const preset = typeof record.preset === 'string' ? presetById(record.preset) : undefined
  if (
    !preset ||
    typeof record.issuer !== 'string' ||
    typeof record.clientId !== 'string' ||
    typeof record.scope !== 'string' ||
    !Array.isArray(record.extraParams) ||
    !record.extraParams.every(isExtraParam)
  ) {
    return undefined
  }
  return {
    preset: preset.id,
    issuer: record.issuer,
    clientId: record.clientId,
    scope: record.scope,
    // A name that may not be sent is dropped, whoever wrote it there.
    extraParams: record.extraParams
      .filter(({ name }) => !refusedParameterReason(name))
      .map(({ name, value: paramValue }) => ({ name, value: paramValue })),
    // Absent in what earlier versions stored: off.
    pushedAuthorization: record.pushedAuthorization === true,
    dpop: record.dpop === true,
  }
}

export function saveSettings(storage: Storage, settings: ProviderSettings): void {
  const { preset, issuer, clientId, scope, extraParams, pushedAuthorization, dpop } = settings
  storage.setItem(
    SETTINGS_KEY,
    JSON.stringify({ preset, issuer, clientId, scope, extraParams, pushedAuthorization, dpop }),
  )
}
