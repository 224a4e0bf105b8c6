// The root-only setters (subtensor.md §3.5): `Sudo.sudo(AdminUtils.…)` signed by the sudo key; any other origin is BadOrigin.
// Each follows pallets/admin-utils/src/lib.rs @ 14bc6f9: ensure_root → (freeze window, for the per-subnet calls that check it) →
// (subnet exists) → bounds → write with pallet_subtensor's setter event (utils/misc.rs, coinbase/root.rs, subnets/subnet.rs).
import type { DispatchContext, Origin } from '../../framework/dispatch.ts'
import { dispatchError, ensureRoot } from '../../framework/dispatch.ts'
import type { NetUid, TaoBalance } from '../../primitives/bittensor.ts'
import type { StorageBackend } from '../../primitives/storage.ts'
import { events as st } from '../subtensor/events.ts'
import {
  AdjustmentInterval, AdminFreezeWindow, CommitRevealWeightsVersion, EMAPriceHalvingBlocks, Kappa, MaxAllowedUids, MaxAllowedValidators, MaxDelegateTake,
  MaxEpochsPerBlock, MaxRegistrationsPerBlock, MinAllowedUids, MinDelegateTake, MinNonImmuneUids, NetworkImmunityPeriod, NetworkLockReductionInterval,
  NetworkMinLockCost, NetworkRateLimit, NetworkRegistrationAllowed, NominatorMinRequiredStake, OwnerHyperparamRateLimit, StakeThreshold, StartCallDelay,
  SubnetEmissionEnabled, SubnetLimit, SubnetOwnerCut, TargetRegistrationsPerInterval, TxDelegateTakeRateLimit, TxRateLimit, WeightsSetRateLimit,
} from '../subtensor/storage/hyperparams.ts'
import { RAORecycledForRegistration } from '../subtensor/storage/neurons.ts'
import { LastEpochBlock, SubnetMovingAlpha, SubnetworkN, SubtokenEnabled, Tempo } from '../subtensor/storage/subnets.ts'
import type { I96F32 } from '../subtensor/types.ts'
import { events } from './events.ts'
import { currentBlock, ensureAdminWindowOpen, subnetExists } from './checks.ts'
import { clearSmallNominations } from '../subtensor/staking/stake.ts'

const A = 'AdminUtils'
const ROOT_NETUID = 0

function ensureSubnetExists(s: StorageBackend, netuid: NetUid) {
  if (!subnetExists(s, netuid)) throw dispatchError(A, 'SubnetDoesNotExist')
}

/** A root-only write of one global value: ensure_root, then `write` (which deposits the setter's event, if any). */
const rootOnly = (origin: Origin, write: () => void) => {
  ensureRoot(origin)
  write()
}

/** A root-only per-subnet write: ensure_root → freeze window (when the Rust checks it) → subnet exists (when it checks that) → `write`. */
function rootSubnetSetter(ctx: DispatchContext, origin: Origin, netuid: NetUid, opts: { window: boolean; exists: boolean }, write: (s: StorageBackend) => void) {
  ensureRoot(origin)
  if (opts.window) ensureAdminWindowOpen(ctx, netuid)
  if (opts.exists) ensureSubnetExists(ctx.storage, netuid)
  write(ctx.storage)
}

// ── global values ───────────────────────────────────────────────────────────────────────────────

// [1] sudo_set_default_take → `set_max_delegate_take` (the event is MaxDelegateTakeSet).
export const setDefaultTake = (ctx: DispatchContext, origin: Origin, { defaultTake }: { defaultTake: number }) =>
  rootOnly(origin, () => {
    MaxDelegateTake.set(ctx.storage, defaultTake)
    ctx.deposit(st.MaxDelegateTakeSet([defaultTake]))
  })

// [2] sudo_set_tx_rate_limit
export const setTxRateLimit = (ctx: DispatchContext, origin: Origin, { txRateLimit }: { txRateLimit: bigint }) =>
  rootOnly(origin, () => {
    TxRateLimit.set(ctx.storage, txRateLimit)
    ctx.deposit(st.TxRateLimitSet([txRateLimit]))
  })

// [28] sudo_set_subnet_owner_cut
export const setSubnetOwnerCut = (ctx: DispatchContext, origin: Origin, { subnetOwnerCut }: { subnetOwnerCut: number }) =>
  rootOnly(origin, () => {
    SubnetOwnerCut.set(ctx.storage, subnetOwnerCut)
    ctx.deposit(st.SubnetOwnerCutSet([subnetOwnerCut]))
  })

// [29] sudo_set_network_rate_limit
export const setNetworkRateLimit = (ctx: DispatchContext, origin: Origin, { rateLimit }: { rateLimit: bigint }) =>
  rootOnly(origin, () => {
    NetworkRateLimit.set(ctx.storage, rateLimit)
    ctx.deposit(st.NetworkRateLimitSet([rateLimit]))
  })

// [33] sudo_set_total_issuance: deprecated, refused for every origin.
export function setTotalIssuance(): void {
  throw dispatchError(A, 'Deprecated')
}

// [35] sudo_set_network_immunity_period
export const setNetworkImmunityPeriod = (ctx: DispatchContext, origin: Origin, { immunityPeriod }: { immunityPeriod: bigint }) =>
  rootOnly(origin, () => {
    NetworkImmunityPeriod.set(ctx.storage, immunityPeriod)
    ctx.deposit(st.NetworkImmunityPeriodSet([immunityPeriod]))
  })

// [36] sudo_set_network_min_lock_cost
export const setNetworkMinLockCost = (ctx: DispatchContext, origin: Origin, { lockCost }: { lockCost: TaoBalance }) =>
  rootOnly(origin, () => {
    NetworkMinLockCost.set(ctx.storage, lockCost)
    ctx.deposit(st.NetworkMinLockCostSet([lockCost]))
  })

// [37] sudo_set_subnet_limit → `set_max_subnets`
export const setSubnetLimit = (ctx: DispatchContext, origin: Origin, { maxSubnets }: { maxSubnets: number }) =>
  rootOnly(origin, () => {
    SubnetLimit.set(ctx.storage, maxSubnets)
    ctx.deposit(st.SubnetLimitSet([maxSubnets]))
  })

// [38] sudo_set_lock_reduction_interval
export const setLockReductionInterval = (ctx: DispatchContext, origin: Origin, { interval }: { interval: bigint }) =>
  rootOnly(origin, () => {
    NetworkLockReductionInterval.set(ctx.storage, interval)
    ctx.deposit(st.NetworkLockCostReductionIntervalSet([interval]))
  })

// [42] sudo_set_stake_threshold
export const setStakeThreshold = (ctx: DispatchContext, origin: Origin, { minStake }: { minStake: bigint }) =>
  rootOnly(origin, () => {
    StakeThreshold.set(ctx.storage, minStake)
    ctx.deposit(st.StakeThresholdSet([minStake]))
  })

/** [43] sudo_set_nominator_min_required_stake: no event. When the value rises, every nomination now below it is sold back to its coldkey (`clear_small_nominations`). */
export const setNominatorMinRequiredStake = (ctx: DispatchContext, origin: Origin, { minStake }: { minStake: bigint }) =>
  rootOnly(origin, () => {
    const previous = NominatorMinRequiredStake.get(ctx.storage)
    NominatorMinRequiredStake.set(ctx.storage, minStake)
    if (minStake > previous) clearSmallNominations(ctx)
  })

// [45] sudo_set_tx_delegate_take_rate_limit
export const setTxDelegateTakeRateLimit = (ctx: DispatchContext, origin: Origin, { txRateLimit }: { txRateLimit: bigint }) =>
  rootOnly(origin, () => {
    TxDelegateTakeRateLimit.set(ctx.storage, txRateLimit)
    ctx.deposit(st.TxDelegateTakeRateLimitSet([txRateLimit]))
  })

// [46] sudo_set_min_delegate_take
export const setMinDelegateTake = (ctx: DispatchContext, origin: Origin, { take }: { take: number }) =>
  rootOnly(origin, () => {
    MinDelegateTake.set(ctx.storage, take)
    ctx.deposit(st.MinDelegateTakeSet([take]))
  })

// [63] sudo_set_subnet_moving_alpha: no event.
export const setSubnetMovingAlpha = (ctx: DispatchContext, origin: Origin, { alpha }: { alpha: I96F32 }) =>
  rootOnly(origin, () => SubnetMovingAlpha.set(ctx.storage, alpha))

// [71] sudo_set_commit_reveal_version
export const setCommitRevealVersion = (ctx: DispatchContext, origin: Origin, { version }: { version: number }) =>
  rootOnly(origin, () => {
    CommitRevealWeightsVersion.set(ctx.storage, version)
    ctx.deposit(st.CommitRevealVersionSet([version]))
  })

// [74] sudo_set_admin_freeze_window
export const setAdminFreezeWindow = (ctx: DispatchContext, origin: Origin, { window }: { window: number }) =>
  rootOnly(origin, () => {
    AdminFreezeWindow.set(ctx.storage, window)
    ctx.deposit(st.AdminFreezeWindowSet([window]))
  })

// [75] sudo_set_owner_hparam_rate_limit: the owner rate limit in tempos.
export const setOwnerHparamRateLimit = (ctx: DispatchContext, origin: Origin, { epochs }: { epochs: number }) =>
  rootOnly(origin, () => {
    OwnerHyperparamRateLimit.set(ctx.storage, epochs)
    ctx.deposit(st.OwnerHyperparamRateLimitSet([epochs]))
  })

// [85] sudo_set_start_call_delay
export const setStartCallDelay = (ctx: DispatchContext, origin: Origin, { delay }: { delay: bigint }) =>
  rootOnly(origin, () => {
    StartCallDelay.set(ctx.storage, delay)
    ctx.deposit(st.StartCallDelaySet([delay]))
  })

// [96] sudo_set_max_epochs_per_block: at least 1.
export function setMaxEpochsPerBlock(ctx: DispatchContext, origin: Origin, { maxEpochsPerBlock }: { maxEpochsPerBlock: number }) {
  ensureRoot(origin)
  if (maxEpochsPerBlock < 1) throw dispatchError(A, 'ValueNotInBounds')
  MaxEpochsPerBlock.set(ctx.storage, maxEpochsPerBlock)
  ctx.deposit(st.MaxEpochsPerBlockSet([maxEpochsPerBlock]))
}

// ── per subnet ──────────────────────────────────────────────────────────────────────────────────

// [7] sudo_set_weights_set_rate_limit: no freeze-window check.
export const setWeightsSetRateLimit = (ctx: DispatchContext, origin: Origin, { netuid, weightsSetRateLimit }: { netuid: NetUid; weightsSetRateLimit: bigint }) =>
  rootSubnetSetter(ctx, origin, netuid, { window: false, exists: true }, (s) => {
    WeightsSetRateLimit.set(s, netuid, weightsSetRateLimit)
    ctx.deposit(st.WeightsSetRateLimitSet([netuid, weightsSetRateLimit]))
  })

// [8] sudo_set_adjustment_interval
export const setAdjustmentInterval = (ctx: DispatchContext, origin: Origin, { netuid, adjustmentInterval }: { netuid: NetUid; adjustmentInterval: number }) =>
  rootSubnetSetter(ctx, origin, netuid, { window: false, exists: true }, (s) => {
    AdjustmentInterval.set(s, netuid, adjustmentInterval)
    ctx.deposit(st.AdjustmentIntervalSet([netuid, adjustmentInterval]))
  })

// [16] sudo_set_kappa
export const setKappa = (ctx: DispatchContext, origin: Origin, { netuid, kappa }: { netuid: NetUid; kappa: number }) =>
  rootSubnetSetter(ctx, origin, netuid, { window: false, exists: true }, (s) => {
    Kappa.set(s, netuid, kappa)
    ctx.deposit(st.KappaSet([netuid, kappa]))
  })

// [19] sudo_set_network_registration_allowed: no window, no subnet check.
export const setNetworkRegistrationAllowed = (ctx: DispatchContext, origin: Origin, { netuid, registrationAllowed }: { netuid: NetUid; registrationAllowed: boolean }) =>
  rootSubnetSetter(ctx, origin, netuid, { window: false, exists: false }, (s) => {
    NetworkRegistrationAllowed.set(s, netuid, registrationAllowed)
    ctx.deposit(st.RegistrationAllowed([netuid, registrationAllowed]))
  })

// [20] sudo_set_network_pow_registration_allowed: PoW registration is gone; refused for every origin.
export function setNetworkPowRegistrationAllowed(): void {
  throw dispatchError(A, 'POWRegistrationDisabled')
}

// [21] sudo_set_target_registrations_per_interval
export const setTargetRegistrationsPerInterval = (ctx: DispatchContext, origin: Origin, { netuid, targetRegistrationsPerInterval }: { netuid: NetUid; targetRegistrationsPerInterval: number }) =>
  rootSubnetSetter(ctx, origin, netuid, { window: true, exists: true }, (s) => {
    TargetRegistrationsPerInterval.set(s, netuid, targetRegistrationsPerInterval)
    ctx.deposit(st.RegistrationPerIntervalSet([netuid, targetRegistrationsPerInterval]))
  })

// [25] sudo_set_max_allowed_validators: at most MaxAllowedUids.
export function setMaxAllowedValidators(ctx: DispatchContext, origin: Origin, { netuid, maxAllowedValidators }: { netuid: NetUid; maxAllowedValidators: number }) {
  rootSubnetSetter(ctx, origin, netuid, { window: true, exists: true }, (s) => {
    if (maxAllowedValidators > MaxAllowedUids.get(s, netuid)) throw dispatchError(A, 'MaxValidatorsLargerThanMaxUIds')
    MaxAllowedValidators.set(s, netuid, maxAllowedValidators)
    ctx.deposit(st.MaxAllowedValidatorsSet([netuid, maxAllowedValidators]))
  })
}

// [27] sudo_set_max_registrations_per_block
export const setMaxRegistrationsPerBlock = (ctx: DispatchContext, origin: Origin, { netuid, maxRegistrationsPerBlock }: { netuid: NetUid; maxRegistrationsPerBlock: number }) =>
  rootSubnetSetter(ctx, origin, netuid, { window: true, exists: true }, (s) => {
    MaxRegistrationsPerBlock.set(s, netuid, maxRegistrationsPerBlock)
    ctx.deposit(st.MaxRegistrationsPerBlockSet([netuid, maxRegistrationsPerBlock]))
  })

// [30] sudo_set_tempo → `apply_tempo_with_cycle_reset`: no bounds for root; TempoSet; the epoch cycle restarts now (LastEpochBlock).
export const setTempo = (ctx: DispatchContext, origin: Origin, { netuid, tempo }: { netuid: NetUid; tempo: number }) =>
  rootSubnetSetter(ctx, origin, netuid, { window: true, exists: true }, (s) => {
    Tempo.set(s, netuid, tempo)
    ctx.deposit(st.TempoSet([netuid, tempo]))
    LastEpochBlock.set(s, netuid, currentBlock(s))
  })

// [39] sudo_set_rao_recycled
export const setRaoRecycled = (ctx: DispatchContext, origin: Origin, { netuid, raoRecycled }: { netuid: NetUid; raoRecycled: TaoBalance }) =>
  rootSubnetSetter(ctx, origin, netuid, { window: false, exists: true }, (s) => {
    RAORecycledForRegistration.set(s, netuid, raoRecycled)
    ctx.deposit(st.RAORecycledForRegistrationSet([netuid, raoRecycled]))
  })

// [65] sudo_set_ema_price_halving_period: no subnet check, no event.
export const setEmaPriceHalvingPeriod = (ctx: DispatchContext, origin: Origin, { netuid, emaHalving }: { netuid: NetUid; emaHalving: bigint }) =>
  rootSubnetSetter(ctx, origin, netuid, { window: false, exists: false }, (s) => EMAPriceHalvingBlocks.set(s, netuid, emaHalving))

// [66] sudo_set_subtoken_enabled: freeze window, no subnet check, no event.
export const setSubtokenEnabled = (ctx: DispatchContext, origin: Origin, { netuid, subtokenEnabled }: { netuid: NetUid; subtokenEnabled: boolean }) =>
  rootSubnetSetter(ctx, origin, netuid, { window: true, exists: false }, (s) => SubtokenEnabled.set(s, netuid, subtokenEnabled))

// [79] sudo_set_min_allowed_uids: below MaxAllowedUids and below the current UID count.
export function setMinAllowedUids(ctx: DispatchContext, origin: Origin, { netuid, minAllowedUids }: { netuid: NetUid; minAllowedUids: number }) {
  rootSubnetSetter(ctx, origin, netuid, { window: true, exists: true }, (s) => {
    if (minAllowedUids >= MaxAllowedUids.get(s, netuid)) throw dispatchError(A, 'MinAllowedUidsGreaterThanMaxAllowedUids')
    if (minAllowedUids >= SubnetworkN.get(s, netuid)) throw dispatchError(A, 'MinAllowedUidsGreaterThanCurrentUids')
    MinAllowedUids.set(s, netuid, minAllowedUids)
    ctx.deposit(st.MinAllowedUidsSet([netuid, minAllowedUids]))
  })
}

// [84] sudo_set_min_non_immune_uids: no window, no subnet check.
export const setMinNonImmuneUids = (ctx: DispatchContext, origin: Origin, { netuid, min }: { netuid: NetUid; min: number }) =>
  rootSubnetSetter(ctx, origin, netuid, { window: false, exists: false }, (s) => {
    MinNonImmuneUids.set(s, netuid, min)
    ctx.deposit(st.MinNonImmuneUidsSet([netuid, min]))
  })

// [94] sudo_set_subnet_emission_enabled: no window; not on root; AdminUtils' SubnetEmissionEnabledSet.
export function setSubnetEmissionEnabled(ctx: DispatchContext, origin: Origin, { netuid, enabled }: { netuid: NetUid; enabled: boolean }) {
  rootSubnetSetter(ctx, origin, netuid, { window: false, exists: true }, (s) => {
    if (netuid === ROOT_NETUID) throw dispatchError(A, 'NotPermittedOnRootSubnet')
    SubnetEmissionEnabled.set(s, netuid, enabled)
    ctx.deposit(events.SubnetEmissionEnabledSet({ netuid, enabled }))
  })
}
