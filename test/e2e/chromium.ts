/**
 * Which Chromium the end-to-end tests drive: CHROME_PATH if set, else the system's Chromium or Chrome
 * (Debian's /usr/bin/chromium on CI), else Playwright's own download. Says what to install when none is
 * there, instead of failing with a stack trace.
 */
import { existsSync } from 'node:fs'

import { chromium } from '@playwright/test'

const SYSTEM_BROWSERS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
]

/** Flags for a headless run on a machine without a network or a sandbox (CI runs as root). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

export function findChromium(): { executablePath: string; source: string } {
  const fromEnv = process.env.CHROME_PATH
  if (fromEnv) {
    if (!existsSync(fromEnv)) {
      throw new Error(`CHROME_PATH is set to ${fromEnv}, but there is no file there.`)
    }
    return { executablePath: fromEnv, source: 'CHROME_PATH' }
  }
  const system = SYSTEM_BROWSERS.find((path) => existsSync(path))
  if (system) return { executablePath: system, source: 'system' }
  const bundled = chromium.executablePath()
  if (existsSync(bundled)) return { executablePath: bundled, source: 'Playwright' }
  throw new Error(
    [
      'No Chromium found for the end-to-end tests. Install one of:',
      '  - Debian/Ubuntu: sudo apt-get install chromium',
      "  - Playwright's own: npx playwright install chromium",
      '  - or point CHROME_PATH at a Chrome or Chromium binary.',
    ].join('\n'),
  )
}
