// The digits task on the wire (the body of a /webtensor/query/1.0.0 request and response): a u32 row count, then the float32 values
// little-endian. Decoding checks the bytes and then the task's schema (checkQuery / checkAnswer), so a bad body is refused in words.
import { CLASSES, IMAGE_SIZE, PIXELS, checkAnswer, checkQuery, type DigitsAnswer, type DigitsQuery } from './schema.ts'

type Decoded<T> = { ok: true; value: T } | { ok: false; reason: string }

function encode(rows: number, data: Float32Array): Uint8Array {
  const out = new Uint8Array(4 + data.length * 4)
  const view = new DataView(out.buffer)
  view.setUint32(0, rows, true)
  for (let i = 0; i < data.length; i++) view.setFloat32(4 + i * 4, data[i]!, true)
  return out
}

function decode(bytes: Uint8Array, perRow: number, what: string): Decoded<{ rows: number; data: Float32Array }> {
  if (bytes.length < 4) return { ok: false, reason: `the ${what} is ${bytes.length} bytes; it starts with a 4-byte row count` }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const rows = view.getUint32(0, true)
  const expected = 4 + rows * perRow * 4
  if (bytes.length !== expected) return { ok: false, reason: `the ${what} says ${rows} rows, which take ${expected} bytes; it has ${bytes.length}` }
  const data = new Float32Array(rows * perRow)
  for (let i = 0; i < data.length; i++) data[i] = view.getFloat32(4 + i * 4, true)
  return { ok: true, value: { rows, data } }
}

export const encodeDigitsQuery = (query: DigitsQuery): Uint8Array => encode(query.dims[0], query.data)
export const encodeDigitsAnswer = (answer: DigitsAnswer): Uint8Array => encode(answer.dims[0], answer.data)

export function decodeDigitsQuery(bytes: Uint8Array): Decoded<DigitsQuery> {
  const raw = decode(bytes, PIXELS, 'query')
  if (!raw.ok) return raw
  return checkQuery({ data: raw.value.data, dims: [raw.value.rows, 1, IMAGE_SIZE, IMAGE_SIZE] })
}

export function decodeDigitsAnswer(bytes: Uint8Array, rows: number): Decoded<DigitsAnswer> {
  const raw = decode(bytes, CLASSES, 'answer')
  if (!raw.ok) return raw
  return checkAnswer({ data: raw.value.data, dims: [raw.value.rows, CLASSES] }, rows)
}
