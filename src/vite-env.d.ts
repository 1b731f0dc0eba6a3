interface ImportMetaEnv {
  readonly VITE_LOCAL_ISSUER?: string
  readonly VITE_GOOGLE_LIKE_ISSUER?: string
}
