// SubtensorModule hyperparameters (subtensor.md §2): per-subnet maps and global values with the production runtime's defaults.
// Declarations from pallets/subtensor/src/lib.rs @ 14bc6f9 (spec 425); values of `T::Initial*` from runtime/src/lib.rs:960-1035.
import { AccountId, MechId, NetUid, TaoBalance } from '../../../primitives/bittensor.ts'
import { AccountId32 } from '../../../primitives/substrate.ts'
import { storageMap, storageValue } from '../../../primitives/storage.ts'
import { bool, enumType, i16, tuple, u16, u32, u64, u8, withTypeName } from '../../../primitives/types.ts'
import type { ValueOf } from '../../../primitives/types.ts'
import { U64F64 } from '../types.ts'

const P = 'SubtensorModule'
const byNetuid = [[NetUid, 'Identity']] as const
const U16_MAX = 65_535

/** The runtime's `SubtensorInitial*` parameter values (runtime/src/lib.rs:969-1034). */
export const INITIAL = {
  rho: 10,
  alphaSigmoidSteepness: 1000,
  kappa: 32_767,
  maxAllowedUids: 256,
  minAllowedUids: 64,
  minAllowedWeights: 1024,
  validatorPruneLen: 1n,
  scalingLawPower: 50,
  maxAllowedValidators: 128,
  difficulty: 10_000_000n,
  adjustmentInterval: 100,
  adjustmentAlpha: 0n,
  targetRegistrationsPerInterval: 2,
  immunityPeriod: 4096,
  activityCutoff: 5000,
  maxRegistrationsPerBlock: 1,
  bondsMovingAverage: 900_000n,
  bondsPenalty: U16_MAX,
  bondsResetOn: false,
  defaultDelegateTake: 11_796,
  minDelegateTake: 0,
  minChildKeyTake: 0,
  maxChildKeyTake: 11_796,
  weightsVersionKey: 0n,
  minDifficulty: 10_000_000n,
  maxDifficulty: 18_446_744_073_709_551_615n / 4n,
  servingRateLimit: 50n,
  burn: 100_000_000n,
  minBurn: 500_000n,
  maxBurn: 100_000_000_000n,
  txRateLimit: 1000n,
  txDelegateTakeRateLimit: 216_000n,
  networkImmunityPeriod: 1_296_000n,
  networkMinLockCost: 1_000_000_000_000n,
  subnetOwnerCut: 11_796,
  networkLockReductionInterval: 14n * 7200n,
  networkRateLimit: 7200n,
  taoWeight: 971_718_665_099_567_868n,
  emaPriceHalvingPeriod: 201_600n,
  startCallDelay: 0n,
  maxEpochsPerBlock: 2,
} as const

/** `INITIAL_ACTIVITY_CUTOFF_FACTOR_MILLI` (lib.rs:1821). */
export const INITIAL_ACTIVITY_CUTOFF_FACTOR_MILLI = 13_889
/** `U64F64::from_num(1.26)`: the f64 1.26 times 2^64 (exact). */
export const DEFAULT_BURN_INCREASE_MULT: U64F64 = { bits: 23_242_897_532_874_035_200n }

// ── per subnet ────────────────────────────────────────────────────────────────────────────────
export const Rho = storageMap(P, 'Rho', { key: byNetuid, value: u16, default: INITIAL.rho, docs: ' --- MAP ( netuid ) --> Rho (lib.rs:1983)' })
export const AlphaSigmoidSteepness = storageMap(P, 'AlphaSigmoidSteepness', { key: byNetuid, value: i16, default: INITIAL.alphaSigmoidSteepness, docs: ' --- MAP ( netuid ) --> AlphaSigmoidSteepness (lib.rs:1987)' })
export const Kappa = storageMap(P, 'Kappa', { key: byNetuid, value: u16, default: INITIAL.kappa, docs: ' --- MAP ( netuid ) --> Kappa (lib.rs:1992)' })
export const MinAllowedUids = storageMap(P, 'MinAllowedUids', { key: byNetuid, value: u16, default: INITIAL.minAllowedUids, docs: ' --- MAP ( netuid ) --> MinAllowedUids (lib.rs:2011)' })
export const MaxAllowedUids = storageMap(P, 'MaxAllowedUids', { key: byNetuid, value: u16, default: INITIAL.maxAllowedUids, docs: ' --- MAP ( netuid ) --> MaxAllowedUids (lib.rs:2016)' })
export const ImmunityPeriod = storageMap(P, 'ImmunityPeriod', { key: byNetuid, value: u16, default: INITIAL.immunityPeriod, docs: ' --- MAP ( netuid ) --> ImmunityPeriod (lib.rs:2021)' })
export const ActivityCutoff = storageMap(P, 'ActivityCutoff', { key: byNetuid, value: u16, default: INITIAL.activityCutoff, docs: ' --- MAP ( netuid ) --> ActivityCutoff (legacy; lib.rs:2027)' })
export const ActivityCutoffFactorMilli = storageMap(P, 'ActivityCutoffFactorMilli', { key: byNetuid, value: u32, default: INITIAL_ACTIVITY_CUTOFF_FACTOR_MILLI, docs: ' --- MAP ( netuid ) --> ActivityCutoffFactorMilli (lib.rs:1852)' })
export const MaxWeightsLimit = storageMap(P, 'MaxWeightsLimit', { key: byNetuid, value: u16, default: U16_MAX, docs: ' --- MAP ( netuid ) --> MaxWeightsLimit (lib.rs:2037)' })
export const WeightsVersionKey = storageMap(P, 'WeightsVersionKey', { key: byNetuid, value: u64, default: INITIAL.weightsVersionKey, docs: ' --- MAP ( netuid ) --> WeightsVersionKey (lib.rs:2042)' })
export const MinAllowedWeights = storageMap(P, 'MinAllowedWeights', { key: byNetuid, value: u16, default: INITIAL.minAllowedWeights, docs: ' --- MAP ( netuid ) --> MinAllowedWeights (lib.rs:2047)' })
export const MaxAllowedValidators = storageMap(P, 'MaxAllowedValidators', { key: byNetuid, value: u16, default: INITIAL.maxAllowedValidators, docs: ' --- MAP ( netuid ) --> MaxAllowedValidators (lib.rs:2052)' })
export const AdjustmentInterval = storageMap(P, 'AdjustmentInterval', { key: byNetuid, value: u16, default: INITIAL.adjustmentInterval, docs: ' --- MAP ( netuid ) --> AdjustmentInterval (lib.rs:2057)' })
export const BondsMovingAverage = storageMap(P, 'BondsMovingAverage', { key: byNetuid, value: u64, default: INITIAL.bondsMovingAverage, docs: ' --- MAP ( netuid ) --> BondsMovingAverage (lib.rs:2062)' })
export const BondsPenalty = storageMap(P, 'BondsPenalty', { key: byNetuid, value: u16, default: INITIAL.bondsPenalty, docs: ' --- MAP ( netuid ) --> BondsPenalty (lib.rs:2067)' })
export const BondsResetOn = storageMap(P, 'BondsResetOn', { key: byNetuid, value: bool, default: INITIAL.bondsResetOn, docs: ' --- MAP ( netuid ) --> BondsResetOn (lib.rs:2072)' })
export const WeightsSetRateLimit = storageMap(P, 'WeightsSetRateLimit', { key: byNetuid, value: u64, default: 100n, docs: ' --- MAP ( netuid ) --> WeightsSetRateLimit (lib.rs:2077)' })
export const ValidatorPruneLen = storageMap(P, 'ValidatorPruneLen', { key: byNetuid, value: u64, default: INITIAL.validatorPruneLen, docs: ' --- MAP ( netuid ) --> ValidatorPruneLen (lib.rs:2082)' })
export const ScalingLawPower = storageMap(P, 'ScalingLawPower', { key: byNetuid, value: u16, default: INITIAL.scalingLawPower, docs: ' --- MAP ( netuid ) --> ScalingLawPower (lib.rs:2087)' })
export const TargetRegistrationsPerInterval = storageMap(P, 'TargetRegistrationsPerInterval', { key: byNetuid, value: u16, default: INITIAL.targetRegistrationsPerInterval, docs: ' --- MAP ( netuid ) --> TargetRegistrationsPerInterval (lib.rs:2092)' })
export const AdjustmentAlpha = storageMap(P, 'AdjustmentAlpha', { key: byNetuid, value: u64, default: INITIAL.adjustmentAlpha, docs: ' --- MAP ( netuid ) --> AdjustmentAlpha (lib.rs:2097)' })
export const CommitRevealWeightsEnabled = storageMap(P, 'CommitRevealWeightsEnabled', { key: byNetuid, value: bool, default: true, docs: ' --- MAP ( netuid ) --> CommitRevealWeightsEnabled (lib.rs:2102)' })
export const Difficulty = storageMap(P, 'Difficulty', { key: byNetuid, value: u64, default: INITIAL.difficulty, docs: ' --- MAP ( netuid ) --> Difficulty (legacy PoW; lib.rs:2111)' })
export const MinDifficulty = storageMap(P, 'MinDifficulty', { key: byNetuid, value: u64, default: INITIAL.minDifficulty, docs: ' --- MAP ( netuid ) --> MinDifficulty (lib.rs:2125)' })
export const MaxDifficulty = storageMap(P, 'MaxDifficulty', { key: byNetuid, value: u64, default: INITIAL.maxDifficulty, docs: ' --- MAP ( netuid ) --> MaxDifficulty (lib.rs:2130)' })
export const EMAPriceHalvingBlocks = storageMap(P, 'EMAPriceHalvingBlocks', { key: byNetuid, value: u64, default: INITIAL.emaPriceHalvingPeriod, docs: ' --- MAP ( netuid ) --> EMAPriceHalvingBlocks (lib.rs:2145)' })
export const LiquidAlphaOn = storageMap(P, 'LiquidAlphaOn', { key: [[NetUid, 'Blake2_128Concat']], value: bool, docs: ' --- MAP ( netuid ) --> LiquidAlphaOn (lib.rs:2179)' })
export const Yuma3On = storageMap(P, 'Yuma3On', { key: [[NetUid, 'Blake2_128Concat']], value: bool, docs: ' --- MAP ( netuid ) --> Yuma3On (lib.rs:2184)' })
export const AlphaValues = storageMap(P, 'AlphaValues', { key: byNetuid, value: tuple(u16, u16), default: [45_875, 58_982] as [number, number], docs: ' --- MAP ( netuid ) --> (alpha_low, alpha_high) (lib.rs:2189)' })
export const ServingRateLimit = storageMap(P, 'ServingRateLimit', { key: byNetuid, value: u64, default: INITIAL.servingRateLimit, docs: ' --- MAP ( netuid ) --> ServingRateLimit (lib.rs:1978)' })
export const NetworkRegistrationAllowed = storageMap(P, 'NetworkRegistrationAllowed', { key: byNetuid, value: bool, default: true, docs: ' --- MAP ( netuid ) --> NetworkRegistrationAllowed (lib.rs:1892)' })
export const NetworkPowRegistrationAllowed = storageMap(P, 'NetworkPowRegistrationAllowed', { key: byNetuid, value: bool, default: true, docs: ' --- MAP ( netuid ) --> NetworkPowRegistrationAllowed (lib.rs:1897)' })
export const MaxRegistrationsPerBlock = storageMap(P, 'MaxRegistrationsPerBlock', { key: byNetuid, value: u16, default: INITIAL.maxRegistrationsPerBlock, docs: ' --- MAP ( netuid ) --> MaxRegistrationsPerBlock (lib.rs:1719)' })
export const ImmuneOwnerUidsLimit = storageMap(P, 'ImmuneOwnerUidsLimit', { key: byNetuid, value: u16, default: 1, docs: ' --- MAP ( netuid ) --> ImmuneOwnerUidsLimit (lib.rs:2261)' })
export const RevealPeriodEpochs = storageMap(P, 'RevealPeriodEpochs', { key: [[NetUid, 'Twox64Concat']], value: u64, default: 1n, docs: ' --- MAP ( netuid ) --> RevealPeriodEpochs (lib.rs:2526)' })
export const MinNonImmuneUids = storageMap(P, 'MinNonImmuneUids', { key: byNetuid, value: u16, default: 10, docs: ' --- MAP ( netuid ) --> MinNonImmuneUids (lib.rs:2640)' })
export const MechanismCountCurrent = storageMap(P, 'MechanismCountCurrent', { key: [[NetUid, 'Twox64Concat']], value: MechId, default: 1, docs: ' --- MAP ( netuid ) --> MechanismCountCurrent (lib.rs:2677)' })
export const BurnHalfLife = storageMap(P, 'BurnHalfLife', { key: byNetuid, value: u16, default: 360, docs: ' --- MAP ( netuid ) --> BurnHalfLife (lib.rs:2687)' })
export const BurnIncreaseMult = storageMap(P, 'BurnIncreaseMult', { key: byNetuid, value: U64F64, default: DEFAULT_BURN_INCREASE_MULT, docs: ' --- MAP ( netuid ) --> BurnIncreaseMult (lib.rs:2692)' })
export const SubnetEmissionEnabled = storageMap(P, 'SubnetEmissionEnabled', { key: byNetuid, value: bool, default: true, docs: ' --- MAP ( netuid ) --> SubnetEmissionEnabled (lib.rs:1364)' })
export const OwnerCutEnabled = storageMap(P, 'OwnerCutEnabled', { key: byNetuid, value: bool, default: true, docs: ' --- MAP ( netuid ) --> OwnerCutEnabled (lib.rs:1762)' })
export const OwnerCutAutoLockEnabled = storageMap(P, 'OwnerCutAutoLockEnabled', { key: byNetuid, value: bool, default: false, docs: ' --- MAP ( netuid ) --> bool | Whether subnet owner cut should be auto-locked. (lib.rs:1607; default false)' })
export const TransferToggle = storageMap(P, 'TransferToggle', { key: byNetuid, value: bool, default: true, docs: ' --- MAP ( netuid ) --> TransferToggle (lib.rs:1791)' })

// ── global ────────────────────────────────────────────────────────────────────────────────────
export const CommitRevealWeightsVersion = storageValue(P, 'CommitRevealWeightsVersion', { value: u16, default: 4, docs: ' --- ITEM ( CommitRevealWeightsVersion ) (lib.rs:2625)' })
export const SubnetOwnerCut = storageValue(P, 'SubnetOwnerCut', { value: u16, default: INITIAL.subnetOwnerCut, docs: ' --- ITEM ( SubnetOwnerCut ) (lib.rs:1752)' })
export const MaxDelegateTake = storageValue(P, 'MaxDelegateTake', { value: u16, default: INITIAL.defaultDelegateTake, docs: ' --- ITEM ( MaxDelegateTake ) (lib.rs:1173)' })
export const MinDelegateTake = storageValue(P, 'MinDelegateTake', { value: u16, default: INITIAL.minDelegateTake, docs: ' --- ITEM ( MinDelegateTake ) (lib.rs:1177)' })
export const MaxChildkeyTake = storageValue(P, 'MaxChildkeyTake', { value: u16, default: INITIAL.maxChildKeyTake, docs: ' --- ITEM ( MaxChildkeyTake ) (lib.rs:1181)' })
export const MinChildkeyTake = storageValue(P, 'MinChildkeyTake', { value: u16, default: INITIAL.minChildKeyTake, docs: ' --- ITEM ( MinChildkeyTake ) (lib.rs:1185)' })
export const StakeThreshold = storageValue(P, 'StakeThreshold', { value: u64, docs: ' --- ITEM ( StakeThreshold ) (lib.rs:2456)' })
export const NominatorMinRequiredStake = storageValue(P, 'NominatorMinRequiredStake', { value: u64, docs: ' --- ITEM ( NominatorMinRequiredStake ) (lib.rs:1771)' })
export const SubnetLimit = storageValue(P, 'SubnetLimit', { value: u16, default: 128, docs: ' --- ITEM ( SubnetLimit ) (lib.rs:1316)' })
export const NetworkMinLockCost = storageValue(P, 'NetworkMinLockCost', { value: TaoBalance, default: INITIAL.networkMinLockCost, docs: ' --- ITEM ( NetworkMinLockCost ) (lib.rs:1737)' })
export const NetworkLastLockCost = storageValue(P, 'NetworkLastLockCost', { value: TaoBalance, default: INITIAL.networkMinLockCost, docs: ' --- ITEM ( NetworkLastLockCost ) (lib.rs:1742)' })
export const NetworkLockReductionInterval = storageValue(P, 'NetworkLockReductionInterval', { value: u64, default: INITIAL.networkLockReductionInterval, docs: ' --- ITEM ( NetworkLockReductionInterval ) (lib.rs:1747)' })
export const NetworkRateLimit = storageValue(P, 'NetworkRateLimit', { value: u64, default: INITIAL.networkRateLimit, docs: ' --- ITEM ( NetworkRateLimit ) (lib.rs:1767)' })
/** `NetworkRegistrationStartBlock` (lib.rs:2630; `DefaultNetworkRegistrationStartBlock` = 0): register_network is refused before this block. */
export const NetworkRegistrationStartBlock = storageValue(P, 'NetworkRegistrationStartBlock', { value: u64, docs: ' ITEM( NetworkRegistrationStartBlock )' })
export const NetworkImmunityPeriod = storageValue(P, 'NetworkImmunityPeriod', { value: u64, default: INITIAL.networkImmunityPeriod, docs: ' --- ITEM ( NetworkImmunityPeriod ) (lib.rs:1728)' })
export const StartCallDelay = storageValue(P, 'StartCallDelay', { value: u64, default: INITIAL.startCallDelay, docs: ' --- ITEM ( StartCallDelay ) (lib.rs:1733)' })
export const TxRateLimit = storageValue(P, 'TxRateLimit', { value: u64, default: INITIAL.txRateLimit, docs: ' --- ITEM ( TxRateLimit ) (lib.rs:2165)' })
export const TxDelegateTakeRateLimit = storageValue(P, 'TxDelegateTakeRateLimit', { value: u64, default: INITIAL.txDelegateTakeRateLimit, docs: ' --- ITEM ( TxDelegateTakeRateLimit ) (lib.rs:2169)' })
export const MaxEpochsPerBlock = storageValue(P, 'MaxEpochsPerBlock', { value: u8, default: INITIAL.maxEpochsPerBlock, docs: ' --- ITEM ( MaxEpochsPerBlock ) (lib.rs:2161)' })
export const AdminFreezeWindow = storageValue(P, 'AdminFreezeWindow', { value: u16, default: 10, docs: ' --- ITEM ( AdminFreezeWindow ) (lib.rs:1121)' })
export const OwnerHyperparamRateLimit = storageValue(P, 'OwnerHyperparamRateLimit', { value: u16, default: 2, docs: ' --- ITEM ( OwnerHyperparamRateLimit ) (lib.rs:1126)' })
export const MaxMechanismCount = storageValue(P, 'MaxMechanismCount', { value: MechId, default: 2, docs: ' --- ITEM ( MaxMechanismCount ) (lib.rs:2660)' })

// ── rate limiting (utils/rate_limiting.rs, lib.rs:2948) ────────────────────────────────────────
/** `Hyperparameter` (utils/rate_limiting.rs:182): which owner-settable hyperparameter a rate-limit entry is for. */
export const Hyperparameter = enumType(
  'pallet_subtensor::utils::rate_limiting::Hyperparameter',
  {
    Unknown: { index: 0 },
    ServingRateLimit: { index: 1 },
    MaxDifficulty: { index: 2 },
    AdjustmentAlpha: { index: 3 },
    MaxWeightLimit: { index: 4 },
    ImmunityPeriod: { index: 5 },
    MinAllowedWeights: { index: 6 },
    Kappa: { index: 7 },
    Rho: { index: 8 },
    ActivityCutoff: { index: 9 },
    PowRegistrationAllowed: { index: 10 },
    MinBurn: { index: 11 },
    MaxBurn: { index: 12 },
    BondsMovingAverage: { index: 13 },
    BondsPenalty: { index: 14 },
    CommitRevealEnabled: { index: 15 },
    LiquidAlphaEnabled: { index: 16 },
    AlphaValues: { index: 17 },
    WeightCommitInterval: { index: 18 },
    TransferEnabled: { index: 19 },
    AlphaSigmoidSteepness: { index: 20 },
    Yuma3Enabled: { index: 21 },
    BondsResetEnabled: { index: 22 },
    ImmuneNeuronLimit: { index: 23 },
    RecycleOrBurn: { index: 24 },
    MaxAllowedUids: { index: 25 },
    BurnHalfLife: { index: 26 },
    BurnIncreaseMult: { index: 27 },
    SubnetEmissionEnabled: { index: 28 },
    MinChildkeyTake: { index: 29 },
    ActivityCutoffFactorMilli: { index: 30 },
    TriggerEpoch: { index: 31 },
  },
)
export type Hyperparameter = ValueOf<typeof Hyperparameter>
/** The generic `AccountId` of `RateLimitKey<AccountId>`, as its fields name it. */
const GenericAccountId = withTypeName(AccountId32, 'AccountId')
/** `RateLimitKey<AccountId>` (lib.rs:2948): the kinds of operation whose last block LastRateLimitedBlock keeps. */
export const RateLimitKey = enumType(
  'pallet_subtensor::RateLimitKey',
  {
    SetSNOwnerHotkey: { index: 0, fields: NetUid },
    OwnerHyperparamUpdate: { index: 1, fields: [NetUid, Hyperparameter] },
    NetworkLastRegistered: { index: 2 },
    LastTxBlock: { index: 3, fields: GenericAccountId },
    LastTxBlockChildKeyTake: { index: 4, fields: GenericAccountId },
    LastTxBlockDelegateTake: { index: 5, fields: GenericAccountId },
    AddStakeBurn: { index: 6, fields: NetUid },
  },
  { params: { AccountId: AccountId32 } },
)
export type RateLimitKey = ValueOf<typeof RateLimitKey>

export const LastRateLimitedBlock = storageMap(P, 'LastRateLimitedBlock', { key: [[RateLimitKey, 'Identity']], value: u64, docs: ' --- MAP ( RateLimitKey ) --> Block number in which the last rate limited operation occured (lib.rs:1783)' })
export const TransactionKeyLastBlock = storageMap(P, 'TransactionKeyLastBlock', {
  key: [[AccountId, 'Blake2_128Concat'], [NetUid, 'Identity'], [u16, 'Identity']],
  value: u64,
  docs: ' --- NMAP ( hot, netuid, name ) --> last_block | Returns the last block of a transaction for a given key, netuid, and name. (lib.rs:2424)',
})
/** `DefaultWeightsVersionKeyRateLimit` (lib.rs:707): 5 tempos. */
export const WeightsVersionKeyRateLimit = storageValue(P, 'WeightsVersionKeyRateLimit', { value: u64, default: 5n, docs: ' ITEM( weights_version_key_rate_limit ) --- Rate limit in tempos. (lib.rs:1775)' })
/** `DefaultMinActivityCutoff` (lib.rs:1063). */
export const MinActivityCutoff = storageValue(P, 'MinActivityCutoff', { value: u16, default: 360, docs: ' --- ITEM ( MinActivityCutoff ) (lib.rs:1116)' })
export const MinChildkeyTakePerSubnet = storageMap(P, 'MinChildkeyTakePerSubnet', { key: byNetuid, value: u16, docs: ' MAP ( netuid ) --> take | Returns the subnet-specific minimum childkey take. (lib.rs:1189)' })
