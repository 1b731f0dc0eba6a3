/**
 * Which names an extra authorization parameter may not have, with why: a credential (a secret or a
 * token must never stand in an authorization URL, RFC 9700 §4.3.2), or a parameter the flow sets
 * itself and checks on the way back (RFC 6749 §4.1.1, RFC 7636 §4.3, OIDC Core §3.1.2.1). Compared
 * without regard to case. One rule for the editor, settings links and saved settings alike.
 */
import { isCredentialParameter } from '../config/credential-parameters'

const RESERVED = new Set([
  'response_type',
  'response_mode',
  'redirect_uri',
  'state',
  'nonce',
  'code_challenge',
  'code_challenge_method',
  'client_id',
  'scope',
  'client_assertion_type',
])

/** Why `name` cannot be an extra parameter, or undefined when it can. */
export function refusedParameterReason(name: string): string | undefined {
  const lower = name.trim().toLowerCase()
  if (isCredentialParameter(lower) || lower === 'client_assertion_type') {
    return 'a secret or a token never goes into an authorization URL'
  }
  if (RESERVED.has(lower)) return 'the flow sets this parameter itself, and checks it'
  return undefined
}
