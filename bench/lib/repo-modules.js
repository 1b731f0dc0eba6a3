/**
 * The project's own TypeScript modules the benchmark reuses, loaded through Vite's SSR module loader
 * (Node 20 cannot import .ts): the local OpenID providers (provider/local-providers.ts) and the
 * Chromium lookup of the end-to-end tests (test/e2e/chromium.ts). The loader stays open while they
 * run, because local-providers.ts imports oidc-provider lazily.
 */
import { createServer } from 'vite'

/**
 * @typedef {object} LocalProvidersOptions
 * @property {string} [host]
 * @property {number} localPort
 * @property {number} googlePort
 * @property {readonly string[]} appOrigins
 * @property {string} [basePath]
 * @property {number} [accessTokenTtlSeconds]
 * @property {boolean} [quiet]
 */
/**
 * @typedef {object} RunningProviders
 * @property {{ issuer: string, clientId: string }} local
 * @property {{ issuer: string, clientId: string, clientSecret: string }} google
 * @property {() => Promise<void>} close
 */
/**
 * @typedef {object} RepoModules
 * @property {(options: LocalProvidersOptions) => Promise<RunningProviders>} startLocalProviders
 * @property {() => { executablePath: string, source: string }} findChromium
 * @property {string[]} chromiumArgs
 * @property {() => Promise<void>} close
 */

/**
 * @param {string} root the repository
 * @returns {Promise<RepoModules>}
 */
export async function loadRepoModules(root) {
  const vite = await createServer({
    root,
    configFile: false,
    logLevel: 'error',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, ws: false, watch: null },
    optimizeDeps: { noDiscovery: true, include: [] },
  })
  try {
    const providers = await vite.ssrLoadModule('/provider/local-providers.ts')
    const chromium = await vite.ssrLoadModule('/test/e2e/chromium.ts')
    return {
      startLocalProviders: providers.startLocalProviders,
      findChromium: chromium.findChromium,
      chromiumArgs: chromium.CHROMIUM_ARGS,
      close: () => vite.close(),
    }
  } catch (error) {
    await vite.close()
    throw error
  }
}
