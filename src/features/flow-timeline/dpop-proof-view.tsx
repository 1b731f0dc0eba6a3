/**
 * The DPoP proof a request carried (RFC 9449 §4), decoded and explained claim by claim, each compared
 * with the request it went with; `ath` is recomputed here from the access token the request sent,
 * while this page still holds it. A nonce challenge answered before it is said as such (§8).
 */
import { useEffect, useMemo, useState } from 'react'

import { SpecLink } from '../../components/ui/spec-link'
import { dpopAccessTokenHash, readDpopProof } from '../../jwt/dpop-proof'
import type { ProofField } from '../../jwt/dpop-proof'
import type { HttpExchange } from '../../oidc'

function header(headers: readonly [string, string][] | undefined, name: string) {
  return headers?.find(([candidate]) => candidate.toLowerCase() === name)?.[1]
}

/** The `error` of an OAuth error body (RFC 6749 §5.2), when the body is one. */
function bodyError(body: string | undefined): unknown {
  try {
    const parsed: unknown = JSON.parse(body ?? '')
    return typeof parsed === 'object' && parsed !== null
      ? (parsed as Record<string, unknown>).error
      : undefined
  } catch {
    return undefined
  }
}

/**
 * Whether an answer asked for a nonce (RFC 9449 §8, §9): a DPoP-Nonce header, with the error
 * use_dpop_nonce in its JSON body (token endpoint) or its DPoP challenge (resource server).
 */
function answeredUseDpopNonce(exchange: HttpExchange | undefined): boolean {
  if (exchange === undefined || header(exchange.responseHeaders, 'dpop-nonce') === undefined) {
    return false
  }
  const challenge = header(exchange.responseHeaders, 'www-authenticate') ?? ''
  return (
    bodyError(exchange.responseBody) === 'use_dpop_nonce' ||
    /^DPoP\b.*\berror="use_dpop_nonce"/i.test(challenge)
  )
}

function useAccessTokenHash(exchange: HttpExchange): string | undefined {
  const authorization = header(exchange.requestHeaders, 'authorization')
  const token = authorization?.startsWith('DPoP ') ? authorization.slice(5) : undefined
  const [hash, setHash] = useState<{ token: string; value: string }>()
  useEffect(() => {
    if (token === undefined) return
    let current = true
    void dpopAccessTokenHash(token).then((value) => {
      if (current) setHash({ token, value })
    })
    return () => {
      current = false
    }
  }, [token])
  return hash !== undefined && hash.token === token ? hash.value : undefined
}

function withAthCheck(fields: ProofField[], hash: string | undefined): ProofField[] {
  if (hash === undefined) return fields
  return fields.map((field) =>
    field.part === 'payload' && field.name === 'ath'
      ? {
          ...field,
          check:
            field.value === hash
              ? {
                  outcome: 'passed',
                  detail: 'the SHA-256 of the access token in this request, computed now',
                }
              : {
                  outcome: 'failed',
                  detail: `the SHA-256 of the access token in this request is ${hash}`,
                },
        }
      : field,
  )
}

export function DpopProofView(props: { exchange: HttpExchange; previous?: HttpExchange }) {
  const { exchange, previous } = props
  const proof = header(exchange.requestHeaders, 'dpop')
  const nonceHandedOut = header(previous?.responseHeaders, 'dpop-nonce')
  const read = useMemo(
    () =>
      proof === undefined
        ? undefined
        : readDpopProof(proof, {
            method: exchange.method,
            url: exchange.url,
            sentAt: exchange.startedAt,
            ...(nonceHandedOut === undefined ? {} : { nonceHandedOut }),
          }),
    [proof, exchange.method, exchange.url, exchange.startedAt, nonceHandedOut],
  )
  const hash = useAccessTokenHash(exchange)
  if (read === undefined) return null
  return (
    <div className="dpop-proof">
      <h4>DPoP proof sent with this request</h4>
      {answeredUseDpopNonce(previous) && (
        <p>
          The server answered the attempt before this one with <code>use_dpop_nonce</code> and a
          DPoP-Nonce header: it wants proofs that carry a value it chose, so none can be made in
          advance. The request was sent once more, with a new proof carrying that nonce (
          <SpecLink href="https://www.rfc-editor.org/rfc/rfc9449#section-8">RFC 9449 §8</SpecLink>
          ).
        </p>
      )}
      {read.ok ? (
        <table className="timeline-parameters">
          <caption>The DPoP header, decoded (a new one for every request)</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Value</th>
              <th scope="col">Meaning</th>
              <th scope="col">Compared with this request</th>
            </tr>
          </thead>
          <tbody>
            {withAthCheck(read.fields, hash).map((field) => (
              <tr key={`${field.part}-${field.name}`}>
                <th scope="row">
                  <code>{field.name}</code>
                  <span className="hint"> ({field.part})</span>
                </th>
                <td>
                  <code>{field.value}</code>
                </td>
                <td>
                  {field.meaning} <SpecLink href={field.spec.url}>{field.spec.label}</SpecLink>
                </td>
                <td>
                  {field.check === undefined
                    ? 'Nothing here to compare it with'
                    : `${field.check.outcome === 'passed' ? 'Matches' : 'Does not match'}: ${field.check.detail}`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{read.reason}</p>
      )}
      <p className="hint">
        The signature is the server&apos;s to check, with the jwk above. A proof proves possession
        of the key for this one method and URL, for a short time: seen by someone else, it is worth
        nothing elsewhere. For the same reason a copy of this request as curl carries a spent proof:
        a server that remembers jti values refuses it as a replay, and any server refuses it once it
        is too old (RFC 9449 §11.1).
      </p>
    </div>
  )
}
