/**
 * A component whose code loads on first use, like React.lazy, that can also be fetched ahead of time
 * (while the browser is idle, or while a request is under way). Once fetched it renders at once: a
 * Suspense fallback shown even briefly makes React hold the real content back for up to 300 ms.
 */
import { lazy, useEffect, useState } from 'react'
import type { ComponentType } from 'react'

export interface Preloadable {
  /** Fetches the code now; resolves when the component can render without suspending. */
  preload: () => Promise<void>
  /** True once the code is here: the component renders without suspending. */
  isLoaded: () => boolean
}

export type LazyComponent<P extends object> = ComponentType<P> & Preloadable

function Unavailable() {
  return (
    <p className="notice" role="alert">
      This part of the page could not be loaded: check the connection, then reload the page.
    </p>
  )
}

export function lazyComponent<P extends object>(
  load: () => Promise<ComponentType<P>>,
): LazyComponent<P> {
  let loaded: ComponentType<P> | undefined
  let loading: Promise<ComponentType<P>> | undefined
  const fetchOnce = (): Promise<ComponentType<P>> => {
    loading ??= load().then(
      (component) => {
        loaded = component
        return component
      },
      (error: unknown) => {
        // A failed fetch (offline, a new deployment) may succeed later: do not keep the failure.
        loading = undefined
        throw error
      },
    )
    return loading
  }
  // A part of the page whose code cannot be fetched says so in its place; the rest goes on working.
  const Suspending = lazy(async () => ({ default: await fetchOnce().catch(() => Unavailable) }))

  function Component(props: P) {
    // Chosen once per mount: switching from the suspending wrapper to the loaded component later
    // would remount it and lose its state.
    const [Rendered] = useState<ComponentType<P>>(() => loaded ?? Suspending)
    return <Rendered {...props} />
  }
  return Object.assign(Component, {
    preload: () => fetchOnce().then(() => undefined),
    isLoaded: () => loaded !== undefined,
  })
}

/**
 * Whether these components can render without suspending, fetching them when they are `needed` and
 * cannot: for a place that would rather go on saying what it is doing than show a fallback. After one
 * attempt it answers true whatever happened, so a fetch that failed is tried again, and reported,
 * where the component renders.
 */
export function useLoaded(components: readonly Preloadable[], needed: boolean): boolean {
  const loaded = components.every((component) => component.isLoaded())
  const [attempted, setAttempted] = useState(false)
  useEffect(() => {
    if (loaded || !needed) return
    let current = true
    void Promise.allSettled(components.map((component) => component.preload())).then(() => {
      if (current) setAttempted(true)
    })
    return () => {
      current = false
    }
  }, [loaded, needed, components])
  return loaded || attempted
}
