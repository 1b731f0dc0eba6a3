/**
 * "Check this provider" as a flow of the session: the metadata part runs with the session's HTTP
 * settings and clock, apart from the sign-in. It changes no session state and writes nothing to the
 * timeline or to storage: its report lives in the page that asked for it.
 */
import { runProviderChecks } from '../oidc'
import type { ProviderCheckInput, ProviderCheckReport, ProviderCheckRunOptions } from '../oidc'
import type { SessionStore } from './session'

export function createProviderCheck(store: SessionStore) {
  const { deps } = store
  return {
    checkProvider: (
      input: ProviderCheckInput,
      options: ProviderCheckRunOptions,
    ): Promise<ProviderCheckReport> =>
      runProviderChecks(input, { ...deps.http, now: () => deps.clock.now() }, options),
  }
}
