import { useDeferredValue } from 'react'

/**
 * False in a component's first render, true from the render React does just after it, in the
 * background (useDeferredValue's initial value): what a long view shows first is committed, and can
 * be painted, before the rest of it is rendered. That background render yields to the browser and to
 * anything more urgent.
 */
export function useAfterFirstRender(): boolean {
  return useDeferredValue(true, false)
}
