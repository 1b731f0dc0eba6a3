/**
 * The React binding of the view preferences (settings/view-preferences.ts): the theme and which
 * collapsible parts are open, one store for the whole page so that a part keeps its state across
 * re-renders, route changes and, through the composition root's persist callback, page loads.
 */
import { createContext, useContext, useSyncExternalStore } from 'react'
import type { ReactNode } from 'react'

import type { ThemeChoice, ViewPreferences } from '../settings'

export interface ViewStore {
  get: () => ViewPreferences
  set: (next: ViewPreferences) => void
  subscribe: (listener: () => void) => () => void
}

export function createViewStore(
  initial: ViewPreferences,
  persist: (next: ViewPreferences) => void,
): ViewStore {
  let current = initial
  const listeners = new Set<() => void>()
  return {
    get: () => current,
    set: (next) => {
      current = next
      persist(next)
      for (const listener of listeners) listener()
    },
    subscribe: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}

const ViewContext = createContext<ViewStore | undefined>(undefined)

export function ViewProvider(props: { store: ViewStore; children: ReactNode }) {
  return <ViewContext value={props.store}>{props.children}</ViewContext>
}

function useViewStore(): [ViewPreferences, ViewStore] {
  const store = useContext(ViewContext)
  if (!store)
    throw new Error('useOpenSection, useTheme and useChosenTab must be used inside <ViewProvider>')
  return [useSyncExternalStore(store.subscribe, store.get), store]
}

/** The view preferences, for a component that shows them: it renders again when they change. */
export function useViewPreferences(): ViewPreferences {
  return useViewStore()[0]
}

/** Whether the section `id` is open, remembered once the user opens or closes it. */
export function useOpenSection(
  id: string,
  openByDefault = false,
): [boolean, (open: boolean) => void] {
  const [preferences, store] = useViewStore()
  const open = preferences.open[id] ?? openByDefault
  return [
    open,
    (next) => {
      const latest = store.get()
      store.set({ ...latest, open: { ...latest.open, [id]: next } })
    },
  ]
}

export function useTheme(): [ThemeChoice, (theme: ThemeChoice) => void] {
  const [preferences, store] = useViewStore()
  return [
    preferences.theme,
    (theme) => {
      store.set({ ...store.get(), theme })
    },
  ]
}

/** The tab chosen in the tab list `id`, remembered across page loads. */
export function useChosenTab<T extends string>(
  id: string,
  tabs: readonly T[],
  first: T,
): [T, (tab: T) => void] {
  const [preferences, store] = useViewStore()
  const remembered = tabs.find((tab) => tab === preferences.tabs[id])
  return [
    remembered ?? first,
    (tab) => {
      const latest = store.get()
      store.set({ ...latest, tabs: { ...latest.tabs, [id]: tab } })
    },
  ]
}
