/**
 * The views a first visit does not show, each in a chunk of its own. The first screen is the settings
 * form; each group below is fetched ahead when it is about to be needed (main.tsx and the Sign in
 * button say when), and anything else when it is first rendered.
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

/** What the claims need to be on screen (the claim catalogue comes with them). */
export const TOKEN_VIEWS = [SignedInView, TokenInspector] as const

/** The views of the tokens: fetched when a sign-in starts, and on the callback page. */
export function preloadTokenViews(): Promise<void> {
  return settle(TOKEN_VIEWS)
}

/**
 * What any page of the flow may need to say (an error, a notice, a pause, a restore) and the storage
 * panel below the form: fetched when the page is idle, so a failure can be told even offline.
 */
export function preloadFlowViews(): Promise<void> {
  return settle([StoragePanel, FlowStatus])
}

/**
 * What follows the tokens once signed in: the signature check (JOSE comes with it only when used),
 * the timeline and the diagram (they bring JOSE, to recompute the PKCE challenge).
 */
export function preloadSignedInViews(): Promise<void> {
  return settle([SIGNATURE_CHECK, FlowTimeline, SequenceDiagram])
}

/**
 * Fetching ahead is only a head start: a chunk that cannot be fetched now is fetched again when it is
 * rendered, so no failure here is reported.
 */
async function settle(views: readonly Pick<Preloadable, 'preload'>[]): Promise<void> {
  await Promise.allSettled(views.map((view) => view.preload()))
}
