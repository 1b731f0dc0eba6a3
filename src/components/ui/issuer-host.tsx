/**
 * An issuer shown by its host, short enough for a line of text, with the full issuer as its title.
 * Text typed so far that is not a URL yet is shown as typed.
 */
export function IssuerHost({ issuer }: { issuer: string }) {
  return <code title={issuer}>{URL.canParse(issuer) ? new URL(issuer).host : issuer}</code>
}
