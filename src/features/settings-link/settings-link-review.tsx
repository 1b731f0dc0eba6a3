/**
 * What a settings link proposes, shown for the user to accept or refuse before it can steer a
 * sign-in: anyone can make a link, and one that names another issuer is how a mix-up attack starts
 * (RFC 9700 §4.4). Every value from the link is shown as a quoted value, never as the app's words.
 */
import { useEffect, useId, useRef } from 'react'

import type { ParsedSettingsLink, ProviderSettings } from '../../settings'
import { presetById } from '../../settings'

export interface SettingsLinkReviewProps {
  link: ParsedSettingsLink
  redirectUri: string
  onAccept: (settings: ProviderSettings) => void
  onRefuse: () => void
}

/** The issuer's host as the browser will reach it: punycode for an internationalised name. */
function issuerHost(issuer: string): { host: string; international: boolean } | undefined {
  if (!URL.canParse(issuer)) return undefined
  const { host } = new URL(issuer)
  return { host, international: host.split('.').some((label) => label.startsWith('xn--')) }
}

export function SettingsLinkReview({
  link,
  redirectUri,
  onAccept,
  onRefuse,
}: SettingsLinkReviewProps) {
  const headingId = useId()
  const region = useRef<HTMLElement>(null)
  const { settings } = link
  const host = issuerHost(settings.issuer)
  useEffect(() => {
    region.current?.focus()
    region.current?.scrollIntoView({ block: 'nearest' })
  }, [])
  return (
    <section
      ref={region}
      tabIndex={-1}
      className="notice settings-link-review"
      role="alertdialog"
      aria-labelledby={headingId}
    >
      <h2 id={headingId}>A link proposes other provider settings</h2>
      <p>
        Nothing from the link is used until you accept it. Accept only a link from someone you
        trust: a link can send your sign-in to a provider of its choosing.
      </p>
      <dl className="settings-link-values">
        <dt>Issuer host (from the link)</dt>
        <dd>
          {host ? <code>{host.host}</code> : <q>{settings.issuer}</q>}
          {host?.international && (
            <strong>
              {' '}
              An internationalised name, shown as the browser reaches it: compare it letter by
              letter with your provider&rsquo;s.
            </strong>
          )}
        </dd>
        <dt>Issuer URL (from the link)</dt>
        <dd>
          <code>{settings.issuer}</code>
        </dd>
        <dt>Preset</dt>
        <dd>{presetById(settings.preset)?.label ?? settings.preset}</dd>
        <dt>client_id (from the link)</dt>
        <dd>
          <code>{settings.clientId}</code>
        </dd>
        <dt>Scopes (from the link)</dt>
        <dd>
          <code>{settings.scope}</code>
        </dd>
        <dt>Extra parameters (from the link)</dt>
        <dd>
          {settings.extraParams.length === 0 ? (
            'none'
          ) : (
            <ul>
              {settings.extraParams.map(({ name, value }, index) => (
                <li key={`${name}-${String(index)}`}>
                  <code>{name}</code> = <code>{value}</code>
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>Pushed authorization request (from the link)</dt>
        <dd>{settings.pushedAuthorization ? 'on (RFC 9126)' : 'off'}</dd>
        <dt>DPoP (from the link)</dt>
        <dd>{settings.dpop ? 'on (RFC 9449)' : 'off'}</dd>
      </dl>
      {link.droppedPreset !== undefined && (
        <p>
          The link names the {link.droppedPreset} preset with another issuer, so these settings are
          Custom.
        </p>
      )}
      {link.refused.length > 0 && (
        <p>
          Ignored from the link, since a secret, a token or a parameter the flow sets itself never
          comes from a link:{' '}
          {link.refused.map((key, index) => (
            <span key={`${key}-${String(index)}`}>
              {index > 0 && ', '}
              <code>{key}</code>
            </span>
          ))}
        </p>
      )}
      {link.linkedRedirectUri !== undefined && link.linkedRedirectUri !== redirectUri && (
        <p>
          The link was made for the redirect URI <code>{link.linkedRedirectUri}</code>; here it is{' '}
          <code>{redirectUri}</code>. Register this one at the provider too.
        </p>
      )}
      <div className="actions">
        <button
          type="button"
          className="primary"
          onClick={() => {
            onAccept(settings)
          }}
        >
          Use these settings
        </button>
        <button type="button" onClick={onRefuse}>
          Keep my settings
        </button>
      </div>
    </section>
  )
}
