/** The sign-in request the form's settings make, in one place for the button and the silent restore. */
import type { SignInRequest } from '../session'
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
  }
}
