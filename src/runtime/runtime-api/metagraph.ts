// subtensor's metagraph runtime APIs (spec 425): Metagraph (a subnet's header, pool, hyperparameters and per-uid vectors), its
// mechanism variant (mechagraph), SelectiveMetagraph (only the fields asked for, by index) and SubnetState.
// From pallets/subtensor/src/rpc_info/metagraph.rs @ 14bc6f9 (structs, `SelectiveMetagraphIndex` numbering, `get_metagraph`,
// `get_mechagraph`, `get_selective_metagraph`, `get_selective_mechagraph`, `get_validators`, `get_commitments`), rpc_info/show_subnet.rs
// (`get_subnet_state`, `get_emissions_history`), subnets/mechanism.rs (`get_mechanism_storage_index`, `ensure_mechanism_exists`),
// staking/stake_utils.rs (`get_stake_weights_for_network`) and pallets/commitments `get_commitments` (the encoded registrations).
//
// Every field is one entry of FIELDS, in the structs' order, which is also the SelectiveMetagraph index: Metagraph has entries 0–71
// (netuid plain), SelectiveMetagraph has all 74 (netuid plain, the rest `Option`).
import { AlphaBalance, NetUid, TaoBalance } from '../primitives/bittensor.ts'
import type { AccountId as AccountIdValue } from '../primitives/bittensor.ts'
import { AccountId32 } from '../primitives/substrate.ts'
import type { StorageBackend } from '../primitives/storage.ts'
import { Option, Vec, bool, compact, struct, tuple, u128, u16, u64, u8, withTypeName } from '../primitives/types.ts'
import type { AnyType } from '../primitives/types.ts'
import { Number as SystemNumber } from '../pallets/system/storage.ts'
import { ChainIdentityV2, I96F32, SubnetIdentityV3 } from '../pallets/subtensor/types.ts'
import {
  AdjustmentAlpha,
  AdjustmentInterval,
  AlphaValues,
  BondsMovingAverage,
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
  MechanismCountCurrent,
  MinAllowedWeights,
  MinDifficulty,
  NetworkPowRegistrationAllowed,
  NetworkRegistrationAllowed,
  RevealPeriodEpochs,
  Rho,
  ServingRateLimit,
  StakeThreshold,
  TargetRegistrationsPerInterval,
  WeightsSetRateLimit,
  WeightsVersionKey,
} from '../pallets/subtensor/storage/hyperparams.ts'
import { Active, BlockAtRegistration, Burn, Consensus, Dividends, Emission, Incentive, Keys, LastUpdate, MaxBurn, MinBurn, Owner, ValidatorPermit } from '../pallets/subtensor/storage/neurons.ts'
import {
  IdentitiesV2,
  LastMechansimStepBlock,
  NetworkRegisteredAt,
  NetworksAdded,
  SubnetAlphaIn,
  SubnetAlphaOut,
  SubnetIdentitiesV3,
  SubnetMovingPrice,
  SubnetOwner,
  SubnetOwnerHotkey,
  SubnetTAO,
  SubnetVolume,
  SubnetworkN,
  Tempo,
  TokenSymbol,
} from '../pallets/subtensor/storage/subnets.ts'
import {
  AlphaDividendsPerSubnet,
  LastHotkeyEmissionOnNetuid,
  PendingServerEmission,
  PendingValidatorEmission,
  SubnetAlphaInEmission,
  SubnetAlphaOutEmission,
  SubnetTaoInEmission,
} from '../pallets/subtensor/storage/emission.ts'
import { getStakeWeightsForHotkeyOnSubnet, getStakeWeightsForNetwork } from '../pallets/subtensor/staking/stakeWeight.ts'
import { I64F64 } from '../pallets/subtensor/epoch/fixed.ts'
import { subnetName } from '../pallets/subtensor/subnets/symbols.ts'
import { CommitmentOf } from '../pallets/commitments/storage.ts'
import { Registration } from '../pallets/commitments/types.ts'
import { AxonInfoField, axonInfo } from './neuronInfo.ts'
import { activityCutoffBlocks, subnetExists } from './subnetInfo.ts'

type S = StorageBackend

// ── Field types ────────────────────────────────────────────────────────────────────────────────

const AccountIdParam = withTypeName(AccountId32, 'AccountId')
const params = { AccountId: AccountId32 }
const CU16 = compact(u16)
const CU64 = compact(u64)
const CAlpha = compact(AlphaBalance)
const CTao = compact(TaoBalance)
const CompactBytes = Vec(compact(u8))

/** `GLOBAL_MAX_SUBNET_COUNT`: mechanism `m` of subnet `n` keeps its Incentive/LastUpdate/Weights/Bonds at index m·4096 + n. */
const GLOBAL_MAX_SUBNET_COUNT = 4096
/** `get_mechanism_storage_index` (saturating u16). */
export const mechanismStorageIndex = (netuid: number, mecid: number): number => Math.min(mecid * GLOBAL_MAX_SUBNET_COUNT + netuid, 0xffff)

/** What a field's getter reads: the subnet, the storage index of its mechanism, and reads several fields share, computed once. */
class Graph {
  #hotkeys?: AccountIdValue[]
  #coldkeys?: AccountIdValue[]
  #weights?: ReturnType<typeof getStakeWeightsForNetwork>
  constructor(
    readonly s: S,
    readonly netuid: number,
    readonly index: number = netuid,
  ) {}
  /** Keys[(netuid, uid)] for uids 0..SubnetworkN (the zero account where a uid has none). */
  get hotkeys(): AccountIdValue[] {
    this.#hotkeys ??= Array.from({ length: SubnetworkN.get(this.s, this.netuid) }, (_, uid) => Keys.get(this.s, this.netuid, uid))
    return this.#hotkeys
  }
  /** Owner[hotkey] per uid (coldkeys and identities both read them). */
  get coldkeys(): AccountIdValue[] {
    this.#coldkeys ??= this.hotkeys.map((h) => Owner.get(this.s, h))
    return this.#coldkeys
  }
  /** `get_stake_weights_for_network`, each I64F64 floored to u64 (`fixed64_to_u64`). */
  get stakeWeights() {
    this.#weights ??= getStakeWeightsForNetwork(this.s, this.netuid)
    const u64s = (xs: Array<{ saturatingToU64(): bigint }>) => xs.map((x) => x.saturatingToU64())
    return { total: u64s(this.#weights.total), alpha: u64s(this.#weights.alpha), tao: u64s(this.#weights.tao) }
  }
  get block(): bigint {
    return BigInt(SystemNumber.get(this.s))
  }
}

interface FieldSpec {
  readonly name: string
  readonly type: AnyType
  readonly get: (g: Graph) => unknown
}
const f = (name: string, type: AnyType, get: (g: Graph) => unknown): FieldSpec => ({ name, type, get })
const satSub = (a: bigint, b: bigint) => (a > b ? a - b : 0n)
const satAddU64 = (a: bigint, b: bigint) => (a + b > U64_MAX ? U64_MAX : a + b)
const U64_MAX = (1n << 64n) - 1n

/** The fields in struct order = SelectiveMetagraph index (`SelectiveMetagraphIndex::from_index`). */
const FIELDS: readonly FieldSpec[] = [
  // 0–6: subnet index, name and symbol, identity, keys of the owner
  f('netuid', compact(NetUid), (g) => g.netuid),
  f('name', CompactBytes, (g) => [...subnetName(g.s, g.netuid)]),
  f('symbol', CompactBytes, (g) => [...TokenSymbol.get(g.s, g.netuid)]),
  f('identity', Option(SubnetIdentityV3), (g) => SubnetIdentitiesV3.get(g.s, g.netuid)),
  f('network_registered_at', CU64, (g) => NetworkRegisteredAt.get(g.s, g.netuid)),
  f('owner_hotkey', AccountIdParam, (g) => SubnetOwnerHotkey.get(g.s, g.netuid)),
  f('owner_coldkey', AccountIdParam, (g) => SubnetOwner.get(g.s, g.netuid)),
  // 7–10: tempo terms
  f('block', CU64, (g) => g.block),
  f('tempo', CU16, (g) => Tempo.get(g.s, g.netuid)),
  f('last_step', CU64, (g) => LastMechansimStepBlock.get(g.s, g.netuid)),
  f('blocks_since_last_step', CU64, (g) => satSub(g.block, LastMechansimStepBlock.get(g.s, g.netuid))),
  // 11–21: emission and pool (subnet_emission and pending_root_emission are hard-coded 0)
  f('subnet_emission', CU64, () => 0n),
  f('alpha_in', CAlpha, (g) => SubnetAlphaIn.get(g.s, g.netuid)),
  f('alpha_out', CAlpha, (g) => SubnetAlphaOut.get(g.s, g.netuid)),
  f('tao_in', CTao, (g) => SubnetTAO.get(g.s, g.netuid)),
  f('alpha_out_emission', CAlpha, (g) => SubnetAlphaOutEmission.get(g.s, g.netuid)),
  f('alpha_in_emission', CAlpha, (g) => SubnetAlphaInEmission.get(g.s, g.netuid)),
  f('tao_in_emission', CTao, (g) => SubnetTaoInEmission.get(g.s, g.netuid)),
  f('pending_alpha_emission', CAlpha, (g) => satAddU64(PendingValidatorEmission.get(g.s, g.netuid), PendingServerEmission.get(g.s, g.netuid))),
  f('pending_root_emission', CTao, () => 0n),
  f('subnet_volume', compact(u128), (g) => SubnetVolume.get(g.s, g.netuid)),
  f('moving_price', I96F32, (g) => SubnetMovingPrice.get(g.s, g.netuid)),
  // 22–29: epoch and validator hyperparameters
  f('rho', CU16, (g) => Rho.get(g.s, g.netuid)),
  f('kappa', CU16, (g) => Kappa.get(g.s, g.netuid)),
  f('min_allowed_weights', CU16, (g) => MinAllowedWeights.get(g.s, g.netuid)),
  f('max_weights_limit', CU16, (g) => MaxWeightsLimit.get(g.s, g.netuid)),
  f('weights_version', CU64, (g) => WeightsVersionKey.get(g.s, g.netuid)),
  f('weights_rate_limit', CU64, (g) => WeightsSetRateLimit.get(g.s, g.netuid)),
  f('activity_cutoff', CU64, (g) => activityCutoffBlocks(g.s, g.netuid)),
  f('max_validators', CU16, (g) => MaxAllowedValidators.get(g.s, g.netuid)),
  // 30–45: registration
  f('num_uids', CU16, (g) => SubnetworkN.get(g.s, g.netuid)),
  f('max_uids', CU16, (g) => MaxAllowedUids.get(g.s, g.netuid)),
  f('burn', CTao, (g) => Burn.get(g.s, g.netuid)),
  f('difficulty', CU64, (g) => Difficulty.get(g.s, g.netuid)),
  f('registration_allowed', bool, (g) => NetworkRegistrationAllowed.get(g.s, g.netuid)),
  f('pow_registration_allowed', bool, (g) => NetworkPowRegistrationAllowed.get(g.s, g.netuid)),
  f('immunity_period', CU16, (g) => ImmunityPeriod.get(g.s, g.netuid)),
  f('min_difficulty', CU64, (g) => MinDifficulty.get(g.s, g.netuid)),
  f('max_difficulty', CU64, (g) => MaxDifficulty.get(g.s, g.netuid)),
  f('min_burn', CTao, (g) => MinBurn.get(g.s, g.netuid)),
  f('max_burn', CTao, (g) => MaxBurn.get(g.s, g.netuid)),
  f('adjustment_alpha', CU64, (g) => AdjustmentAlpha.get(g.s, g.netuid)),
  f('adjustment_interval', CU16, (g) => AdjustmentInterval.get(g.s, g.netuid)),
  f('target_regs_per_interval', CU16, (g) => TargetRegistrationsPerInterval.get(g.s, g.netuid)),
  f('max_regs_per_block', CU16, (g) => MaxRegistrationsPerBlock.get(g.s, g.netuid)),
  f('serving_rate_limit', CU64, (g) => ServingRateLimit.get(g.s, g.netuid)),
  // 46–51: commit-reveal and bonds
  f('commit_reveal_weights_enabled', bool, (g) => CommitRevealWeightsEnabled.get(g.s, g.netuid)),
  f('commit_reveal_period', CU64, (g) => RevealPeriodEpochs.get(g.s, g.netuid)),
  f('liquid_alpha_enabled', bool, (g) => LiquidAlphaOn.get(g.s, g.netuid)),
  f('alpha_high', CU16, (g) => AlphaValues.get(g.s, g.netuid)[1]),
  f('alpha_low', CU16, (g) => AlphaValues.get(g.s, g.netuid)[0]),
  f('bonds_moving_avg', CU64, (g) => BondsMovingAverage.get(g.s, g.netuid)),
  // 52–69: per uid (the storage vectors as stored; pruning score, trust and rank are no longer computed: empty)
  f('hotkeys', Vec(AccountIdParam), (g) => g.hotkeys),
  f('coldkeys', Vec(AccountIdParam), (g) => g.coldkeys),
  f('identities', Vec(Option(ChainIdentityV2)), (g) => g.coldkeys.map((c) => IdentitiesV2.get(g.s, c))),
  f('axons', Vec(AxonInfoField), (g) => g.hotkeys.map((h) => axonInfo(g.s, g.netuid, h))),
  f('active', Vec(bool), (g) => Active.get(g.s, g.netuid)),
  f('validator_permit', Vec(bool), (g) => ValidatorPermit.get(g.s, g.netuid)),
  f('pruning_score', Vec(CU16), () => []),
  f('last_update', Vec(CU64), (g) => LastUpdate.get(g.s, g.index)),
  f('emission', Vec(CAlpha), (g) => Emission.get(g.s, g.netuid)),
  f('dividends', Vec(CU16), (g) => Dividends.get(g.s, g.netuid)),
  f('incentives', Vec(CU16), (g) => Incentive.get(g.s, g.index)),
  f('consensus', Vec(CU16), (g) => Consensus.get(g.s, g.netuid)),
  f('trust', Vec(CU16), () => []),
  f('rank', Vec(CU16), () => []),
  f('block_at_registration', Vec(CU64), (g) => g.hotkeys.map((_, uid) => BlockAtRegistration.get(g.s, g.netuid, uid))),
  f('alpha_stake', Vec(CAlpha), (g) => g.stakeWeights.alpha),
  f('tao_stake', Vec(CTao), (g) => g.stakeWeights.tao),
  f('total_stake', Vec(CTao), (g) => g.stakeWeights.total),
  // 70–71: dividends per hotkey ("Tao dividends were removed": 0)
  f('tao_dividends_per_hotkey', Vec(tuple(AccountIdParam, CTao)), (g) => g.hotkeys.map((h) => [h, 0n])),
  f('alpha_dividends_per_hotkey', Vec(tuple(AccountIdParam, CAlpha)), (g) => g.hotkeys.map((h) => [h, AlphaDividendsPerSubnet.get(g.s, g.netuid, h)])),
  // 72–73: SelectiveMetagraph only
  f('validators', Vec(CU16), (g) => validators(g.s, g.netuid)),
  f('commitments', Vec(tuple(AccountIdParam, CompactBytes)), (g) => commitments(g.s, g.netuid)),
]
const METAGRAPH_FIELDS = FIELDS.slice(0, 72)

/**
 * `get_validators`: uids (Keys order) with a validator permit, sorted by stake weight ascending (stable), keeping those whose
 * stake weight is above StakeThreshold.
 */
function validators(s: S, netuid: number): number[] {
  const permits = ValidatorPermit.get(s, netuid)
  const threshold = StakeThreshold.get(s) << BigInt(I64F64.frac)
  return Keys.entries(s, netuid)
    .filter(([[, uid]]) => permits[uid] ?? false)
    .map(([[, uid], hotkey]) => [uid, getStakeWeightsForHotkeyOnSubnet(s, hotkey, netuid).total.bits] as const)
    .sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0))
    .filter(([, stake]) => stake > threshold)
    .map(([uid]) => uid)
}

/** `get_commitments`: every CommitmentOf entry of the subnet (storage order), its Registration SCALE-encoded. */
const commitments = (s: S, netuid: number): Array<[AccountIdValue, number[]]> =>
  CommitmentOf.entries(s, netuid).map(([[, who], registration]) => [who, [...Registration.enc(registration as never)]])

// ── Types ──────────────────────────────────────────────────────────────────────────────────────

export const Metagraph = struct('pallet_subtensor::rpc_info::metagraph::Metagraph', Object.fromEntries(METAGRAPH_FIELDS.map((x) => [x.name, x.type])), { params })
export type Metagraph = Record<string, unknown>
export const SelectiveMetagraph = struct(
  'pallet_subtensor::rpc_info::metagraph::SelectiveMetagraph',
  Object.fromEntries(FIELDS.map((x, i) => [x.name, i === 0 ? x.type : Option(x.type)])),
  { params },
)
export type SelectiveMetagraph = Record<string, unknown>

/** SubnetState's per-uid fields, in its struct order (they are metagraph fields). */
const SUBNET_STATE_FIELDS = ['netuid', 'hotkeys', 'coldkeys', 'active', 'validator_permit', 'pruning_score', 'last_update', 'emission', 'dividends', 'incentives', 'consensus', 'trust', 'rank', 'block_at_registration', 'alpha_stake', 'tao_stake', 'total_stake'].map(
  (n) => FIELDS.find((x) => x.name === n)!,
)
export const SubnetState = struct(
  'pallet_subtensor::rpc_info::show_subnet::SubnetState',
  { ...Object.fromEntries(SUBNET_STATE_FIELDS.map((x) => [x.name, x.type])), emission_history: Vec(Vec(CAlpha)) },
  { params },
)
export type SubnetState = Record<string, unknown>

// ── Metagraph / mechagraph ─────────────────────────────────────────────────────────────────────

const read = (g: Graph, fields: readonly FieldSpec[]) => Object.fromEntries(fields.map((x) => [x.name, x.get(g)]))

/** `get_metagraph`: None for a missing subnet. */
export const metagraph = (s: S, netuid: number): Metagraph | undefined => (subnetExists(s, netuid) ? read(new Graph(s, netuid), METAGRAPH_FIELDS) : undefined)

/** `get_all_metagraphs`: one per NetworksAdded key, in storage order. */
export const allMetagraphs = (s: S): Array<Metagraph | undefined> => NetworksAdded.entries(s).map(([[netuid]]) => metagraph(s, netuid))

/** `ensure_mechanism_exists`: the subnet exists and `mecid < MechanismCountCurrent`. */
const mechanismExists = (s: S, netuid: number, mecid: number) => subnetExists(s, netuid) && MechanismCountCurrent.get(s, netuid) > mecid

/** `get_mechagraph`: the metagraph with the mechanism's storage index as netuid and its own last_update and incentives. */
export function mechagraph(s: S, netuid: number, mecid: number): Metagraph | undefined {
  if (!mechanismExists(s, netuid, mecid)) return undefined
  const index = mechanismStorageIndex(netuid, mecid)
  return { ...read(new Graph(s, netuid, index), METAGRAPH_FIELDS), netuid: index }
}

/** `get_all_mechagraphs`: every mechanism 0..MechanismCountCurrent of every subnet (storage order). */
export const allMechagraphs = (s: S): Array<Metagraph | undefined> =>
  NetworksAdded.entries(s).flatMap(([[netuid]]) => Array.from({ length: MechanismCountCurrent.get(s, netuid) }, (_, mecid) => mechagraph(s, netuid, mecid)))

// ── SelectiveMetagraph ─────────────────────────────────────────────────────────────────────────

/** `SelectiveMetagraph::default()`: netuid 0 (root), every other field None. */
const emptySelective = (): SelectiveMetagraph => Object.fromEntries(FIELDS.map((x, i) => [x.name, i === 0 ? 0 : undefined]))

/**
 * `get_selective_metagraph`: starting from the default, each known index in `indexes` sets its field (unknown ones are ignored, repeats
 * re-read). Like subtensor, `netuid` stays 0 unless index 0 is asked for. None for a missing subnet.
 */
export function selectiveMetagraph(s: S, netuid: number, indexes: readonly number[]): SelectiveMetagraph | undefined {
  if (!subnetExists(s, netuid)) return undefined
  return selective(new Graph(s, netuid), indexes)
}

/** `get_selective_mechagraph`: the same with the mechanism's last_update and incentives; netuid is always set (to the netuid). */
export function selectiveMechagraph(s: S, netuid: number, mecid: number, indexes: readonly number[]): SelectiveMetagraph | undefined {
  if (!subnetExists(s, netuid)) return undefined
  return { ...selective(new Graph(s, netuid, mechanismStorageIndex(netuid, mecid)), indexes), netuid }
}

function selective(g: Graph, indexes: readonly number[]): SelectiveMetagraph {
  const out = emptySelective()
  for (const index of indexes) {
    const field = FIELDS[index]
    if (field !== undefined) out[field.name] = field.get(g)
  }
  return out
}

// ── SubnetState ────────────────────────────────────────────────────────────────────────────────

/** `get_subnet_state`: the per-uid vectors of the metagraph plus, per subnet (storage order), each hotkey's last emission there. */
export function subnetState(s: S, netuid: number): SubnetState | undefined {
  if (!subnetExists(s, netuid)) return undefined
  const g = new Graph(s, netuid)
  const history = NetworksAdded.entries(s).map(([[other]]) => g.hotkeys.map((h) => LastHotkeyEmissionOnNetuid.get(s, h, other)))
  return { ...read(g, SUBNET_STATE_FIELDS), emission_history: history }
}
