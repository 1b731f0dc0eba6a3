/**
 * The provider's own window, for what the user must do at the provider (confirm a sign-out): opened
 * from a click, it comes back to this app's origin, where the page in it posts its URL to the page
 * that opened it and nothing else. The opener hears only this exact origin and this window (RFC 9700
 * §4.18: exact origin checks, never '*'), then closes it.
 */

const PROVIDER_WINDOW_MESSAGE = 'pkce-lab:provider-window-return'

interface ProviderWindowMessage {
  type: typeof PROVIDER_WINDOW_MESSAGE
  url: string
}

function isProviderWindowMessage(data: unknown): data is ProviderWindowMessage {
  if (typeof data !== 'object' || data === null) return false
  const record = data as Record<string, unknown>
  return record.type === PROVIDER_WINDOW_MESSAGE && typeof record.url === 'string'
}

/** How often the opener looks whether the user closed the window. */
const CLOSED_POLL_MS = 500

export function createProviderWindow(options: {
  origin: string
}): (url: string, signal: AbortSignal) => Promise<URL> {
  return (url, signal) =>
    new Promise<URL>((resolve, reject) => {
      const opened = window.open(url, '_blank', 'popup,width=560,height=720')
      if (!opened) {
        reject(new Error('the browser blocked the provider’s window: allow pop-ups for this page'))
        return
      }
      const popup = opened
      const cleanUp = () => {
        window.removeEventListener('message', onMessage)
        window.clearInterval(watch)
        signal.removeEventListener('abort', onAbort)
        popup.close()
      }
      const onMessage = (event: MessageEvent) => {
        if (event.origin !== options.origin || event.source !== popup) return
        if (!isProviderWindowMessage(event.data)) return
        const back = new URL(event.data.url)
        if (back.origin !== options.origin) return
        cleanUp()
        resolve(back)
      }
      const onAbort = () => {
        cleanUp()
        reject(new Error('stopped'))
      }
      const watch = window.setInterval(() => {
        if (!popup.closed) return
        cleanUp()
        reject(new Error('the provider’s window was closed before it came back'))
      }, CLOSED_POLL_MS)
      window.addEventListener('message', onMessage)
      signal.addEventListener('abort', onAbort)
    })
}

/** In the provider's window, back on this origin: hand the URL to the opener, which closes it. */
export function postProviderWindowReturn(opener: Window): void {
  const message: ProviderWindowMessage = {
    type: PROVIDER_WINDOW_MESSAGE,
    url: window.location.href,
  }
  opener.postMessage(message, window.location.origin)
}
