/**
 * The states a session can be in, as one discriminated union: the UI renders from it and nothing else.
 * A failure is a signed-out state that carries its error, so no half-signed-in state can exist.
 */
import type { IdTokenCheck, OidcError, ProviderMetadata, TokenSet } from '../oidc'

export interface SignedIn {
  status: 'signed-in'
  issuer: string
  clientId: string
  metadata: ProviderMetadata
  tokens: TokenSet
  /** The ID token checks that passed; empty when there is no ID token. */
  idTokenChecks: readonly IdTokenCheck[]
}

export type SessionState =
  | { status: 'signed-out'; error?: OidcError; notice?: string }
  | { status: 'starting' }
  | { status: 'redirecting'; authorizationUrl: string }
  | { status: 'completing' }
  | {
      status: 'needs-client-secret'
      issuer: string
      clientId: string
      /** Epoch seconds when the authorization code arrived; codes live minutes at most (RFC 6749 §4.1.2). */
      codeReceivedAt: number
    }
  | SignedIn

export const signedOut: SessionState = { status: 'signed-out' }
