/**
 * The interface as a tool: the first screen says what Sign in does and shows it without scrolling,
 * the signed-in workspace fits its height budget, feedback lands where the eyes are, nothing
 * overflows a phone, claim names never break mid-word, and both themes pass axe on every screen.
 */
import type { Locator, Page } from '@playwright/test'

import { expectNoAxeViolations } from './axe'
import { E2E } from './ports'
import {
  expect,
  openCollapsed,
  openSettings,
  showTab,
  signInAtProvider,
  signInWithDefaults,
  test,
} from './fixtures'

const VIEWPORTS = [
  { width: 1280, height: 800, budget: 3 },
  { width: 375, height: 812, budget: 6 },
] as const

/** Whether the element's box lies inside the viewport, top to bottom. */
async function expectInViewport(page: Page, element: Locator): Promise<void> {
  const box = await element.boundingBox()
  const viewport = page.viewportSize()
  expect(box, 'the element has a box').not.toBeNull()
  expect(box?.y).toBeGreaterThanOrEqual(0)
  expect(box?.y).toBeLessThan(viewport?.height ?? 0)
}

async function expectFocused(element: Locator): Promise<void> {
  await expect(element).toBeFocused()
}

/** Every element sticking out of the viewport on the right, unless inside a scroll box of its own. */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth
    const clipped = (element: Element): boolean => {
      for (let parent = element.parentElement; parent; parent = parent.parentElement) {
        const overflowX = getComputedStyle(parent).overflowX
        if (overflowX === 'auto' || overflowX === 'scroll' || overflowX === 'hidden') return true
      }
      return false
    }
    return Array.from(document.querySelectorAll('body *'))
      .filter((element) => {
        const box = element.getBoundingClientRect()
        return box.width > 0 && box.right > width + 0.5 && !clipped(element)
      })
      .map((element) => `${element.tagName.toLowerCase()}.${element.className}`)
  })
}

/**
 * Claim and parameter names that wrap elsewhere than after "_", "." or "-": for each name, the
 * characters after which the next one starts on a new line.
 */
async function namesBrokenMidWord(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('.claims-table th .breakable-name')).flatMap((name) => {
      const text = name.textContent
      const tops: number[] = []
      const walker = document.createTreeWalker(name, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (let index = 0; index < (node.textContent ?? '').length; index += 1) {
          const range = document.createRange()
          range.setStart(node, index)
          range.setEnd(node, index + 1)
          tops.push(range.getBoundingClientRect().top)
        }
      }
      const breaks = tops.flatMap((top, index) =>
        index > 0 && top > (tops[index - 1] ?? top) + 1 ? [index] : [],
      )
      return breaks
        .filter((index) => !'_.-'.includes(text.charAt(index - 1)))
        .map((index) => `${text.slice(0, index)}/${text.slice(index)}`)
    }),
  )
}

/** The page background's relative luminance (WCAG), from its computed colour. */
async function backgroundLuminance(page: Page): Promise<number> {
  const colour = await page.evaluate(
    () => getComputedStyle(document.documentElement).backgroundColor,
  )
  const channels = (colour.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number)
  const [r = 0, g = 0, b = 0] = channels.map((value) => {
    const c = value / 255
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

for (const viewport of VIEWPORTS) {
  test.describe(`at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } })

    test('the first screen says what will happen, and Sign in is in view', async ({ page }) => {
      await page.goto('/')
      const signIn = page.getByRole('button', { name: 'Sign in' })
      await expect(signIn).toBeVisible()
      await expectInViewport(page, signIn)
      const box = await signIn.boundingBox()
      expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(viewport.height)
      const start = page.getByRole('region', { name: 'Sign in, then see your tokens' })
      await expect(start).toContainText(
        `Provider: Local provider at 127.0.0.1:${String(E2E.localPort)}`,
      )
      await expect(start.getByRole('list', { name: 'What happens next' })).toContainText(
        'You go to the provider and log in there.',
      )
      // The settings are one line until opened.
      await expect(page.getByLabel('Issuer URL')).toBeHidden()
      await expect(page.getByText(/^Settings: Local provider · client pkce-lab/)).toBeVisible()
    })

    test(`the signed-in page is at most ${String(viewport.budget)} viewports tall, and no claim name is broken mid-word`, async ({
      page,
    }) => {
      await signInWithDefaults(page)
      await expect(page.getByRole('tab', { name: 'Tokens', selected: true })).toBeVisible()
      await expect(page.getByTestId('token-verdict')).toBeVisible()
      const height = await page.evaluate(() => document.documentElement.scrollHeight)
      expect(height).toBeLessThanOrEqual(viewport.budget * viewport.height)

      await openCollapsed(page.getByRole('region', { name: 'ID token', exact: true }))
      await expect(page.getByRole('table', { name: 'ID token claims' })).toBeVisible()
      expect(await namesBrokenMidWord(page)).toEqual([])
    })
  })
}

test.describe('at 320 CSS pixels wide', () => {
  test.use({ viewport: { width: 320, height: 640 } })

  test('no element overflows the viewport, on any screen, with every part open', async ({
    page,
  }) => {
    await page.goto('/')
    await openSettings(page)
    await openCollapsed(page)
    expect(await overflowing(page)).toEqual([])

    await page.getByRole('button', { name: 'Sign in' }).click()
    await signInAtProvider(page)
    await expect(page.getByRole('heading', { name: 'Signed in' })).toBeVisible()
    await openCollapsed(page)
    expect(await overflowing(page)).toEqual([])
    expect(await namesBrokenMidWord(page)).toEqual([])
    await page.getByRole('button', { name: 'Call userinfo' }).click()
    await expect(page.getByRole('table', { name: 'UserInfo claims' })).toBeVisible()
    expect(await overflowing(page)).toEqual([])
    for (const tab of ['Flow', 'Storage'] as const) {
      await showTab(page, tab)
      await openCollapsed(page)
      expect(await overflowing(page)).toEqual([])
    }
  })
})

test('a failed discovery is an alert that has the focus and is in view', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 })
  await page.goto('/')
  await openSettings(page)
  await page.getByLabel('Preset').selectOption({ label: 'Custom' })
  await page.getByLabel('Issuer URL').fill('http://127.0.0.1:5299')
  await page.getByLabel('Client ID').fill('anything')
  // The user is down at the bottom of the settings when the failure comes.
  await page.getByLabel('Client ID').press('Enter')
  const alert = page.getByRole('alert')
  await expect(alert).toContainText('Discovery (fetching the provider metadata)')
  await expectFocused(alert)
  await expectInViewport(page, alert)
  // Dismissible: gone, and the page is signed out with nothing else to say.
  await alert.getByRole('button', { name: 'Dismiss' }).click()
  await expect(page.getByRole('alert')).toHaveCount(0)
})

test('each step-through pause has the focus and is in view', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 })
  await page.goto('/')
  await page.getByRole('checkbox', { name: /^Step through/ }).check()
  await page.getByRole('button', { name: 'Sign in' }).click()
  const beforeRedirect = page.getByRole('region', { name: 'Paused before the redirect' })
  await expectFocused(beforeRedirect)
  await expectInViewport(page, beforeRedirect)

  await beforeRedirect.getByRole('button', { name: 'Continue to the provider' }).click()
  await signInAtProvider(page)
  const beforeExchange = page.getByRole('region', { name: 'Paused before the code exchange' })
  await expectFocused(beforeExchange)
  await expectInViewport(page, beforeExchange)
})

test('the Sign in button says what it waits for while the sign-in starts', async ({ page }) => {
  // Discovery is held until the button has been seen at work.
  let release: () => void = () => undefined
  const held = new Promise<void>((resolve) => {
    release = resolve
  })
  await page.route(`${E2E.localIssuer}/.well-known/openid-configuration`, async (route) => {
    await held
    await route.continue()
  })
  await page.goto('/')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByTestId('sign-in-progress')).toHaveText('Fetching the provider metadata…')
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeDisabled()
  release()
  await expect(page).toHaveURL(new RegExp(`^${E2E.localIssuer}/interaction/`))
})

test('a pointed-at claim lights up its bytes in the encoded token, by mouse and by keyboard', async ({
  page,
}) => {
  await signInWithDefaults(page)
  const idToken = page.getByRole('region', { name: 'ID token', exact: true })
  const lit = idToken.locator('.jwt-segment--payload mark')
  await expect(lit).toHaveCount(0)

  await idToken.locator('.json-claim').filter({ hasText: '"email":' }).hover()
  const bytes = Buffer.from((await lit.textContent()) ?? '', 'base64url').toString('latin1')
  expect(bytes).toContain('"email":"alice@example.test"')

  await idToken.locator('.json-claim').filter({ hasText: '"sub":' }).focus()
  const subBytes = Buffer.from((await lit.textContent()) ?? '', 'base64url').toString('latin1')
  expect(subBytes).toContain('"sub":"alice"')
  expect(subBytes).not.toContain('"email"')
})

test('any part of the session is one click away, and what is open survives a reload', async ({
  page,
}) => {
  await signInWithDefaults(page)
  for (const [tab, content] of [
    ['Flow', page.getByRole('region', { name: 'Flow timeline' })],
    ['API', page.getByRole('region', { name: 'Call an API with the access token' })],
    ['Storage', page.getByRole('region', { name: 'What this page keeps, and where' })],
    ['Tokens', page.getByRole('region', { name: 'ID token', exact: true })],
  ] as const) {
    await showTab(page, tab)
    await expect(content).toBeVisible()
  }
  // The settings are not on the signed-in page.
  await expect(page.getByLabel('Issuer URL')).toHaveCount(0)

  const claimsPart = page.getByText(/^Claims explained: \d+ claims/).first()
  await claimsPart.click()
  await expect(page.getByRole('table', { name: 'ID token claims' })).toBeVisible()
  await page.getByRole('button', { name: 'Forget tokens' }).click()
  await openSettings(page)
  await page.reload()
  // A preference, not a secret: the open settings are remembered, and so is the open claims part.
  await expect(page.getByLabel('Issuer URL')).toBeVisible()
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.getByRole('button', { name: 'Continue' }).click()
  await expect(page.getByRole('table', { name: 'ID token claims' })).toBeVisible()
})

test.describe('themes', () => {
  test('dark follows the system, and the toggle overrides it and is remembered', async ({
    browser,
  }) => {
    const context = await browser.newContext({ colorScheme: 'dark', baseURL: E2E.appUrl })
    const page = await context.newPage()
    await page.goto('/')
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible()
    expect(await backgroundLuminance(page)).toBeLessThan(0.05)

    await page.getByRole('button', { name: 'Light theme' }).click()
    expect(await backgroundLuminance(page)).toBeGreaterThan(0.8)
    await page.reload()
    await expect(page.getByRole('button', { name: 'Light theme' })).toHaveAttribute(
      'aria-pressed',
      'true',
    )
    expect(await backgroundLuminance(page)).toBeGreaterThan(0.8)
    await context.close()
  })

  test('the toggle turns a light system dark', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' })
    await page.goto('/')
    expect(await backgroundLuminance(page)).toBeGreaterThan(0.8)
    await page.getByRole('button', { name: 'Dark theme' }).click()
    expect(await backgroundLuminance(page)).toBeLessThan(0.05)
  })

  // The light theme is the default one, which accessibility.spec.ts scans on the same screens.
  test('axe finds no violation in the dark theme on any screen', async ({ page }) => {
    const scheme = 'dark'
    test.setTimeout(120_000)
    await page.emulateMedia({ colorScheme: scheme })
    await page.goto('/')
    await openSettings(page)
    await openCollapsed(page)
    await expectNoAxeViolations(page, `the first screen (${scheme})`)

    await page.getByRole('button', { name: 'Sign in' }).click()
    await signInAtProvider(page)
    await expect(page.getByRole('heading', { name: 'Signed in' })).toBeVisible()
    await openCollapsed(page)
    await expectNoAxeViolations(page, `the Tokens tab (${scheme})`)
    await page.getByRole('button', { name: 'Call userinfo' }).click()
    await expect(page.getByRole('table', { name: 'UserInfo claims' })).toBeVisible()
    await expectNoAxeViolations(page, `the API tab (${scheme})`)
    for (const tab of ['Flow', 'Storage'] as const) {
      await showTab(page, tab)
      await openCollapsed(page)
      await expectNoAxeViolations(page, `the ${tab} tab (${scheme})`)
    }

    await page.getByRole('button', { name: 'Forget tokens' }).click()
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByRole('link', { name: '[ Cancel ]' }).click()
    await expect(page.getByRole('alert')).toContainText('access_denied')
    await expectNoAxeViolations(page, `an error (${scheme})`)

    for (const [link, heading] of [
      ['Paste a token', 'Decode a token'],
      ['Error explainer', 'Error explainer'],
      ['JWT vs OAuth', 'JWT vs OAuth'],
    ] as const) {
      await page.getByRole('link', { name: link }).click()
      await expect(page.getByRole('heading', { name: heading, exact: true })).toBeVisible()
      await openCollapsed(page)
      await expectNoAxeViolations(page, `${link} (${scheme})`)
    }
  })
})
