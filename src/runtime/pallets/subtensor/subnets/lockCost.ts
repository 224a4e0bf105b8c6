// The subnet lock cost (subtensor.md §3.1 step 5): it doubles on every network registration and decays linearly back to NetworkMinLockCost
// over NetworkLockReductionInterval blocks (shortened by each emission halving). Pure reads, so the runtime API can call it too.
// From pallets/subtensor/src/coinbase/root.rs @ 14bc6f9 (`get_network_lock_cost` :502, `get_network_last_lock_block` :559, `get_lock_reduction_interval` :569)
// and coinbase/block_emission.rs (`calculate_block_emission`: the halving curve of coinbase/blockEmission.ts at SubtensorModule.TotalIssuance).
// Pure reads: subtensor's `calculate_block_emission` also refreshes BlockEmission here; block_step rewrites it every block anyway.
import type { StorageBackend } from '../../../primitives/storage.ts'
import { LastRateLimitedBlock, NetworkLastLockCost, NetworkLockReductionInterval, NetworkMinLockCost } from '../storage/hyperparams.ts'
import { TotalIssuance } from '../storage/stake.ts'
import { DEFAULT_BLOCK_EMISSION, TOTAL_SUPPLY, blockEmissionForIssuance } from '../coinbase/blockEmission.ts'

// The halving curve lives with the coinbase (coinbase/blockEmission.ts); re-exported for the lock cost's callers.
export { DEFAULT_BLOCK_EMISSION, TOTAL_SUPPLY, blockEmissionForIssuance }

const U64_MAX = (1n << 64n) - 1n
const satSub = (a: bigint, b: bigint) => (a > b ? a - b : 0n)
const satU64 = (v: bigint) => (v > U64_MAX ? U64_MAX : v)

/** `get_lock_reduction_interval`: ⌊NetworkLockReductionInterval · (block_emission / 1e9)⌋ in I64F64. */
export function lockReductionInterval(storage: StorageBackend): bigint {
  const interval = NetworkLockReductionInterval.get(storage)
  const emission = blockEmissionForIssuance(TotalIssuance.get(storage))
  const halvingBits = (emission << 64n) / DEFAULT_BLOCK_EMISSION
  return satU64((interval * halvingBits) >> 64n)
}

/** `get_network_last_lock_block`: LastRateLimitedBlock[NetworkLastRegistered], the block of the last network registration (0: none yet). */
export const networkLastLockBlock = (storage: StorageBackend): bigint => LastRateLimitedBlock.get(storage, { type: 'NetworkLastRegistered' })

/**
 * `get_network_lock_cost` at `block`: last_lock · (1 before any registration, else 2) − ⌊last_lock / interval⌋ · (block − last_lock_block),
 * saturating, and at least NetworkMinLockCost. This is what `SubnetRegistrationRuntimeApi_get_network_registration_cost` returns.
 */
export function getNetworkLockCost(storage: StorageBackend, block: bigint): bigint {
  const lastLock = NetworkLastLockCost.get(storage)
  const minLock = NetworkMinLockCost.get(storage)
  const lastBlock = networkLastLockBlock(storage)
  const interval = lockReductionInterval(storage)
  const mult = lastBlock === 0n ? 1n : 2n
  // u64 safe_div: 0 for a zero interval
  const perBlock = interval === 0n ? 0n : lastLock / interval
  const cost = satSub(satU64(lastLock * mult), satU64(perBlock * satSub(block, lastBlock)))
  return cost < minLock ? minLock : cost
}
