import { describeTime } from '../../jwt/describe-claims'
import { formatDuration } from './lifecycle-words'

export interface AccessTokenCountdownProps {
  /** Epoch seconds, from expires_in; undefined when the provider did not say. */
  expiresAt: number | undefined
  /** The lifetime the provider gave (expires_in, seconds). */
  lifetime: number | undefined
  nowSeconds: number
  /** False when the session has no way to renew the token at all. */
  canRenew: boolean
}

/**
 * Seconds left until the access token expires, in words and as a bar. It is not a live region: a
 * screen reader would otherwise read it out every second.
 */
export function AccessTokenCountdown({
  expiresAt,
  lifetime,
  nowSeconds,
  canRenew,
}: AccessTokenCountdownProps) {
  if (expiresAt === undefined) {
    return (
      <p>
        The provider gave no expires_in (only recommended by RFC 6749 §5.1), so nobody here knows
        when the access token expires.{' '}
        {canRenew
          ? 'The app then renews it only when an API answers 401.'
          : 'Sign in again when an API answers 401.'}
      </p>
    )
  }
  const left = Math.ceil(expiresAt - nowSeconds)
  const time = describeTime(expiresAt, nowSeconds)
  const phrase =
    left > 0
      ? `expires in ${formatDuration(left)}`
      : left === 0
        ? 'expires now'
        : `expired ${formatDuration(-left)} ago`
  return (
    <div className="access-token-countdown">
      <p>
        Access token <strong className="access-token-countdown__phrase">{phrase}</strong>
        {time !== undefined && <> (at {time.local})</>}.
      </p>
      {lifetime !== undefined && lifetime > 0 && (
        <p className="access-token-countdown__bar">
          <progress
            aria-label="Access token lifetime remaining"
            value={Math.min(Math.max(left, 0), lifetime)}
            max={lifetime}
          />{' '}
          <span className="token-lifecycle__muted">
            {formatDuration(Math.min(Math.max(left, 0), lifetime))} of {formatDuration(lifetime)}{' '}
            left
          </span>
        </p>
      )}
    </div>
  )
}
