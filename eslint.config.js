import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const frameworkFree = {
  paths: [
    {
      name: 'react',
      message: 'src/oidc, src/jwt, src/session and src/settings must stay framework-free.',
    },
    {
      name: 'react-dom',
      message: 'src/oidc, src/jwt, src/session and src/settings must stay framework-free.',
    },
    {
      name: 'react-router',
      message: 'src/oidc, src/jwt, src/session and src/settings must stay framework-free.',
    },
  ],
}
const oauth4webapiOnlyInOidc = {
  name: 'oauth4webapi',
  message: 'Only src/oidc talks to oauth4webapi: call the functions it exports instead.',
}

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
    ignores: ['src/oidc/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [oauth4webapiOnlyInOidc] }] },
  },
  {
    files: ['src/oidc/**', 'src/jwt/**', 'src/session/**', 'src/settings/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...frameworkFree.paths],
          patterns: [
            {
              group: ['**/lib/*', '**/components/*', '**/features/*', '**/app/*'],
              message: 'Imports point one way: the UI layers sit above this one.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/jwt/**', 'src/session/**', 'src/settings/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...frameworkFree.paths, oauth4webapiOnlyInOidc],
          patterns: [
            {
              group: ['**/lib/*', '**/components/*', '**/features/*', '**/app/*'],
              message: 'Imports point one way: the UI layers sit above this one.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['provider/**', 'test/**', '*.config.ts', '*.config.js'],
    languageOptions: { globals: globals.node },
  },
)
