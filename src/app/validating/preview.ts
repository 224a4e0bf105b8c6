// The weights the "what if" preview puts in this validator's row (pure): the newest commit it has not revealed, else what it would
// commit now from its moving scores (src/validator/weights.ts, the loop's own rule), as the stored-form u16 row previewWeights takes.
import type { SparseU16Row } from '../../runtime/epoch.ts'
import { weightsFromScores, type WeightsLimits } from '../../validator/weights.ts'
import type { PendingWeights } from './store.ts'

export type PreviewWeights = { row: SparseU16Row; source: 'commit' | 'scores' }

/** Max-upscaled to 65535 as the chain stores a row; zero entries dropped. */
export function storedRow(uids: readonly number[], values: readonly number[]): SparseU16Row {
  const max = Math.max(0, ...values)
  if (max === 0) return []
  return uids.flatMap((uid, i) => {
    const v = Math.round((values[i]! * 0xffff) / max)
    return v > 0 ? [[uid, v] as [number, number]] : []
  })
}

export function previewWeightsFor(pending: PendingWeights | undefined, scores: ReadonlyArray<{ uid: number; score: number }>, limits: WeightsLimits): PreviewWeights | undefined {
  if (pending) return { row: storedRow(pending.uids, pending.values), source: 'commit' }
  if (!scores.some((s) => s.score > 0)) return undefined
  const vector = weightsFromScores(scores, limits)
  return { row: storedRow(vector.uids, vector.values), source: 'scores' }
}
