/**
 * A static host for the built site that behaves like GitHub Pages: files as they are, and 404.html
 * (with status 404) for any path that is not a file — the way a deep link or /callback reaches the app.
 */
import { createReadStream, existsSync, statSync } from 'node:fs'
import { createServer } from 'node:http'
import type { Server } from 'node:http'
import { extname, join, normalize } from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
}

export function serveStatic(root: string, base: string, port: number): Promise<Server> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://host').pathname
    const inside = path.startsWith(base) ? path.slice(base.length) : undefined
    let file = inside === undefined ? undefined : normalize(join(root, inside))
    if (file !== undefined && !file.startsWith(root)) file = undefined
    if (file !== undefined && existsSync(file) && statSync(file).isDirectory()) {
      file = join(file, 'index.html')
    }
    const found = file !== undefined && existsSync(file) ? file : undefined
    const served = found ?? join(root, '404.html')
    response.writeHead(found === undefined ? 404 : 200, {
      'content-type': TYPES[extname(served)] ?? 'application/octet-stream',
    })
    createReadStream(served).pipe(response)
  })
  return new Promise((resolve) =>
    server.listen(port, '127.0.0.1', () => {
      resolve(server)
    }),
  )
}
