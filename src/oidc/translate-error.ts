/**
 * Converts what oauth4webapi throws into OidcError, here and only here, so that no code above src/oidc
 * needs to know oauth4webapi's error classes. The library's own message is kept as the technical detail:
 * it names the exact check that failed.
 */
import * as oauth from 'oauth4webapi'

import { codeOfStep, OidcError } from './oidc-error'
import type { OAuthErrorBody, OidcErrorCode, OidcStep } from './oidc-error'

function oauthErrorBody(error: string, description: unknown, uri: unknown): OAuthErrorBody {
  return {
    error,
    ...(typeof description === 'string' ? { error_description: description } : {}),
    ...(typeof uri === 'string' ? { error_uri: uri } : {}),
  }
}

function causeRecord(error: { cause?: unknown }): Record<string, unknown> {
  const cause = error.cause
  return typeof cause === 'object' && cause !== null ? (cause as Record<string, unknown>) : {}
}

/** The claim a JWT check was about: oauth4webapi names it in `cause.claim`, or in the message. */
function claimOf(error: Error): string | undefined {
  const claim = causeRecord(error).claim
  if (typeof claim === 'string') return claim
  if (error.message.includes('"alg"')) return 'alg'
  if (error.message.includes('signature') || error.message.includes('verification key')) {
    return 'signature'
  }
  return /JWT "(\w+)"/.exec(error.message)?.[1] ?? /"(id_token)"/.exec(error.message)?.[1]
}

function statusOf(error: Error): number | undefined {
  return error.cause instanceof Response ? error.cause.status : undefined
}

const ID_TOKEN_MESSAGE = /JWT|ID Token|"id_token"/

/** What an OAuth error body (RFC 6749 §5.2) or a WWW-Authenticate challenge means at each step. */
function errorBodyCode(step: OidcStep): OidcErrorCode {
  const code = codeOfStep(step)
  return code === 'invalid_token_response' ? 'token_endpoint_error' : code
}

export function toOidcError(
  error: unknown,
  step: OidcStep,
  context: { url?: string } = {},
): OidcError {
  if (error instanceof OidcError) return error
  const url = context.url

  if (error instanceof oauth.AuthorizationResponseError) {
    return new OidcError('authorization_error', step, error.message, {
      cause: error,
      oauthError: oauthErrorBody(
        error.error,
        error.error_description,
        error.cause.get('error_uri') ?? undefined,
      ),
    })
  }

  if (error instanceof oauth.ResponseBodyError) {
    return new OidcError(errorBodyCode(step), step, error.message, {
      cause: error,
      status: error.status,
      url,
      oauthError: oauthErrorBody(error.error, error.error_description, error.cause.error_uri),
    })
  }

  if (error instanceof oauth.WWWAuthenticateChallengeError) {
    const challenge = error.cause.at(0)
    return new OidcError(errorBodyCode(step), step, error.message, {
      cause: error,
      status: error.status,
      url,
      oauthError: oauthErrorBody(
        challenge?.parameters.error ?? 'invalid_client',
        challenge?.parameters.error_description,
        undefined,
      ),
    })
  }

  if (
    error instanceof oauth.OperationProcessingError ||
    error instanceof oauth.UnsupportedOperationError
  ) {
    const message = error.message
    switch (step) {
      case 'userinfo':
        if (error.code === oauth.JSON_ATTRIBUTE_COMPARISON) {
          return new OidcError('userinfo_sub_mismatch', step, message, {
            cause: error,
            url,
            check: 'sub',
          })
        }
        return new OidcError('userinfo_failed', step, message, {
          cause: error,
          status: statusOf(error),
          url,
        })
      case 'discovery':
        if (error.code === oauth.JSON_ATTRIBUTE_COMPARISON) {
          return new OidcError('discovery_issuer_mismatch', step, message, {
            cause: error,
            url,
            check: 'issuer',
          })
        }
        return new OidcError('discovery_failed', step, message, {
          cause: error,
          status: statusOf(error),
          url,
        })
      case 'authorization-response': {
        if (message.includes('"state"')) {
          return new OidcError('state_mismatch', step, message, { cause: error, check: 'state' })
        }
        if (message.includes('"iss"')) {
          return new OidcError('iss_mismatch', step, message, { cause: error, check: 'iss' })
        }
        return new OidcError('invalid_authorization_response', step, message, { cause: error })
      }
      default: {
        if (
          error.code === oauth.JWT_CLAIM_COMPARISON ||
          error.code === oauth.JWT_TIMESTAMP_CHECK ||
          ID_TOKEN_MESSAGE.test(message)
        ) {
          // The code exchange has a step of its own for its ID token; a refresh keeps its step.
          const idTokenStep = step === 'token-request' ? 'id-token' : step
          return new OidcError('id_token_rejected', idTokenStep, message, {
            cause: error,
            check: claimOf(error),
          })
        }
        return new OidcError(codeOfStep(step), step, message, {
          cause: error,
          status: statusOf(error),
          url,
        })
      }
    }
  }

  const message = error instanceof Error ? error.message : String(error)
  return new OidcError(codeOfStep(step), step, message, { cause: error, url })
}
