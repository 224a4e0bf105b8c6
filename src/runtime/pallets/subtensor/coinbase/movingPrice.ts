// The subnet price EMA (subtensor.md §8.6) and the root proportion (§8.3 step 2): block_step steps 5 and 6, and what the coinbase reads.
// From pallets/subtensor/src/staking/stake_utils.rs @ 14bc6f9 (`get_alpha_issuance` :20, `get_moving_alpha_price` :24, `update_moving_price` :37)
// and coinbase/block_step.rs (`update_moving_prices`, `update_root_prop`, `root_proportion`), in substrate-fixed arithmetic (epoch/fixed.ts).
import type { NetUid } from '../../../primitives/bittensor.ts'
import type { StorageBackend } from '../../../primitives/storage.ts'
import { currentPrice } from '../../swap/pool.ts'
import { subnetPool } from '../../swap/index.ts'
import { type Fixed, I96F32, U64F64, U96F32 } from '../epoch/fixed.ts'
import { getTaoWeight } from '../staking/stakeWeight.ts'
import { RootProp } from '../storage/emission.ts'
import { EMAPriceHalvingBlocks } from '../storage/hyperparams.ts'
import { FirstEmissionBlockNumber, SubnetAlphaIn, SubnetAlphaOut, SubnetMechanism, SubnetMovingAlpha, SubnetMovingPrice, SubnetTAO } from '../storage/subnets.ts'

const U64_MAX = (1n << 64n) - 1n
const ROOT = 0

/** `get_alpha_issuance`: SubnetAlphaIn + SubnetAlphaOut (saturating u64). */
export function getAlphaIssuance(s: StorageBackend, netuid: NetUid): bigint {
  const sum = SubnetAlphaIn.get(s, netuid) + SubnetAlphaOut.get(s, netuid)
  return sum > U64_MAX ? U64_MAX : sum
}

/** `SwapInterface::current_alpha_price`: the pool's spot price (U64F64; 1 for root and stable subnets, 0 for an empty alpha reserve). */
export function currentAlphaPrice(s: StorageBackend, netuid: NetUid): Fixed {
  return U64F64.fromBits(currentPrice(subnetPool(s, netuid)))
}

/** `get_moving_alpha_price`: 1 on root and stable (mechanism 0) subnets, else SubnetMovingPrice (I96F32 → U64F64, negatives saturate to 0). */
export function getMovingAlphaPrice(s: StorageBackend, netuid: NetUid): Fixed {
  if (netuid === ROOT || SubnetMechanism.get(s, netuid) === 0) return U64F64.one
  return U64F64.saturatingFromNum(I96F32.fromBits(SubnetMovingPrice.get(s, netuid).bits))
}

/**
 * `update_moving_price`: b = now − (FirstEmissionBlockNumber − 1), α = SubnetMovingAlpha · b/(b + EMAPriceHalvingBlocks),
 * SubnetMovingPrice = α·min(spot, 1) + (1 − α)·SubnetMovingPrice, all U64F64 saturating, stored as I96F32 (fraction truncated to 32 bits).
 */
export function updateMovingPrice(s: StorageBackend, netuid: NetUid, block: bigint): void {
  const first = FirstEmissionBlockNumber.get(s, netuid) ?? 0n
  const startCall = first > 0n ? first - 1n : 0n
  const sinceStart = U64F64.saturatingFromNum(block > startCall ? block - startCall : 0n)
  const halving = U64F64.saturatingFromNum(EMAPriceHalvingBlocks.get(s, netuid))
  const movingAlpha = U64F64.saturatingFromNum(I96F32.fromBits(SubnetMovingAlpha.get(s).bits))
  const alpha = movingAlpha.saturatingMul(sinceStart.safeDiv(sinceStart.saturatingAdd(halving)))
  const oneMinusAlpha = U64F64.one.saturatingSub(alpha)
  const spot = currentAlphaPrice(s, netuid).min(U64F64.one)
  const current = alpha.saturatingMul(spot)
  const moving = oneMinusAlpha.saturatingMul(getMovingAlphaPrice(s, netuid))
  SubnetMovingPrice.set(s, netuid, { bits: I96F32.saturatingFromNum(current.saturatingAdd(moving)).bits })
}

/** `root_proportion`: tw·SubnetTAO[root] / (tw·SubnetTAO[root] + alpha issuance) in U96F32 (0 when both are 0). */
export function rootProportion(s: StorageBackend, netuid: NetUid): Fixed {
  const alphaIssuance = U96F32.saturatingFromNum(getAlphaIssuance(s, netuid))
  const weighted = U96F32.saturatingFromNum(SubnetTAO.get(s, ROOT)).saturatingMul(getTaoWeight(s))
  return weighted.checkedDiv(weighted.saturatingAdd(alphaIssuance)) ?? U96F32.zero
}

/** block_step 5, `update_moving_prices`: the EMA of every subnet emitted to, after the coinbase used the old values. */
export function updateMovingPrices(s: StorageBackend, subnetsToEmitTo: readonly NetUid[], block: bigint): void {
  for (const netuid of subnetsToEmitTo) updateMovingPrice(s, netuid, block)
}

/** block_step 6, `update_root_prop`: RootProp of every subnet emitted to. */
export function updateRootProp(s: StorageBackend, subnetsToEmitTo: readonly NetUid[]): void {
  for (const netuid of subnetsToEmitTo) RootProp.set(s, netuid, { bits: rootProportion(s, netuid).bits })
}
