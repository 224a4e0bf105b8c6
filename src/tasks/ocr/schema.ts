// The ocr task's data: what a validator sends (rendered lines), what a miner answers (texts), what a model file must declare (pure).
//
// Query:  N lines of text as 8-bit grey levels [N, 48, W] (0 = black, 255 = white), 1 ≤ N ≤ MAX_LINES, MIN_WIDTH ≤ W ≤ MAX_WIDTH.
//         One byte per pixel keeps a body 12× smaller than the float32 [N, 3, 48, W] the model takes; the miner expands it
//         (preprocess.ts). Challenges use W = LINE_WIDTH.
// Answer: N texts (UTF-8), one per line, each at most MAX_TEXT_BYTES.
// Model:  PaddleOCR-style recognition: float32 [N, 3, 48, W] in [−1, 1] → float32 [N, T, CLASSES] per-step class scores for
//         a greedy CTC decode (class 0 = blank, 1…6623 = ppocr_keys_v1.txt's lines, 6624 = space).

import type { Checked, ModelSignature, ModelSignatureCheck } from '../task.ts'
import { checkSingleTensorModel, isFixed } from '../signature.ts'

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

/**
 * Can a model with this signature read ocr queries? The network judges texts, not architectures; what must hold:
 * - exactly one input, float32 [batch, 3, 48, width], with the width free or fixed at LINE_WIDTH (320);
 * - the first output float32 [batch, steps, 6625] (PaddleOCR's dictionary; further outputs are ignored);
 * - the batch dimension free in both, or fixed at the same size in both.
 * Returns the input and output names to use, or every problem found, in words.
 */
export function checkModelSignature(signature: ModelSignature): ModelSignatureCheck {
  const shape = `float32 [N, 3, ${LINE_HEIGHT}, W]`
  return checkSingleTensorModel(signature, {
    task: 'ocr',
    article: 'an',
    input: {
      shape,
      rank: 4,
      sizes: ([, c, h, w], label, shown) =>
        (isFixed(c) && c !== 3) || (isFixed(h) && h !== LINE_HEIGHT)
          ? `${label} is ${shown}; it must be ${shape} (3 channels, lines 48 pixels high)`
          : isFixed(w) && w !== LINE_WIDTH
            ? `${label} takes lines ${w} pixels wide; challenge lines are ${LINE_WIDTH} (leave the width free, or fix it at ${LINE_WIDTH})`
            : undefined,
    },
    output: {
      shape: `float32 [N, T, ${CLASSES}]`,
      rank: 3,
      sizes: ([, , classes], label) =>
        isFixed(classes) && classes !== CLASSES ? `${label} gives ${classes} scores per step; PaddleOCR's dictionary needs ${CLASSES} (blank, 6,623 characters, space)` : undefined,
    },
  })
}
