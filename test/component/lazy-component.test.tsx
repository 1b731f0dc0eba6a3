// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react'
import { StrictMode, Suspense, useState } from 'react'
import { afterEach, describe, expect, it } from 'vitest'

import { lazyComponent, useLoaded } from '../../src/lib/lazy-component'
import type { Preloadable } from '../../src/lib/lazy-component'

function Greeting(props: { name: string }) {
  return <p>Hello {props.name}</p>
}

/** A lazy Greeting whose code arrives when the test says so, failing the first `failures` times. */
function controlledGreeting(failures = 0) {
  let left = failures
  const fetches: { resolve: () => void; reject: () => void }[] = []
  const component = lazyComponent(
    () =>
      new Promise<typeof Greeting>((resolve, reject) => {
        fetches.push({
          resolve: () => {
            resolve(Greeting)
          },
          reject: () => {
            reject(new TypeError('Failed to fetch dynamically imported module'))
          },
        })
      }),
  )
  /** Answers the newest fetch: with the code, or with a failure while failures are left. */
  async function answer() {
    const fetch = fetches.at(-1)
    if (fetch === undefined) throw new Error('nothing was fetched')
    await act(async () => {
      if (left > 0) {
        left -= 1
        fetch.reject()
      } else {
        fetch.resolve()
      }
      await Promise.resolve()
    })
  }
  return { component, fetches, answer }
}

function Gate(props: { views: readonly Preloadable[]; needed: boolean }) {
  const loaded = useLoaded(props.views, props.needed)
  return <p>{loaded ? 'ready' : 'waiting'}</p>
}

afterEach(() => {
  cleanup()
})

describe('lazyComponent', () => {
  it('renders at once, without its fallback, once fetched ahead', async () => {
    const { component: LazyGreeting, answer } = controlledGreeting()
    const preloaded = LazyGreeting.preload()
    await answer()
    await preloaded
    expect(LazyGreeting.isLoaded()).toBe(true)
    render(
      <StrictMode>
        <Suspense fallback={<p>fallback</p>}>
          <LazyGreeting name="Ada" />
        </Suspense>
      </StrictMode>,
    )
    // Synchronously: no fallback frame in between.
    expect(screen.getByText('Hello Ada')).toBeDefined()
    expect(screen.queryByText('fallback')).toBeNull()
  })

  it('suspends when rendered before its code is here, and fetches it only once', async () => {
    const { component: LazyGreeting, fetches, answer } = controlledGreeting()
    render(
      <Suspense fallback={<p>fallback</p>}>
        <LazyGreeting name="Ada" />
      </Suspense>,
    )
    expect(screen.getByText('fallback')).toBeDefined()
    void LazyGreeting.preload()
    expect(fetches).toHaveLength(1)
    await answer()
    expect(await screen.findByText('Hello Ada')).toBeDefined()
  })

  it('says in its place that it could not be loaded when its code cannot be fetched', async () => {
    const { component: LazyGreeting, answer } = controlledGreeting(1)
    render(
      <>
        <p>The rest of the page</p>
        <Suspense fallback={<p>fallback</p>}>
          <LazyGreeting name="Ada" />
        </Suspense>
      </>,
    )
    await answer()
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toMatch(/could not be loaded.*reload the page/)
    expect(screen.getByText('The rest of the page')).toBeDefined()
  })

  it('fetches again after a failed fetch', async () => {
    const { component: LazyGreeting, fetches, answer } = controlledGreeting(1)
    const first = expect(LazyGreeting.preload()).rejects.toThrow('Failed to fetch')
    await answer()
    await first
    expect(LazyGreeting.isLoaded()).toBe(false)
    const second = LazyGreeting.preload()
    expect(fetches).toHaveLength(2)
    await answer()
    await second
    expect(LazyGreeting.isLoaded()).toBe(true)
  })
})

describe('useLoaded', () => {
  it('fetches nothing while not needed, then waits for the code instead of suspending', async () => {
    const { component: LazyGreeting, fetches, answer } = controlledGreeting()
    const views = [LazyGreeting]
    function Page() {
      const [needed, setNeeded] = useState(false)
      return (
        <>
          <Gate views={views} needed={needed} />
          <button
            type="button"
            onClick={() => {
              setNeeded(true)
            }}
          >
            need it
          </button>
        </>
      )
    }
    render(<Page />)
    expect(screen.getByText('waiting')).toBeDefined()
    expect(fetches).toHaveLength(0)
    act(() => {
      screen.getByRole('button', { name: 'need it' }).click()
    })
    expect(fetches).toHaveLength(1)
    expect(screen.getByText('waiting')).toBeDefined()
    await answer()
    expect(await screen.findByText('ready')).toBeDefined()
  })

  it('answers true after a failed fetch, so the component renders and the failure surfaces there', async () => {
    const { component: LazyGreeting, answer } = controlledGreeting(1)
    render(<Gate views={[LazyGreeting]} needed />)
    expect(screen.getByText('waiting')).toBeDefined()
    await answer()
    expect(await screen.findByText('ready')).toBeDefined()
    expect(LazyGreeting.isLoaded()).toBe(false)
  })
})
