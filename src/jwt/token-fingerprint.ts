/**
 * A short, one-way fingerprint of a token, so a refresh history can show that a token changed (or did
 * not) without ever showing the token. Not for security decisions: eight hex digits of SHA-256.
 */

export async function tokenFingerprint(token: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token))
  return Array.from(new Uint8Array(digest).slice(0, 4), (byte) =>
    byte.toString(16).padStart(2, '0'),
  ).join('')
}
