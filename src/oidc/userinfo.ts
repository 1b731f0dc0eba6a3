/**
 * The UserInfo request (OpenID Connect Core §5.3): the access token goes in the Authorization header,
 * never in a URL (RFC 6750 §2.1, RFC 9700 §4.3.2), with a DPoP proof when it is bound to a key (RFC
 * 9449 §7), and the answer's `sub` must be the ID token's.
 */
import * as oauth from 'oauth4webapi'

import { oauthClient } from './client-context'
import type { ClientContext } from './client-context'
import { dpopOption, withDpopNonce } from './dpop'
import type { DpopKey } from './dpop'
import { requestOptions } from './http'
import type { HttpOptions } from './http'
import { OidcError } from './oidc-error'
import { toOidcError } from './translate-error'

export interface UserInfoResult {
  claims: Readonly<Record<string, unknown>>
  status: number
  headers: [string, string][]
}

export async function fetchUserInfo(input: {
  client: ClientContext
  accessToken: string
  /** The ID token's `sub` (OIDC Core §5.3.2). */
  expectedSubject: string
  http: HttpOptions
  /** For a DPoP-bound token: `Authorization: DPoP` and a proof with its hash (RFC 9449 §7). */
  dpop?: DpopKey
}): Promise<UserInfoResult> {
  const { client: context, http, dpop } = input
  const url = context.metadata.userinfo_endpoint
  if (url === undefined) {
    throw new OidcError('userinfo_failed', 'userinfo', 'The provider has no userinfo_endpoint', {
      check: 'userinfo_endpoint',
    })
  }
  try {
    const response = await withDpopNonce(dpop, () =>
      oauth.userInfoRequest(context.metadata, oauthClient(context), input.accessToken, {
        ...requestOptions('userinfo', new URL(context.metadata.issuer), http),
        ...dpopOption(dpop),
      }),
    )
    const headers = [...response.headers.entries()]
    const claims = await oauth.processUserInfoResponse(
      context.metadata,
      oauthClient(context),
      input.expectedSubject,
      response,
    )
    return { claims, status: response.status, headers }
  } catch (error) {
    throw toOidcError(error, 'userinfo', { url })
  }
}
