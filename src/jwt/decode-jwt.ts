/**
 * Says what kind of token a string is and, for a signed JWT, what its header and payload contain; when it
 * cannot be read, says why, part by part. Reading only: it must not verify signatures or check claims.
 */

import { decode as base64urlDecode } from 'jose/base64url'
import { jwtDecode } from 'jwt-decode'

/** The three parts of a JWS in compact serialization, as received (RFC 7515 §7.1). */
export interface JwtSegments {
  header: string
  payload: string
  signature: string
}

export type SegmentName = keyof JwtSegments

/** A JWS whose header and payload decode to JSON objects. The signature has not been checked. */
export interface DecodedJwt {
  kind: 'jwt'
  segments: JwtSegments
  header: Record<string, unknown>
  payload: Record<string, unknown>
}

/**
 * A JWE in compact serialization: five segments. Only the protected header can be read; the content
 * needs the recipient's key (RFC 7516 §7.1).
 */
export interface EncryptedJwt {
  kind: 'jwe'
  segments: string[]
  /** The JWE protected header, base64url JSON like a JWS header, when it decodes. */
  header?: Record<string, unknown>
  /** Why the protected header could not be read, when it could not. */
  headerProblem?: string
}

/** Not a JWT at all, e.g. a reference token that only the provider can look up. */
export interface OpaqueToken {
  kind: 'opaque'
  /** Why this is not read as a JWT, for someone who expected one. */
  reason: string
}

/** What is wrong with one segment of a token that has three. */
export interface SegmentProblem {
  segment: SegmentName
  /** One or two sentences naming the segment and, where there is one, the character or position. */
  message: string
}

/** Three segments like a JWS, but at least one of them cannot be read. */
export interface MalformedJwt {
  kind: 'malformed'
  /** Every problem, in segment order, as one paragraph. */
  reason: string
  /** The same problems, one per segment that has one. */
  problems: SegmentProblem[]
  segments: JwtSegments
  /** Decoded anyway when only another segment is at fault: a debugger shows as much as it can. */
  header?: Record<string, unknown>
  payload?: Record<string, unknown>
  /** The text a header or payload decoded to when that text is not valid JSON. */
  invalidJson?: { segment: 'header' | 'payload'; text: string }
}

export type DecodedToken = DecodedJwt | EncryptedJwt | OpaqueToken | MalformedJwt

/** A pasted string made ready to decode: what was taken away, and where the token came from. */
export interface PastedToken {
  /** The token as decoded, after the clean-up described in `notes`. */
  token: string
  decoded: DecodedToken
  /** What was done to the input before decoding, as sentences; empty when nothing was. */
  notes: string[]
  /** The token came out of a URL, where history, logs and Referer headers can keep it. */
  seenInUrl: boolean
  /** The URL parameter the token came from, e.g. "access_token". */
  parameter?: string
}

// RFC 7515 §2 defines base64url without padding. jwt-decode also accepts "+", "/" and "=", which no
// conforming issuer emits, so a token using them is reported rather than silently decoded.
const BASE64URL = /^[A-Za-z0-9_-]*$/
const NOT_BASE64URL = /[^A-Za-z0-9_-]/
const ALPHABET = "A–Z, a–z, 0–9, '-' and '_'"
// What any bearer token may be made of (RFC 6750 §2.1, b64token): text with anything else cannot be
// a token, opaque or not.
const OUTSIDE_B64TOKEN = /[^A-Za-z0-9\-._~+/=]|=(?=[^=])/

/**
 * Decodes a token for display; it does NOT verify the signature, so nothing it returns can be trusted.
 *
 * Three segments make a JWS and five a JWE (RFC 7516 §7.1); anything else is treated as opaque,
 * because an access token may be any string the provider chooses (Google's have two segments).
 *
 * @see https://www.rfc-editor.org/rfc/rfc7519#section-7.2
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-1.4
 */
export function decodeJwt(token: string): DecodedToken {
  const parts = token.split('.')
  if (parts.length === 5 && parts.every((part) => BASE64URL.test(part))) {
    return decodeJwe(parts)
  }
  if (parts.length !== 3) {
    return { kind: 'opaque', reason: describeWrongSegmentCount(parts) }
  }

  const [header = '', payload = '', signature = ''] = parts
  const segments: JwtSegments = { header, payload, signature }
  const problems: SegmentProblem[] = []
  let invalidJson: MalformedJwt['invalidJson']

  const readPart = (name: 'header' | 'payload'): Record<string, unknown> | undefined => {
    const read = readJsonSegment(token, name, segments[name])
    if ('problem' in read) {
      problems.push({ segment: name, message: read.problem })
      if (read.invalidJson !== undefined) {
        invalidJson ??= { segment: name, text: read.invalidJson }
      }
      return undefined
    }
    return read.value
  }
  const decodedHeader = readPart('header')
  const decodedPayload = readPart('payload')
  const signatureProblem = describeBase64urlProblem('signature', signature)
  if (signatureProblem !== undefined) {
    problems.push({ segment: 'signature', message: signatureProblem })
  }

  if (decodedHeader !== undefined && decodedPayload !== undefined && problems.length === 0) {
    return { kind: 'jwt', segments, header: decodedHeader, payload: decodedPayload }
  }
  return {
    kind: 'malformed',
    reason: problems.map((problem) => problem.message).join(' '),
    problems,
    segments,
    ...(decodedHeader === undefined ? {} : { header: decodedHeader }),
    ...(decodedPayload === undefined ? {} : { payload: decodedPayload }),
    ...(invalidJson === undefined ? {} : { invalidJson }),
  }
}

/**
 * Cleans up a pasted string and decodes it: surrounding whitespace, line breaks from wrapping, a leading
 * "Bearer " and quotes are removed, and a URL (or a bare "#access_token=…" fragment) gives up its token.
 * Each change is reported in `notes`, so nothing is fixed silently.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-2.1
 * @see https://www.rfc-editor.org/rfc/rfc9700#section-4.3.2
 */
export function readPastedToken(input: string): PastedToken {
  const notes: string[] = []
  let text = input.trim()
  if (text !== input && text !== '') {
    notes.push('Removed the spaces and line breaks around the token: they are not part of it.')
  }

  const fromUrl = tokenFromUrl(text)
  if (fromUrl !== undefined) {
    notes.push(...fromUrl.notes)
    if (fromUrl.parameter === undefined) {
      // Splitting a URL at its dots would blame "/" and ":" for not being base64url.
      return {
        token: text,
        decoded: { kind: 'opaque', reason: fromUrl.notes.join(' ') },
        notes,
        seenInUrl: false,
      }
    }
    text = fromUrl.token
  }

  const scheme = /^(?:Authorization:\s*)?Bearer\s+/i.exec(text)
  if (scheme !== null) {
    text = text.slice(scheme[0].length)
    notes.push(
      `Removed the leading "${scheme[0].trim()}": that is the HTTP authentication scheme the token is sent with (RFC 6750 §2.1), not part of the token.`,
    )
  }

  const quoted = /^(["'])(.*)\1$/s.exec(text)
  if (quoted !== null) {
    text = quoted[2] ?? ''
    notes.push('Removed the quotes around the token: they are not part of it.')
  }

  const inner = text.match(/\s/g)
  // Line breaks come from wrapping; spaces are taken out only where the rest has a JWT's shape, since
  // text with spaces in it is otherwise not a token at all (RFC 6750 §2.1), and is said to be one.
  const segmentsWithout = text.replace(/\s/g, '').split('.').length
  const onlyLineBreaks = /^[\r\n]*$/.test(text.replace(/\S/g, ''))
  const wrapped = onlyLineBreaks || [3, 5].includes(segmentsWithout)
  if (inner !== null && wrapped) {
    text = text.replace(/\s/g, '')
    notes.push(
      `Removed ${plural(inner.length, 'space or line break', 'spaces and line breaks')} inside the token: a JWT never contains whitespace (RFC 7515 §7.1), so they came from wrapping or copying.`,
    )
  }

  return {
    token: text,
    decoded: decodeJwt(text),
    notes,
    seenInUrl: fromUrl !== undefined,
    ...(fromUrl?.parameter === undefined ? {} : { parameter: fromUrl.parameter }),
  }
}

// Parameters that carry tokens in redirects and in links to token debuggers, in the order preferred
// when a URL carries several.
const TOKEN_PARAMETERS = ['id_token', 'access_token', 'refresh_token', 'token'] as const

function tokenFromUrl(
  text: string,
): { token: string; notes: string[]; parameter?: string } | undefined {
  const lists = urlParameterLists(text)
  if (lists === undefined) {
    return undefined
  }
  for (const { where, params } of lists) {
    const present = TOKEN_PARAMETERS.filter((name) => params.has(name))
    const [parameter, ...others] = present
    if (parameter === undefined) {
      continue
    }
    const notes = [
      `Took the token from the ${parameter} parameter in the URL's ${where}. A token in a URL can leak through browser history, server logs and Referer headers (RFC 9700 §4.3.2).`,
    ]
    if (others.length > 0) {
      notes.push(
        `The URL also carries ${others.join(' and ')}: paste ${others.length === 1 ? 'it' : 'each'} on its own to decode ${others.length === 1 ? 'it' : 'them'}.`,
      )
    }
    return { token: params.get(parameter) ?? '', notes, parameter }
  }
  return {
    token: text,
    notes: [
      `This looks like a URL, but it has no ${TOKEN_PARAMETERS.slice(0, -1).join(', ')} or ${TOKEN_PARAMETERS.at(-1) ?? ''} parameter to take a token from.`,
    ],
  }
}

function urlParameterLists(
  text: string,
): { where: 'fragment' | 'query'; params: URLSearchParams }[] | undefined {
  if (text.startsWith('#')) {
    return [{ where: 'fragment', params: new URLSearchParams(text.slice(1)) }]
  }
  if (text.startsWith('?')) {
    return [{ where: 'query', params: new URLSearchParams(text.slice(1)) }]
  }
  if (/^[a-z][a-z\d+.-]*:\/\//i.test(text)) {
    let url: URL
    try {
      url = new URL(text)
    } catch {
      return undefined
    }
    // The fragment first: the implicit flow puts tokens there (RFC 6749 §4.2.2).
    return [
      { where: 'fragment', params: new URLSearchParams(url.hash.slice(1)) },
      { where: 'query', params: url.searchParams },
    ]
  }
  if (/^(?:[\w.-]+=[^&]*&)*(?:id_token|access_token|refresh_token|token)=/.test(text)) {
    return [{ where: 'fragment', params: new URLSearchParams(text) }]
  }
  return undefined
}

function decodeJwe(parts: string[]): EncryptedJwt {
  const [protectedHeader = ''] = parts
  const read = readJsonSegment(protectedHeader, 'header', protectedHeader)
  if ('problem' in read) {
    return { kind: 'jwe', segments: parts, headerProblem: read.problem }
  }
  return { kind: 'jwe', segments: parts, header: read.value }
}

// A JWS has three segments and a JWE five; say what the others are missing, and whether the first
// segment at least looks like a JOSE header, which tells a mangled JWT from an opaque token.
function describeWrongSegmentCount(parts: string[]): string {
  const text = parts.join('.')
  const outside = OUTSIDE_B64TOKEN.exec(text)
  if (outside !== null) {
    const [character = ''] = Array.from(text.slice(outside.index))
    const position = Array.from(text.slice(0, outside.index)).length + 1
    return `This cannot be a token: ${describeCharacter(character)} at character ${String(position)} is outside what any bearer token may contain (letters, digits, '-', '.', '_', '~', '+', '/' and trailing '=', RFC 6750 §2.1), and a JWT is base64url only (RFC 7515 §7.1). Check that what was copied is the token itself.`
  }
  const count = parts.length
  const structure = `A signed JWT (JWS) has exactly three base64url segments separated by two dots, header.payload.signature (RFC 7515 §7.1), and an encrypted one (JWE) has five (RFC 7516 §7.1).`
  const [first = ''] = parts
  const looksLikeJwt = count > 1 && looksLikeJoseHeader(first)
  if (count === 1) {
    return `This has no dots, so it is not a JWT. ${structure} It is probably an opaque token: a reference that only the provider can look up.`
  }
  if (count === 5) {
    return `This has five segments like a JWE, but not all of them are base64url (only ${ALPHABET}), so it cannot be one. ${structure}`
  }
  const found = `This has ${count} segments (${count - 1} ${count === 2 ? 'dot' : 'dots'}).`
  if (!looksLikeJwt) {
    return `${found} ${structure} Its first segment is not a JOSE header, so it is probably an opaque token: a reference that only the provider can look up (Google's access tokens, "ya29.…", look like this).`
  }
  if (count === 2) {
    return `${found} ${structure} Its first segment is a JOSE header, so this looks like a JWT missing its signature segment: copy the whole token. Even an unsigned token keeps both dots, with an empty signature after the second.`
  }
  if (count === 4) {
    return `${found} ${structure} Its first segment is a JOSE header, so this looks like a JWT with a dot too many, or a JWE missing a segment: copy the whole token, once.`
  }
  return `${found} ${structure} Its first segment is a JOSE header, so this may be several tokens joined together: paste one at a time.`
}

function looksLikeJoseHeader(segment: string): boolean {
  const read = readJsonSegment(segment, 'header', segment)
  return !('problem' in read) && typeof read.value.alg === 'string'
}

type SegmentRead =
  { value: Record<string, unknown> } | { problem: string; invalidJson?: string | undefined }

/**
 * Reads a header or payload segment, explaining the first thing wrong with it. jwt-decode does the
 * decoding; the checks before it cover what it lets through (padding, "+" and "/", bytes that are not
 * UTF-8, which it silently reads as Latin-1) and say where the problem is. The bytes come from JOSE's
 * base64url decoder, the text from the platform's UTF-8 decoder: no base64 or UTF-8 by hand.
 */
function readJsonSegment(token: string, name: 'header' | 'payload', segment: string): SegmentRead {
  const encodingProblem = describeBase64urlProblem(name, segment)
  if (encodingProblem !== undefined) {
    return { problem: encodingProblem }
  }
  const bytes = base64urlDecode(segment)
  const invalidByte = firstInvalidUtf8Byte(bytes)
  if (invalidByte !== undefined) {
    const hex = (bytes[invalidByte] ?? 0).toString(16).toUpperCase().padStart(2, '0')
    return {
      problem: `The ${name} segment decodes to bytes that are not UTF-8 text: the sequence at byte ${invalidByte + 1} of ${bytes.length} (0x${hex}) is not valid UTF-8. A JWT's JSON must be UTF-8 (RFC 7519 §7.2), so this is binary data or text in another encoding.`,
    }
  }

  let decoded: unknown
  try {
    decoded = name === 'header' ? jwtDecode(token, { header: true }) : jwtDecode(token)
  } catch {
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)
    return { problem: describeJsonProblem(name, text), invalidJson: text }
  }
  // RFC 7519 §7.2 steps 4 and 10: each part must be a JSON object, not an array, string or number.
  if (typeof decoded !== 'object' || decoded === null || Array.isArray(decoded)) {
    const found = decoded === null ? 'null' : Array.isArray(decoded) ? 'an array' : typeof decoded
    return {
      problem: `The ${name} segment is JSON but not a JSON object (found ${found}). RFC 7519 §7.2 requires an object: {…}.`,
    }
  }
  if (nestedDeeperThan(decoded, MAX_NESTING)) {
    return {
      problem: `The ${name} segment is JSON nested more than ${MAX_NESTING} levels deep. No real token nests that deep, and displaying it would overflow the browser's stack, so it is not decoded.`,
    }
  }
  return { value: decoded as Record<string, unknown> }
}

// JSON.parse reads any depth, but JSON.stringify, which every view uses to show values, recurses and
// throws a RangeError a few thousand levels down: a token of a few kilobytes would crash the page.
const MAX_NESTING = 100

/** Whether objects and arrays nest more than `limit` deep, found without recursion. */
function nestedDeeperThan(value: object, limit: number): boolean {
  const pending: [unknown, number][] = [[value, 1]]
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [item, depth] = next
    if (typeof item === 'object' && item !== null) {
      if (depth > limit) {
        return true
      }
      for (const child of Object.values(item)) {
        pending.push([child, depth + 1])
      }
    }
  }
  return false
}

/**
 * Says what keeps a segment from being base64url, naming the first offending character and its
 * position (counted from 1, within the segment), or returns undefined when the segment is fine.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7515#section-2
 * @see https://www.rfc-editor.org/rfc/rfc4648#section-5
 */
function describeBase64urlProblem(name: SegmentName, segment: string): string | undefined {
  if (segment === '') {
    return name === 'signature'
      ? undefined
      : `The ${name} segment is empty: a JWT needs base64url-encoded JSON there (${name === 'header' ? 'RFC 7515 §7.1' : 'RFC 7519 §3'}).`
  }
  const match = NOT_BASE64URL.exec(segment)
  if (match !== null) {
    const character = match[0]
    const position = Array.from(segment.slice(0, match.index)).length + 1
    const others = Array.from(segment.slice(match.index + character.length)).filter((rest) =>
      NOT_BASE64URL.test(rest),
    ).length
    const more =
      others === 0
        ? ''
        : ` It has ${plural(others, 'other character', 'other characters')} outside the alphabet too.`
    return `${describeBadCharacter(name, character, position, segment)}${more}`
  }
  // Four base64 characters carry three bytes; a remainder of one character carries no whole byte.
  if (segment.length % 4 === 1) {
    return `The ${name} segment is ${plural(segment.length, 'character', 'characters')} long, which base64url text can never be (a length that leaves 1 over when divided by 4 holds no whole byte): a character was lost or added, often when copying.`
  }
  return undefined
}

function describeBadCharacter(
  name: SegmentName,
  character: string,
  position: number,
  segment: string,
): string {
  const at = `The ${name} segment has`
  if (character === '+' || character === '/') {
    return `${at} '${character}' at character ${position}: base64url uses '-' and '_' instead of '+' and '/' (RFC 4648 §5), so this segment looks like standard base64, not base64url.`
  }
  if (character === '=') {
    const trailing = /=+$/.exec(segment)?.index === position - 1
    return `${at} '=' at character ${position}: base64url in a JWT leaves out the '=' padding (RFC 7515 §2)${trailing ? ', so the trailing "=" signs should not be there' : ''}.`
  }
  if (/\s/.test(character)) {
    return `${at} ${describeCharacter(character)} at character ${position}: a JWT contains no whitespace (RFC 7515 §7.1), so it was probably wrapped or broken when copied.`
  }
  return `${at} ${describeCharacter(character)} at character ${position}, which is not base64url: only ${ALPHABET} are allowed (RFC 7515 §2).`
}

/** One character, named so that a reader can find it: a space, a tab, or 'x' (U+0078). */
function describeCharacter(character: string): string {
  if (character === ' ') return 'a space'
  if (character === '\t') return 'a tab'
  if (character === '\n' || character === '\r') return 'a line break'
  const codePoint = `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`
  return /^[\p{L}\p{N}\p{P}\p{S}]$/u.test(character)
    ? `'${character}' (${codePoint})`
    : `an invisible character (${codePoint})`
}

// By now only the JSON can be wrong: JSON.parse says what, in its own words, and V8 and the other
// engines name the position, which points the reader at the text just before it.
function describeJsonProblem(name: 'header' | 'payload', text: string): string {
  try {
    JSON.parse(text)
  } catch (error) {
    if (error instanceof SyntaxError) {
      const position = /position (\d+)/.exec(error.message)?.[1]
      const near =
        position === undefined
          ? ''
          : ` The text up to and including that character reads “${textUpTo(text, Number(position))}”.`
      return `The ${name} segment decodes to text that is not valid JSON: ${error.message.replace(/\.$/, '')}.${near}`
    }
  }
  return `The ${name} segment could not be decoded as JSON.`
}

// The problem character comes last, so a reader sees what came just before it.
function textUpTo(text: string, position: number): string {
  const start = Math.max(0, position - 24)
  const shown = text.slice(start, position + 1).replace(/[\n\r\t]/g, ' ')
  return `${start > 0 ? '…' : ''}${shown}`
}

/**
 * Index of the first byte of the first invalid UTF-8 sequence, or undefined when all of it is valid,
 * found with the platform's own UTF-8 decoder (WHATWG Encoding §4.1.1), which refuses the first bad
 * sequence: the shortest prefix it refuses (allowing a sequence still open at the end) ends inside
 * that sequence, which starts after the longest prefix that decodes whole.
 */
function firstInvalidUtf8Byte(bytes: Uint8Array): number | undefined {
  const decodes = (length: number, open: boolean): boolean => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, length), { stream: open })
      return true
    } catch {
      return false
    }
  }
  if (decodes(bytes.length, false)) return undefined
  let valid = 0
  let refused = bytes.length
  while (refused - valid > 1) {
    const middle = Math.floor((valid + refused) / 2)
    if (decodes(middle, true)) valid = middle
    else refused = middle
  }
  let start = refused - 1
  while (start > 0 && !decodes(start, false)) start -= 1
  return start
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`
}
