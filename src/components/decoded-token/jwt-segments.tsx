import type { CharSpan } from '../../jwt/claim-spans'
import type { JwtSegments as Segments } from '../../jwt/decode-jwt'

export interface JwtSegmentsProps {
  segments: Segments
  /** Names the list for assistive technology, e.g. "ID token". */
  tokenName: string
  /** The characters of the payload to light up: those of the claim being pointed at. */
  highlight?: CharSpan
}

function Payload({ text, highlight }: { text: string; highlight: CharSpan | undefined }) {
  if (highlight === undefined) return <>{text}</>
  return (
    <>
      {text.slice(0, highlight.start)}
      <mark className="jwt-segment__highlight">{text.slice(highlight.start, highlight.end)}</mark>
      {text.slice(highlight.end)}
    </>
  )
}

/**
 * The raw token split at its dots, each segment coloured and labelled in words, so the structure of a
 * JWS (RFC 7515 §7.1) is visible without relying on colour.
 */
export function JwtSegments({ segments, tokenName, highlight }: JwtSegmentsProps) {
  return (
    <ol className="jwt-segments" aria-label={`${tokenName} segments`}>
      <li className="jwt-segment jwt-segment--header">
        <span className="jwt-segment__label">Header</span>
        <code className="jwt-segment__text">
          {segments.header}
          <span className="jwt-segment__dot">.</span>
        </code>
      </li>
      <li className="jwt-segment jwt-segment--payload">
        <span className="jwt-segment__label">Payload</span>
        <code className="jwt-segment__text">
          <Payload text={segments.payload} highlight={highlight} />
          <span className="jwt-segment__dot">.</span>
        </code>
      </li>
      <li className="jwt-segment jwt-segment--signature">
        <span className="jwt-segment__label">Signature</span>
        {segments.signature === '' ? (
          <em className="jwt-segment__text">(empty: this token is not signed at all)</em>
        ) : (
          <code className="jwt-segment__text">{segments.signature}</code>
        )}
      </li>
    </ol>
  )
}
