// When a subnet's epoch fires (subtensor.md §8.4, §6.3): the stateful tempo schedule anchored on LastEpochBlock, owner-triggered epochs, and the epoch counter commit-reveal uses.
// From pallets/subtensor/src/coinbase/run_coinbase.rs @ 14bc6f9 (`should_run_epoch` :1085, `blocks_until_next_auto_epoch` :1109, `get_next_epoch_start_block`),
// subnets/weights.rs (`get_epoch_index` :1263, `current_epoch_with_lookahead` :1275) and epoch/run_epoch.rs (`is_epoch_input_state_consistent` :1615).
import type { NetUid } from '../../../primitives/bittensor.ts'
import type { StorageBackend } from '../../../primitives/storage.ts'
import { Number as SystemNumber } from '../../system/storage.ts'
import { Keys } from '../storage/neurons.ts'
import { BlocksSinceLastStep, LastEpochBlock, PendingEpochAt, SubnetEpochIndex, Tempo } from '../storage/subnets.ts'

const U64_MAX = (1n << 64n) - 1n
/** `MAX_TEMPO`: past this many blocks without a step, an epoch fires whatever the schedule says. */
export const MAX_TEMPO = 50_400
export const MIN_TEMPO = 360

/** `should_run_epoch`: tempo ≠ 0 and (a triggered epoch is due, or the safety net, or `tempo` blocks since the last epoch). */
export function shouldRunEpoch(s: StorageBackend, netuid: NetUid, block: bigint): boolean {
  const tempo = Tempo.get(s, netuid)
  if (tempo === 0) return false
  const pending = PendingEpochAt.get(s, netuid)
  if (pending > 0n && block >= pending) return true
  if (BlocksSinceLastStep.get(s, netuid) > BigInt(MAX_TEMPO)) return true
  const last = LastEpochBlock.get(s, netuid)
  return (block > last ? block - last : 0n) >= BigInt(tempo)
}

/** `blocks_until_next_auto_epoch`: LastEpochBlock + tempo − block, saturating at 0; u64::MAX when tempo is 0. */
export function blocksUntilNextAutoEpoch(s: StorageBackend, netuid: NetUid, block: bigint, tempo = Tempo.get(s, netuid)): bigint {
  if (tempo === 0) return U64_MAX
  const next = LastEpochBlock.get(s, netuid) + BigInt(tempo)
  return next > block ? next - block : 0n
}

/** `get_next_epoch_start_block`: the automatic next epoch or an earlier triggered one; undefined when tempo is 0. */
export function nextEpochStartBlock(s: StorageBackend, netuid: NetUid): bigint | undefined {
  const tempo = Tempo.get(s, netuid)
  if (tempo === 0) return undefined
  const auto = LastEpochBlock.get(s, netuid) + BigInt(tempo)
  const pending = PendingEpochAt.get(s, netuid)
  return pending > 0n && pending < auto ? pending : auto
}

/** `get_epoch_index`: the subnet's epoch counter. */
export const epochIndex = (s: StorageBackend, netuid: NetUid): bigint => SubnetEpochIndex.get(s, netuid)

/**
 * `current_epoch_with_lookahead`: the counter, plus one while an epoch is still due at the current block. Extrinsics run after
 * on_initialize: an epoch that fired this block has already moved the counter (and LastEpochBlock), one deferred to the next block has not.
 */
export function currentEpochWithLookahead(s: StorageBackend, netuid: NetUid): bigint {
  const block = BigInt(SystemNumber.get(s))
  const base = SubnetEpochIndex.get(s, netuid)
  return shouldRunEpoch(s, netuid, block) ? base + 1n : base
}

/** `is_epoch_input_state_consistent`: no hotkey holds two UIDs on the subnet. */
export function isEpochInputStateConsistent(s: StorageBackend, netuid: NetUid): boolean {
  const seen = new Set<string>()
  for (const [, hotkey] of Keys.entries(s, netuid)) {
    if (seen.has(hotkey)) return false
    seen.add(hotkey)
  }
  return true
}
