/**
 * Masks tokens and secrets inside text the timeline shows, until the user asks to reveal them. Only
 * the first four characters stay, enough to tell two tokens apart.
 */

export function maskSecret(secret: string): string {
  return `${secret.slice(0, 4)}…[masked, ${secret.length} characters]`
}

export function maskSecrets(text: string, secrets: readonly string[], revealed: boolean): string {
  if (revealed) return text
  // Longest first, so a token inside a longer value (e.g. "Bearer <token>") is masked whole.
  return [...secrets]
    .filter((secret) => secret.length > 0)
    .sort((a, b) => b.length - a.length)
    .reduce((result, secret) => result.split(secret).join(maskSecret(secret)), text)
}
