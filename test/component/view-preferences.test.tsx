/** The collapsible parts and the workspace tabs keep their state across re-renders and reloads. */
import { cleanup, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'

import { Disclosure } from '../../src/components/ui/disclosure'
import { Tabs } from '../../src/components/ui/tabs'
import { ThemeToggle } from '../../src/components/ui/theme-toggle'
import { StoragePanel } from '../../src/features/storage-panel/storage-panel'
import { createViewStore, ViewProvider } from '../../src/lib/view-react'
import { signedOut } from '../../src/session/session-state'
import { loadViewPreferences, saveViewPreferences, VIEW_PREFERENCES_KEY } from '../../src/settings'
import { MemoryStorage } from '../support/memory-storage'

afterEach(() => {
  cleanup()
})

/** One page load: a store read back from storage, as main.tsx makes it. */
function pageLoad(storage: Storage) {
  const store = createViewStore(loadViewPreferences(storage), (next) => {
    saveViewPreferences(storage, next)
  })
  return render(
    <ViewProvider store={store}>
      <Disclosure id="raw-json" summary="Raw JSON">
        <p>the JSON</p>
      </Disclosure>
      <Tabs
        id="workspace"
        label="Workspace"
        tabs={[
          { id: 'tokens', label: 'Tokens', panel: () => <p>token panel</p> },
          { id: 'flow', label: 'Flow', panel: () => <p>flow panel</p> },
        ]}
      />
      <ThemeToggle />
    </ViewProvider>,
  )
}

const details = () => document.querySelector('details')

describe('view preferences', () => {
  it('keeps a part open, the tab chosen and the theme across a reload', async () => {
    const user = userEvent.setup()
    const storage = new MemoryStorage()
    pageLoad(storage)
    expect(details()?.open).toBe(false)
    expect(screen.getByText('token panel')).toBeDefined()

    await user.click(screen.getByText('Raw JSON'))
    await user.click(screen.getByRole('tab', { name: 'Flow' }))
    await user.click(screen.getByRole('button', { name: 'Dark theme' }))
    expect(details()?.open).toBe(true)
    cleanup()

    pageLoad(storage)
    expect(details()?.open).toBe(true)
    expect(screen.getByRole('tab', { name: 'Flow' }).getAttribute('aria-selected')).toBe('true')
    expect(screen.getByText('flow panel')).toBeDefined()
    expect(screen.queryByText('token panel')).toBeNull()
    expect(screen.getByRole('button', { name: 'Dark theme' }).getAttribute('aria-pressed')).toBe(
      'true',
    )
  })

  it('moves between tabs with the arrow keys, one tab stop for the list', async () => {
    const user = userEvent.setup()
    pageLoad(new MemoryStorage())
    const tokens = screen.getByRole('tab', { name: 'Tokens' })
    expect(tokens.tabIndex).toBe(0)
    expect(screen.getByRole('tab', { name: 'Flow' }).tabIndex).toBe(-1)

    tokens.focus()
    await user.keyboard('{ArrowRight}')
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Flow' }))
    expect(screen.getByRole('tabpanel').textContent).toBe('flow panel')
  })

  it('reads back by allowlist: only a theme name, section ids and tab ids', () => {
    const storage = new MemoryStorage()
    storage.setItem(
      VIEW_PREFERENCES_KEY,
      JSON.stringify({
        theme: '<script>',
        open: { 'raw-json': true, 'Not An Id': true, other: 'yes', ['x'.repeat(80)]: true },
        tabs: { workspace: 'flow', other: 'eyJhbGciOi.JWT.token' },
        access_token: 'at-1',
      }),
    )
    expect(loadViewPreferences(storage)).toEqual({
      theme: 'system',
      open: { 'raw-json': true },
      tabs: { workspace: 'flow' },
    })
    storage.setItem(VIEW_PREFERENCES_KEY, 'not json')
    expect(loadViewPreferences(storage)).toEqual({ theme: 'system', open: {}, tabs: {} })
  })

  it('opens a part that must be, whatever was remembered', () => {
    const closed = createViewStore(
      { theme: 'system', open: { settings: false }, tabs: {} },
      () => undefined,
    )
    const part = (forceOpen: boolean) => (
      <ViewProvider store={closed}>
        <Disclosure id="settings" summary="Settings" forceOpen={forceOpen}>
          <p>fields</p>
        </Disclosure>
      </ViewProvider>
    )
    const { rerender } = render(part(false))
    expect(details()?.open).toBe(false)
    rerender(part(true))
    expect(details()?.open).toBe(true)
  })
})

describe('the storage panel and the view preferences', () => {
  it('lists pkce-lab:view as soon as opening a part writes it', async () => {
    const user = userEvent.setup()
    const storage = new MemoryStorage()
    const store = createViewStore(loadViewPreferences(storage), (next) => {
      saveViewPreferences(storage, next)
    })
    render(
      <ViewProvider store={store}>
        <Disclosure id="raw-json" summary="Raw JSON">
          <p>the JSON</p>
        </Disclosure>
        <StoragePanel
          state={signedOut}
          inspect={() => ({
            items: Array.from({ length: storage.length }, (_, i) => ({
              where: 'localStorage' as const,
              key: storage.key(i) ?? '',
            })),
            addressHasQuery: false,
          })}
          onForgetEverything={() => undefined}
        />
      </ViewProvider>,
    )
    const panel = screen.getByRole('region', { name: 'What this page keeps, and where' })
    expect(panel.textContent).not.toContain(VIEW_PREFERENCES_KEY)

    await user.click(screen.getByText('Raw JSON'))
    expect(panel.textContent).toContain(`${VIEW_PREFERENCES_KEY}: How you like the page`)
  })
})
