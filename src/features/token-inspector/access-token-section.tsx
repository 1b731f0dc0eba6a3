import { useId, useMemo } from 'react'
import type { ReactNode } from 'react'

import { CopyButton } from '../../components/ui/copy-button'
import { SpecLink } from '../../components/ui/spec-link'
import { decodeJwt } from '../../jwt/decode-jwt'
import { dpopBindingChecks } from '../../jwt/dpop-binding'
import { lintToken } from '../../jwt/token-lint'
import type { SignatureResult } from '../../jwt/verify-signature'
import { AccessTokenExpiry } from './access-token-expiry'
import { DecodedJwtView } from '../../components/decoded-token/decoded-jwt-view'
import { SignatureCheck } from './signature-check'
import { LintFindings } from '../../components/decoded-token/lint-findings'
import { RawToken } from './raw-token'
import { SignatureStatus } from './signature-status'
import { UndecodedToken } from '../../components/decoded-token/undecoded-token'
import { useSignatureResult } from './use-signature-result'

// Nothing in an access token is compared with our request: it is the API's to check.
const NO_CHECKS: ReadonlySet<string> = new Set()

const RFC_6749 = 'https://www.rfc-editor.org/rfc/rfc6749'

export interface AccessTokenSectionProps {
  accessToken: string
  tokenType: string
  scope: string | undefined
  /** Said with the scope when the granted scope is narrower than the one asked for. */
  scopeNote?: ReactNode
  expiresAt: number | undefined
  nowSeconds: number
  /** The provider's discovered jwks_uri, the only place signature keys come from. */
  jwksUri: string | undefined
  /** The key set fetched from jwks_uri before the redirect, when the session holds it. */
  heldKeySet?: unknown
  /** The thumbprint of the session's DPoP key, when the sign-in asked for DPoP (RFC 9449). */
  dpopThumbprint?: string
}

/**
 * The access token. The client only passes it on, so whatever its format it is never used for a
 * decision here; a JWT access token is decoded for reading only.
 */
export function AccessTokenSection({
  accessToken,
  tokenType,
  scope,
  scopeNote,
  expiresAt,
  nowSeconds,
  jwksUri,
  heldKeySet,
  dpopThumbprint,
}: AccessTokenSectionProps) {
  const headingId = useId()
  const decoded = useMemo(() => decodeJwt(accessToken), [accessToken])
  const [signature, reportSignature] = useSignatureResult(accessToken)

  return (
    <section className="token-section" aria-labelledby={headingId}>
      <h2 id={headingId}>Access token</h2>
      <dl className="token-facts">
        <dt>token_type</dt>
        <dd>
          <code>{tokenType}</code> (compared without regard to case,{' '}
          <SpecLink href={`${RFC_6749}#section-5.1`}>RFC 6749 §5.1</SpecLink>).{' '}
          <TokenTypeMeaning tokenType={tokenType} />
        </dd>
        {dpopThumbprint !== undefined && (
          <>
            <dt>Bound to this page&rsquo;s DPoP key?</dt>
            <dd>
              <DpopBinding
                accessToken={accessToken}
                tokenType={tokenType}
                thumbprint={dpopThumbprint}
              />
            </dd>
          </>
        )}
        <dt>scope</dt>
        <dd>
          {scope === undefined ? (
            <>
              Not in the token response, which means the scope granted is the one requested (
              <SpecLink href={`${RFC_6749}#section-5.1`}>RFC 6749 §5.1</SpecLink>).
            </>
          ) : (
            <>
              <code>{scope}</code>
              {scopeNote}
            </>
          )}
        </dd>
        <dt>Expiry</dt>
        <dd>
          <AccessTokenExpiry expiresAt={expiresAt} nowSeconds={nowSeconds} />
        </dd>
      </dl>
      {decoded.kind === 'jwt' ? (
        <>
          <p>This access token happens to be a JWT, so its contents can be read here.</p>
          <DecodedJwtView
            decoded={decoded}
            tokenName="Access token"
            nowSeconds={nowSeconds}
            checks={<AccessTokenNotChecked signature={signature} />}
            role="access_token"
            signatureVerified={signature?.status === 'verified'}
            passedChecks={NO_CHECKS}
            signatureCheck={
              <SignatureCheck
                token={accessToken}
                tokenName="access token"
                jwksUri={jwksUri}
                heldKeySet={heldKeySet}
                onResult={reportSignature}
              />
            }
          />
          <CopyButton text={accessToken} label="Copy access token" />
        </>
      ) : (
        <>
          {decoded.kind === 'opaque' ? (
            <p>
              This access token is opaque: it is not a JWT, so it cannot be decoded. It is a
              reference that only the provider (and the APIs it serves) can look up. Access tokens
              are opaque to the client by design (
              <SpecLink href={`${RFC_6749}#section-1.4`}>RFC 6749 §1.4</SpecLink>): the client only
              sends them on to the API.
            </p>
          ) : (
            <UndecodedToken decoded={decoded} tokenName="Access token" />
          )}
          <RawToken token={accessToken} tokenName="access token" />
        </>
      )}
      <LintFindings findings={lintToken({ role: 'access_token', decoded, nowSeconds })} />
    </section>
  )
}

const RFC_9449 = 'https://www.rfc-editor.org/rfc/rfc9449'

/** oauth4webapi accepts no other token type than these two (RFC 6750, RFC 9449). */
function TokenTypeMeaning({ tokenType }: { tokenType: string }) {
  return tokenType.toLowerCase() === 'dpop' ? (
    <>
      A DPoP token is bound to a key: it is sent as <code>Authorization: DPoP</code>, each time with
      a new proof signed by the key, and without the proof an API refuses it, so a copy of the token
      alone is worth nothing (<SpecLink href={`${RFC_9449}#section-7.1`}>RFC 9449 §7.1</SpecLink>).
    </>
  ) : (
    <>
      A Bearer token works for whoever holds it, like cash: anyone who copies it can use it until it
      expires (
      <SpecLink href="https://www.rfc-editor.org/rfc/rfc6750#section-1.2">RFC 6750 §1.2</SpecLink>).
    </>
  )
}

const BINDING_WORDS = { passed: 'Yes', failed: 'No', 'not-applicable': 'Not applicable' } as const

/** The token type answered and a JWT's cnf.jkt, against the key this page signs its proofs with. */
function DpopBinding(props: { accessToken: string; tokenType: string; thumbprint: string }) {
  const { accessToken, tokenType, thumbprint } = props
  const checks = useMemo(
    () => dpopBindingChecks({ accessToken, tokenType, thumbprint }),
    [accessToken, tokenType, thumbprint],
  )
  return (
    <>
      <p>
        This page&rsquo;s key has the thumbprint <code>{thumbprint}</code> (SHA-256, RFC 7638).
      </p>
      <ul>
        {checks.map((check) => (
          <li key={check.id} data-testid={`dpop-binding-${check.id}`}>
            <strong>
              <code>{check.id}</code>: {BINDING_WORDS[check.outcome]}.
            </strong>{' '}
            {check.detail}
          </li>
        ))}
      </ul>
    </>
  )
}

function AccessTokenNotChecked({ signature }: { signature: SignatureResult | undefined }) {
  const rfc9068 = (
    <SpecLink href="https://www.rfc-editor.org/rfc/rfc9068#section-4">RFC 9068 §4</SpecLink>
  )
  return (
    <>
      <h4>Checked by PKCE Lab</h4>
      {signature?.status === 'verified' ? (
        <>
          <SignatureStatus result={signature} unchecked={null} />
          <p>
            Nothing else: this access token is meant for the API (resource server) that will
            validate its claims ({rfc9068}). Its claims are shown for reading only.
          </p>
        </>
      ) : (
        <>
          <p>
            <strong>Nothing.</strong> This access token is meant for the API (resource server) that
            will validate it ({rfc9068}). PKCE Lab did not check anything in it and shows it for
            reading only.
          </p>
          {signature !== undefined && <SignatureStatus result={signature} unchecked={null} />}
        </>
      )}
    </>
  )
}
