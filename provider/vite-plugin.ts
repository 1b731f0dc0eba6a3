import type { Plugin, ViteDevServer } from 'vite'

import {
  DEFAULT_GOOGLE_PORT,
  DEFAULT_LOCAL_PORT,
  ProviderPortInUseError,
  startLocalProviders,
} from './local-providers.ts'
import type { ProviderRole, RunningProviders } from './local-providers.ts'

const HOST = '127.0.0.1'

const ROLE_NAME: Record<ProviderRole, string> = { local: 'local', google: 'Google-shaped' }

const PORT_VARIABLE: Record<ProviderRole, string> = {
  local: 'PKCE_LAB_PROVIDER_PORT',
  google: 'PKCE_LAB_GOOGLE_PORT',
}

interface Settings {
  localPort: number
  googlePort: number
  accessTokenTtlSeconds: number
}

function positiveInteger(variable: string, fallback: number, max: number): number {
  const raw = process.env[variable]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new Error(`${variable} must be an integer from 1 to ${max}, not "${raw}"`)
  }
  return value
}

function readSettings(): Settings {
  return {
    localPort: positiveInteger(PORT_VARIABLE.local, DEFAULT_LOCAL_PORT, 65535),
    googlePort: positiveInteger(PORT_VARIABLE.google, DEFAULT_GOOGLE_PORT, 65535),
    accessTokenTtlSeconds: positiveInteger('PKCE_LAB_ACCESS_TOKEN_TTL', 300, 24 * 60 * 60),
  }
}

function issuer(port: number): string {
  return `http://${HOST}:${port}`
}

function describeFailure(error: unknown): string {
  if (error instanceof ProviderPortInUseError) {
    return (
      `PKCE Lab: port ${error.port} on ${error.host} is already in use, so the ` +
      `${ROLE_NAME[error.role]} OpenID provider cannot start. Free the port, or choose another ` +
      `one with ${PORT_VARIABLE[error.role]}=<port> (or set PKCE_LAB_PROVIDER=off to run without it).`
    )
  }
  const reason = error instanceof Error ? error.message : String(error)
  return `PKCE Lab: the local OpenID providers failed to start: ${reason}`
}

async function start(
  server: ViteDevServer,
  settings: Settings,
  appPort: number,
): Promise<RunningProviders | undefined> {
  const { base, logger } = server.config
  try {
    const running = await startLocalProviders({
      host: HOST,
      localPort: settings.localPort,
      googlePort: settings.googlePort,
      appOrigins: [`http://127.0.0.1:${appPort}`, `http://localhost:${appPort}`],
      basePath: base,
      accessTokenTtlSeconds: settings.accessTokenTtlSeconds,
      // The banner below says what these providers are; oidc-provider's production warnings
      // ("you MUST change it") would only alarm a newcomer.
      quiet: true,
    })
    logger.info(
      [
        '',
        `  PKCE Lab: open http://127.0.0.1:${appPort}${base}`,
        `  Local OpenID provider: ${running.local.issuer}`,
        '    Any username and password signs in.',
        '    The consent screen asks to allow offline access: allow it to get a refresh token.',
        `  Google-shaped provider: ${running.google.issuer}`,
        ...(Number(process.versions.node.split('.')[0]) < 22
          ? ['  (oidc-provider warns that it prefers Node 22; it runs fine on Node 20.19+.)']
          : []),
        '',
      ].join('\n'),
    )
    return running
  } catch (error) {
    logger.error(describeFailure(error))
    // Without its provider the app's default sign-in cannot work, so the dev server stops
    // rather than serve a half-working lab.
    process.exitCode = 1
    void server.close()
    return undefined
  }
}

// Runs the bundled OpenID providers next to the dev server (`vite`, not `vite build`), with
// the app's actual origin and base path registered as the client's redirect URI.
export function localProviderPlugin(): Plugin {
  const name = 'pkce-lab:local-provider'
  if (process.env.PKCE_LAB_PROVIDER === 'off') return { name, apply: 'serve' }
  let settings: Settings | undefined

  return {
    name,
    apply: 'serve',
    config() {
      settings = readSettings()
      return {
        define: {
          'import.meta.env.VITE_LOCAL_ISSUER': JSON.stringify(issuer(settings.localPort)),
          'import.meta.env.VITE_GOOGLE_LIKE_ISSUER': JSON.stringify(issuer(settings.googlePort)),
        },
      }
    },
    configureServer(server) {
      const { httpServer } = server
      // In middleware mode the app is served by someone else's server, whose origin is unknown.
      if (httpServer === null || settings === undefined) return
      const resolved = settings
      let providers: Promise<RunningProviders | undefined> | undefined

      // The origins to register depend on the port actually bound, known only once listening.
      httpServer.once('listening', () => {
        const address = httpServer.address()
        if (address === null || typeof address === 'string') return
        providers = start(server, resolved, address.port)
      })
      httpServer.on('close', () => {
        void providers
          ?.then((running) => running?.close())
          .catch((error: unknown) => {
            server.config.logger.error(
              `PKCE Lab: closing the OpenID providers failed: ${String(error)}`,
            )
          })
      })
    },
  }
}
