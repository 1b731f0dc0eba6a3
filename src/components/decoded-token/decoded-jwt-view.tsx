/**
 * A decoded JWS as the JWT debuggers people know show it, and more honest: the verdict in one line
 * first, then the encoded token beside its decoded header and payload in the same colours per
 * segment (and labelled in words); pointing at a claim, by mouse or keyboard, lights up its bytes in
 * the encoded form. What was checked, what each claim means and how far it can be trusted follow,
 * each collapsed to one line until opened.
 */
import { Fragment, useMemo, useState } from 'react'
import type { ReactNode } from 'react'

import { claimSpans } from '../../jwt/claim-spans'
import type { DecodedJwt } from '../../jwt/decode-jwt'
import { describeClaims } from '../../jwt/describe-claims'
import type { TokenRole } from '../../jwt/token-lint'
import { Disclosure } from '../ui/disclosure'
import { BreakableName } from './breakable-name'
import { ClaimsTable } from './claims-table'
import { DecodingWarning } from './decoding-warning'
import { HeaderTable } from './header-table'
import { JwtSegments } from './jwt-segments'

export interface DecodedJwtViewProps {
  decoded: DecodedJwt
  /** e.g. "ID token"; used in the segment list name, the table captions and the section ids. */
  tokenName: string
  nowSeconds: number
  /** What PKCE Lab checked in this token, shown inside the warning. */
  checks: ReactNode
  role: TokenRole
  /** The signature of this very token was verified against the provider's keys. */
  signatureVerified: boolean
  /** IdTokenCheck ids that passed for this token; empty when nothing was compared. */
  passedChecks: ReadonlySet<string>
  /** The signature check control, when this page can verify signatures. */
  signatureCheck?: ReactNode
}

function sectionId(tokenName: string, part: string): string {
  return `${tokenName.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${part}`
}

/** The one line a newcomer reads first: what decoding shows, and whether the signature was checked. */
function Verdict({ signatureVerified }: { signatureVerified: boolean }) {
  return (
    <p className="verdict" data-testid="token-verdict">
      <strong>Decoded — anyone can read this.</strong>{' '}
      {signatureVerified ? (
        <span className="verdict__verified">Signature verified with the provider&rsquo;s key.</span>
      ) : (
        <span className="verdict__unverified">
          Signature not verified here: what it says is unproven until it is.
        </span>
      )}
    </p>
  )
}

/** The payload as JSON, one focusable line per claim, each pointing at its bytes when hovered. */
function PayloadJson(props: {
  payload: Record<string, unknown>
  active: string | undefined
  onActive: (name: string | undefined) => void
}) {
  const entries = Object.entries(props.payload)
  return (
    <pre className="decoded-json decoded-json--payload">
      <code>
        {'{\n'}
        {entries.map(([name, value], index) => (
          <Fragment key={name}>
            {index > 0 && '\n'}
            <span
              className={props.active === name ? 'json-claim json-claim--active' : 'json-claim'}
              // Focusable so that keyboard users can point at a claim as mouse users do.
              tabIndex={0}
              onMouseEnter={() => {
                props.onActive(name)
              }}
              onMouseLeave={() => {
                props.onActive(undefined)
              }}
              onFocus={() => {
                props.onActive(name)
              }}
              onBlur={() => {
                props.onActive(undefined)
              }}
            >
              {'  '}
              <span className="json-claim__name">&quot;{name}&quot;</span>
              {`: ${JSON.stringify(value, null, 2).replaceAll('\n', '\n  ')}${index < entries.length - 1 ? ',' : ''}`}
            </span>
          </Fragment>
        ))}
        {'\n}'}
      </code>
    </pre>
  )
}

export function DecodedJwtView({
  decoded,
  tokenName,
  nowSeconds,
  checks,
  role,
  signatureVerified,
  passedChecks,
  signatureCheck,
}: DecodedJwtViewProps) {
  const [active, setActive] = useState<string>()
  const spans = useMemo(() => claimSpans(decoded.segments.payload), [decoded.segments.payload])
  const rows = describeClaims(decoded.payload, nowSeconds)
  const highlight = active === undefined ? undefined : spans.get(active)
  return (
    <>
      <Verdict signatureVerified={signatureVerified} />
      <div className="jwt-inspector">
        <div className="jwt-inspector__encoded">
          <h3>Encoded</h3>
          <JwtSegments
            segments={decoded.segments}
            tokenName={tokenName}
            {...(highlight === undefined ? {} : { highlight })}
          />
        </div>
        <div className="jwt-inspector__decoded">
          <h3>Decoded</h3>
          <p className="jwt-inspector__label jwt-inspector__label--header">Header</p>
          <pre className="decoded-json decoded-json--header">
            <code>{JSON.stringify(decoded.header, null, 2)}</code>
          </pre>
          <p className="jwt-inspector__label jwt-inspector__label--payload">
            Payload{' '}
            <span className="hint">
              (point at a claim to see its bytes{active === undefined ? '' : ': '}
              {active === undefined ? '' : <BreakableName name={active} />})
            </span>
          </p>
          <PayloadJson payload={decoded.payload} active={active} onActive={setActive} />
        </div>
      </div>
      {signatureCheck}
      <Disclosure
        id={sectionId(tokenName, 'checks')}
        summary="What was checked, and why decoded is not verified"
      >
        <DecodingWarning>{checks}</DecodingWarning>
      </Disclosure>
      <Disclosure
        id={sectionId(tokenName, 'claims')}
        summary={`Claims explained: ${String(rows.length)} claims, what each means and how far to trust it`}
      >
        <ClaimsTable
          caption={`${tokenName} claims`}
          rows={rows}
          role={role}
          signatureVerified={signatureVerified}
          passedChecks={passedChecks}
        />
      </Disclosure>
      <Disclosure
        id={sectionId(tokenName, 'header')}
        summary={`Header explained: ${String(Object.keys(decoded.header).length)} parameters`}
      >
        <HeaderTable caption={`${tokenName} header parameters`} header={decoded.header} />
      </Disclosure>
    </>
  )
}
