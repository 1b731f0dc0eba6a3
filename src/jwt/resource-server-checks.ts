/**
 * The claims a resource server checks before it accepts a JWT access token (RFC 9068 §4): its type,
 * issuer, audience and times, and the claims the profile requires (RFC 9068 §2.2). Pure: the caller
 * gives the issuer and audience to expect and the clock. A check with nothing to compare with is
 * "not checked"; one the token's kind does not call for is "not applicable"; neither ever "passed".
 */

export type ClaimCheckOutcome = 'passed' | 'failed' | 'not-applicable' | 'not-checked'

export const RESOURCE_SERVER_CHECKS = [
  'typ',
  'iss',
  'aud',
  'exp',
  'nbf',
  'iat',
  'sub',
  'client_id',
  'jti',
] as const
export type ResourceServerCheckId = (typeof RESOURCE_SERVER_CHECKS)[number]

export interface ResourceServerCheck {
  id: ResourceServerCheckId
  outcome: ClaimCheckOutcome
  detail: string
  spec: string
}

export interface ResourceServerInput {
  header: Record<string, unknown>
  payload: Record<string, unknown>
  /** The issuer the resource server trusts; blank: iss is not checked. */
  expectedIssuer: string
  /** The audience the resource server is; blank: aud is not checked. */
  expectedAudience: string
  /** Judge it as a JWT access token (RFC 9068): typ and the profile's required claims apply. */
  asAccessToken: boolean
  nowSeconds: number
}

/** RFC 9068 §4: an iat this far ahead of the clock is refused; the same leeway as the token lint. */
const FUTURE_IAT_LEEWAY_SECONDS = 300

const AT_JWT_TYPES = ['at+jwt', 'application/at+jwt']

function duration(seconds: number): string {
  const size = Math.abs(Math.trunc(seconds))
  if (size < 120) return `${String(size)} s`
  if (size < 7200) return `${String(Math.trunc(size / 60))} min`
  if (size < 172800) return `${String(Math.trunc(size / 3600))} h`
  return `${String(Math.trunc(size / 86400))} days`
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value)
}

function typCheck(input: ResourceServerInput): ResourceServerCheck {
  const spec = 'RFC 9068 §4'
  const typ = input.header.typ
  if (!input.asAccessToken) {
    return {
      id: 'typ',
      outcome: 'not-applicable',
      detail:
        'only a JWT access token (RFC 9068) must have typ "at+jwt"; judged as another kind of token',
      spec,
    }
  }
  if (typeof typ === 'string' && AT_JWT_TYPES.includes(typ.toLowerCase())) {
    return { id: 'typ', outcome: 'passed', detail: `typ is "${typ}"`, spec }
  }
  return {
    id: 'typ',
    outcome: 'failed',
    detail: `typ is ${typ === undefined ? 'absent' : JSON.stringify(typ)}, not "at+jwt": a resource server must refuse it. This is what keeps an ID token, signed by the same keys, from being accepted as an access token`,
    spec,
  }
}

function issCheck(input: ResourceServerInput): ResourceServerCheck {
  const spec = 'RFC 9068 §4, RFC 7519 §4.1.1'
  const expected = input.expectedIssuer.trim()
  const iss = input.payload.iss
  if (expected === '') {
    return {
      id: 'iss',
      outcome: 'not-checked',
      detail: 'name the issuer you trust to check it',
      spec,
    }
  }
  if (iss === expected) {
    return { id: 'iss', outcome: 'passed', detail: `iss is "${expected}", exactly`, spec }
  }
  return {
    id: 'iss',
    outcome: 'failed',
    detail:
      typeof iss === 'string'
        ? `iss is "${iss}", not "${expected}" (compared exactly, as RFC 9068 §4 asks)`
        : `the token has ${iss === undefined ? 'no iss' : `iss ${JSON.stringify(iss)}`}; "${expected}" was expected`,
    spec,
  }
}

function audCheck(input: ResourceServerInput): ResourceServerCheck {
  const spec = 'RFC 9068 §4, RFC 7519 §4.1.3'
  const expected = input.expectedAudience.trim()
  const aud = input.payload.aud
  if (expected === '') {
    return {
      id: 'aud',
      outcome: 'not-checked',
      detail: 'name the audience you are (your API identifier) to check it',
      spec,
    }
  }
  const audiences = typeof aud === 'string' ? [aud] : Array.isArray(aud) ? aud : []
  if (audiences.includes(expected)) {
    return {
      id: 'aud',
      outcome: 'passed',
      detail:
        audiences.length === 1
          ? `aud is "${expected}"`
          : `aud holds "${expected}" among ${String(audiences.length)} audiences`,
      spec,
    }
  }
  return {
    id: 'aud',
    outcome: 'failed',
    detail:
      aud === undefined
        ? `the token has no aud; "${expected}" was expected`
        : `aud is ${JSON.stringify(aud)}, which does not hold "${expected}": the token was issued for another API`,
    spec,
  }
}

function expCheck(input: ResourceServerInput): ResourceServerCheck {
  const spec = 'RFC 9068 §4, RFC 7519 §4.1.4'
  const exp = input.payload.exp
  if (exp === undefined) {
    return input.asAccessToken
      ? {
          id: 'exp',
          outcome: 'failed',
          detail: 'the token has no exp, which RFC 9068 §2.2 requires',
          spec,
        }
      : {
          id: 'exp',
          outcome: 'not-applicable',
          detail: 'the token has no exp, so it never expires by itself',
          spec,
        }
  }
  if (!isNumber(exp)) {
    return {
      id: 'exp',
      outcome: 'failed',
      detail: `exp is ${JSON.stringify(exp)}, not a number`,
      spec,
    }
  }
  const left = exp - input.nowSeconds
  return left > 0
    ? {
        id: 'exp',
        outcome: 'passed',
        detail: `expires in ${duration(left)} by this browser's clock`,
        spec,
      }
    : {
        id: 'exp',
        outcome: 'failed',
        detail: `expired ${duration(left)} ago by this browser's clock`,
        spec,
      }
}

function nbfCheck(input: ResourceServerInput): ResourceServerCheck {
  const spec = 'RFC 7519 §4.1.5'
  const nbf = input.payload.nbf
  if (nbf === undefined) {
    return { id: 'nbf', outcome: 'not-applicable', detail: 'the token has no nbf', spec }
  }
  if (!isNumber(nbf)) {
    return {
      id: 'nbf',
      outcome: 'failed',
      detail: `nbf is ${JSON.stringify(nbf)}, not a number`,
      spec,
    }
  }
  const wait = nbf - input.nowSeconds
  return wait <= 0
    ? { id: 'nbf', outcome: 'passed', detail: "valid since nbf by this browser's clock", spec }
    : {
        id: 'nbf',
        outcome: 'failed',
        detail: `not valid for another ${duration(wait)} (nbf) by this browser's clock`,
        spec,
      }
}

function iatCheck(input: ResourceServerInput): ResourceServerCheck {
  const spec = 'RFC 9068 §2.2, RFC 7519 §4.1.6'
  const iat = input.payload.iat
  if (iat === undefined) {
    return input.asAccessToken
      ? {
          id: 'iat',
          outcome: 'failed',
          detail: 'the token has no iat, which RFC 9068 §2.2 requires',
          spec,
        }
      : { id: 'iat', outcome: 'not-applicable', detail: 'the token has no iat', spec }
  }
  if (!isNumber(iat)) {
    return {
      id: 'iat',
      outcome: 'failed',
      detail: `iat is ${JSON.stringify(iat)}, not a number`,
      spec,
    }
  }
  const ahead = iat - input.nowSeconds
  return ahead > FUTURE_IAT_LEEWAY_SECONDS
    ? {
        id: 'iat',
        outcome: 'failed',
        detail: `issued ${duration(ahead)} in the future by this browser's clock: the issuer's clock or this one is wrong`,
        spec,
      }
    : {
        id: 'iat',
        outcome: 'passed',
        detail:
          ahead > 0
            ? `issued ${duration(ahead)} ahead of this browser's clock, within the ${duration(FUTURE_IAT_LEEWAY_SECONDS)} leeway`
            : `issued ${duration(ahead)} ago`,
        spec,
      }
}

function requiredClaim(
  input: ResourceServerInput,
  id: 'sub' | 'client_id' | 'jti',
  meaning: string,
): ResourceServerCheck {
  const spec = 'RFC 9068 §2.2'
  if (!input.asAccessToken) {
    return {
      id,
      outcome: 'not-applicable',
      detail: `required only in a JWT access token (RFC 9068); judged as another kind of token`,
      spec,
    }
  }
  const value = input.payload[id]
  return typeof value === 'string' && value !== ''
    ? { id, outcome: 'passed', detail: `present: ${meaning}`, spec }
    : {
        id,
        outcome: 'failed',
        detail: `${value === undefined ? 'absent' : `not a string: ${JSON.stringify(value)}`}; RFC 9068 requires ${meaning}`,
        spec,
      }
}

/** Every check, in the order RFC 9068 §4 lists them. */
export function resourceServerChecks(input: ResourceServerInput): ResourceServerCheck[] {
  return [
    typCheck(input),
    issCheck(input),
    audCheck(input),
    expCheck(input),
    nbfCheck(input),
    iatCheck(input),
    requiredClaim(input, 'sub', 'the subject the token stands for'),
    requiredClaim(input, 'client_id', 'the client the token was issued to'),
    requiredClaim(input, 'jti', 'a unique identifier for the token'),
  ]
}
