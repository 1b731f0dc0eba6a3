/**
 * The sign-in request the form's settings make, in one place for the button and the silent restore;
 * a restore goes only to the issuer and client the tab's marker names.
 */
import type { SessionHint, SignInRequest } from '../session'
import { extraParamsToSend } from '../settings'
import type { ProviderSettings } from '../settings'

export function signInRequestFor(
  settings: ProviderSettings,
  redirectUri: string,
  clientSecret = '',
  stepThrough = false,
): SignInRequest {
  return {
    stepThrough,
    issuer: settings.issuer,
    clientId: settings.clientId,
    ...(clientSecret ? { clientSecret } : {}),
    scope: settings.scope,
    extraParams: extraParamsToSend(settings),
    redirectUri,
    pushedAuthorization: settings.pushedAuthorization,
    dpop: settings.dpop,
  }
}

/**
 * The silent restore of the session this tab had: only for the issuer and client_id its marker
 * names. When the form names others (a link, an edit), restoring would send a prompt=none request to
 * them instead, so it is refused and both pairs are returned to be shown.
 */
export function restoreRequestFor(
  settings: ProviderSettings,
  marker: SessionHint,
  redirectUri: string,
):
  | { ok: true; marker: SessionHint; request: SignInRequest }
  | { ok: false; marker: SessionHint; form: SessionHint } {
  const form = { issuer: settings.issuer.trim(), clientId: settings.clientId.trim() }
  if (form.issuer !== marker.issuer || form.clientId !== marker.clientId) {
    return { ok: false, marker, form }
  }
  return { ok: true, marker, request: signInRequestFor(settings, redirectUri) }
}
