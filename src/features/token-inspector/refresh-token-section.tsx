import { useId, useMemo, useState } from 'react'

import { CopyButton } from '../../components/ui/copy-button'
import { SpecLink } from '../../components/ui/spec-link'
import { decodeJwt } from '../../jwt/decode-jwt'
import { lintToken } from '../../jwt/token-lint'
import { LintFindings } from '../../components/decoded-token/lint-findings'

const VISIBLE_PREFIX = 4
const MASK = '••••••••••••'

export interface RefreshTokenSectionProps {
  refreshToken: string | undefined
  /** From the last refresh: false when the provider handed back the same refresh token. */
  refreshTokenRotated: boolean | undefined
  nowSeconds: number
}

/** The refresh token, masked until asked for, or why there is none. */
export function RefreshTokenSection({
  refreshToken,
  refreshTokenRotated,
  nowSeconds,
}: RefreshTokenSectionProps) {
  const headingId = useId()
  // Decoded only for the lint: some providers (Keycloak) issue JWT refresh tokens, but they are the
  // provider's to read, so the masked token is never shown decoded.
  const decoded = useMemo(
    () => (refreshToken === undefined ? undefined : decodeJwt(refreshToken)),
    [refreshToken],
  )
  // Remember which token was revealed, so a rotated refresh token arrives masked again.
  const [revealedToken, setRevealedToken] = useState<string | undefined>(undefined)
  const isRevealed = refreshToken !== undefined && revealedToken === refreshToken

  return (
    <section className="token-section" aria-labelledby={headingId}>
      <h2 id={headingId}>Refresh token</h2>
      {refreshToken === undefined ? (
        <>
          <p>No refresh token was issued.</p>
          <p>
            Providers usually issue one only when the scope includes offline_access and it was
            granted (
            <SpecLink href="https://openid.net/specs/openid-connect-core-1_0.html#OfflineAccess">
              OpenID Connect Core §11
            </SpecLink>
            ): it may not have been requested, or the provider or the user declined it.
            oidc-provider also needs prompt=consent. Google ignores offline_access and needs
            access_type=offline and prompt=consent instead.
          </p>
        </>
      ) : (
        <>
          <p>
            It is masked by default because a refresh token can get new tokens on its own, without
            the user (
            <SpecLink href="https://www.rfc-editor.org/rfc/rfc6749#section-10.4">
              RFC 6749 §10.4
            </SpecLink>
            ). It lives only in this tab&rsquo;s memory: reloading or closing the tab forgets it.
          </p>
          <div className="raw-token">
            <code className="raw-token__text">
              {isRevealed ? (
                refreshToken
              ) : (
                <>
                  {refreshToken.slice(0, VISIBLE_PREFIX)}
                  <span aria-hidden="true">{MASK}</span>
                  <span className="visually-hidden"> (rest hidden)</span>
                </>
              )}
            </code>{' '}
            <span className="raw-token__length">({refreshToken.length} characters)</span>
          </div>
          <button
            type="button"
            aria-pressed={isRevealed}
            onClick={() => {
              setRevealedToken(isRevealed ? undefined : refreshToken)
            }}
          >
            {isRevealed ? 'Hide' : 'Reveal'}
          </button>{' '}
          <CopyButton text={refreshToken} label="Copy refresh token" />
          {decoded !== undefined && (
            <LintFindings
              findings={lintToken({
                role: 'refresh_token',
                decoded,
                nowSeconds,
                ...(refreshTokenRotated === undefined ? {} : { refreshTokenRotated }),
              })}
            />
          )}
          {refreshTokenRotated === undefined && (
            <p className="hint">Whether it rotates shows after the first refresh.</p>
          )}
        </>
      )}
    </section>
  )
}
