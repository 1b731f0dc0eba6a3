/**
 * The end-to-end test servers: other ports than `npm start`, so both can run at once. Override them
 * with E2E_APP_PORT, E2E_PROVIDER_PORT and E2E_GOOGLE_PORT to run two suites side by side.
 */
const host = '127.0.0.1'
const port = (variable: string, fallback: number) => Number(process.env[variable] ?? fallback)
const appPort = port('E2E_APP_PORT', 5273)
const localPort = port('E2E_PROVIDER_PORT', 5280)
const googlePort = port('E2E_GOOGLE_PORT', 5281)
/** The built site on a static host, and the providers that trust it. */
const builtPort = port('E2E_BUILT_PORT', appPort + 1)
const builtProviderPort = port('E2E_BUILT_PROVIDER_PORT', localPort + 2)
/** A standard provider with the quirks of other real providers, and its Google-shaped twin. */
const quirkyPort = port('E2E_QUIRKY_PORT', localPort + 4)

export const E2E = {
  appPort,
  localPort,
  googlePort,
  appUrl: `http://${host}:${appPort}`,
  localIssuer: `http://${host}:${localPort}`,
  googleIssuer: `http://${host}:${googlePort}`,
  builtPort,
  builtProviderPort,
  builtUrl: `http://${host}:${builtPort}`,
  /** Seconds; the app refreshes a quarter of the lifetime ahead of expiry. */
  accessTokenTtl: 15,
} as const

/**
 * The quirky providers of one Playwright worker: each worker that runs at the same time as another
 * starts its own pair, on ports of its own (`testInfo.parallelIndex`).
 */
export function quirkyProvidersFor(parallelIndex: number) {
  const localPort = quirkyPort + 2 * parallelIndex
  return { localPort, googlePort: localPort + 1, issuer: `http://${host}:${localPort}` }
}
