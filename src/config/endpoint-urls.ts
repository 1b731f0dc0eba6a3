/**
 * Which URLs this app will talk to or send the browser to: https anywhere, http only on a loopback
 * host. Shared by the protocol layer and the signature check, which both fetch provider URLs.
 */

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

/** RFC 8252 §8.3 treats loopback as the one place where http carries no network risk. */
export function isLoopbackUrl(url: URL): boolean {
  return LOOPBACK_HOSTS.has(url.hostname) || url.hostname.endsWith('.localhost')
}

/** https anywhere, http only on a loopback host; every other scheme (javascript:, data:, …) is refused (RFC 9700 §2.6). */
export function isAllowedEndpointUrl(url: URL): boolean {
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackUrl(url))
}
