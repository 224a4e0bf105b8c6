// Which subnets the block's TAO goes to and how much (subtensor.md §8.3 steps 1–2): price-EMA shares weighted by (1 − MinerBurned), the
// emission-disabled subnets' shares handed to the others, the root-sell flag, and each subnet's (tao_in, alpha_in, alpha_out, excess_tao).
// From pallets/subtensor/src/coinbase/subnet_emissions.rs @ 14bc6f9 (`get_subnets_to_emit_to` :22, `get_subnet_block_emissions` :35,
// `get_shares` :399, `get_shares_price_ema` :446) and coinbase/run_coinbase.rs (`get_subnet_terms` :177, `get_network_root_sell_flag` :458).
// The TAO-flow share code (`get_shares_flow`) is dead in spec 425 and not ported.
import type { NetUid } from '../../../primitives/bittensor.ts'
import type { StorageBackend } from '../../../primitives/storage.ts'
import { type Fixed, U64F64, U96F32 } from '../epoch/fixed.ts'
import { MinerBurned } from '../storage/emission.ts'
import { NetworkRegistrationAllowed, SubnetEmissionEnabled } from '../storage/hyperparams.ts'
import { FirstEmissionBlockNumber, NetworksAdded, SubtokenEnabled } from '../storage/subnets.ts'
import { getBlockEmissionForIssuance } from './blockEmission.ts'
import { currentAlphaPrice, getAlphaIssuance, getMovingAlphaPrice, rootProportion } from './movingPrice.ts'

const ROOT = 0


/** `get_subnets_to_emit_to`: non-root subnets with FirstEmissionBlockNumber set, SubtokenEnabled and NetworkRegistrationAllowed, in the given order. */
export function getSubnetsToEmitTo(s: StorageBackend, subnets: readonly NetUid[]): NetUid[] {
  return subnets.filter((n) => n !== ROOT && FirstEmissionBlockNumber.contains(s, n) && SubtokenEnabled.get(s, n) && NetworkRegistrationAllowed.get(s, n))
}

/** `get_shares_price_ema`: SubnetMovingPrice_i / Σ SubnetMovingPrice (U64F64; 0 when the sum is 0). */
function getSharesPriceEma(s: StorageBackend, subnets: readonly NetUid[]): Map<NetUid, Fixed> {
  const total = subnets.reduce((acc, n) => acc.saturatingAdd(getMovingAlphaPrice(s, n)), U64F64.zero)
  return new Map(subnets.map((n) => [n, getMovingAlphaPrice(s, n).checkedDiv(total) ?? U64F64.zero]))
}

/** `get_shares`: price shares × (1 − min(1, MinerBurned)), renormalized; the raw price shares when every weight is 0. Keyed in netuid order. */
export function getShares(s: StorageBackend, subnets: readonly NetUid[]): Map<NetUid, Fixed> {
  const priceShares = sortedByNetuid(getSharesPriceEma(s, subnets))
  const weighted = new Map<NetUid, Fixed>()
  for (const [n, share] of priceShares) {
    const burned = U64F64.saturatingFromNum(U96F32.fromBits(MinerBurned.get(s, n).bits)).min(U64F64.one)
    weighted.set(n, share.saturatingMul(U64F64.one.saturatingSub(burned)))
  }
  const total = [...weighted.values()].reduce((acc, w) => acc.saturatingAdd(w), U64F64.zero)
  if (total.isZero()) return priceShares
  return new Map([...weighted].map(([n, w]) => [n, w.safeDiv(total)]))
}

/**
 * `get_subnet_block_emissions`: each subnet's TAO this block, `U96F32(U64F64(block_emission) · share)`. When any subnet has
 * SubnetEmissionEnabled = false, disabled subnets get 0 and the enabled shares are renormalized among themselves; disabled subnets
 * stay in the map (their alpha side still runs).
 */
export function getSubnetBlockEmissions(s: StorageBackend, subnets: readonly NetUid[], blockEmission: Fixed): Map<NetUid, Fixed> {
  const shares = getShares(s, subnets)
  let hasDisabled = false
  let enabledSum = U64F64.zero
  const rows: Array<[NetUid, Fixed, boolean]> = []
  for (const [n, share] of shares) {
    const enabled = SubnetEmissionEnabled.get(s, n)
    if (enabled) enabledSum = enabledSum.saturatingAdd(share)
    else hasDisabled = true
    rows.push([n, share, enabled])
  }
  const emission = U64F64.saturatingFromNum(blockEmission)
  return new Map(
    rows.map(([n, share, enabled]) => {
      const effective = !hasDisabled ? share : enabled && !enabledSum.isZero() ? share.safeDiv(enabledSum) : U64F64.zero
      return [n, U96F32.saturatingFromNum(emission.saturatingMul(effective))]
    }),
  )
}

/** `get_network_root_sell_flag`: Σ moving prices of the subnets emitted to > 1 (else the root alpha is recycled, not paid). */
export function getNetworkRootSellFlag(s: StorageBackend, subnets: readonly NetUid[]): boolean {
  const total = subnets.reduce((acc, n) => acc.add(getMovingAlphaPrice(s, n)), U64F64.zero)
  return total.gt(U64F64.one)
}

/** One subnet's terms for this block (U96F32). */
export interface SubnetTerms {
  taoIn: Fixed
  alphaIn: Fixed
  alphaOut: Fixed
  excessTao: Fixed
}

/**
 * `get_subnet_terms`, in netuid order: alpha_out = the alpha curve at SubnetAlphaIn + SubnetAlphaOut (which also rewrites BlockEmission),
 * alpha_in = tao_emission / spot price capped at root_proportion · alpha_out (then tao_in = alpha_in · price), excess = tao_emission − tao_in.
 */
export function getSubnetTerms(s: StorageBackend, subnetEmissions: Map<NetUid, Fixed>): Map<NetUid, SubnetTerms> {
  const terms = new Map<NetUid, SubnetTerms>()
  for (const [n, taoEmission] of sortedByNetuid(subnetEmissions)) {
    const alphaEmission = U96F32.saturatingFromNum(getBlockEmissionForIssuance(s, getAlphaIssuance(s, n)) ?? 0n)
    const price = U96F32.saturatingFromNum(currentAlphaPrice(s, n))
    let taoIn = taoEmission
    let alphaIn = taoEmission.checkedDiv(price) ?? U96F32.zero
    const cap = rootProportion(s, n).saturatingMul(alphaEmission)
    if (alphaIn.gt(cap)) {
      alphaIn = cap
      taoIn = alphaIn.saturatingMul(price)
    }
    terms.set(n, { taoIn, alphaIn, alphaOut: alphaEmission, excessTao: taoEmission.saturatingSub(taoIn) })
  }
  return terms
}

function sortedByNetuid<V>(m: Map<NetUid, V>): Map<NetUid, V> {
  return new Map([...m].sort(([a], [b]) => a - b))
}
