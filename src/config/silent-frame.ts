/**
 * What the hidden frame (app/silent-frame.ts) tells the layers that use it, beyond a URL: its
 * rejection when it was asked to stop at the first page of the provider's own that it shows, rather
 * than wait for a redirect back that will not come. A provider that refuses an authorization request
 * whose redirect_uri it does not know must show a page and never redirect (RFC 6749 §4.1.2.1).
 */

/** The `name` of the Error the frame rejects with when it stopped at a page of the provider's. */
export const PROVIDER_PAGE_SHOWN = 'ProviderPageShown'

export interface SilentFrameOptions {
  /** Stop at the first page of another origin that finishes loading in the frame. */
  stopAtProviderPage?: boolean
}

/** Loads an authorization URL in a hidden frame and resolves with the URL of this app it reached. */
export type SilentFrame = (authorizationUrl: string, options?: SilentFrameOptions) => Promise<URL>
