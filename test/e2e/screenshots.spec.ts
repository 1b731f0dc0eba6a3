/**
 * The README's pictures, taken from the real app against the bundled provider, so they never go
 * stale: `npm run screenshots` writes them to .github/screenshots. Not part of `npm test`
 * (playwright.config.ts): the screens are tested by the accessibility and workspace specs.
 */
import { mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'

import type { Page } from '@playwright/test'

import { expect, openCollapsed, signInAtProvider, signInWithDefaults, test } from './fixtures'

const WIDTH = 1280
const HEIGHT = 800

/** The README's folder. */
const FOLDER = '.github/screenshots'

async function shoot(page: Page, directory: string, name: string): Promise<void> {
  await mkdir(directory, { recursive: true })
  const path = join(directory, `${name}.png`)
  // No caret, no spinner frame and no hover: the same page gives the same picture.
  await page.screenshot({ path, animations: 'disabled', caret: 'hide' })
  const png = await readFile(path)
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG')
  expect(png.readUInt32BE(16)).toBe(WIDTH)
  expect(png.readUInt32BE(20)).toBe(HEIGHT)
}

test.use({ viewport: { width: WIDTH, height: HEIGHT } })

for (const scheme of ['light', 'dark'] as const) {
  test(`the signed-in workspace, ${scheme}`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme })
    await signInWithDefaults(page)
    await expect(page.getByTestId('token-verdict')).toBeVisible()
    // The payload's "email" pointed at, to show the bytes it came from.
    await page.locator('.json-claim').filter({ hasText: '"email":' }).first().hover()
    await shoot(page, FOLDER, `workspace-${scheme}`)
  })
}

test('an error, explained', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.getByRole('link', { name: '[ Cancel ]' }).click()
  await expect(page.getByRole('alert')).toContainText('access_denied')
  await openCollapsed(page.getByRole('alert'))
  await shoot(page, FOLDER, 'error')
})

test('the first screen', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible()
  await shoot(page, FOLDER, 'first-screen')
  // The same flow, signed in by hand, is what the workspace pictures show.
  await page.getByRole('button', { name: 'Sign in' }).click()
  await signInAtProvider(page)
  await expect(page.getByRole('heading', { name: 'Signed in' })).toBeVisible()
})
