// The validators' held-out digits as one small binary file, for validators that cannot read the mnist package (a browser tab): every
// pixel decodes to exactly the float32 the Node validator reads, so both draw identical challenges from the same seed.
//
// Layout (little-endian): "WTD1", u32 count, u32 palette size P, P × f32 palette (the distinct pixel values, ascending),
// count × u8 labels, count × u32 source indices, count × 784 × u8 palette positions. MNIST's pixels take 256 distinct values, so a
// byte per pixel holds them exactly: 1.6 MB for the 2,000 held-out digits, against 6.3 MB as float32.
import type { Checked } from '../task.ts'
import type { DigitSet } from './data.ts'
import { CLASSES, PIXELS } from './schema.ts'

const MAGIC = 'WTD1'
const HEADER = 12

export function encodeHeldOut(set: DigitSet): Uint8Array {
  const palette = [...new Set(set.images)].sort((a, b) => a - b)
  if (palette.length > 256) throw new RangeError(`the digits take ${palette.length} distinct pixel values; this format holds at most 256`)
  const position = new Map(palette.map((v, i) => [v, i]))
  const size = HEADER + palette.length * 4 + set.count * 5 + set.count * PIXELS
  const out = new Uint8Array(size)
  const view = new DataView(out.buffer)
  for (let i = 0; i < 4; i++) out[i] = MAGIC.charCodeAt(i)
  view.setUint32(4, set.count, true)
  view.setUint32(8, palette.length, true)
  let at = HEADER
  for (const v of palette) (view.setFloat32(at, v, true), (at += 4))
  out.set(set.labels, at)
  at += set.count
  for (let i = 0; i < set.count; i++) (view.setUint32(at, set.sourceIndex[i]!, true), (at += 4))
  for (let p = 0; p < set.count * PIXELS; p++) out[at + p] = position.get(set.images[p]!)!
  return out
}

export function decodeHeldOut(bytes: Uint8Array): Checked<DigitSet> {
  if (bytes.length < HEADER || String.fromCharCode(...bytes.subarray(0, 4)) !== MAGIC) return { ok: false, reason: `not a held-out digits file (it must start with "${MAGIC}")` }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const count = view.getUint32(4, true)
  const paletteSize = view.getUint32(8, true)
  if (paletteSize < 1 || paletteSize > 256) return { ok: false, reason: `the palette has ${paletteSize} values; it must have 1 to 256` }
  const size = HEADER + paletteSize * 4 + count * 5 + count * PIXELS
  if (bytes.length !== size) return { ok: false, reason: `a file of ${count} digits takes ${size} bytes; this one has ${bytes.length}` }
  let at = HEADER
  const palette = new Float32Array(paletteSize)
  for (let i = 0; i < paletteSize; i++) (palette[i] = view.getFloat32(at, true), (at += 4))
  const labels = bytes.slice(at, at + count)
  at += count
  if (labels.some((l) => l >= CLASSES)) return { ok: false, reason: `a label is not a digit 0–9` }
  const sourceIndex = new Uint32Array(count)
  for (let i = 0; i < count; i++) (sourceIndex[i] = view.getUint32(at, true), (at += 4))
  const images = new Float32Array(count * PIXELS)
  for (let p = 0; p < images.length; p++) {
    const k = bytes[at + p]!
    if (k >= paletteSize) return { ok: false, reason: `pixel ${p} points at palette entry ${k} of ${paletteSize}` }
    images[p] = palette[k]!
  }
  return { ok: true, value: { count, images, labels, sourceIndex } }
}
