/**
 * Turns a decoded payload into rows a person can read: each value as text, times as dates and phrases.
 * Display only: it must not judge whether a claim is valid (an expired "exp" is described, not rejected).
 */

import { claimCatalog, lookUpClaim } from './claim-catalog'

/** What a registered claim means, in the shape every claims table reads. */
export interface ClaimMeaning {
  /** One plain sentence for a learner. */
  text: string
  /** Human-readable name of the defining section, e.g. "RFC 7519 §4.1.4". */
  spec: string
  specUrl: string
}

/** A NumericDate (seconds since the epoch, RFC 7519 §2) described for a reader. */
export interface TimeDescription {
  epochSeconds: number
  /** Date and time in the reader's time zone, e.g. "Nov 14, 2023, 10:13:20 PM UTC". */
  local: string
  /** Distance from now, e.g. "in 4 minutes", "2 hours ago", "now". */
  relative: string
}

export interface ClaimRow {
  name: string
  /** The value as display text: strings as they are, everything else as JSON. */
  value: string
  /** Present for time claims that hold a number. */
  time?: TimeDescription
  /** Present for the registered claims in the catalogue. */
  meaning?: ClaimMeaning
  /** True for claims that say something about a person (OpenID Connect Core §5.1 and the like). */
  personalData?: boolean
}

/** Lets tests and callers pin the output; the defaults follow the reader's browser. */
export interface TimeFormatOptions {
  locale?: string
  timeZone?: string
}

// RFC 7519 §4.1.4–4.1.6 and OpenID Connect Core §2 / §5.1 define these as NumericDate values.
const TIME_CLAIMS: ReadonlySet<string> = new Set(
  claimCatalog.filter((entry) => entry.kind === 'time').map((entry) => entry.name),
)

// Building an Intl formatter costs far more than formatting with one, and a page of tokens formats
// dozens of times a second: one formatter per locale and time zone, made on first use.
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>()
const relativeTimeFormats = new Map<string, Intl.RelativeTimeFormat>()

function dateTimeFormat({ locale, timeZone }: TimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale ?? ''}|${timeZone ?? ''}`
  let format = dateTimeFormats.get(key)
  if (format === undefined) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'long', timeZone })
    dateTimeFormats.set(key, format)
  }
  return format
}

function relativeTimeFormat(locale: string): Intl.RelativeTimeFormat {
  let format = relativeTimeFormats.get(locale)
  if (format === undefined) {
    format = new Intl.RelativeTimeFormat(locale, { numeric: 'always', style: 'long' })
    relativeTimeFormats.set(locale, format)
  }
  return format
}

// The first formatter of a page costs tens of milliseconds (the browser loads its date and time-zone
// data): made when this module loads, which the app does ahead of need, not when the tokens arrive.
dateTimeFormat({})

const RELATIVE_UNITS: readonly { unit: Intl.RelativeTimeFormatUnit; seconds: number }[] = [
  { unit: 'day', seconds: 86_400 },
  { unit: 'hour', seconds: 3_600 },
  { unit: 'minute', seconds: 60 },
]

/**
 * Describes every claim in a decoded payload, in the payload's order.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7519#section-4.1
 * @see https://openid.net/specs/openid-connect-core-1_0.html#StandardClaims
 */
export function describeClaims(
  payload: Record<string, unknown>,
  nowSeconds: number,
  options: TimeFormatOptions = {},
): ClaimRow[] {
  return Object.entries(payload).map(([name, value]) => {
    const row: ClaimRow = { name, value: displayValue(value) }
    if (TIME_CLAIMS.has(name) && typeof value === 'number') {
      const time = describeTime(value, nowSeconds, options)
      if (time !== undefined) {
        row.time = time
      }
    }
    const entry = lookUpClaim(name)
    if (entry !== undefined) {
      row.meaning = { text: entry.meaning, spec: entry.spec, specUrl: entry.specUrl }
      if (entry.personalData === true) {
        row.personalData = true
      }
    }
    return row
  })
}

/**
 * Describes a moment given in epoch seconds, or returns undefined when no date can represent it
 * (a NaN, or a number so large that `Date` gives up, which a hostile token could contain).
 */
export function describeTime(
  epochSeconds: number,
  nowSeconds: number,
  options: TimeFormatOptions = {},
): TimeDescription | undefined {
  const date = new Date(epochSeconds * 1000)
  if (Number.isNaN(date.getTime())) {
    return undefined
  }
  const local = dateTimeFormat(options).format(date)
  return {
    epochSeconds,
    local,
    relative: relativePhrase(epochSeconds - nowSeconds, options.locale),
  }
}

// Truncating toward zero keeps a countdown honest: 4 min 59 s left reads "in 4 minutes", never "in 5".
// The long style avoids abbreviations like "min." whose punctuation differs between ICU versions.
function relativePhrase(deltaSeconds: number, locale = 'en'): string {
  const format = relativeTimeFormat(locale)
  const size = Math.abs(deltaSeconds)
  for (const { unit, seconds } of RELATIVE_UNITS) {
    if (size >= seconds) {
      return format.format(Math.trunc(deltaSeconds / seconds), unit)
    }
  }
  const wholeSeconds = Math.trunc(deltaSeconds)
  return wholeSeconds === 0 ? 'now' : format.format(wholeSeconds, 'second')
}

function displayValue(value: unknown): string {
  if (typeof value === 'string') {
    return value
  }
  // JSON.stringify returns undefined (despite its type) for undefined, which a JSON payload never
  // holds but a caller-built object might.
  return value === undefined ? 'undefined' : JSON.stringify(value)
}
