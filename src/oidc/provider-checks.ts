/**
 * The judgements of "Check this provider": what a browser app (a public client using the code flow
 * with PKCE) depends on in a provider's metadata, its keys and the CORS answers of its endpoints,
 * judged on answers already received. Pure: provider-check-run.ts makes the requests. Each
 * judgement names the spec section it comes from and, when it is not a pass, what to change at
 * the provider.
 */
import { ENDPOINT_FIELDS } from './discovery'
import type { EndpointField } from './discovery'
import { isAllowedEndpointUrl } from './http'
import type { Reachability } from './oidc-error'

export type ProviderCheckOutcome = 'pass' | 'fail' | 'warning' | 'not-checked'

/** The checks that need no sign-in, in the order the report lists them. */
export const METADATA_CHECKS = [
  'discovery-readable',
  'issuer-exact',
  'required-metadata',
  'response-type-code',
  'pkce-s256',
  'public-client',
  'iss-parameter',
  'endpoints-https',
  'userinfo-endpoint',
  'revocation-endpoint',
  'end-session-endpoint',
  'id-token-algs',
  'jwks-readable',
  'jwks-keys',
  'token-cors',
  'userinfo-cors',
  'revocation-cors',
] as const

/**
 * The checks that need a sign-in: they get authorizations of their own, spend and revoke tokens, and
 * end the provider session (sign-in-checks.ts judges them, provider-check-sign-in.ts runs them).
 */
export const SIGN_IN_CHECKS = [
  'silent-authorization',
  'callback-state',
  'callback-iss',
  'code-exchange',
  'id-token',
  'pkce-wrong-verifier',
  'pkce-required',
  'redirect-uri-registered',
  'redirect-uri-exact',
  'code-replay',
  'code-replay-revokes',
  'userinfo-call',
  'refresh-issued',
  'token-lifetimes',
  'refresh-rotation',
  'refresh-reuse',
  'refresh-family',
  'revocation-public',
  'revoked-refresh-refused',
  'revoked-access-refused',
  'end-session-return',
  'session-ended',
] as const

/** Every check, in the order the report lists them. */
export const PROVIDER_CHECKS = [...METADATA_CHECKS, ...SIGN_IN_CHECKS] as const
export type ProviderCheckId = (typeof PROVIDER_CHECKS)[number]
export type SignInCheckId = (typeof SIGN_IN_CHECKS)[number]

export interface ProviderCheck {
  id: ProviderCheckId
  title: string
  outcome: ProviderCheckOutcome
  /** What was seen, in words; for "not-checked", why not. */
  finding: string
  /** The spec section the expectation comes from. */
  spec: string
  /** What to change at the provider; present unless the outcome is a pass. */
  fix?: string
}

const TITLES: Record<ProviderCheckId, string> = {
  'discovery-readable': 'Discovery is readable from this origin, as JSON',
  'issuer-exact': 'issuer is exactly the issuer configured',
  'required-metadata': 'The required metadata is present',
  'response-type-code': 'The code flow is offered',
  'pkce-s256': 'PKCE with S256 is offered',
  'public-client': 'A public client can use the token endpoint',
  'iss-parameter': 'The callback promises iss (mix-up defence)',
  'endpoints-https': 'Every endpoint is https',
  'userinfo-endpoint': 'A UserInfo endpoint is advertised',
  'revocation-endpoint': 'A revocation endpoint is advertised',
  'end-session-endpoint': 'An end-session endpoint is advertised',
  'id-token-algs': 'ID tokens are signed with an algorithm a browser can check',
  'jwks-readable': 'The key set is readable from this origin',
  'jwks-keys': 'The keys are usable public signing keys',
  'token-cors': 'The token endpoint answers this origin (CORS)',
  'userinfo-cors': 'The UserInfo endpoint answers this origin (CORS)',
  'revocation-cors': 'The revocation endpoint answers this origin (CORS)',
  'silent-authorization': 'A prompt=none authorization in a hidden frame comes back',
  'callback-state': 'The callback echoes state',
  'callback-iss': 'The callback carries iss, the issuer’s own',
  'code-exchange': 'This page exchanges a code for tokens',
  'id-token': 'The ID token passes every check',
  'pkce-wrong-verifier': 'A code with the wrong code_verifier is refused',
  'pkce-required': 'An authorization without code_challenge goes nowhere',
  'redirect-uri-registered': 'Codes go only to the exact redirect_uri registered',
  'redirect-uri-exact': 'A code is redeemed only with its exact redirect_uri',
  'code-replay': 'A code works once',
  'code-replay-revokes': 'A replayed code revokes the tokens issued from it',
  'userinfo-call': 'UserInfo answers an access token sent from this origin',
  'refresh-issued': 'A refresh token is issued to this client',
  'token-lifetimes': 'Token lifetimes are announced',
  'refresh-rotation': 'The refresh token rotates',
  'refresh-reuse': 'A refresh token already used is refused',
  'refresh-family': 'Reuse revokes the newer refresh tokens too',
  'revocation-public': 'This client can revoke its tokens',
  'revoked-refresh-refused': 'A revoked refresh token is refused',
  'revoked-access-refused': 'A revoked access token is refused at UserInfo',
  'end-session-return': 'End-session comes back with state',
  'session-ended': 'After the sign-out, prompt=none answers login_required',
}

const SPECS: Record<ProviderCheckId, string> = {
  'discovery-readable': 'OpenID Connect Discovery 1.0 §4; Fetch Standard §3.2 (CORS)',
  'issuer-exact': 'OpenID Connect Discovery 1.0 §4.3; RFC 8414 §3.3',
  'required-metadata': 'OpenID Connect Discovery 1.0 §3',
  'response-type-code': 'OpenID Connect Discovery 1.0 §3 (response_types_supported)',
  'pkce-s256': 'RFC 7636 §4.2; RFC 8414 §2; RFC 9700 §2.1.1',
  'public-client': 'RFC 8414 §2 (token_endpoint_auth_methods_supported); RFC 6749 §2.1',
  'iss-parameter': 'RFC 9207 §3; RFC 9700 §4.4',
  'endpoints-https': 'RFC 8414 §2; RFC 9700 §2.6; RFC 8252 §8.3 (loopback)',
  'userinfo-endpoint': 'OpenID Connect Core 1.0 §5.3',
  'revocation-endpoint': 'RFC 7009 §2; RFC 8414 §2',
  'end-session-endpoint': 'OpenID Connect RP-Initiated Logout 1.0 §2.1',
  'id-token-algs': 'OpenID Connect Discovery 1.0 §3; OpenID Connect Core 1.0 §3.1.3.7',
  'jwks-readable': 'RFC 7517 §5; OpenID Connect Discovery 1.0 §3 (jwks_uri)',
  'jwks-keys': 'RFC 7517 §4, §8.1; RFC 7518 §6',
  'token-cors': 'RFC 6749 §3.2; Fetch Standard §3.2 (CORS)',
  'userinfo-cors': 'OpenID Connect Core 1.0 §5.3; Fetch Standard §3.2 (CORS)',
  'revocation-cors': 'RFC 7009 §2.1, §2.2; Fetch Standard §3.2 (CORS)',
  'silent-authorization': 'OpenID Connect Core 1.0 §3.1.2.1 (prompt=none), §3.1.2.6',
  'callback-state': 'RFC 6749 §4.1.2, §10.12',
  'callback-iss': 'RFC 9207 §2, §2.4; RFC 9700 §4.4',
  'code-exchange': 'RFC 6749 §4.1.3; RFC 7636 §4.5; Fetch Standard §3.2 (CORS)',
  'id-token': 'OpenID Connect Core 1.0 §2, §3.1.3.6, §3.1.3.7',
  'pkce-wrong-verifier': 'RFC 7636 §4.6; RFC 9700 §2.1.1',
  'pkce-required': 'RFC 9700 §2.1.1, §4.8.2; OAuth 2.1 draft §4.1.1',
  'redirect-uri-registered': 'RFC 9700 §2.1, §4.1.3; RFC 6749 §3.1.2.4, §4.1.2.1',
  'redirect-uri-exact': 'RFC 6749 §4.1.3; RFC 9700 §2.1, §4.1.3',
  'code-replay': 'RFC 6749 §4.1.2, §10.5; RFC 9700 §4.5',
  'code-replay-revokes': 'RFC 6749 §4.1.2',
  'userinfo-call': 'OpenID Connect Core 1.0 §5.3; RFC 6750 §2.1; Fetch Standard §3.2 (CORS)',
  'refresh-issued': 'RFC 6749 §1.5, §6; OpenID Connect Core 1.0 §11',
  'token-lifetimes': 'RFC 6749 §5.1 (expires_in)',
  'refresh-rotation': 'RFC 9700 §4.14.2; RFC 6749 §6',
  'refresh-reuse': 'RFC 9700 §4.14.2',
  'refresh-family': 'RFC 9700 §4.14.2',
  'revocation-public': 'RFC 7009 §2.1, §2.2',
  'revoked-refresh-refused': 'RFC 7009 §2.1, §2.2',
  'revoked-access-refused': 'RFC 7009 §2.1, §2.2; RFC 6750 §3.1',
  'end-session-return': 'OpenID Connect RP-Initiated Logout 1.0 §2, §3',
  'session-ended': 'OpenID Connect RP-Initiated Logout 1.0 §2; OpenID Connect Core 1.0 §3.1.2.6',
}

/** One judgement, with the check's title and spec; the fix is kept only when it did not pass. */
export function check(
  id: ProviderCheckId,
  outcome: ProviderCheckOutcome,
  finding: string,
  fix?: string,
): ProviderCheck {
  return {
    id,
    title: TITLES[id],
    outcome,
    finding,
    spec: SPECS[id],
    ...(outcome === 'pass' || fix === undefined ? {} : { fix }),
  }
}

/** A check that could not run because what it judges never arrived. */
export function notChecked(id: ProviderCheckId, why: string): ProviderCheck {
  return check(id, 'not-checked', why)
}

/** A metadata member as a list of strings, or undefined when absent or not such a list. */
function stringList(metadata: Record<string, unknown>, name: string): string[] | undefined {
  const value = metadata[name]
  return Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : undefined
}

function stringMember(metadata: Record<string, unknown>, name: string): string | undefined {
  const value = metadata[name]
  return typeof value === 'string' ? value : undefined
}

const REQUIRED_MEMBERS = [
  'issuer',
  'authorization_endpoint',
  'token_endpoint',
  'jwks_uri',
  'response_types_supported',
  'subject_types_supported',
  'id_token_signing_alg_values_supported',
] as const

/** An endpoint the metadata names, when it is a URL this app would use. */
export function endpointOf(
  metadata: Record<string, unknown>,
  member: EndpointField,
): URL | undefined {
  const value = stringMember(metadata, member)
  if (value === undefined || !URL.canParse(value)) return undefined
  const url = new URL(value)
  return isAllowedEndpointUrl(url) ? url : undefined
}

function judgeIssuer(metadata: Record<string, unknown>, issuer: string): ProviderCheck {
  const stated = stringMember(metadata, 'issuer')
  if (stated === issuer) return check('issuer-exact', 'pass', `issuer is "${stated}".`)
  return check(
    'issuer-exact',
    'fail',
    stated === undefined
      ? 'The metadata has no issuer string.'
      : `The metadata says issuer "${stated}"; the issuer configured is "${issuer}". They must be identical, character for character (a trailing slash counts).`,
    stated !== undefined && stated.replace(/\/$/, '') === issuer.replace(/\/$/, '')
      ? 'Configure the issuer exactly as the metadata states it, trailing slash included; if the provider is wrong, fix its issuer setting so both agree.'
      : 'Publish metadata whose issuer is the URL it is served under (without /.well-known/openid-configuration), or configure the issuer the provider states.',
  )
}

function judgeRequired(metadata: Record<string, unknown>): ProviderCheck {
  const missing = REQUIRED_MEMBERS.filter((member) => metadata[member] === undefined)
  return missing.length === 0
    ? check('required-metadata', 'pass', `All present: ${REQUIRED_MEMBERS.join(', ')}.`)
    : check(
        'required-metadata',
        'fail',
        `Missing: ${missing.join(', ')}.`,
        `Add ${missing.join(', ')} to the discovery document.`,
      )
}

function judgeResponseTypes(metadata: Record<string, unknown>): ProviderCheck {
  const types = stringList(metadata, 'response_types_supported')
  if (types === undefined) {
    return check(
      'response-type-code',
      'fail',
      'response_types_supported is absent or not a list of strings.',
      'List "code" in response_types_supported.',
    )
  }
  return types.includes('code')
    ? check('response-type-code', 'pass', `response_types_supported: ${types.join(', ')}.`)
    : check(
        'response-type-code',
        'fail',
        `response_types_supported does not list "code": ${types.join(', ')}.`,
        'Enable the authorization code flow (response_type=code) for this client.',
      )
}

function judgePkce(metadata: Record<string, unknown>): ProviderCheck {
  const methods = stringList(metadata, 'code_challenge_methods_supported')
  if (methods === undefined) {
    return check(
      'pkce-s256',
      'fail',
      'code_challenge_methods_supported is absent: by RFC 8414 §2 that means PKCE is not supported. Some providers support it without saying so; the code exchange after a sign-in is what tells.',
      'Support PKCE with S256 and list it in code_challenge_methods_supported.',
    )
  }
  if (!methods.includes('S256')) {
    return check(
      'pkce-s256',
      'fail',
      `S256 is not offered: ${methods.join(', ') || 'an empty list'}.`,
      'Support PKCE with S256; plain sends the verifier itself through the browser.',
    )
  }
  return methods.includes('plain')
    ? check(
        'pkce-s256',
        'warning',
        `S256 is offered, and so is plain: ${methods.join(', ')}. A client that sends plain gives away the verifier in the authorization request (RFC 9700 §2.1.1).`,
        'Remove plain from the supported methods, so that a downgrade to it is refused.',
      )
    : check('pkce-s256', 'pass', `code_challenge_methods_supported: ${methods.join(', ')}.`)
}

function judgePublicClient(metadata: Record<string, unknown>): ProviderCheck {
  const methods = stringList(metadata, 'token_endpoint_auth_methods_supported')
  if (methods === undefined) {
    return check(
      'public-client',
      'fail',
      'token_endpoint_auth_methods_supported is absent: by RFC 8414 §2 the default is client_secret_basic only, a secret a browser app cannot keep.',
      'Allow public clients (token_endpoint_auth_method "none") and list "none" in token_endpoint_auth_methods_supported.',
    )
  }
  return methods.includes('none')
    ? check('public-client', 'pass', `token_endpoint_auth_methods_supported includes none.`)
    : check(
        'public-client',
        'fail',
        `"none" is not offered: ${methods.join(', ')}. Every other method needs a secret or a key that a page cannot hide.`,
        'Register the app as a public client (a single-page application) with token_endpoint_auth_method "none".',
      )
}

function judgeIssParameter(metadata: Record<string, unknown>): ProviderCheck {
  return metadata.authorization_response_iss_parameter_supported === true
    ? check(
        'iss-parameter',
        'pass',
        'authorization_response_iss_parameter_supported is true: the callback carries iss.',
      )
    : check(
        'iss-parameter',
        'warning',
        'authorization_response_iss_parameter_supported is not true: a client talking to several providers cannot tell from the callback which one sent it.',
        'Send iss in the authorization response and advertise authorization_response_iss_parameter_supported: true.',
      )
}

function judgeHttps(metadata: Record<string, unknown>): ProviderCheck {
  const unsafe = ENDPOINT_FIELDS.filter((member) => {
    const value = stringMember(metadata, member)
    return (
      metadata[member] !== undefined &&
      (value === undefined || !URL.canParse(value) || !isAllowedEndpointUrl(new URL(value)))
    )
  })
  return unsafe.length === 0
    ? check(
        'endpoints-https',
        'pass',
        'Every endpoint present is https, or http on a loopback host (for development).',
      )
    : check(
        'endpoints-https',
        'fail',
        `Not https: ${unsafe.map((member) => `${member} ${JSON.stringify(metadata[member])}`).join('; ')}.`,
        'Serve every endpoint over https and publish the https URLs.',
      )
}

const OPTIONAL_ENDPOINTS: readonly [ProviderCheckId, EndpointField, string][] = [
  [
    'userinfo-endpoint',
    'userinfo_endpoint',
    'Without it the app cannot read the user’s claims beyond the ID token.',
  ],
  [
    'revocation-endpoint',
    'revocation_endpoint',
    'Without it a sign-out cannot revoke the refresh token: it stays valid until it expires.',
  ],
  [
    'end-session-endpoint',
    'end_session_endpoint',
    'Without it a sign-out cannot end the session at the provider: the next sign-in goes through without asking.',
  ],
]

function judgeOptionalEndpoints(metadata: Record<string, unknown>): ProviderCheck[] {
  return OPTIONAL_ENDPOINTS.map(([id, member, without]) => {
    const value = stringMember(metadata, member)
    return value === undefined
      ? check(id, 'warning', `${member} is absent. ${without}`, `Advertise ${member}.`)
      : check(id, 'pass', `${member}: ${value}`)
  })
}

const ASYMMETRIC_ALG = /^(RS|PS|ES)(256|384|512)$|^EdDSA$|^Ed25519$/

function judgeAlgs(metadata: Record<string, unknown>): ProviderCheck {
  const algs = stringList(metadata, 'id_token_signing_alg_values_supported')
  if (algs === undefined) {
    return check(
      'id-token-algs',
      'fail',
      'id_token_signing_alg_values_supported is absent or not a list of strings.',
      'Publish id_token_signing_alg_values_supported, with RS256.',
    )
  }
  const listed = algs.join(', ')
  if (!algs.some((alg) => ASYMMETRIC_ALG.test(alg))) {
    return check(
      'id-token-algs',
      'fail',
      `Only ${listed}: a browser app holds no shared secret, so it can check none of these.`,
      'Sign ID tokens with RS256 (or another public-key algorithm) for this client.',
    )
  }
  if (algs.includes('none')) {
    return check(
      'id-token-algs',
      'warning',
      `${listed}: "none" means unsigned ID tokens are on offer; this app refuses them, a careless client may not.`,
      'Remove "none" from id_token_signing_alg_values_supported.',
    )
  }
  return algs.includes('RS256')
    ? check('id-token-algs', 'pass', `${listed}.`)
    : check(
        'id-token-algs',
        'warning',
        `${listed}: RS256 is not listed, which OpenID Connect Discovery §3 requires; clients that only do RS256 will fail.`,
        'Add RS256 to id_token_signing_alg_values_supported.',
      )
}

/** The metadata checks, on a discovery document that was read and parsed as a JSON object. */
export function judgeMetadata(metadata: Record<string, unknown>, issuer: string): ProviderCheck[] {
  return [
    judgeIssuer(metadata, issuer),
    judgeRequired(metadata),
    judgeResponseTypes(metadata),
    judgePkce(metadata),
    judgePublicClient(metadata),
    judgeIssParameter(metadata),
    judgeHttps(metadata),
    ...judgeOptionalEndpoints(metadata),
    judgeAlgs(metadata),
  ]
}

/** JWK members that only a private or symmetric key has (RFC 7518 §6.2.2, §6.3.2, §6.4.1). */
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'] as const

/** The key-set checks, on the jwks_uri's answer parsed as JSON. */
export function judgeJwks(body: unknown): ProviderCheck {
  const keys: unknown[] | undefined =
    typeof body === 'object' && body !== null && 'keys' in body && Array.isArray(body.keys)
      ? (body.keys as unknown[])
      : undefined
  if (keys === undefined) {
    return check(
      'jwks-keys',
      'fail',
      'The answer is not a JWK set: no "keys" array.',
      'Serve {"keys": [...]} at jwks_uri.',
    )
  }
  const problems: string[] = []
  let signing = 0
  keys.forEach((key, index) => {
    if (typeof key !== 'object' || key === null) {
      problems.push(`key ${String(index + 1)} is not an object`)
      return
    }
    const jwk = key as Record<string, unknown>
    const name = typeof jwk.kid === 'string' ? `key "${jwk.kid}"` : `key ${String(index + 1)}`
    const secret = PRIVATE_MEMBERS.filter((member) => jwk[member] !== undefined)
    if (secret.length > 0) {
      problems.push(
        `${name} publishes ${secret.join(', ')}: ${jwk.kty === 'oct' ? 'a symmetric key, readable by anyone' : 'its private part'}`,
      )
    }
    if (typeof jwk.kty !== 'string') problems.push(`${name} has no kty`)
    if (jwk.use !== undefined && jwk.use !== 'sig' && jwk.use !== 'enc') {
      problems.push(`${name} has use ${JSON.stringify(jwk.use)}`)
    }
    if (jwk.use !== 'enc' && secret.length === 0 && typeof jwk.kty === 'string') signing += 1
  })
  if (problems.length > 0) {
    return check(
      'jwks-keys',
      'fail',
      `${problems.join('; ')}.`,
      'Publish only public keys at jwks_uri; rotate any key whose private part was ever published.',
    )
  }
  return signing === 0
    ? check(
        'jwks-keys',
        'fail',
        `${String(keys.length)} key(s), none usable to check a signature.`,
        'Publish the public signing keys at jwks_uri.',
      )
    : check(
        'jwks-keys',
        'pass',
        `${String(keys.length)} key(s), ${String(signing)} usable for signatures, no private parts.`,
      )
}

/** What one harmless request to an endpoint brought back, as far as this page could read it. */
export type CorsProbe =
  { answered: true; status: number } | { answered: false; reachability: Reachability | 'timeout' }

const PROBES: Record<
  'token-cors' | 'userinfo-cors' | 'revocation-cors',
  { request: string; expected: string }
> = {
  'token-cors': {
    request: 'a code exchange with a made-up code',
    expected: 'an invalid_grant error',
  },
  'userinfo-cors': { request: 'a request without a token', expected: 'a 401' },
  'revocation-cors': {
    request: 'a revocation of a made-up token',
    expected: 'a 200 (RFC 7009 §2.2: an unknown token is not an error)',
  },
}

/** A request this page sent that brought back nothing it could read. */
function unanswered(
  id: ProviderCheckId,
  request: string,
  reachability: Reachability | 'timeout',
  origin: string,
): ProviderCheck {
  if (reachability === 'timeout') {
    return check(
      id,
      'fail',
      `No answer to ${request} in time.`,
      'Make the endpoint reachable from the browsers of your users.',
    )
  }
  if (reachability === 'no-answer') {
    return check(
      id,
      'fail',
      `No answer to ${request}, and none to a request that needs no CORS either: the endpoint is down, unreachable from here, or its URL is wrong.`,
      'Publish an endpoint URL that browsers can reach.',
    )
  }
  return check(
    id,
    'fail',
    `The server answered ${request}, and the browser hid the answer from this page: CORS does not allow ${origin}.`,
    `Allow the origin ${origin} (Access-Control-Allow-Origin) on this endpoint, error answers included, and answer its preflight (OPTIONS).`,
  )
}

/** Judges a document this page must read: discovery or the key set, a 200 with JSON. */
export function judgeReadable(
  id: 'discovery-readable' | 'jwks-readable',
  probe: CorsProbe,
  json: boolean,
  origin: string,
): ProviderCheck {
  const what = id === 'discovery-readable' ? 'the discovery document' : 'the key set'
  if (!probe.answered) return unanswered(id, `a read of ${what}`, probe.reachability, origin)
  if (probe.status !== 200) {
    return check(
      id,
      'fail',
      `HTTP ${String(probe.status)} for ${what}.`,
      `Serve ${what} at this URL with status 200.`,
    )
  }
  return json
    ? check(id, 'pass', `Read from ${origin}: HTTP 200 with a JSON object.`)
    : check(
        id,
        'fail',
        `HTTP 200, but the body is not a JSON object.`,
        `Serve ${what} as JSON (application/json).`,
      )
}

/** Judges whether an endpoint lets this origin read its answers. */
export function judgeCors(
  id: 'token-cors' | 'userinfo-cors' | 'revocation-cors',
  probe: CorsProbe,
  origin: string,
): ProviderCheck {
  const { request, expected } = PROBES[id]
  if (probe.answered) {
    return check(
      id,
      'pass',
      `This page read the answer to ${request}: HTTP ${String(probe.status)} (it expected ${expected}).`,
    )
  }
  if (id === 'userinfo-cors' && probe.reachability === 'hidden') {
    return check(
      id,
      'warning',
      `The server answered ${request}, and the browser hid the answer from this page: CORS does not allow ${origin}, at least on error answers. An answer to a request with a token may differ; a call after a sign-in tells.`,
      `Allow the origin ${origin} (Access-Control-Allow-Origin) on this endpoint, error answers included.`,
    )
  }
  return unanswered(id, request, probe.reachability, origin)
}
