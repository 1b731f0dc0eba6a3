/**
 * The evidence of "Check this provider": every request the check sends and its answer, recorded as
 * the timeline records them, with credential values masked parsed structure by parsed structure (a
 * form, a JSON document, the Authorization header), never by searching text. What is masked is
 * what src/config/credential-parameters.ts names: codes, verifiers, tokens, secrets.
 */
import { isCredentialParameter } from '../config/credential-parameters'
import type { HttpOptions } from './http'
import type { HttpExchange } from './http-exchange'

const MASKED = '(masked)'

function maskForm(body: string): string {
  const form = new URLSearchParams(body)
  const masked = new URLSearchParams()
  for (const [name, value] of form)
    masked.append(name, isCredentialParameter(name) ? MASKED : value)
  return masked.toString()
}

function maskJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskJson)
  if (typeof value !== 'object' || value === null) return value
  return Object.fromEntries(
    Object.entries(value).map(([name, member]) => [
      name,
      isCredentialParameter(name) ? MASKED : maskJson(member),
    ]),
  )
}

function maskBody(body: string | undefined, type: string | undefined): string | undefined {
  if (body === undefined) return undefined
  if (type?.includes('application/x-www-form-urlencoded')) return maskForm(body)
  try {
    return JSON.stringify(maskJson(JSON.parse(body)), null, 2)
  } catch {
    return body
  }
}

function headerOf(headers: readonly [string, string][] | undefined, name: string) {
  return headers?.find(([header]) => header.toLowerCase() === name)?.[1]
}

/** The exchange as evidence: credential parameters and Authorization values masked. */
export function maskedExchange(exchange: HttpExchange): HttpExchange {
  const requestBody = maskBody(
    exchange.requestBody,
    headerOf(exchange.requestHeaders, 'content-type'),
  )
  const responseBody = maskBody(
    exchange.responseBody,
    headerOf(exchange.responseHeaders, 'content-type'),
  )
  return {
    ...exchange,
    requestHeaders: exchange.requestHeaders.map(([name, value]) => [
      name,
      name.toLowerCase() === 'authorization' ? MASKED : value,
    ]),
    ...(requestBody === undefined ? {} : { requestBody }),
    ...(responseBody === undefined ? {} : { responseBody }),
  }
}

/** The HTTP options with every exchange also kept, masked, in `into`. */
export function recording(http: HttpOptions, into: HttpExchange[]): HttpOptions {
  return {
    ...http,
    onExchange: (_step, exchange) => {
      into.push(maskedExchange(exchange))
    },
  }
}

/**
 * A request the browser carried rather than this page's fetch: the authorization or end-session URL
 * the frame or window was sent to, and the URL of this app it came back to, if it did.
 */
export interface NavigationEvidence {
  sent: string
  back?: string
}

/** A URL with credential parameters masked, in the query and in a fragment of parameters. */
export function maskedUrl(href: string): string {
  const url = new URL(href)
  const mask = (params: URLSearchParams) => {
    const masked = new URLSearchParams()
    for (const [name, value] of params) {
      masked.append(name, isCredentialParameter(name) ? MASKED : value)
    }
    return masked.toString()
  }
  url.search = mask(url.searchParams)
  if (url.hash !== '') url.hash = mask(new URLSearchParams(url.hash.slice(1)))
  return url.href
}
