// The per-miner table of the Validate page, folded from the validator loop's step reports (pure): this step's score, the moving score,
// latency, the last outcome in words, and refusals counted by reason across steps.
import type { MinerOutcome, StepReport } from '../../validator/validator.ts'

export type MinerStats = {
  uid: number
  hotkey: string
  /** This step's score (task score × latency credit), 0 unless it answered. */
  score: number
  movingScore: number
  /** The latest answer's round trip, ms (undefined when it did not answer). */
  latencyMs: number | undefined
  /** The latest outcome: 'answered', 'malformed', 'refused', 'timeout', 'rejected' or 'unreachable'. */
  outcome: MinerOutcome['kind']
  /** The latest outcome in words. */
  last: string
  /** Steps this miner was queried in, and answered. */
  queried: number
  answered: number
  /** Refusals (the miner said no) by reason, over every step. */
  refusals: Record<string, number>
  /** The step this row was last updated in. */
  step: number
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`

/** An outcome as the table says it. */
export function describeOutcome(o: MinerOutcome): string {
  switch (o.kind) {
    case 'answered':
      return `answered: ${pct(o.taskScore)} correct${o.latencyCredit < 1 ? `, latency credit ${o.latencyCredit.toFixed(2)}` : ''}`
    case 'malformed':
      return `malformed answer: ${o.reason}`
    case 'refused':
      return `refused (${o.reason}): ${o.message}`
    case 'timeout':
      return 'no answer before the deadline'
    case 'rejected':
      return `answer rejected (${o.reason}): ${o.message}`
    case 'unreachable':
      return `unreachable: ${o.message}`
  }
}

/** The table after one step: rows for miners queried this step are updated, others kept as they were. Sorted by UID. */
export function foldStep(previous: readonly MinerStats[], report: Pick<StepReport, 'step' | 'rows'>): MinerStats[] {
  const byUid = new Map(previous.map((r) => [r.uid, r]))
  for (const row of report.rows) {
    const before = byUid.get(row.uid)
    // a UID that changed hands starts over
    const prev = before && before.hotkey === row.hotkey ? before : undefined
    const o = row.outcome
    const refusals = { ...(prev?.refusals ?? {}) }
    if (o.kind === 'refused') refusals[o.reason] = (refusals[o.reason] ?? 0) + 1
    byUid.set(row.uid, {
      uid: row.uid,
      hotkey: row.hotkey,
      score: row.score,
      movingScore: row.movingScore,
      latencyMs: o.kind === 'answered' || o.kind === 'malformed' ? o.latencyMs : undefined,
      outcome: o.kind,
      last: describeOutcome(o),
      queried: (prev?.queried ?? 0) + 1,
      answered: (prev?.answered ?? 0) + (o.kind === 'answered' ? 1 : 0),
      refusals,
      step: report.step,
    })
  }
  return [...byUid.values()].sort((a, b) => a.uid - b.uid)
}

/** "NoValidatorPermit 2, RateLimited 1", or "none". */
export const refusalsText = (refusals: Record<string, number>): string => {
  const entries = Object.entries(refusals).sort((a, b) => b[1] - a[1])
  return entries.length === 0 ? 'none' : entries.map(([reason, n]) => `${reason} ${n}`).join(', ')
}
