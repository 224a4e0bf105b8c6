// The ocr task on the wire (the bodies of a /webtensor/query/1.0.0 request and response). Decoding checks the bytes and
// then the schema, so a bad body is refused in words.
//
// Query:  u16 lines N, u16 height (48), u16 width W, then N·48·W grey bytes, row by row (all little-endian).
// Answer: u16 count N, then per text a u16 byte length and that many bytes of UTF-8.
import type { Checked } from '../task.ts'
import { checkAnswer, checkQuery, checkQueryDims, LINE_HEIGHT, MAX_LINES, MAX_TEXT_BYTES, type OcrAnswer, type OcrQuery } from './schema.ts'

const QUERY_HEADER = 6

export function encodeOcrQuery(query: OcrQuery): Uint8Array {
  const [n, h, w] = query.dims
  const out = new Uint8Array(QUERY_HEADER + query.data.length)
  const view = new DataView(out.buffer)
  view.setUint16(0, n, true)
  view.setUint16(2, h, true)
  view.setUint16(4, w, true)
  out.set(query.data, QUERY_HEADER)
  return out
}

export function decodeOcrQuery(bytes: Uint8Array): Checked<OcrQuery> {
  if (bytes.length < QUERY_HEADER) return { ok: false, reason: `the query is ${bytes.length} bytes; it starts with a 6-byte header (lines, height, width)` }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const n = view.getUint16(0, true)
  const h = view.getUint16(2, true)
  const w = view.getUint16(4, true)
  // Check the header before trusting it for the size.
  const dims = checkQueryDims([n, h, w])
  if (!dims.ok) return dims
  const expected = QUERY_HEADER + n * LINE_HEIGHT * w
  if (bytes.length !== expected) {
    return { ok: false, reason: `the query says ${n} line${n === 1 ? '' : 's'} of ${h}×${w}, which take ${expected} bytes; it has ${bytes.length}` }
  }
  return checkQuery({ data: bytes.slice(QUERY_HEADER), dims: [n, h, w] })
}

const encoder = new TextEncoder()
const decoder = new TextDecoder('utf-8', { fatal: true })

export function encodeOcrAnswer(texts: OcrAnswer): Uint8Array {
  const parts = texts.map((t) => encoder.encode(t))
  const too = parts.findIndex((p) => p.length > MAX_TEXT_BYTES || p.length > 0xffff)
  if (too >= 0) throw new RangeError(`text ${too} is ${parts[too]!.length} bytes; at most ${MAX_TEXT_BYTES} fit an answer`)
  const out = new Uint8Array(2 + parts.reduce((a, p) => a + 2 + p.length, 0))
  const view = new DataView(out.buffer)
  view.setUint16(0, texts.length, true)
  let at = 2
  for (const p of parts) {
    view.setUint16(at, p.length, true)
    out.set(p, at + 2)
    at += 2 + p.length
  }
  return out
}

/** Decodes and checks an answer to a query of `lines` lines. */
export function decodeOcrAnswer(bytes: Uint8Array, lines: number): Checked<OcrAnswer> {
  if (bytes.length < 2) return { ok: false, reason: `the answer is ${bytes.length} bytes; it starts with a 2-byte text count` }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const n = view.getUint16(0, true)
  if (n > MAX_LINES) return { ok: false, reason: `the answer says ${n} texts; a query has at most ${MAX_LINES} lines` }
  const texts: string[] = []
  let at = 2
  for (let i = 0; i < n; i++) {
    if (at + 2 > bytes.length) return { ok: false, reason: `the answer ends before text ${i} (it says ${n} texts)` }
    const len = view.getUint16(at, true)
    if (len > MAX_TEXT_BYTES) return { ok: false, reason: `text ${i} is ${len} bytes; at most ${MAX_TEXT_BYTES} are read` }
    if (at + 2 + len > bytes.length) return { ok: false, reason: `text ${i} says ${len} bytes, but the answer ends ${at + 2 + len - bytes.length} bytes short` }
    try {
      texts.push(decoder.decode(bytes.subarray(at + 2, at + 2 + len)))
    } catch {
      return { ok: false, reason: `text ${i} is not valid UTF-8` }
    }
    at += 2 + len
  }
  if (at !== bytes.length) return { ok: false, reason: `the answer has ${bytes.length - at} bytes after its ${n} texts` }
  return checkAnswer(texts, lines)
}
