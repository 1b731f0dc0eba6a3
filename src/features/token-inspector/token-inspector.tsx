import '../../components/decoded-token/decoded-token.css'

import { useNowSeconds } from '../../components/ui/use-now'
import type { IdTokenCheck } from '../../oidc/id-token-checks'
import { ungrantedScopes } from '../../oidc/token-set'
import { AccessTokenSection } from './access-token-section'
import { IdTokenSection } from './id-token-section'
import { RefreshTokenSection } from './refresh-token-section'
import { ScopeNarrowed } from './scope-narrowed'

export interface TokenInspectorProps {
  tokens: {
    idToken?: string
    accessToken: string
    /** As received, e.g. 'Bearer' or 'bearer'. */
    tokenType: string
    /** The granted scope, if the provider said. */
    scope?: string
    /** The scope this app asked for. */
    requestedScope?: string
    /** Epoch seconds, from expires_in. */
    accessTokenExpiresAt?: number
    refreshToken?: string
  }
  /** Checks that PASSED on the ID token. */
  idTokenChecks: readonly IdTokenCheck[]
  /** The provider's discovered jwks_uri: the only key source the signature check trusts. */
  jwksUri?: string
  /** The key set the session fetched from jwks_uri before the redirect, when it holds one. */
  heldKeySet?: unknown
  /** Why the session holds no keys, when fetching them before the redirect failed. */
  keysUnavailable?: string
  /** From the last refresh record: false when the refresh token did not rotate (RFC 9700 §4.14.2). */
  refreshTokenRotated?: boolean
  /** The thumbprint of the session's DPoP key, when the sign-in asked for DPoP (RFC 9449). */
  dpopThumbprint?: string
}

/** Every token from the token response, decoded where possible, with what was and was not checked. */
export function TokenInspector(props: TokenInspectorProps) {
  const {
    tokens,
    idTokenChecks,
    jwksUri,
    heldKeySet,
    keysUnavailable,
    refreshTokenRotated,
    dpopThumbprint,
  } = props
  // One clock for the whole page, so every relative time ticks at the same moment.
  const nowSeconds = useNowSeconds()
  const narrowed =
    tokens.scope === undefined || tokens.requestedScope === undefined ? undefined : (
      <ScopeNarrowed
        requested={tokens.requestedScope}
        granted={tokens.scope}
        ungranted={ungrantedScopes(tokens)}
      />
    )

  return (
    <div className="token-inspector">
      <IdTokenSection
        scopeNote={narrowed}
        idToken={tokens.idToken}
        checks={idTokenChecks}
        nowSeconds={nowSeconds}
        jwksUri={jwksUri}
        heldKeySet={heldKeySet}
        keysUnavailable={keysUnavailable}
      />
      <AccessTokenSection
        accessToken={tokens.accessToken}
        tokenType={tokens.tokenType}
        scope={tokens.scope}
        scopeNote={narrowed}
        expiresAt={tokens.accessTokenExpiresAt}
        nowSeconds={nowSeconds}
        jwksUri={jwksUri}
        heldKeySet={heldKeySet}
        {...(dpopThumbprint === undefined ? {} : { dpopThumbprint })}
      />
      <RefreshTokenSection
        refreshToken={tokens.refreshToken}
        refreshTokenRotated={refreshTokenRotated}
        nowSeconds={nowSeconds}
      />
    </div>
  )
}
