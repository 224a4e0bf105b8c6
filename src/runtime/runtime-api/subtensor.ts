// subtensor's read-only runtime APIs for staking, delegates, neurons, subnets and the swap pool (spec 425), served through `state_call` and declared in metadata V15.
// Declarations: pallets/subtensor/runtime-api/src/lib.rs and pallets/swap/runtime-api/src/lib.rs @ 14bc6f9; which method calls what: runtime/src/lib.rs
// impl_runtime_apis (:2426-2580, :2651-2735); the structs and how each value is computed: pallets/subtensor/src/rpc_info/{stake_info,delegate_info,dynamic_info}.rs,
// staking/lock.rs (`stake_availability`, `get_coldkey_lock`), staking/helpers.rs (`alpha_iter_prefix`, `alpha_iter_single_prefix`).
// Neurons, metagraphs and subnet info/hyperparameters are computed in neuronInfo.ts, metagraph.ts and subnetInfo.ts; this file wires every API.
import { AlphaBalance, MechId, NetUid, TaoBalance } from '../primitives/bittensor.ts'
import type { AccountId as AccountIdValue } from '../primitives/bittensor.ts'
import { AccountId32 } from '../primitives/substrate.ts'
import type { StorageBackend } from '../primitives/storage.ts'
import { createCodec } from '@polkadot-api/substrate-bindings'
import { Option, Vec, bool, compact, customType, struct, tuple, u128, u16, u64, u8, withTypeName } from '../primitives/types.ts'
import type { AnyType, Type } from '../primitives/types.ts'
import type { ApiContext, ApiMethod, ServedApi } from './index.ts'
import { Number as SystemNumber } from '../pallets/system/storage.ts'
import { I96F32, SubnetIdentityV3, U64F64 } from '../pallets/subtensor/types.ts'
import { Alpha, AlphaV2, Delegates, StakingHotkeys } from '../pallets/subtensor/storage/stake.ts'
import { IsNetworkMember, Owner, Uids, ValidatorPermit, Emission } from '../pallets/subtensor/storage/neurons.ts'
import {
  LastMechansimStepBlock,
  NetworkRegisteredAt,
  NetworksAdded,
  SubnetAlphaIn,
  SubnetAlphaOut,
  SubnetMovingPrice,
  SubnetOwner,
  SubnetOwnerHotkey,
  SubnetTAO,
  SubnetVolume,
  SubnetIdentitiesV3,
  Tempo,
  TokenSymbol,
  allSubnetNetuids,
} from '../pallets/subtensor/storage/subnets.ts'
import {
  AlphaDividendsPerSubnet,
  PendingServerEmission,
  PendingValidatorEmission,
  SubnetAlphaInEmission,
  SubnetAlphaOutEmission,
  SubnetTaoInEmission,
} from '../pallets/subtensor/storage/emission.ts'
import { getStake, getTotalHotkeyAlpha, totalShares } from '../pallets/subtensor/staking/shares.ts'
import { nextEpochStartBlock } from '../pallets/subtensor/coinbase/schedule.ts'
import { NeuronInfo, NeuronInfoLite, neuronAt, neuronLiteAt, neurons, neuronsLite } from './neuronInfo.ts'
import { Metagraph, SelectiveMetagraph, SubnetState, allMechagraphs, allMetagraphs, mechagraph, metagraph, selectiveMechagraph, selectiveMetagraph, subnetState } from './metagraph.ts'
import {
  SubnetHyperparams,
  SubnetHyperparamsV2,
  SubnetHyperparamsV3,
  SubnetInfo,
  SubnetInfov2,
  addedNetuidsAscending,
  subnetHyperparams,
  subnetHyperparamsV2,
  subnetHyperparamsV3,
  subnetInfo,
  subnetInfoV2,
} from './subnetInfo.ts'
import { sfIsZero, sfMulDiv, sfNew, sfToU64, sfZero, sfFromU64F64 } from '../pallets/subtensor/staking/safeFloat.ts'
import type { SafeFloat } from '../pallets/subtensor/types.ts'
import { subnetName } from '../pallets/subtensor/subnets/symbols.ts'
import { getNetworkLockCost } from '../pallets/subtensor/subnets/lockCost.ts'
import { subnetAccountId } from '../pallets/subtensor/staking/pools.ts'
import { calculateFee, currentAlphaPriceRao, currentPrice, fxDiv, fxFromInt, fxMul, fxSub, fxToU64, simSwapAlphaForTao, simSwapTaoForAlpha, subnetPool, swapPool, FX_ONE } from '../pallets/swap/index.ts'
import type { SimSwapResult as SimSwapValue } from '../pallets/swap/index.ts'

// ── Types ──────────────────────────────────────────────────────────────────────────────────────
// Field names are snake_case JS keys (the metadata names, e.g. `return_per_1000`); generic `AccountId` fields carry that type name.

const AccountIdParam = withTypeName(AccountId32, 'AccountId')
const AccountId32Arg = withTypeName(AccountId32, 'AccountId32')
const CompactNetUid = compact(NetUid)
const CompactAlpha = compact(AlphaBalance)
const CompactTao = compact(TaoBalance)
const CompactU64 = compact(u64)
const params = { AccountId: AccountId32 }

export const StakeInfo = struct(
  'pallet_subtensor::rpc_info::stake_info::StakeInfo',
  {
    hotkey: AccountIdParam,
    coldkey: AccountIdParam,
    netuid: CompactNetUid,
    stake: CompactAlpha,
    locked: CompactU64,
    emission: CompactAlpha,
    tao_emission: CompactTao,
    drain: CompactU64,
    is_registered: bool,
  },
  { params },
)
export type StakeInfo = ReturnType<typeof StakeInfo.dec>

export const StakeAvailability = struct('pallet_subtensor::rpc_info::stake_info::StakeAvailability', { total: CompactAlpha, locked: CompactAlpha, available: CompactAlpha })
export type StakeAvailability = ReturnType<typeof StakeAvailability.dec>

/** staking/lock.rs:17 `LockState`. */
export const LockState = struct('pallet_subtensor::staking::lock::LockState', { locked_mass: AlphaBalance, conviction: U64F64, last_update: u64 })

export const DelegateInfo = struct(
  'pallet_subtensor::rpc_info::delegate_info::DelegateInfo',
  {
    delegate_ss58: AccountIdParam,
    take: compact(u16),
    nominators: Vec(tuple(AccountIdParam, Vec(tuple(CompactNetUid, CompactU64)))),
    owner_ss58: AccountIdParam,
    registrations: Vec(CompactNetUid),
    validator_permits: Vec(CompactNetUid),
    return_per_1000: CompactU64,
    total_daily_return: CompactU64,
  },
  { params },
)
export type DelegateInfo = ReturnType<typeof DelegateInfo.dec>

const CompactBytes = Vec(compact(u8))
export const DynamicInfo = struct(
  'pallet_subtensor::rpc_info::dynamic_info::DynamicInfo',
  {
    netuid: CompactNetUid,
    owner_hotkey: AccountIdParam,
    owner_coldkey: AccountIdParam,
    subnet_name: CompactBytes,
    token_symbol: CompactBytes,
    tempo: compact(u16),
    last_step: CompactU64,
    blocks_since_last_step: CompactU64,
    emission: CompactU64,
    alpha_in: CompactAlpha,
    alpha_out: CompactAlpha,
    tao_in: CompactTao,
    alpha_out_emission: CompactAlpha,
    alpha_in_emission: CompactAlpha,
    tao_in_emission: CompactTao,
    pending_alpha_emission: CompactAlpha,
    pending_root_emission: CompactTao,
    subnet_volume: compact(u128),
    network_registered_at: CompactU64,
    subnet_identity: Option(SubnetIdentityV3),
    moving_price: I96F32,
  },
  { params },
)
export type DynamicInfo = ReturnType<typeof DynamicInfo.dec>

export const SimSwapResult = struct('pallet_subtensor_swap_runtime_api::SimSwapResult', {
  tao_amount: TaoBalance,
  alpha_amount: AlphaBalance,
  tao_fee: TaoBalance,
  alpha_fee: AlphaBalance,
  tao_slippage: TaoBalance,
  alpha_slippage: AlphaBalance,
})
export const SubnetPrice = struct('pallet_subtensor_swap_runtime_api::SubnetPrice', { netuid: NetUid, price: u64 })

/** scale-info's `BTreeMap<K, V>`: a composite named `BTreeMap` over `Vec<(K, V)>`; entries are encoded in key order (`compare`). */
function BTreeMap<K, V>(key: Type<K>, value: Type<V>, compare: (a: K, b: K) => number): Type<Array<[K, V]>> {
  const seq = Vec(tuple(key, value)) as unknown as Type<Array<[K, V]>>
  return customType(
    createCodec((entries: Array<[K, V]>) => seq.enc([...entries].sort((a, b) => compare(a[0], b[0]))), seq.codec.dec),
    { path: ['BTreeMap'], params: [{ name: 'K', type: key }, { name: 'V', type: value }], def: { tag: 'composite', value: [{ type: seq, typeName: seq.typeName, docs: [] }] }, docs: [] },
    `BTreeMap<${key.typeName}, ${value.typeName}>`,
  )
}
const byAccount = (a: AccountIdValue, b: AccountIdValue) => (a < b ? -1 : a > b ? 1 : 0)
const byNumber = (a: number, b: number) => a - b

// ── Reads shared by the APIs ───────────────────────────────────────────────────────────────────

type S = StorageBackend
const storageOf = (c: ApiContext): S => c.state as never
const currentBlock = (s: S): bigint => BigInt(SystemNumber.get(s))

/** `get_all_subnet_netuids`: NetworksAdded's keys in storage order (Identity-hashed u16, so little-endian byte order). */
export { allSubnetNetuids }
const subnetExists = (s: S, netuid: number) => NetworksAdded.contains(s, netuid)

// ── StakeInfoRuntimeApi ────────────────────────────────────────────────────────────────────────

function stakeInfo(s: S, hotkey: AccountIdValue, coldkey: AccountIdValue, netuid: number, stake: bigint): StakeInfo {
  return {
    hotkey,
    coldkey,
    netuid,
    stake,
    // locks: conviction locks are not implemented here, so nothing is locked
    locked: 0n,
    emission: AlphaDividendsPerSubnet.get(s, netuid, hotkey),
    // "Tao dividends were removed" (stake_info.rs): always 0, as is `drain`
    tao_emission: 0n,
    drain: 0n,
    is_registered: Uids.contains(s, netuid, hotkey),
  }
}

/** `_get_stake_info_for_coldkeys`: per coldkey, every (hotkey in StakingHotkeys, subnet) with nonzero stake, subnets outermost. */
export function stakeInfoForColdkeys(s: S, coldkeys: AccountIdValue[]): Array<[AccountIdValue, StakeInfo[]]> {
  if (coldkeys.length === 0) return []
  const netuids = allSubnetNetuids(s)
  return coldkeys.map((coldkey) => {
    const hotkeys = StakingHotkeys.get(s, coldkey)
    const infos: StakeInfo[] = []
    for (const netuid of netuids) {
      for (const hotkey of hotkeys) {
        const alpha = getStake(s, hotkey, coldkey, netuid)
        if (alpha !== 0n) infos.push(stakeInfo(s, hotkey, coldkey, netuid, alpha))
      }
    }
    return [coldkey, infos]
  })
}

/** `total_coldkey_alpha_on_subnet`: the coldkey's stake summed over its StakingHotkeys (saturating u64). */
function totalColdkeyAlphaOnSubnet(s: S, coldkey: AccountIdValue, netuid: number): bigint {
  let total = 0n
  for (const hotkey of StakingHotkeys.get(s, coldkey)) total += getStake(s, hotkey, coldkey, netuid)
  return total > U64_MAX ? U64_MAX : total
}

/** `get_stake_availability_for_coldkeys`: (total, locked = 0, available = total) per coldkey and subnet with stake. */
export function stakeAvailabilityForColdkeys(s: S, coldkeys: AccountIdValue[], netuids: number[] | undefined): Array<[AccountIdValue, Array<[number, StakeAvailability]>]> {
  if (coldkeys.length === 0) return []
  const existing = allSubnetNetuids(s)
  let scan: number[]
  if (netuids === undefined) scan = existing
  else {
    const requested = [...new Set(netuids)].sort(byNumber)
    if (requested.length === 0 || requested.length > existing.length) return dedupeAccounts(coldkeys).map((c) => [c, []])
    scan = requested.filter((n) => subnetExists(s, n))
  }
  return dedupeAccounts(coldkeys).map((coldkey) => {
    const rows: Array<[number, StakeAvailability]> = []
    for (const netuid of scan) {
      const total = totalColdkeyAlphaOnSubnet(s, coldkey, netuid)
      // locks are not implemented: nothing is locked, everything staked is available
      const locked = 0n
      if (total === 0n && locked === 0n) continue
      rows.push([netuid, { total, locked, available: total - locked }])
    }
    return [coldkey, rows]
  })
}
const dedupeAccounts = (accounts: AccountIdValue[]) => [...new Set(accounts)]

type HotkeyNetuid = [AccountIdValue, number] | undefined
const sameOrigin = (a: HotkeyNetuid, b: HotkeyNetuid) => (a === undefined || b === undefined ? a === b : a[0] === b[0] && a[1] === b[1])

/** `get_stake_fee`: 0 when origin and destination are the same, else the swap fee of `amount` on the destination's subnet (or the origin's). */
export function stakeFee(s: S, origin: HotkeyNetuid, destination: HotkeyNetuid, amount: bigint): bigint {
  if (sameOrigin(origin, destination)) return 0n
  const netuid = (destination ?? origin)?.[1] ?? 0
  return calculateFee(subnetPool(s, netuid), amount)
}

// ── DelegateInfoRuntimeApi ─────────────────────────────────────────────────────────────────────

const U64_MAX = (1n << 64n) - 1n
/** `SharePool::get_value_from_shares`: floor(TotalHotkeyAlpha · share / denominator) of the (hotkey, netuid) pool. */
function valueFromShares(s: S, hotkey: AccountIdValue, netuid: number, share: SafeFloat): bigint {
  const shared = sfNew(getTotalHotkeyAlpha(s, hotkey, netuid), 0n) ?? sfZero()
  return sfToU64(sfMulDiv(shared, share, totalShares(s, hotkey, netuid)) ?? sfZero())
}

/** `alpha_iter_single_prefix(hotkey)`: every (coldkey, netuid, share) of the hotkey, legacy `Alpha` and `AlphaV2` merged (V2 wins), in (coldkey, netuid) order. */
function alphaSharesOfHotkey(s: S, hotkey: AccountIdValue): Array<[AccountIdValue, number, SafeFloat]> {
  const merged = new Map<string, [AccountIdValue, number, SafeFloat]>()
  for (const [[, coldkey, netuid], v] of Alpha.entries(s, hotkey)) merged.set(`${coldkey}/${netuid}`, [coldkey, netuid, sfFromU64F64(v)])
  for (const [[, coldkey, netuid], v] of AlphaV2.entries(s, hotkey)) merged.set(`${coldkey}/${netuid}`, [coldkey, netuid, v])
  return [...merged.values()].sort((a, b) => byAccount(a[0], b[0]) || a[1] - b[1])
}

/** `alpha_iter_prefix((hotkey, coldkey))`: the netuids where the coldkey holds a nonzero share of the hotkey, ascending. */
function alphaNetuidsOf(s: S, hotkey: AccountIdValue, coldkey: AccountIdValue): number[] {
  const merged = new Map<number, SafeFloat>()
  for (const [[, , netuid], v] of Alpha.entries(s, hotkey, coldkey)) merged.set(netuid, sfFromU64F64(v))
  for (const [[, , netuid], v] of AlphaV2.entries(s, hotkey, coldkey)) merged.set(netuid, v)
  return [...merged].filter(([, share]) => !sfIsZero(share)).map(([netuid]) => netuid).sort(byNumber)
}

/** `get_registered_networks_for_hotkey`: IsNetworkMember(hotkey, ·) = true, in storage order. */
const registeredNetworks = (s: S, hotkey: AccountIdValue): number[] => IsNetworkMember.entries(s, hotkey).filter(([, member]) => member).map(([[, netuid]]) => netuid)

/** `return_per_1000_tao`: emissions_per_day · (1 − take/65535) / (total_stake / 1000 TAO), all U64F64; 0 without stake. */
function returnPer1000Tao(take: number, totalStake: bigint, emissionsPerDay: bigint): bigint {
  const withoutTake = fxSub(FX_ONE, fxDiv(fxFromInt(BigInt(take)), fxFromInt(65_535n)))
  if (totalStake === 0n) return 0n
  return fxDiv(fxMul(emissionsPerDay, withoutTake), fxDiv(totalStake, fxFromInt(1_000_000_000_000n)))
}

/** `get_delegate_by_existing_account`. */
export function delegateInfo(s: S, delegate: AccountIdValue, skipNominators: boolean): DelegateInfo {
  const nominators: Array<[AccountIdValue, Array<[number, bigint]>]> = []
  if (!skipNominators) {
    // As subtensor does, a share on netuid n is valued with the n-th pool of the subnet list (the same pool while netuids are 0, 1, 2… without gaps).
    const pools = allSubnetNetuids(s)
    const byNominator = new Map<AccountIdValue, Array<[number, bigint]>>()
    for (const [nominator, netuid, share] of alphaSharesOfHotkey(s, delegate)) {
      if (sfIsZero(share)) continue
      const poolNetuid = pools[netuid]
      if (poolNetuid === undefined) continue
      const stakes = byNominator.get(nominator) ?? []
      stakes.push([netuid, valueFromShares(s, delegate, poolNetuid, share)])
      byNominator.set(nominator, stakes)
    }
    nominators.push(...[...byNominator].sort((a, b) => byAccount(a[0], b[0])))
  }
  const registrations = registeredNetworks(s, delegate)
  const validatorPermits: number[] = []
  let emissionsPerDay = 0n
  for (const netuid of registrations) {
    const uid = Uids.get(s, netuid, delegate)
    if (uid === undefined) continue
    if (ValidatorPermit.get(s, netuid)[uid] ?? false) validatorPermits.push(netuid)
    const emission = fxFromInt(Emission.get(s, netuid)[uid] ?? 0n)
    const tempo = BigInt(Tempo.get(s, netuid))
    if (tempo > 0n) emissionsPerDay = satAdd128(emissionsPerDay, fxMul(emission, fxDiv(fxFromInt(7200n), fxFromInt(tempo))))
  }
  const take = Delegates.get(s, delegate)
  const totalStake = fxFromInt(getTotalHotkeyAlpha(s, delegate, 0))
  return {
    delegate_ss58: delegate,
    take,
    nominators,
    owner_ss58: Owner.get(s, delegate),
    registrations,
    validator_permits: validatorPermits,
    return_per_1000: fxToU64(returnPer1000Tao(take, totalStake, emissionsPerDay)),
    total_daily_return: fxToU64(emissionsPerDay),
  }
}
const U128_MAX = (1n << 128n) - 1n
const satAdd128 = (a: bigint, b: bigint) => (a + b > U128_MAX ? U128_MAX : a + b)

/** `get_delegates`: every key of Delegates, in storage order. */
export const delegates = (s: S): DelegateInfo[] => Delegates.entries(s).map(([[delegate]]) => delegateInfo(s, delegate, false))

/** `get_delegate`: None unless the hotkey has a Delegates entry. */
export const delegate = (s: S, hotkey: AccountIdValue): DelegateInfo | undefined => (Delegates.contains(s, hotkey) ? delegateInfo(s, hotkey, false) : undefined)

/** `get_delegated`: per delegate (storage order) and subnet where the coldkey holds shares, the delegate (without nominators) and the coldkey's stake. */
export function delegated(s: S, coldkey: AccountIdValue): Array<[DelegateInfo, [number, bigint]]> {
  const out: Array<[DelegateInfo, [number, bigint]]> = []
  for (const [[hotkey]] of Delegates.entries(s)) {
    for (const netuid of alphaNetuidsOf(s, hotkey, coldkey)) out.push([delegateInfo(s, hotkey, true), [netuid, getStake(s, hotkey, coldkey, netuid)]])
  }
  return out
}

// ── SubnetInfoRuntimeApi ───────────────────────────────────────────────────────────────────────

/** `get_dynamic_info`: None for a subnet that does not exist. */
export function dynamicInfo(s: S, netuid: number): DynamicInfo | undefined {
  if (!subnetExists(s, netuid)) return undefined
  const lastStep = LastMechansimStepBlock.get(s, netuid)
  const now = currentBlock(s)
  return {
    netuid,
    owner_hotkey: SubnetOwnerHotkey.get(s, netuid),
    owner_coldkey: SubnetOwner.get(s, netuid),
    subnet_name: [...subnetName(s, netuid)],
    token_symbol: [...TokenSymbol.get(s, netuid)],
    tempo: Tempo.get(s, netuid),
    last_step: lastStep,
    blocks_since_last_step: now > lastStep ? now - lastStep : 0n,
    // hard-coded 0 in dynamic_info.rs
    emission: 0n,
    alpha_in: SubnetAlphaIn.get(s, netuid),
    alpha_out: SubnetAlphaOut.get(s, netuid),
    tao_in: SubnetTAO.get(s, netuid),
    alpha_out_emission: SubnetAlphaOutEmission.get(s, netuid),
    alpha_in_emission: SubnetAlphaInEmission.get(s, netuid),
    tao_in_emission: SubnetTaoInEmission.get(s, netuid),
    pending_alpha_emission: satAddU64(PendingValidatorEmission.get(s, netuid), PendingServerEmission.get(s, netuid)),
    // hard-coded 0 in dynamic_info.rs
    pending_root_emission: 0n,
    subnet_volume: SubnetVolume.get(s, netuid),
    network_registered_at: NetworkRegisteredAt.get(s, netuid),
    subnet_identity: SubnetIdentitiesV3.get(s, netuid),
    moving_price: SubnetMovingPrice.get(s, netuid),
  }
}
const satAddU64 = (a: bigint, b: bigint) => (a + b > U64_MAX ? U64_MAX : a + b)

// ── SwapRuntimeApi ─────────────────────────────────────────────────────────────────────────────

/** `sim_swap` on a pool that is not dynamic swaps 1:1 only for an existing subnet; a missing subnet swaps nothing (the slippage is then the whole amount). */
function simSwap(s: S, netuid: number, amount: bigint, side: 'buy' | 'sell'): SimSwapValue {
  // sim_swap runs swap_inner and rolls back: it prices with the weights a first swap would initialise
  const pool = swapPool(s, netuid)
  if (pool.mechanism === 1 || subnetExists(s, netuid)) return side === 'buy' ? simSwapTaoForAlpha(pool, amount) : simSwapAlphaForTao(pool, amount)
  const price = currentPrice(pool)
  const zero = { tao_amount: 0n, alpha_amount: 0n, tao_fee: 0n, alpha_fee: 0n, tao_slippage: 0n, alpha_slippage: 0n }
  return side === 'buy' ? { ...zero, alpha_slippage: fxToU64(fxDiv(fxFromInt(amount), price)) } : { ...zero, tao_slippage: fxToU64(fxMul(fxFromInt(amount), price)) }
}

// ── The APIs ───────────────────────────────────────────────────────────────────────────────────

const method = (name: string, inputs: Record<string, AnyType>, output: AnyType, run: (s: S, args: Record<string, any>) => unknown): ApiMethod => ({
  name,
  inputs,
  output,
  run: (_services, ctx, args) => run(storageOf(ctx), args),
})

const HotkeyNetuidArg = Option(tuple(AccountId32Arg, NetUid))

/** subtensor's read-only APIs, by name; their versions are in config.ts's RUNTIME_API_VERSIONS. */
export const subtensorApis: Record<string, Omit<ServedApi, 'name' | 'version'>> = {
  DelegateInfoRuntimeApi: {
    methods: [
      method('get_delegates', {}, Vec(DelegateInfo), (s) => delegates(s)),
      method('get_delegate', { delegateAccount: AccountId32Arg }, Option(DelegateInfo), (s, a) => delegate(s, a.delegateAccount)),
      method('get_delegated', { delegateeAccount: AccountId32Arg }, Vec(tuple(DelegateInfo, tuple(CompactNetUid, CompactAlpha))), (s, a) => delegated(s, a.delegateeAccount)),
    ],
  },
  NeuronInfoRuntimeApi: {
    methods: [
      method('get_neurons', { netuid: NetUid }, Vec(NeuronInfo), (s, a) => neurons(s, a.netuid)),
      method('get_neuron', { netuid: NetUid, uid: u16 }, Option(NeuronInfo), (s, a) => neuronAt(s, a.netuid, a.uid)),
      method('get_neurons_lite', { netuid: NetUid }, Vec(NeuronInfoLite), (s, a) => neuronsLite(s, a.netuid)),
      method('get_neuron_lite', { netuid: NetUid, uid: u16 }, Option(NeuronInfoLite), (s, a) => neuronLiteAt(s, a.netuid, a.uid)),
    ],
  },
  // in decl_runtime_apis order; not served: get_coldkey_auto_stake_hotkey, get_subnet_to_prune
  SubnetInfoRuntimeApi: {
    methods: [
      method('get_subnet_info', { netuid: NetUid }, Option(SubnetInfo), (s, a) => subnetInfo(s, a.netuid)),
      method('get_subnets_info', {}, Vec(Option(SubnetInfo)), (s) => addedNetuidsAscending(s).map((n) => subnetInfo(s, n))),
      method('get_subnet_info_v2', { netuid: NetUid }, Option(SubnetInfov2), (s, a) => subnetInfoV2(s, a.netuid)),
      method('get_subnets_info_v2', {}, Vec(Option(SubnetInfov2)), (s) => addedNetuidsAscending(s).map((n) => subnetInfoV2(s, n))),
      method('get_subnet_hyperparams', { netuid: NetUid }, Option(SubnetHyperparams), (s, a) => subnetHyperparams(s, a.netuid)),
      method('get_subnet_hyperparams_v2', { netuid: NetUid }, Option(SubnetHyperparamsV2), (s, a) => subnetHyperparamsV2(s, a.netuid)),
      method('get_subnet_hyperparams_v3', { netuid: NetUid }, Option(SubnetHyperparamsV3), (s, a) => subnetHyperparamsV3(s, a.netuid)),
      method('get_all_dynamic_info', {}, Vec(Option(DynamicInfo)), (s) => allSubnetNetuids(s).map((n) => dynamicInfo(s, n))),
      method('get_all_metagraphs', {}, Vec(Option(Metagraph)), (s) => allMetagraphs(s)),
      method('get_metagraph', { netuid: NetUid }, Option(Metagraph), (s, a) => metagraph(s, a.netuid)),
      method('get_all_mechagraphs', {}, Vec(Option(Metagraph)), (s) => allMechagraphs(s)),
      method('get_mechagraph', { netuid: NetUid, mecid: MechId }, Option(Metagraph), (s, a) => mechagraph(s, a.netuid, a.mecid)),
      method('get_dynamic_info', { netuid: NetUid }, Option(DynamicInfo), (s, a) => dynamicInfo(s, a.netuid)),
      method('get_subnet_state', { netuid: NetUid }, Option(SubnetState), (s, a) => subnetState(s, a.netuid)),
      method('get_selective_metagraph', { netuid: NetUid, metagraphIndexes: Vec(u16) }, Option(SelectiveMetagraph), (s, a) => selectiveMetagraph(s, a.netuid, a.metagraphIndexes)),
      method('get_selective_mechagraph', { netuid: NetUid, mecid: MechId, metagraphIndexes: Vec(u16) }, Option(SelectiveMetagraph), (s, a) =>
        selectiveMechagraph(s, a.netuid, a.mecid, a.metagraphIndexes),
      ),
      method('get_subnet_account_id', { netuid: NetUid }, Option(AccountId32Arg), (s, a) => subnetAccountId({ storage: s }, a.netuid)),
      method('get_next_epoch_start_block', { netuid: NetUid }, Option(u64), (s, a) => nextEpochStartBlock(s, a.netuid)),
    ],
  },
  StakeInfoRuntimeApi: {
    methods: [
      method('get_stake_info_for_coldkey', { coldkeyAccount: AccountId32Arg }, Vec(StakeInfo), (s, a) => stakeInfoForColdkeys(s, [a.coldkeyAccount])[0]?.[1] ?? []),
      method('get_stake_info_for_coldkeys', { coldkeyAccounts: Vec(AccountId32Arg) }, Vec(tuple(AccountId32Arg, Vec(StakeInfo))), (s, a) => stakeInfoForColdkeys(s, a.coldkeyAccounts)),
      method('get_stake_info_for_hotkey_coldkey_netuid', { hotkeyAccount: AccountId32Arg, coldkeyAccount: AccountId32Arg, netuid: NetUid }, Option(StakeInfo), (s, a) =>
        stakeInfo(s, a.hotkeyAccount, a.coldkeyAccount, a.netuid, getStake(s, a.hotkeyAccount, a.coldkeyAccount, a.netuid)),
      ),
      method(
        'get_stake_availability_for_coldkeys',
        { coldkeyAccounts: Vec(AccountId32Arg), netuids: Option(Vec(NetUid)) },
        BTreeMap(AccountId32Arg, BTreeMap(NetUid, StakeAvailability, byNumber), byAccount),
        (s, a) => stakeAvailabilityForColdkeys(s, a.coldkeyAccounts, a.netuids),
      ),
      method(
        'get_stake_fee',
        { origin: HotkeyNetuidArg, originColdkeyAccount: AccountId32Arg, destination: HotkeyNetuidArg, destinationColdkeyAccount: AccountId32Arg, amount: u64 },
        u64,
        (s, a) => stakeFee(s, a.origin, a.destination, a.amount),
      ),
      // conviction locks are not implemented: no coldkey has a lock, no hotkey has conviction, no subnet has a king
      method('get_coldkey_lock', { coldkey: AccountId32Arg, netuid: NetUid }, Option(LockState), () => undefined),
      method('get_hotkey_conviction', { hotkey: AccountId32Arg, netuid: NetUid }, U64F64, () => ({ bits: 0n })),
      method('get_most_convicted_hotkey_on_subnet', { netuid: NetUid }, Option(AccountId32Arg), () => undefined),
    ],
  },
  SubnetRegistrationRuntimeApi: {
    methods: [method('get_network_registration_cost', {}, TaoBalance, (s) => getNetworkLockCost(s, currentBlock(s)))],
  },
  SwapRuntimeApi: {
    methods: [
      method('current_alpha_price', { netuid: NetUid }, u64, (s, a) => currentAlphaPriceRao(subnetPool(s, a.netuid))),
      method('current_alpha_price_all', {}, Vec(SubnetPrice), (s) => allSubnetNetuids(s).map((netuid) => ({ netuid, price: currentAlphaPriceRao(subnetPool(s, netuid)) }))),
      method('sim_swap_tao_for_alpha', { netuid: NetUid, tao: TaoBalance }, SimSwapResult, (s, a) => simSwap(s, a.netuid, a.tao, 'buy')),
      method('sim_swap_alpha_for_tao', { netuid: NetUid, alpha: AlphaBalance }, SimSwapResult, (s, a) => simSwap(s, a.netuid, a.alpha, 'sell')),
    ],
  },
}
