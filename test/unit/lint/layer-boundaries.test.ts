/**
 * The layer rules are real: files that import against the layers, through the project's own ESLint
 * configuration, each fail with boundaries/dependencies, and a file that keeps to them passes. The
 * files are linted as text under paths in src/, so nothing wrong is ever written to the tree.
 */
import { ESLint } from 'eslint'
import tseslint from 'typescript-eslint'
import { describe, expect, it } from 'vitest'

// Type-aware rules need the file in a tsconfig; these files exist only as text.
const eslint = new ESLint({ overrideConfig: [tseslint.configs.disableTypeChecked] })

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'boundaries/dependencies')
    .map((message) => message.message)
}

describe('layer boundaries', { timeout: 120_000 }, () => {
  it.each([
    ['oidc → session', 'src/oidc/wrong.ts', "export { createSession } from '../session'"],
    ['jwt → settings', 'src/jwt/wrong.ts', "export { DEFAULT_SETTINGS } from '../settings'"],
    ['config → react', 'src/config/wrong.ts', "export { useState } from 'react'"],
    ['components → app', 'src/components/wrong.tsx', "export { Home } from '../app/routes/home'"],
    [
      'lib → features',
      'src/lib/wrong.ts',
      "export { SignOutReport } from '../features/sign-out/sign-out-report'",
    ],
    [
      'a feature → another feature',
      'src/features/paste-token/wrong.tsx',
      "export { TokenInspector } from '../token-inspector/token-inspector'",
    ],
    [
      'session → react-dom, dynamically',
      'src/session/wrong.ts',
      "export const load = () => import('react-dom')",
    ],
    [
      'session → oauth4webapi',
      'src/session/wrong.ts',
      "export { generateRandomState } from 'oauth4webapi'",
    ],
    [
      'settings → session, dynamically',
      'src/settings/wrong.ts',
      "export const load = () => import('../session')",
    ],
  ])('refuses %s', async (_, filePath, code) => {
    expect(await boundaryErrors(filePath, code)).toHaveLength(1)
  })

  it.each([
    ['session → oidc', 'src/session/right.ts', "export { OidcError } from '../oidc'"],
    [
      'a feature → its own files',
      'src/features/paste-token/right.tsx',
      "export * from './paste-token-page'",
    ],
    [
      'a feature → components',
      'src/features/paste-token/right.tsx',
      "export { SpecLink } from '../../components/ui/spec-link'",
    ],
    [
      'app → a feature, dynamically',
      'src/app/right.ts',
      "export const load = () => import('../features/paste-token/paste-token-page')",
    ],
    [
      'oidc → oauth4webapi',
      'src/oidc/right.ts',
      "export { generateRandomState } from 'oauth4webapi'",
    ],
  ])('allows %s', async (_, filePath, code) => {
    expect(await boundaryErrors(filePath, code)).toEqual([])
  })
})

describe('import cycles', { timeout: 120_000 }, () => {
  async function cycleErrors(filePath: string, code: string): Promise<string[]> {
    const [result] = await eslint.lintText(code, { filePath })
    return (result?.messages ?? [])
      .filter((message) => message.ruleId === 'import-x/no-cycle')
      .map((message) => message.message)
  }

  // session.ts imports clock.ts: clock.ts importing session.ts back closes a cycle in one layer,
  // which the layer rule allows and the cycle rule does not.
  it('refuses an import that closes a cycle', async () => {
    const errors = await cycleErrors(
      'src/session/clock.ts',
      "export { createSession } from './session'\n",
    )
    expect(errors).toHaveLength(1)
    expect(
      await boundaryErrors('src/session/clock.ts', "export { createSession } from './session'\n"),
    ).toEqual([])
  })

  it('allows the same import where it closes none', async () => {
    expect(
      await cycleErrors('src/session/unused.ts', "export { createSession } from './session'\n"),
    ).toEqual([])
  })
})
