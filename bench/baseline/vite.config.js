/* global URL */
/** Builds the size baseline (bench/baseline) into node_modules/.cache/pkce-lab-bench/baseline, with Vite's defaults. */
import { fileURLToPath } from 'node:url'

import { defineConfig } from 'vite'

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  publicDir: false,
  build: {
    outDir: fileURLToPath(
      new URL('../../node_modules/.cache/pkce-lab-bench/baseline', import.meta.url),
    ),
    emptyOutDir: true,
  },
})
