/**
 * Where each claim of a JWS segment sits in its base64url text, so that pointing at a claim can
 * light up its bytes in the encoded token. The segment is the base64url of the JSON's UTF-8 bytes
 * (RFC 7515 §7.1); four characters carry three bytes, so a claim's characters run from the group
 * holding its first byte to the group holding its last (those edge groups also carry a neighbour's
 * bytes, which is why the span is "about here", as in every JWT debugger). The JSON's own offsets
 * come from jsonc-parser, not from searching the text.
 */
import { decode as base64urlDecode } from 'jose/base64url'
import { parseTree } from 'jsonc-parser'

export interface CharSpan {
  start: number
  end: number
}

/** Claim name → its span in `segment`; empty when the segment is not a JSON object. */
export function claimSpans(segment: string): ReadonlyMap<string, CharSpan> {
  const spans = new Map<string, CharSpan>()
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(base64urlDecode(segment))
  } catch {
    return spans
  }
  const tree = parseTree(text)
  if (tree?.type !== 'object') return spans
  const encoder = new TextEncoder()
  const byteOffset = (charOffset: number) => encoder.encode(text.slice(0, charOffset)).length
  for (const property of tree.children ?? []) {
    const key = property.children?.[0]
    if (key?.type !== 'string' || typeof key.value !== 'string') continue
    const firstByte = byteOffset(property.offset)
    const endByte = byteOffset(property.offset + property.length)
    spans.set(key.value, {
      start: Math.floor(firstByte / 3) * 4,
      end: Math.min(Math.ceil(endByte / 3) * 4, segment.length),
    })
  }
  return spans
}
