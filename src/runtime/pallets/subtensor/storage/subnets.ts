// SubtensorModule subnet storage (subtensor.md §3.3): which subnets exist, owners, tempo, identity, symbol, the dTAO pool reserves and the epoch bookkeeping.
// Names, hashers, types and defaults from pallets/subtensor/src/lib.rs @ 14bc6f9 (spec 425); line numbers in each doc.
import { AccountId, AlphaBalance, NetUid, TaoBalance } from '../../../primitives/bittensor.ts'
import { storageMap, storageValue } from '../../../primitives/storage.ts'
import type { StorageBackend } from '../../../primitives/storage.ts'
import { Bytes, bool, u128, u16, u64 } from '../../../primitives/types.ts'
import { ChainIdentityV2, I96F32, SubnetIdentityV3, ZERO_ACCOUNT } from '../types.ts'

const P = 'SubtensorModule'
const byNetuid = [[NetUid, 'Identity']] as const

/** `INITIAL_SUBNET_TEMPO = prod_or_fast!(360, 10)` (runtime/src/lib.rs:960), `InitialTempo`. */
export const INITIAL_TEMPO = 360
/** `DefaultUnicodeVecU8`: 𝜏 (lib.rs). */
export const DEFAULT_TOKEN_SYMBOL = new Uint8Array([0xf0, 0x9d, 0x9c, 0x8f])

export const NetworksAdded = storageMap(P, 'NetworksAdded', { key: byNetuid, value: bool, docs: ' --- MAP ( netuid ) --> network_is_added (lib.rs:1874)' })
/** `get_all_subnet_netuids`: every NetworksAdded key, root included, in storage order (Identity-hashed u16: numeric order below 256). */
export const allSubnetNetuids = (s: StorageBackend): NetUid[] => NetworksAdded.entries(s).map(([[netuid]]) => netuid)
export const TotalNetworks = storageValue(P, 'TotalNetworks', { value: u16, docs: ' --- ITEM( total_number_of_existing_networks ) (lib.rs:1724)' })
export const SubnetworkN = storageMap(P, 'SubnetworkN', { key: byNetuid, value: u16, docs: ' --- MAP ( netuid ) --> subnetwork_n (number of UIDs) (lib.rs:1870)' })
export const Tempo = storageMap(P, 'Tempo', { key: byNetuid, value: u16, default: INITIAL_TEMPO, docs: ' --- MAP ( netuid ) --> tempo (lib.rs:1809)' })
export const SubnetOwner = storageMap(P, 'SubnetOwner', { key: byNetuid, value: AccountId, default: ZERO_ACCOUNT, docs: ' --- MAP ( netuid ) --> subnet_owner (lib.rs:1963)' })
export const SubnetOwnerHotkey = storageMap(P, 'SubnetOwnerHotkey', { key: byNetuid, value: AccountId, default: ZERO_ACCOUNT, docs: ' --- MAP ( netuid ) --> subnet_owner_hotkey (lib.rs:1968)' })
export const NetworkRegisteredAt = storageMap(P, 'NetworkRegisteredAt', { key: byNetuid, value: u64, docs: ' --- MAP ( netuid ) --> block_created (lib.rs:1902)' })
export const SubnetMechanism = storageMap(P, 'SubnetMechanism', { key: byNetuid, value: u16, docs: ' --- MAP ( netuid ) --> subnet mechanism: 0 stable (root), 1 dynamic (lib.rs:1865)' })
export const FirstEmissionBlockNumber = storageMap(P, 'FirstEmissionBlockNumber', { key: byNetuid, value: u64, optional: true, docs: ' --- MAP ( netuid ) --> block number of first emission, set by start_call (lib.rs:1860)' })
export const SubtokenEnabled = storageMap(P, 'SubtokenEnabled', { key: byNetuid, value: bool, docs: ' --- MAP ( netuid ) --> subtoken enabled (lib.rs:2194)' })
export const TokenSymbol = storageMap(P, 'TokenSymbol', { key: byNetuid, value: Bytes, default: DEFAULT_TOKEN_SYMBOL, docs: ' --- MAP ( netuid ) --> token symbol (lib.rs:1642)' })
export const SubnetIdentitiesV3 = storageMap(P, 'SubnetIdentitiesV3', { key: [[NetUid, 'Blake2_128Concat']], value: SubnetIdentityV3, optional: true, docs: ' --- MAP ( netuid ) --> subnet identity (lib.rs:2416)' })
export const IdentitiesV2 = storageMap(P, 'IdentitiesV2', { key: [[AccountId, 'Blake2_128Concat']], value: ChainIdentityV2, optional: true, docs: ' --- MAP ( coldkey ) --> identity (lib.rs:2411)' })
export const RegisteredSubnetCounter = storageMap(P, 'RegisteredSubnetCounter', { key: byNetuid, value: u64, docs: ' --- MAP ( netuid ) --> registered_subnet_counter: incremented on every successful do_register_network for the netuid (lib.rs:1915)' })
export const SubnetLocked = storageMap(P, 'SubnetLocked', { key: byNetuid, value: TaoBalance, docs: ' --- MAP ( netuid ) --> TAO locked at registration (lib.rs:1796)' })
export const LargestLocked = storageMap(P, 'LargestLocked', { key: byNetuid, value: u64, docs: ' --- MAP ( netuid ) --> largest lock (lib.rs:1801)' })

// dTAO pool reserves (§5.2)
export const SubnetTAO = storageMap(P, 'SubnetTAO', { key: byNetuid, value: TaoBalance, docs: ' --- MAP ( netuid ) --> TAO in the subnet pool (lib.rs:1347)' })
export const SubnetAlphaIn = storageMap(P, 'SubnetAlphaIn', { key: byNetuid, value: AlphaBalance, docs: ' --- MAP ( netuid ) --> alpha in the subnet pool (lib.rs:1389)' })
export const SubnetAlphaOut = storageMap(P, 'SubnetAlphaOut', { key: byNetuid, value: AlphaBalance, docs: ' --- MAP ( netuid ) --> alpha outstanding (lib.rs:1394)' })
export const SubnetVolume = storageMap(P, 'SubnetVolume', { key: byNetuid, value: u128, docs: ' --- MAP ( netuid ) --> traded volume (lib.rs:1342)' })
export const SubnetMovingPrice = storageMap(P, 'SubnetMovingPrice', { key: byNetuid, value: I96F32, docs: ' --- MAP ( netuid ) --> moving price, I96F32 (lib.rs:1332)' })
/** `SubnetMovingAlpha` = I96F32::saturating_from_num(0.000003): bits = round(0.000003 · 2^32). */
export const SubnetMovingAlpha = storageValue(P, 'SubnetMovingAlpha', { value: I96F32, default: { bits: 12885n }, docs: ' --- ITEM ( moving alpha for the moving price ) (lib.rs:1328)' })

// epoch bookkeeping
export const BlocksSinceLastStep = storageMap(P, 'BlocksSinceLastStep', { key: byNetuid, value: u64, docs: ' --- MAP ( netuid ) --> blocks since last step (lib.rs:1953)' })
export const LastMechansimStepBlock = storageMap(P, 'LastMechansimStepBlock', { key: byNetuid, value: u64, docs: ' --- MAP ( netuid ) --> last mechanism step block (sic) (lib.rs:1958)' })
export const LastEpochBlock = storageMap(P, 'LastEpochBlock', { key: byNetuid, value: u64, docs: ' --- MAP ( netuid ) --> block of the last epoch (lib.rs:1834)' })
export const PendingEpochAt = storageMap(P, 'PendingEpochAt', { key: byNetuid, value: u64, docs: ' --- MAP ( netuid ) --> block a triggered epoch fires at (lib.rs:1840)' })
export const SubnetEpochIndex = storageMap(P, 'SubnetEpochIndex', { key: byNetuid, value: u64, docs: ' --- MAP ( netuid ) --> epoch counter (lib.rs:1846)' })
