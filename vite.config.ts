import { randomBytes } from 'node:crypto'

import react from '@vitejs/plugin-react'
import type { Plugin } from 'vite'
import { defineConfig } from 'vitest/config'

import { localProviderPlugin } from './provider/vite-plugin.ts'

// Any http origin on a loopback host, for local providers (RFC 8252 §8.3); everything else is https.
// CSP host sources cannot name an IPv6 literal, so http://[::1] providers work only in development.
const LOOPBACK = 'http://localhost:* http://127.0.0.1:*'

/**
 * The Content Security Policy of the built site. No inline script, no eval, nothing from a third
 * party. connect-src and frame-src cannot name the provider: it is whatever issuer the user types,
 * so they allow https (and http on loopback) and nothing else — no ws:, no data:, no blob:.
 * connect-src: discovery, JWKS, token, userinfo, revocation and the user's API calls are fetched.
 * frame-src: the hidden frame of silent renewal loads the provider's authorization endpoint, then
 * this site's callback.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "manifest-src 'self'",
  `connect-src 'self' https: ${LOOPBACK}`,
  `frame-src 'self' https: ${LOOPBACK}`,
  "form-action 'none'",
  "base-uri 'none'",
  "object-src 'none'",
]

/** Headers for static hosts that can send them (Netlify and Cloudflare Pages read `_headers`). */
export const SECURITY_HEADERS: Record<string, string> = {
  // frame-ancestors works only as a header: the site may be framed by itself (silent renewal) only.
  'Content-Security-Policy': [...CONTENT_SECURITY_POLICY, "frame-ancestors 'self'"].join('; '),
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
}

/**
 * The dev server's policy: the build's, and a nonce for the inline tags only the dev server writes
 * (React Refresh's preamble, the styles Vite injects). One nonce per server start: it guards a page
 * served on this machine to its developer, so violations show up while developing.
 */
const DEV_NONCE = randomBytes(16).toString('base64')
export const DEV_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.map((directive) =>
  /^(script|style)-src /.test(directive) ? `${directive} 'nonce-${DEV_NONCE}'` : directive,
)

function devSecurityHeadersPlugin(): Plugin {
  return {
    name: 'pkce-lab:dev-security-headers',
    apply: 'serve',
    configureServer(server) {
      // Without frame-ancestors, like the meta tag: the dev server plays a host that sends no
      // headers (GitHub Pages), so the app's own defence against being framed is what runs.
      const policy = DEV_CONTENT_SECURITY_POLICY.join('; ')
      server.middlewares.use((_request, response, next) => {
        response.setHeader('Content-Security-Policy', policy)
        next()
      })
    },
  }
}

/**
 * What a static host needs from the build: the policy as a meta tag (for hosts that send no
 * headers, like GitHub Pages), a `_headers` file, and `404.html` — a copy of index.html, which
 * GitHub Pages serves for any unknown path, so /callback and deep links start the app.
 */
function staticHostingPlugin(): Plugin {
  return {
    name: 'pkce-lab:static-hosting',
    apply: 'build',
    // After Vite's own HTML plugin, so the bundle already holds the final index.html.
    enforce: 'post',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: {
          'http-equiv': 'Content-Security-Policy',
          content: CONTENT_SECURITY_POLICY.join('; '),
        },
        injectTo: 'head-prepend',
      },
    ],
    generateBundle(_options, bundle) {
      const index = bundle['index.html']
      if (index?.type === 'asset') {
        this.emitFile({ type: 'asset', fileName: '404.html', source: index.source })
      }
      const headers = Object.entries(SECURITY_HEADERS)
        .map(([name, value]) => `  ${name}: ${value}`)
        .join('\n')
      this.emitFile({ type: 'asset', fileName: '_headers', source: `/*\n${headers}\n` })
    },
  }
}

export default defineConfig(({ command }) => ({
  // Any base path works (e.g. /pkce-lab/ on GitHub Pages); the redirect URI follows it.
  base: process.env.BASE_PATH ?? '/',
  plugins: [react(), localProviderPlugin(), staticHostingPlugin(), devSecurityHeadersPlugin()],
  // Vite writes this nonce on the inline tags of the dev server's pages; the build has none.
  html: command === 'serve' ? { cspNonce: DEV_NONCE } : {},
  build: {
    rollupOptions: {
      output: {
        codeSplitting: {
          // A group takes only the modules it names: what the first screen shares with a group
          // stays with the first screen.
          includeDependenciesRecursively: false,
          groups: [
            // React and the router in one file of their own: one download, cached across releases.
            {
              name: 'framework',
              test: /[\\/]node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/,
            },
          ],
        },
      },
    },
  },
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
    // Transform the page and its second chunk (with everything they import) when the server starts,
    // not when a browser first asks: on the callback the dev server otherwise compiles some hundred
    // modules while the user waits, seconds on a busy machine.
    warmup: {
      clientFiles: ['./src/main.tsx', './src/app/flow-views.ts', './src/features/*/*-page.tsx'],
    },
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
}))
