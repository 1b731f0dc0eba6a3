/**
 * Tabs after the WAI-ARIA Authoring Practices tabs pattern: one tab stop for the list, arrow keys,
 * Home and End move between tabs, and the chosen tab is remembered in the view preferences. Only the
 * chosen panel is rendered, so a long part costs nothing until it is opened.
 */
import { useId, useRef } from 'react'
import type { KeyboardEvent, ReactNode } from 'react'

import { useChosenTab } from '../../lib/view-react'

export interface Tab<T extends string> {
  id: T
  label: ReactNode
  panel: () => ReactNode
}

export interface TabsProps<T extends string> {
  /** Under which the chosen tab is remembered. */
  id: string
  label: string
  tabs: readonly Tab<T>[]
}

export function Tabs<T extends string>({ id, label, tabs }: TabsProps<T>) {
  const base = useId()
  const ids = tabs.map((tab) => tab.id)
  const first = ids[0]
  if (first === undefined) throw new Error('Tabs needs at least one tab')
  const [chosen, choose] = useChosenTab(id, ids, first)
  const buttons = useRef(new Map<T, HTMLButtonElement>())
  const current = tabs.find((tab) => tab.id === chosen) ?? tabs[0]

  const moveFocus = (event: KeyboardEvent, index: number) => {
    const target = {
      ArrowRight: (index + 1) % ids.length,
      ArrowLeft: (index - 1 + ids.length) % ids.length,
      Home: 0,
      End: ids.length - 1,
    }[event.key]
    if (target === undefined) return
    event.preventDefault()
    const next = ids[target]
    if (next === undefined) return
    choose(next)
    buttons.current.get(next)?.focus()
  }

  return (
    <div className="tabs">
      <div className="tabs__list" role="tablist" aria-label={label}>
        {tabs.map((tab, index) => (
          <button
            key={tab.id}
            ref={(element) => {
              if (element) buttons.current.set(tab.id, element)
              else buttons.current.delete(tab.id)
            }}
            type="button"
            role="tab"
            id={`${base}-${tab.id}-tab`}
            aria-selected={tab.id === chosen}
            aria-controls={`${base}-${tab.id}-panel`}
            tabIndex={tab.id === chosen ? 0 : -1}
            className="tabs__tab"
            onClick={() => {
              choose(tab.id)
            }}
            onKeyDown={(event) => {
              moveFocus(event, index)
            }}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {current && (
        <div
          role="tabpanel"
          id={`${base}-${current.id}-panel`}
          aria-labelledby={`${base}-${current.id}-tab`}
          className="tabs__panel"
        >
          {current.panel()}
        </div>
      )}
    </div>
  )
}
