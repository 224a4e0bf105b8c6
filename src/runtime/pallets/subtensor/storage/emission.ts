// SubtensorModule emission bookkeeping (subtensor.md §8): what the coinbase injected into each subnet on the last block, the emission
// pending until the next epoch, and the last dividends/emission of each hotkey. The coinbase writes them; the runtime APIs (DynamicInfo,
// Metagraph, StakeInfo, SubnetState) read them. Declarations from pallets/subtensor/src/lib.rs @ 14bc6f9 (spec 425); line numbers in each doc.
import { AccountId, AlphaBalance, NetUid, TaoBalance } from '../../../primitives/bittensor.ts'
import { storageMap, storageValue } from '../../../primitives/storage.ts'
import { Vec, enumType, i64, struct, u128, u16, u64 } from '../../../primitives/types.ts'
import type { ValueOf } from '../../../primitives/types.ts'

const P = 'SubtensorModule'
const byNetuid = [[NetUid, 'Identity']] as const

// per subnet, per block (coinbase/run_coinbase.rs)
export const SubnetAlphaInEmission = storageMap(P, 'SubnetAlphaInEmission', { key: byNetuid, value: AlphaBalance, docs: ' --- MAP ( netuid ) --> alpha_in_emission | Returns the amount of alph in  emission into the pool per block. (lib.rs:1352)' })
export const SubnetAlphaOutEmission = storageMap(P, 'SubnetAlphaOutEmission', { key: byNetuid, value: AlphaBalance, docs: ' --- MAP ( netuid ) --> alpha_out_emission | Returns the amount of alpha out emission into the network per block. (lib.rs:1369)' })
export const SubnetTaoInEmission = storageMap(P, 'SubnetTaoInEmission', { key: byNetuid, value: TaoBalance, docs: ' --- MAP ( netuid ) --> tao_in_emission | Returns the amount of tao emitted into this subent on the last block. (lib.rs:1374)' })

// accumulated until the subnet's next epoch
export const PendingServerEmission = storageMap(P, 'PendingServerEmission', { key: byNetuid, value: AlphaBalance, docs: ' --- MAP ( netuid ) --> pending_server_emission (lib.rs:1919)' })
export const PendingValidatorEmission = storageMap(P, 'PendingValidatorEmission', { key: byNetuid, value: AlphaBalance, docs: ' --- MAP ( netuid ) --> pending_validator_emission (lib.rs:1924)' })

// per hotkey, written by the epoch's distribution
export const AlphaDividendsPerSubnet = storageMap(P, 'AlphaDividendsPerSubnet', {
  key: [[NetUid, 'Identity'], [AccountId, 'Blake2_128Concat']],
  value: AlphaBalance,
  docs: ' --- DMAP ( netuid, hotkey ) --> u64 | Last alpha dividend this hotkey got on tempo. (lib.rs:1259)',
})
export const LastHotkeyEmissionOnNetuid = storageMap(P, 'LastHotkeyEmissionOnNetuid', {
  key: [[AccountId, 'Blake2_128Concat'], [NetUid, 'Identity']],
  value: AlphaBalance,
  docs: ' --- DMap ( hot, netuid ) --> emission | last hotkey emission on network. (lib.rs:1292)',
})

// ---- The rest of the coinbase's storage (coinbase/*.rs, spec 425) -----------------------------------------------------------------------

/** substrate-fixed `U96F32` = `FixedU128<U32>`: value = bits / 2^32 (RootProp, MinerBurned). */
export const U96F32Value = struct('substrate_fixed::FixedU128', { bits: u128 }, { params: { Frac: null }, typeName: 'U96F32' })
export type U96F32Value = ValueOf<typeof U96F32Value>

/** `RecycleOrBurnEnum`: what happens to the miner incentive of the subnet owner's hotkeys (lib.rs:326). */
export const RecycleOrBurnEnum = enumType('pallet_subtensor::pallet::RecycleOrBurnEnum', { Burn: { index: 0, docs: 'Burn the miner emission sent to the burn UID' }, Recycle: { index: 1, docs: 'Recycle the miner emission sent to the recycle UID' } })
export type RecycleOrBurnEnum = ValueOf<typeof RecycleOrBurnEnum>

/** `DefaultBlockEmission`: 1 TAO per block before any halving (lib.rs:500). */
export const DEFAULT_BLOCK_EMISSION = 1_000_000_000n

export const BlockEmission = storageValue(P, 'BlockEmission', { value: u64, default: DEFAULT_BLOCK_EMISSION, docs: ' --- ITEM ( global_block_emission ) (lib.rs:1288)' })
export const PendingRootAlphaDivs = storageMap(P, 'PendingRootAlphaDivs', { key: byNetuid, value: AlphaBalance, docs: ' --- MAP ( netuid ) --> pending_root_alpha_emission (lib.rs:1929)' })
export const PendingOwnerCut = storageMap(P, 'PendingOwnerCut', { key: byNetuid, value: AlphaBalance, docs: ' --- MAP ( netuid ) --> pending_owner_cut (lib.rs:1934)' })
export const SubnetExcessTao = storageMap(P, 'SubnetExcessTao', { key: byNetuid, value: TaoBalance, docs: ' --- MAP ( netuid ) --> excess_tao | Returns the excess TAO swapped (chain buys) into this subnet on the last block. (lib.rs:1379)' })
export const SubnetProtocolAlpha = storageMap(P, 'SubnetProtocolAlpha', { key: byNetuid, value: AlphaBalance, docs: ' --- MAP ( netuid ) --> protocol_alpha | Returns the protocol-owned alpha cached for the subnet. (lib.rs:1398)' })
export const RootProp = storageMap(P, 'RootProp', { key: byNetuid, value: U96F32Value, docs: ' --- MAP ( netuid ) --> root_prop | The subnet root proportion. (lib.rs:1337)' })
export const MinerBurned = storageMap(P, 'MinerBurned', {
  key: byNetuid,
  value: U96F32Value,
  docs: " --- MAP ( netuid ) --> miner_burned | Proportion (0..1) of this tempo's miner (incentive) emission that was withheld from miners during emission distribution because the recipient hotkey is owned by the subnet owner (immune key). (lib.rs:1948)",
})
export const SubnetProtocolFlow = storageMap(P, 'SubnetProtocolFlow', { key: byNetuid, value: i64, docs: ' --- MAP ( netuid ) --> subnet_protocol_flow | Per-block accumulator for protocol cost (emission + chain buys - root sells). (lib.rs:1666)' })
export const RootAlphaDividendsPerSubnet = storageMap(P, 'RootAlphaDividendsPerSubnet', {
  key: [[NetUid, 'Identity'], [AccountId, 'Blake2_128Concat']],
  value: AlphaBalance,
  docs: ' --- DMAP ( netuid, hotkey ) --> u64 | Last root alpha dividend this hotkey got on tempo. (lib.rs:1272)',
})
export const TotalHotkeyAlphaLastEpoch = storageMap(P, 'TotalHotkeyAlphaLastEpoch', {
  key: [[AccountId, 'Blake2_128Concat'], [NetUid, 'Identity']],
  value: AlphaBalance,
  docs: ' --- DMAP ( hot, netuid ) --> alpha | Returns the total amount of alpha a hotkey owned in the last epoch. (lib.rs:1472)',
})
export const RecycleOrBurn = storageMap(P, 'RecycleOrBurn', { key: byNetuid, value: RecycleOrBurnEnum, default: { type: 'Burn' } as RecycleOrBurnEnum, docs: ' --- MAP ( netuid ) --> recycle_or_burn (lib.rs:1973)' })
export const AutoStakeDestination = storageMap(P, 'AutoStakeDestination', {
  key: [[AccountId, 'Blake2_128Concat'], [NetUid, 'Identity']],
  value: AccountId,
  optional: true,
  docs: ' --- DMAP ( cold, netuid )--> hot | Returns the hotkey a coldkey will autostake to with mining rewards. (lib.rs:1413)',
})
/** `DefaultCKBurn`: 0 — the share of a parent's dividend recycled when parent and child have different coldkeys, ÷ u64::MAX. */
export const CKBurn = storageValue(P, 'CKBurn', { value: u64, docs: ' --- ITEM --> CK burn (lib.rs:1169)' })
export const ChildkeyTake = storageMap(P, 'ChildkeyTake', {
  key: [[AccountId, 'Blake2_128Concat'], [NetUid, 'Identity']],
  value: u16,
  docs: ' DMAP ( hot, netuid ) --> take | Returns the hotkey childkey take for a specific subnet (lib.rs:1208)',
})
export const MechanismEmissionSplit = storageMap(P, 'MechanismEmissionSplit', {
  key: [[NetUid, 'Twox64Concat']],
  value: Vec(u16),
  optional: true,
  docs: ' --- MAP ( netuid ) --> Normalized vector of emission split proportion between subnet mechanisms (lib.rs:2682)',
})
