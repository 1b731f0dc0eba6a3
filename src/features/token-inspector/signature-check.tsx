import { useEffect, useMemo, useRef, useState } from 'react'

import { decodeJwt } from '../../jwt/decode-jwt'
// Static on purpose: this module is small and loads jose itself only when a check runs, so the first
// screen does not carry the JOSE library (and a mixed static/dynamic import would not split anyway).
import { keyHeaderWarnings, verifyJwtSignature } from '../../jwt/verify-signature'
import type { SignatureResult } from '../../jwt/verify-signature'

export interface SignatureCheckProps {
  token: string
  /** How the page names the token, e.g. "ID token"; the button says "Verify ID token signature". */
  tokenName: string
  /** The provider's discovered jwks_uri, the only place keys are taken from. */
  jwksUri: string | undefined
  /** The key set fetched from jwks_uri before the redirect, when the session holds it. */
  heldKeySet?: unknown
  onResult?: (result: SignatureResult) => void
  /** Fetches the key set; defaults to the global fetch. Tests pass a fake provider. */
  fetch?: typeof fetch
}

type CheckState =
  | { phase: 'idle' }
  | { phase: 'checking'; token: string }
  | {
      phase: 'done'
      token: string
      jwksUri: string | undefined
      held: boolean
      result: SignatureResult
    }

/**
 * Verifies one token's signature when asked, and says what that does and does not prove. A result
 * belongs to the token it was computed for: a refreshed token starts unchecked.
 */
export function SignatureCheck({
  token,
  tokenName,
  jwksUri,
  heldKeySet,
  onResult,
  fetch,
}: SignatureCheckProps) {
  const [state, setState] = useState<CheckState>({ phase: 'idle' })
  const latestAttempt = useRef(0)
  const currentToken = useRef<string | undefined>(undefined)

  useEffect(() => {
    currentToken.current = token
    return () => {
      currentToken.current = undefined
    }
  }, [token])

  const warnings = useMemo(() => {
    const decoded = decodeJwt(token)
    // Not a readable JWS (opaque, encrypted, malformed): no header, so no key headers to warn about.
    return decoded.kind === 'jwt' ? keyHeaderWarnings(decoded.header) : []
  }, [token])

  // Derived rather than reset in an effect, so a new token never shows the old token's result.
  const view: CheckState =
    state.phase !== 'idle' && state.token === token ? state : { phase: 'idle' }

  async function check() {
    latestAttempt.current += 1
    const attempt = latestAttempt.current
    setState({ phase: 'checking', token })
    const result = await verifyJwtSignature({
      token,
      jwksUri,
      fetch,
      ...(heldKeySet === undefined ? {} : { heldKeySet }),
    }).catch((error: unknown): SignatureResult => ({
      status: 'cannot-verify',
      reason: `the check could not run (${error instanceof Error ? error.message : String(error)})`,
    }))
    // Drop a result that arrives after another click, a token refresh or unmounting.
    if (latestAttempt.current !== attempt || currentToken.current !== token) {
      return
    }
    setState({ phase: 'done', token, jwksUri, held: heldKeySet !== undefined, result })
    onResult?.(result)
  }

  const checking = view.phase === 'checking'

  return (
    <div className="signature-check">
      {warnings.length > 0 && (
        <div role="note" className="signature-check__key-headers">
          <p>
            <strong>Warning: this token names its own key.</strong> PKCE Lab ignores it.
          </p>
          <ul>
            {warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </div>
      )}
      <p>
        <button
          type="button"
          // aria-disabled rather than disabled, so the button keeps focus while the check runs.
          aria-disabled={checking}
          onClick={() => {
            if (!checking) {
              void check()
            }
          }}
        >
          Verify {tokenName} signature
        </button>
      </p>
      <p role="status" aria-live="polite" className="signature-check__result">
        {view.phase === 'checking' && 'Checking…'}
        {view.phase === 'done' && (
          <ResultText result={view.result} jwksUri={view.jwksUri} held={view.held} />
        )}
      </p>
    </div>
  )
}

function ResultText({
  result,
  jwksUri,
  held,
}: {
  result: SignatureResult
  jwksUri: string | undefined
  held: boolean
}) {
  switch (result.status) {
    case 'verified':
      return (
        <>
          Signature verified with the provider&apos;s key{' '}
          {result.kid === undefined ? '(the token names no kid)' : <code>{result.kid}</code>} (
          {result.alg}), fetched from <code>{jwksUri}</code>
          {held ? ' before the redirect and held in memory since' : ''}. This proves the provider
          signed exactly this header and payload; it says nothing about whether the claims fit your
          request — that is what the checks above are for.
        </>
      )
    case 'failed':
      return <>Signature check failed: {result.reason}.</>
    case 'cannot-verify':
      return <>Cannot be verified here: {result.reason}.</>
  }
}
