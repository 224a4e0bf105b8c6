// SubtensorModule neuron storage (subtensor.md §4.2): UIDs and hotkeys, per-uid vectors, weights and bonds, served endpoints, registration price.
// Declarations from pallets/subtensor/src/lib.rs @ 14bc6f9 (spec 425).
import { AccountId, AlphaBalance, NetUid, NetUidStorageIndex, TaoBalance } from '../../../primitives/bittensor.ts'
import { storageMap } from '../../../primitives/storage.ts'
import { Vec, bool, tuple, u16, u64 } from '../../../primitives/types.ts'
import { AxonInfo, NeuronCertificate, PrometheusInfo, ZERO_ACCOUNT } from '../types.ts'
import { INITIAL } from './hyperparams.ts'

const P = 'SubtensorModule'
const byNetuid = [[NetUid, 'Identity']] as const
const byIndex = [[NetUidStorageIndex, 'Identity']] as const
const Uid = u16

export const Uids = storageMap(P, 'Uids', { key: [[NetUid, 'Identity'], [AccountId, 'Blake2_128Concat']], value: Uid, optional: true, docs: ' --- DMAP ( netuid, hotkey ) --> uid (lib.rs:2274)' })
export const Keys = storageMap(P, 'Keys', { key: [[NetUid, 'Identity'], [Uid, 'Identity']], value: AccountId, default: ZERO_ACCOUNT, docs: ' --- DMAP ( netuid, uid ) --> hotkey (lib.rs:2279)' })
export const Owner = storageMap(P, 'Owner', { key: [[AccountId, 'Blake2_128Concat']], value: AccountId, default: ZERO_ACCOUNT, docs: ' --- MAP ( hot ) --> cold (lib.rs:1193)' })
export const OwnedHotkeys = storageMap(P, 'OwnedHotkeys', { key: [[AccountId, 'Blake2_128Concat']], value: Vec(AccountId), docs: ' --- MAP ( cold ) --> Vec<hot> (lib.rs:1408)' })
export const IsNetworkMember = storageMap(P, 'IsNetworkMember', { key: [[AccountId, 'Blake2_128Concat'], [NetUid, 'Identity']], value: bool, docs: ' --- DMAP ( hotkey, netuid ) --> is member (lib.rs:1879)' })
export const BlockAtRegistration = storageMap(P, 'BlockAtRegistration', { key: [[NetUid, 'Identity'], [Uid, 'Identity']], value: u64, docs: ' --- DMAP ( netuid, uid ) --> block at registration (lib.rs:2362)' })

export const Active = storageMap(P, 'Active', { key: byNetuid, value: Vec(bool), docs: ' --- MAP ( netuid ) --> active (lib.rs:2297)' })
export const Consensus = storageMap(P, 'Consensus', { key: byNetuid, value: Vec(u16), docs: ' --- MAP ( netuid ) --> consensus (lib.rs:2302)' })
export const Incentive = storageMap(P, 'Incentive', { key: byIndex, value: Vec(u16), docs: ' --- MAP ( netuid_index ) --> incentive (lib.rs:2307)' })
export const Dividends = storageMap(P, 'Dividends', { key: byNetuid, value: Vec(u16), docs: ' --- MAP ( netuid ) --> dividends (lib.rs:2312)' })
export const Emission = storageMap(P, 'Emission', { key: byNetuid, value: Vec(AlphaBalance), docs: ' --- MAP ( netuid ) --> emission (lib.rs:2317)' })
export const LastUpdate = storageMap(P, 'LastUpdate', { key: byIndex, value: Vec(u64), docs: ' --- MAP ( netuid_index ) --> last_update (lib.rs:2321)' })
export const ValidatorTrust = storageMap(P, 'ValidatorTrust', { key: byNetuid, value: Vec(u16), docs: ' --- MAP ( netuid ) --> validator_trust (lib.rs:2326)' })
export const ValidatorPermit = storageMap(P, 'ValidatorPermit', { key: byNetuid, value: Vec(bool), docs: ' --- MAP ( netuid ) --> validator_permit (lib.rs:2331)' })
export const StakeWeight = storageMap(P, 'StakeWeight', { key: byNetuid, value: Vec(u16), docs: ' --- MAP ( netuid ) --> stake_weight (lib.rs:2269)' })
export const Weights = storageMap(P, 'Weights', { key: [[NetUidStorageIndex, 'Identity'], [Uid, 'Identity']], value: Vec(tuple(u16, u16)), docs: ' --- DMAP ( netuid_index, uid ) --> weights (lib.rs:2336)' })
export const Bonds = storageMap(P, 'Bonds', { key: [[NetUidStorageIndex, 'Identity'], [Uid, 'Identity']], value: Vec(tuple(u16, u16)), docs: ' --- DMAP ( netuid_index, uid ) --> bonds (lib.rs:2349)' })

export const Axons = storageMap(P, 'Axons', { key: [[NetUid, 'Identity'], [AccountId, 'Blake2_128Concat']], value: AxonInfo, optional: true, docs: ' --- DMAP ( netuid, hotkey ) --> axon_info (lib.rs:2375)' })
export const Prometheus = storageMap(P, 'Prometheus', { key: [[NetUid, 'Identity'], [AccountId, 'Blake2_128Concat']], value: PrometheusInfo, optional: true, docs: ' --- DMAP ( netuid, hotkey ) --> prometheus_info (lib.rs:2399)' })
export const NeuronCertificates = storageMap(P, 'NeuronCertificates', { key: [[NetUid, 'Identity'], [AccountId, 'Blake2_128Concat']], value: NeuronCertificate, optional: true, docs: ' --- MAP ( netuid, hotkey ) --> certificate (lib.rs:2387)' })

// registration price and counters
export const Burn = storageMap(P, 'Burn', { key: byNetuid, value: TaoBalance, default: INITIAL.burn, docs: ' --- MAP ( netuid ) --> registration burn (lib.rs:2107)' })
export const MinBurn = storageMap(P, 'MinBurn', { key: byNetuid, value: TaoBalance, default: INITIAL.minBurn, docs: ' --- MAP ( netuid ) --> min burn (lib.rs:2115)' })
export const MaxBurn = storageMap(P, 'MaxBurn', { key: byNetuid, value: TaoBalance, default: INITIAL.maxBurn, docs: ' --- MAP ( netuid ) --> max burn (lib.rs:2120)' })
export const RegistrationsThisBlock = storageMap(P, 'RegistrationsThisBlock', { key: byNetuid, value: u16, docs: ' --- MAP ( netuid ) --> registrations this block (lib.rs:2140)' })
export const RegistrationsThisInterval = storageMap(P, 'RegistrationsThisInterval', { key: byNetuid, value: u16, docs: ' --- MAP ( netuid ) --> registrations this interval (lib.rs:1996)' })
export const BurnRegistrationsThisInterval = storageMap(P, 'BurnRegistrationsThisInterval', { key: byNetuid, value: u16, docs: ' --- MAP ( netuid ) --> burn registrations this interval (lib.rs:2006)' })
export const LastAdjustmentBlock = storageMap(P, 'LastAdjustmentBlock', { key: byNetuid, value: u64, docs: ' --- MAP ( netuid ) --> last adjustment block (lib.rs:2135)' })
export const RAORecycledForRegistration = storageMap(P, 'RAORecycledForRegistration', { key: byNetuid, value: TaoBalance, docs: ' --- MAP ( netuid ) --> RAO recycled for registration (lib.rs:2150)' })
