/**
 * The import graph of src/, read by madge (static imports, re-exports and dynamic import(); type-only
 * imports leave nothing at run time and are skipped): no cycle, and every import goes to the same
 * layer or one below it, by the layers the lint configuration enforces (read from it). A second, independent reading of
 * what the lint rules check file by file; the cycle check is shown to find a cycle when there is one.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { ESLint } from 'eslint'
import madge from 'madge'
import { describe, expect, it } from 'vitest'

const OPTIONS = {
  fileExtensions: ['ts', 'tsx'],
  tsConfig: 'tsconfig.app.json',
  detectiveOptions: { ts: { skipTypeImports: true }, tsx: { skipTypeImports: true } },
}

/** The layer of a file under src/, named as in eslint.config.js; features keep their name. */
function layerOf(file: string): { layer: string; feature?: string } {
  const [top, next] = file.split('/')
  if (next === undefined) return { layer: 'main' }
  if (top === 'features') return { layer: 'feature', feature: next }
  return { layer: String(top) }
}

interface LayerPolicy {
  from?: { element?: { type?: string } }
  allow?: { to?: { element?: { types?: { anyOf?: string[] } } } }
}

/** What each layer may import, read from the boundaries rule of the lint configuration itself. */
async function allowedByLint(): Promise<Map<string, Set<string>>> {
  const config = (await new ESLint().calculateConfigForFile('src/main.tsx')) as {
    rules: Record<string, [unknown, { policies: LayerPolicy[] }]>
  }
  const policies = config.rules['boundaries/dependencies']?.[1].policies ?? []
  return new Map(
    policies.flatMap((policy) => {
      const layer = policy.from?.element?.type
      const below = policy.allow?.to?.element?.types?.anyOf
      return layer && below ? [[layer, new Set(below)] as const] : []
    }),
  )
}

describe('the import graph of src/', { timeout: 120_000 }, () => {
  it('has no cycle and no import against the layers', async () => {
    const allowed = await allowedByLint()
    expect([...allowed.keys()]).toContain('session')
    const graph = await madge('src', OPTIONS)
    expect(graph.circular()).toEqual([])
    const edges = Object.entries(graph.obj()).flatMap(([from, imports]) =>
      imports.map((to) => [from, to] as const),
    )
    expect(edges.length).toBeGreaterThan(100)
    const wrong = edges.filter(([from, to]) => {
      const source = layerOf(from)
      const target = layerOf(to)
      if (source.feature && target.feature) return source.feature !== target.feature
      return !allowed.get(source.layer)?.has(target.layer)
    })
    expect(wrong).toEqual([])
  })

  it('finds a cycle when there is one', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'pkce-lab-cycle-'))
    try {
      await writeFile(path.join(folder, 'a.ts'), "export { b } from './b'\nexport const a = 1\n")
      await writeFile(path.join(folder, 'b.ts'), "export { a } from './a'\nexport const b = 2\n")
      const graph = await madge(folder, { fileExtensions: ['ts'] })
      expect(graph.circular()).toEqual([['a.ts', 'b.ts']])
    } finally {
      await rm(folder, { recursive: true, force: true })
    }
  })
})
