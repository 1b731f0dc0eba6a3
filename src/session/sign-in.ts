/**
 * The sign-in up to the redirect: discovery with its metadata lint, the provider's keys, the
 * authorization request with PKCE (RFC 7636 §4), the pending authorization saved for the way back,
 * and the navigation to the provider (or a pause before it, in step-through mode).
 */
import {
  assertDpopSupported,
  asOidcError,
  createAuthorizationRequest,
  discoverProvider,
  fetchJwks,
  lintMetadata,
  pushAuthorizationRequest,
  pushedAuthorizationRequired,
  usesPushedAuthorization,
} from '../oidc'
import type { JwksSnapshot, PendingAuthorization, ProviderMetadata } from '../oidc'
import { epochSeconds } from './clock'
import type { FlowContext } from './flow-context'
import type { SignInRequest } from './session'

/** The extra parameters with `prompt` set to this value, whatever they said before. */
export function withPrompt(
  params: readonly (readonly [string, string])[],
  prompt: string,
): (readonly [string, string])[] {
  return [...params.filter(([name]) => name !== 'prompt'), ['prompt', prompt]]
}

export function createSignIn(context: FlowContext) {
  const { deps, memory, timeline, recorder, http, set } = context

  /**
   * Pushes the request (RFC 9126) as a step of its own, and returns where the browser goes instead:
   * the authorization endpoint with client_id and request_uri alone.
   */
  async function push(
    metadata: ProviderMetadata,
    authorizationUrl: URL,
    pending: PendingAuthorization,
  ): Promise<URL> {
    const required = pushedAuthorizationRequired(metadata)
    const pushedRequest = await context.recordStep(
      {
        kind: 'pushed-authorization-request',
        title: 'Pushed authorization request (PAR)',
        steps: ['pushed-authorization-request'],
        extra: {
          parameters: [...authorizationUrl.searchParams],
          pkce: {
            codeVerifier: pending.codeVerifier,
            codeChallenge: authorizationUrl.searchParams.get('code_challenge') ?? '',
            method: 'S256',
          },
        },
      },
      'pushed-authorization-request',
      () =>
        pushAuthorizationRequest({
          metadata,
          authorizationUrl,
          clientAuthentication: pending.clientAuthentication,
          ...(memory.clientSecret === undefined ? {} : { clientSecret: memory.clientSecret }),
          http,
        }),
      {
        ok: (result) => [
          {
            name: 'parameters pushed, out of the URL',
            outcome: 'passed',
            detail: `${required ? 'The provider requires pushed authorization requests (require_pushed_authorization_requests), so this request was pushed' : 'Pushed because the settings ask for it'}: every parameter went in this POST, and the provider answered a request_uri valid for ${String(result.expiresIn)} s. The browser is sent with client_id and request_uri alone, so state, the code_challenge, redirect_uri and the scope never appear in its address bar, its history or the provider's logs (RFC 9126 §1).`,
          },
        ],
      },
    )
    return pushedRequest.url
  }

  async function startAuthorization(request: SignInRequest, silent: boolean): Promise<void> {
    memory.clientSecret = request.clientSecret || undefined
    memory.pendingExchange = undefined
    // A new run: the timeline starts again.
    timeline.clear()
    set({ status: 'starting', silent })
    let metadata: ProviderMetadata
    let jwks: JwksSnapshot | undefined
    try {
      metadata = await context.recordStep(
        { kind: 'discovery', title: 'Discovery', steps: ['discovery'] },
        'discovery',
        () => discoverProvider(request.issuer, http),
        { ok: (found) => lintMetadata(found, http.appOrigin) },
      )
      // Keys that cannot be had (no CORS on jwks_uri, down, not a key set) do not stop the sign-in:
      // the ID token will come straight from the token endpoint over TLS (OIDC Core §3.1.3.7 step
      // 6), and the signature is reported as not checked, with this cause.
      const keys = await context.recordStep(
        { kind: 'jwks', title: 'Provider keys (jwks_uri)', steps: ['jwks'] },
        'jwks',
        () => fetchJwks(metadata, http, epochSeconds(deps.clock)),
        {
          ok: (result) => [
            result.status === 'fetched'
              ? {
                  name: 'keys fetched from the discovered jwks_uri, before the redirect',
                  outcome: 'passed',
                  detail: `${String(result.snapshot.jwks.keys.length)} public signing keys${result.dropped > 0 ? ` (${String(result.dropped)} more dropped: for encryption only, or with private parts)` : ''}; the callback checks the ID token's signature with them, no extra round trip.`,
                }
              : {
                  name: 'keys fetched from the discovered jwks_uri, before the redirect',
                  outcome: 'failed',
                  detail: `${result.cause}: the ID token's signature will not be checked.`,
                },
          ],
        },
      )
      jwks = keys.status === 'fetched' ? keys.snapshot : undefined
      // Before the browser leaves: a provider without DPoP would only ignore the proofs later.
      if (request.dpop === true) assertDpopSupported(metadata, 'authorization-request')
      const built = await createAuthorizationRequest({
        metadata,
        ...(jwks === undefined ? {} : { jwks }),
        ...(keys.status === 'unavailable' ? { jwksUnavailable: keys.cause } : {}),
        clientId: request.clientId,
        redirectUri: request.redirectUri,
        scope: request.scope,
        extraParams: silent ? withPrompt(request.extraParams, 'none') : request.extraParams,
        clientAuthentication: memory.clientSecret === undefined ? 'none' : 'client_secret_post',
        nowSeconds: epochSeconds(deps.clock),
      })
      const pushed = usesPushedAuthorization(metadata, request.pushedAuthorization === true)
      const url = pushed ? await push(metadata, built.url, built.pending) : built.url
      const pending = {
        ...built.pending,
        ...(pushed ? { pushedAuthorization: true as const } : {}),
        ...(request.dpop === true ? { dpopRequested: true as const } : {}),
      }
      const stepThrough = request.stepThrough === true
      deps.pendingAuthorizations.save({ ...pending, stepThrough })
      const entryId = recorder.begin('authorization-request', 'Authorization request', [], {
        url: url.href,
        parameters: [...url.searchParams],
        // With PAR the challenge went in the POST; its proof is shown with that step.
        ...(pushed
          ? {}
          : {
              pkce: {
                codeVerifier: pending.codeVerifier,
                codeChallenge: url.searchParams.get('code_challenge') ?? '',
                method: 'S256' as const,
              },
            }),
      })
      if (stepThrough) {
        set({ status: 'paused-before-redirect', authorizationUrl: url.href, timelineId: entryId })
        return
      }
      recorder.finish(entryId, {})
      set({ status: 'redirecting', authorizationUrl: url.href, silent })
      deps.navigate(url.href)
    } catch (error) {
      // Discovery and the keys failed as themselves; anything else failed building the request.
      context.end(asOidcError(error, 'authorization-request'))
    }
  }

  return {
    signIn: (request: SignInRequest) => startAuthorization(request, false),
    restoreSilently: (request: SignInRequest) => startAuthorization(request, true),
    continueToProvider() {
      const state = context.getState()
      if (state.status !== 'paused-before-redirect') return
      const { authorizationUrl, timelineId } = state
      recorder.finish(timelineId, {})
      set({ status: 'redirecting', authorizationUrl, silent: false })
      deps.navigate(authorizationUrl)
    },
  }
}
