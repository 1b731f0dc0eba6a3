// @vitest-environment happy-dom
import { act, cleanup, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'

import type { FlowViewsLoad } from '../../src/app/flow-views-context'
import { Home } from '../../src/app/routes/home'
import type { HomeProps } from '../../src/app/routes/home'
import { createSession } from '../../src/session'
import type { Session } from '../../src/session'
import { DEFAULT_PREFERENCES, parseSettingsLink } from '../../src/settings'
import type { ProviderSettings } from '../../src/settings'
import { createFakeProvider } from '../support/fake-provider'
import type { FakeProvider, FakeProviderOptions } from '../support/fake-provider'
import { MemoryStorage } from '../support/memory-storage'
import { openDisclosures, recordClipboard, renderStrict } from '../support/render'
import { testSessionDeps } from '../support/session-deps'

const APP_ORIGIN = 'https://app.example'
const APP_URL = `${APP_ORIGIN}/`
const REDIRECT_URI = `${APP_ORIGIN}/callback`

interface Setup {
  op: FakeProvider
  storage: MemoryStorage
  /** Every URL the session sent the browser to. */
  navigations: string[]
  /**
   * A session as a fresh page load makes it: same sessionStorage, nothing in memory; `fetch` stands
   * between it and the provider when a test needs to hold an answer back.
   */
  newSession: (fetch?: typeof globalThis.fetch) => Session
  settings: ProviderSettings
}

async function setup(options: FakeProviderOptions = {}): Promise<Setup> {
  const op = await createFakeProvider(options)
  const storage = new MemoryStorage()
  const navigations: string[] = []
  const newSession = (fetch = op.fetch) =>
    createSession(testSessionDeps({ fetch, storage, navigations }))
  const settings: ProviderSettings = {
    preset: 'custom',
    issuer: op.issuer,
    clientId: op.clientId,
    scope: 'openid profile',
    extraParams: [],
    pushedAuthorization: false,
    dpop: false,
  }
  return { op, storage, navigations, newSession, settings }
}

function renderHome(
  session: Session,
  props: Partial<HomeProps> & Pick<HomeProps, 'initialSettings'>,
  flowViews?: FlowViewsLoad,
) {
  const persisted: ProviderSettings[] = []
  renderStrict(
    <Home
      persistSettings={(settings) => persisted.push(settings)}
      initialPreferences={DEFAULT_PREFERENCES}
      persistPreferences={() => undefined}
      redirectUri={REDIRECT_URI}
      appUrl={APP_URL}
      {...props}
    />,
    { session, ...(flowViews ? { flowViews } : {}) },
  )
  return { persisted }
}

/** The live region (role="status") that says `text`; copy buttons have empty ones of their own. */
function statusSaying(text: string): HTMLElement {
  const found = screen.getAllByRole('status').find((element) => element.textContent.includes(text))
  if (!found) throw new Error(`no status says "${text}"`)
  return found
}

function signInButton(): HTMLButtonElement {
  return screen.getByRole<HTMLButtonElement>('button', { name: 'Sign in' })
}

/** Clicks "Sign in" and waits until the session has sent the browser to the provider. */
/**
 * Resolves once the session has navigated past `before` navigations, however long the flows take to
 * load on a busy machine: it waits on the session's own notifications, not on a clock.
 */
function navigatedPast(session: Session, navigations: string[], before: number): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (navigations.length > before) {
        stop()
        resolve()
      }
    }
    // The session navigates right after it says it is redirecting: check once that has run.
    const stop = session.subscribe(() => {
      queueMicrotask(check)
    })
    check()
  })
}

async function signIn(
  user: ReturnType<typeof userEvent.setup>,
  session: Session,
  navigations: string[],
) {
  const before = navigations.length
  const navigated = navigatedPast(session, navigations, before)
  await user.click(signInButton())
  await navigated
  const target = navigations.at(before)
  if (target === undefined) throw new Error('the session did not navigate to the provider')
  return target
}

afterEach(() => {
  cleanup()
  Reflect.deleteProperty(navigator, 'clipboard')
})

describe('Home', () => {
  it('signs in: discovery, then off to the authorization endpoint with PKCE', async () => {
    const user = userEvent.setup()
    const { op, navigations, newSession, settings } = await setup()
    const session = newSession()
    renderHome(session, { initialSettings: settings })

    const target = await signIn(user, session, navigations)

    const url = new URL(target)
    expect(url.origin + url.pathname).toBe(`${op.issuer}/authorize`)
    expect(url.searchParams.get('response_type')).toBe('code')
    expect(url.searchParams.get('client_id')).toBe(op.clientId)
    expect(url.searchParams.get('redirect_uri')).toBe(REDIRECT_URI)
    expect(url.searchParams.get('scope')).toBe('openid profile')
    expect(url.searchParams.get('code_challenge_method')).toBe('S256')
    expect(url.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/)
    expect(url.searchParams.get('state')).toBeTruthy()
    expect(op.requests[0]?.url).toBe(`${op.issuer}/.well-known/openid-configuration`)

    expect(await screen.findByText('Going to the provider…')).toBe(
      statusSaying('Going to the provider…'),
    )
    expect(signInButton().disabled).toBe(true)
  })

  it('sends the extra parameters and the scope typed into the form', async () => {
    const user = userEvent.setup()
    const { navigations, newSession, settings } = await setup()
    const session = newSession()
    const { persisted } = renderHome(session, { initialSettings: settings })

    await user.clear(screen.getByLabelText('Scopes'))
    await user.type(screen.getByLabelText('Scopes'), 'openid email')
    await user.click(screen.getByRole('button', { name: 'Add parameter' }))
    await user.type(screen.getByLabelText('Parameter 1 name'), 'login_hint')
    await user.type(screen.getByLabelText('Parameter 1 value'), 'alice')
    await user.click(screen.getByRole('button', { name: 'Add parameter' }))
    await user.type(screen.getByLabelText('Parameter 2 name'), 'audience')
    const url = new URL(await signIn(user, session, navigations))

    expect(url.searchParams.get('scope')).toBe('openid email')
    expect(url.searchParams.get('login_hint')).toBe('alice')
    // A row without a value is not sent.
    expect(url.searchParams.has('audience')).toBe(false)
    expect(persisted.at(-1)).toEqual({
      ...settings,
      scope: 'openid email',
      extraParams: [
        { name: 'login_hint', value: 'alice' },
        { name: 'audience', value: '' },
      ],
    })
  })

  it('shows the tokens after the callback, and forgets them on "Forget tokens"', async () => {
    const user = userEvent.setup()
    const { op, navigations, newSession, settings } = await setup()
    const session = newSession()
    renderHome(session, { initialSettings: settings })
    const target = await signIn(user, session, navigations)

    await act(() => session.completeSignIn(op.authorize(target)))

    const state = session.getSnapshot()
    if (state.status !== 'signed-in') throw new Error(`not signed in: ${state.status}`)
    // The signed-in views load lazily, as in the app.
    const summary = await screen.findByRole('region', { name: 'Signed in' })
    expect(summary.textContent).toContain(`Signed inas Alice at ${new URL(op.issuer).host}`)
    expect(await screen.findByRole('heading', { level: 2, name: 'ID token' })).toBeDefined()
    openDisclosures()
    const claims = await screen.findByRole('table', { name: 'ID token claims' })
    expect(within(claims).getByText('Alice')).toBeDefined()
    expect(screen.getByText(state.tokens.access_token)).toBeDefined()
    // Signed in, the settings form is not on the page: the band's actions are.
    expect(screen.queryByRole('button', { name: 'Sign in' })).toBeNull()

    await user.click(within(summary).getByRole('button', { name: 'Forget tokens' }))

    expect(screen.queryByRole('region', { name: 'Signed in' })).toBeNull()
    expect(screen.queryByRole('heading', { name: 'ID token' })).toBeNull()
    const page = document.body.textContent
    expect(page).not.toContain(state.tokens.access_token)
    expect(page).not.toContain(state.tokens.id_token?.split('.')[1])
    expect(page).not.toContain(state.tokens.refresh_token?.slice(0, 8))
    expect(page).not.toContain('Alice')
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeDefined()
  })

  it('says only that the code is being exchanged until the tokens are here', async () => {
    const user = userEvent.setup()
    const { op, navigations, newSession, settings } = await setup()
    let answerToken: () => void = () => undefined
    const tokenRequestHeld = new Promise<void>((resolve) => {
      answerToken = resolve
    })
    const session = newSession(async (input, init) => {
      if (new Request(input).url.endsWith('/token')) await tokenRequestHeld
      return op.fetch(input, init)
    })
    renderHome(session, {
      initialSettings: settings,
      inspectStorage: () => ({ items: [], addressHasQuery: false }),
    })
    const target = await signIn(user, session, navigations)

    const completed = session.completeSignIn(op.authorize(target))
    await screen.findByText('Completing sign-in: checking the callback and exchanging the code…')
    // Nothing on the page can be used until the tokens are here.
    expect(screen.queryByRole('button', { name: 'Sign in' })).toBeNull()
    expect(screen.queryByRole('heading', { name: 'What this page keeps, and where' })).toBeNull()

    answerToken()
    await act(() => completed)

    expect(screen.getByRole('heading', { name: 'ID token' })).toBeDefined()
    expect(screen.getByRole('heading', { name: 'Access token' })).toBeDefined()
    await user.click(screen.getByRole('tab', { name: 'API' }))
    expect(screen.getByRole('heading', { name: 'Call an API with the access token' })).toBeDefined()
    expect(screen.getByRole('button', { name: 'Call userinfo' })).toBeDefined()
  })

  it('says so, in an alert, when the part that shows the flow cannot be fetched', async () => {
    const { newSession, settings } = await setup()
    const session = newSession()
    renderHome(session, { initialSettings: settings }, { status: 'failed' })
    expect(screen.queryByRole('alert')).toBeNull()

    act(() => {
      session.forget('Everything this page kept was forgotten.')
    })

    const alert = screen.getByRole('alert')
    expect(alert.textContent).toContain('could not load the part that shows the flow')
    expect(document.activeElement).toBe(alert)
  })

  it('shows a failed discovery as a dismissable alert at the Discovery step', async () => {
    const user = userEvent.setup()
    const { navigations, newSession, settings } = await setup()
    const { persisted } = renderHome(newSession(), { initialSettings: settings })

    await user.clear(screen.getByLabelText('Issuer URL'))
    await user.type(screen.getByLabelText('Issuer URL'), 'https://elsewhere.example')
    await user.click(signInButton())

    const alert = await screen.findByRole('alert')
    expect(within(alert).getByText('Discovery (fetching the provider metadata)')).toBeDefined()
    expect(alert.textContent).toContain('404')
    expect(alert.textContent).toContain('https://elsewhere.example')
    expect(navigations).toHaveLength(0)
    expect(persisted.at(-1)?.issuer).toBe('https://elsewhere.example')

    await user.click(within(alert).getByRole('button', { name: 'Dismiss' }))

    expect(screen.queryByRole('alert')).toBeNull()
    expect(signInButton().disabled).toBe(false)
  })

  it('refuses a callback with a tampered state before any token request', async () => {
    const user = userEvent.setup()
    const { op, navigations, newSession, settings } = await setup()
    const session = newSession()
    renderHome(session, { initialSettings: settings })
    const callback = op.authorize(await signIn(user, session, navigations))
    callback.searchParams.set('state', 'tampered')

    await act(() => session.completeSignIn(callback))

    const alert = screen.getByRole('alert', { name: 'The state parameter does not match' })
    expect(within(alert).getByText('Callback (the authorization response)')).toBeDefined()
    expect(within(alert).getByText('state', { selector: 'dd' })).toBeDefined()
    expect(op.tokenRequests()).toHaveLength(0)
    expect(screen.queryByRole('region', { name: 'Signed in' })).toBeNull()
  })

  describe('a provider that demands the client secret', () => {
    const SECRET = 'hunter2'

    /** Signs in with the secret, then plays the redirect: a new page, a new session, no secret. */
    async function backFromTheProvider() {
      const user = userEvent.setup()
      const context = await setup({ clientSecret: SECRET })
      const before = context.newSession()
      const { persisted } = renderHome(before, { initialSettings: context.settings })
      await user.type(screen.getByLabelText('Client secret (optional)'), SECRET)
      const callback = context.op.authorize(await signIn(user, before, context.navigations))
      expect(JSON.stringify(persisted)).not.toContain(SECRET)
      expect(context.storage.dump()).not.toContain(SECRET)
      cleanup()

      const session = context.newSession()
      renderHome(session, { initialSettings: context.settings })
      await act(() => session.completeSignIn(callback))
      const prompt = await screen.findByRole('form', { name: 'Client secret needed to finish' })
      return { ...context, user, session, prompt }
    }

    it('asks for the secret after the redirect and then exchanges the code', async () => {
      const { op, user, prompt } = await backFromTheProvider()

      expect(prompt.textContent).toContain(op.clientId)
      expect(prompt.textContent).toContain(op.issuer)
      expect(op.tokenRequests()).toHaveLength(0)
      const secret = within(prompt).getByLabelText<HTMLInputElement>('Client secret')
      expect(secret.type).toBe('password')

      await user.type(secret, SECRET)
      await user.click(within(prompt).getByRole('button', { name: 'Exchange the code' }))

      expect(await screen.findByRole('region', { name: 'Signed in' })).toBeDefined()
      expect(screen.queryByRole('form', { name: 'Client secret needed to finish' })).toBeNull()
      expect(op.tokenRequests()).toHaveLength(1)
      expect(op.tokenRequests()[0]?.body?.get('client_secret')).toBe(SECRET)
    })

    it('returns to signed out on Cancel, without a token request', async () => {
      const { op, user, prompt, session } = await backFromTheProvider()

      await user.click(within(prompt).getByRole('button', { name: 'Cancel' }))

      expect(screen.queryByRole('form', { name: 'Client secret needed to finish' })).toBeNull()
      expect(screen.queryByRole('region', { name: 'Signed in' })).toBeNull()
      expect(screen.queryByRole('alert')).toBeNull()
      expect(session.getSnapshot()).toEqual({ status: 'signed-out' })
      expect(op.tokenRequests()).toHaveLength(0)
    })
  })

  it('copies a settings link that carries the settings but not the typed secret', async () => {
    const user = userEvent.setup()
    const copied = recordClipboard()
    const { op, newSession, settings } = await setup()
    renderHome(newSession(), { initialSettings: settings })

    await user.type(screen.getByLabelText('Client secret (optional)'), 'hunter2')
    await user.click(screen.getByRole('button', { name: 'Copy settings link' }))

    expect(copied).toHaveLength(1)
    const text = copied.at(0) ?? ''
    const link = new URL(text)
    expect(link.searchParams.get('issuer')).toBe(op.issuer)
    expect(link.searchParams.get('client_id')).toBe(op.clientId)
    expect(text).not.toContain('hunter2')
  })

  it('shows what a settings link proposes as quoted values, and uses none of it until accepted', async () => {
    const user = userEvent.setup()
    const { newSession, settings } = await setup()
    const link = parseSettingsLink(
      new URLSearchParams({
        issuer: 'https://xn--pypal-4ve.example/',
        client_id: 'Sign in now, it is safe',
        preset: 'google',
        client_secret: 'leaked',
        'param.Client_Secret': 'x',
        'param.audience': 'https://api',
      }),
    )
    const { persisted } = renderHome(newSession(), {
      initialSettings: settings,
      settingsLink: link,
    })

    const review = screen.getByRole('alertdialog', {
      name: 'A link proposes other provider settings',
    })
    expect(document.activeElement).toBe(review)
    // Link text stands only in <code>, never as the app's own sentence.
    expect(within(review).getByText('Sign in now, it is safe').tagName).toBe('CODE')
    expect(within(review).getByText('xn--pypal-4ve.example').tagName).toBe('CODE')
    expect(review.textContent).toContain('An internationalised name')
    expect(review.textContent).toContain(
      'Google preset with another issuer, so these settings are Custom',
    )
    expect(within(review).getByText('param.Client_Secret').tagName).toBe('CODE')
    expect(screen.getByLabelText('Issuer URL')).toHaveProperty('value', settings.issuer)
    expect(persisted.every((saved) => saved.issuer === settings.issuer)).toBe(true)

    await user.click(within(review).getByRole('button', { name: 'Use these settings' }))
    expect(screen.getByLabelText('Issuer URL')).toHaveProperty(
      'value',
      'https://xn--pypal-4ve.example/',
    )
    expect(persisted.at(-1)).toMatchObject({
      issuer: 'https://xn--pypal-4ve.example/',
      preset: 'custom',
    })

    await user.click(screen.getByRole('button', { name: 'Undo: back to my settings' }))
    expect(screen.getByLabelText('Issuer URL')).toHaveProperty('value', settings.issuer)
    expect(persisted.at(-1)).toEqual(settings)
  })

  it('keeps the saved settings when the link is refused', async () => {
    const user = userEvent.setup()
    const { newSession, settings } = await setup()
    const { persisted } = renderHome(newSession(), {
      initialSettings: settings,
      settingsLink: parseSettingsLink(new URLSearchParams({ issuer: 'https://evil.example' })),
    })

    await user.click(screen.getByRole('button', { name: 'Keep my settings' }))

    expect(screen.queryByRole('alertdialog')).toBeNull()
    expect(screen.getByLabelText('Issuer URL')).toHaveProperty('value', settings.issuer)
    expect(persisted.every((saved) => saved.issuer === settings.issuer)).toBe(true)
  })

  it('shows no startup status when there is nothing to say', async () => {
    const { newSession, settings } = await setup()
    renderHome(newSession(), { initialSettings: settings })

    expect(screen.getAllByRole('status').every((element) => element.textContent === '')).toBe(true)
  })

  it('persists the settings it opens with and every change', async () => {
    const user = userEvent.setup()
    const { newSession, settings } = await setup()
    const { persisted } = renderHome(newSession(), { initialSettings: settings })
    expect(persisted[0]).toEqual(settings)

    await user.selectOptions(screen.getByLabelText('Preset'), 'Keycloak')

    expect(persisted.at(-1)).toMatchObject({
      preset: 'keycloak',
      issuer: 'https://{host}/realms/{realm}',
      scope: 'openid profile email',
    })
    await user.type(screen.getByLabelText('Client ID'), 'lab')
    expect(persisted.at(-1)).toMatchObject({ preset: 'keycloak', clientId: 'lab' })
  })
})
