import { useId, useMemo } from 'react'
import type { ReactNode } from 'react'

import { CopyButton } from '../../components/ui/copy-button'
import { SpecLink } from '../../components/ui/spec-link'
import { decodeJwt } from '../../jwt/decode-jwt'
import { lintToken } from '../../jwt/token-lint'
import type { SignatureResult } from '../../jwt/verify-signature'
import type { IdTokenCheck } from '../../oidc/id-token-checks'
import { DecodedJwtView } from '../../components/decoded-token/decoded-jwt-view'
import { SignatureCheck } from './signature-check'
import { LintFindings } from '../../components/decoded-token/lint-findings'
import { RawToken } from './raw-token'
import { SignatureStatus } from './signature-status'
import { UndecodedToken } from '../../components/decoded-token/undecoded-token'
import { useSignatureResult } from './use-signature-result'

const CORE = 'https://openid.net/specs/openid-connect-core-1_0.html'

export interface IdTokenSectionProps {
  idToken: string | undefined
  /** The checks made on this ID token when the token endpoint returned it, with their outcomes. */
  checks: readonly IdTokenCheck[]
  nowSeconds: number
  /** The provider's discovered jwks_uri, the only place signature keys come from. */
  jwksUri: string | undefined
  /** The key set fetched from jwks_uri before the redirect, when the session holds it. */
  heldKeySet?: unknown
  /** Why the session holds no keys, when fetching them before the redirect failed. */
  keysUnavailable?: string | undefined
  /** Said before the claims when the granted scope is narrower than the one asked for. */
  scopeNote?: ReactNode
}

/** The ID token: who signed in, decoded, with what PKCE Lab did and did not check. */
export function IdTokenSection({
  idToken,
  checks,
  nowSeconds,
  jwksUri,
  heldKeySet,
  keysUnavailable,
  scopeNote,
}: IdTokenSectionProps) {
  const headingId = useId()
  const decoded = useMemo(() => (idToken === undefined ? undefined : decodeJwt(idToken)), [idToken])
  const passedChecks = useMemo(
    () => new Set<string>(checks.filter((check) => check.outcome === 'passed').map((c) => c.id)),
    [checks],
  )
  const [signature, reportSignature] = useSignatureResult(idToken)
  // Checked during the code exchange with the keys fetched before the redirect.
  const verifiedAtExchange = passedChecks.has('signature')

  return (
    <section className="token-section" aria-labelledby={headingId}>
      <h2 id={headingId}>ID token</h2>
      {scopeNote}
      {idToken === undefined || decoded === undefined ? (
        <p>
          The token response had no ID token. A provider returns one only when the scope includes
          openid (<SpecLink href={`${CORE}#TokenResponse`}>OpenID Connect Core §3.1.3.3</SpecLink>
          ).
        </p>
      ) : (
        <>
          {decoded.kind === 'jwt' ? (
            <>
              <p className="hint">
                Who signed in and how (
                <SpecLink href={`${CORE}#IDToken`}>OpenID Connect Core §2</SpecLink>): a JWT, three
                base64url segments separated by dots.
              </p>
              <DecodedJwtView
                decoded={decoded}
                tokenName="ID token"
                nowSeconds={nowSeconds}
                checks={
                  <IdTokenChecks
                    checks={checks}
                    signature={signature}
                    verifiedAtExchange={verifiedAtExchange}
                    keysUnavailable={keysUnavailable}
                  />
                }
                role="id_token"
                signatureVerified={verifiedAtExchange || signature?.status === 'verified'}
                passedChecks={passedChecks}
                signatureCheck={
                  <SignatureCheck
                    token={idToken}
                    tokenName="ID token"
                    jwksUri={jwksUri}
                    heldKeySet={heldKeySet}
                    onResult={reportSignature}
                  />
                }
              />
              <CopyButton text={idToken} label="Copy ID token" />
            </>
          ) : (
            <>
              {decoded.kind === 'opaque' ? (
                <p>
                  This ID token is not a JWT, although{' '}
                  <SpecLink href={`${CORE}#IDToken`}>OpenID Connect Core §2</SpecLink> requires one,
                  so it cannot be decoded.
                </p>
              ) : (
                <UndecodedToken decoded={decoded} tokenName="ID token" />
              )}
              <RawToken token={idToken} tokenName="ID token" />
            </>
          )}
          <LintFindings findings={lintToken({ role: 'id_token', decoded, nowSeconds })} />
        </>
      )}
    </section>
  )
}

function IdTokenChecks(props: {
  checks: readonly IdTokenCheck[]
  signature: SignatureResult | undefined
  verifiedAtExchange: boolean
  keysUnavailable: string | undefined
}) {
  const { checks, signature, verifiedAtExchange, keysUnavailable } = props
  const passed = checks.filter((check) => check.outcome === 'passed')
  const notApplicable = checks.filter((check) => check.outcome === 'not-applicable')
  return (
    <>
      <h4>Checked by PKCE Lab</h4>
      {checks.length === 0 ? (
        <p>Nothing: no checks were recorded for this token.</p>
      ) : (
        <>
          <p>These checks passed when the token endpoint returned this ID token:</p>
          <ul className="id-token-checks">
            {passed.map((check) => (
              <li key={check.id}>
                {check.label} (<SpecLink href={check.spec}>spec</SpecLink>)
              </li>
            ))}
          </ul>
          {notApplicable.length > 0 && (
            <>
              <p>Not applicable to this token, so neither passed nor failed:</p>
              <ul className="id-token-checks id-token-checks--not-applicable">
                {notApplicable.map((check) => (
                  <li key={check.id}>
                    {check.label}: {check.reason} (<SpecLink href={check.spec}>spec</SpecLink>)
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
      {!verifiedAtExchange && (
        <SignatureStatus
          result={signature}
          unchecked={
            <>
              <strong>Not checked here: the signature.</strong>
              {keysUnavailable === undefined ? null : (
                <> {keysUnavailable}, so there were no keys to check it with.</>
              )}{' '}
              This token came straight from the provider&rsquo;s token endpoint over TLS, which{' '}
              <SpecLink href={`${CORE}#IDTokenValidation`}>OpenID Connect Core §3.1.3.7</SpecLink>{' '}
              (step 6) accepts in place of checking the signature; every other check above still
              ran.{' '}
              {keysUnavailable === undefined
                ? null
                : 'To have it checked, the provider’s jwks_uri must answer this origin (CORS allowed) with a JSON key set holding its public signing keys. '}
              The signature check below verifies it against the provider&rsquo;s published keys.
            </>
          }
        />
      )}
    </>
  )
}
