import { Suspense } from 'react'

import type { SignatureResult } from '../../jwt/verify-signature'
import { lazyComponent } from '../../lib/lazy-component'

// Lazy, so the signature check (and the JOSE library it loads) stays out of the bundle until a token
// is shown.
export const SignatureCheck = lazyComponent(
  async () => (await import('../../components/signature/signature-check')).SignatureCheck,
)

export interface LazySignatureCheckProps {
  token: string
  tokenName: string
  jwksUri: string | undefined
  onResult: (result: SignatureResult) => void
}

/** The "Verify signature" control, loaded on first use. */
export function LazySignatureCheck(props: LazySignatureCheckProps) {
  return (
    <Suspense fallback={<p className="hint">Loading the signature check…</p>}>
      <SignatureCheck {...props} />
    </Suspense>
  )
}
