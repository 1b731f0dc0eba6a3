/* global URL */
/**
 * Builds the benchmark's oidc-client-ts + react-oidc-context peer (bench/oidc-context-app) into
 * node_modules/.cache/pkce-lab-bench/oidc-context. `npm run bench` passes the local provider's issuer in
 * VITE_BENCH_ISSUER; nothing else differs from Vite's defaults.
 */
import { fileURLToPath } from 'node:url'

import { defineConfig } from 'vite'

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  publicDir: false,
  build: {
    outDir: fileURLToPath(
      new URL('../../node_modules/.cache/pkce-lab-bench/oidc-context', import.meta.url),
    ),
    emptyOutDir: true,
  },
})
