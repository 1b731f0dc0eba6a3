/**
 * The views a first visit does not show, each in a chunk of its own. The first screen is the settings
 * form; the rest is fetched while the browser is idle, and on the callback page the views of the
 * tokens are fetched as soon as the code exchange is under way.
 */
import { lazyComponent } from '../lib/lazy-component'
import type { Preloadable } from '../lib/lazy-component'

export const FlowStatus = lazyComponent(
  async () => (await import('./routes/flow-status')).FlowStatus,
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

/** The "Verify signature" control inside the token views, fetched through their own chunk. */
const SIGNATURE_CHECK = {
  preload: async () => {
    await (
      await import('../features/token-inspector/lazy-signature-check')
    ).SignatureCheck.preload()
  },
}

/** What the claims need to be on screen: fetched while the code is exchanged. */
export const TOKEN_VIEWS = [SignedInView, TokenInspector] as const

/** Fetches the views of the tokens, for the callback page. */
export function preloadTokenViews(): Promise<void> {
  return settle(TOKEN_VIEWS)
}

/**
 * Everything else a page of the flow may show: what the flow is doing (an error, a pause, a
 * restore), the storage panel below the form, the tokens' views, the signature check, the timeline
 * and the diagram. Fetched when the page is idle.
 */
export function preloadViews(): Promise<void> {
  return settle([
    StoragePanel,
    FlowStatus,
    ...TOKEN_VIEWS,
    SIGNATURE_CHECK,
    FlowTimeline,
    SequenceDiagram,
  ])
}

/**
 * Fetching ahead is only a head start: a chunk that cannot be fetched now is fetched again when it is
 * rendered, so no failure here is reported.
 */
async function settle(views: readonly Pick<Preloadable, 'preload'>[]): Promise<void> {
  await Promise.allSettled(views.map((view) => view.preload()))
}
