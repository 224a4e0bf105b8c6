// Scoring one step's answers (pure, no I/O, runnable in a Worker): the task's score of each answer's bytes times a latency credit.
//
// The latency rule: an answer that arrives within `fullCreditFraction` of the deadline (half, by default) gets full credit; after that
// the credit falls linearly to `floor` (0.5 by default) at the deadline; past the deadline it is 0 (the query layer has already given
// up by then, so in practice a late miner is a timeout). A step's score = task score (0..1) × latency credit.
import type { ValidatorTask } from '../tasks/task.ts'

export type LatencyRule = {
  /** Full credit up to this fraction of the deadline (0..1). */
  fullCreditFraction: number
  /** Credit at the deadline itself (0..1); linear in between. */
  floor: number
}

/** How long a miner has to answer unless the validator says otherwise, ms. */
export const DEFAULT_DEADLINE_MS = 10_000

export const DEFAULT_LATENCY_RULE: LatencyRule = { fullCreditFraction: 0.5, floor: 0.5 }

/** Credit in [0, 1] for an answer that took `latencyMs` against a `deadlineMs` deadline. */
export function latencyCredit(latencyMs: number, deadlineMs: number, rule: LatencyRule = DEFAULT_LATENCY_RULE): number {
  if (!(deadlineMs > 0)) throw new RangeError(`the deadline must be a positive number of milliseconds, not ${deadlineMs}`)
  if (!(rule.fullCreditFraction >= 0 && rule.fullCreditFraction <= 1)) throw new RangeError(`fullCreditFraction must be from 0 to 1, not ${rule.fullCreditFraction}`)
  if (!(rule.floor >= 0 && rule.floor <= 1)) throw new RangeError(`the latency floor must be from 0 to 1, not ${rule.floor}`)
  if (!(latencyMs >= 0) || latencyMs > deadlineMs) return 0
  const full = rule.fullCreditFraction * deadlineMs
  if (latencyMs <= full) return 1
  return 1 - ((1 - rule.floor) * (latencyMs - full)) / (deadlineMs - full)
}

/** One miner's answer as the query layer delivered it. */
export type Answer = { uid: number; body: Uint8Array; latencyMs: number }

export type ScoredAnswer =
  | { uid: number; ok: true; taskScore: number; latencyCredit: number; score: number; latencyMs: number }
  | { uid: number; ok: false; score: 0; reason: string; latencyMs: number }

/** Scores every answer of a step against what the validator expected; a malformed answer scores 0 with the task's reason. */
export async function scoreAnswers<Expected>(
  scoreAnswer: ValidatorTask<Expected>['scoreAnswer'],
  expected: Expected,
  answers: readonly Answer[],
  deadlineMs: number,
  rule: LatencyRule = DEFAULT_LATENCY_RULE,
): Promise<ScoredAnswer[]> {
  return Promise.all(answers.map(async ({ uid, body, latencyMs }): Promise<ScoredAnswer> => {
    const scored = await scoreAnswer(body, expected)
    if (!scored.ok) return { uid, ok: false, score: 0, reason: scored.reason, latencyMs }
    if (!(scored.score >= 0 && scored.score <= 1)) return { uid, ok: false, score: 0, reason: `the task scored the answer ${scored.score}, outside 0..1`, latencyMs }
    const credit = latencyCredit(latencyMs, deadlineMs, rule)
    return { uid, ok: true, taskScore: scored.score, latencyCredit: credit, score: scored.score * credit, latencyMs }
  }))
}
