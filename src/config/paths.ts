/**
 * Route paths, relative to the router's basename, and the redirect URI built from the same words so the
 * router and the URI a user registers at the provider cannot disagree.
 */

export const paths = {
  home: '/',
  callback: '/callback',
  decode: '/decode',
  errors: '/errors',
  learn: '/learn',
} as const

/** `<origin><base>callback`: the exact string to register, and to send as `redirect_uri`. */
export function redirectUriFor(origin: string, base: string): string {
  const normalisedBase = base.endsWith('/') ? base : `${base}/`
  return `${origin}${normalisedBase}${paths.callback.slice(1)}`
}
