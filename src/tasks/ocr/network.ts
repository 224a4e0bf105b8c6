// The ocr task over the network: validators send rendered lines and score the texts that come back; miners expand the
// lines for their model, run it and answer its greedy CTC reading (pure, given a canvas and a model runner).
import type { Seed } from '../prng.ts'
import type { MinerTask, RunModel, TaskScore, ValidatorTask } from '../task.ts'
import { makeOcrChallenge, type OcrChallengeOptions } from './challenge.ts'
import { ctcGreedyDecode } from './ctc.ts'
import { linesToTensor } from './preprocess.ts'
import type { CreateCanvas } from './render.ts'
import { CLASSES, checkModelSignature, LINE_HEIGHT, MAX_TEXT_BYTES } from './schema.ts'
import { scoreOcr, type OcrExpected } from './score.ts'
import { decodeOcrAnswer, decodeOcrQuery, encodeOcrAnswer, encodeOcrQuery } from './wire.ts'

export type OcrValidatorOptions = {
  /** A canvas maker with the challenge fonts loaded (`nodeOcrCanvas` in Node, `browserOcrCanvas` in a page or worker); called once, on the first challenge. */
  canvas: () => Promise<CreateCanvas>
  /** Further challenge options (text lengths, augmentation); `size` comes per challenge. */
  challenge?: Omit<OcrChallengeOptions, 'size'>
}

/** Scoring is synchronous here (edit distances over a few dozen glyphs); the type says so. */
export type OcrValidatorTask = Omit<ValidatorTask<OcrExpected>, 'scoreAnswer'> & { scoreAnswer(body: Uint8Array, expected: OcrExpected): TaskScore }

export function ocrValidatorTask(options: OcrValidatorOptions): OcrValidatorTask {
  let canvas: Promise<CreateCanvas> | undefined
  return {
    id: 'ocr',
    async challenge(seed: Seed, { size }: { size?: number } = {}) {
      canvas ??= options.canvas()
      const { query, expected } = makeOcrChallenge(seed, await canvas, { ...options.challenge, ...(size !== undefined ? { size } : {}) })
      return { body: encodeOcrQuery(query), expected: { texts: expected.texts }, size: query.dims[0] }
    },
    scoreAnswer(body: Uint8Array, expected: OcrExpected): TaskScore {
      const answer = decodeOcrAnswer(body, expected.texts.length)
      if (!answer.ok) return { ok: false, score: 0, reason: answer.reason }
      const s = scoreOcr(answer.value, expected)
      return s.ok ? { ok: true, score: s.score } : s
    },
  }
}

/** The longest prefix of `text` whose UTF-8 fits `bytes`, cut between code points. */
function fitUtf8(text: string, bytes: number): string {
  const enc = new TextEncoder()
  if (enc.encode(text).length <= bytes) return text
  let out = ''
  let used = 0
  for (const ch of text) {
    const n = enc.encode(ch).length
    if (used + n > bytes) break
    out += ch
    used += n
  }
  return out
}

/**
 * The miner side, for a model with PaddleOCR's output classes: `classes` is `parseDictionary(ppocr_keys_v1.txt)` (blank,
 * the 6,623 characters, space). `answer` throws an Error saying what was wrong with the request or the model's output.
 */
export function ocrMinerTask(classes: readonly string[]): MinerTask {
  if (classes.length !== CLASSES) throw new RangeError(`the dictionary gives ${classes.length} classes; PaddleOCR's rec model has ${CLASSES}`)
  return {
    id: 'ocr',
    checkModelSignature,
    async answer(body: Uint8Array, run: RunModel): Promise<Uint8Array> {
      const query = decodeOcrQuery(body)
      if (!query.ok) throw new Error(`bad ocr query: ${query.reason}`)
      const lines = query.value.dims[0]
      const output = await run(linesToTensor(query.value))
      const { texts } = ctcGreedyDecode(output, classes, lines)
      return encodeOcrAnswer(texts.map((t) => fitUtf8(t, MAX_TEXT_BYTES)))
    },
  }
}

/** What the browser worker checks a model file against while loading it (src/miner-worker/signature.ts's shape). */
export const OCR_WORKER_SIGNATURE = {
  inputs: [{ dims: ['N', 3, LINE_HEIGHT, 'W'], type: 'float32' as const }],
  outputs: [{ dims: ['N', 'T', CLASSES], type: 'float32' as const }],
}
