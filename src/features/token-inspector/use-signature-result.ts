import { useCallback, useState } from 'react'

import type { SignatureResult } from '../../jwt/verify-signature'

/**
 * The signature result for one token. It is kept with the token it belongs to, so a refreshed token
 * starts unverified instead of inheriting the old token's badge.
 */
export function useSignatureResult(
  token: string | undefined,
): [SignatureResult | undefined, (result: SignatureResult) => void] {
  const [stored, setStored] = useState<{ token: string; result: SignatureResult } | undefined>(
    undefined,
  )
  const report = useCallback(
    (result: SignatureResult) => {
      if (token !== undefined) {
        setStored({ token, result })
      }
    },
    [token],
  )
  return [stored !== undefined && stored.token === token ? stored.result : undefined, report]
}
