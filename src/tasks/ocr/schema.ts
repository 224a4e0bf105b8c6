// The ocr task's data: what a validator sends (rendered lines), what a miner answers (texts), what a model file must declare (pure).
//
// Query:  N lines of text as 8-bit grey levels [N, 48, W] (0 = black, 255 = white), 1 ≤ N ≤ MAX_LINES, MIN_WIDTH ≤ W ≤ MAX_WIDTH.
//         One byte per pixel keeps a body 12× smaller than the float32 [N, 3, 48, W] the model takes; the miner expands it
//         (preprocess.ts). Challenges use W = LINE_WIDTH.
// Answer: N texts (UTF-8), one per line, each at most MAX_TEXT_BYTES.
// Model:  PaddleOCR-style recognition: float32 [N, 3, 48, W] in [−1, 1] → float32 [N, T, CLASSES] per-step class scores for
//         a greedy CTC decode (class 0 = blank, 1…6623 = ppocr_keys_v1.txt's lines, 6624 = space).

import type { Checked, ModelSignature, ModelSignatureCheck, ModelTensorSpec } from '../task.ts'

export const LINE_HEIGHT = 48
/** The width of every challenge line: 40 CTC steps for PaddleOCR's rec model (one per 8 columns). */
export const LINE_WIDTH = 320
export const MIN_WIDTH = 16
export const MAX_WIDTH = 640
/** 32 lines of 48 × 640 are 983,040 bytes: a query always fits the query protocol's 1 MiB body. */
export const MAX_LINES = 32
/** Longest text accepted per line, in UTF-8 bytes (a 640-wide line has 80 CTC steps; 3 bytes each for CJK). */
export const MAX_TEXT_BYTES = 256
/** PaddleOCR's rec output classes: blank + the 6,623 lines of ppocr_keys_v1.txt + space. */
export const CLASSES = 6625

export type OcrQuery = { data: Uint8Array; dims: readonly [number, 48, number] }
export type OcrAnswer = readonly string[]

export const OCR_SCHEMA = {
  id: 'ocr',
  query: {
    dims: ['N', LINE_HEIGHT, 'W'],
    type: 'uint8',
    doc: 'N grey-scale lines of text, 48 pixels high, W wide (0 = black, 255 = white); challenges use W = 320',
  },
  answer: { type: 'utf8[]', doc: 'N texts, one per line, each at most 256 bytes of UTF-8' },
  model: {
    input: { name: 'x', dims: ['N', 3, LINE_HEIGHT, 'W'], type: 'float32', range: [-1, 1], doc: '(grey / 255 − 0.5) / 0.5, the same in all 3 channels' },
    output: { dims: ['N', 'T', CLASSES], type: 'float32', doc: 'per step, scores for blank, ppocr_keys_v1.txt and space; greedy CTC decode' },
  },
  maxLines: MAX_LINES,
} as const

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

/** The dimensions of a query [N, 48, W], checked against the bounds (before any pixel is read). */
export function checkQueryDims(dims: unknown): Checked<readonly [number, 48, number]> {
  if (!Array.isArray(dims) || dims.length !== 3) return { ok: false, reason: `the query must have 3 dimensions [N, ${LINE_HEIGHT}, W]` }
  const [n, h, w] = dims as unknown[]
  if (!Number.isInteger(n) || (n as number) < 1 || (n as number) > MAX_LINES) {
    return { ok: false, reason: `the query holds ${String(n)} lines; it must hold 1 to ${MAX_LINES}` }
  }
  if (h !== LINE_HEIGHT) return { ok: false, reason: `the lines are ${String(h)} pixels high; they must be ${LINE_HEIGHT}` }
  if (!Number.isInteger(w) || (w as number) < MIN_WIDTH || (w as number) > MAX_WIDTH) {
    return { ok: false, reason: `the lines are ${String(w)} pixels wide; they must be ${MIN_WIDTH} to ${MAX_WIDTH}` }
  }
  return { ok: true, value: [n as number, LINE_HEIGHT, w as number] }
}

/** Miner side: refuse a query that is not uint8 [N, 48, W] within the bounds. */
export function checkQuery(query: unknown): Checked<OcrQuery> {
  if (typeof query !== 'object' || query === null || !('data' in query) || !('dims' in query)) {
    return { ok: false, reason: 'the query is not a tensor (it needs data and dims)' }
  }
  const { data } = query as { data: unknown }
  const dims = checkQueryDims((query as { dims: unknown }).dims)
  if (!dims.ok) return dims
  const [n, , w] = dims.value
  if (!(data instanceof Uint8Array)) return { ok: false, reason: 'the query data is not 8-bit grey levels' }
  const size = n * LINE_HEIGHT * w
  if (data.length !== size) {
    return { ok: false, reason: `the query holds ${data.length} pixels; ${plural(n, 'line')} of ${LINE_HEIGHT}×${w} need${n === 1 ? 's' : ''} ${size}` }
  }
  return { ok: true, value: { data, dims: dims.value } }
}

const utf8 = new TextEncoder()

/** Validator side: refuse an answer that is not `lines` strings of at most MAX_TEXT_BYTES each. */
export function checkAnswer(answer: unknown, lines: number): Checked<OcrAnswer> {
  if (!Array.isArray(answer)) return { ok: false, reason: 'the answer is not a list of texts' }
  if (answer.length !== lines) return { ok: false, reason: `the answer has ${plural(answer.length, 'text')}; the query had ${plural(lines, 'line')}` }
  for (let i = 0; i < answer.length; i++) {
    const t = answer[i] as unknown
    if (typeof t !== 'string') return { ok: false, reason: `text ${i} is not a string` }
    const bytes = utf8.encode(t).length
    if (bytes > MAX_TEXT_BYTES) return { ok: false, reason: `text ${i} is ${bytes} bytes; at most ${MAX_TEXT_BYTES} are read` }
  }
  return { ok: true, value: answer as string[] }
}

// ── model files ────────────────────────────────────────────────────────────────────────────────────────────────

const isFixed = (d: number | string | null | undefined): d is number => typeof d === 'number' && d >= 0
const showDims = (dims: ReadonlyArray<number | string | null>) =>
  `[${dims.map((d) => (isFixed(d) ? String(d) : typeof d === 'string' && d ? d : '?')).join(', ')}]`
const showSpec = (s: ModelTensorSpec) => `${s.type} ${showDims(s.dims)}`

/**
 * Can a model with this signature read ocr queries? The network judges texts, not architectures; what must hold:
 * - exactly one input, float32 [batch, 3, 48, width], with the width free or fixed at LINE_WIDTH (320);
 * - the first output float32 [batch, steps, 6625] (PaddleOCR's dictionary; further outputs are ignored);
 * - the batch dimension free in both, or fixed at the same size in both.
 * Returns the input and output names to use, or every problem found, in words.
 */
export function checkModelSignature(signature: ModelSignature): ModelSignatureCheck {
  const problems: string[] = []
  const { inputs, outputs } = signature
  if (inputs.length !== 1) problems.push(`an ocr model takes exactly 1 input; this one takes ${inputs.length}`)
  if (outputs.length < 1) problems.push('the model has no outputs')
  const input = inputs[0]
  const output = outputs[0]
  const wantIn = `float32 [N, 3, ${LINE_HEIGHT}, W]`
  const wantOut = `float32 [N, T, ${CLASSES}]`
  let inBatch: number | string | null | undefined
  let outBatch: number | string | null | undefined
  if (input) {
    const label = `input '${input.name ?? '?'}'`
    if (input.isTensor === false || input.dims.length === 0) problems.push(`${label} declares no tensor shape; it must be ${wantIn}`)
    else if (input.type !== 'float32' || input.dims.length !== 4) problems.push(`${label} is ${showSpec(input)}; it must be ${wantIn}`)
    else {
      const [, c, h, w] = input.dims
      if ((isFixed(c) && c !== 3) || (isFixed(h) && h !== LINE_HEIGHT)) {
        problems.push(`${label} is ${showSpec(input)}; it must be ${wantIn} (3 channels, lines 48 pixels high)`)
      } else if (isFixed(w) && w !== LINE_WIDTH) {
        problems.push(`${label} takes lines ${w} pixels wide; challenge lines are ${LINE_WIDTH} (leave the width free, or fix it at ${LINE_WIDTH})`)
      }
      inBatch = input.dims[0]
    }
  }
  if (output) {
    const label = `output '${output.name ?? '?'}'`
    if (output.isTensor === false || output.dims.length === 0) problems.push(`${label} declares no tensor shape; it must be ${wantOut}`)
    else if (output.type !== 'float32' || output.dims.length !== 3) problems.push(`${label} is ${showSpec(output)}; it must be ${wantOut}`)
    else {
      const classes = output.dims[2]
      if (isFixed(classes) && classes !== CLASSES) {
        problems.push(`${label} gives ${classes} scores per step; PaddleOCR's dictionary needs ${CLASSES} (blank, 6,623 characters, space)`)
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
    return { ok: false, problems, reason: `this model cannot answer ocr queries: ${problems.join('; ')}` }
  }
  return { ok: true, inputName: input.name ?? '', outputName: output.name ?? '', batch: isFixed(inBatch) ? inBatch : 'dynamic' }
}
