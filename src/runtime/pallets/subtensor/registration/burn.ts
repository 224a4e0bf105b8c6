// The registration price (subtensor.md §4.1): per-block exponential decay toward MinBurn with half-life BurnHalfLife, and the ×BurnIncreaseMult bump after each registration.
// From pallets/subtensor/src/subnets/registration.rs @ 14bc6f9 (`update_registration_prices_for_networks` :473, `bump_registration_price_after_registration` :517)
// and utils/misc.rs (`mul_by_q32` :986, `pow_q32`, `decay_factor_q32` :1019).
import type { DispatchContext } from '../../../framework/dispatch.ts'
import type { NetUid } from '../../../primitives/bittensor.ts'
import type { StorageBackend } from '../../../primitives/storage.ts'
import { BurnHalfLife, BurnIncreaseMult } from '../storage/hyperparams.ts'
import { Burn, MaxBurn, MinBurn, RegistrationsThisBlock } from '../storage/neurons.ts'
import { NetworksAdded } from '../storage/subnets.ts'

const U64_MAX = (1n << 64n) - 1n
const ONE_Q32 = 1n << 32n
const ONE_U64F64 = 1n << 64n

/** `mul_by_q32`: value · factor / 2^32, saturating at u64::MAX. */
export function mulByQ32(value: bigint, factorQ32: bigint): bigint {
  const shifted = (value * factorQ32) >> 32n
  return shifted < U64_MAX ? shifted : U64_MAX
}

/** `pow_q32`: base^exp in Q32 by squaring. */
export function powQ32(baseQ32: bigint, exp: number): bigint {
  let result = ONE_Q32
  let factor = baseQ32
  let power = exp
  while (power > 0) {
    if ((power & 1) === 1) result = mulByQ32(result, factor)
    power >>= 1
    if (power > 0) factor = mulByQ32(factor, factor)
  }
  return result
}

/** `decay_factor_q32`: the largest Q32 `f` with f^halfLife ≤ 1/2 (binary search); 1.0 for a zero half-life. */
export function decayFactorQ32(halfLife: number): bigint {
  if (halfLife === 0) return ONE_Q32
  const half = 1n << 31n
  let lo = 0n
  let hi = ONE_Q32
  while (lo + 1n < hi) {
    const mid = lo + ((hi - lo) >> 1n)
    if (powQ32(mid, halfLife) > half) hi = mid
    else lo = mid
  }
  return lo
}

const clamp = (v: bigint, min: bigint, max: bigint) => (v < min ? min : v > max ? max : v)

/**
 * `update_registration_prices_for_networks`, step 1 of `block_step` (on_initialize): for every added network, decay the burn by
 * the per-block factor (from block 2 on), clamp it to [MinBurn, MaxBurn], and reset RegistrationsThisBlock.
 * (The root network's RegistrationsThisInterval reset on its epoch boundary is not done here: root registration does not exist yet.)
 */
export function updateRegistrationPrices(storage: StorageBackend, currentBlock: bigint): { reads: number; writes: number } {
  let reads = 0
  let writes = 0
  for (const [[netuid]] of NetworksAdded.entries(storage)) {
    const burn = Burn.get(storage, netuid)
    const halfLife = BurnHalfLife.get(storage, netuid)
    reads += 4
    let next = burn
    if (halfLife > 0 && currentBlock > 1n) next = mulByQ32(burn, decayFactorQ32(halfLife))
    next = clamp(next, MinBurn.get(storage, netuid), MaxBurn.get(storage, netuid))
    if (next !== burn) {
      Burn.set(storage, netuid, next)
      writes++
    }
    RegistrationsThisBlock.set(storage, netuid, 0)
    writes++
  }
  return { reads: reads + 1, writes }
}

/** `bump_registration_price_after_registration`: burn ← clamp(⌊burn · max(BurnIncreaseMult, 1)⌋, MinBurn, MaxBurn); root is left alone. */
export function bumpRegistrationPrice(ctx: DispatchContext, netuid: NetUid): void {
  if (netuid === 0) return
  const multBits = BurnIncreaseMult.get(ctx.storage, netuid).bits
  const mult = multBits > ONE_U64F64 ? multBits : ONE_U64F64
  const burn = Burn.get(ctx.storage, netuid)
  // U64F64::saturating_from_num(burn).saturating_mul(mult).saturating_to_num::<u64>() truncates toward zero
  let next = (burn * mult) >> 64n
  if (next > U64_MAX) next = U64_MAX
  Burn.set(ctx.storage, netuid, clamp(next, MinBurn.get(ctx.storage, netuid), MaxBurn.get(ctx.storage, netuid)))
}
