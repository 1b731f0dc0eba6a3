import { useState } from 'react'

import { CopyButton } from '../../components/ui/copy-button'
import { Disclosure } from '../../components/ui/disclosure'
import { SpecLink } from '../../components/ui/spec-link'
import type { HttpExchange } from '../../oidc'
import type { CheckOutcome, TimelineEntry } from '../../session'
import { curlCommand } from '../../components/http/curl-command'
import { HttpExchangeView } from '../../components/http/http-exchange-view'
import { maskSecrets } from '../../components/http/mask-secrets'
import { DpopProofView } from './dpop-proof-view'
import { PARAMETER_EXPLANATIONS } from './parameter-explanations'
import { PkceProof } from './pkce-proof'

const OUTCOME_WORDS: Record<TimelineEntry['outcome'], string> = {
  ok: 'ok',
  failed: 'failed',
  waiting: 'waiting',
}

const CHECK_WORDS: Record<CheckOutcome, string> = {
  passed: 'Passed',
  failed: 'Failed',
  'not-applicable': 'Not applicable',
}

let timeOfDayFormat: Intl.DateTimeFormat | undefined

/**
 * The raw exchange in one line (the discovery document, a key set and token responses are long):
 * method, path, status and time. The path only: the query may carry what the full view masks.
 */
function httpSummary(exchange: HttpExchange): string {
  const path = URL.canParse(exchange.url) ? new URL(exchange.url).pathname : ''
  const answer =
    exchange.status === undefined
      ? 'no answer'
      : `${String(exchange.status)} (${String(Math.round(exchange.durationMs))} ms)`
  return `Raw HTTP: ${exchange.method} ${path} → ${answer}`
}

function timeOfDay(epochMs: number): string {
  // Made once: toLocaleTimeString builds a new formatter on every call, for every entry.
  timeOfDayFormat ??= new Intl.DateTimeFormat(undefined, { timeStyle: 'medium', hour12: false })
  return timeOfDayFormat.format(epochMs)
}

/** One step of the run: what was sent, what came back, what was checked. */
export function TimelineEntryView(props: { entry: TimelineEntry; current: boolean }) {
  const { entry } = props
  const [revealed, setRevealed] = useState(false)
  const secrets = entry.secrets ?? []
  const show = (text: string) => maskSecrets(text, secrets, revealed)
  const curl = entry.http ? curlCommand(entry.http, show) : undefined
  return (
    <article
      id={entry.id}
      className={`timeline-entry timeline-entry--${entry.outcome}`}
      aria-labelledby={`${entry.id}-title`}
      aria-current={props.current ? 'step' : undefined}
    >
      <h3 id={`${entry.id}-title`}>
        {entry.title} <span className="timeline-outcome">— {OUTCOME_WORDS[entry.outcome]}</span>
      </h3>
      <p className="hint">
        {timeOfDay(entry.at)}
        {entry.http ? ` · ${entry.http.durationMs} ms` : ''}
        {entry.http?.status !== undefined ? ` · HTTP ${entry.http.status}` : ''}
      </p>
      {entry.error && (
        <p className="timeline-error">
          Failed: <code>{entry.error.code}</code> — {entry.error.message}
        </p>
      )}
      {entry.url !== undefined && (
        <>
          <p>The browser was sent to:</p>
          <pre className="timeline-url">{show(entry.url)}</pre>
        </>
      )}
      {entry.parameters && entry.parameters.length > 0 && (
        <table className="timeline-parameters">
          <caption>Parameters</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Value</th>
              <th scope="col">Meaning</th>
            </tr>
          </thead>
          <tbody>
            {entry.parameters.map(([name, value], index) => {
              const explanation = PARAMETER_EXPLANATIONS.get(name)
              return (
                <tr key={`${name}-${String(index)}`}>
                  <th scope="row">
                    <code>{name}</code>
                  </th>
                  <td>
                    <code>{show(value)}</code>
                  </td>
                  <td>
                    {explanation ? (
                      <>
                        {explanation.meaning}{' '}
                        <SpecLink href={explanation.specUrl}>{explanation.spec}</SpecLink>
                      </>
                    ) : (
                      'A parameter of this provider or application.'
                    )}
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
      {entry.pkce && <PkceProof pkce={entry.pkce} />}
      {entry.checks && entry.checks.length > 0 && (
        <>
          <h4>Checks</h4>
          <ul className="timeline-checks">
            {entry.checks.map((check) => (
              <li key={check.name}>
                <strong>{CHECK_WORDS[check.outcome]}:</strong> {check.name}
                {check.detail ? <span className="hint"> — {check.detail}</span> : null}
              </li>
            ))}
          </ul>
        </>
      )}
      {entry.earlierHttp?.map((earlier, index) => (
        <div key={`earlier-${String(index)}`}>
          <DpopProofView exchange={earlier} previous={entry.earlierHttp?.[index - 1]} />
          <Disclosure
            id={`http-${entry.id}-earlier-${String(index)}`}
            summary={`Earlier attempt: ${httpSummary(earlier)}`}
          >
            <HttpExchangeView exchange={earlier} show={show} />
          </Disclosure>
        </div>
      ))}
      {entry.http && (
        <>
          <DpopProofView exchange={entry.http} previous={entry.earlierHttp?.at(-1)} />
          <Disclosure id={`http-${entry.id}`} summary={httpSummary(entry.http)}>
            <HttpExchangeView exchange={entry.http} show={show} />
          </Disclosure>
          <div className="timeline-actions">
            {secrets.length > 0 && (
              <button
                type="button"
                aria-pressed={revealed}
                onClick={() => {
                  setRevealed(!revealed)
                }}
              >
                Reveal tokens and secrets
              </button>
            )}
            {curl?.ok === true && <CopyButton text={curl.command} label="Copy as curl" />}
          </div>
          {curl?.ok === false && <p className="hint">{curl.reason}</p>}
          {secrets.length > 0 && !revealed && (
            <p className="hint">
              Tokens and secrets are masked, in the curl command too, until you reveal them.
            </p>
          )}
        </>
      )}
    </article>
  )
}
