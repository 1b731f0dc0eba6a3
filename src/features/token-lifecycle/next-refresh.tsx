import { describeTime } from '../../jwt/describe-claims'
import type { SignedIn } from '../../session'
import { formatDuration } from './lifecycle-words'

export interface NextRefreshProps {
  state: SignedIn
  nowSeconds: number
}

/** When the next renewal is planned, or why none is. */
export function NextRefresh({ state, nowSeconds }: NextRefreshProps) {
  const { retry, nextRefreshAt } = state
  const expiresAt = state.tokens.accessTokenExpiresAt
  if (state.strategy === 'none') {
    return <>none: this session has no way to renew its access token.</>
  }
  if (!state.autoRefresh) {
    return (
      <>
        automatic refresh is off: the access token is renewed only by &ldquo;Refresh now&rdquo; or
        when an API answers 401.
      </>
    )
  }
  if (state.refreshing) {
    return <>refreshing now…</>
  }
  if (retry !== undefined) {
    const time = describeTime(retry.at, nowSeconds)
    return (
      <>
        retry {retry.attempt} at {time ? `${time.local} (${time.relative})` : 'an unknown time'}{' '}
        after: {retry.error.message}
      </>
    )
  }
  if (nextRefreshAt === undefined) {
    return expiresAt === undefined ? (
      <>none planned: the expiry is unknown, so the app renews only when an API answers 401.</>
    ) : (
      <>none planned.</>
    )
  }
  const time = describeTime(nextRefreshAt, nowSeconds)
  if (time === undefined) return <>at an unknown time.</>
  return (
    <>
      {time.local} ({time.relative})
      {expiresAt !== undefined && expiresAt > nextRefreshAt && (
        <>, {formatDuration(expiresAt - nextRefreshAt)} before the access token expires</>
      )}
      .
    </>
  )
}
