/**
 * Everything shown while signed in: who, the token lifecycle, the tokens decoded and the API calls.
 * Loaded only once someone is signed in, so the first screen does not carry the catalogues.
 */

import { ResourceCall } from '../../features/api-calls/resource-call'
import { UserInfoCall } from '../../features/api-calls/userinfo-call'
import { SignOutButton } from '../../features/sign-out/sign-out-button'
import { TokenLifecycle } from '../../features/token-lifecycle/token-lifecycle'
import { useSessionActions, useTimeline } from '../../lib/session-react'
import { idTokenChecksFor } from '../../oidc'
import type { ClientContext } from '../../oidc'
import type { SignedIn } from '../../session'
import { TokenInspector } from '../../features/token-inspector/token-inspector'

/**
 * Whether this provider's callback carried `iss` (RFC 9207), read from the callback step of the run:
 * with it, a mix-up is detected; without it, nothing in the callback tells one provider's code from
 * another's (RFC 9700 §4.4).
 */
function CallbackIssuer() {
  const callback = [...useTimeline()].reverse().find((entry) => entry.kind === 'callback')
  if (!callback?.parameters) return null
  return callback.parameters.some(([name]) => name === 'iss') ? (
    <p className="hint" data-testid="callback-iss">
      The callback carried <code>iss</code> (RFC 9207), and it was checked: a mix-up with another
      provider would have been caught.
    </p>
  ) : (
    <p className="hint" data-testid="callback-iss">
      The callback carried no <code>iss</code>: this app cannot tell this provider&rsquo;s answer
      from another&rsquo;s (a mix-up, RFC 9700 §4.4), so use settings links only from people you
      trust.
    </p>
  )
}

function SignedInSummary(props: {
  state: SignedIn
  busy: boolean
  onSignOut: () => void
  onForget: () => void
}) {
  const { state } = props
  const claims = state.tokens.idTokenClaims
  const who = [claims?.name, claims?.email, claims?.sub].find(
    (value): value is string => typeof value === 'string',
  )
  return (
    <section className="signed-in" aria-labelledby="signed-in-title">
      <h2 id="signed-in-title">Signed in</h2>
      <p>
        Signed in at <code>{state.client.metadata.issuer}</code>
        {who !== undefined ? (
          <>
            {' '}
            as <strong>{who}</strong>
          </>
        ) : null}
        . The tokens below live in this tab&apos;s memory only: a reload forgets them.
      </p>
      <CallbackIssuer />
      <SignOutButton
        onSignOut={props.onSignOut}
        busy={props.busy}
        hasEndSession={state.client.metadata.end_session_endpoint !== undefined}
        hasRevocation={state.client.metadata.revocation_endpoint !== undefined}
        {...revocationDemandsAuth(state.client)}
      />
      <p>
        <button type="button" onClick={props.onForget}>
          Forget tokens
        </button>{' '}
        <span className="hint">
          Forgets them here only: nothing is revoked and your session at the provider stays.
        </span>
      </p>
    </section>
  )
}

export function SignedInView({ state }: { state: SignedIn }) {
  const session = useSessionActions()
  return (
    <>
      <SignedInSummary
        state={state}
        busy={state.refreshing}
        onSignOut={() => {
          void session.signOut()
        }}
        onForget={() => {
          session.forget()
        }}
      />
      <TokenLifecycle
        state={state}
        onRefreshNow={() => {
          void session.refreshNow()
        }}
        onAutoRefreshChange={(enabled) => {
          session.setAutoRefresh(enabled)
        }}
      />
      <TokenInspector
        tokens={{
          ...(state.tokens.id_token === undefined ? {} : { idToken: state.tokens.id_token }),
          accessToken: state.tokens.access_token,
          tokenType: state.tokens.token_type,
          ...(state.tokens.scope === undefined ? {} : { scope: state.tokens.scope }),
          ...(state.tokens.requestedScope === undefined
            ? {}
            : { requestedScope: state.tokens.requestedScope }),
          ...(state.tokens.accessTokenExpiresAt === undefined
            ? {}
            : { accessTokenExpiresAt: state.tokens.accessTokenExpiresAt }),
          ...(state.tokens.refresh_token === undefined
            ? {}
            : { refreshToken: state.tokens.refresh_token }),
        }}
        idTokenChecks={idTokenChecksFor(state.client, state.tokens)}
        {...(state.client.metadata.jwks_uri === undefined
          ? {}
          : { jwksUri: state.client.metadata.jwks_uri })}
        {...(state.client.jwks === undefined ? {} : { heldKeySet: state.client.jwks.jwks })}
        {...(state.client.jwksUnavailable === undefined
          ? {}
          : { keysUnavailable: state.client.jwksUnavailable })}
        {...(state.history.at(0)?.refreshTokenRotated === undefined
          ? {}
          : { refreshTokenRotated: state.history.at(0)?.refreshTokenRotated })}
      />
      {
        <section className="api-calls" aria-labelledby="api-calls-title">
          <h2 id="api-calls-title">Call an API with the access token</h2>
          <UserInfoCall
            call={state.userinfo}
            hasUserinfoEndpoint={state.client.metadata.userinfo_endpoint !== undefined}
            onCall={() => {
              void session.callUserInfo()
            }}
          />
          <ResourceCall
            call={state.resource}
            {...(state.client.metadata.userinfo_endpoint === undefined
              ? {}
              : { defaultUrl: state.client.metadata.userinfo_endpoint })}
            onCall={(url) => {
              void session.callResource(url)
            }}
          />
        </section>
      }
    </>
  )
}

/** A public client at a provider whose revocation endpoint lists no "none": it will likely refuse. */
function revocationDemandsAuth(client: ClientContext): { revocationDemandsAuth?: string[] } {
  const methods = client.metadata.revocation_endpoint_auth_methods_supported
  return client.clientAuthentication === 'none' &&
    methods !== undefined &&
    !methods.includes('none')
    ? { revocationDemandsAuth: methods }
    : {}
}
