// Scoring a digits answer: accuracy over the batch; a malformed answer is refused and scores 0 (pure).
//
// Latency is kept apart (`latencyFactor`): accuracy says whether the miner is right, the factor how fast it was;
// the validator multiplies them when it builds weights, and can show each on its own.

import { checkAnswer } from './schema.ts'
import type { DigitsExpected } from './challenge.ts'

export type DigitsScore =
  | { ok: true; score: number; correct: number; total: number; predictions: Uint8Array }
  | { ok: false; score: 0; reason: string }

/** Index of each row's largest value (the first on ties). Rows must already be checked finite. */
export function argmaxRows(data: Float32Array, rows: number): Uint8Array {
  const CLASSES = 10 // a local: imported bindings are slow in hot loops under tsx
  const out = new Uint8Array(rows)
  for (let r = 0; r < rows; r++) {
    let best = 0
    let bestValue = data[r * CLASSES] as number
    for (let c = 1; c < CLASSES; c++) {
      const v = data[r * CLASSES + c] as number
      if (v > bestValue) {
        bestValue = v
        best = c
      }
    }
    out[r] = best
  }
  return out
}

/** Fraction of rows whose argmax is the expected digit, after checking the answer's shape and values. */
export function scoreDigits(answer: unknown, expected: DigitsExpected): DigitsScore {
  const total = expected.labels.length
  const checked = checkAnswer(answer, total)
  if (!checked.ok) return { ok: false, score: 0, reason: checked.reason }
  const predictions = argmaxRows(checked.value.data, total)
  let correct = 0
  for (let i = 0; i < total; i++) if (predictions[i] === expected.labels[i]) correct++
  return { ok: true, score: correct / total, correct, total, predictions }
}

export type LatencyPolicy = {
  /** At or under this, full credit. */
  fullCreditMs: number
  /** At or over this, no credit (the validator's deadline); linear in between. */
  zeroCreditMs: number
}

/** A browser tab on WASM answers a 64-digit batch in a few ms; the network round trip dominates. */
export const DIGITS_LATENCY: LatencyPolicy = { fullCreditMs: 500, zeroCreditMs: 5000 }

/** Credit in [0, 1] for answering in `latencyMs`. */
export function latencyFactor(latencyMs: number, policy: LatencyPolicy = DIGITS_LATENCY): number {
  if (!(latencyMs >= 0)) return 0
  if (latencyMs <= policy.fullCreditMs) return 1
  if (latencyMs >= policy.zeroCreditMs) return 0
  return (policy.zeroCreditMs - latencyMs) / (policy.zeroCreditMs - policy.fullCreditMs)
}
