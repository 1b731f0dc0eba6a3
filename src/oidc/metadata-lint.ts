/**
 * A lint of discovered provider metadata for the learner: what this app relies on, and whether the
 * provider offers it. Findings only; discovery has already refused what would be unsafe.
 */
import type { ProviderMetadata } from './discovery'

export interface MetadataFinding {
  name: string
  /** "failed": the metadata does not offer it (which a lint can only report, not refuse). */
  outcome: 'passed' | 'failed'
  detail?: string
}

const outcome = (offered: boolean): MetadataFinding['outcome'] => (offered ? 'passed' : 'failed')

const OPTIONAL_ENDPOINTS = [
  ['userinfo_endpoint', 'UserInfo (OpenID Connect Core §5.3)'],
  ['jwks_uri', 'signature checks (OpenID Connect Discovery §3)'],
  ['revocation_endpoint', 'revoking tokens at sign-out (RFC 7009)'],
  ['end_session_endpoint', 'ending the provider session at sign-out (RP-Initiated Logout)'],
] as const

export function lintMetadata(metadata: ProviderMetadata, appOrigin: string): MetadataFinding[] {
  const methods = metadata.code_challenge_methods_supported
  return [
    {
      name: 'issuer equals the one configured',
      outcome: 'passed',
      detail: `${metadata.issuer} (OpenID Connect Discovery §4.3)`,
    },
    {
      name: 'S256 is in code_challenge_methods_supported',
      outcome: outcome(methods?.includes('S256') ?? false),
      detail:
        methods === undefined
          ? 'The metadata does not say; PKCE S256 is sent anyway, with state and nonce (RFC 9700 §2.1.1).'
          : `Offered: ${methods.join(', ')}`,
    },
    {
      name: 'authorization_endpoint and token_endpoint are present',
      outcome: 'passed',
      detail: `${metadata.authorization_endpoint ?? ''} · ${metadata.token_endpoint ?? ''}`,
    },
    ...OPTIONAL_ENDPOINTS.map(([field, use]) => ({
      name: `${field} is present`,
      outcome: outcome(metadata[field] !== undefined),
      detail:
        metadata[field] === undefined
          ? `Absent: no ${use}.`
          : `${metadata[field] ?? ''}, for ${use}`,
    })),
    {
      name: 'reachable from this origin',
      outcome: 'passed',
      detail: `The metadata was read by this page from ${appOrigin}, so discovery allows CORS; the token endpoint must too.`,
    },
    {
      name: 'authorization_response_iss_parameter_supported',
      outcome: outcome(metadata.authorization_response_iss_parameter_supported === true),
      detail:
        metadata.authorization_response_iss_parameter_supported === true
          ? 'The callback must carry iss, and it is checked (RFC 9207).'
          : 'Not advertised: the metadata does not promise iss in the callback (RFC 9207 §3); whether one arrived is shown at the callback step. Without that promise, the mix-up defence rests on the per-tab pending authorization.',
    },
  ]
}
