// subtensor's `SubnetInfoRuntimeApi` subnet descriptions and hyperparameters (spec 425): SubnetInfo / SubnetInfov2, SubnetHyperparams,
// SubnetHyperparamsV2 and the name-tagged SubnetHyperparamsV3 list, plus the hyperparameter getters the metagraph shares.
// From pallets/subtensor/src/rpc_info/subnet_info.rs @ 14bc6f9 (structs, `get_subnet_info*`, `get_subnets_info*`, `get_subnet_hyperparams*`),
// utils/misc.rs (getters: `get_activity_cutoff_blocks` :614, `get_alpha_sigmoid_steepness` :832, `get_effective_min_childkey_take` :452),
// subnets/subnet.rs:16 (`if_subnet_exist` reads NetworksAdded's value).
import { NetUid, TaoBalance } from '../primitives/bittensor.ts'
import { AccountId32 } from '../primitives/substrate.ts'
import type { StorageBackend } from '../primitives/storage.ts'
import { Bytes, Option, Vec, array, bool, compact, enumType, i64, struct, u128, u16, u32, u64, withTypeName } from '../primitives/types.ts'
import type { ValueOf } from '../primitives/types.ts'
import { SubnetIdentityV3, U64F64 } from '../pallets/subtensor/types.ts'
import {
  ActivityCutoffFactorMilli,
  AdjustmentAlpha,
  AdjustmentInterval,
  AlphaSigmoidSteepness,
  AlphaValues,
  BondsMovingAverage,
  BondsResetOn,
  BurnHalfLife,
  BurnIncreaseMult,
  CommitRevealWeightsEnabled,
  Difficulty,
  ImmunityPeriod,
  Kappa,
  LiquidAlphaOn,
  MaxAllowedUids,
  MaxAllowedValidators,
  MaxDifficulty,
  MaxRegistrationsPerBlock,
  MaxWeightsLimit,
  MinAllowedWeights,
  MinChildkeyTake,
  MinChildkeyTakePerSubnet,
  MinDifficulty,
  NetworkRegistrationAllowed,
  OwnerCutAutoLockEnabled,
  OwnerCutEnabled,
  RevealPeriodEpochs,
  Rho,
  ScalingLawPower,
  ServingRateLimit,
  TargetRegistrationsPerInterval,
  TransferToggle,
  WeightsSetRateLimit,
  WeightsVersionKey,
  Yuma3On,
} from '../pallets/subtensor/storage/hyperparams.ts'
import { Burn, MaxBurn, MinBurn } from '../pallets/subtensor/storage/neurons.ts'
import { BlocksSinceLastStep, NetworksAdded, SubnetIdentitiesV3, SubnetOwner, SubnetworkN, SubtokenEnabled, Tempo } from '../pallets/subtensor/storage/subnets.ts'

type S = StorageBackend

/** `if_subnet_exist`: NetworksAdded's value (false without an entry). */
export const subnetExists = (s: S, netuid: number): boolean => NetworksAdded.get(s, netuid)

/** `get_activity_cutoff_blocks`: ActivityCutoffFactorMilli · tempo / 1000 (saturating), at least 1. */
export function activityCutoffBlocks(s: S, netuid: number): bigint {
  const product = BigInt(ActivityCutoffFactorMilli.get(s, netuid)) * BigInt(Tempo.get(s, netuid))
  const cutoff = (product > U64_MAX ? U64_MAX : product) / 1000n
  return cutoff > 1n ? cutoff : 1n
}
const U64_MAX = (1n << 64n) - 1n

/** `get_alpha_sigmoid_steepness`: the i16 as an I32F32. */
export const alphaSigmoidSteepness = (s: S, netuid: number): I32F32 => ({ bits: BigInt(AlphaSigmoidSteepness.get(s, netuid)) << 32n })
/** `yuma_version`: 3 with Yuma3On, else 2. */
const yumaVersion = (s: S, netuid: number) => (Yuma3On.get(s, netuid) ? 3 : 2)
/** `get_effective_min_childkey_take`: the larger of the global and the subnet's minimum. */
const effectiveMinChildkeyTake = (s: S, netuid: number) => Math.max(MinChildkeyTake.get(s), MinChildkeyTakePerSubnet.get(s, netuid))

// ── Types ──────────────────────────────────────────────────────────────────────────────────────

const AccountIdParam = withTypeName(AccountId32, 'AccountId')
const params = { AccountId: AccountId32 }
const CU16 = compact(u16)
const CU64 = compact(u64)
const CTao = compact(TaoBalance)

/** substrate-fixed `I32F32` = `FixedI64<U32>`: value = bits / 2^32. */
export const I32F32 = struct('substrate_fixed::FixedI64', { bits: i64 }, { params: { Frac: null }, typeName: 'I32F32' })
export type I32F32 = ValueOf<typeof I32F32>

const subnetInfoFields = {
  netuid: compact(NetUid),
  rho: CU16,
  kappa: CU16,
  difficulty: CU64,
  immunity_period: CU16,
  max_allowed_validators: CU16,
  min_allowed_weights: CU16,
  max_weights_limit: CU16,
  scaling_law_power: CU16,
  subnetwork_n: CU16,
  max_allowed_uids: CU16,
  blocks_since_last_step: CU64,
  tempo: CU16,
  network_modality: CU16,
  network_connect: Vec(array(u16, 2)),
}
export const SubnetInfo = struct('pallet_subtensor::rpc_info::subnet_info::SubnetInfo', { ...subnetInfoFields, emission_values: CU64, burn: CTao, owner: AccountIdParam }, { params })
export type SubnetInfo = ValueOf<typeof SubnetInfo>
export const SubnetInfov2 = struct(
  'pallet_subtensor::rpc_info::subnet_info::SubnetInfov2',
  { ...subnetInfoFields, emission_value: CU64, burn: CTao, owner: AccountIdParam, identity: Option(SubnetIdentityV3) },
  { params },
)
export type SubnetInfov2 = ValueOf<typeof SubnetInfov2>

const hyperparamsFields = {
  rho: CU16,
  kappa: CU16,
  immunity_period: CU16,
  min_allowed_weights: CU16,
  max_weights_limit: CU16,
  tempo: CU16,
  min_difficulty: CU64,
  max_difficulty: CU64,
  weights_version: CU64,
  weights_rate_limit: CU64,
  adjustment_interval: CU16,
  activity_cutoff: CU64,
  registration_allowed: bool,
  target_regs_per_interval: CU16,
  min_burn: CTao,
  max_burn: CTao,
  bonds_moving_avg: CU64,
  max_regs_per_block: CU16,
  serving_rate_limit: CU64,
  max_validators: CU16,
  adjustment_alpha: CU64,
  difficulty: CU64,
  commit_reveal_period: CU64,
  commit_reveal_weights_enabled: bool,
  alpha_high: CU16,
  alpha_low: CU16,
  liquid_alpha_enabled: bool,
}
export const SubnetHyperparams = struct('pallet_subtensor::rpc_info::subnet_info::SubnetHyperparams', hyperparamsFields)
export type SubnetHyperparams = ValueOf<typeof SubnetHyperparams>
export const SubnetHyperparamsV2 = struct('pallet_subtensor::rpc_info::subnet_info::SubnetHyperparamsV2', {
  ...hyperparamsFields,
  alpha_sigmoid_steepness: I32F32,
  yuma_version: CU16,
  subnet_is_active: bool,
  transfers_enabled: bool,
  bonds_reset_enabled: bool,
  user_liquidity_enabled: bool,
})
export type SubnetHyperparamsV2 = ValueOf<typeof SubnetHyperparamsV2>

/** `HyperparamValue`: a hyperparameter's value tagged with its type (compact integers). */
export const HyperparamValue = enumType('pallet_subtensor::rpc_info::subnet_info::HyperparamValue', {
  Bool: { index: 0, fields: bool },
  U16: { index: 1, fields: CU16 },
  U32: { index: 2, fields: compact(u32) },
  U64: { index: 3, fields: CU64 },
  U128: { index: 4, fields: compact(u128) },
  TaoBalance: { index: 5, fields: CTao },
  I32F32: { index: 6, fields: I32F32 },
  U64F64: { index: 7, fields: U64F64 },
})
export type HyperparamValue = ValueOf<typeof HyperparamValue>
export const HyperparamEntry = struct('pallet_subtensor::rpc_info::subnet_info::HyperparamEntry', { name: Bytes, value: HyperparamValue })
export type HyperparamEntry = ValueOf<typeof HyperparamEntry>
/** `SubnetHyperparamsV3 = Vec<HyperparamEntry>`. */
export const SubnetHyperparamsV3 = withTypeName(Vec(HyperparamEntry), 'SubnetHyperparamsV3')

// ── SubnetInfo ─────────────────────────────────────────────────────────────────────────────────

function subnetInfoCommon(s: S, netuid: number) {
  return {
    netuid,
    rho: Rho.get(s, netuid),
    kappa: Kappa.get(s, netuid),
    difficulty: Difficulty.get(s, netuid),
    immunity_period: ImmunityPeriod.get(s, netuid),
    max_allowed_validators: MaxAllowedValidators.get(s, netuid),
    min_allowed_weights: MinAllowedWeights.get(s, netuid),
    max_weights_limit: MaxWeightsLimit.get(s, netuid),
    scaling_law_power: ScalingLawPower.get(s, netuid),
    subnetwork_n: SubnetworkN.get(s, netuid),
    max_allowed_uids: MaxAllowedUids.get(s, netuid),
    // the BlocksSinceLastStep counter (unlike DynamicInfo's now − LastMechansimStepBlock)
    blocks_since_last_step: BlocksSinceLastStep.get(s, netuid),
    tempo: Tempo.get(s, netuid),
    // deprecated: always 0 and empty
    network_modality: 0,
    network_connect: [] as number[][],
  }
}

/** `get_subnet_info`: None for a missing subnet. */
export function subnetInfo(s: S, netuid: number): SubnetInfo | undefined {
  if (!subnetExists(s, netuid)) return undefined
  return { ...subnetInfoCommon(s, netuid), emission_values: 0n, burn: Burn.get(s, netuid), owner: SubnetOwner.get(s, netuid) }
}

/** `get_subnet_info_v2`: SubnetInfo with the subnet identity. */
export function subnetInfoV2(s: S, netuid: number): SubnetInfov2 | undefined {
  if (!subnetExists(s, netuid)) return undefined
  return { ...subnetInfoCommon(s, netuid), emission_value: 0n, burn: Burn.get(s, netuid), owner: SubnetOwner.get(s, netuid), identity: SubnetIdentitiesV3.get(s, netuid) }
}

/** `get_subnets_info*`: the subnets whose NetworksAdded is true, in ascending netuid order. */
export const addedNetuidsAscending = (s: S): number[] =>
  NetworksAdded.entries(s)
    .filter(([, added]) => added)
    .map(([[netuid]]) => netuid)
    .sort((a, b) => a - b)

// ── Hyperparameters ────────────────────────────────────────────────────────────────────────────

/** `get_subnet_hyperparams`: None for a missing subnet. */
export function subnetHyperparams(s: S, netuid: number): SubnetHyperparams | undefined {
  if (!subnetExists(s, netuid)) return undefined
  const [alphaLow, alphaHigh] = AlphaValues.get(s, netuid)
  return {
    rho: Rho.get(s, netuid),
    kappa: Kappa.get(s, netuid),
    immunity_period: ImmunityPeriod.get(s, netuid),
    min_allowed_weights: MinAllowedWeights.get(s, netuid),
    max_weights_limit: MaxWeightsLimit.get(s, netuid),
    tempo: Tempo.get(s, netuid),
    min_difficulty: MinDifficulty.get(s, netuid),
    max_difficulty: MaxDifficulty.get(s, netuid),
    weights_version: WeightsVersionKey.get(s, netuid),
    weights_rate_limit: WeightsSetRateLimit.get(s, netuid),
    adjustment_interval: AdjustmentInterval.get(s, netuid),
    activity_cutoff: activityCutoffBlocks(s, netuid),
    registration_allowed: NetworkRegistrationAllowed.get(s, netuid),
    target_regs_per_interval: TargetRegistrationsPerInterval.get(s, netuid),
    min_burn: MinBurn.get(s, netuid),
    max_burn: MaxBurn.get(s, netuid),
    bonds_moving_avg: BondsMovingAverage.get(s, netuid),
    max_regs_per_block: MaxRegistrationsPerBlock.get(s, netuid),
    serving_rate_limit: ServingRateLimit.get(s, netuid),
    max_validators: MaxAllowedValidators.get(s, netuid),
    adjustment_alpha: AdjustmentAlpha.get(s, netuid),
    difficulty: Difficulty.get(s, netuid),
    commit_reveal_period: RevealPeriodEpochs.get(s, netuid),
    commit_reveal_weights_enabled: CommitRevealWeightsEnabled.get(s, netuid),
    alpha_high: alphaHigh,
    alpha_low: alphaLow,
    liquid_alpha_enabled: LiquidAlphaOn.get(s, netuid),
  }
}

/** `get_subnet_hyperparams_v2`: V1 plus steepness, Yuma version, subtoken/transfer/bonds-reset switches; user liquidity is always off. */
export function subnetHyperparamsV2(s: S, netuid: number): SubnetHyperparamsV2 | undefined {
  const v1 = subnetHyperparams(s, netuid)
  if (v1 === undefined) return undefined
  return {
    ...v1,
    alpha_sigmoid_steepness: alphaSigmoidSteepness(s, netuid),
    yuma_version: yumaVersion(s, netuid),
    subnet_is_active: SubtokenEnabled.get(s, netuid),
    transfers_enabled: TransferToggle.get(s, netuid),
    bonds_reset_enabled: BondsResetOn.get(s, netuid),
    user_liquidity_enabled: false,
  }
}

const entry = (name: string, value: HyperparamValue): HyperparamEntry => ({ name: new TextEncoder().encode(name), value })
const U16v = (value: number): HyperparamValue => ({ type: 'U16', value })
const U32v = (value: number): HyperparamValue => ({ type: 'U32', value })
const U64v = (value: bigint): HyperparamValue => ({ type: 'U64', value })
const Boolv = (value: boolean): HyperparamValue => ({ type: 'Bool', value })
const Taov = (value: bigint): HyperparamValue => ({ type: 'TaoBalance', value })

/** `get_subnet_hyperparams_v3`: every hyperparameter by name, in subtensor's order (rho is not listed). */
export function subnetHyperparamsV3(s: S, netuid: number): HyperparamEntry[] | undefined {
  if (!subnetExists(s, netuid)) return undefined
  const [alphaLow, alphaHigh] = AlphaValues.get(s, netuid)
  return [
    entry('kappa', U16v(Kappa.get(s, netuid))),
    entry('immunity_period', U16v(ImmunityPeriod.get(s, netuid))),
    entry('min_allowed_weights', U16v(MinAllowedWeights.get(s, netuid))),
    entry('max_weights_limit', U16v(MaxWeightsLimit.get(s, netuid))),
    entry('tempo', U16v(Tempo.get(s, netuid))),
    entry('weights_version', U64v(WeightsVersionKey.get(s, netuid))),
    entry('weights_rate_limit', U64v(WeightsSetRateLimit.get(s, netuid))),
    entry('activity_cutoff', U64v(activityCutoffBlocks(s, netuid))),
    entry('activity_cutoff_factor', U32v(ActivityCutoffFactorMilli.get(s, netuid))),
    entry('registration_allowed', Boolv(NetworkRegistrationAllowed.get(s, netuid))),
    entry('target_regs_per_interval', U16v(TargetRegistrationsPerInterval.get(s, netuid))),
    entry('min_burn', Taov(MinBurn.get(s, netuid))),
    entry('max_burn', Taov(MaxBurn.get(s, netuid))),
    entry('burn_half_life', U16v(BurnHalfLife.get(s, netuid))),
    entry('burn_increase_mult', { type: 'U64F64', value: BurnIncreaseMult.get(s, netuid) }),
    entry('bonds_moving_avg', U64v(BondsMovingAverage.get(s, netuid))),
    entry('max_regs_per_block', U16v(MaxRegistrationsPerBlock.get(s, netuid))),
    entry('serving_rate_limit', U64v(ServingRateLimit.get(s, netuid))),
    entry('max_validators', U16v(MaxAllowedValidators.get(s, netuid))),
    entry('commit_reveal_period', U64v(RevealPeriodEpochs.get(s, netuid))),
    entry('commit_reveal_weights_enabled', Boolv(CommitRevealWeightsEnabled.get(s, netuid))),
    entry('alpha_high', U16v(alphaHigh)),
    entry('alpha_low', U16v(alphaLow)),
    entry('liquid_alpha_enabled', Boolv(LiquidAlphaOn.get(s, netuid))),
    entry('alpha_sigmoid_steepness', { type: 'I32F32', value: alphaSigmoidSteepness(s, netuid) }),
    entry('yuma_version', U16v(yumaVersion(s, netuid))),
    entry('subnet_is_active', Boolv(SubtokenEnabled.get(s, netuid))),
    entry('transfers_enabled', Boolv(TransferToggle.get(s, netuid))),
    entry('bonds_reset_enabled', Boolv(BondsResetOn.get(s, netuid))),
    entry('user_liquidity_enabled', Boolv(false)),
    entry('owner_cut_enabled', Boolv(OwnerCutEnabled.get(s, netuid))),
    entry('owner_cut_auto_lock_enabled', Boolv(OwnerCutAutoLockEnabled.get(s, netuid))),
    entry('min_childkey_take', U16v(effectiveMinChildkeyTake(s, netuid))),
  ]
}
