// SubtensorModule's on_initialize: `block_step`, step by step in subtensor's order (subtensor.md §8.1).
// From pallets/subtensor/src/macros/hooks.rs @ 14bc6f9 (`on_initialize` :17, `clean_up_hotkey_swap_records` :195) and coinbase/block_step.rs.
//
// Ordering rules (subtensor's own comments):
//  - registration prices move before anything reads them this block;
//  - the coinbase spends this block's credit, so the emission is minted (2) before it runs (4);
//  - moving prices (5) and RootProp (6) are updated AFTER the coinbase used the old ones for the shares and the root split;
//  - pending children (7) would apply after the coinbase advanced LastEpochBlock for the subnets whose epoch fired;
//  - root dividends are auto-claimed (8) after the epochs paid them.
import type { DispatchContext } from '../../../framework/dispatch.ts'
import type { Weight } from '../../../primitives/substrate.ts'
import { reads, weight, writes } from '../../../config.ts'
import { registrationOnInitialize } from '../registration/index.ts'
import { runAutoClaimRootDivs } from '../staking/claimRoot.ts'
import { getBlockEmission } from './blockEmission.ts'
import { updateMovingPrices, updateRootProp } from './movingPrice.ts'
import { runCoinbase } from './runCoinbase.ts'
import { getSubnetsToEmitTo } from './subnetEmissions.ts'
import { allSubnetNetuids } from '../storage/subnets.ts'

/**
 * What on_initialize reports, whatever the block did: block_step's benchmarked constant plus `clean_up_hotkey_swap_records`' reads
 * (2 + one per subnet; this runtime has no hotkey swaps, so no LastHotkeySwapOnNetuid records to read or remove).
 */
export function blockStepWeight(subnetCount: number): Weight {
  return weight(110_634_229_000n + reads(8304) + writes(110) + reads(2 + subnetCount))
}

export function blockStep(ctx: DispatchContext, blockNumber: number): Weight {
  const s = ctx.storage
  const block = BigInt(blockNumber)
  // 1. Registration burn prices (`update_registration_prices_for_networks`).
  registrationOnInitialize(ctx, blockNumber)
  // 2. Mint this block's emission as a credit (`get_block_emission`: halving curve at SubtensorModule.TotalIssuance, capped at 21M).
  const credit = getBlockEmission(ctx)
  // 3. Reveal matured timelocked (CRv3) weight commits: not in this runtime (they need drand), so nothing to reveal.
  // 4. The coinbase: share, inject, emit, drain due epochs and distribute (`run_coinbase`); the credit left is recycled inside.
  runCoinbase(ctx, credit, block)
  // 5./6. Price EMA and RootProp of the subnets emitted to, read afresh as subtensor does (`update_moving_prices`, `update_root_prop`).
  updateMovingPrices(s, getSubnetsToEmitTo(s, allSubnetNetuids(s)), block)
  updateRootProp(s, getSubnetsToEmitTo(s, allSubnetNetuids(s)))
  // 7. Pending child keys (`try_set_pending_children`): this runtime has no set_children yet, so there are none to apply.
  // 8. Auto-claim root dividends for NumRootClaim coldkeys picked by the parent hash (`run_auto_claim_root_divs`).
  runAutoClaimRootDivs(ctx)
  // 9. Root coldkey index maintenance (`populate_root_coldkey_staking_maps*`): a migration aid for chains older than the index; skipped.
  return blockStepWeight(allSubnetNetuids(s).length)
}
