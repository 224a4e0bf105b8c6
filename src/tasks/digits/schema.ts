// The digits task's tensors: what a validator sends, what a miner answers, what a model file must declare (pure).
//
// Query:  float32 [N, 1, 28, 28], every pixel in [0, 1] (0 = background), 1 ≤ N ≤ MAX_BATCH.
// Answer: float32 [N, 10], one row per image: probabilities or logits; the row's argmax is the predicted digit.
// Both ends check: the miner refuses a malformed query before inference, the validator a malformed answer before scoring.

import type { Checked, ModelSignature, ModelSignatureCheck } from '../task.ts'
import { checkSingleTensorModel, isFixed } from '../signature.ts'

export const IMAGE_SIZE = 28
export const PIXELS = IMAGE_SIZE * IMAGE_SIZE
export const CLASSES = 10
/** Largest batch a validator may send in one query (the worker stacks concurrent queries itself). */
export const MAX_BATCH = 256

export type DigitsQuery = { data: Float32Array; dims: readonly [number, 1, 28, 28] }
export type DigitsAnswer = { data: Float32Array; dims: readonly [number, 10] }

/** The schema in the shape `src/miner-worker` compares model files with; `N` is the free batch dimension. */
export const DIGITS_SCHEMA = {
  id: 'digits',
  input: {
    name: 'input',
    dims: ['N', 1, IMAGE_SIZE, IMAGE_SIZE],
    type: 'float32',
    range: [0, 1],
    doc: 'N grey-scale 28×28 digits, 0 = background, 1 = ink',
  },
  output: {
    name: 'probabilities',
    dims: ['N', CLASSES],
    type: 'float32',
    doc: 'per row, 10 probabilities or logits for the digits 0–9; the argmax is the answer',
  },
  maxBatch: MAX_BATCH,
} as const

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

function checkDims(dims: unknown, what: string, want: readonly (number | 'N')[]): Checked<number> {
  const shape = `[${want.join(', ')}]`
  if (!Array.isArray(dims)) return { ok: false, reason: `the ${what} has no dimensions; it must be ${shape}` }
  if (dims.length !== want.length) {
    return { ok: false, reason: `the ${what} has ${plural(dims.length, 'dimension')}; it must have ${want.length}: ${shape}` }
  }
  const n = dims[0]
  if (!Number.isInteger(n) || n < 1 || n > MAX_BATCH) {
    return { ok: false, reason: `the ${what}'s batch size is ${String(n)}; it must be a whole number from 1 to ${MAX_BATCH}` }
  }
  for (let i = 1; i < want.length; i++) {
    if (dims[i] !== want[i]) return { ok: false, reason: `the ${what} is [${dims.join(', ')}]; it must be ${shape}` }
  }
  return { ok: true, value: n as number }
}

function isTensorShaped(x: unknown): x is { data: unknown; dims: unknown } {
  return typeof x === 'object' && x !== null && 'data' in x && 'dims' in x
}

/** Miner side: refuse a query that is not float32 [N, 1, 28, 28] with finite pixels in [0, 1]. */
export function checkQuery(query: unknown): Checked<DigitsQuery> {
  if (!isTensorShaped(query)) return { ok: false, reason: 'the query is not a tensor (it needs data and dims)' }
  const dims = checkDims(query.dims, 'query', ['N', 1, IMAGE_SIZE, IMAGE_SIZE])
  if (!dims.ok) return dims
  const n = dims.value
  const { data } = query
  if (!(data instanceof Float32Array)) return { ok: false, reason: 'the query data is not float32' }
  if (data.length !== n * PIXELS) {
    return { ok: false, reason: `the query holds ${data.length} values; ${plural(n, 'image')} of 28×28 need ${n * PIXELS}` }
  }
  for (let i = 0; i < data.length; i++) {
    const v = data[i] as number
    if (!(v >= 0 && v <= 1)) {
      const where = `image ${Math.floor(i / PIXELS)}, row ${Math.floor((i % PIXELS) / IMAGE_SIZE)}, column ${i % IMAGE_SIZE}`
      return { ok: false, reason: `pixel ${where} is ${Number(v.toPrecision(7))}; pixels must be numbers from 0 to 1` }
    }
  }
  return { ok: true, value: { data, dims: [n, 1, IMAGE_SIZE, IMAGE_SIZE] } }
}

/** Validator side: refuse an answer that is not float32 [rows, 10] of finite numbers. */
export function checkAnswer(answer: unknown, rows: number): Checked<DigitsAnswer> {
  if (!isTensorShaped(answer)) return { ok: false, reason: 'the answer is not a tensor (it needs data and dims)' }
  const dims = checkDims(answer.dims, 'answer', ['N', CLASSES])
  if (!dims.ok) return dims
  if (dims.value !== rows) {
    return { ok: false, reason: `the answer has ${plural(dims.value, 'row')}; the query had ${plural(rows, 'image')}` }
  }
  const { data } = answer
  if (!(data instanceof Float32Array)) return { ok: false, reason: 'the answer data is not float32' }
  if (data.length !== rows * CLASSES) {
    return { ok: false, reason: `the answer holds ${data.length} values; ${plural(rows, 'row')} of 10 need ${rows * CLASSES}` }
  }
  for (let i = 0; i < data.length; i++) {
    const v = data[i] as number
    if (!Number.isFinite(v)) {
      return { ok: false, reason: `row ${Math.floor(i / CLASSES)}, digit ${i % CLASSES} is ${v}; every value must be a finite number` }
    }
  }
  return { ok: true, value: { data, dims: [rows, CLASSES] } }
}

// ── model files ────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * Can a model with this signature (from onnxruntime's session metadata) answer digits queries? The network judges
 * answers, not architectures, so the input's name is free; what must hold:
 * - exactly one input, float32, 4 dimensions [batch, 1, 28, 28];
 * - the first output float32 [batch, 10] (further outputs are ignored);
 * - the batch dimension free in both, or fixed at the same size in both (then the worker runs queries that size at a time).
 * Returns the input and output names the worker should use, or every problem found, in words.
 */
export function checkModelSignature(signature: ModelSignature): ModelSignatureCheck {
  return checkSingleTensorModel(signature, {
    task: 'digits',
    article: 'a',
    input: {
      shape: 'float32 [N, 1, 28, 28]',
      rank: 4,
      sizes: ([, c, h, w], label, shown) =>
        [c, h, w].some((d, i) => isFixed(d) && d !== [1, IMAGE_SIZE, IMAGE_SIZE][i]) ? `${label} is ${shown}; it must be float32 [N, 1, 28, 28] (one channel, 28×28 pixels)` : undefined,
    },
    output: {
      shape: 'float32 [N, 10]',
      rank: 2,
      sizes: ([, classes], label) => (isFixed(classes) && classes !== CLASSES ? `${label} gives ${classes} values per image; digits need ${CLASSES} (one per digit 0–9)` : undefined),
    },
  })
}
