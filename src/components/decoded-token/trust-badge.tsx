import type { ClaimTrust } from './claim-trust'

/** The trust level in words; the outline style differs too, but never carries the meaning alone. */
export function TrustBadge({ trust }: { trust: ClaimTrust }) {
  const level = trust.signatureVerified
    ? 'verified'
    : trust.checked === undefined
      ? 'decoded'
      : 'checked'
  return <span className={`trust-badge trust-badge--${level}`}>{trust.label}</span>
}
