/**
 * Token revocation (RFC 7009): tells the provider a token is no longer needed. A provider without a
 * revocation endpoint (Entra ID) simply cannot be asked; the caller says so.
 */
import * as oauth from 'oauth4webapi'

import { clientAuth, oauthClient } from './client-context'
import type { ClientContext } from './client-context'
import { requestOptions } from './http'
import type { HttpOptions } from './http'
import { toOidcError } from './translate-error'

export function canRevoke(context: ClientContext): boolean {
  return context.metadata.revocation_endpoint !== undefined
}

export async function revokeToken(input: {
  client: ClientContext
  clientSecret: string | undefined
  token: string
  tokenTypeHint: 'refresh_token' | 'access_token'
  http: HttpOptions
}): Promise<void> {
  const { client: context } = input
  const url = context.metadata.revocation_endpoint
  try {
    const response = await oauth.revocationRequest(
      context.metadata,
      oauthClient(context),
      clientAuth(context.clientAuthentication, input.clientSecret, 'revocation'),
      input.token,
      {
        ...requestOptions('revocation', new URL(context.metadata.issuer), input.http),
        additionalParameters: { token_type_hint: input.tokenTypeHint },
      },
    )
    await oauth.processRevocationResponse(response)
  } catch (error) {
    throw toOidcError(error, 'revocation', { url })
  }
}
