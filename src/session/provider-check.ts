/**
 * "Check this provider" as a flow of the session. Signed out, it runs the metadata part with the
 * settings given. Signed in, once the user agreed, the sign-in is handed over to the check: this page
 * forgets it at once (nothing half-signed-in remains, whatever the check does to its tokens), the
 * check runs every part, revokes what it held, and waits for the user to end the provider session in
 * the provider's own window. The run is published through the store; its report lives in this page
 * only, never in the timeline or in storage.
 */
import { createSignInCheckRun, runProviderChecks, withSignInChecks } from '../oidc'
import type { ProviderCheckInput, ProviderCheckReport, SignInCheckRun } from '../oidc'
import { epochSeconds } from './clock'
import type { FlowContext } from './flow-context'

/** What the check is doing, for the panel on either screen. */
export type ProviderCheckRun =
  | { status: 'idle' }
  | { status: 'running'; doing: string }
  /** Every check but the sign-out's ran; the user ends the provider session to finish. */
  | { status: 'sign-out-next'; report: ProviderCheckReport }
  | { status: 'done'; report: ProviderCheckReport }
  /** The check could not run: the error as thrown, for the panel to explain. */
  | { status: 'failed'; error: unknown }

const HANDED_OVER =
  'You let the provider check use this sign-in: this page forgot it, and the check spends and revokes its tokens.'

export function createProviderCheck(context: FlowContext) {
  const { deps, memory } = context
  // The session's HTTP settings without its timeline recorder: the check's requests are its own.
  const http = { ...deps.http, now: () => deps.clock.now() }
  let controller: AbortController | undefined
  let waiting: { run: SignInCheckRun; report: ProviderCheckReport } | undefined

  function begin(): AbortSignal {
    controller?.abort()
    waiting = undefined
    controller = new AbortController()
    context.setProviderCheck({ status: 'running', doing: 'Starting…' })
    return controller.signal
  }

  function options(signal: AbortSignal) {
    return {
      signal,
      // Told for as long as this run is the page's: after Stop too, while it revokes what it held.
      onProgress: (doing: string) => {
        if (controller?.signal === signal) context.setProviderCheck({ status: 'running', doing })
      },
    }
  }

  function fail(signal: AbortSignal, error: unknown): void {
    if (controller?.signal === signal) {
      context.setProviderCheck({ status: 'failed', error })
    }
  }

  return {
    checkProvider(input: ProviderCheckInput): void {
      const signal = begin()
      runProviderChecks(input, http, options(signal)).then(
        (report) => {
          if (controller?.signal === signal) context.setProviderCheck({ status: 'done', report })
        },
        (error: unknown) => {
          fail(signal, error)
        },
      )
    },

    checkProviderWithSignIn(): void {
      const current = context.signedIn()
      const request = memory.authorizationRequest
      const { silentFrame } = deps
      if (!current || !request || !silentFrame) return
      const clientSecret = memory.clientSecret
      const signal = begin()
      context.forgetEverything()
      context.timeline.clear()
      context.set({ status: 'signed-out', notice: HANDED_OVER })
      const run = createSignInCheckRun(
        {
          client: current.client,
          ...(clientSecret === undefined ? {} : { clientSecret }),
          redirectUri: request.redirectUri,
          scope: request.scope,
          extraParams: request.extraParams,
          tokens: current.tokens,
        },
        {
          http,
          nowSeconds: () => epochSeconds(deps.clock),
          silentFrame,
        },
        options(signal),
      )
      const input = {
        issuer: current.client.metadata.issuer,
        clientId: current.client.clientId,
        redirectUri: request.redirectUri,
      }
      void (async () => {
        try {
          const metadata = await runProviderChecks(input, http, options(signal))
          let stopped = metadata.stopped
          try {
            await run.run()
          } catch (error) {
            if (!signal.aborted) throw error
            stopped = true
          }
          const report = withSignInChecks(metadata, run.checks, deps.clock.now(), stopped)
          if (controller?.signal !== signal) return
          if (stopped) {
            context.setProviderCheck({ status: 'done', report })
          } else {
            waiting = { run, report }
            context.setProviderCheck({ status: 'sign-out-next', report })
          }
        } catch (error) {
          fail(signal, error)
        }
      })()
    },

    async finishProviderCheck(): Promise<void> {
      if (!waiting || !controller) return
      const { run, report } = waiting
      const signal = controller.signal
      waiting = undefined
      const { providerWindow } = deps
      try {
        await run.signOut(deps.postLogoutRedirectUri, (url) =>
          providerWindow
            ? providerWindow(url, signal)
            : Promise.reject(new Error('this page cannot open the provider’s window')),
        )
      } catch (error) {
        if (!signal.aborted) {
          fail(signal, error)
          return
        }
      }
      if (controller.signal !== signal) return
      context.setProviderCheck({
        status: 'done',
        report: withSignInChecks(report, run.checks, deps.clock.now(), signal.aborted),
      })
    },

    stopProviderCheck(): void {
      controller?.abort()
      if (waiting) {
        const { run, report } = waiting
        waiting = undefined
        context.setProviderCheck({
          status: 'done',
          report: withSignInChecks(report, run.checks, deps.clock.now(), true),
        })
      }
    },
  }
}
