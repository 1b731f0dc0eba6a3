import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import type { Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'

import { startLocalProviders } from '../../provider/local-providers'
import type { RunningProviders } from '../../provider/local-providers'
import { E2E } from './ports'
import {
  browserStorage,
  expect,
  signInAtProvider,
  test,
  openSettings,
  openCollapsed,
} from './fixtures'
import { serveStatic } from './static-host'

const BASE = '/pkce-lab/'
const run = promisify(execFile)

let outDir = ''
let host: Server | undefined
let providers: RunningProviders | undefined

test.beforeAll(async () => {
  test.setTimeout(120_000)
  outDir = mkdtempSync(join(tmpdir(), 'pkce-lab-build-'))
  // The production build, under a sub-path, as GitHub Pages would host it.
  await run('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir'], {
    env: { ...process.env, BASE_PATH: BASE },
  })
  host = await serveStatic(outDir, BASE, E2E.builtPort)
  providers = await startLocalProviders({
    localPort: E2E.builtProviderPort,
    googlePort: E2E.builtProviderPort + 1,
    appOrigins: [E2E.builtUrl],
    basePath: BASE,
    quiet: true,
  })
})

test.afterAll(async () => {
  await providers?.close()
  await new Promise((resolve) => host?.close(resolve))
  rmSync(outDir, { recursive: true, force: true })
})

test('the built site works under a sub-path, with a strict CSP and no third party', async ({
  page,
  traffic,
  context,
}) => {
  const violations: string[] = []
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      ;(window as unknown as { __violations?: string[] }).__violations ??= []
      ;(window as unknown as { __violations: string[] }).__violations.push(
        `${event.violatedDirective} ${event.blockedURI}`,
      )
    })
  })
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) violations.push(message.text())
  })
  // What the app's own pages load (the provider's login page is not the app's to answer for).
  const requested: string[] = []
  page.on('request', (request) => {
    if (request.frame().url().startsWith(E2E.builtUrl)) requested.push(request.url())
  })

  const issuer = providers?.local.issuer ?? ''
  const link = new URL(`${BASE}?preset=custom&client_id=pkce-lab`, E2E.builtUrl)
  link.searchParams.set('issuer', issuer)
  link.searchParams.set('scope', 'openid profile email')
  await page.goto(link.href)

  const policy = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content')
  expect(policy).toContain("script-src 'self'")
  expect(policy).not.toContain('unsafe-inline')
  expect(policy).not.toContain('unsafe-eval')
  await openSettings(page)
  await expect(page.getByLabel('Redirect URI (register this at the provider)')).toHaveValue(
    `${E2E.builtUrl}${BASE}callback`,
  )

  await page.getByRole('button', { name: 'Use these settings' }).click()
  await page.getByRole('button', { name: 'Sign in' }).click()
  await signInAtProvider(page)
  // The provider sent the browser to /pkce-lab/callback: a path with no file, answered by 404.html.
  await expect(page.getByRole('heading', { name: 'Signed in' })).toBeVisible()
  expect(page.url()).toBe(`${E2E.builtUrl}${BASE}`)
  await openCollapsed(page)
  await expect(page.getByRole('table', { name: 'ID token claims' })).toContainText('alice')

  const inPage = await page.evaluate(
    () => (window as unknown as { __violations?: string[] }).__violations ?? [],
  )
  expect([...violations, ...inPage]).toEqual([])
  expect(requested.filter((url) => !url.startsWith('http://127.0.0.1:'))).toEqual([])
  const stored = await browserStorage(page, context)
  for (const token of traffic.issuedTokens) expect(stored).not.toContain(token)
})

test('deep links work on a static host', async ({ page }) => {
  await page.goto(`${E2E.builtUrl}${BASE}decode`)
  await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible()
  await expect(page.getByLabel('Token', { exact: true })).toBeVisible()
  await page.getByRole('link', { name: 'Lab' }).click()
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible()
  expect(page.url()).toBe(`${E2E.builtUrl}${BASE}`)
})

test('the build carries a header set for static hosts that can send headers', () => {
  const headers = readFileSync(join(outDir, '_headers'), 'utf8')
  expect(headers).toContain('Referrer-Policy: no-referrer')
  expect(headers).toContain("frame-ancestors 'self'")
  expect(headers).toContain('X-Content-Type-Options: nosniff')
})
