import { expect, test } from 'vitest'
import { argmaxRows, latencyFactor, scoreDigits } from './score.ts'

const rows = (...preds: number[]) => {
  const data = new Float32Array(preds.length * 10)
  preds.forEach((p, r) => (data[r * 10 + p] = 5))
  return { data, dims: [preds.length, 10] }
}
const expected = (...labels: number[]) => ({ labels: Uint8Array.from(labels), heldOutIndex: new Uint32Array(labels.length) })

test('accuracy is the share of rows whose argmax is the expected digit', () => {
  const s = scoreDigits(rows(3, 1, 4, 1, 5), expected(3, 1, 4, 1, 9))
  expect(s).toMatchObject({ ok: true, score: 0.8, correct: 4, total: 5 })
})

test('probabilities and logits score the same', () => {
  const logits = { data: new Float32Array([-3, 2.5, -1, 0, 0, 0, 0, 0, 0, 7, /* row 2 */ 9, 0, 0, 0, 0, 0, 0, 0, 0, 8.9]), dims: [2, 10] }
  expect(scoreDigits(logits, expected(9, 0)).score).toBe(1)
})

test('ties go to the lower digit, so a constant answer earns only the share of zeros', () => {
  expect([...argmaxRows(new Float32Array(20).fill(0.1), 2)]).toEqual([0, 0])
  expect(scoreDigits({ data: new Float32Array(40).fill(0.1), dims: [4, 10] }, expected(0, 1, 2, 3)).score).toBe(0.25)
})

test('malformed answers are refused and score 0, with the reason', () => {
  expect(scoreDigits(rows(1, 2), expected(1, 2, 3))).toEqual({ ok: false, score: 0, reason: 'the answer has 2 rows; the query had 3 images' })
  const nan = rows(1)
  nan.data[4] = Number.NaN
  expect(scoreDigits(nan, expected(1))).toMatchObject({ ok: false, score: 0, reason: expect.stringMatching(/NaN/) })
  expect(scoreDigits(undefined, expected(1))).toMatchObject({ ok: false, score: 0 })
})

test('latency credit: full up to 500 ms, none from 5 s, linear between; kept apart from accuracy', () => {
  expect(latencyFactor(0)).toBe(1)
  expect(latencyFactor(500)).toBe(1)
  expect(latencyFactor(2750)).toBe(0.5)
  expect(latencyFactor(5000)).toBe(0)
  expect(latencyFactor(60_000)).toBe(0)
  expect(latencyFactor(Number.NaN)).toBe(0)
  expect(latencyFactor(150, { fullCreditMs: 100, zeroCreditMs: 200 })).toBe(0.5)
})
