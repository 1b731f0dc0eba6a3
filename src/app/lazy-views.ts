/**
 * The views a first visit does not show, each in a chunk of its own. The first screen is the settings
 * form; these are fetched when they are about to be needed: the rarely shown panels while the browser
 * is idle, the signed-in views when a sign-in starts and again on the callback page, in parallel with
 * the code exchange, so the claims appear the moment the tokens are there.
 */
import { lazyComponent } from '../lib/lazy-component'
import { SignatureCheck } from '../features/token-inspector/lazy-signature-check'

export const ErrorPanel = lazyComponent(
  async () => (await import('../components/errors/error-panel')).ErrorPanel,
)
export const SignOutReport = lazyComponent(
  async () => (await import('../features/sign-out/sign-out-report')).SignOutReport,
)
export const RestoreSession = lazyComponent(
  async () => (await import('../features/restore/restore-session')).RestoreSession,
)
export const ClientSecretPrompt = lazyComponent(
  async () => (await import('../features/sign-in/client-secret-prompt')).ClientSecretPrompt,
)
export const PausedBeforeRedirect = lazyComponent(
  async () => (await import('../features/sign-in/step-through-pause')).PausedBeforeRedirect,
)
export const PausedBeforeExchange = lazyComponent(
  async () => (await import('../features/sign-in/step-through-pause')).PausedBeforeExchange,
)
export const StoragePanel = lazyComponent(
  async () => (await import('../features/storage-panel/storage-panel')).StoragePanel,
)
export const SignedInView = lazyComponent(
  async () => (await import('./routes/signed-in-view')).SignedInView,
)
export const TokenInspector = lazyComponent(
  async () => (await import('../features/token-inspector/token-inspector')).TokenInspector,
)
export const FlowTimeline = lazyComponent(
  async () => (await import('../features/flow-timeline/flow-timeline')).default,
)
export const SequenceDiagram = lazyComponent(
  async () => (await import('../features/sequence-diagram/sequence-diagram')).default,
)

/**
 * Panels that answer a state of the flow (an error, a pause, a restore), and the storage panel below
 * the form: fetched when idle.
 */
export function preloadPanels(): Promise<void> {
  return settle([
    StoragePanel,
    ErrorPanel,
    SignOutReport,
    RestoreSession,
    ClientSecretPrompt,
    PausedBeforeRedirect,
    PausedBeforeExchange,
  ])
}

/** Everything the page shows once signed in: the tokens, the timeline, the diagram. */
export function preloadSignedInViews(): Promise<void> {
  return settle([SignedInView, TokenInspector, SignatureCheck, FlowTimeline, SequenceDiagram])
}

/**
 * Fetching ahead is only a head start: a chunk that cannot be fetched now is fetched again when it is
 * rendered, so no failure here is reported.
 */
async function settle(views: readonly { preload: () => Promise<void> }[]): Promise<void> {
  await Promise.allSettled(views.map((view) => view.preload()))
}
