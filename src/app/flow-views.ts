/**
 * The page's second chunk, what the callback path needs in one piece: the session's flows with the
 * protocol layer, and what the page shows once a flow has something to show — the statuses (a
 * failure, a sign-out report, a pause, the restore offer), the signed-in view with the token
 * inspector, the timeline and the sequence diagram; and the provider check, which runs on the
 * protocol layer. The first screen (the settings form) does not
 * wait for it: main.tsx loads it when a flow first runs or the session first has more than the form
 * to show, at once on the callback page.
 */
export { createSessionFlows } from '../session/session-flows'
export { FlowStatus } from './routes/flow-status'
export { SignedInView } from './routes/signed-in-view'
export { FlowPanels } from './routes/flow-panels'
export { ProviderCheckPanel } from '../features/provider-check/provider-check-panel'
