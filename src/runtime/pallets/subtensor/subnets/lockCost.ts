// The subnet lock cost (subtensor.md §3.1 step 5): it doubles on every network registration and decays linearly back to NetworkMinLockCost
// over NetworkLockReductionInterval blocks (shortened by each emission halving). Pure reads, so the runtime API can call it too.
// From pallets/subtensor/src/coinbase/root.rs @ 14bc6f9 (`get_network_lock_cost` :502, `get_network_last_lock_block` :559, `get_lock_reduction_interval` :569)
// and coinbase/block_emission.rs (`get_block_emission_for_issuance` :38).
import type { StorageBackend } from '../../../primitives/storage.ts'
import { LastRateLimitedBlock, NetworkLastLockCost, NetworkLockReductionInterval, NetworkMinLockCost } from '../storage/hyperparams.ts'
import { TotalIssuance } from '../storage/stake.ts'

/** `DefaultBlockEmission`: 1 TAO per block before any halving. */
export const DEFAULT_BLOCK_EMISSION = 1_000_000_000n
/** `TotalSupply` (runtime lib.rs): 21M TAO. */
export const TOTAL_SUPPLY = 21_000_000_000_000_000n

const U64_MAX = (1n << 64n) - 1n
const satSub = (a: bigint, b: bigint) => (a > b ? a - b : 0n)
const satU64 = (v: bigint) => (v > U64_MAX ? U64_MAX : v)

/**
 * `get_block_emission_for_issuance`: 1 TAO halved once per halving, k = ⌊log2(1 / (1 − issuance / 21M TAO))⌋, and 0 from the total supply on.
 * k is found exactly in integers (the largest k with 2^k · (supply − issuance) ≤ supply); subtensor's I96F32 log2 could disagree within
 * rounding distance of a halving boundary, far beyond a devnet's issuance.
 */
export function blockEmissionForIssuance(issuance: bigint): bigint {
  if (issuance >= TOTAL_SUPPLY) return 0n
  const left = TOTAL_SUPPLY - issuance
  let k = 0n
  while ((left << (k + 1n)) <= TOTAL_SUPPLY) k++
  // 1/2^k in I96F32 has 32 fractional bits: beyond 32 halvings it is 0
  return k > 32n ? 0n : DEFAULT_BLOCK_EMISSION >> k
}

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
