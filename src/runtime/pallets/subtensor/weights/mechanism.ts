// Mechanism (sub-subnet) storage indices and the per-neuron helpers the weights calls share: LastUpdate, the weights rate limit, the version key.
// From pallets/subtensor/src/subnets/mechanism.rs @ 14bc6f9 (`get_mechanism_storage_index` :35, `get_netuid` :42, `get_netuid_and_subid` :51,
// `ensure_mechanism_exists` :83), utils/misc.rs (`get_last_update` :192, `set_last_update_for_uid` :215, `get_last_update_for_uid` :272)
// and subnets/weights.rs (`check_version_key`, `check_rate_limit`).
import { dispatchError } from '../../../framework/dispatch.ts'
import type { NetUid, NetUidStorageIndex } from '../../../primitives/bittensor.ts'
import type { StorageBackend } from '../../../primitives/storage.ts'
import { MechanismCountCurrent, WeightsSetRateLimit, WeightsVersionKey } from '../storage/hyperparams.ts'
import { Keys, LastUpdate } from '../storage/neurons.ts'
import { NetworksAdded, SubnetworkN } from '../storage/subnets.ts'

const P = 'SubtensorModule'
/** `GLOBAL_MAX_SUBNET_COUNT` (subnets/mechanism.rs:28): mechanism `m` of netuid `n` is stored under `m·4096 + n`. */
export const GLOBAL_MAX_SUBNET_COUNT = 4096
const U16_MAX = 0xffff
/** `MechId::MAIN`. */
export const MAIN_MECHANISM = 0

/** `get_mechanism_storage_index`: `mecid·4096 + netuid`, each step saturating at u16::MAX. */
export function mechanismStorageIndex(netuid: NetUid, mecid: number): NetUidStorageIndex {
  return Math.min(Math.min(mecid * GLOBAL_MAX_SUBNET_COUNT, U16_MAX) + netuid, U16_MAX)
}

/** `get_netuid`: the netuid part of a storage index. */
export const netuidOfIndex = (index: NetUidStorageIndex): NetUid => index % GLOBAL_MAX_SUBNET_COUNT

/** `get_netuid_and_subid`: `[netuid, mecid]` when the subnet exists and has that mechanism, else undefined (MechanismDoesNotExist). */
export function netuidAndMecid(s: StorageBackend, index: NetUidStorageIndex): [NetUid, number] | undefined {
  const netuid = netuidOfIndex(index)
  if (!NetworksAdded.get(s, netuid)) return undefined
  const mecid = Math.floor(index / GLOBAL_MAX_SUBNET_COUNT)
  return MechanismCountCurrent.get(s, netuid) > mecid ? [netuid, mecid] : undefined
}

/** `ensure_mechanism_exists`: the subnet exists and `mecid < MechanismCountCurrent`. */
export function ensureMechanismExists(s: StorageBackend, netuid: NetUid, mecid: number): void {
  if (!NetworksAdded.get(s, netuid)) throw dispatchError(P, 'MechanismDoesNotExist')
  if (!(MechanismCountCurrent.get(s, netuid) > mecid)) throw dispatchError(P, 'MechanismDoesNotExist')
}

/** `get_last_update_for_uid`: the stored element, 0 when the vector is shorter. */
export const lastUpdateForUid = (s: StorageBackend, index: NetUidStorageIndex, uid: number): bigint => LastUpdate.get(s, index)[uid] ?? 0n

/** `set_last_update_for_uid`: `get_last_update` pads the vector to SubnetworkN; the element is written only if it exists. */
export function setLastUpdateForUid(s: StorageBackend, index: NetUidStorageIndex, uid: number, block: bigint): void {
  const v = LastUpdate.get(s, index)
  const n = SubnetworkN.get(s, netuidOfIndex(index))
  while (v.length < n) v.push(0n)
  if (uid >= v.length) return
  v[uid] = block
  LastUpdate.set(s, index, v)
}

/** `check_version_key`: no key required (0), or the caller's is at least the subnet's. */
export function checkVersionKey(s: StorageBackend, netuid: NetUid, versionKey: bigint): boolean {
  const required = WeightsVersionKey.get(s, netuid)
  return required === 0n || versionKey >= required
}

/**
 * `check_rate_limit`: per storage index (so per mechanism). A uid that never set weights (LastUpdate 0) passes; otherwise
 * `now − LastUpdate ≥ WeightsSetRateLimit[netuid]`. An unknown mechanism or uid never passes.
 */
export function checkRateLimit(s: StorageBackend, index: NetUidStorageIndex, uid: number, block: bigint): boolean {
  const found = netuidAndMecid(s, index)
  if (found === undefined || !Keys.contains(s, found[0], uid)) return false
  const last = lastUpdateForUid(s, index, uid)
  if (last === 0n) return true
  return (block > last ? block - last : 0n) >= WeightsSetRateLimit.get(s, found[0])
}
