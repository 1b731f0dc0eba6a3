/**
 * The provider check's panel: a progress line that says which request is under way, Stop, the
 * report taking the focus, and a failure to start told in an alert.
 */
import { cleanup, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'

import { ProviderCheckPanel } from '../../src/features/provider-check/provider-check-panel'
import { OidcError, PROVIDER_CHECKS } from '../../src/oidc'
import type { ProviderCheckReport, ProviderCheckRunOptions } from '../../src/oidc'
import { renderStrict } from '../support/render'

afterEach(() => {
  cleanup()
})

function report(stopped: boolean): ProviderCheckReport {
  return {
    issuer: 'https://op.example',
    clientId: 'spa',
    origin: 'https://app.example',
    startedAt: 0,
    finishedAt: 1,
    stopped,
    checks: PROVIDER_CHECKS.map((id) => ({
      id,
      title: `title of ${id}`,
      outcome: id === 'discovery-readable' ? 'pass' : 'not-checked',
      finding: id === 'discovery-readable' ? 'read' : 'Not checked: you stopped the check.',
      spec: 'RFC 8414 §3',
      evidence: [],
    })),
  }
}

describe('the provider check panel', () => {
  it('says what it is doing, stops when asked, and focuses the report', async () => {
    const user = userEvent.setup()
    let options: ProviderCheckRunOptions | undefined
    renderStrict(
      <ProviderCheckPanel
        issuer="https://op.example"
        clientId="spa"
        redirectUri="https://app.example/callback"
        run={(_input, given) => {
          options = given
          given.onProgress('Reading the key set (jwks_uri)…')
          return new Promise((resolve) => {
            given.signal.addEventListener('abort', () => {
              resolve(report(true))
            })
          })
        }}
      />,
    )
    await user.click(screen.getByRole('button', { name: 'Check this provider' }))
    expect(screen.getByRole('status').textContent).toBe('Reading the key set (jwks_uri)…')
    expect(screen.getByRole('button', { name: 'Check this provider' })).toHaveProperty(
      'disabled',
      true,
    )

    await user.click(screen.getByRole('button', { name: 'Stop' }))
    expect(options?.signal.aborted).toBe(true)
    const heading = await screen.findByRole('heading', { name: 'Report for https://op.example' })
    expect(document.activeElement).toBe(heading)
    expect(screen.getByTestId('provider-check-summary').textContent).toContain(
      'Stopped before the end. 1 passed, 0 failed, 0 with a warning, 16 not checked.',
    )
    expect(screen.queryByRole('button', { name: 'Stop' })).toBeNull()
  })

  it('tells a check that could not start in a focused alert', async () => {
    const user = userEvent.setup()
    renderStrict(
      <ProviderCheckPanel
        issuer="op.example"
        clientId="spa"
        redirectUri="https://app.example/callback"
        run={() =>
          Promise.reject(
            new OidcError('invalid_settings', 'settings', '"op.example" is not a URL', {
              check: 'issuer',
            }),
          )
        }
      />,
    )
    await user.click(screen.getByRole('button', { name: 'Check this provider' }))
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain('"op.example" is not a URL')
    expect(alert.textContent).toContain('The check did not run')
    expect(alert.contains(document.activeElement)).toBe(true)
  })
})
