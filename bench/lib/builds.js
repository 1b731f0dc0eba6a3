/**
 * The builds the benchmark measures, each with Vite's production defaults: PKCE Lab with the
 * project's own vite.config.ts (only the base path and the local issuers are set, as the dev plugin
 * sets them for `npm start`), the apps it is measured against (bench/react-app,
 * bench/oidc-context-app, bench/reference-app), and the React + react-dom + react-router baseline.
 */
import path from 'node:path'

import { build } from 'vite'

/** @typedef {Record<string, { id: string, bytes: number }[]>} ChunkModules file name → its modules */

/**
 * Notes which modules went into which chunk, from the bundle itself.
 * @param {ChunkModules} into
 * @returns {import('vite').Plugin}
 */
function recordChunkModules(into) {
  return {
    name: 'bench:chunk-modules',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const [fileName, output] of Object.entries(bundle)) {
        if (output.type !== 'chunk') continue
        into[fileName] = Object.entries(output.modules).map(([id, module]) => ({
          id,
          bytes: module.renderedLength,
        }))
      }
    },
  }
}

/**
 * @param {object} input
 * @param {string} input.repoRoot
 * @param {string} input.outDir
 * @param {string} input.localIssuer
 * @param {string} input.googleIssuer
 * @returns {Promise<ChunkModules>}
 */
export async function buildApp({ repoRoot, outDir, localIssuer, googleIssuer }) {
  /** @type {ChunkModules} */
  const chunkModules = {}
  await build({
    root: repoRoot,
    configFile: path.join(repoRoot, 'vite.config.ts'),
    base: '/',
    logLevel: 'error',
    define: {
      'import.meta.env.VITE_LOCAL_ISSUER': JSON.stringify(localIssuer),
      'import.meta.env.VITE_GOOGLE_LIKE_ISSUER': JSON.stringify(googleIssuer),
    },
    plugins: [recordChunkModules(chunkModules)],
    build: { outDir, emptyOutDir: true },
  })
  return chunkModules
}

/**
 * One of the apps PKCE Lab is measured against, from its folder in bench/.
 * @param {object} input
 * @param {string} input.benchDir
 * @param {'reference-app' | 'react-app' | 'oidc-context-app'} input.folder
 * @param {string} input.outDir
 * @param {string} input.localIssuer
 */
export async function buildPeer({ benchDir, folder, outDir, localIssuer }) {
  await build({
    configFile: path.join(benchDir, folder, 'vite.config.js'),
    logLevel: 'error',
    define: { 'import.meta.env.VITE_BENCH_ISSUER': JSON.stringify(localIssuer) },
    build: { outDir, emptyOutDir: true },
  })
}

/** @param {{ benchDir: string, outDir: string }} input */
export async function buildBaseline({ benchDir, outDir }) {
  await build({
    configFile: path.join(benchDir, 'baseline', 'vite.config.js'),
    logLevel: 'error',
    build: { outDir, emptyOutDir: true },
  })
}
