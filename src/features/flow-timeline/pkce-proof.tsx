import { encode as base64urlEncode } from 'jose/base64url'
import { useEffect, useState } from 'react'

/**
 * The code_challenge recomputed here, in front of the user, from the code_verifier this page holds in
 * memory: BASE64URL(SHA-256(ASCII(code_verifier))) (RFC 7636 §4.2). Independent of the library that
 * sent it. After a page load the verifier is gone on purpose, and the proof says so.
 */
export function PkceProof(props: { pkce: { codeVerifier?: string; codeChallenge: string } }) {
  const { codeVerifier, codeChallenge } = props.pkce
  if (codeVerifier === undefined) {
    return (
      <div className="pkce-proof">
        <h4>PKCE</h4>
        <dl>
          <dt>code_challenge sent to the authorization endpoint</dt>
          <dd>
            <code data-testid="code-challenge">{codeChallenge}</code>
          </dd>
        </dl>
        <p data-testid="pkce-verdict">
          The code_verifier was deliberately not kept across the page load: with it and the code,
          anyone could redeem tokens (RFC 7636 §1). Only the challenge, which cannot be turned back
          into the verifier, was kept.
        </p>
      </div>
    )
  }
  return <PkceRecomputed codeVerifier={codeVerifier} codeChallenge={codeChallenge} />
}

function PkceRecomputed(props: { codeVerifier: string; codeChallenge: string }) {
  const [recomputed, setRecomputed] = useState<string>()
  useEffect(() => {
    let current = true
    void crypto.subtle
      .digest('SHA-256', new TextEncoder().encode(props.codeVerifier))
      .then((digest) => {
        if (current) setRecomputed(base64urlEncode(new Uint8Array(digest)))
      })
    return () => {
      current = false
    }
  }, [props.codeVerifier])
  const matches = recomputed === props.codeChallenge
  return (
    <div className="pkce-proof">
      <h4>PKCE, checked in front of you</h4>
      <dl>
        <dt>code_verifier (kept in this tab, sent only to the token endpoint)</dt>
        <dd>
          <code data-testid="code-verifier">{props.codeVerifier}</code>
        </dd>
        <dt>code_challenge sent to the authorization endpoint</dt>
        <dd>
          <code data-testid="code-challenge">{props.codeChallenge}</code>
        </dd>
        <dt>BASE64URL(SHA-256(code_verifier)), computed now in this browser</dt>
        <dd>
          <code data-testid="recomputed-challenge">{recomputed ?? 'computing…'}</code>
        </dd>
      </dl>
      {recomputed !== undefined && (
        <p data-testid="pkce-verdict">
          {matches
            ? 'Match: only whoever holds this verifier can redeem the code (RFC 7636 §4.6).'
            : 'No match: the challenge sent is not the hash of this verifier.'}
        </p>
      )}
    </div>
  )
}
