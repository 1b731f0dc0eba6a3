/**
 * Points out the common mistakes a token shows on its face: readable personal data, long lives, no
 * expiry, weak algorithms, tokens in URLs, refresh tokens that never rotate. Advice only: it decides nothing.
 */

import { lookUpClaim } from './claim-catalog'
import type { DecodedToken } from './decode-jwt'

/** What a token is for; the lint rules differ between them. */
export type TokenRole = 'id_token' | 'access_token' | 'refresh_token' | 'unknown'

export type LintId =
  | 'personal-data'
  | 'long-lived-access-token'
  | 'no-exp'
  | 'alg-none'
  | 'hmac-id-token'
  | 'seen-in-url'
  | 'refresh-token-not-rotated'
  | 'expired'
  /** One per claim, so that two placeholders are two findings, each with its own id. */
  | `implausible-${(typeof TIME_CLAIMS)[number]}`
  | 'issued-in-future'

export interface LintFinding {
  id: LintId
  severity: 'warning' | 'info'
  /** One or two sentences: what was found, and why it matters. */
  message: string
  spec?: { label: string; url: string }
}

export interface LintInput {
  role: TokenRole
  decoded: DecodedToken
  /** The token was taken out of a URL (a query or a fragment). */
  seenInUrl?: boolean
  /** From the last refresh: false when the provider handed back the same refresh token. */
  refreshTokenRotated?: boolean
  nowSeconds: number
}

// RFC 6750 §5.3 recommends bearer tokens of "one hour or less".
const ONE_HOUR = 3600
// 2000-01-01T00:00:00Z. No token in use was issued, or user signed in, before it: an earlier time is a
// placeholder (0 is 1 January 1970) or a value in milliseconds read as seconds the wrong way round.
const YEAR_2000 = 946_684_800
// Clocks differ; more than five minutes ahead is the issuer's clock, not skew.
const FUTURE_TOLERANCE = 300
const TIME_CLAIMS = ['iat', 'auth_time', 'nbf'] as const

const ROLE_NAMES: Record<TokenRole, string> = {
  id_token: 'ID token',
  access_token: 'access token',
  refresh_token: 'refresh token',
  unknown: 'token',
}

/**
 * Every finding for one token, in a fixed order. Pure: the same input always gives the same findings.
 *
 * @see https://www.rfc-editor.org/rfc/rfc8725
 * @see https://www.rfc-editor.org/rfc/rfc9700
 */
export function lintToken(input: LintInput): LintFinding[] {
  const { role, decoded } = input
  const findings: LintFinding[] = []
  const tokenName = ROLE_NAMES[role]

  if (decoded.kind === 'jwt') {
    const { header, payload } = decoded
    const alg = header.alg

    // Case-insensitive: "None" and "NONE" are the classic attempts to slip past a filter.
    if (typeof alg === 'string' && alg.toLowerCase() === 'none') {
      findings.push({
        id: 'alg-none',
        severity: 'warning',
        message: `This ${tokenName} is unsigned ("alg": "${alg}"): anyone can write one, so nothing in it can be trusted. Receivers must refuse it unless they expected an unsecured token.`,
        spec: { label: 'RFC 8725 §3.1', url: 'https://www.rfc-editor.org/rfc/rfc8725#section-3.1' },
      })
    } else if (role === 'id_token' && typeof alg === 'string' && /^HS\d+$/i.test(alg)) {
      findings.push({
        id: 'hmac-id-token',
        severity: 'warning',
        message: `This ID token is signed with an HMAC ("alg": "${alg}"), keyed with the client secret. A browser client cannot check it without that secret, and must not hold one; ask the provider for an asymmetric algorithm such as RS256 or ES256.`,
        spec: {
          label: 'OpenID Connect Core §10.1',
          url: 'https://openid.net/specs/openid-connect-core-1_0.html#Signing',
        },
      })
    }

    const personal = Object.keys(payload).filter((name) => lookUpClaim(name)?.personalData)
    if (personal.length > 0) {
      findings.push({
        id: 'personal-data',
        severity: role === 'access_token' ? 'warning' : 'info',
        message: `Personal data in the payload: ${personal.join(', ')}. The payload is only encoded, not encrypted, so anyone who holds this token can read them${role === 'access_token' ? ', including every API and proxy it is sent to' : ''}.`,
        spec:
          role === 'access_token'
            ? { label: 'RFC 9068 §6', url: 'https://www.rfc-editor.org/rfc/rfc9068#section-6' }
            : { label: 'RFC 7519 §12', url: 'https://www.rfc-editor.org/rfc/rfc7519#section-12' },
      })
    }

    const { exp, iat } = payload
    // Without iat the lifetime is unknown, but what is left of it is a lower bound.
    const lifetime =
      typeof exp !== 'number'
        ? undefined
        : typeof iat === 'number'
          ? { seconds: exp - iat, how: '(exp − iat)' }
          : {
              seconds: exp - input.nowSeconds,
              how: 'from now (it has no iat, so in all at least that)',
            }
    if (exp === undefined) {
      findings.push({
        id: 'no-exp',
        severity: 'warning',
        message: `This ${tokenName} has no "exp": nothing in it says when it stops being valid, so a copy of it works until the issuer's keys change.`,
        spec: noExpSpec(role),
      })
    } else if (role === 'access_token' && lifetime !== undefined && lifetime.seconds > ONE_HOUR) {
      findings.push({
        id: 'long-lived-access-token',
        severity: 'warning',
        message: `This access token lives ${describeDuration(lifetime.seconds)} ${lifetime.how}. A stolen bearer token works for all of that time; one hour or less is the recommendation, with refresh tokens for longer sessions.`,
        spec: { label: 'RFC 6750 §5.3', url: 'https://www.rfc-editor.org/rfc/rfc6750#section-5.3' },
      })
    }
    if (typeof exp === 'number' && exp <= input.nowSeconds) {
      findings.push({
        id: 'expired',
        // An ID token is checked once, when it arrives; its expiry later is normal.
        severity: role === 'id_token' ? 'info' : 'warning',
        message: `This ${tokenName} expired ${describeDuration(input.nowSeconds - exp)} ago ("exp" ${String(exp)}): every receiver must refuse it from now on.`,
        spec: {
          label: 'RFC 7519 §4.1.4',
          url: 'https://www.rfc-editor.org/rfc/rfc7519#section-4.1.4',
        },
      })
    }
    findings.push(...implausibleTimes(payload, tokenName, input.nowSeconds))
  }

  if (input.seenInUrl === true) {
    findings.push({
      id: 'seen-in-url',
      severity: 'warning',
      message: `This ${tokenName} was in a URL. Browser history, server logs and Referer headers keep URLs, so the token may leak; the authorization code flow keeps tokens out of URLs, which is why the implicit flow is no longer recommended.`,
      spec: {
        label: 'RFC 9700 §4.3.2, §2.1.2',
        url: 'https://www.rfc-editor.org/rfc/rfc9700#section-4.3.2',
      },
    })
  }

  if (role === 'refresh_token' && input.refreshTokenRotated === false) {
    findings.push({
      id: 'refresh-token-not-rotated',
      severity: 'warning',
      message:
        'The last refresh returned the same refresh token. For a browser client, refresh tokens should rotate (or be bound to a key), so a stolen one is caught the next time either copy is used.',
      spec: {
        label: 'RFC 9700 §4.14.2',
        url: 'https://www.rfc-editor.org/rfc/rfc9700#section-4.14.2',
      },
    })
  }

  return findings
}

function noExpSpec(role: TokenRole): LintFinding['spec'] {
  if (role === 'id_token') {
    return {
      label: 'OpenID Connect Core §2',
      url: 'https://openid.net/specs/openid-connect-core-1_0.html#IDToken',
    }
  }
  if (role === 'access_token') {
    return { label: 'RFC 9068 §2.2', url: 'https://www.rfc-editor.org/rfc/rfc9068#section-2.2' }
  }
  return { label: 'RFC 7519 §4.1.4', url: 'https://www.rfc-editor.org/rfc/rfc7519#section-4.1.4' }
}

/**
 * Times that are present but cannot be true: before 2000 (an "auth_time" of 0 reads as 1 January
 * 1970, and then makes every max_age check fail, OIDC Core §3.1.2.1), or an "iat" ahead of this
 * browser's clock by more than skew. A signature proves who wrote a value, not that it is sensible.
 */
function implausibleTimes(
  payload: Record<string, unknown>,
  tokenName: string,
  nowSeconds: number,
): LintFinding[] {
  const findings: LintFinding[] = []
  for (const claim of TIME_CLAIMS) {
    const value = payload[claim]
    if (typeof value !== 'number' || value >= YEAR_2000) continue
    findings.push({
      id: `implausible-${claim}`,
      severity: 'warning',
      message: `"${claim}" is ${String(value)}, a time before the year 2000${value === 0 ? ' (0 is 1 January 1970)' : ''}: it cannot be ${claim === 'auth_time' ? 'when the user signed in' : claim === 'iat' ? 'when this token was issued' : 'a real time'}, so the provider sets a placeholder there.${claim === 'auth_time' ? ' Any max_age sent with the sign-in fails against it, whatever the clocks say.' : ''}`,
      spec:
        claim === 'auth_time'
          ? {
              label: 'OpenID Connect Core §2',
              url: 'https://openid.net/specs/openid-connect-core-1_0.html#IDToken',
            }
          : { label: 'RFC 7519 §4.1', url: 'https://www.rfc-editor.org/rfc/rfc7519#section-4.1' },
    })
  }
  const { iat } = payload
  if (typeof iat === 'number' && iat > nowSeconds + FUTURE_TOLERANCE) {
    findings.push({
      id: 'issued-in-future',
      severity: 'warning',
      message: `This ${tokenName} says it was issued ${describeDuration(iat - nowSeconds)} from now ("iat" ${String(iat)}): the issuer's clock, or this browser's, is wrong by more than skew.`,
      spec: {
        label: 'RFC 7519 §4.1.6',
        url: 'https://www.rfc-editor.org/rfc/rfc7519#section-4.1.6',
      },
    })
  }
  return findings
}

function describeDuration(seconds: number): string {
  if (seconds < 60) {
    return `${String(seconds)} ${seconds === 1 ? 'second' : 'seconds'}`
  }
  if (seconds < ONE_HOUR) {
    const minutes = Math.floor(seconds / 60)
    return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`
  }
  if (seconds >= 48 * ONE_HOUR) {
    return `${Math.round(seconds / 86_400)} days`
  }
  const hours = Math.floor(seconds / ONE_HOUR)
  const minutes = Math.floor((seconds % ONE_HOUR) / 60)
  const hourText = `${hours} ${hours === 1 ? 'hour' : 'hours'}`
  if (minutes > 0) {
    return `${hourText} ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`
  }
  return seconds % ONE_HOUR === 0 ? hourText : `just over ${hourText}`
}
