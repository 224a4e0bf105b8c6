// The digits task: classify 28×28 handwritten digits; challenges are augmented held-out MNIST digits.

import type { Task } from '../task.ts'
import { makeChallenge, type DigitsChallengeOptions, type DigitsExpected } from './challenge.ts'
import type { DigitSet } from './data.ts'
import { checkAnswer, checkModelSignature, checkQuery, DIGITS_SCHEMA, type DigitsAnswer, type DigitsQuery } from './schema.ts'
import { scoreDigits } from './score.ts'

export type DigitsTask = Task<DigitSet, DigitsQuery, DigitsAnswer, DigitsExpected, DigitsChallengeOptions>

export const digitsTask: DigitsTask = {
  id: 'digits',
  schema: DIGITS_SCHEMA,
  checkQuery,
  checkAnswer: (answer, query) => checkAnswer(answer, query.dims[0]),
  checkModelSignature,
  challenge: (seed, heldOut, options) => makeChallenge(seed, heldOut, options),
  score: (answer, expected) => {
    const s = scoreDigits(answer, expected)
    return s.ok ? { ok: true, score: s.score } : s
  },
}

