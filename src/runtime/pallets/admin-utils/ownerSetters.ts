// The owner|root hyperparameter setters (subtensor.md §3.5): the subnet owner's coldkey (signed) or root may call them; an owner is
// rate-limited per hyperparameter (tempo × OwnerHyperparamRateLimit blocks) and, like root, refused in the admin freeze window.
// Each follows pallets/admin-utils/src/lib.rs @ 14bc6f9 step for step: origin and rate limit → freeze window → subnet exists →
// bounds → write (with pallet_subtensor's setter event) → record the owner's rate limit. The setters' SubtensorModule halves are
// from pallets/subtensor/src/utils/misc.rs, subnets/subnet.rs (`do_set_sn_owner_hotkey` :431), epoch/run_epoch.rs
// (`do_set_alpha_values` :1546), subnets/weights.rs (`set_reveal_period` :1294), staking/move_stake.rs (`toggle_transfer` :88),
// subnets/mechanism.rs (`ensure_max_uids_over_all_mechanisms` :98).
import type { DispatchContext, Origin } from '../../framework/dispatch.ts'
import { dispatchError } from '../../framework/dispatch.ts'
import type { AccountId, NetUid, TaoBalance } from '../../primitives/bittensor.ts'
import type { StorageBackend } from '../../primitives/storage.ts'
import { events as st } from '../subtensor/events.ts'
import {
  ActivityCutoff, AdjustmentAlpha, AlphaSigmoidSteepness, AlphaValues, BondsMovingAverage, BondsPenalty, BondsResetOn, BurnHalfLife, BurnIncreaseMult,
  CommitRevealWeightsEnabled, INITIAL, ImmuneOwnerUidsLimit, ImmunityPeriod, LastRateLimitedBlock, LiquidAlphaOn, MaxAllowedUids, MaxChildkeyTake,
  MechanismCountCurrent, MinActivityCutoff, MinAllowedUids, MinAllowedWeights, MinChildkeyTake, MinChildkeyTakePerSubnet, OwnerCutEnabled,
  RevealPeriodEpochs, Rho, ServingRateLimit, TransferToggle, WeightsVersionKey, Yuma3On,
} from '../subtensor/storage/hyperparams.ts'
import { MaxBurn, MinBurn } from '../subtensor/storage/neurons.ts'
import { NetworksAdded, SubnetOwnerHotkey, SubnetworkN } from '../subtensor/storage/subnets.ts'
import { isSubnetAccountId } from '../subtensor/staking/pools.ts'
import type { U64F64 } from '../subtensor/types.ts'
import { events } from './events.ts'
import {
  currentBlock, ensureAdminWindowOpen, ensureSnOwnerOrRootWithLimits, ensureSubnetOwnerOrRoot, passesRateLimit, recordOwnerRl, subnetExists, type OwnerRateLimit,
} from './checks.ts'

const A = 'AdminUtils'
const S = 'SubtensorModule'
const ROOT_NETUID = 0

/** `T::MinBurnUpperBound` (runtime/src/lib.rs:1004): 1 TAO. */
export const MIN_BURN_UPPER_BOUND = 1_000_000_000n
/** `T::MaxBurnLowerBound` (runtime/src/lib.rs:1005): 0.1 TAO. */
export const MAX_BURN_LOWER_BOUND = 100_000_000n
/** The owner's ceiling for bonds_moving_average (admin-utils lib.rs:866); root may set more. */
export const OWNER_MAX_BONDS_MOVING_AVERAGE = 975_000n
/** `DefaultMaxAllowedUids` = `T::InitialMaxAllowedUids` (lib.rs:787). */
export const DEFAULT_MAX_ALLOWED_UIDS = INITIAL.maxAllowedUids
/** `MaxBurnHalfLife` (lib.rs:356). */
export const MAX_BURN_HALF_LIFE = 36_100
/** `MinImmuneOwnerUidsLimit`, `MaxImmuneOwnerUidsLimit` (lib.rs:2249-2257). */
export const IMMUNE_OWNER_UIDS_LIMIT = { min: 1, max: 10 } as const
/** `MIN_COMMIT_REVEAL_PEROIDS`, `MAX_COMMIT_REVEAL_PEROIDS` (lib.rs:129-131). */
export const COMMIT_REVEAL_PERIODS = { min: 1n, max: 100n } as const
/** `DefaultSetSNOwnerHotkeyRateLimit` (lib.rs:1069): once a week per subnet. */
export const SET_SN_OWNER_HOTKEY_RATE_LIMIT = 50_400n
/** `u16::MAX / 40` (run_epoch.rs:1560): the smallest alpha_low and alpha_high. */
export const MIN_ALPHA_VALUE = Math.floor(65_535 / 40)
const U64F64_ONE = 1n << 64n

function ensureSubnetExists(s: StorageBackend, netuid: NetUid) {
  if (!subnetExists(s, netuid)) throw dispatchError(A, 'SubnetDoesNotExist')
}

/**
 * The shape shared by the plain setters: origin and rate limit → freeze window → (subnet exists) → `check` → `write` → record.
 * `write` deposits the event pallet_subtensor's setter deposits, if any.
 */
function ownerSetter(
  ctx: DispatchContext,
  origin: Origin,
  netuid: NetUid,
  limit: OwnerRateLimit,
  opts: { exists: boolean; check?: (owner: AccountId | undefined) => void },
  write: (s: StorageBackend) => void,
): void {
  const s = ctx.storage
  const owner = ensureSnOwnerOrRootWithLimits(s, origin, netuid, [limit])
  ensureAdminWindowOpen(ctx, netuid)
  if (opts.exists) ensureSubnetExists(s, netuid)
  opts.check?.(owner)
  write(s)
  recordOwnerRl(s, owner, netuid, [limit])
}

// [3] sudo_set_serving_rate_limit: no subnet check in the Rust.
export const setServingRateLimit = (ctx: DispatchContext, origin: Origin, { netuid, servingRateLimit }: { netuid: NetUid; servingRateLimit: bigint }) =>
  ownerSetter(ctx, origin, netuid, 'ServingRateLimit', { exists: false }, (s) => {
    ServingRateLimit.set(s, netuid, servingRateLimit)
    ctx.deposit(st.ServingRateLimitSet([netuid, servingRateLimit]))
  })

// [6] sudo_set_weights_version_key: its own rate limit (tempo × WeightsVersionKeyRateLimit, per owner), recorded before the write.
export function setWeightsVersionKey(ctx: DispatchContext, origin: Origin, { netuid, weightsVersionKey }: { netuid: NetUid; weightsVersionKey: bigint }) {
  const s = ctx.storage
  const owner = ensureSnOwnerOrRootWithLimits(s, origin, netuid, ['SetWeightsVersionKey'])
  ensureAdminWindowOpen(ctx, netuid)
  ensureSubnetExists(s, netuid)
  recordOwnerRl(s, owner, netuid, ['SetWeightsVersionKey'])
  WeightsVersionKey.set(s, netuid, weightsVersionKey)
  ctx.deposit(st.WeightsVersionKeySet([netuid, weightsVersionKey]))
}

// [9] sudo_set_adjustment_alpha
export const setAdjustmentAlpha = (ctx: DispatchContext, origin: Origin, { netuid, adjustmentAlpha }: { netuid: NetUid; adjustmentAlpha: bigint }) =>
  ownerSetter(ctx, origin, netuid, 'AdjustmentAlpha', { exists: true }, (s) => {
    AdjustmentAlpha.set(s, netuid, adjustmentAlpha)
    ctx.deposit(st.AdjustmentAlphaSet([netuid, adjustmentAlpha]))
  })

// [13] sudo_set_immunity_period
export const setImmunityPeriod = (ctx: DispatchContext, origin: Origin, { netuid, immunityPeriod }: { netuid: NetUid; immunityPeriod: number }) =>
  ownerSetter(ctx, origin, netuid, 'ImmunityPeriod', { exists: true }, (s) => {
    ImmunityPeriod.set(s, netuid, immunityPeriod)
    ctx.deposit(st.ImmunityPeriodSet([netuid, immunityPeriod]))
  })

// [14] sudo_set_min_allowed_weights
export const setMinAllowedWeights = (ctx: DispatchContext, origin: Origin, { netuid, minAllowedWeights }: { netuid: NetUid; minAllowedWeights: number }) =>
  ownerSetter(ctx, origin, netuid, 'MinAllowedWeights', { exists: true }, (s) => {
    MinAllowedWeights.set(s, netuid, minAllowedWeights)
    ctx.deposit(st.MinAllowedWeightSet([netuid, minAllowedWeights]))
  })

// [15] sudo_set_max_allowed_uids: ≥ MinAllowedUids, ≥ the current UID count, ≤ 256, and × MechanismCountCurrent ≤ 256.
export const setMaxAllowedUids = (ctx: DispatchContext, origin: Origin, { netuid, maxAllowedUids }: { netuid: NetUid; maxAllowedUids: number }) =>
  ownerSetter(ctx, origin, netuid, 'MaxAllowedUids', {
    exists: true,
    check: () => {
      const s = ctx.storage
      if (maxAllowedUids < MinAllowedUids.get(s, netuid)) throw dispatchError(A, 'MaxAllowedUidsLessThanMinAllowedUids')
      if (SubnetworkN.get(s, netuid) > maxAllowedUids) throw dispatchError(A, 'MaxAllowedUIdsLessThanCurrentUIds')
      if (maxAllowedUids > DEFAULT_MAX_ALLOWED_UIDS) throw dispatchError(A, 'MaxAllowedUidsGreaterThanDefaultMaxAllowedUids')
      // ensure_max_uids_over_all_mechanisms: u16 saturating product
      if (Math.min(maxAllowedUids * MechanismCountCurrent.get(s, netuid), 0xffff) > DEFAULT_MAX_ALLOWED_UIDS) throw dispatchError(S, 'TooManyUIDsPerMechanism')
    },
  }, (s) => {
    MaxAllowedUids.set(s, netuid, maxAllowedUids)
    ctx.deposit(st.MaxAllowedUidsSet([netuid, maxAllowedUids]))
  })

// [17] sudo_set_rho: `set_rho` deposits no event.
export const setRho = (ctx: DispatchContext, origin: Origin, { netuid, rho }: { netuid: NetUid; rho: number }) =>
  ownerSetter(ctx, origin, netuid, 'Rho', { exists: true }, (s) => Rho.set(s, netuid, rho))

// [18] sudo_set_activity_cutoff (legacy; the epoch reads ActivityCutoffFactorMilli): at least MinActivityCutoff.
export const setActivityCutoff = (ctx: DispatchContext, origin: Origin, { netuid, activityCutoff }: { netuid: NetUid; activityCutoff: number }) =>
  ownerSetter(ctx, origin, netuid, 'ActivityCutoff', {
    exists: true,
    check: () => {
      if (activityCutoff < MinActivityCutoff.get(ctx.storage)) throw dispatchError(S, 'ActivityCutoffTooLow')
    },
  }, (s) => {
    ActivityCutoff.set(s, netuid, activityCutoff)
    ctx.deposit(st.ActivityCutoffSet([netuid, activityCutoff]))
  })

// [22] sudo_set_min_burn: below 1 TAO and below the subnet's MaxBurn.
export const setMinBurn = (ctx: DispatchContext, origin: Origin, { netuid, minBurn }: { netuid: NetUid; minBurn: TaoBalance }) =>
  ownerSetter(ctx, origin, netuid, 'MinBurn', {
    exists: true,
    check: () => {
      if (minBurn >= MIN_BURN_UPPER_BOUND) throw dispatchError(A, 'ValueNotInBounds')
      if (minBurn >= MaxBurn.get(ctx.storage, netuid)) throw dispatchError(A, 'ValueNotInBounds')
    },
  }, (s) => {
    MinBurn.set(s, netuid, minBurn)
    ctx.deposit(st.MinBurnSet([netuid, minBurn]))
  })

// [23] sudo_set_max_burn: above 0.1 TAO and above the subnet's MinBurn.
export const setMaxBurn = (ctx: DispatchContext, origin: Origin, { netuid, maxBurn }: { netuid: NetUid; maxBurn: TaoBalance }) =>
  ownerSetter(ctx, origin, netuid, 'MaxBurn', {
    exists: true,
    check: () => {
      if (maxBurn <= MAX_BURN_LOWER_BOUND) throw dispatchError(A, 'ValueNotInBounds')
      if (maxBurn <= MinBurn.get(ctx.storage, netuid)) throw dispatchError(A, 'ValueNotInBounds')
    },
  }, (s) => {
    MaxBurn.set(s, netuid, maxBurn)
    ctx.deposit(st.MaxBurnSet([netuid, maxBurn]))
  })

// [26] sudo_set_bonds_moving_average: an owner may not go above 975_000 (checked before the subnet check, as in the Rust).
export function setBondsMovingAverage(ctx: DispatchContext, origin: Origin, { netuid, bondsMovingAverage }: { netuid: NetUid; bondsMovingAverage: bigint }) {
  const s = ctx.storage
  const owner = ensureSnOwnerOrRootWithLimits(s, origin, netuid, ['BondsMovingAverage'])
  ensureAdminWindowOpen(ctx, netuid)
  if (owner !== undefined && bondsMovingAverage > OWNER_MAX_BONDS_MOVING_AVERAGE) throw dispatchError(A, 'BondsMovingAverageMaxReached')
  ensureSubnetExists(s, netuid)
  BondsMovingAverage.set(s, netuid, bondsMovingAverage)
  ctx.deposit(st.BondsMovingAverageSet([netuid, bondsMovingAverage]))
  recordOwnerRl(s, owner, netuid, ['BondsMovingAverage'])
}

// [60] sudo_set_bonds_penalty
export const setBondsPenalty = (ctx: DispatchContext, origin: Origin, { netuid, bondsPenalty }: { netuid: NetUid; bondsPenalty: number }) =>
  ownerSetter(ctx, origin, netuid, 'BondsPenalty', { exists: true }, (s) => {
    BondsPenalty.set(s, netuid, bondsPenalty)
    ctx.deposit(st.BondsPenaltySet([netuid, bondsPenalty]))
  })

// [49] sudo_set_commit_reveal_weights_enabled
export const setCommitRevealWeightsEnabled = (ctx: DispatchContext, origin: Origin, { netuid, enabled }: { netuid: NetUid; enabled: boolean }) =>
  ownerSetter(ctx, origin, netuid, 'CommitRevealEnabled', { exists: true }, (s) => {
    CommitRevealWeightsEnabled.set(s, netuid, enabled)
    ctx.deposit(st.CommitRevealEnabled([netuid, enabled]))
  })

// [50] sudo_set_liquid_alpha_enabled: no subnet check, no event.
export const setLiquidAlphaEnabled = (ctx: DispatchContext, origin: Origin, { netuid, enabled }: { netuid: NetUid; enabled: boolean }) =>
  ownerSetter(ctx, origin, netuid, 'LiquidAlphaEnabled', { exists: false }, (s) => LiquidAlphaOn.set(s, netuid, enabled))

// [51] sudo_set_alpha_values → `do_set_alpha_values`: liquid alpha on; alpha_high ≥ 1638; 1638 ≤ alpha_low ≤ alpha_high. No event.
export const setAlphaValues = (ctx: DispatchContext, origin: Origin, { netuid, alphaLow, alphaHigh }: { netuid: NetUid; alphaLow: number; alphaHigh: number }) =>
  ownerSetter(ctx, origin, netuid, 'AlphaValues', {
    exists: false,
    check: () => {
      const s = ctx.storage
      ensureSubnetOwnerOrRoot(s, origin, netuid) // do_set_alpha_values checks the origin again
      if (!LiquidAlphaOn.get(s, netuid)) throw dispatchError(S, 'LiquidAlphaDisabled')
      if (alphaHigh < MIN_ALPHA_VALUE) throw dispatchError(S, 'AlphaHighTooLow')
      if (alphaLow < MIN_ALPHA_VALUE || alphaLow > alphaHigh) throw dispatchError(S, 'AlphaLowOutOfRange')
    },
  }, (s) => AlphaValues.set(s, netuid, [alphaLow, alphaHigh]))

// [57] sudo_set_commit_reveal_weights_interval → `set_reveal_period`: 1 ≤ interval ≤ 100 epochs.
export const setCommitRevealWeightsInterval = (ctx: DispatchContext, origin: Origin, { netuid, interval }: { netuid: NetUid; interval: bigint }) =>
  ownerSetter(ctx, origin, netuid, 'WeightCommitInterval', {
    exists: true,
    check: () => {
      if (interval > COMMIT_REVEAL_PERIODS.max) throw dispatchError(S, 'RevealPeriodTooLarge')
      if (interval < COMMIT_REVEAL_PERIODS.min) throw dispatchError(S, 'RevealPeriodTooSmall')
    },
  }, (s) => {
    RevealPeriodEpochs.set(s, netuid, interval)
    ctx.deposit(st.CommitRevealPeriodsSet([netuid, interval]))
  })

// [61] sudo_set_toggle_transfer → `toggle_transfer`: no subnet check.
export const setToggleTransfer = (ctx: DispatchContext, origin: Origin, { netuid, toggle }: { netuid: NetUid; toggle: boolean }) =>
  ownerSetter(ctx, origin, netuid, 'TransferEnabled', { exists: false }, (s) => {
    TransferToggle.set(s, netuid, toggle)
    ctx.deposit(st.TransferToggle([netuid, toggle]))
  })

// [68] sudo_set_alpha_sigmoid_steepness: only root may set a negative steepness. No event.
export const setAlphaSigmoidSteepness = (ctx: DispatchContext, origin: Origin, { netuid, steepness }: { netuid: NetUid; steepness: number }) =>
  ownerSetter(ctx, origin, netuid, 'AlphaSigmoidSteepness', {
    exists: true,
    check: () => {
      if (origin.type !== 'Root' && steepness < 0) throw dispatchError(A, 'NegativeSigmoidSteepness')
    },
  }, (s) => AlphaSigmoidSteepness.set(s, netuid, steepness))

// [69] sudo_set_yuma3_enabled: no subnet check; AdminUtils' Yuma3EnableToggled.
export const setYuma3Enabled = (ctx: DispatchContext, origin: Origin, { netuid, enabled }: { netuid: NetUid; enabled: boolean }) =>
  ownerSetter(ctx, origin, netuid, 'Yuma3Enabled', { exists: false }, (s) => {
    Yuma3On.set(s, netuid, enabled)
    ctx.deposit(events.Yuma3EnableToggled({ netuid, enabled }))
  })

// [70] sudo_set_bonds_reset_enabled: no subnet check; SubtensorModule's BondsResetOnSet, then AdminUtils' BondsResetToggled.
export const setBondsResetEnabled = (ctx: DispatchContext, origin: Origin, { netuid, enabled }: { netuid: NetUid; enabled: boolean }) =>
  ownerSetter(ctx, origin, netuid, 'BondsResetEnabled', { exists: false }, (s) => {
    BondsResetOn.set(s, netuid, enabled)
    ctx.deposit(st.BondsResetOnSet([netuid, enabled]))
    ctx.deposit(events.BondsResetToggled({ netuid, enabled }))
  })

// [72] sudo_set_owner_immune_neuron_limit → `set_owner_immune_neuron_limit`: 1 ≤ limit ≤ 10 (SubtensorModule InvalidValue). No subnet check, no event.
export const setOwnerImmuneNeuronLimit = (ctx: DispatchContext, origin: Origin, { netuid, immuneNeurons }: { netuid: NetUid; immuneNeurons: number }) =>
  ownerSetter(ctx, origin, netuid, 'ImmuneNeuronLimit', {
    exists: false,
    check: () => {
      if (immuneNeurons < IMMUNE_OWNER_UIDS_LIMIT.min || immuneNeurons > IMMUNE_OWNER_UIDS_LIMIT.max) throw dispatchError(S, 'InvalidValue')
    },
  }, (s) => ImmuneOwnerUidsLimit.set(s, netuid, immuneNeurons))

// [93] sudo_set_min_childkey_take_per_subnet: within the global [MinChildkeyTake, MaxChildkeyTake] (AdminUtils InvalidValue).
export const setMinChildkeyTakePerSubnet = (ctx: DispatchContext, origin: Origin, { netuid, take }: { netuid: NetUid; take: number }) =>
  ownerSetter(ctx, origin, netuid, 'MinChildkeyTake', {
    exists: true,
    check: () => {
      if (take < MinChildkeyTake.get(ctx.storage) || take > MaxChildkeyTake.get(ctx.storage)) throw dispatchError(A, 'InvalidValue')
    },
  }, (s) => {
    MinChildkeyTakePerSubnet.set(s, netuid, take)
    ctx.deposit(st.MinChildKeyTakePerSubnetSet([netuid, take]))
  })

// [89] sudo_set_burn_half_life: not on root; 0 < half-life ≤ 36_100; AdminUtils' BurnHalfLifeSet.
export const setBurnHalfLife = (ctx: DispatchContext, origin: Origin, { netuid, burnHalfLife }: { netuid: NetUid; burnHalfLife: number }) =>
  ownerSetter(ctx, origin, netuid, 'BurnHalfLife', {
    exists: true,
    check: () => {
      if (netuid === ROOT_NETUID) throw dispatchError(A, 'NotPermittedOnRootSubnet')
      if (burnHalfLife === 0 || burnHalfLife > MAX_BURN_HALF_LIFE) throw dispatchError(A, 'InvalidValue')
    },
  }, (s) => {
    BurnHalfLife.set(s, netuid, burnHalfLife)
    ctx.deposit(events.BurnHalfLifeSet({ netuid, burnHalfLife }))
  })

// [90] sudo_set_burn_increase_mult: not on root; 1 ≤ mult ≤ 3; AdminUtils' BurnIncreaseMultSet.
export const setBurnIncreaseMult = (ctx: DispatchContext, origin: Origin, { netuid, burnIncreaseMult }: { netuid: NetUid; burnIncreaseMult: U64F64 }) =>
  ownerSetter(ctx, origin, netuid, 'BurnIncreaseMult', {
    exists: true,
    check: () => {
      if (netuid === ROOT_NETUID) throw dispatchError(A, 'NotPermittedOnRootSubnet')
      if (burnIncreaseMult.bits < U64F64_ONE || burnIncreaseMult.bits > 3n * U64F64_ONE) throw dispatchError(A, 'InvalidValue')
    },
  }, (s) => {
    BurnIncreaseMult.set(s, netuid, burnIncreaseMult)
    ctx.deposit(events.BurnIncreaseMultSet({ netuid, burnIncreaseMult }))
  })

// [92] sudo_set_owner_cut_enabled: owner or root without a rate limit; freeze window; not on root. No event.
export function setOwnerCutEnabled(ctx: DispatchContext, origin: Origin, { netuid, enabled }: { netuid: NetUid; enabled: boolean }) {
  const s = ctx.storage
  ensureSubnetOwnerOrRoot(s, origin, netuid)
  ensureAdminWindowOpen(ctx, netuid)
  ensureSubnetExists(s, netuid)
  if (netuid === ROOT_NETUID) throw dispatchError(A, 'NotPermittedOnRootSubnet')
  OwnerCutEnabled.set(s, netuid, enabled)
}

/**
 * [64] sudo_set_subnet_owner_hotkey and [67] sudo_set_sn_owner_hotkey → `do_set_sn_owner_hotkey`: owner or root (no freeze
 * window), SubtensorModule's SubnetNotExists, once per 50_400 blocks per subnet (for root too), never a subnet account.
 */
export function setSnOwnerHotkey(ctx: DispatchContext, origin: Origin, { netuid, hotkey }: { netuid: NetUid; hotkey: AccountId }) {
  const s = ctx.storage
  ensureSubnetOwnerOrRoot(s, origin, netuid)
  if (!NetworksAdded.get(s, netuid)) throw dispatchError(S, 'SubnetNotExists')
  const key = { type: 'SetSNOwnerHotkey' as const, value: netuid }
  const now = currentBlock(s)
  if (!passesRateLimit(SET_SN_OWNER_HOTKEY_RATE_LIMIT, now, LastRateLimitedBlock.get(s, key))) throw dispatchError(S, 'TxRateLimitExceeded')
  LastRateLimitedBlock.set(s, key, now)
  // set_subnet_owner_hotkey
  if (isSubnetAccountId(hotkey)) throw dispatchError(S, 'CannotUseSystemAccount')
  SubnetOwnerHotkey.set(s, netuid, hotkey)
  ctx.deposit(st.SubnetOwnerHotkeySet([netuid, hotkey]))
}
