// "What if": the subnet's next epoch run twice with the chain's own Yuma code (src/runtime/epoch.ts), as things stand and with one
// validator's pending weights in place, so the Validate page can show how incentive and dividends would move (pure).
import { runEpoch, type EpochResult, type EpochState, type SparseU16Row } from '../runtime/epoch.ts'

export type WeightsPreview = {
  /** The next epoch as the chain would run it now. */
  now: EpochResult
  /** The same epoch with `weights` as `uid`'s row, set at the block before it. */
  then: EpochResult
  /** Per UID: incentive and dividends now → then, as fractions 0–1. */
  rows: Array<{ uid: number; incentive: [number, number]; dividends: [number, number] }>
}

/**
 * `weights` are stored-form u16 values (what set_weights / reveal_weights leave in Weights after normalisation). `emission` only scales
 * the α amounts in the results; the fractions do not depend on it.
 */
export function previewWeights(state: EpochState, uid: number, weights: SparseU16Row, emission = 1_000_000_000n): WeightsPreview {
  if (!Number.isInteger(uid) || uid < 0 || uid >= state.neurons.length) throw new RangeError(`UID ${uid} is not on this subnet (it has ${state.neurons.length})`)
  for (const [target, value] of weights) {
    if (!Number.isInteger(target) || target < 0 || target >= state.neurons.length) throw new RangeError(`a weight names UID ${target}, which is not on this subnet`)
    if (!Number.isInteger(value) || value < 0 || value > 65_535) throw new RangeError(`weight ${value} on UID ${target} is not a u16`)
  }
  const now = runEpoch(state, emission)
  const updated: EpochState = {
    ...state,
    weights: state.weights.map((row, i) => (i === uid ? weights : row)),
    neurons: state.neurons.map((n, i) => (i === uid ? { ...n, lastUpdate: state.block - 1n } : n)),
  }
  const then = runEpoch(updated, emission)
  const f = (x: number) => x / 65_535
  return {
    now,
    then,
    rows: state.neurons.map((_, i) => ({ uid: i, incentive: [f(now.incentive[i]!), f(then.incentive[i]!)], dividends: [f(now.dividends[i]!), f(then.dividends[i]!)] })),
  }
}
