// The digits task's tensors: what a validator sends, what a miner answers, what a model file must declare (pure).
//
// Query:  float32 [N, 1, 28, 28], every pixel in [0, 1] (0 = background), 1 ≤ N ≤ MAX_BATCH.
// Answer: float32 [N, 10], one row per image: probabilities or logits; the row's argmax is the predicted digit.
// Both ends check: the miner refuses a malformed query before inference, the validator a malformed answer before scoring.

import type { Checked, ModelSignature, ModelSignatureCheck, ModelTensorSpec } from '../task.ts'

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

const isFixed = (d: number | string | null | undefined): d is number => typeof d === 'number' && d >= 0
const showDims = (dims: ReadonlyArray<number | string | null>) =>
  `[${dims.map((d) => (isFixed(d) ? String(d) : typeof d === 'string' && d ? d : '?')).join(', ')}]`
const showSpec = (s: ModelTensorSpec) => `${s.type} ${showDims(s.dims)}`

/**
 * Can a model with this signature (from onnxruntime's session metadata) answer digits queries? The network judges
 * answers, not architectures, so the input's name is free; what must hold:
 * - exactly one input, float32, 4 dimensions [batch, 1, 28, 28];
 * - the first output float32 [batch, 10] (further outputs are ignored);
 * - the batch dimension free in both, or fixed at the same size in both (then the worker runs queries that size at a time).
 * Returns the input and output names the worker should use, or every problem found, in words.
 */
export function checkModelSignature(signature: ModelSignature): ModelSignatureCheck {
  const problems: string[] = []
  const { inputs, outputs } = signature
  if (inputs.length !== 1) problems.push(`a digits model takes exactly 1 input; this one takes ${inputs.length}`)
  if (outputs.length < 1) problems.push('the model has no outputs')
  const input = inputs[0]
  const output = outputs[0]
  const wantIn = `float32 [N, 1, 28, 28]`
  const wantOut = `float32 [N, 10]`
  let inBatch: number | string | null | undefined
  let outBatch: number | string | null | undefined
  if (input) {
    const label = `input '${input.name ?? '?'}'`
    if (input.isTensor === false) problems.push(`${label} is not a tensor; it must be ${wantIn}`)
    else if (input.dims.length === 0) problems.push(`${label} declares no shape; it must be ${wantIn}`)
    else if (input.type !== 'float32' || input.dims.length !== 4) problems.push(`${label} is ${showSpec(input)}; it must be ${wantIn}`)
    else {
      const [, c, h, w] = input.dims
      if ([c, h, w].some((d, i) => isFixed(d) && d !== [1, IMAGE_SIZE, IMAGE_SIZE][i])) {
        problems.push(`${label} is ${showSpec(input)}; it must be ${wantIn} (one channel, 28×28 pixels)`)
      }
      inBatch = input.dims[0]
    }
  }
  if (output) {
    const label = `output '${output.name ?? '?'}'`
    if (output.isTensor === false) problems.push(`${label} is not a tensor; it must be ${wantOut}`)
    else if (output.dims.length === 0) problems.push(`${label} declares no shape; it must be ${wantOut}`)
    else if (output.type !== 'float32' || output.dims.length !== 2) problems.push(`${label} is ${showSpec(output)}; it must be ${wantOut}`)
    else {
      const classes = output.dims[1]
      if (isFixed(classes) && classes !== CLASSES) {
        problems.push(`${label} gives ${classes} values per image; digits need ${CLASSES} (one per digit 0–9)`)
      }
      outBatch = output.dims[0]
    }
  }
  if (problems.length === 0 && isFixed(inBatch) !== isFixed(outBatch)) {
    problems.push(`the batch dimension is fixed on one side only (input ${showDims([inBatch ?? null])}, output ${showDims([outBatch ?? null])})`)
  } else if (problems.length === 0 && isFixed(inBatch) && isFixed(outBatch) && (inBatch !== outBatch || inBatch < 1)) {
    problems.push(`the input takes batches of ${inBatch} but the output gives ${outBatch} rows`)
  }
  if (problems.length || !input || !output) {
    return { ok: false, problems, reason: `this model cannot answer digits queries: ${problems.join('; ')}` }
  }
  return {
    ok: true,
    inputName: input.name ?? '',
    outputName: output.name ?? '',
    batch: isFixed(inBatch) ? inBatch : 'dynamic',
  }
}
