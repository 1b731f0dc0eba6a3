import { defineConfig } from '@playwright/test'

import { CHROMIUM_ARGS, findChromium } from './test/e2e/chromium'
import { E2E } from './test/e2e/ports'

const browser = findChromium()

export default defineConfig({
  testDir: './test/e2e',
  // The README's pictures are taken by `npm run screenshots` only: what they show is tested by the
  // accessibility and workspace specs, and taking them cost the suite almost a minute.
  testIgnore: process.env.npm_lifecycle_event === 'screenshots' ? [] : ['**/screenshots.spec.ts'],
  // One worker by default: with two on a two-core machine that also runs another job, the suite
  // took as long (34 min) and tests ran out of time. E2E_WORKERS sets more on a bigger machine: every
  // test has its own browser context, the hostile cases are independent, and providers a test starts
  // itself take ports by worker (ports.ts).
  fullyParallel: false,
  workers: Number(process.env.E2E_WORKERS ?? 1),
  forbidOnly: Boolean(process.env.CI),
  // On CI, one more try for a test that failed: a run once hung in closing a browser context after
  // every assertion of its test had passed. A test that fails twice still fails the run.
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  // The dev server compiles a module when the browser first asks for it: on a machine busy with
  // another job, a callback page can take more than the default 5 s to be up, which says nothing
  // about the app; a callback page has taken more than 10 s to exchange its code that way. Assertions
  // wait as long as the app's own bound on a request (15 s); the app's bounds (discovery 15 s, the
  // hidden frame 10 s) stay what tests wait on where they matter.
  expect: { timeout: 15_000 },
  // The table reporter prints the hostile-provider suite's cases with pass/fail.
  reporter: process.env.CI
    ? [['list'], ['./test/e2e/hostile/table-reporter.ts']]
    : [['list'], ['html', { open: 'never' }], ['./test/e2e/hostile/table-reporter.ts']],
  use: {
    baseURL: E2E.appUrl,
    launchOptions: { executablePath: browser.executablePath, args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
  },
  webServer: {
    // The Vite dev server, with the bundled providers on their own test ports so that tests can run
    // while `npm start` is running. StrictMode's double effects are on, as in development.
    command: `npx vite --port ${E2E.appPort}`,
    // Ready when the local provider answers: it starts once the dev server listens.
    url: `${E2E.localIssuer}/.well-known/openid-configuration`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
    env: {
      PKCE_LAB_PROVIDER_PORT: String(E2E.localPort),
      PKCE_LAB_GOOGLE_PORT: String(E2E.googlePort),
      // Short-lived access tokens, so that refreshes happen within a test (about every 11 s).
      PKCE_LAB_ACCESS_TOKEN_TTL: String(E2E.accessTokenTtl),
    },
  },
})
