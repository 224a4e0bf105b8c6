// set_weights / set_mechanism_weights / batch_set_weights (subtensor.md §6.1–6.2): validation in subtensor's order, max-upscale, store, event.
// From pallets/subtensor/src/subnets/weights.rs @ 14bc6f9 (`internal_set_weights`, `do_set_weights`, `do_set_mechanism_weights`,
// `do_batch_set_weights` and the helpers `contains_invalid_uids`, `has_duplicate_uids`, `check_validator_permit`, `check_length`,
// `max_weight_limited`, `is_self_weight`, `check_len_uids_within_allowed`) and utils/misc.rs (`get_max_weight_limit` :533: a constant u16::MAX).
import type { DispatchContext, Origin } from '../../../framework/dispatch.ts'
import { DispatchFailure, dispatchError, ensureSigned } from '../../../framework/dispatch.ts'
import type { NetUid } from '../../../primitives/bittensor.ts'
import type { StorageBackend } from '../../../primitives/storage.ts'
import { runtimeRef } from '../../../runtimeRef.ts'
import { events } from '../events.ts'
import { CommitRevealWeightsEnabled, MinAllowedWeights } from '../storage/hyperparams.ts'
import { Keys, Uids, ValidatorPermit, Weights } from '../storage/neurons.ts'
import { SubnetworkN } from '../storage/subnets.ts'
import { checkWeightsMinStake, getOwnerUid } from '../staking/stakeWeight.ts'
import { currentBlock } from '../registration/neurons.ts'
import { withLayer } from './layer.ts'
import { MAIN_MECHANISM, checkRateLimit, checkVersionKey, ensureMechanismExists, mechanismStorageIndex, setLastUpdateForUid } from './mechanism.ts'
import { checkVecMaxLimited, maxUpscale } from './upscale.ts'

const P = 'SubtensorModule'
const ROOT = 0
const U16_MAX = 0xffff

/** `get_max_weight_limit`: a constant at spec 425 (MaxWeightsLimit storage is no longer read), so MaxWeightExceeded cannot happen. */
export const MAX_WEIGHT_LIMIT = U16_MAX

/** `is_self_weight`: exactly one weight, on the caller's own uid. */
export const isSelfWeight = (uid: number, uids: readonly number[], values: readonly number[]): boolean => values.length === 1 && uids[0] === uid

/** `has_duplicate_uids`. */
export const hasDuplicateUids = (uids: readonly number[]): boolean => new Set(uids).size !== uids.length

/** `contains_invalid_uids`: some uid has no Keys entry on the subnet. */
export const containsInvalidUids = (s: StorageBackend, netuid: NetUid, uids: readonly number[]): boolean => uids.some((uid) => !Keys.contains(s, netuid, uid))

/** `check_validator_permit`: a single self-weight, the subnet owner's uid, or a validator permit. */
export function checkValidatorPermit(s: StorageBackend, netuid: NetUid, uid: number, uids: readonly number[], values: readonly number[]): boolean {
  if (isSelfWeight(uid, uids, values)) return true
  const ownerUid = getOwnerUid(s, netuid)
  if (ownerUid !== undefined && ownerUid === uid) return true
  return ValidatorPermit.get(s, netuid)[uid] ?? false
}

/** `check_length`: at least min(MinAllowedWeights, SubnetworkN) weights, unless a single self-weight off root. */
export function checkLength(s: StorageBackend, netuid: NetUid, uid: number, uids: readonly number[], values: readonly number[]): boolean {
  const n = SubnetworkN.get(s, netuid)
  const minAllowed = Math.min(MinAllowedWeights.get(s, netuid), n)
  if (netuid !== ROOT && isSelfWeight(uid, uids, values)) return true
  return values.length >= minAllowed
}

/** `max_weight_limited`: self-weights and the u16::MAX limit pass; otherwise the normalized maximum must not exceed the limit. */
export function maxWeightLimited(uid: number, uids: readonly number[], values: readonly number[], limit = MAX_WEIGHT_LIMIT): boolean {
  if (isSelfWeight(uid, uids, values)) return true
  if (limit === U16_MAX) return true
  return checkVecMaxLimited(values, limit)
}

export interface SetWeightsArgs {
  netuid: NetUid
  mecid: number
  uids: number[]
  values: number[]
  versionKey: bigint
}

/** `internal_set_weights`: every check before any write, then Weights, LastUpdate (only with commit-reveal off) and WeightsSet. */
export function internalSetWeights(ctx: DispatchContext, origin: Origin, { netuid, mecid, uids, values, versionKey }: SetWeightsArgs): void {
  const s = ctx.storage
  const index = mechanismStorageIndex(netuid, mecid)
  const hotkey = ensureSigned(origin)
  if (netuid === ROOT) throw dispatchError(P, 'CanNotSetRootNetworkWeights')
  if (uids.length !== values.length) throw dispatchError(P, 'WeightVecNotEqualSize')
  ensureMechanismExists(s, netuid, mecid)
  if (uids.length > SubnetworkN.get(s, netuid)) throw dispatchError(P, 'UidsLengthExceedUidsInSubNet')
  const uid = Uids.get(s, netuid, hotkey)
  if (uid === undefined) throw dispatchError(P, 'HotKeyNotRegisteredInSubNet')
  if (!checkWeightsMinStake(s, hotkey, netuid)) throw dispatchError(P, 'NotEnoughStakeToSetWeights')
  if (!checkVersionKey(s, netuid, versionKey)) throw dispatchError(P, 'IncorrectWeightVersionKey')
  const block = currentBlock(ctx)
  const commitReveal = CommitRevealWeightsEnabled.get(s, netuid)
  if (!commitReveal && !checkRateLimit(s, index, uid, block)) throw dispatchError(P, 'SettingWeightsTooFast')
  if (!checkValidatorPermit(s, netuid, uid, uids, values)) throw dispatchError(P, 'NeuronNoValidatorPermit')
  if (hasDuplicateUids(uids)) throw dispatchError(P, 'DuplicateUids')
  if (containsInvalidUids(s, netuid, uids)) throw dispatchError(P, 'UidVecContainInvalidOne')
  if (!checkLength(s, netuid, uid, uids, values)) throw dispatchError(P, 'WeightVecLengthIsLow')
  const upscaled = maxUpscale(values)
  if (!maxWeightLimited(uid, uids, upscaled)) throw dispatchError(P, 'MaxWeightExceeded')
  Weights.set(s, index, uid, uids.map((to, i) => [to, upscaled[i]!] as [number, number]))
  if (!commitReveal) setLastUpdateForUid(s, index, uid, block)
  ctx.deposit(events.WeightsSet([index, uid]))
}

/** `do_set_weights`: mechanism 0. */
export const doSetWeights = (ctx: DispatchContext, origin: Origin, a: Omit<SetWeightsArgs, 'mecid'>) => internalSetWeights(ctx, origin, { ...a, mecid: MAIN_MECHANISM })

/** The `set_weights` / `set_mechanism_weights` dispatchables: refused with CommitRevealEnabled while the subnet uses commit-reveal. */
export function setWeightsCall(ctx: DispatchContext, origin: Origin, a: SetWeightsArgs): void {
  if (CommitRevealWeightsEnabled.get(ctx.storage, a.netuid)) throw dispatchError(P, 'CommitRevealEnabled')
  internalSetWeights(ctx, origin, a)
}

/**
 * Runs one item of a batch: Ok, or its error (each item in its own storage layer; subtensor's items write nothing before their
 * last check, so this is the same). Errors other than dispatch errors propagate.
 */
export function batchItem(ctx: DispatchContext, f: (inner: DispatchContext) => void): DispatchFailure | undefined {
  try {
    withLayer(ctx, f)
    return undefined
  } catch (e) {
    if (e instanceof DispatchFailure) return e
    throw e
  }
}

/** The events closing a batch: BatchCompletedWithErrors once if any item failed, BatchWeightItemFailed per failure, then BatchWeightsCompleted. */
export function closeBatch(ctx: DispatchContext, who: string, netuids: NetUid[], failures: Array<[NetUid, DispatchFailure | undefined]>): void {
  let withErrors = false
  for (const [netuid, failure] of failures) {
    if (failure === undefined) continue
    if (!withErrors) ctx.deposit(events.BatchCompletedWithErrors())
    withErrors = true
    ctx.deposit(events.BatchWeightItemFailed([netuid, runtimeRef().indexError(failure.error)]))
  }
  ctx.deposit(events.BatchWeightsCompleted([netuids, who as never]))
}

/** `do_batch_set_weights`: each (netuid, [(uid, value)], version key) as set_weights (CommitRevealEnabled where commit-reveal is on), continuing on errors. */
export function doBatchSetWeights(
  ctx: DispatchContext,
  origin: Origin,
  { netuids, weights, versionKeys }: { netuids: NetUid[]; weights: Array<Array<[number, number]>>; versionKeys: bigint[] },
): void {
  const who = ensureSigned(origin)
  if (netuids.length !== weights.length || netuids.length !== versionKeys.length) throw dispatchError(P, 'InputLengthsUnequal')
  const results = netuids.map((netuid, i): [NetUid, DispatchFailure | undefined] => [
    netuid,
    batchItem(ctx, (inner) => {
      if (CommitRevealWeightsEnabled.get(inner.storage, netuid)) throw dispatchError(P, 'CommitRevealEnabled')
      const row = weights[i]!
      doSetWeights(inner, origin, { netuid, uids: row.map(([u]) => u), values: row.map(([, v]) => v), versionKey: versionKeys[i]! })
    }),
  ])
  closeBatch(ctx, who, netuids, results)
}
