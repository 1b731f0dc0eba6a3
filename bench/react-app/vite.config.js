/* global URL */
/**
 * Builds the benchmark's bare oauth4webapi + React peer (bench/react-app) into
 * node_modules/.cache/pkce-lab-bench/react. `npm run bench` passes the local provider's issuer in
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
      new URL('../../node_modules/.cache/pkce-lab-bench/react', import.meta.url),
    ),
    emptyOutDir: true,
  },
})
