// Commitments' `ResetBondsFlag` hook: the runtime's `ResetBondsOnCommit` (runtime/src/lib.rs:911 @ 14bc6f9) calls `do_reset_bonds`
// (pallets/subtensor/src/epoch/run_epoch.rs:1578) for every mechanism of the subnet: with BondsResetOn[netuid], every bond row of that
// mechanism loses its entry for the committing hotkey's uid (each row is rewritten, even when nothing was removed).
import type { DispatchContext } from '../../../framework/dispatch.ts'
import type { AccountId, NetUid, NetUidStorageIndex } from '../../../primitives/bittensor.ts'
import type { StorageBackend } from '../../../primitives/storage.ts'
import { BondsResetOn, MechanismCountCurrent } from '../storage/hyperparams.ts'
import { Bonds, Uids } from '../storage/neurons.ts'
import { mechanismStorageIndex, netuidAndMecid } from './mechanism.ts'

/** `do_reset_bonds`: the netuid of the index (root when it names no mechanism, as `unwrap_or_default` gives), then the bonds to the uid dropped. */
export function doResetBonds(s: StorageBackend, index: NetUidStorageIndex, who: AccountId): void {
  const [netuid] = netuidAndMecid(s, index) ?? [0]
  if (!BondsResetOn.get(s, netuid)) return
  const uid = Uids.get(s, netuid, who)
  if (uid === undefined) return
  for (const [[, from], row] of Bonds.entries(s, index)) Bonds.set(s, index, from, row.filter(([to]) => to !== uid))
}

/** `ResetBondsOnCommit::on_metadata_commitment`. */
export function resetBondsOnCommit(ctx: DispatchContext, netuid: NetUid, who: AccountId): void {
  const count = MechanismCountCurrent.get(ctx.storage, netuid)
  for (let mecid = 0; mecid < count; mecid++) doResetBonds(ctx.storage, mechanismStorageIndex(netuid, mecid), who)
}
