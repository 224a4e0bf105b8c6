// The ocr task: read a line of text. Challenges are random texts drawn with DejaVu fonts, seeded; score = 1 − CER.

import type { Task } from '../task.ts'
import { makeOcrChallenge, type OcrChallengeOptions } from './challenge.ts'
import type { CreateCanvas } from './render.ts'
import { checkAnswer, checkModelSignature, checkQuery, OCR_SCHEMA, type OcrAnswer, type OcrQuery } from './schema.ts'
import { scoreOcr, type OcrExpected } from './score.ts'

/** `Data` is a canvas maker with the challenge fonts loaded (`nodeOcrCanvas()`, `browserOcrCanvas()`). */
export type OcrTask = Task<CreateCanvas, OcrQuery, OcrAnswer, OcrExpected, OcrChallengeOptions>

export const ocrTask: OcrTask = {
  id: 'ocr',
  schema: OCR_SCHEMA,
  checkQuery,
  checkAnswer: (answer, query) => checkAnswer(answer, query.dims[0]),
  checkModelSignature,
  challenge: (seed, createCanvas, options) => {
    const { query, expected } = makeOcrChallenge(seed, createCanvas, options)
    return { query, expected: { texts: expected.texts } }
  },
  score: (answer, expected) => {
    const s = scoreOcr(answer, expected)
    return s.ok ? { ok: true, score: s.score } : s
  },
}
