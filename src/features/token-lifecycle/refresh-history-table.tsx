import type { RefreshRecord } from '../../session'
import { explainError } from '../../components/errors/error-explanations'
import { formatTimeOfDay, STRATEGY_SHORT_WORDS, TRIGGER_WORDS } from './lifecycle-words'

export interface RefreshHistoryTableProps {
  /** Newest first, as the session keeps it. */
  history: readonly RefreshRecord[]
}

function rotatedWords(rotated: boolean | undefined): string {
  if (rotated === undefined) return '—'
  return rotated ? 'yes — the old refresh token is now useless' : 'no'
}

/** Every renewal of this session, newest first, with fingerprints instead of tokens. */
export function RefreshHistoryTable({ history }: RefreshHistoryTableProps) {
  if (history.length === 0) {
    return (
      <>
        <p>
          <strong>Refresh history:</strong> no refresh yet.
        </p>
      </>
    )
  }
  return (
    <>
      {/* Focusable so that keyboard users can scroll it sideways on a narrow screen. */}
      <div
        className="refresh-history-scroll"
        role="group"
        aria-label="Refresh history, scrollable"
        tabIndex={0}
      >
        <table className="refresh-history">
          <caption>Refresh history</caption>
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Trigger</th>
              <th scope="col">Strategy</th>
              <th scope="col">Outcome</th>
              <th scope="col">Duration</th>
              <th scope="col">Access token fingerprint</th>
              <th scope="col">Refresh token fingerprint</th>
              <th scope="col">Refresh token rotated</th>
            </tr>
          </thead>
          <tbody>
            {history.map((record, index) => (
              // Records are only ever added in front, so counting from the oldest gives a stable key.
              <tr key={history.length - index}>
                <th scope="row">
                  <time dateTime={new Date(record.startedAt).toISOString()}>
                    {formatTimeOfDay(record.startedAt)}
                  </time>
                </th>
                <td>{TRIGGER_WORDS[record.trigger]}</td>
                <td>{STRATEGY_SHORT_WORDS[record.strategy]}</td>
                <td>
                  {record.outcome === 'ok' ? (
                    'ok'
                  ) : (
                    <strong className="refresh-history__failed">
                      failed
                      {record.error !== undefined && `: ${explainError(record.error).title}`}
                    </strong>
                  )}
                </td>
                <td>{Math.round(record.durationMs)} ms</td>
                <td>
                  {record.accessTokenFingerprint ? (
                    <code>{record.accessTokenFingerprint}</code>
                  ) : (
                    '—'
                  )}
                </td>
                <td>
                  {record.refreshTokenFingerprint ? (
                    <code>{record.refreshTokenFingerprint}</code>
                  ) : (
                    '—'
                  )}
                </td>
                <td>{rotatedWords(record.refreshTokenRotated)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="token-lifecycle__muted">
        A fingerprint is the first 8 hex digits of the token&rsquo;s SHA-256: it shows whether a
        token changed, never the token. A rotated refresh token replaces the old one, which the
        provider then refuses (RFC 9700 §4.14.2).
      </p>
    </>
  )
}
