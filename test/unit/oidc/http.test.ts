/**
 * A request that fails without a status is told apart by a second one that needs no CORS: the server
 * answered and the browser hid it (CORS), or nothing answered at all.
 */
import * as oauth from 'oauth4webapi'
import { describe, expect, it } from 'vitest'

import { requestOptions } from '../../../src/oidc/http'
import { OidcError } from '../../../src/oidc/oidc-error'

const URL_ = 'https://op.example/token'

async function failure(fetch: typeof globalThis.fetch): Promise<OidcError> {
  const options = requestOptions('token-request', new URL('https://op.example'), {
    appOrigin: 'https://app.example',
    fetch,
  })
  const error: unknown = await options[oauth.customFetch](URL_, { method: 'POST' }).catch(
    (reason: unknown) => reason,
  )
  if (!(error instanceof OidcError)) throw new Error('the request did not fail')
  return error
}

describe('a request that fails without an HTTP status', () => {
  it('is CORS when a no-cors request to the same URL gets through', async () => {
    const modes: (RequestMode | undefined)[] = []
    const error = await failure((_, init) => {
      modes.push(init?.mode)
      return init?.mode === 'no-cors'
        ? Promise.resolve(new Response(null, { status: 200 }))
        : Promise.reject(new TypeError('Failed to fetch'))
    })

    expect(modes).toEqual([undefined, 'no-cors'])
    expect(error.code).toBe('network_error')
    expect(error.reachability).toBe('hidden')
    expect(error.message).toContain('CORS does not allow https://app.example')
  })

  it('is no answer at all when the no-cors request fails too', async () => {
    const error = await failure(() => Promise.reject(new TypeError('Failed to fetch')))

    expect(error.reachability).toBe('no-answer')
    expect(error.message).toContain('did not answer a request that needs no CORS either')
  })
})
