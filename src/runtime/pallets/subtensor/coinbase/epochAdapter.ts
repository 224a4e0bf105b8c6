// The storage side of the epoch (subtensor.md §7 and §7.2): read what `epoch_mechanism` reads into the pure `runEpoch(state, E)` of
// src/runtime/epoch.ts, write its results back as `persist_mechanism_epoch_terms` / `persist_netuid_epoch_terms` do, and run every
// mechanism of a subnet on its share of the emission (`epoch_with_mechanisms`).
// From pallets/subtensor/src/epoch/run_epoch.rs @ 14bc6f9 (persist_* :88–146, `epoch_mechanism` :566–780 and :1006–1075 for the terms,
// `get_block_at_registration` :1090, `get_weights_sparse` :1105, `get_bonds_sparse` :1147), subnets/mechanism.rs (`get_mechanism_storage_index`
// :35, `split_emissions` :230, `weighted_acc_*` :265, `epoch_with_mechanisms` :287), utils/misc.rs (`get_last_update` :192,
// `get_activity_cutoff_blocks` :614) and subnets/weights.rs (`is_commit_expired` :1287).
// Not ported: `update_voting_power_for_subnet` (VotingPowerTrackingEnabled is false unless a call this runtime lacks turns it on).
import type { DispatchContext } from '../../../framework/dispatch.ts'
import type { AccountId, NetUid } from '../../../primitives/bittensor.ts'
import type { StorageBackend } from '../../../primitives/storage.ts'
import { runEpoch, type EpochResult, type EpochState } from '../../../epoch.ts'
import { type Fixed, I32F32, I64F64, U64F64 } from '../epoch/fixed.ts'
import { events } from '../events.ts'
import { getOwnerUid, getStakeWeightsForNetwork } from '../staking/stakeWeight.ts'
import { MechanismEmissionSplit } from '../storage/emission.ts'
import {
  ActivityCutoffFactorMilli,
  AlphaSigmoidSteepness,
  AlphaValues,
  BondsMovingAverage,
  BondsPenalty,
  CommitRevealWeightsEnabled,
  Kappa,
  LiquidAlphaOn,
  MaxAllowedValidators,
  MechanismCountCurrent,
  RevealPeriodEpochs,
  StakeThreshold,
  Yuma3On,
} from '../storage/hyperparams.ts'
import { Active, BlockAtRegistration, Bonds, Consensus, Dividends, Emission, Incentive, Keys, LastUpdate, StakeWeight, ValidatorPermit, ValidatorTrust, Weights } from '../storage/neurons.ts'
import { TaoWeight } from '../storage/stake.ts'
import { LastMechansimStepBlock, SubnetworkN, Tempo } from '../storage/subnets.ts'
import { TimelockedWeightCommits, WeightCommits } from '../storage/weights.ts'
import { currentEpochWithLookahead } from './schedule.ts'

/** `GLOBAL_MAX_SUBNET_COUNT`: mechanism m of subnet n stores its Weights/Bonds/Incentive/LastUpdate at index m·4096 + n. */
export const GLOBAL_MAX_SUBNET_COUNT = 4096
const U64_MAX = (1n << 64n) - 1n
const U16_MAX_I32F32 = I32F32.saturatingFromNum(65_535n)

/** `get_mechanism_storage_index`: mecid · 4096 + netuid (u16, saturating). */
export const mechanismStorageIndex = (netuid: NetUid, mecid: number): number => Math.min(mecid * GLOBAL_MAX_SUBNET_COUNT + netuid, 0xffff)

/** One hotkey's epoch output (`EpochTerms`). */
export interface EpochTerms {
  uid: number
  dividend: number
  incentive: number
  validatorEmission: bigint
  serverEmission: bigint
  stakeWeight: number
  active: boolean
  emission: bigint
  consensus: number
  validatorTrust: number
  newValidatorPermit: boolean
  bond: Array<[number, number]>
  stake: bigint
}

/** An `EpochOutput`: terms by hotkey, iterated in hotkey (BTreeMap) order. */
export type EpochOutput = Map<AccountId, EpochTerms>

const byKey = <V>(entries: Array<[AccountId, V]>): Map<AccountId, V> => new Map(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))

/** `get_activity_cutoff_blocks`: max(1, floor(ActivityCutoffFactorMilli · tempo / 1000)). */
export function activityCutoffBlocks(s: StorageBackend, netuid: NetUid): bigint {
  const cutoff = (BigInt(ActivityCutoffFactorMilli.get(s, netuid)) * BigInt(Tempo.get(s, netuid))) / 1000n
  return cutoff > 1n ? cutoff : 1n
}

/**
 * With commit-reveal on, the earliest commit block per uid among non-expired commits (`is_commit_expired`: the current epoch with
 * look-ahead is past commit_epoch + RevealPeriodEpochs): per hotkey the first non-expired CR-v2 commit of its queue, and every
 * timelocked commit of a non-expired epoch.
 */
function earliestCommitBlocks(s: StorageBackend, netuid: NetUid, index: number, uidOf: Map<AccountId, number>): Map<number, bigint> {
  const current = currentEpochWithLookahead(s, netuid)
  const period = RevealPeriodEpochs.get(s, netuid)
  const expired = (epoch: bigint) => current > (epoch + period > U64_MAX ? U64_MAX : epoch + period)
  const out = new Map<number, bigint>()
  const note = (who: AccountId, block: bigint) => {
    const uid = uidOf.get(who)
    if (uid === undefined) return
    const prev = out.get(uid)
    out.set(uid, prev === undefined || block < prev ? block : prev)
  }
  for (const [[, who], queue] of WeightCommits.entries(s, index)) {
    const first = queue.find(([, commitEpoch]) => !expired(commitEpoch))
    if (first) note(who, first[2])
  }
  for (const [[, commitEpoch], queue] of TimelockedWeightCommits.entries(s, index)) {
    if (expired(commitEpoch)) continue
    for (const [who, commitBlock] of queue) note(who, commitBlock)
  }
  return out
}

/** What `epoch_mechanism(netuid, mecid)` reads, as `runEpoch`'s state, and the (uid, hotkey) pairs of Keys its output is keyed by. */
export function readEpochState(s: StorageBackend, netuid: NetUid, mecid: number, block: bigint): { state: EpochState; keys: Array<[number, AccountId]>; totals: Fixed[] } {
  const index = mechanismStorageIndex(netuid, mecid)
  const n = SubnetworkN.get(s, netuid)
  const keys = Keys.entries(s, netuid).map(([[, uid], hotkey]) => [uid, hotkey] as [number, AccountId])
  const registered = new Set(keys.map(([uid]) => uid))
  const lastUpdate = LastUpdate.get(s, index)
  const permits = ValidatorPermit.get(s, netuid)
  const stake = getStakeWeightsForNetwork(s, netuid)
  const commitReveal = CommitRevealWeightsEnabled.get(s, netuid)
  const commitBlocks = commitReveal ? earliestCommitBlocks(s, netuid, index, new Map(keys.map(([uid, h]) => [h, uid]))) : new Map<number, bigint>()
  const weights: Array<Array<[number, number]>> = Array.from({ length: n }, () => [])
  for (const [[, uid], row] of Weights.entries(s, index)) if (uid < n) weights[uid] = row
  const bonds: Array<Array<[number, number]>> = Array.from({ length: n }, () => [])
  for (const [[, uid], row] of Bonds.entries(s, index)) if (uid < n) bonds[uid] = row
  const neurons = Array.from({ length: n }, (_, uid) => ({
    alphaStake: stake.alpha[uid]!.saturatingToU64(),
    taoStake: stake.tao[uid]!.saturatingToU64(),
    lastUpdate: lastUpdate[uid] ?? 0n,
    blockAtRegistration: registered.has(uid) ? BlockAtRegistration.get(s, netuid, uid) : 0n,
    validatorPermit: permits[uid] ?? false,
    ...(commitBlocks.has(uid) ? { earliestCommitBlock: commitBlocks.get(uid)! } : {}),
  }))
  const ownerUid = getOwnerUid(s, netuid)
  const state: EpochState = {
    block,
    tempo: Tempo.get(s, netuid),
    activityCutoff: activityCutoffBlocks(s, netuid),
    kappa: Kappa.get(s, netuid),
    bondsMovingAverage: BondsMovingAverage.get(s, netuid),
    bondsPenalty: BondsPenalty.get(s, netuid),
    liquidAlphaEnabled: LiquidAlphaOn.get(s, netuid),
    alphaValues: AlphaValues.get(s, netuid),
    alphaSigmoidSteepness: AlphaSigmoidSteepness.get(s, netuid),
    yuma3Enabled: Yuma3On.get(s, netuid),
    maxAllowedValidators: MaxAllowedValidators.get(s, netuid),
    stakeThreshold: StakeThreshold.get(s),
    taoWeight: TaoWeight.get(s),
    lastMechanismStepBlock: LastMechansimStepBlock.get(s, netuid),
    commitRevealEnabled: commitReveal,
    ...(ownerUid !== undefined ? { ownerUid } : {}),
    neurons,
    weights,
    bonds,
  }
  return { state, keys, totals: stake.total }
}

/** §7.2 step 9 as the stored `StakeWeight` (the pure epoch does not return it): u16(normalise(S with the stake threshold)). */
function stakeWeightsU16(state: EpochState, totals: Fixed[]): number[] {
  const filtered = totals.map((t, uid) => (uid !== state.ownerUid && t.saturatingToU64() < state.stakeThreshold ? I64F64.zero : t))
  const sum = filtered.reduce((acc, x) => acc.add(x), I64F64.zero)
  return filtered.map((x) => {
    const normalized = sum.isZero() ? x : x.safeDiv(sum)
    return I32F32.saturatingFromNum(normalized).saturatingMul(U16_MAX_I32F32).saturatingToU16()
  })
}

/** `epoch_mechanism(netuid, mecid, E)`: the pure epoch on the stored inputs, as terms per registered hotkey (uids without Keys get none). */
export function epochMechanism(s: StorageBackend, netuid: NetUid, mecid: number, raoEmission: bigint, block: bigint): EpochOutput {
  const { state, keys, totals } = readEpochState(s, netuid, mecid, block)
  const r: EpochResult = runEpoch(state, raoEmission)
  const stakeWeight = stakeWeightsU16(state, totals)
  return byKey(
    keys.map(([uid, hotkey]) => {
      const newPermit = r.validatorPermit[uid] ?? false
      const terms: EpochTerms = {
        uid,
        dividend: r.dividends[uid] ?? 0,
        incentive: r.incentive[uid] ?? 0,
        validatorEmission: r.validatorEmission[uid] ?? 0n,
        serverEmission: r.serverEmission[uid] ?? 0n,
        stakeWeight: stakeWeight[uid] ?? 0,
        active: r.active[uid] ?? false,
        emission: r.emission[uid] ?? 0n,
        consensus: r.consensus[uid] ?? 0,
        validatorTrust: r.validatorTrust[uid] ?? 0,
        newValidatorPermit: newPermit,
        // a new permit stores the EMA row; an old one (or none) stores []
        bond: newPermit ? (r.bonds[uid] ?? []) : [],
        stake: totals[uid]?.saturatingToU64() ?? 0n,
      }
      return [hotkey, terms] as [AccountId, EpochTerms]
    }),
  )
}

const sortedTerms = (output: EpochOutput): EpochTerms[] => [...output.values()].sort((a, b) => a.uid - b.uid)

/** `persist_mechanism_epoch_terms`: Incentive[index], IncentiveAlphaEmittedToMiners, and a Bonds row per term (by position, as the Rust enumerates). */
export function persistMechanismEpochTerms(ctx: DispatchContext, netuid: NetUid, mecid: number, output: EpochOutput): void {
  const index = mechanismStorageIndex(netuid, mecid)
  const terms = sortedTerms(output)
  Incentive.set(ctx.storage, index, terms.map((t) => t.incentive))
  ctx.deposit(events.IncentiveAlphaEmittedToMiners({ netuid: index, emissions: terms.map((t) => t.serverEmission) }))
  terms.forEach((t, position) => Bonds.set(ctx.storage, index, position, t.bond))
}

/** `persist_netuid_epoch_terms`: Active, Emission, Consensus, Dividends, ValidatorTrust, ValidatorPermit, StakeWeight in uid order. */
export function persistNetuidEpochTerms(s: StorageBackend, netuid: NetUid, output: EpochOutput): void {
  const terms = sortedTerms(output)
  Active.set(s, netuid, terms.map((t) => t.active))
  Emission.set(s, netuid, terms.map((t) => t.emission))
  Consensus.set(s, netuid, terms.map((t) => t.consensus))
  Dividends.set(s, netuid, terms.map((t) => t.dividend))
  ValidatorTrust.set(s, netuid, terms.map((t) => t.validatorTrust))
  ValidatorPermit.set(s, netuid, terms.map((t) => t.newValidatorPermit))
  StakeWeight.set(s, netuid, terms.map((t) => t.stakeWeight))
}

/**
 * `split_emissions`: E per mechanism — floor(E · split_i / 65535) with MechanismEmissionSplit set, else floor(E / count) each — padded or
 * trimmed to MechanismCountCurrent, the truncation remainder added to mechanism 0.
 */
export function splitEmissions(s: StorageBackend, netuid: NetUid, alpha: bigint): bigint[] {
  const count = MechanismCountCurrent.get(s, netuid)
  const split = MechanismEmissionSplit.get(s, netuid)
  let result = split !== undefined ? split.map((p) => (alpha * BigInt(p)) / 65_535n) : Array.from({ length: count }, () => (count === 0 ? 0n : alpha / BigInt(count)))
  if (result.length !== count) result = Array.from({ length: count }, (_, i) => result[i] ?? 0n)
  const total = result.reduce((a, b) => a + b, 0n)
  if (result.length > 0) result[0] = result[0]! + (alpha > total ? alpha - total : 0n)
  return result.map((x) => (x > U64_MAX ? U64_MAX : x))
}

/** `weighted_acc_u16` / `weighted_acc_alpha`: existing + added · weight in U64F64, floored (saturating). */
type U64F64Value = ReturnType<typeof U64F64.saturatingFromNum>
const weightedAcc = (existing: bigint, added: bigint, w: U64F64Value) => U64F64.saturatingFromNum(existing).saturatingAdd(U64F64.saturatingFromNum(added).saturatingMul(w))
const weightedAccU16 = (existing: number, added: number, w: U64F64Value): number => {
  const v = weightedAcc(BigInt(existing), BigInt(added), w).floor()
  return Number(v > 65_535n ? 65_535n : v)
}
const weightedAccAlpha = (existing: bigint, added: bigint, w: U64F64Value): bigint => weightedAcc(existing, added, w).saturatingToU64()

/**
 * `epoch_with_mechanisms(netuid, E)`: each mechanism's epoch on its split (persisting its Incentive/Bonds), the terms aggregated per hotkey
 * (emissions summed; u16 terms and Emission weighted by the mechanism's share of E, booleans ORed), the per-netuid terms persisted.
 * Returns (hotkey, server emission, validator emission) in hotkey order.
 */
export function epochWithMechanisms(ctx: DispatchContext, netuid: NetUid, raoEmission: bigint, block: bigint): Array<[AccountId, bigint, bigint]> {
  const s = ctx.storage
  const aggregated = new Map<AccountId, EpochTerms>()
  splitEmissions(s, netuid, raoEmission).forEach((subEmission, mecid) => {
    const output = epochMechanism(s, netuid, mecid, subEmission, block)
    persistMechanismEpochTerms(ctx, netuid, mecid, output)
    const w = U64F64.saturatingFromNum(subEmission).checkedDiv(U64F64.saturatingFromNum(raoEmission)) ?? U64F64.saturatingFromNum(mecid === 0 ? 1n : 0n)
    for (const [hotkey, t] of output) {
      const acc = aggregated.get(hotkey)
      if (acc === undefined) {
        aggregated.set(hotkey, {
          uid: t.uid,
          dividend: weightedAccU16(0, t.dividend, w),
          incentive: weightedAccU16(0, t.incentive, w),
          validatorEmission: t.validatorEmission,
          serverEmission: t.serverEmission,
          stakeWeight: weightedAccU16(0, t.stakeWeight, w),
          active: t.active,
          emission: weightedAccAlpha(0n, t.emission, w),
          consensus: weightedAccU16(0, t.consensus, w),
          validatorTrust: weightedAccU16(0, t.validatorTrust, w),
          newValidatorPermit: t.newValidatorPermit,
          bond: [],
          stake: t.stake,
        })
      } else {
        // (the Rust leaves `incentive` at the first mechanism's weighted value)
        acc.validatorEmission = sat64(acc.validatorEmission + t.validatorEmission)
        acc.serverEmission = sat64(acc.serverEmission + t.serverEmission)
        acc.dividend = weightedAccU16(acc.dividend, t.dividend, w)
        acc.stakeWeight = weightedAccU16(acc.stakeWeight, t.stakeWeight, w)
        acc.active ||= t.active
        acc.emission = weightedAccAlpha(acc.emission, t.emission, w)
        acc.consensus = weightedAccU16(acc.consensus, t.consensus, w)
        acc.validatorTrust = weightedAccU16(acc.validatorTrust, t.validatorTrust, w)
        acc.newValidatorPermit ||= t.newValidatorPermit
        acc.stake = sat64(acc.stake + t.stake)
      }
    }
  })
  const sorted = byKey([...aggregated])
  persistNetuidEpochTerms(s, netuid, sorted)
  return [...sorted].map(([hotkey, t]) => [hotkey, t.serverEmission, t.validatorEmission])
}

const sat64 = (x: bigint) => (x > U64_MAX ? U64_MAX : x)
