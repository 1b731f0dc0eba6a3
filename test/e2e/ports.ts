/** The end-to-end test servers: other ports than `npm start`, so both can run at once. */
const host = '127.0.0.1'
const appPort = 5273
const localPort = 5280
const googlePort = 5281

export const E2E = {
  appPort,
  localPort,
  googlePort,
  appUrl: `http://${host}:${appPort}`,
  localIssuer: `http://${host}:${localPort}`,
  googleIssuer: `http://${host}:${googlePort}`,
  /** Seconds; the app refreshes a quarter of the lifetime ahead of expiry. */
  accessTokenTtl: 15,
} as const
