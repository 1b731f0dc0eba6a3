/**
 * Verifies a pasted token with a key the user gives (a JWK, a JWK Set, PEM keys or certificates, a
 * key set URL, an issuer, or a shared secret) and judges its claims as a resource server would
 * (RFC 9068 §4). What is typed here lives in this component's state only; a key set URL or issuer is
 * fetched through the session's HTTP, with nothing sent but the GET itself.
 */
import { useId, useState } from 'react'

import { ChoiceGroup } from '../../components/ui/choice-group'
import { focusOnArrival } from '../../components/ui/focus-on-arrival'
import { resourceServerChecks } from '../../jwt/resource-server-checks'
import type { ClaimCheckOutcome, ResourceServerCheck } from '../../jwt/resource-server-checks'
import { keySetKeys, readKeyText } from '../../jwt/verification-keys'
import type { KeyText } from '../../jwt/verification-keys'
import { verifyWithKeys } from '../../jwt/verify-with-keys'
import type { KeyOutcome, KeyReport, PastedVerification } from '../../jwt/verify-with-keys'
import { useSessionActions } from '../../lib/session-react'

type Source = 'key' | 'jwks-uri' | 'issuer' | 'secret'

const SOURCES: readonly { value: Source; label: string }[] = [
  { value: 'key', label: 'A key: JWK, JWK Set, PEM public key or certificate' },
  { value: 'jwks-uri', label: 'A key set URL (jwks_uri)' },
  { value: 'issuer', label: 'An issuer: discovery, then its jwks_uri' },
  { value: 'secret', label: 'A shared secret (HMAC)' },
]

/** Everything a result depends on: a result shows only while these are what the page holds. */
interface Request {
  token: string
  source: Source
  value: string
}

type Check =
  | { phase: 'idle' }
  | { phase: 'checking'; request: Request }
  /** `from`: where the keys came from; undefined for the typed secret. */
  | { phase: 'done'; request: Request; verification: PastedVerification; from: string | undefined }
  | { phase: 'failed'; request: Request; reason: string }

const OUTCOME_LABEL: Record<KeyOutcome, string> = {
  matched: 'Matched',
  'did-not-match': 'Did not match',
  skipped: 'Not tried',
  unusable: 'Not usable',
}

const CLAIM_OUTCOME_LABEL: Record<ClaimCheckOutcome, string> = {
  passed: 'Passed',
  failed: 'Failed',
  'not-applicable': 'Not applicable',
  'not-checked': 'Not checked',
}

function sameRequest(a: Request, b: Request): boolean {
  return a.token === b.token && a.source === b.source && a.value === b.value
}

export interface VerifyPastedTokenProps {
  token: string
  header: Record<string, unknown>
  payload: Record<string, unknown>
  /** Judge the claims as a JWT access token's (RFC 9068). */
  asAccessToken: boolean
  nowSeconds: number
}

export function VerifyPastedToken(props: VerifyPastedTokenProps) {
  const { token, header, payload, asAccessToken, nowSeconds } = props
  const session = useSessionActions()
  const id = useId()
  const [source, setSource] = useState<Source>('key')
  const [values, setValues] = useState<Record<Source, string>>({
    key: '',
    'jwks-uri': '',
    issuer: '',
    secret: '',
  })
  const [expectedIssuer, setExpectedIssuer] = useState('')
  const [expectedAudience, setExpectedAudience] = useState('')
  const [check, setCheck] = useState<Check>({ phase: 'idle' })

  const request: Request = { token, source, value: values[source] }
  // Derived: a result belongs to the token and key it was computed for, never to what is typed now.
  const view: Check =
    check.phase !== 'idle' && sameRequest(check.request, request) ? check : { phase: 'idle' }
  const issuerToExpect =
    expectedIssuer.trim() === '' && source === 'issuer' ? values.issuer : expectedIssuer
  const claims = resourceServerChecks({
    header,
    payload,
    expectedIssuer: issuerToExpect,
    expectedAudience,
    asAccessToken,
    nowSeconds,
  })

  async function keysFor(current: Request): Promise<{ keys: KeyText; from: string }> {
    if (current.source === 'key') {
      return { keys: readKeyText(current.value), from: 'the key you gave' }
    }
    const lookup = await session.lookUpKeySet(
      current.source === 'issuer' ? { issuer: current.value } : { jwksUri: current.value },
    )
    if (lookup.status === 'unavailable') {
      return { keys: { status: 'unreadable', reason: lookup.cause }, from: current.value }
    }
    return {
      keys: keySetKeys(lookup.keys),
      from:
        lookup.issuer === undefined
          ? `the key set at ${lookup.jwksUri}`
          : `the key set of ${lookup.issuer}, at its jwks_uri ${lookup.jwksUri}`,
    }
  }

  async function verify(current: Request) {
    setCheck({ phase: 'checking', request: current })
    let next: Check
    try {
      if (current.source === 'secret') {
        const verification = await verifyWithKeys(current.token, {
          kind: 'secret',
          secret: current.value,
        })
        next = { phase: 'done', request: current, verification, from: undefined }
      } else {
        const { keys, from } = await keysFor(current)
        next =
          keys.status === 'unreadable'
            ? { phase: 'failed', request: current, reason: keys.reason }
            : {
                phase: 'done',
                request: current,
                verification: await verifyWithKeys(current.token, {
                  kind: 'keys',
                  keys: keys.keys,
                }),
                from: `${from} (${keys.shape})`,
              }
      }
    } catch (error) {
      next = {
        phase: 'failed',
        request: current,
        reason: `the check could not run (${error instanceof Error ? error.message : String(error)})`,
      }
    }
    // A later click or another token replaced this one: its result would describe something else.
    setCheck((latest) =>
      latest.phase === 'checking' && latest.request === current ? next : latest,
    )
  }

  const checking = view.phase === 'checking'
  const inputId = `${id}-${source}`
  const verification = view.phase === 'done' ? view.verification : undefined

  return (
    <section className="token-section verify-pasted" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Verify it</h2>
      <p>
        Check the signature with a key you trust, and the claims as an API (a resource server) would
        before accepting the token. Keys and secrets you type stay in this page&apos;s memory; a key
        set URL or issuer is fetched from this browser.
      </p>
      <ChoiceGroup
        className="paste-token__roles"
        legend="Verify the signature with"
        name={`${id}-source`}
        options={SOURCES}
        value={source}
        onChange={setSource}
      />
      <SourceInput
        source={source}
        inputId={inputId}
        value={values[source]}
        onChange={(value) => {
          setValues((before) => ({ ...before, [source]: value }))
        }}
      />
      <p>
        <button
          type="button"
          // aria-disabled rather than disabled, so the button keeps focus while the check runs.
          aria-disabled={checking || request.value.trim() === ''}
          onClick={() => {
            if (!checking && request.value.trim() !== '') void verify(request)
          }}
        >
          Verify the signature
        </button>
      </p>
      <div aria-live="polite">
        {view.phase === 'checking' && <p>Checking…</p>}
        {view.phase === 'failed' && (
          <div role="alert" tabIndex={-1} ref={focusOnArrival} className="verify-pasted__result">
            <p>
              <strong>Not checked:</strong> {view.reason}.
            </p>
          </div>
        )}
        {view.phase === 'done' && (
          <VerificationView verification={view.verification} from={view.from} />
        )}
      </div>

      <h3>The claims, as a resource server checks them</h3>
      <p>
        {asAccessToken
          ? 'Judged as a JWT access token (RFC 9068 §4).'
          : 'Judged as a token other than a JWT access token: the checks only RFC 9068 asks for are not applicable. Pick "Access token" above to judge it as one.'}{' '}
        Times are compared with this browser&apos;s clock.
      </p>
      <div className="verify-pasted__expected">
        <label htmlFor={`${id}-iss`}>Issuer you trust (iss)</label>
        <input
          id={`${id}-iss`}
          type="url"
          spellCheck={false}
          autoComplete="off"
          placeholder={source === 'issuer' ? 'The issuer above' : 'https://issuer.example'}
          value={expectedIssuer}
          onChange={(event) => {
            setExpectedIssuer(event.target.value)
          }}
        />
        <label htmlFor={`${id}-aud`}>Audience you are (aud)</label>
        <input
          id={`${id}-aud`}
          spellCheck={false}
          autoComplete="off"
          placeholder="https://api.example"
          value={expectedAudience}
          onChange={(event) => {
            setExpectedAudience(event.target.value)
          }}
        />
      </div>
      <ClaimChecks checks={claims} />
      <p className="verify-pasted__verdict">{verdict(claims, verification)}</p>
    </section>
  )
}

function SourceInput(props: {
  source: Source
  inputId: string
  value: string
  onChange: (value: string) => void
}) {
  const { source, inputId, value, onChange } = props
  const hintId = `${inputId}-hint`
  switch (source) {
    case 'key':
      return (
        <>
          <label htmlFor={inputId} className="paste-token__label">
            Key
          </label>
          <p id={hintId} className="hint">
            A JWK ({'{"kty": …}'}), a JWK Set ({'{"keys": […]}'}), or PEM: &ldquo;-----BEGIN PUBLIC
            KEY-----&rdquo; or &ldquo;-----BEGIN CERTIFICATE-----&rdquo;, several at once if you
            like. Never a private key.
          </p>
          <textarea
            id={inputId}
            className="paste-token__input"
            aria-describedby={hintId}
            rows={6}
            spellCheck={false}
            autoComplete="off"
            value={value}
            onChange={(event) => {
              onChange(event.target.value)
            }}
          />
        </>
      )
    case 'jwks-uri':
    case 'issuer':
      return (
        <>
          <label htmlFor={inputId} className="paste-token__label">
            {source === 'issuer' ? 'Issuer' : 'Key set URL'}
          </label>
          <p id={hintId} className="hint">
            {source === 'issuer'
              ? 'Its /.well-known/openid-configuration is fetched, then the jwks_uri it names. '
              : 'The JWK Set at this URL is fetched. '}
            https, or http on this computer; it must allow requests from this page (CORS).
          </p>
          <input
            id={inputId}
            type="url"
            className="paste-token__input"
            aria-describedby={hintId}
            spellCheck={false}
            autoComplete="off"
            value={value}
            onChange={(event) => {
              onChange(event.target.value)
            }}
          />
        </>
      )
    case 'secret':
      return (
        <>
          <label htmlFor={inputId} className="paste-token__label">
            Shared secret
          </label>
          <p id={hintId} className="hint verify-pasted__warning">
            <strong>Warning:</strong> a shared secret typed into a web page is no longer secret, and
            whoever holds it can sign tokens, not only check them. Use a test secret. It is read as
            UTF-8 text; for a secret given in base64, paste it as a JWK{' '}
            <code>{'{"kty":"oct","k":"…"}'}</code> under &ldquo;A key&rdquo;.
          </p>
          <input
            id={inputId}
            type="password"
            className="paste-token__input"
            aria-describedby={hintId}
            autoComplete="off"
            value={value}
            onChange={(event) => {
              onChange(event.target.value)
            }}
          />
        </>
      )
  }
}

function VerificationView(props: { verification: PastedVerification; from: string | undefined }) {
  const { verification, from } = props
  const verified = verification.status === 'verified'
  return (
    <div
      role={verified ? 'status' : 'alert'}
      tabIndex={-1}
      ref={focusOnArrival}
      className="verify-pasted__result"
    >
      <p>
        {verification.status === 'verified' && (
          <>
            <strong>Signature verified</strong> ({verification.alg}) with{' '}
            {from === undefined
              ? 'the secret you typed'
              : describeMatch(verification.matched, from)}
            . Whoever holds its private key (or the secret) signed exactly this header and payload;
            whether you should trust that key is yours to know.
          </>
        )}
        {verification.status === 'not-verified' && (
          <>
            <strong>Signature not verified</strong> with {from ?? 'the secret you typed'}:{' '}
            {verification.reason}.
          </>
        )}
        {verification.status === 'refused' && (
          <>
            <strong>Refused:</strong> {verification.reason}.
          </>
        )}
      </p>
      {verification.warnings.length > 0 && (
        <ul className="verify-pasted__warnings" aria-label="Warnings">
          {verification.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      )}
      {verification.keys.length > 0 && (
        // A region of its own that takes focus, so that a keyboard can scroll a table wider than a
        // phone (WCAG 2.1.1).
        <div
          className="verify-pasted__table"
          role="region"
          aria-label="Each key, and what became of it"
          tabIndex={0}
        >
          <table className="verify-pasted__keys">
            <caption>Each key, and what became of it</caption>
            <thead>
              <tr>
                <th scope="col">Key</th>
                <th scope="col">kid</th>
                <th scope="col">Type</th>
                <th scope="col">Thumbprint (RFC 7638, SHA-256)</th>
                <th scope="col">Result</th>
              </tr>
            </thead>
            <tbody>
              {verification.keys.map((key) => (
                <tr key={key.label}>
                  <th scope="row">{key.label}</th>
                  <td>{key.kid === undefined ? '—' : <code>{key.kid}</code>}</td>
                  <td>{key.type ?? '—'}</td>
                  <td>{key.thumbprint === undefined ? '—' : <code>{key.thumbprint}</code>}</td>
                  <td>
                    <strong>{OUTCOME_LABEL[key.outcome]}</strong>: {key.reason}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  )
}

function describeMatch(key: KeyReport, from: string): string {
  const kid = key.kid === undefined ? '' : ` (kid "${key.kid}")`
  return `${key.label.toLowerCase()}${kid} from ${from}`
}

function ClaimChecks({ checks }: { checks: readonly ResourceServerCheck[] }) {
  return (
    <ul className="verify-pasted__claims" aria-label="Claim checks">
      {checks.map((check) => (
        <li key={check.id} data-outcome={check.outcome}>
          <code>{check.id}</code>: <strong>{CLAIM_OUTCOME_LABEL[check.outcome]}</strong>,{' '}
          {check.detail} ({check.spec}).
        </li>
      ))}
    </ul>
  )
}

/** One sentence on whether a resource server would take the token, from what ran and nothing else. */
function verdict(
  claims: readonly ResourceServerCheck[],
  verification: PastedVerification | undefined,
): string {
  const failed = claims.filter((check) => check.outcome === 'failed').map((check) => check.id)
  if (failed.length > 0) {
    return `A resource server would refuse this token: ${failed.join(', ')} failed.`
  }
  if (verification !== undefined && verification.status !== 'verified') {
    return 'A resource server would refuse this token: its signature is not verified.'
  }
  const unchecked = claims
    .filter((check) => check.outcome === 'not-checked')
    .map((check) => check.id)
  if (verification === undefined) {
    return 'Not decided yet: verify the signature first.'
  }
  if (unchecked.length > 0) {
    return `Not decided yet: name the ${unchecked.join(' and ')} to expect.`
  }
  return 'A resource server would accept this token, as far as these checks go: the signature is verified and no claim failed. Whether it was revoked since, only its issuer knows (introspection, RFC 7662).'
}
