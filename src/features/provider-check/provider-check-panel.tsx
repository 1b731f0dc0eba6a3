/**
 * "Check this provider": signed out, one button runs every metadata, key-set and CORS check against
 * the configured provider; signed in, with the user's agreement, every check, ending with the
 * sign-out. The report card gives each check's outcome, what was seen, the spec it comes from, what
 * to change at the provider and the requests it was judged on, and copies as Markdown or JSON. The
 * run lives in the session (this page's memory only), so it goes on when the page signs out.
 */
import { ErrorDetails } from '../../components/errors/error-details'
import { HttpExchangeView } from '../../components/http/http-exchange-view'
import { CopyButton } from '../../components/ui/copy-button'
import { Disclosure } from '../../components/ui/disclosure'
import { focusOnArrival } from '../../components/ui/focus-on-arrival'
import { useProviderCheck, useSessionActions } from '../../lib/session-react'
import { useOpenSection } from '../../lib/view-react'
import { asOidcError } from '../../oidc'
import type { ProviderCheckInput, ProviderCheckReport, ReportedCheck } from '../../oidc'
import './provider-check.css'
import { countsSentence, OUTCOME_WORDS, reportJson, reportMarkdown } from './report-export'

/** Signed in, the check can run every part with this session's sign-in, once the user agrees. */
export type ProviderCheckPanelProps =
  { signedIn: true; issuer: string } | ({ signedIn: false } & ProviderCheckInput)

/** Shown as the values arrived: masked where they carry credentials, never markup. */
const asIs = (text: string) => text

function evidenceSummary(check: ReportedCheck): string {
  return `Evidence: ${[
    ...(check.navigation === undefined ? [] : ['a redirect']),
    ...check.evidence.map(
      (exchange) =>
        `${exchange.method} ${exchange.status === undefined ? 'no answer' : String(exchange.status)}`,
    ),
  ].join(', ')}`
}

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
      {check.evidence.length === 0 && check.navigation === undefined ? null : (
        <Disclosure id={`provider-check-evidence-${check.id}`} summary={evidenceSummary(check)}>
          {check.navigation === undefined ? null : (
            <dl className="provider-check__navigation">
              <dt>The browser was sent to</dt>
              <dd>
                <code>{check.navigation.sent}</code>
              </dd>
              <dt>It came back to</dt>
              <dd>
                {check.navigation.back === undefined ? (
                  'nowhere on this page'
                ) : (
                  <code>{check.navigation.back}</code>
                )}
              </dd>
            </dl>
          )}
          {check.evidence.map((exchange) => (
            <HttpExchangeView
              key={`${exchange.method} ${exchange.url} ${String(exchange.startedAt)}`}
              exchange={exchange}
              show={asIs}
            />
          ))}
        </Disclosure>
      )}
    </li>
  )
}

/** `arrived`: the report is what the user waits for, so it takes the focus when it comes. */
function Report({ report, arrived }: { report: ProviderCheckReport; arrived: boolean }) {
  return (
    <section aria-labelledby="provider-check-report-title" className="provider-check__report">
      <h3 id="provider-check-report-title" tabIndex={-1} ref={arrived ? focusOnArrival : undefined}>
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

function Intro({ issuer, signedIn }: { issuer: string; signedIn: boolean }) {
  const to = <code>{issuer || 'the issuer'}</code>
  return signedIn ? (
    <>
      <p>
        Checks everything a browser app depends on: the metadata, keys and CORS, then, with
        authorizations of its own in a hidden frame (prompt=none), whether PKCE is enforced, codes
        work once and only with their redirect_uri, refresh tokens rotate and a reused one is
        refused, revoked tokens stop working, and the sign-out really ends the session. Nothing is
        sent anywhere but {to}.
      </p>
      <p>
        <strong>It uses this sign-in:</strong> this page signs out at once and hands its tokens to
        the check, which spends and revokes them. At the end you confirm the sign-out in the
        provider&apos;s own window.
      </p>
    </>
  ) : (
    <p>
      Reads the discovery document and the key set from this page and sends each endpoint the
      browser calls one harmless request (a made-up code, no token, a made-up token to revoke), to
      see what a browser app can rely on. Nothing is sent anywhere but {to}, and nothing is kept.
      The checks of codes, refresh tokens, revocation and sign-out need a sign-in.
    </p>
  )
}

export function ProviderCheckPanel(props: ProviderCheckPanelProps) {
  const run = useProviderCheck()
  const session = useSessionActions()
  const [, setOpen] = useOpenSection('provider-check')
  const { issuer, signedIn } = props
  const running = run.status === 'running'

  return (
    <div className="provider-check">
      {running || run.status === 'sign-out-next' ? null : (
        <Intro issuer={issuer} signedIn={signedIn} />
      )}
      <div className="provider-check__actions">
        {running || run.status === 'sign-out-next' ? null : props.signedIn ? (
          <button
            type="button"
            onClick={() => {
              // The check goes on on the signed-out screen, in this part, open.
              setOpen(true)
              session.checkProviderWithSignIn()
            }}
          >
            Agree, and check every part
          </button>
        ) : (
          <button
            type="button"
            onClick={() => {
              const { clientId, redirectUri } = props
              session.checkProvider({ issuer, clientId, redirectUri })
            }}
          >
            Check this provider
          </button>
        )}
        {running ? (
          <>
            <span className="progress-line" role="status" data-testid="provider-check-progress">
              <span className="spinner" aria-hidden="true" />
              {run.doing}
            </span>
            <button type="button" onClick={session.stopProviderCheck}>
              Stop
            </button>
          </>
        ) : null}
      </div>
      {run.status === 'sign-out-next' ? (
        <div
          className="provider-check__last-step"
          role="group"
          aria-labelledby="provider-check-last-step"
        >
          <h3 id="provider-check-last-step" tabIndex={-1} ref={focusOnArrival}>
            Last step: sign out at the provider
          </h3>
          <p>
            Every token the check held is revoked. What is left is the sign-out: where the provider
            has an end-session endpoint, its sign-out page opens in a window of its own; confirm
            there, and the check asks the provider whether its session is really over.
          </p>
          <div className="provider-check__actions">
            <button
              type="button"
              className="primary"
              onClick={() => {
                void session.finishProviderCheck()
              }}
            >
              Sign out at the provider
            </button>
            <button type="button" onClick={session.stopProviderCheck}>
              Skip it, and leave the provider session open
            </button>
          </div>
        </div>
      ) : null}
      {run.status === 'failed' ? (
        <ErrorDetails
          error={asOidcError(run.error, 'discovery')}
          role="alert"
          headingLevel={3}
          arrivalRef={focusOnArrival}
        >
          <p>The check did not finish: nothing was judged.</p>
        </ErrorDetails>
      ) : null}
      {run.status === 'done' || run.status === 'sign-out-next' ? (
        <Report report={run.report} arrived={run.status === 'done'} />
      ) : null}
    </div>
  )
}
