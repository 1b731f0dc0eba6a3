import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

import { localProviderPlugin } from './provider/vite-plugin.ts'

export default defineConfig({
  // Any base path works (e.g. /pkce-lab/ on GitHub Pages); the redirect URI follows it.
  base: process.env.BASE_PATH ?? '/',
  plugins: [react(), localProviderPlugin()],
  optimizeDeps: {
    // Scan every module, lazy ones included, when the dev server starts: a dependency discovered
    // later (jose, loaded with the timeline) makes Vite reload the page, and a reload forgets the
    // in-memory session and any error on screen.
    entries: ['index.html', 'src/**/*.{ts,tsx}'],
  },
  server: {
    // 127.0.0.1, like the local provider: the same host keeps them same-site, and one origin for
    // the redirect URI (localhost and 127.0.0.1 are different origins).
    host: '127.0.0.1',
    port: Number(process.env.PORT ?? 5173),
    strictPort: true,
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'component',
          include: ['test/component/**/*.test.tsx'],
          environment: 'happy-dom',
        },
      },
    ],
  },
})
