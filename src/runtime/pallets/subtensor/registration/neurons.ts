// UID bookkeeping (subtensor.md §4.2–4.3): append a neuron, replace one, pick the neuron to prune.
// From pallets/subtensor/src/subnets/uids.rs @ 14bc6f9 (`clear_neuron` :23, `replace_neuron` :54, `append_neuron` :109) and
// subnets/registration.rs (`register_neuron` :13, `get_immune_owner_tuples`, `get_neuron_to_prune`).
import type { DispatchContext } from '../../../framework/dispatch.ts'
import { dispatchError } from '../../../framework/dispatch.ts'
import type { AccountId, NetUid } from '../../../primitives/bittensor.ts'
import { Number as SystemNumber } from '../../system/storage.ts'
import { ImmuneOwnerUidsLimit, ImmunityPeriod, MaxAllowedUids, MechanismCountCurrent, MinNonImmuneUids } from '../storage/hyperparams.ts'
import {
  Active, Axons, BlockAtRegistration, Bonds, Consensus, Dividends, Emission, Incentive, IsNetworkMember, Keys, LastUpdate, OwnedHotkeys, Prometheus,
  StakeWeight, Uids, ValidatorPermit, ValidatorTrust, Weights,
} from '../storage/neurons.ts'
import { SubnetOwner, SubnetOwnerHotkey, SubnetworkN } from '../storage/subnets.ts'

/** `GLOBAL_MAX_SUBNET_COUNT` (subnets/mechanism.rs:28). */
export const GLOBAL_MAX_SUBNET_COUNT = 4096

export const currentBlock = (ctx: Pick<DispatchContext, 'storage'>): bigint => BigInt(SystemNumber.get(ctx.storage))

/** `get_mechanism_storage_index`: mecid · 4096 + netuid. */
const storageIndex = (netuid: NetUid, mecid: number) => mecid * GLOBAL_MAX_SUBNET_COUNT + netuid
const mechanismIndices = (ctx: DispatchContext, netuid: NetUid) =>
  Array.from({ length: MechanismCountCurrent.get(ctx.storage, netuid) }, (_, mecid) => storageIndex(netuid, mecid))

/** `set_element_at`: writes `value` at `i` if that position exists. */
const setAt = <T>(v: T[], i: number, value: T): T[] => {
  if (i < v.length) v[i] = value
  return v
}

/** `set_last_update_for_uid`: the vector read as `get_last_update` pads it to SubnetworkN, then the element set if present. */
function setLastUpdate(ctx: DispatchContext, netuid: NetUid, index: number, uid: number, block: bigint) {
  const v = LastUpdate.get(ctx.storage, index)
  const n = SubnetworkN.get(ctx.storage, netuid)
  while (v.length < n) v.push(0n)
  if (uid >= v.length) return
  v[uid] = block
  LastUpdate.set(ctx.storage, index, v)
}

/** `append_neuron`: the next UID is SubnetworkN; the per-uid vectors grow by one. */
export function appendNeuron(ctx: DispatchContext, netuid: NetUid, hotkey: AccountId, block: bigint): number {
  const s = ctx.storage
  const uid = SubnetworkN.get(s, netuid)
  SubnetworkN.set(s, netuid, uid + 1)
  Active.mutate(s, netuid, (v) => [...v, true])
  Emission.mutate(s, netuid, (v) => [...v, 0n])
  Consensus.mutate(s, netuid, (v) => [...v, 0])
  for (const index of mechanismIndices(ctx, netuid)) {
    Incentive.mutate(s, index, (v) => [...v, 0])
    setLastUpdate(ctx, netuid, index, uid, block)
  }
  Dividends.mutate(s, netuid, (v) => [...v, 0])
  ValidatorTrust.mutate(s, netuid, (v) => [...v, 0])
  ValidatorPermit.mutate(s, netuid, (v) => [...v, false])
  Keys.set(s, netuid, uid, hotkey)
  Uids.set(s, netuid, hotkey, uid)
  BlockAtRegistration.set(s, netuid, uid, block)
  IsNetworkMember.set(s, hotkey, netuid, true)
  return uid
}

/** `clear_neuron`: zeroes the uid's per-uid values, drops its bonds and weights, and zeroes weights set for it. */
export function clearNeuron(ctx: DispatchContext, netuid: NetUid, uid: number): void {
  const s = ctx.storage
  Emission.mutate(s, netuid, (v) => setAt(v, uid, 0n))
  Consensus.mutate(s, netuid, (v) => setAt(v, uid, 0))
  for (const index of mechanismIndices(ctx, netuid)) {
    Incentive.mutate(s, index, (v) => setAt(v, uid, 0))
    Bonds.remove(s, index, uid)
    Weights.remove(s, index, uid)
    for (const [[, from], row] of Weights.entries(s, index)) {
      if (row.some(([to]) => to === uid)) Weights.set(s, index, from, row.map(([to, w]) => [to, to === uid ? 0 : w] as [number, number]))
    }
  }
  Dividends.mutate(s, netuid, (v) => setAt(v, uid, 0))
  StakeWeight.mutate(s, netuid, (v) => setAt(v, uid, 0))
  ValidatorTrust.mutate(s, netuid, (v) => setAt(v, uid, 0))
  ValidatorPermit.mutate(s, netuid, (v) => setAt(v, uid, false))
}

/**
 * `replace_neuron`: the new hotkey takes `uid` (never the subnet owner's hotkey). AssociatedEvmAddress and NeuronCertificates,
 * which it also clears, are not declared in this runtime yet.
 */
export function replaceNeuron(ctx: DispatchContext, netuid: NetUid, uid: number, hotkey: AccountId, block: bigint): void {
  const s = ctx.storage
  const old = Keys.get(s, netuid, uid)
  if (SubnetOwnerHotkey.contains(s, netuid) && SubnetOwnerHotkey.get(s, netuid) === old) return
  Uids.remove(s, netuid, old)
  IsNetworkMember.remove(s, old, netuid)
  Keys.remove(s, netuid, uid)
  Active.mutate(s, netuid, (v) => setAt(v, uid, true))
  Keys.set(s, netuid, uid, hotkey)
  Uids.set(s, netuid, hotkey, uid)
  BlockAtRegistration.set(s, netuid, uid, block)
  IsNetworkMember.set(s, hotkey, netuid, true)
  Axons.remove(s, netuid, old)
  Prometheus.remove(s, netuid, old)
  clearNeuron(ctx, netuid, uid)
  for (const index of mechanismIndices(ctx, netuid)) setLastUpdate(ctx, netuid, index, uid, block)
}

/** `get_immune_owner_tuples` (hotkeys only): the owner coldkey's earliest-registered hotkeys on the subnet, up to ImmuneOwnerUidsLimit, the subnet owner hotkey first. */
function immuneOwnerHotkeys(ctx: DispatchContext, netuid: NetUid, coldkey: AccountId): AccountId[] {
  const s = ctx.storage
  const triples = OwnedHotkeys.get(s, coldkey).flatMap((hk) => {
    const uid = Uids.get(s, netuid, hk)
    return uid === undefined ? [] : [[BlockAtRegistration.get(s, netuid, uid), uid, hk] as const]
  })
  triples.sort((a, b) => (a[0] !== b[0] ? (a[0] < b[0] ? -1 : 1) : a[1] - b[1]))
  const limit = ImmuneOwnerUidsLimit.get(s, netuid)
  let tuples = triples.slice(0, limit).map(([, uid, hk]) => [uid, hk] as const)
  if (SubnetOwnerHotkey.contains(s, netuid)) {
    const ownerHk = SubnetOwnerHotkey.get(s, netuid)
    const ownerUid = Uids.get(s, netuid, ownerHk)
    if (ownerUid !== undefined && !tuples.some(([u, h]) => u === ownerUid && h === ownerHk)) tuples = [[ownerUid, ownerHk] as const, ...tuples].slice(0, limit)
  }
  return tuples.map(([, hk]) => hk)
}

const isImmune = (ctx: DispatchContext, netuid: NetUid, uid: number) => {
  const at = BlockAtRegistration.get(ctx.storage, netuid, uid)
  const now = currentBlock(ctx)
  return (now > at ? now - at : 0n) < BigInt(ImmunityPeriod.get(ctx.storage, netuid))
}

/**
 * `get_neuron_to_prune`: skipping the owner's immortal hotkeys, the lowest (emission, registration block, uid) among non-immune
 * neurons when more than MinNonImmuneUids of them are left, else the lowest among immune ones.
 */
export function getNeuronToPrune(ctx: DispatchContext, netuid: NetUid): number | undefined {
  const s = ctx.storage
  const n = SubnetworkN.get(s, netuid)
  if (n === 0) return undefined
  const immortal = immuneOwnerHotkeys(ctx, netuid, SubnetOwner.get(s, netuid))
  const emissions = Emission.get(s, netuid)
  type Cand = [bigint, bigint, number]
  let freeCount = 0
  let bestFree: Cand | undefined
  let bestImmune: Cand | undefined
  const better = (c: Cand, b: Cand | undefined) => b === undefined || (c[0] !== b[0] ? c[0] < b[0] : c[1] !== b[1] ? c[1] < b[1] : c[2] < b[2])
  for (let uid = 0; uid < n; uid++) {
    if (!Keys.contains(s, netuid, uid)) continue
    if (immortal.includes(Keys.get(s, netuid, uid))) continue
    const cand: Cand = [emissions[uid] ?? 0n, BlockAtRegistration.get(s, netuid, uid), uid]
    if (isImmune(ctx, netuid, uid)) {
      if (better(cand, bestImmune)) bestImmune = cand
    } else {
      freeCount++
      if (better(cand, bestFree)) bestFree = cand
    }
  }
  if (bestFree === undefined && bestImmune === undefined) return undefined
  if (freeCount > MinNonImmuneUids.get(s, netuid) && bestFree !== undefined) return bestFree[2]
  return bestImmune?.[2]
}

/** `register_neuron`: append while below MaxAllowedUids, else replace the neuron to prune. */
export function registerNeuron(ctx: DispatchContext, netuid: NetUid, hotkey: AccountId): number {
  const block = currentBlock(ctx)
  if (SubnetworkN.get(ctx.storage, netuid) < MaxAllowedUids.get(ctx.storage, netuid)) return appendNeuron(ctx, netuid, hotkey, block)
  const uid = getNeuronToPrune(ctx, netuid)
  if (uid === undefined) throw dispatchError('SubtensorModule', 'NoNeuronIdAvailable')
  replaceNeuron(ctx, netuid, uid, hotkey, block)
  return uid
}
