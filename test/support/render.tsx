/**
 * Renders UI the way the app does: inside StrictMode (double render, double effects), inside a router
 * (links such as "Explain this error" need one; `route` is the address it starts at, hash included),
 * with `clock` as the clock React reads, the second chunk's views loaded unless `flowViews` says
 * otherwise, with a fresh view-preferences store held in memory (what is open, the tab, the theme),
 * and, when a session is given, inside its SessionProvider. A wrapper, so `rerender` keeps them all.
 */
import { act, render } from '@testing-library/react'
import type { RenderResult } from '@testing-library/react'
import { StrictMode } from 'react'
import type { ReactElement, ReactNode } from 'react'
import { MemoryRouter } from 'react-router'

import * as views from '../../src/app/flow-views'
import { FlowViewsContext } from '../../src/app/flow-views-context'
import type { FlowViewsLoad } from '../../src/app/flow-views-context'
import { ClockProvider } from '../../src/lib/clock-react'
import { SessionProvider } from '../../src/lib/session-react'
import { createViewStore, ViewProvider } from '../../src/lib/view-react'
import { systemClock } from '../../src/session'
import { DEFAULT_VIEW_PREFERENCES } from '../../src/settings'
import type { Session, TimerClock } from '../../src/session'

export function renderStrict(
  ui: ReactElement,
  options: {
    session?: Session
    route?: string
    clock?: TimerClock
    flowViews?: FlowViewsLoad
  } = {},
): RenderResult {
  const {
    session,
    route = '/',
    clock = systemClock,
    flowViews = { status: 'loaded', views },
  } = options
  const viewStore = createViewStore(DEFAULT_VIEW_PREFERENCES, () => undefined)
  function Wrapper(props: { children: ReactNode }) {
    return (
      <StrictMode>
        <ViewProvider store={viewStore}>
          <ClockProvider clock={clock}>
            <FlowViewsContext value={flowViews}>
              <MemoryRouter initialEntries={[route]}>
                {session ? (
                  <SessionProvider session={session}>{props.children}</SessionProvider>
                ) : (
                  props.children
                )}
              </MemoryRouter>
            </FlowViewsContext>
          </ClockProvider>
        </ViewProvider>
      </StrictMode>
    )
  }
  return render(ui, { wrapper: Wrapper })
}

/**
 * Replaces navigator.clipboard with one that records what is written. Call it after userEvent.setup(),
 * which installs its own clipboard on navigator; remove it with `Reflect.deleteProperty`.
 */
export function recordClipboard(): string[] {
  const copied: string[] = []
  Object.defineProperty(navigator, 'clipboard', {
    configurable: true,
    value: {
      writeText: (text: string) => {
        copied.push(text)
        return Promise.resolve()
      },
    },
  })
  return copied
}

/**
 * Opens every collapsed part on the page (<details>), as a user opening each one would: React hears
 * the toggle event, as it does in the browser.
 */
export function openDisclosures(): void {
  act(() => {
    for (const details of document.querySelectorAll('details')) {
      if (details.open) continue
      details.open = true
      details.dispatchEvent(new Event('toggle'))
    }
  })
}
