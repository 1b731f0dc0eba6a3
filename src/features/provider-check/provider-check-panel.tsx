/**
 * "Check this provider", the part that needs no sign-in: one button runs every metadata, key-set and
 * CORS check against the configured provider and shows a report card, each check with its outcome,
 * what was seen, the spec it comes from, what to change at the provider and the requests it was
 * judged on. The report copies as Markdown or JSON. It is kept in this page only.
 */
import { useEffect, useRef, useState } from 'react'

import { ErrorDetails } from '../../components/errors/error-details'
import { HttpExchangeView } from '../../components/http/http-exchange-view'
import { CopyButton } from '../../components/ui/copy-button'
import { Disclosure } from '../../components/ui/disclosure'
import { focusOnArrival } from '../../components/ui/focus-on-arrival'
import { asOidcError } from '../../oidc'
import type {
  OidcError,
  ProviderCheckInput,
  ProviderCheckReport,
  ProviderCheckRunOptions,
  ReportedCheck,
} from '../../oidc'
import './provider-check.css'
import { countsSentence, OUTCOME_WORDS, reportJson, reportMarkdown } from './report-export'

export interface ProviderCheckPanelProps extends ProviderCheckInput {
  run: (input: ProviderCheckInput, options: ProviderCheckRunOptions) => Promise<ProviderCheckReport>
}

type RunState =
  | { status: 'idle' }
  | { status: 'running'; doing: string; controller: AbortController }
  | { status: 'done'; report: ProviderCheckReport }
  | { status: 'failed'; error: OidcError }

/** Shown as the values arrived: masked where they carry credentials, never markup. */
const asIs = (text: string) => text

function CheckItem({ check }: { check: ReportedCheck }) {
  return (
    <li
      className={`provider-check__item provider-check__item--${check.outcome}`}
      data-check={check.id}
    >
      <h4>
        <span className="provider-check__outcome">{OUTCOME_WORDS[check.outcome]}</span>
        {check.title}
      </h4>
      <p>{check.finding}</p>
      {check.fix === undefined ? null : (
        <p>
          <strong>What to change at the provider:</strong> {check.fix}
        </p>
      )}
      <p className="provider-check__spec">From {check.spec}</p>
      {check.evidence.length === 0 ? null : (
        <Disclosure
          id={`provider-check-evidence-${check.id}`}
          summary={`Evidence: ${check.evidence.map((exchange) => `${exchange.method} ${exchange.status === undefined ? 'no answer' : String(exchange.status)}`).join(', ')}`}
        >
          {check.evidence.map((exchange) => (
            <HttpExchangeView
              key={`${exchange.method} ${exchange.url}`}
              exchange={exchange}
              show={asIs}
            />
          ))}
        </Disclosure>
      )}
    </li>
  )
}

function Report({ report }: { report: ProviderCheckReport }) {
  return (
    <section aria-labelledby="provider-check-report-title" className="provider-check__report">
      <h3 id="provider-check-report-title" tabIndex={-1} ref={focusOnArrival}>
        Report for <code>{report.issuer}</code>
      </h3>
      <p data-testid="provider-check-summary">
        {report.stopped ? 'Stopped before the end. ' : ''}
        {countsSentence(report)} Client <code>{report.clientId}</code>, from{' '}
        <code>{report.origin}</code>. Made-up code, verifier and token values are masked in the
        evidence and the exports.
      </p>
      <div className="provider-check__actions">
        <CopyButton text={reportMarkdown(report)} label="Copy report as Markdown" />
        <CopyButton text={reportJson(report)} label="Copy report as JSON" />
      </div>
      <ol className="provider-check__list" aria-label="Checks">
        {report.checks.map((check) => (
          <CheckItem key={check.id} check={check} />
        ))}
      </ol>
    </section>
  )
}

export function ProviderCheckPanel(props: ProviderCheckPanelProps) {
  const [state, setState] = useState<RunState>({ status: 'idle' })
  const running = useRef<AbortController>(undefined)
  useEffect(
    () => () => {
      running.current?.abort()
    },
    [],
  )
  const { issuer, clientId, redirectUri, run } = props

  function start() {
    const controller = new AbortController()
    running.current = controller
    setState({ status: 'running', doing: 'Starting…', controller })
    run(
      { issuer, clientId, redirectUri },
      {
        signal: controller.signal,
        onProgress: (doing) => {
          if (running.current === controller) setState({ status: 'running', doing, controller })
        },
      },
    ).then(
      (report) => {
        if (running.current === controller) setState({ status: 'done', report })
      },
      (error: unknown) => {
        if (running.current === controller) {
          setState({ status: 'failed', error: asOidcError(error, 'discovery') })
        }
      },
    )
  }

  return (
    <div className="provider-check">
      <p>
        Reads the discovery document and the key set from this page and sends each endpoint the
        browser calls one harmless request (a made-up code, no token, a made-up token to revoke), to
        see what a browser app can rely on. Nothing is sent anywhere but{' '}
        <code>{issuer || 'the issuer'}</code>, and nothing is kept.
      </p>
      <div className="provider-check__actions">
        <button type="button" onClick={start} disabled={state.status === 'running'}>
          Check this provider
        </button>
        {state.status === 'running' ? (
          <>
            <span className="progress-line" role="status" data-testid="provider-check-progress">
              <span className="spinner" aria-hidden="true" />
              {state.doing}
            </span>
            <button
              type="button"
              onClick={() => {
                state.controller.abort()
              }}
            >
              Stop
            </button>
          </>
        ) : null}
      </div>
      {state.status === 'failed' ? (
        <ErrorDetails error={state.error} role="alert" headingLevel={3} arrivalRef={focusOnArrival}>
          <p>The check did not run: nothing was judged.</p>
          <button
            type="button"
            onClick={() => {
              setState({ status: 'idle' })
            }}
          >
            Dismiss
          </button>
        </ErrorDetails>
      ) : null}
      {state.status === 'done' ? <Report report={state.report} /> : null}
    </div>
  )
}
