/**
 * Runs the metadata part of "Check this provider": reads discovery and the key set from this page,
 * then sends each endpoint the browser calls one harmless request (a made-up code, no token, a
 * made-up token to revoke) to see whether this origin may read its answers. The judgements are in
 * provider-checks.ts. Every exchange is kept as evidence with credential values masked, parsed
 * structure by structure; nothing is sent anywhere but the provider under test.
 */
import * as oauth from 'oauth4webapi'

import { discoveryUrl, parseIssuer } from './discovery'
import { DEFAULT_TIMEOUT_MS, requestOptions } from './http'
import type { HttpOptions } from './http'
import type { HttpExchange } from './http-exchange'
import { recording } from './provider-check-evidence'
import type { NavigationEvidence } from './provider-check-evidence'
import { isOidcError } from './oidc-error'
import type { OidcStep } from './oidc-error'
import {
  endpointOf,
  judgeCors,
  judgeJwks,
  judgeMetadata,
  judgeReadable,
  notChecked,
  PROVIDER_CHECKS,
  SIGN_IN_CHECKS,
} from './provider-checks'
import type { CorsProbe, ProviderCheck, ProviderCheckId, SignInCheckId } from './provider-checks'

export interface ProviderCheckInput {
  issuer: string
  clientId: string
  redirectUri: string
}

/** One check's outcome with the requests and answers it was judged on. */
export interface ReportedCheck extends ProviderCheck {
  evidence: readonly HttpExchange[]
  /** Where the hidden frame or the provider's window was sent, and where it came back. */
  navigation?: NavigationEvidence
}

export interface ProviderCheckReport {
  issuer: string
  clientId: string
  /** The origin the CORS checks were made from. */
  origin: string
  /** Epoch milliseconds. */
  startedAt: number
  finishedAt: number
  /** Stopped by the user before every check ran; the rest are "not checked". */
  stopped: boolean
  checks: readonly ReportedCheck[]
}

export interface ProviderCheckRunOptions {
  signal: AbortSignal
  /** Told which request is under way, for the progress line. */
  onProgress: (doing: string) => void
}

const STOPPED = 'Not checked: you stopped the check before it ran.'
const NEEDS_SIGN_IN =
  'Not checked: it needs a sign-in. Sign in, then run the check from the signed-in page.'
const AT_SIGN_OUT = 'Not checked yet: it comes with the sign-out, the last step.'
const NOT_REACHED = 'Not checked: the check ended before it got there.'

function isSignInCheck(id: ProviderCheckId): id is SignInCheckId {
  return (SIGN_IN_CHECKS as readonly string[]).includes(id)
}

/**
 * The report with the sign-in part's outcomes in place of "needs a sign-in": what the part did not
 * judge is not checked, and says why.
 */
export function withSignInChecks(
  report: ProviderCheckReport,
  found: ReadonlyMap<SignInCheckId, ReportedCheck>,
  finishedAt: number,
  stopped: boolean,
): ProviderCheckReport {
  const reason = (id: SignInCheckId) => {
    if (stopped) return STOPPED
    return id === 'end-session-return' || id === 'session-ended' ? AT_SIGN_OUT : NOT_REACHED
  }
  return {
    ...report,
    finishedAt,
    stopped: report.stopped || stopped,
    checks: report.checks.map((check) =>
      isSignInCheck(check.id)
        ? (found.get(check.id) ?? { ...notChecked(check.id, reason(check.id)), evidence: [] })
        : check,
    ),
  }
}

interface Answer {
  response?: Response
  probe: CorsProbe
  exchanges: HttpExchange[]
}

export async function runProviderChecks(
  input: ProviderCheckInput,
  http: HttpOptions,
  options: ProviderCheckRunOptions,
): Promise<ProviderCheckReport> {
  const now = http.now ?? Date.now
  const startedAt = now()
  const issuer = parseIssuer(input.issuer)
  const checks = new Map<ProviderCheckId, ReportedCheck>()
  const put = (check: ProviderCheck, evidence: readonly HttpExchange[] = []) => {
    checks.set(check.id, { ...check, evidence })
  }

  /** One request, recorded; a failure without an answer becomes a probe result, not an error. */
  async function ask(step: OidcStep, url: URL, init: RequestInit, doing: string): Promise<Answer> {
    options.onProgress(doing)
    const exchanges: HttpExchange[] = []
    const recorded = requestOptions(step, issuer, recording(http, exchanges))[oauth.customFetch]
    try {
      const response = await recorded(url.href, {
        ...init,
        signal: AbortSignal.any([
          options.signal,
          AbortSignal.timeout(http.timeoutMs ?? DEFAULT_TIMEOUT_MS),
        ]),
      })
      // The recorder has read its copy of the answer before the response comes back here.
      return { response, probe: { answered: true, status: response.status }, exchanges }
    } catch (error) {
      if (options.signal.aborted) throw error
      const reachability =
        isOidcError(error) && error.reachability !== undefined ? error.reachability : 'timeout'
      return { probe: { answered: false, reachability }, exchanges }
    }
  }

  async function readJson(response: Response): Promise<unknown> {
    try {
      return JSON.parse(await response.text()) as unknown
    } catch {
      return undefined
    }
  }

  let stopped = false
  try {
    const discovery = await ask(
      'discovery',
      new URL(discoveryUrl(issuer)),
      { headers: { accept: 'application/json' } },
      'Reading the discovery document…',
    )
    const metadata = discovery.response ? await readJson(discovery.response) : undefined
    const record =
      typeof metadata === 'object' && metadata !== null && !Array.isArray(metadata)
        ? (metadata as Record<string, unknown>)
        : undefined
    put(
      judgeReadable('discovery-readable', discovery.probe, record !== undefined, http.appOrigin),
      discovery.exchanges,
    )
    if (record) {
      for (const check of judgeMetadata(record, input.issuer)) put(check, discovery.exchanges)
      await checkKeys(record)
      await checkCors(record)
    }
  } catch (error) {
    if (!options.signal.aborted) throw error
    stopped = true
  }

  async function checkKeys(metadata: Record<string, unknown>): Promise<void> {
    const jwksUri = endpointOf(metadata, 'jwks_uri')
    if (!jwksUri) return
    const answer = await ask('jwks', jwksUri, {}, 'Reading the key set (jwks_uri)…')
    const body = answer.response ? await readJson(answer.response) : undefined
    put(
      judgeReadable('jwks-readable', answer.probe, body !== undefined, http.appOrigin),
      answer.exchanges,
    )
    if (answer.response?.ok && body !== undefined) put(judgeJwks(body), answer.exchanges)
  }

  async function checkCors(metadata: Record<string, unknown>): Promise<void> {
    const token = endpointOf(metadata, 'token_endpoint')
    if (token) {
      const answer = await ask(
        'token-request',
        token,
        {
          method: 'POST',
          headers: {
            accept: 'application/json',
            'content-type': 'application/x-www-form-urlencoded',
          },
          body: new URLSearchParams({
            grant_type: 'authorization_code',
            code: oauth.generateRandomState(),
            redirect_uri: input.redirectUri,
            client_id: input.clientId,
            code_verifier: oauth.generateRandomCodeVerifier(),
          }).toString(),
        },
        'Asking the token endpoint to exchange a made-up code…',
      )
      put(judgeCors('token-cors', answer.probe, http.appOrigin), answer.exchanges)
    }
    const userinfo = endpointOf(metadata, 'userinfo_endpoint')
    if (userinfo) {
      const answer = await ask(
        'userinfo',
        userinfo,
        { headers: { accept: 'application/json' } },
        'Calling UserInfo without a token…',
      )
      put(judgeCors('userinfo-cors', answer.probe, http.appOrigin), answer.exchanges)
    }
    const revocation = endpointOf(metadata, 'revocation_endpoint')
    if (revocation) {
      const answer = await ask(
        'revocation',
        revocation,
        {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({
            token: oauth.generateRandomState(),
            token_type_hint: 'refresh_token',
            client_id: input.clientId,
          }).toString(),
        },
        'Asking the revocation endpoint to revoke a made-up token…',
      )
      put(judgeCors('revocation-cors', answer.probe, http.appOrigin), answer.exchanges)
    }
  }

  const why = (id: ProviderCheckId): string => {
    if (isSignInCheck(id)) return NEEDS_SIGN_IN
    if (stopped) return STOPPED
    if (!checks.has('issuer-exact')) return 'Not checked: the discovery document could not be read.'
    if (id === 'jwks-keys' && checks.has('jwks-readable'))
      return 'Not checked: the key set could not be read.'
    if (id === 'jwks-readable' || id === 'jwks-keys')
      return 'Not checked: the metadata names no usable jwks_uri.'
    return 'Not checked: the metadata names no usable endpoint for it.'
  }
  return {
    issuer: input.issuer,
    clientId: input.clientId,
    origin: http.appOrigin,
    startedAt,
    finishedAt: now(),
    stopped,
    checks: PROVIDER_CHECKS.map(
      (id) => checks.get(id) ?? { ...notChecked(id, why(id)), evidence: [] },
    ),
  }
}
