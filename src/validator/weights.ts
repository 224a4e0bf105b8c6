// Moving scores → the u16 weights vector set_weights / reveal_weights take, never one subtensor would refuse (pure).
//
// How (subtensor's checks from subnets/weights.rs, reused from the devnet runtime where they are pure):
//   1. keep scores > 0 of UIDs on the subnet (uid < SubnetworkN) other than the validator's own (the epoch drops self-weights anyway);
//   2. none left → a single weight on itself: subtensor accepts a lone self-weight without a permit and whatever MinAllowedWeights says
//      (`check_length`, `check_validator_permit`, `max_weight_limited` all exempt `is_self_weight`), and the epoch ignores it: the
//      validator stays active and votes for nobody. (Bittensor's SDK `process_weights` spreads weight evenly over every UID instead,
//      which would pay miners that answered nothing.)
//   3. normalize to sum 1; with MaxWeightsLimit below 65535, cap each at limit/65535 and spread the excess over the others
//      (the SDK's `normalize_max_weight`). Spec 425 reads the limit as the constant u16::MAX, so this only matters on older runtimes;
//      a cap the kept UIDs cannot meet (fewer than 65535/limit of them) falls back to the self-weight;
//   4. max-upscale to u16 (largest = 65535), as the chain stores them, and drop values that round to 0;
//   5. fewer entries than min(MinAllowedWeights, SubnetworkN) → pad with zero-valued entries on other UIDs (lowest first, the
//      validator's own last): `check_length` counts entries, not non-zero ones, and a zero weight pays nobody;
//   6. sort by UID; the version key is the subnet's WeightsVersionKey (the chain accepts any key ≥ it);
//   7. check the result as the chain would (`checkWeightsVector`); a failure there is a bug, answered with the self-weight.
import { maxUpscale } from '../runtime/pallets/subtensor/weights/upscale.ts'
import { hasDuplicateUids, isSelfWeight, maxWeightLimited } from '../runtime/pallets/subtensor/weights/setWeights.ts'

const U16_MAX = 0xffff

/** What the chain checks a weights vector against, read from the subnet (getWeightsState / getMetagraph). */
export type WeightsLimits = {
  /** The validator's own UID. */
  selfUid: number
  /** SubnetworkN: UIDs are 0 … subnetN − 1. */
  subnetN: number
  minAllowedWeights: number
  /** MaxWeightsLimit (u16; 65535 = no limit). */
  maxWeightsLimit: number
  /** WeightsVersionKey: the lowest version key the chain accepts. */
  versionKey: bigint
}

export type WeightsVector = {
  uids: number[]
  values: number[]
  versionKey: bigint
  /** `scores`: from the scores; `padded`: scores plus zero-valued entries to reach MinAllowedWeights; `self`: a lone self-weight. */
  kind: 'scores' | 'padded' | 'self'
  /** Why it has this shape, in words. */
  note: string
}

export type WeightsCheck = { ok: true } | { ok: false; error: string; reason: string }

function assertLimits(l: WeightsLimits): void {
  if (!Number.isInteger(l.subnetN) || l.subnetN < 1 || l.subnetN > U16_MAX) throw new RangeError(`the subnet's UID count must be a whole number from 1 to 65535, not ${l.subnetN}`)
  if (!Number.isInteger(l.selfUid) || l.selfUid < 0 || l.selfUid >= l.subnetN) throw new RangeError(`the validator's UID ${l.selfUid} is not on a subnet of ${l.subnetN} UIDs`)
  if (!Number.isInteger(l.minAllowedWeights) || l.minAllowedWeights < 0 || l.minAllowedWeights > U16_MAX) throw new RangeError(`MinAllowedWeights must be a u16, not ${l.minAllowedWeights}`)
  if (!Number.isInteger(l.maxWeightsLimit) || l.maxWeightsLimit < 0 || l.maxWeightsLimit > U16_MAX) throw new RangeError(`MaxWeightsLimit must be a u16, not ${l.maxWeightsLimit}`)
  if (typeof l.versionKey !== 'bigint' || l.versionKey < 0n) throw new RangeError(`the version key must be a non-negative bigint, not ${String(l.versionKey)}`)
}

/** The weights set_weights accepts as subtensor checks them (not the permit, stake or rate limit, which depend on chain state). */
export function checkWeightsVector({ uids, values, versionKey }: Pick<WeightsVector, 'uids' | 'values' | 'versionKey'>, limits: WeightsLimits): WeightsCheck {
  const { selfUid, subnetN, minAllowedWeights, maxWeightsLimit } = limits
  const refuse = (error: string, reason: string): WeightsCheck => ({ ok: false, error, reason })
  if (uids.length !== values.length) return refuse('WeightVecNotEqualSize', `${uids.length} uids but ${values.length} weights`)
  if (uids.length > subnetN) return refuse('UidsLengthExceedUidsInSubNet', `${uids.length} weights on a subnet of ${subnetN} UIDs`)
  if (!(limits.versionKey === 0n || versionKey >= limits.versionKey)) return refuse('IncorrectWeightVersionKey', `version key ${versionKey} is below the subnet's ${limits.versionKey}`)
  if ([...uids, ...values].some((x) => !Number.isInteger(x) || x < 0 || x > U16_MAX)) return refuse('Malformed', 'uids and weights must be u16s')
  if (hasDuplicateUids(uids)) return refuse('DuplicateUids', 'a UID appears twice')
  const invalid = uids.find((uid) => uid >= subnetN)
  if (invalid !== undefined) return refuse('UidVecContainInvalidOne', `UID ${invalid} is not on a subnet of ${subnetN} UIDs`)
  const self = isSelfWeight(selfUid, uids, values)
  if (!self && values.length < Math.min(minAllowedWeights, subnetN))
    return refuse('WeightVecLengthIsLow', `${values.length} weights; the subnet wants at least ${Math.min(minAllowedWeights, subnetN)} (MinAllowedWeights ${minAllowedWeights})`)
  if (!maxWeightLimited(selfUid, uids, maxUpscale(values), maxWeightsLimit)) return refuse('MaxWeightExceeded', `a weight is above MaxWeightsLimit ${maxWeightsLimit}/65535 of the total`)
  return { ok: true }
}

/** Water-filling: fractions summing to 1 with none above `cap` (requires cap · count ≥ 1). */
function capFractions(fractions: number[], cap: number): number[] {
  const w = [...fractions]
  const fixed = new Set<number>()
  for (;;) {
    const over = w.map((x, i) => [x, i] as const).filter(([x, i]) => !fixed.has(i) && x > cap)
    if (over.length === 0) return w
    for (const [, i] of over) {
      w[i] = cap
      fixed.add(i)
    }
    const free = w.map((x, i) => [x, i] as const).filter(([, i]) => !fixed.has(i))
    const freeSum = free.reduce((a, [x]) => a + x, 0)
    const left = 1 - cap * fixed.size
    for (const [x, i] of free) w[i] = freeSum > 0 ? (x / freeSum) * left : left / free.length
  }
}

/** `weightsFromScores(scores, limits)`: see the steps at the top of this file. */
export function weightsFromScores(scores: Iterable<{ uid: number; score: number }>, limits: WeightsLimits): WeightsVector {
  assertLimits(limits)
  const { selfUid, subnetN, minAllowedWeights, maxWeightsLimit, versionKey } = limits
  const selfWeight = (note: string): WeightsVector => ({ uids: [selfUid], values: [U16_MAX], versionKey, kind: 'self', note })

  // 1. scores > 0 of other UIDs on the subnet
  const kept = new Map<number, number>()
  for (const { uid, score } of scores) {
    if (!Number.isInteger(uid) || uid < 0 || uid >= subnetN || uid === selfUid) continue
    if (!(Number.isFinite(score) && score > 0)) continue
    kept.set(uid, score)
  }
  // 2. nobody scored
  if (kept.size === 0) return selfWeight('no miner scored above 0: a weight on the validator itself only (accepted without MinAllowedWeights; the epoch ignores it)')

  // 3. normalize, then cap at MaxWeightsLimit
  const entries = [...kept].sort(([a], [b]) => a - b)
  const total = entries.reduce((a, [, s]) => a + s, 0)
  let fractions = entries.map(([, s]) => s / total)
  if (maxWeightsLimit < U16_MAX) {
    // a hair under the limit, so that rounding to u16 cannot push a weight over it
    const cap = (maxWeightsLimit - 0.5) / U16_MAX
    if (cap * entries.length < 1) return selfWeight(`MaxWeightsLimit ${maxWeightsLimit}/65535 cannot be met by the ${entries.length} miners that scored: a weight on the validator itself only`)
    fractions = capFractions(fractions, cap)
  }

  // 4. max-upscale to u16, drop zeros
  const top = Math.max(...fractions)
  const weighted = entries.map(([uid], i) => [uid, Math.round((fractions[i]! / top) * U16_MAX)] as [number, number]).filter(([, v]) => v > 0)

  // 5. pad with zero-valued entries up to min(MinAllowedWeights, SubnetworkN)
  const needed = Math.min(minAllowedWeights, subnetN)
  let kind: WeightsVector['kind'] = 'scores'
  let note = `${weighted.length} miners weighted by their moving scores`
  if (weighted.length < needed) {
    const used = new Set(weighted.map(([uid]) => uid))
    const candidates = [...Array.from({ length: subnetN }, (_, uid) => uid).filter((uid) => uid !== selfUid && !used.has(uid)), selfUid]
    const padding = candidates.slice(0, needed - weighted.length).map((uid) => [uid, 0] as [number, number])
    note = `${weighted.length} miners weighted by their moving scores, padded with ${padding.length} zero weights to MinAllowedWeights ${minAllowedWeights}`
    weighted.push(...padding)
    kind = 'padded'
  }

  // 6. by UID
  weighted.sort(([a], [b]) => a - b)
  const vector: WeightsVector = { uids: weighted.map(([u]) => u), values: weighted.map(([, v]) => v), versionKey, kind, note }

  // 7. as the chain checks it
  const check = checkWeightsVector(vector, limits)
  return check.ok ? vector : selfWeight(`the weights from the scores would be refused (${check.error}: ${check.reason}): a weight on the validator itself only`)
}
