import '../../components/decoded-token/decoded-token.css'
import './paste-token.css'

import { useId, useMemo, useState } from 'react'

import { ChoiceGroup } from '../../components/ui/choice-group'
import { useNowSeconds } from '../../components/ui/use-now'
import { readPastedToken } from '../../jwt/decode-jwt'
import type { DecodedToken } from '../../jwt/decode-jwt'
import { lintToken } from '../../jwt/token-lint'
import type { TokenRole } from '../../jwt/token-lint'
import { DecodedJwtView } from '../../components/decoded-token/decoded-jwt-view'
import { LintFindings } from '../../components/decoded-token/lint-findings'
import { UndecodedToken } from '../../components/decoded-token/undecoded-token'
import { VerifyPastedToken } from './verify-pasted-token'

type PasteRole = Extract<TokenRole, 'id_token' | 'access_token' | 'unknown'>

const ROLES: readonly { value: PasteRole; label: string }[] = [
  { value: 'id_token', label: 'ID token' },
  { value: 'access_token', label: 'Access token' },
  { value: 'unknown', label: 'Unknown' },
]

// A pasted token was compared with no request of ours, so no claim in it counts as checked.
const NO_CHECKS: ReadonlySet<string> = new Set()

/**
 * Decodes any token pasted in, without signing in, with the same views and lint as the token
 * inspector. The token lives only in this component's state: nothing is sent or stored.
 */
export default function PasteTokenPage() {
  const inputId = useId()
  const hintId = useId()
  const resultHeadingId = useId()
  const roleName = useId()
  const [input, setInput] = useState('')
  const [chosenRole, setChosenRole] = useState<PasteRole | undefined>(undefined)
  const nowSeconds = useNowSeconds()

  const pasted = useMemo(() => (input.trim() === '' ? undefined : readPastedToken(input)), [input])
  // A URL says what its token is (#id_token=…, #access_token=…) until the reader picks otherwise.
  const role: PasteRole = chosenRole ?? roleFromParameter(pasted?.parameter) ?? 'unknown'
  const findings =
    pasted === undefined
      ? []
      : lintToken({ role, decoded: pasted.decoded, seenInUrl: pasted.seenInUrl, nowSeconds })
  const tokenName = ROLES.find((option) => option.value === role)?.label ?? 'Token'
  const displayName = role === 'unknown' ? 'Token' : tokenName

  return (
    <div className="token-inspector paste-token">
      <section className="token-section" aria-labelledby={`${inputId}-title`}>
        <h2 id={`${inputId}-title`}>Decode a token</h2>
        <p>
          Paste any JWT to see its header, payload and claims, with the same lint as after signing
          in. No sign-in needed.
        </p>
        <p className="paste-token__privacy">
          <strong>
            Nothing you paste leaves this page: decoding happens in your browser; nothing is stored.
          </strong>{' '}
          A token is still a credential: paste live ones only into tools you trust, and prefer
          expired or test tokens.
        </p>
        <label htmlFor={inputId} className="paste-token__label">
          Token
        </label>
        <p id={hintId} className="hint">
          A JWT, &ldquo;Bearer …&rdquo;, or a URL with #access_token=… in it. It is decoded as you
          type.
        </p>
        <textarea
          id={inputId}
          className="paste-token__input"
          aria-describedby={hintId}
          rows={6}
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          autoCorrect="off"
          value={input}
          onChange={(event) => {
            setInput(event.target.value)
          }}
        />
        <p>
          <button
            type="button"
            disabled={input === ''}
            onClick={() => {
              setInput('')
            }}
          >
            Clear
          </button>
        </p>
        <ChoiceGroup
          className="paste-token__roles"
          legend="Decode it as"
          name={roleName}
          options={ROLES}
          value={role}
          onChange={setChosenRole}
        />
        <p role="status" className="paste-token__status">
          {pasted === undefined ? '' : summarise(pasted.decoded, findings.length)}
        </p>
      </section>

      {pasted !== undefined && (
        <section className="token-section" aria-labelledby={resultHeadingId}>
          <h2 id={resultHeadingId}>Decoded token</h2>
          {pasted.notes.length > 0 && (
            <ul className="paste-token__notes" aria-label="Changes made to what you pasted">
              {pasted.notes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          )}
          <PastedTokenView
            decoded={pasted.decoded}
            tokenName={displayName}
            role={role}
            nowSeconds={nowSeconds}
          />
          <LintFindings findings={findings} />
        </section>
      )}
      {pasted?.decoded.kind === 'jwt' && (
        <VerifyPastedToken
          token={pasted.token}
          header={pasted.decoded.header}
          payload={pasted.decoded.payload}
          asAccessToken={
            role === 'access_token' ||
            (role === 'unknown' && isAccessTokenType(pasted.decoded.header))
          }
          nowSeconds={nowSeconds}
        />
      )}
    </div>
  )
}

function PastedTokenView(props: {
  decoded: DecodedToken
  tokenName: string
  role: PasteRole
  nowSeconds: number
}) {
  const { decoded, tokenName, role, nowSeconds } = props
  switch (decoded.kind) {
    case 'jwt':
      return (
        <DecodedJwtView
          decoded={decoded}
          tokenName={tokenName}
          nowSeconds={nowSeconds}
          checks={<PastedNotChecked />}
          role={role}
          signatureVerified={false}
          passedChecks={NO_CHECKS}
        />
      )
    case 'jwe':
    case 'malformed':
      return <UndecodedToken decoded={decoded} tokenName={tokenName} />
    case 'opaque':
      return <p>{decoded.reason}</p>
  }
}

function PastedNotChecked() {
  return (
    <>
      <h4>Checked by PKCE Lab</h4>
      <p>
        <strong>Nothing yet.</strong> A pasted token was not compared with any request of this app,
        and its signature is not verified until you give a key under &ldquo;Verify it&rdquo;. Every
        claim below is decoded only.
      </p>
    </>
  )
}

/** RFC 9068 §2.1: a JWT access token says so in its typ. */
function isAccessTokenType(header: Record<string, unknown>): boolean {
  const typ = header.typ
  return typeof typ === 'string' && ['at+jwt', 'application/at+jwt'].includes(typ.toLowerCase())
}

function roleFromParameter(parameter: string | undefined): PasteRole | undefined {
  if (parameter === 'id_token') {
    return 'id_token'
  }
  if (parameter === 'access_token' || parameter === 'token') {
    return 'access_token'
  }
  return undefined
}

function summarise(decoded: DecodedToken, findingCount: number): string {
  const lint =
    findingCount === 0
      ? 'no lint findings'
      : `${findingCount} lint ${findingCount === 1 ? 'finding' : 'findings'}`
  switch (decoded.kind) {
    case 'jwt': {
      const claims = Object.keys(decoded.payload).length
      // "alg": "none" (any case) is an unsecured JWT (RFC 7519 §6): nothing signed it.
      const alg = decoded.header.alg
      const unsigned = typeof alg === 'string' && alg.toLowerCase() === 'none'
      return `Decoded ${unsigned ? 'an unsigned' : 'a signed'} JWT with ${claims} ${claims === 1 ? 'claim' : 'claims'}; ${lint}.`
    }
    case 'jwe':
      return `An encrypted JWT (JWE): only its header can be read; ${lint}.`
    case 'malformed':
      return `Three segments like a JWT, but it could not be decoded: see the explanation part by part; ${lint}.`
    case 'opaque':
      return `Not a JWT: see why below; ${lint}.`
  }
}
