import { SpecLink } from '../ui/spec-link'
import type { EncryptedJwt, MalformedJwt, SegmentName } from '../../jwt/decode-jwt'
import { HeaderTable } from './header-table'
import { JwtSegments } from './jwt-segments'

export interface UndecodedTokenProps {
  decoded: EncryptedJwt | MalformedJwt
  /** e.g. "ID token"; names the lists and tables. */
  tokenName: string
}

const RFC_7516 = 'https://www.rfc-editor.org/rfc/rfc7516'

// RFC 7516 §7.1: the five parts of a JWE in compact serialization, in order.
const JWE_PARTS = [
  'Protected header',
  'Encrypted key',
  'Initialization vector',
  'Ciphertext',
  'Authentication tag',
] as const

const SEGMENT_LABELS: Record<SegmentName, string> = {
  header: 'Header',
  payload: 'Payload',
  signature: 'Signature',
}

/** Why a token that looks like a JWT cannot be shown decoded, and as much of it as can be read. */
export function UndecodedToken({ decoded, tokenName }: UndecodedTokenProps) {
  return decoded.kind === 'jwe' ? (
    <EncryptedToken decoded={decoded} tokenName={tokenName} />
  ) : (
    <MalformedToken decoded={decoded} tokenName={tokenName} />
  )
}

function EncryptedToken({ decoded, tokenName }: { decoded: EncryptedJwt; tokenName: string }) {
  return (
    <>
      <p>
        This token is encrypted: it is a JWE with five segments (
        <SpecLink href={`${RFC_7516}#section-7.1`}>RFC 7516 §7.1</SpecLink>). Its header is
        readable, base64url JSON like a signed token&rsquo;s, but its content can be read only with
        the recipient&rsquo;s key (a private key, or a shared secret when &quot;alg&quot; is
        &quot;dir&quot;), so there is no payload to show here.
      </p>
      <ol className="jwt-segments" aria-label={`${tokenName} segments`}>
        {JWE_PARTS.map((label, index) => {
          const segment = decoded.segments[index] ?? ''
          return (
            <li key={label} className="jwt-segment">
              <span className="jwt-segment__label">{label}</span>
              {segment === '' ? (
                <em className="jwt-segment__text">(empty)</em>
              ) : (
                <code className="jwt-segment__text">{segment}</code>
              )}
              {index < JWE_PARTS.length - 1 && <span className="jwt-segment__dot">.</span>}
            </li>
          )
        })}
      </ol>
      {decoded.header === undefined ? (
        <p>The protected header could not be read either. {decoded.headerProblem}</p>
      ) : (
        <>
          <h3>Decoded protected header</h3>
          <pre className="decoded-json">
            <code>{JSON.stringify(decoded.header, null, 2)}</code>
          </pre>
          <HeaderTable
            caption={`${tokenName} protected header parameters`}
            header={decoded.header}
          />
        </>
      )}
    </>
  )
}

function MalformedToken({ decoded, tokenName }: { decoded: MalformedJwt; tokenName: string }) {
  const problemOf = (segment: SegmentName) =>
    decoded.problems.find((problem) => problem.segment === segment)?.message
  const fine: Record<SegmentName, string> = {
    // No problem means the segment decoded, and every decoded segment is shown below.
    header: 'Readable: base64url-encoded JSON, shown below.',
    payload: 'Readable: base64url-encoded JSON, shown below.',
    signature:
      decoded.segments.signature === ''
        ? 'Empty: the token claims to be unsigned.'
        : 'Base64url, as it should be (its value is not checked here).',
  }
  return (
    <>
      <JwtSegments segments={decoded.segments} tokenName={tokenName} />
      <p>
        This token has three segments like a JWT, but it could not be decoded. Part by part (
        <SpecLink href="https://www.rfc-editor.org/rfc/rfc7519#section-7.2">RFC 7519 §7.2</SpecLink>
        ):
      </p>
      <ul className="malformed-parts" aria-label={`${tokenName} part by part`}>
        {(['header', 'payload', 'signature'] as const).map((segment) => (
          <li key={segment}>
            <strong>{SEGMENT_LABELS[segment]}:</strong> {problemOf(segment) ?? fine[segment]}
          </li>
        ))}
      </ul>
      {decoded.invalidJson !== undefined && (
        <>
          <h3>The {decoded.invalidJson.segment} as text</h3>
          <pre className="decoded-json">
            <code>{decoded.invalidJson.text}</code>
          </pre>
        </>
      )}
      {decoded.header !== undefined && (
        <>
          <h3>Decoded header</h3>
          <pre className="decoded-json">
            <code>{JSON.stringify(decoded.header, null, 2)}</code>
          </pre>
        </>
      )}
      {decoded.payload !== undefined && (
        <>
          <h3>Decoded payload</h3>
          <pre className="decoded-json">
            <code>{JSON.stringify(decoded.payload, null, 2)}</code>
          </pre>
        </>
      )}
    </>
  )
}
