import { lazy, Suspense } from 'react'

import type { SignatureResult } from '../../jwt/verify-signature'

// Lazy, so the signature check (and the JOSE library it loads) stays out of the bundle until a token
// is shown.
const SignatureCheck = lazy(() =>
  import('../../components/signature/signature-check').then((m) => ({
    default: m.SignatureCheck,
  })),
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
