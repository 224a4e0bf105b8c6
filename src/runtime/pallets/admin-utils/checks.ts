// What every hyperparameter setter checks first: subnet owner or root, the owner's per-hyperparameter rate limit, and the admin freeze window.
// These are SubtensorModule helpers in subtensor (pallets/subtensor/src/utils/misc.rs @ 14bc6f9: `ensure_subnet_owner_or_root` :12,
// `ensure_sn_owner_or_root_with_limits` :38, `is_in_admin_freeze_window` :59, `ensure_admin_window_open` :74, `record_owner_rl` :94;
// utils/rate_limiting.rs: `TransactionType` and its `rate_limit_on_subnet`, `passes_rate_limit_on_subnet`, `last_block_on_subnet`,
// `set_last_block_on_subnet`; coinbase/run_coinbase.rs:1109 `blocks_until_next_auto_epoch`). SubtensorModule's own owner calls
// (set_tempo, trigger_epoch, …) may import them from here.
import type { DispatchContext, Origin } from '../../framework/dispatch.ts'
import { DispatchFailure, dispatchError } from '../../framework/dispatch.ts'
import type { AccountId, NetUid } from '../../primitives/bittensor.ts'
import type { StorageBackend } from '../../primitives/storage.ts'
import { Number as SystemNumber } from '../system/storage.ts'
import { AdminFreezeWindow, LastRateLimitedBlock, OwnerHyperparamRateLimit, TransactionKeyLastBlock, WeightsVersionKeyRateLimit } from '../subtensor/storage/hyperparams.ts'
import type { Hyperparameter } from '../subtensor/storage/hyperparams.ts'
import { NetworksAdded, PendingEpochAt, SubnetOwner, Tempo } from '../subtensor/storage/subnets.ts'
import { blocksUntilNextAutoEpoch } from '../subtensor/coinbase/schedule.ts'

const U64_MAX = (1n << 64n) - 1n
const sat = (x: bigint) => (x > U64_MAX ? U64_MAX : x)

/** `get_current_block_as_u64`. */
export const currentBlock = (s: StorageBackend): bigint => BigInt(SystemNumber.get(s))

/** `if_subnet_exist`: NetworksAdded. */
export const subnetExists = (s: StorageBackend, netuid: NetUid): boolean => NetworksAdded.get(s, netuid)

/**
 * `ensure_subnet_owner_or_root`: root → undefined, the subnet's owner coldkey → that account; any other signed account
 * (including every caller on a subnet that does not exist, whose owner is the zero account) and unsigned origins → BadOrigin.
 */
export function ensureSubnetOwnerOrRoot(s: StorageBackend, origin: Origin, netuid: NetUid): AccountId | undefined {
  if (origin.type === 'Root') return undefined
  if (origin.type === 'Signed' && SubnetOwner.get(s, netuid) === origin.value) return origin.value
  throw new DispatchFailure({ type: 'BadOrigin' })
}

/** The owner rate limits the setters use: an owner hyperparameter (`TransactionType::OwnerHyperparamUpdate`) or `SetWeightsVersionKey`. */
export type OwnerRateLimit = Hyperparameter['type'] | 'SetWeightsVersionKey'

/** `TransactionType::SetWeightsVersionKey as u16` (rate_limiting.rs:141), the third key of TransactionKeyLastBlock. */
const SET_WEIGHTS_VERSION_KEY_TX = 4

/** `rate_limit_on_subnet`: tempo × OwnerHyperparamRateLimit for hyperparameters, tempo × WeightsVersionKeyRateLimit for the version key. */
function rateLimitOnSubnet(s: StorageBackend, tx: OwnerRateLimit, netuid: NetUid): bigint {
  const tempo = BigInt(Tempo.get(s, netuid))
  return tx === 'SetWeightsVersionKey' ? sat(tempo * WeightsVersionKeyRateLimit.get(s)) : tempo * BigInt(OwnerHyperparamRateLimit.get(s))
}

/** `last_block_on_subnet`: LastRateLimitedBlock[OwnerHyperparamUpdate(netuid, h)], or TransactionKeyLastBlock[(who, netuid, 4)]. */
function lastBlockOnSubnet(s: StorageBackend, tx: OwnerRateLimit, who: AccountId, netuid: NetUid): bigint {
  if (tx === 'SetWeightsVersionKey') return TransactionKeyLastBlock.get(s, who, netuid, SET_WEIGHTS_VERSION_KEY_TX)
  return LastRateLimitedBlock.get(s, { type: 'OwnerHyperparamUpdate', value: [netuid, { type: tx } as Hyperparameter] })
}

/** `check_passes_rate_limit`: the first time (last block 0), or at least `limit` blocks later. */
export const passesRateLimit = (limit: bigint, block: bigint, last: bigint): boolean => last === 0n || (block > last ? block - last : 0n) >= limit

/** `ensure_sn_owner_or_root_with_limits`: owner or root; an owner must also be past every listed rate limit (TxRateLimitExceeded). */
export function ensureSnOwnerOrRootWithLimits(s: StorageBackend, origin: Origin, netuid: NetUid, limits: readonly OwnerRateLimit[]): AccountId | undefined {
  const owner = ensureSubnetOwnerOrRoot(s, origin, netuid)
  if (owner !== undefined) {
    const now = currentBlock(s)
    for (const tx of limits) {
      if (!passesRateLimit(rateLimitOnSubnet(s, tx, netuid), now, lastBlockOnSubnet(s, tx, owner, netuid))) throw dispatchError('SubtensorModule', 'TxRateLimitExceeded')
    }
  }
  return owner
}

/** `record_owner_rl`: for an owner (not root), the current block becomes the last block of every listed rate limit. */
export function recordOwnerRl(s: StorageBackend, owner: AccountId | undefined, netuid: NetUid, limits: readonly OwnerRateLimit[]): void {
  if (owner === undefined) return
  const now = currentBlock(s)
  for (const tx of limits) {
    if (tx === 'SetWeightsVersionKey') TransactionKeyLastBlock.set(s, owner, netuid, SET_WEIGHTS_VERSION_KEY_TX, now)
    else LastRateLimitedBlock.set(s, { type: 'OwnerHyperparamUpdate', value: [netuid, { type: tx } as Hyperparameter] }, now)
  }
}

/**
 * `is_in_admin_freeze_window`: never for tempo 0; always while a triggered epoch is pending; otherwise in the last
 * AdminFreezeWindow blocks before the next automatic epoch. Note that a subnet whose epochs do not run (LastEpochBlock
 * never advances) stays frozen once LastEpochBlock + tempo − AdminFreezeWindow has passed, as it would in subtensor.
 */
export function isInAdminFreezeWindow(s: StorageBackend, netuid: NetUid, now: bigint): boolean {
  const tempo = Tempo.get(s, netuid)
  if (tempo === 0) return false
  const pending = PendingEpochAt.get(s, netuid)
  if (pending > 0n && pending > now) return true
  return blocksUntilNextAutoEpoch(s, netuid, now, tempo) < BigInt(AdminFreezeWindow.get(s))
}

/** `ensure_admin_window_open`: AdminActionProhibitedDuringWeightsWindow inside the freeze window (for root as well as owners). */
export function ensureAdminWindowOpen(ctx: Pick<DispatchContext, 'storage'>, netuid: NetUid): void {
  if (isInAdminFreezeWindow(ctx.storage, netuid, currentBlock(ctx.storage))) throw dispatchError('SubtensorModule', 'AdminActionProhibitedDuringWeightsWindow')
}
