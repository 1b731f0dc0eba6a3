/* global URL */
/**
 * Serves a built site the way a static host does (GitHub Pages, Netlify): brotli or gzip when the
 * browser accepts it, hashed assets cached for a year, index.html revalidated, and index.html for any
 * other path without a file (the SPA fallback, so /callback loads the app).
 */
import { readdir, readFile, stat } from 'node:fs/promises'
import { createServer } from 'node:http'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

const TYPES = /** @type {Record<string, string>} */ ({
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
})
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.svg', '.json', '.txt', '.webmanifest'])

/**
 * @typedef {object} StaticServer
 * @property {string} origin
 * @property {() => Promise<void>} close
 */

/**
 * @param {{ root: string, host: string, port: number, base?: string, delayMs?: () => number }} options
 *   delayMs: how long each request waits before it is answered (the simulated network)
 * @returns {Promise<StaticServer>}
 */
export async function serveStatic({ root, host, port, base = '/', delayMs = () => 0 }) {
  /** @type {Map<string, Buffer>} */
  const encoded = new Map()
  // Compressed ahead, as a static host does: brotli at quality 11 takes a while, and a first request
  // that waited for it would be timed as a slow server.
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !COMPRESSIBLE.has(path.extname(entry.name))) continue
    const file = path.join(entry.parentPath, entry.name)
    await body(file, 'br')
    await body(file, 'gzip')
  }

  /** @param {string} file @param {string} encoding */
  async function body(file, encoding) {
    const key = `${encoding}:${file}`
    const cached = encoded.get(key)
    if (cached) return cached
    const raw = await readFile(file)
    const result =
      encoding === 'br'
        ? brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
        : encoding === 'gzip'
          ? gzipSync(raw, { level: 9 })
          : raw
    encoded.set(key, result)
    return result
  }

  /** @param {string} pathname */
  async function resolveFile(pathname) {
    if (!pathname.startsWith(base)) return undefined
    const relative = decodeURIComponent(pathname.slice(base.length)) || 'index.html'
    const file = path.resolve(root, relative)
    if (!file.startsWith(path.resolve(root) + path.sep)) return undefined
    try {
      if ((await stat(file)).isFile()) return file
    } catch {
      // no such file: maybe a route of the app
    }
    // The SPA fallback: a path without an extension is a route of the app.
    return path.extname(relative) === '' ? path.join(root, 'index.html') : undefined
  }

  const server = createServer((request, response) => {
    void (async () => {
      const delay = delayMs()
      if (delay > 0) await sleep(delay)
      const url = new URL(request.url ?? '/', 'http://localhost')
      const file = await resolveFile(url.pathname)
      if (file === undefined || (request.method !== 'GET' && request.method !== 'HEAD')) {
        response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
        response.end('Not found')
        return
      }
      const extension = path.extname(file)
      const accepted = String(request.headers['accept-encoding'] ?? '')
      const encoding = !COMPRESSIBLE.has(extension)
        ? 'identity'
        : /\bbr\b/.test(accepted)
          ? 'br'
          : /\bgzip\b/.test(accepted)
            ? 'gzip'
            : 'identity'
      const content = await body(file, encoding)
      const immutable = path.relative(root, file).startsWith(`assets${path.sep}`)
      response.writeHead(200, {
        'content-type': TYPES[extension] ?? 'application/octet-stream',
        'content-length': content.length,
        'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
        vary: 'accept-encoding',
        ...(encoding === 'identity' ? {} : { 'content-encoding': encoding }),
      })
      response.end(request.method === 'HEAD' ? undefined : content)
    })().catch((/** @type {unknown} */ error) => {
      response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' })
      response.end(String(error))
    })
  })

  await new Promise((resolve, reject) => {
    server.once('error', (/** @type {NodeJS.ErrnoException} */ error) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(`port ${port} on ${host} is already in use (serving ${root})`)
          : error,
      )
    })
    server.listen(port, host, () => {
      resolve(undefined)
    })
  })

  return {
    origin: `http://${host}:${port}`,
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => {
          if (error) reject(error)
          else resolve()
        })
        server.closeAllConnections()
      }),
  }
}
