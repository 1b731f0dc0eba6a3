/**
 * Token revocation (RFC 7009): tells the provider a token is no longer needed. A provider without a
 * revocation endpoint (Entra ID) simply cannot be asked; the caller says so.
 */
import * as oauth from 'oauth4webapi'

import { clientAuth, oauthClient } from './client-context'
import type { ClientContext } from './client-context'
import { requestOptions } from './http'
import type { HttpOptions } from './http'
import { OidcError } from './oidc-error'
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
    if (!response.ok && !isJson(response)) throw await refusalWithoutBody(response, url)
    await oauth.processRevocationResponse(response)
  } catch (error) {
    throw toOidcError(error, 'revocation', { url })
  }
}

function isJson(response: Response): boolean {
  return /^application\/(?:[\w.+-]+\+)?json\b/i.test(response.headers.get('content-type') ?? '')
}

/**
 * A refusal without an OAuth error body (RFC 7009 §2.2.1 asks for one): said as the status and what
 * came instead, not as oauth4webapi's complaint about the content type, which reads like a token
 * response that went wrong.
 */
async function refusalWithoutBody(response: Response, url: string | undefined): Promise<OidcError> {
  const text = await response.text()
  const type = response.headers.get('content-type')
  const body =
    text === ''
      ? 'an empty body'
      : `a body that is not an OAuth error (${type === null ? 'no content type' : type})`
  return new OidcError(
    'revocation_failed',
    'revocation',
    `The revocation endpoint answered HTTP ${String(response.status)} with ${body}`,
    { status: response.status, ...(url === undefined ? {} : { url }) },
  )
}
