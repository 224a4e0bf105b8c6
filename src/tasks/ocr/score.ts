// Scoring an ocr answer: the mean over lines of 1 − character error rate (pure).
//
// CER = Levenshtein distance (insertions, deletions, substitutions, by Unicode code point) between the read text and the
// drawn one, divided by the drawn text's length; a line scores max(0, 1 − CER). The answer is normalised first: Unicode
// NFKC (a full-width ？ reads as ?) and whitespace removed (drawn texts hold none; readers often add one at an edge).
import type { OcrAnswer } from './schema.ts'
import { checkAnswer } from './schema.ts'

export type OcrExpected = { texts: readonly string[] }

export type OcrScore =
  | { ok: true; score: number; perLine: number[]; exact: number }
  | { ok: false; score: 0; reason: string }

/** Edit distance between two strings by code point (two-row dynamic programme, O(|a|·|b|) time, O(|b|) space). */
export function levenshtein(a: string, b: string): number {
  const x = Array.from(a)
  const y = Array.from(b)
  if (x.length === 0) return y.length
  if (y.length === 0) return x.length
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j)
  let cur = new Array<number>(y.length + 1)
  for (let i = 1; i <= x.length; i++) {
    cur[0] = i
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1
      cur[j] = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost)
    }
    ;[prev, cur] = [cur, prev]
  }
  return prev[y.length] as number
}

export const normaliseAnswer = (text: string) => text.normalize('NFKC').replace(/\s+/g, '')

/** Character error rate of `read` against `truth` (may exceed 1 when `read` is much longer). */
export function characterErrorRate(read: string, truth: string): number {
  const n = Array.from(truth).length
  const d = levenshtein(normaliseAnswer(read), truth)
  return n === 0 ? (d === 0 ? 0 : 1) : d / n
}

/** Mean of max(0, 1 − CER) over the lines, after checking the answer's shape. */
export function scoreOcr(answer: unknown, expected: OcrExpected): OcrScore {
  const checked = checkAnswer(answer, expected.texts.length)
  if (!checked.ok) return { ok: false, score: 0, reason: checked.reason }
  const perLine = expected.texts.map((truth, i) => Math.max(0, 1 - characterErrorRate(checked.value[i] as string, truth)))
  const exact = perLine.filter((s) => s === 1).length
  return { ok: true, score: perLine.reduce((a, b) => a + b, 0) / perLine.length, perLine, exact }
}

export type { OcrAnswer }
