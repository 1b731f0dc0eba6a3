/**
 * The hidden frame for silent re-authorization (prompt=none). It loads the authorization URL, waits for
 * the callback page inside it to post back the URL it reached, and accepts that message only from this
 * exact origin and from this frame (RFC 9700 §4.18: exact origin checks, never '*').
 */

import { PROVIDER_PAGE_SHOWN } from '../config/silent-frame'
import type { SilentFrame } from '../config/silent-frame'

export const SILENT_CALLBACK_MESSAGE = 'pkce-lab:authorization-response'

interface SilentCallbackMessage {
  type: typeof SILENT_CALLBACK_MESSAGE
  url: string
}

function isSilentCallbackMessage(data: unknown): data is SilentCallbackMessage {
  if (typeof data !== 'object' || data === null) return false
  const record = data as Record<string, unknown>
  return record.type === SILENT_CALLBACK_MESSAGE && typeof record.url === 'string'
}

/** Another origin's document cannot be read: reading its address throws (HTML §7.2.3.1). */
function showsAnotherOrigin(frame: HTMLIFrameElement, origin: string): boolean {
  const view = frame.contentWindow
  if (!view) return false
  try {
    return view.location.origin !== origin
  } catch {
    return true
  }
}

export function createSilentFrame(options: { origin: string; timeoutMs: number }): SilentFrame {
  return (authorizationUrl, { stopAtProviderPage = false } = {}) =>
    new Promise<URL>((resolve, reject) => {
      const frame = document.createElement('iframe')
      frame.title = 'Silent sign-in'
      frame.setAttribute('aria-hidden', 'true')
      frame.tabIndex = -1
      frame.style.cssText = 'position:absolute;width:0;height:0;border:0;visibility:hidden'
      const cleanUp = () => {
        window.removeEventListener('message', onMessage)
        window.clearTimeout(timer)
        frame.remove()
      }
      const onMessage = (event: MessageEvent) => {
        if (event.origin !== options.origin || event.source !== frame.contentWindow) return
        if (!isSilentCallbackMessage(event.data)) return
        const url = new URL(event.data.url)
        // The callback must be on this origin too: a message naming another page proves nothing.
        if (url.origin !== options.origin) return
        cleanUp()
        resolve(url)
      }
      const timer = window.setTimeout(() => {
        cleanUp()
        reject(new Error(`The hidden frame did not come back within ${options.timeoutMs / 1000} s`))
      }, options.timeoutMs)
      window.addEventListener('message', onMessage)
      if (stopAtProviderPage) {
        frame.addEventListener('load', () => {
          // This app's callback page reports itself by message; any other finished page is the
          // provider's own.
          if (!showsAnotherOrigin(frame, options.origin)) return
          cleanUp()
          const shown = new Error(
            'The provider showed a page of its own in the frame instead of redirecting back',
          )
          shown.name = PROVIDER_PAGE_SHOWN
          reject(shown)
        })
      }
      frame.src = authorizationUrl
      document.body.append(frame)
    })
}

/**
 * In the frame: hand the callback URL to the parent, on this exact origin, and do nothing else — the
 * parent holds the pending authorization and does every check.
 */
export function postSilentCallback(): void {
  const message: SilentCallbackMessage = {
    type: SILENT_CALLBACK_MESSAGE,
    url: window.location.href,
  }
  window.parent.postMessage(message, window.location.origin)
}
