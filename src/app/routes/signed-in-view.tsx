/**
 * Everything shown while signed in: the status band and the workspace's tabs (tokens, flow, API,
 * the provider check, storage). In the page's second chunk, so the first screen does not carry the catalogues.
 */

import type { ReactNode } from 'react'

import { IssuerHost } from '../../components/ui/issuer-host'
import { Tabs } from '../../components/ui/tabs'
import { ResourceCall } from '../../features/api-calls/resource-call'
import { UserInfoCall } from '../../features/api-calls/userinfo-call'
import { ProviderCheckPanel } from '../../features/provider-check/provider-check-panel'
import { SignOutButton } from '../../features/sign-out/sign-out-button'
import { RefreshHistoryTable } from '../../features/token-lifecycle/refresh-history-table'
import { TokenLifecycle } from '../../features/token-lifecycle/token-lifecycle'
import { useSessionActions, useTimeline } from '../../lib/session-react'
import { useChosenTab } from '../../lib/view-react'
import { idTokenChecksFor } from '../../oidc'
import type { ClientContext } from '../../oidc'
import type { SignedIn } from '../../session'
import { TokenInspector } from '../../features/token-inspector/token-inspector'
import { FlowPanels } from './flow-panels'

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

const WORKSPACE_TABS = ['tokens', 'flow', 'api', 'check', 'storage'] as const
type WorkspaceTab = (typeof WORKSPACE_TABS)[number]

/**
 * The band that stays in view while signed in: who, at which provider, the access token's life and
 * every action. What an action produces shows in its tab, which the action opens.
 */
function StatusBand(props: { state: SignedIn; onShowApi: () => void }) {
  const { state } = props
  const session = useSessionActions()
  const claims = state.tokens.idTokenClaims
  const who = [claims?.name, claims?.email, claims?.sub].find(
    (value): value is string => typeof value === 'string',
  )
  const issuer = state.client.metadata.issuer
  const hasUserinfo = state.client.metadata.userinfo_endpoint !== undefined
  return (
    <section className="signed-in status-band" aria-labelledby="signed-in-title">
      <div className="status-band__who">
        <h2 id="signed-in-title">Signed in</h2>
        <p>
          {who !== undefined ? (
            <>
              as <strong>{who}</strong>{' '}
            </>
          ) : null}
          at <IssuerHost issuer={issuer} />
          <span className="hint">
            {' '}
            · client <code>{state.client.clientId}</code> · tokens in this tab&apos;s memory only
          </span>
        </p>
      </div>
      <TokenLifecycle
        state={state}
        onRefreshNow={() => {
          void session.refreshNow()
        }}
        onAutoRefreshChange={(enabled) => {
          session.setAutoRefresh(enabled)
        }}
      />
      <div className="status-band__actions">
        <button
          type="button"
          disabled={!hasUserinfo || state.userinfo?.status === 'pending'}
          title={hasUserinfo ? undefined : 'This provider’s metadata has no userinfo_endpoint.'}
          onClick={() => {
            props.onShowApi()
            void session.callUserInfo()
          }}
        >
          Call userinfo
        </button>
        <SignOutButton
          onSignOut={() => {
            void session.signOut()
          }}
          busy={state.refreshing}
          hasEndSession={state.client.metadata.end_session_endpoint !== undefined}
          hasRevocation={state.client.metadata.revocation_endpoint !== undefined}
          {...revocationDemandsAuth(state.client)}
        />
        <button
          type="button"
          aria-describedby="forget-tokens-hint"
          onClick={() => {
            session.forget()
          }}
        >
          Forget tokens
        </button>
        <p id="forget-tokens-hint" className="hint status-band__hint">
          Forget tokens forgets them here only: nothing is revoked and your session at the provider
          stays.
        </p>
      </div>
    </section>
  )
}

export interface SignedInViewProps {
  state: SignedIn
  /** What this page keeps and where: built by the first screen, shown in the Storage tab. */
  storage?: ReactNode
}

/**
 * The signed-in workspace: the status band, then one tab each for the tokens, the flow, the API
 * calls and the storage, so any part is one click away without scrolling through the others.
 */
export function SignedInView({ state, storage }: SignedInViewProps) {
  const session = useSessionActions()
  const timeline = useTimeline()
  const [, chooseTab] = useChosenTab<WorkspaceTab>('workspace', WORKSPACE_TABS, 'tokens')
  return (
    <>
      <StatusBand
        state={state}
        onShowApi={() => {
          chooseTab('api')
        }}
      />
      <Tabs<WorkspaceTab>
        id="workspace"
        label="Signed-in workspace"
        tabs={[
          {
            id: 'tokens',
            label: 'Tokens',
            panel: () => (
              <>
                <TokenInspector
                  tokens={{
                    ...(state.tokens.id_token === undefined
                      ? {}
                      : { idToken: state.tokens.id_token }),
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
                  {...(state.client.jwks === undefined
                    ? {}
                    : { heldKeySet: state.client.jwks.jwks })}
                  {...(state.client.jwksUnavailable === undefined
                    ? {}
                    : { keysUnavailable: state.client.jwksUnavailable })}
                  {...(state.history.at(0)?.refreshTokenRotated === undefined
                    ? {}
                    : { refreshTokenRotated: state.history.at(0)?.refreshTokenRotated })}
                  {...(state.client.dpop === undefined
                    ? {}
                    : { dpopThumbprint: state.client.dpop.thumbprint })}
                />
                <div className="card">
                  <RefreshHistoryTable history={state.history} />
                </div>
              </>
            ),
          },
          {
            id: 'flow',
            label: 'Flow',
            panel: () => (
              <>
                <CallbackIssuer />
                <FlowPanels entries={timeline} />
              </>
            ),
          },
          {
            id: 'api',
            label: 'API',
            panel: () => (
              <section className="api-calls" aria-labelledby="api-calls-title">
                <h2 id="api-calls-title">Call an API with the access token</h2>
                <UserInfoCall
                  call={state.userinfo}
                  hasUserinfoEndpoint={state.client.metadata.userinfo_endpoint !== undefined}
                  tokenType={state.tokens.token_type}
                />
                <ResourceCall
                  call={state.resource}
                  {...(state.client.metadata.userinfo_endpoint === undefined
                    ? {}
                    : { defaultUrl: state.client.metadata.userinfo_endpoint })}
                  accessToken={state.tokens.access_token}
                  tokenType={state.tokens.token_type}
                  onCall={(request) => {
                    void session.callResource(request)
                  }}
                />
              </section>
            ),
          },
          {
            id: 'check',
            label: 'Check provider',
            panel: () => (
              <section className="card" aria-labelledby="provider-check-title">
                <h2 id="provider-check-title">Check this provider</h2>
                <ProviderCheckPanel signedIn issuer={state.client.metadata.issuer} />
              </section>
            ),
          },
          { id: 'storage', label: 'Storage', panel: () => storage },
        ]}
      />
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
