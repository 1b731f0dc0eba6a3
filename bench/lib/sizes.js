/**
 * What a built site makes a first visit download: the entry script, every chunk it imports statically
 * (the modulepreloads, and their own static imports), and the stylesheets linked from index.html;
 * each raw, gzip (level 9) and brotli (quality 11). Total JS is every .js file the build wrote.
 */
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

/** @typedef {{ raw: number, gzip: number, brotli: number }} Size */
/** @typedef {{ files: string[] } & Size} SizedFiles */
/**
 * @typedef {object} SiteSizes
 * @property {SizedFiles} initialJs
 * @property {SizedFiles} initialCss
 * @property {SizedFiles} totalJs
 */

/** @param {Buffer} content @returns {Size} */
export function sizeOf(content) {
  return {
    raw: content.length,
    gzip: gzipSync(content, { level: 9 }).length,
    brotli: brotliCompressSync(content, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
      },
    }).length,
  }
}

/**
 * Sizes each file alone (as a server sends them) and adds them up.
 * @param {string} dir
 * @param {string[]} files paths relative to dir
 * @returns {Promise<SizedFiles>}
 */
async function sizeFiles(dir, files) {
  const total = { files, raw: 0, gzip: 0, brotli: 0 }
  for (const file of files) {
    const size = sizeOf(await readFile(path.join(dir, file)))
    total.raw += size.raw
    total.gzip += size.gzip
    total.brotli += size.brotli
  }
  return total
}

/** @param {string} html @param {RegExp} pattern */
function attributeValues(html, pattern) {
  return [...html.matchAll(pattern)].map((match) => /** @type {string} */ (match[1]))
}

/** A URL from index.html (absolute under base, or relative) as a path inside the build folder. */
function localPath(/** @type {string} */ url, /** @type {string} */ base) {
  const pathname = url.startsWith(base) ? url.slice(base.length) : url.replace(/^\.?\//, '')
  return path.posix.normalize(pathname)
}

const STATIC_IMPORT =
  /(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+\.js)["']/g

/**
 * The entry chunks and everything they import statically, by reading the chunks themselves, so a
 * static import without a modulepreload hint is counted too.
 * @param {string} dir
 * @param {string[]} entries
 */
async function staticClosure(dir, entries) {
  const seen = new Set(entries)
  const queue = [...entries]
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    const code = await readFile(path.join(dir, file), 'utf8')
    for (const specifier of attributeValues(code, STATIC_IMPORT)) {
      if (!specifier.startsWith('.')) continue
      const target = path.posix.join(path.posix.dirname(file), specifier)
      if (!seen.has(target)) {
        seen.add(target)
        queue.push(target)
      }
    }
  }
  return [...seen]
}

/** @param {string} dir @returns {Promise<string[]>} */
async function allJs(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.js'))
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .map((file) => file.split(path.sep).join('/'))
    .sort()
}

/**
 * @param {string} dir a Vite build folder with index.html
 * @param {string} [base] the base path the site was built with
 * @returns {Promise<SiteSizes>}
 */
export async function measureSite(dir, base = '/') {
  const html = await readFile(path.join(dir, 'index.html'), 'utf8')
  const entries = attributeValues(html, /<script[^>]*type="module"[^>]*src="([^"]+)"/g)
  const preloads = attributeValues(html, /<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)
  const styles = attributeValues(html, /<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)
  const initial = await staticClosure(
    dir,
    [...entries, ...preloads].map((url) => localPath(url, base)),
  )
  return {
    initialJs: await sizeFiles(dir, initial),
    initialCss: await sizeFiles(
      dir,
      styles.map((url) => localPath(url, base)),
    ),
    totalJs: await sizeFiles(dir, await allJs(dir)),
  }
}
