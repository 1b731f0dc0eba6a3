import js from '@eslint/js'
import boundaries from 'eslint-plugin-boundaries'
import importX, { createNodeResolver } from 'eslint-plugin-import-x'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/**
 * The layers of src/, lowest first: each may import only the layers before it (and its own files).
 * Features are one element each and never import one another. Checked for static imports,
 * re-exports and dynamic import() alike, by eslint-plugin-boundaries.
 */
const LAYERS = [
  ['config', []],
  ['oidc', ['config']],
  ['jwt', ['config']],
  ['settings', ['config']],
  ['session', ['config', 'oidc', 'jwt', 'settings']],
  ['lib', ['config', 'oidc', 'jwt', 'settings', 'session']],
  ['components', ['config', 'oidc', 'jwt', 'settings', 'session', 'lib']],
  ['feature', ['config', 'oidc', 'jwt', 'settings', 'session', 'lib', 'components']],
  ['app', ['config', 'oidc', 'jwt', 'settings', 'session', 'lib', 'components', 'feature']],
  ['main', ['config', 'oidc', 'jwt', 'settings', 'session', 'lib', 'components', 'feature', 'app']],
]
/** Layers that stay free of React, so the protocol and the lifecycle run and test without it. */
const FRAMEWORK_FREE = ['config', 'oidc', 'jwt', 'settings', 'session']
const FRAMEWORK = ['react', 'react-dom', 'react-dom/*', 'react-router', 'react/*']

const boundariesSettings = {
  'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js'] } },
  'boundaries/dependency-nodes': ['import', 'dynamic-import', 'export'],
  'boundaries/legacy-warnings': false,
  'boundaries/elements': [
    { type: 'feature', pattern: 'src/features/*', capture: ['name'] },
    ...LAYERS.filter(([type]) => type !== 'main' && type !== 'feature').map(([type]) => ({
      type,
      pattern: `src/${type}`,
    })),
    // The files at the top of src/: main.tsx and the types of import.meta.env. Elements are folders
    // in this plugin's newer vocabulary, which has no word yet for a file at a folder's top.
    { type: 'main', pattern: 'src/*.{ts,tsx}', mode: 'file' },
  ],
}

const boundariesRule = [
  'error',
  {
    default: 'disallow',
    // React and oauth4webapi are packages: their imports are checked too, not only the layers'.
    checkAllOrigins: true,
    policies: [
      ...LAYERS.map(([type, below]) => ({
        from: { element: { type } },
        allow: { to: { element: { types: { anyOf: [type, ...below] } } } },
      })),
      // A feature's own files, not another feature's.
      {
        from: { element: { type: 'feature' } },
        disallow: {
          to: {
            element: {
              type: 'feature',
              captured: { name: '!{{ from.element.captured.name }}' },
            },
          },
        },
      },
      { allow: { to: { module: { origin: ['external', 'core'] } } } },
      {
        from: { element: { types: { anyOf: FRAMEWORK_FREE } } },
        disallow: { to: { module: { origin: 'external', source: FRAMEWORK } } },
      },
      {
        from: { element: { type: '!oidc' } },
        disallow: { to: { module: { origin: 'external', source: 'oauth4webapi' } } },
      },
    ],
  },
]

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'bench/.out'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
    },
  },
  {
    files: ['**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    files: ['src/**/*.{ts,tsx}', 'test/component/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { boundaries },
    settings: boundariesSettings,
    rules: {
      'boundaries/dependencies': boundariesRule,
      'boundaries/no-unknown-files': 'error',
    },
  },
  {
    // No import cycle, through any number of files; type-only imports leave no trace at run time.
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })],
    },
    rules: { 'import-x/no-cycle': 'error' },
  },
  {
    files: ['provider/**', 'test/**', '*.config.ts', '*.config.js'],
    languageOptions: { globals: globals.node },
  },
)
