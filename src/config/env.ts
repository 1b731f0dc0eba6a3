/**
 * Build-time settings. The dev server's local-provider plugin defines the issuers of the bundled
 * providers; a static build falls back to their default ports, for people who run them from a clone.
 */

export const LOCAL_ISSUER: string = import.meta.env.VITE_LOCAL_ISSUER ?? 'http://127.0.0.1:5180'
export const GOOGLE_LIKE_ISSUER: string =
  import.meta.env.VITE_GOOGLE_LIKE_ISSUER ?? 'http://127.0.0.1:5181'
