// @vitest-environment happy-dom
import { cleanup, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { exportJWK, generateKeyPair, generateSecret, SignJWT } from 'jose'
import type { CryptoKey, JWK, JWTHeaderParameters } from 'jose'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

import { SignatureCheck } from '../../src/features/token-inspector/signature-check'
import type { SignatureResult } from '../../src/jwt/verify-signature'
import { renderStrict } from '../support/render'

const JWKS_URI = 'https://op.example/jwks'
const CLAIMS = { iss: 'https://op.example', sub: 'alice', aud: 'spa' }
const VERIFIED_TEXT =
  "Signature verified with the provider's key k1 (RS256), fetched from https://op.example/jwks. This proves the provider signed exactly this header and payload; it says nothing about whether the claims fit your request — that is what the checks above are for."

let privateKey: CryptoKey
let jwk: JWK

beforeAll(async () => {
  const pair = await generateKeyPair('RS256')
  privateKey = pair.privateKey
  jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' }
})

afterEach(() => {
  cleanup()
})

function sign(header: JWTHeaderParameters = { alg: 'RS256', kid: 'k1' }, claims = CLAIMS) {
  return new SignJWT(claims).setProtectedHeader(header).sign(privateKey)
}

function serveKeys() {
  return vi.fn<typeof fetch>(() => Promise.resolve(Response.json({ keys: [jwk] })))
}

/** A key-set fetch that answers only when the test says so. */
function deferredKeys() {
  let answer: () => void = () => undefined
  const fetchKeys = vi.fn<typeof fetch>(
    () =>
      new Promise((resolve) => {
        answer = () => {
          resolve(Response.json({ keys: [jwk] }))
        }
      }),
  )
  return {
    fetch: fetchKeys,
    answer: () => {
      answer()
    },
  }
}

function status(): HTMLElement {
  return screen.getByRole('status')
}

describe('SignatureCheck', () => {
  it('offers a plain button named after the token, and no result yet', async () => {
    renderStrict(<SignatureCheck token={await sign()} tokenName="ID token" jwksUri={JWKS_URI} />)

    const button = screen.getByRole('button', { name: 'Verify ID token signature' })
    expect(button.getAttribute('type')).toBe('button')
    expect(status().textContent).toBe('')
    expect(status().getAttribute('aria-live')).toBe('polite')
    expect(screen.queryByRole('note')).toBeNull()
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('says "Checking…", then that the signature was verified with the named key, once', async () => {
    const user = userEvent.setup()
    const keys = deferredKeys()
    const onResult = vi.fn<(result: SignatureResult) => void>()
    renderStrict(
      <SignatureCheck
        token={await sign()}
        tokenName="ID token"
        jwksUri={JWKS_URI}
        onResult={onResult}
        fetch={keys.fetch}
      />,
    )

    await user.click(screen.getByRole('button', { name: 'Verify ID token signature' }))
    await waitFor(() => {
      expect(keys.fetch).toHaveBeenCalled()
    })
    expect(status().textContent).toBe('Checking…')

    keys.answer()

    await waitFor(() => {
      expect(status().textContent).toBe(VERIFIED_TEXT)
    })
    expect(keys.fetch.mock.calls.map(([url]) => url)).toEqual([JWKS_URI])
    expect(onResult).toHaveBeenCalledTimes(1)
    expect(onResult).toHaveBeenCalledWith({ status: 'verified', kid: 'k1', alg: 'RS256' })
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('says why the check failed for a token altered after signing', async () => {
    const user = userEvent.setup()
    const [header, , signature] = (await sign()).split('.')
    const forged = Buffer.from(JSON.stringify({ ...CLAIMS, sub: 'mallory' })).toString('base64url')
    const onResult = vi.fn<(result: SignatureResult) => void>()
    renderStrict(
      <SignatureCheck
        token={`${header ?? ''}.${forged}.${signature ?? ''}`}
        tokenName="ID token"
        jwksUri={JWKS_URI}
        onResult={onResult}
        fetch={serveKeys()}
      />,
    )

    await user.click(screen.getByRole('button', { name: 'Verify ID token signature' }))

    await waitFor(() => {
      expect(status().textContent).toBe(
        'Signature check failed: the signature does not match the payload: the token was altered, or signed by another key.',
      )
    })
    expect(onResult).toHaveBeenCalledWith(expect.objectContaining({ status: 'failed' }))
  })

  it('says an HS256 token cannot be verified here, without fetching keys', async () => {
    const user = userEvent.setup()
    const fetchKeys = serveKeys()
    const token = await new SignJWT(CLAIMS)
      .setProtectedHeader({ alg: 'HS256' })
      .sign(await generateSecret('HS256'))
    renderStrict(
      <SignatureCheck
        token={token}
        tokenName="access token"
        jwksUri={JWKS_URI}
        fetch={fetchKeys}
      />,
    )

    await user.click(screen.getByRole('button', { name: 'Verify access token signature' }))

    await waitFor(() => {
      expect(status().textContent).toMatch(/^Cannot be verified here: signed with a shared secret/)
    })
    expect(status().textContent).toMatch(/a browser app never should hold that secret\.$/)
    expect(fetchKeys).not.toHaveBeenCalled()
  })

  it('warns, as a note in words, when the token points to its own key set with jku', async () => {
    const token = await sign({ alg: 'RS256', kid: 'k1', jku: 'https://attacker.example/jwks' })
    renderStrict(<SignatureCheck token={token} tokenName="ID token" jwksUri={JWKS_URI} />)

    const note = screen.getByRole('note')
    expect(note.textContent).toMatch(/^Warning: this token names its own key\./)
    expect(note.textContent).toMatch(/"jku".*https:\/\/attacker\.example\/jwks/)
    expect(note.textContent).toMatch(/proves nothing/)
  })

  it('shows no warning and no crash for an opaque token', () => {
    renderStrict(<SignatureCheck token="opaque-123" tokenName="access token" jwksUri={JWKS_URI} />)

    expect(screen.queryByRole('note')).toBeNull()
    expect(screen.getByRole('button', { name: 'Verify access token signature' })).toBeTruthy()
  })

  it('verifies with the key set the session holds, without fetching it again', async () => {
    const user = userEvent.setup()
    const fetchKeys = serveKeys()
    renderStrict(
      <SignatureCheck
        token={await sign()}
        tokenName="ID token"
        jwksUri={JWKS_URI}
        heldKeySet={{ keys: [jwk] }}
        fetch={fetchKeys}
      />,
    )

    await user.click(screen.getByRole('button', { name: 'Verify ID token signature' }))

    await waitFor(() => {
      expect(status().textContent).toContain("Signature verified with the provider's key k1")
    })
    expect(status().textContent).toContain(
      'fetched from https://op.example/jwks before the redirect and held in memory since.',
    )
    expect(fetchKeys).not.toHaveBeenCalled()
  })

  it('fails with the held key set when the token was signed by another key', async () => {
    const user = userEvent.setup()
    const other = await generateKeyPair('RS256')
    const otherJwk = { ...(await exportJWK(other.publicKey)), kid: 'k1', alg: 'RS256' }
    renderStrict(
      <SignatureCheck
        token={await sign()}
        tokenName="ID token"
        jwksUri={JWKS_URI}
        heldKeySet={{ keys: [otherJwk] }}
        fetch={serveKeys()}
      />,
    )

    await user.click(screen.getByRole('button', { name: 'Verify ID token signature' }))

    await waitFor(() => {
      expect(status().textContent).toMatch(/^Signature check failed/)
    })
  })

  it('forgets the result when the token changes, and drops a result for a replaced token', async () => {
    const user = userEvent.setup()
    const onResult = vi.fn<(result: SignatureResult) => void>()
    const first = await sign()
    const second = await sign({ alg: 'RS256', kid: 'k1' }, { ...CLAIMS, sub: 'alice-2' })
    const view = renderStrict(
      <SignatureCheck
        token={first}
        tokenName="ID token"
        jwksUri={JWKS_URI}
        onResult={onResult}
        fetch={serveKeys()}
      />,
    )
    await user.click(screen.getByRole('button', { name: 'Verify ID token signature' }))
    await waitFor(() => {
      expect(status().textContent).toBe(VERIFIED_TEXT)
    })

    // A refresh brings a new token: the old verdict must not appear to vouch for it.
    const keys = deferredKeys()
    view.rerender(
      <SignatureCheck
        token={second}
        tokenName="ID token"
        jwksUri={JWKS_URI}
        onResult={onResult}
        fetch={keys.fetch}
      />,
    )
    expect(status().textContent).toBe('')

    // A check still running when the token is replaced must not report on the replacement.
    await user.click(screen.getByRole('button', { name: 'Verify ID token signature' }))
    await waitFor(() => {
      expect(keys.fetch).toHaveBeenCalled()
    })
    view.rerender(
      <SignatureCheck
        token={first}
        tokenName="ID token"
        jwksUri={JWKS_URI}
        onResult={onResult}
        fetch={keys.fetch}
      />,
    )
    keys.answer()
    await new Promise((resolve) => setTimeout(resolve, 50))

    expect(status().textContent).toBe('')
    expect(onResult).toHaveBeenCalledTimes(1)
  })
})
