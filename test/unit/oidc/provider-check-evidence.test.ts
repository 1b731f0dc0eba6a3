/**
 * The provider check's evidence of a redirect: the URLs the frame or window was sent to and came back
 * to, with the code (and any token a hostile provider put in a fragment) masked by parameter name.
 */
import { describe, expect, it } from 'vitest'

import { maskedUrl } from '../../../src/oidc/provider-check-evidence'
import { reportMarkdown } from '../../../src/features/provider-check/report-export'
import { notChecked } from '../../../src/oidc/provider-checks'

describe('the provider check’s redirect evidence', () => {
  it('masks credential parameters in the query and the fragment, and keeps the rest', () => {
    const masked = maskedUrl(
      'https://app.example/callback?code=SplxlOBeZQQYbYS6WxSbIA&state=s1&iss=https%3A%2F%2Fop.example#access_token=eyJhbGciOi&token_type=Bearer',
    )
    expect(masked).not.toContain('SplxlOBeZQQYbYS6WxSbIA')
    expect(masked).not.toContain('eyJhbGciOi')
    expect(masked).toContain('code=%28masked%29')
    expect(masked).toContain('state=s1')
    expect(masked).toContain('token_type=Bearer')
  })

  it('puts where the browser was sent and came back in the Markdown of a check that did not pass', () => {
    const sent = 'https://op.example/auth?client_id=spa&prompt=none&state=s1'
    const markdown = reportMarkdown({
      issuer: 'https://op.example',
      clientId: 'spa',
      origin: 'https://app.example',
      startedAt: 0,
      finishedAt: 1,
      stopped: false,
      checks: [
        {
          ...notChecked('session-ended', 'Not checked: the hidden frame did not come back.'),
          evidence: [],
          navigation: { sent },
        },
      ],
    })
    expect(markdown).toContain(`The browser was sent to \` ${sent} \` and came back to nowhere`)
  })
})
