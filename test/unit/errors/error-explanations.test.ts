import { describe, expect, it } from 'vitest'

import { explainError } from '../../../src/components/errors/error-explanations'
import { OidcError } from '../../../src/oidc'

describe('explainError: advice that fits the failure', () => {
  it('answers a max_age failure with the auth_time placeholder and max_age, not the clock', () => {
    const { fix } = explainError(
      new OidcError(
        'id_token_rejected',
        'id-token',
        'too much time has elapsed since the last End-User authentication',
        { check: 'auth_time' },
      ),
    )

    expect(fix).toContain('auth_time is 0 or before 2000')
    expect(fix).toContain('max_age')
    expect(fix).not.toContain('check its clock')
  })

  it.each([
    ['exp', 'clock'],
    ['aud', 'client_id'],
    ['iss', 'issuer in the settings'],
    ['nonce', 'nonce this sign-in sent'],
  ])('names what to look at for a failed %s check', (check, words) => {
    const { fix } = explainError(new OidcError('id_token_rejected', 'id-token', 'x', { check }))

    expect(fix).toContain(words)
  })

  it('answers "id_token mandatory" to prompt=none with the id_token_hint requirement, not secrets or redirect URIs', () => {
    const explanation = explainError(
      new OidcError('interactive_sign_in_required', 'silent-authorization', 'invalid_request', {
        oauthError: { error: 'invalid_request', error_description: 'id_token mandatory' },
      }),
    )

    expect(explanation.slug).toBe('id-token-hint-required-with-prompt-none')
    expect(explanation.fix).toContain('Sign in')
    expect(explanation.fix).not.toMatch(/client secret|redirect URI/i)
  })
})

describe('explainError: a request that failed without a status', () => {
  const failed = (reachability: 'hidden' | 'no-answer') =>
    explainError(
      new OidcError('network_error', 'token-request', 'x', {
        origin: 'https://app.example',
        reachability,
      }),
    ).fix

  it('says CORS, with this origin, only when the server was shown to answer', () => {
    expect(failed('hidden')).toContain('the browser hid its answer')
    expect(failed('hidden')).toContain('https://app.example')
  })

  it('says the server did not answer at all, not CORS, when nothing got through', () => {
    expect(failed('no-answer')).toContain('did not answer at all')
    expect(failed('no-answer')).not.toContain('CORS on that endpoint')
  })
})
