/**
 * What an API's WWW-Authenticate challenges say (RFC 6750 §3 for Bearer, RFC 9449 §7.1 for DPoP):
 * one explanation per challenge, from its scheme and error code, with the API's own words kept
 * verbatim. When a 401 or 403 came without a readable challenge, it says why one may be hidden.
 */
import type { ResourceChallenge } from '../../oidc'

export interface ChallengeExplanation {
  /** "Bearer", "DPoP", … as the API named it (lowercased by the parser). */
  scheme: string
  error?: string
  meaning: string
  spec: string
  /** The API's own words, verbatim: error_description, scope, realm, error_uri (never a link). */
  said: [string, string][]
}

const SAID_PARAMETERS = ['error_description', 'scope', 'realm', 'error_uri', 'algs'] as const

function meaningOf(
  challenge: ResourceChallenge,
  retried: boolean,
): { meaning: string; spec: string } {
  const error = challenge.parameters.error
  const scope = challenge.parameters.scope
  switch (error) {
    case 'invalid_token':
      return {
        meaning: `The API refused the token itself: expired, revoked, malformed, or issued for another API (its aud). ${retried ? "PKCE Lab renewed the token once and tried again, and the renewed token was refused too: look at the token's aud and scope against what this API expects." : 'Renewing it may help; if the token is new, compare its aud and iss with what the API expects.'}`,
        spec: 'RFC 6750 §3.1',
      }
    case 'insufficient_scope':
      return {
        meaning: `The token is valid, but lacks the scope this request needs${scope === undefined ? '' : `: the API names "${scope}"`}. Sign in again asking for it (the Scopes setting); renewing the token does not add scope.`,
        spec: 'RFC 6750 §3.1',
      }
    case 'invalid_request':
      return {
        meaning:
          'The API found the request malformed: a missing or repeated parameter, or the token sent in more than one way at once.',
        spec: 'RFC 6750 §3.1',
      }
    case 'use_dpop_nonce':
      return {
        meaning:
          'The API wants a DPoP proof that carries the nonce it sent in its DPoP-Nonce header, and asks for the request again with it.',
        spec: 'RFC 9449 §9',
      }
    case 'invalid_dpop_proof':
      return {
        meaning:
          'The API refused the DPoP proof: its signature, htm, htu, iat, jti or ath did not check out.',
        spec: 'RFC 9449 §7.1',
      }
    case undefined:
      return challenge.scheme === 'dpop'
        ? {
            meaning:
              'The API asks for a DPoP-bound token with a proof of possession (RFC 9449); a Bearer token is not enough for it.',
            spec: 'RFC 9449 §7.1',
          }
        : {
            meaning:
              'A challenge without an error code: the API found no credentials it accepts in the request (RFC 6750 §3.1 has no error code then). It may want another scheme, or the token did not reach it.',
            spec: 'RFC 6750 §3',
          }
    default:
      return {
        meaning: `An error code RFC 6750 does not define ("${error}"): its meaning is the API's; see its own words below.`,
        spec: 'RFC 6750 §3',
      }
  }
}

/** One explanation per challenge, in the order the API sent them. */
export function explainChallenges(
  challenges: readonly ResourceChallenge[],
  retried: boolean,
): ChallengeExplanation[] {
  return challenges.map((challenge) => {
    const { meaning, spec } = meaningOf(challenge, retried)
    const error = challenge.parameters.error
    return {
      scheme:
        challenge.scheme === 'dpop'
          ? 'DPoP'
          : challenge.scheme === 'bearer'
            ? 'Bearer'
            : challenge.scheme,
      ...(error === undefined ? {} : { error }),
      meaning,
      spec,
      said: SAID_PARAMETERS.flatMap((name): [string, string][] => {
        const value = challenge.parameters[name]
        return value === undefined ? [] : [[name, value]]
      }),
    }
  })
}

/**
 * Why a refusal may come without a challenge the page could read: the API sent none, or did not
 * expose the header to this origin (Fetch Standard §3.2.6: WWW-Authenticate is not safelisted).
 */
export function missingChallenge(
  status: number,
  headers: readonly (readonly [string, string])[],
): string | undefined {
  if (status !== 401 && status !== 403) return undefined
  if (headers.some(([name]) => name.toLowerCase() === 'www-authenticate')) return undefined
  return `HTTP ${String(status)} without a WWW-Authenticate header this page could read: the API sent none, or did not list it in Access-Control-Expose-Headers, which a browser app needs to learn why it was refused (RFC 6750 §3 asks for one on a 401).`
}
