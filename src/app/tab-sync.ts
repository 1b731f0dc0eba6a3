/**
 * Tells the app's other tabs when this one signs out, so they forget their tokens too (the
 * in-browser stand-in for front-channel logout). Only the issuer travels, never a token. Each tab
 * otherwise keeps and refreshes its own tokens: they never share a rotating refresh token.
 */
import type { Session } from '../session'

const CHANNEL = 'pkce-lab:sessions'

interface SignedOutMessage {
  type: 'signed-out'
  issuer: string
}

function isSignedOutMessage(data: unknown): data is SignedOutMessage {
  if (typeof data !== 'object' || data === null) return false
  const record = data as Record<string, unknown>
  return record.type === 'signed-out' && typeof record.issuer === 'string'
}

export function syncSignOutAcrossTabs(session: Session): void {
  if (typeof BroadcastChannel === 'undefined') return
  const channel = new BroadcastChannel(CHANNEL)
  // Set up once the page is idle: the session may be signed in already.
  const initial = session.getSnapshot()
  let signedInAt = initial.status === 'signed-in' ? initial.client.metadata.issuer : undefined
  session.subscribe(() => {
    const state = session.getSnapshot()
    if (state.status === 'signed-in') signedInAt = state.client.metadata.issuer
    // Only a sign-out asked for here is announced; a tab told by another does not echo it.
    if (state.status === 'signing-out' && signedInAt !== undefined) {
      const message: SignedOutMessage = { type: 'signed-out', issuer: signedInAt }
      channel.postMessage(message)
    }
    if (state.status !== 'signed-in' && state.status !== 'signing-out') signedInAt = undefined
  })
  channel.addEventListener('message', (event: MessageEvent) => {
    const state = session.getSnapshot()
    if (!isSignedOutMessage(event.data)) return
    if (state.status !== 'signed-in' || state.client.metadata.issuer !== event.data.issuer) return
    session.forget(
      `You signed out at ${event.data.issuer} in another tab, so this tab forgot its tokens too.`,
    )
  })
}
