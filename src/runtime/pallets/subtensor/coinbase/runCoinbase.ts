// `run_coinbase` (subtensor.md §8.3–8.4): each block, the minted TAO goes into the subnets it is shared to (pool injection and chain buys),
// alpha is minted for the pools and for each subnet's participants (owner cut, miners, validators, root), and the subnets whose epoch is
// due drain their pending pots into `distribute_emission` (distribute.ts).
// From pallets/subtensor/src/coinbase/run_coinbase.rs @ 14bc6f9 (`run_coinbase` :23, `inject_and_maybe_swap` :73, `emit_to_subnets` :232,
// `drain_pending` :354, `distribute_emissions_to_subnets` :437), coinbase/subnet_emissions.rs (`record_protocol_inflow`) and
// pallets/swap/src/pallet/impls.rs (`adjust_protocol_liquidity` :84, `do_swap`/`swap_inner`: maybe_initialize_palswap before a swap).
import { hexToU8a } from '@polkadot/util'
import type { DispatchContext, RuntimeEventLike } from '../../../framework/dispatch.ts'
import type { NetUid } from '../../../primitives/bittensor.ts'
import type { StorageBackend } from '../../../primitives/storage.ts'
import { OverlayStorage } from '../../../executive/overlay.ts'
import { MAX_PRICE_RAO, SwapBalancer, adjustProtocolLiquidity, subnetPool } from '../../swap/index.ts'
import { type Fixed, U96F32 } from '../epoch/fixed.ts'
import { events } from '../events.ts'
import { subnetAccountId, swapTaoForAlphaInSubnet } from '../staking/pools.ts'
import { TotalStake, SubnetRootSellTao } from '../storage/stake.ts'
import {
  PendingOwnerCut,
  PendingRootAlphaDivs,
  PendingServerEmission,
  PendingValidatorEmission,
  SubnetAlphaInEmission,
  SubnetAlphaOutEmission,
  SubnetExcessTao,
  SubnetProtocolAlpha,
  SubnetProtocolFlow,
  SubnetTaoInEmission,
} from '../storage/emission.ts'
import { MaxEpochsPerBlock, OwnerCutEnabled, SubnetOwnerCut } from '../storage/hyperparams.ts'
import { allSubnetNetuids, BlocksSinceLastStep, LastEpochBlock, LastMechansimStepBlock, PendingEpochAt, SubnetAlphaIn, SubnetAlphaOut, SubnetEpochIndex, SubnetMechanism, SubnetTAO } from '../storage/subnets.ts'
import { type Credit, recycleCredit, recycleSubnetAlpha, spendTao } from './blockEmission.ts'
import { distributeEmission } from './distribute.ts'
import { rootProportion } from './movingPrice.ts'
import { isEpochInputStateConsistent, shouldRunEpoch } from './schedule.ts'
import { type SubnetTerms, getNetworkRootSellFlag, getSubnetBlockEmissions, getSubnetTerms, getSubnetsToEmitTo } from './subnetEmissions.ts'

const U64_MAX = (1n << 64n) - 1n
const I64_MAX = (1n << 63n) - 1n
const satAdd = (a: bigint, b: bigint, max = U64_MAX) => (a + b > max ? max : a + b)
const HALF = U96F32.saturatingFromNum(0.5)
const U16_MAX_F = U96F32.saturatingFromNum(65_535n)

/** What an epoch drains: (pending server, pending validator, pending root, owner cut) alpha. */
export type PendingPots = readonly [server: bigint, validator: bigint, root: bigint, ownerCut: bigint]

/**
 * `run_coinbase(credit)`: clear last block's root-sell counters, share the credit among the subnets emitted to, emit, then drain and
 * distribute the subnets whose epoch is due. Returns the subnets emitted to (block_step's steps 5 and 6 use the same list).
 */
export function runCoinbase(ctx: DispatchContext, credit: Credit, block: bigint): NetUid[] {
  const s = ctx.storage
  SubnetRootSellTao.clear(s)
  const subnets = allSubnetNetuids(s).filter((n) => n !== 0)
  const toEmit = getSubnetsToEmitTo(s, subnets)
  const emissions = getSubnetBlockEmissions(s, toEmit, U96F32.saturatingFromNum(credit.amount))
  const rootSellFlag = getNetworkRootSellFlag(s, toEmit)
  emitToSubnets(ctx, toEmit, emissions, credit, rootSellFlag)
  distributeEmissionsToSubnets(ctx, drainPending(ctx, subnets, block), block)
  return toEmit
}

/** `record_protocol_inflow`: SubnetProtocolFlow += tao (i64, saturating). Only the dead flow-share code would read it. */
function recordProtocolInflow(s: StorageBackend, netuid: NetUid, tao: bigint): void {
  SubnetProtocolFlow.mutate(s, netuid, (f) => (f + tao > I64_MAX ? I64_MAX : f + tao))
}

/**
 * The chain buy: `swap_tao_for_alpha(netuid, tao, max_price, drop_fees = true)` in its own transaction, as the Swap pallet's `do_swap`
 * runs it — the input-size guard and the reserve guard first, then `maybe_initialize_palswap(None)` (a balancer never swapped on is
 * reset to 0.5/0.5 before pricing), then the swap; an error rolls all of it back. Returns the alpha bought and the TAO that went in.
 */
function chainBuy(ctx: DispatchContext, netuid: NetUid, tao: bigint): { alpha: bigint; taoIn: bigint } | undefined {
  const layer = new OverlayStorage(ctx.storage)
  const deposited: RuntimeEventLike[] = []
  const inner: DispatchContext = { storage: layer, deposit: (e) => void deposited.push(e), dispatch: () => undefined }
  try {
    // (a balancer never initialised is priced at 0.5/0.5 and initialised by the swap itself: staking/pools.ts)
    const r = swapTaoForAlphaInSubnet(inner, netuid, tao, MAX_PRICE_RAO, true)
    for (const [key, value] of layer.changes()) ctx.storage.set(hexToU8a(key), value)
    for (const e of deposited) ctx.deposit(e)
    return { alpha: r.amountPaidOut, taoIn: r.amountPaidIn }
  } catch {
    return undefined // subtensor ignores a failed chain buy: the TAO stays in the subnet account
  }
}

/**
 * `inject_and_maybe_swap`: per subnet emitted to, re-weight the pool for (tao_in, alpha_in) (`adjust_protocol_liquidity`; a refused
 * re-weighting injects nothing), spend the excess TAO into the subnet account and chain-buy alpha with it (→ SubnetProtocolAlpha),
 * mint alpha_in into SubnetAlphaIn, spend tao_in into the subnet account and the pool (SubnetTAO, TotalStake). The credit left is recycled.
 */
export function injectAndMaybeSwap(ctx: DispatchContext, subnetsToEmitTo: readonly NetUid[], terms: Map<NetUid, SubnetTerms>, credit: Credit): void {
  const s = ctx.storage
  for (const netuid of subnetsToEmitTo) {
    const account = subnetAccountId(ctx, netuid)
    if (account === undefined) continue
    const t = terms.get(netuid)
    const taoIn = t ? t.taoIn.saturatingToU64() : 0n
    const alphaIn = t ? t.alphaIn.saturatingToU64() : 0n
    const toSwap = t ? t.excessTao.saturatingToU64() : 0n

    const pool = subnetPool(s, netuid)
    const adjusted = adjustProtocolLiquidity(pool, taoIn, alphaIn)
    // adjustProtocolLiquidity hands back the same pool when the new weight is out of range (nothing is written then)
    if (adjusted.pool !== pool) SwapBalancer.set(s, netuid, { quote: adjusted.pool.quoteWeight })
    const injectedTao = adjusted.taoInjected
    const injectedAlpha = adjusted.alphaInjected

    SubnetExcessTao.set(s, netuid, 0n)
    SubnetTaoInEmission.set(s, netuid, 0n)

    if (toSwap > 0n && spendTao(ctx, account, credit, toSwap)) {
      const bought = chainBuy(ctx, netuid, toSwap)
      if (bought !== undefined) {
        SubnetProtocolAlpha.mutate(s, netuid, (a) => satAdd(a, bought.alpha))
        SubnetExcessTao.set(s, netuid, bought.taoIn)
        recordProtocolInflow(s, netuid, bought.taoIn)
      }
    }

    SubnetAlphaInEmission.set(s, netuid, injectedAlpha)
    if (injectedAlpha > 0n) SubnetAlphaIn.mutate(s, netuid, (a) => satAdd(a, injectedAlpha))

    if (injectedTao > 0n && spendTao(ctx, account, credit, injectedTao)) {
      SubnetTaoInEmission.set(s, netuid, injectedTao)
      SubnetTAO.mutate(s, netuid, (x) => satAdd(x, injectedTao))
      TotalStake.mutate(s, (x) => satAdd(x, injectedTao))
      recordProtocolInflow(s, netuid, injectedTao)
    }
  }
  recycleCredit(ctx, credit)
}

/**
 * `emit_to_subnets`: the pool side (`inject_and_maybe_swap`), then per subnet mint alpha_out into SubnetAlphaOut and pend it:
 * owner cut = alpha_out · SubnetOwnerCut/65535 (if OwnerCutEnabled), root = RootProp(live) · rest · ½, server = rest · ½,
 * validator = rest − server − root; the root part is pended only when `rootSellFlag`, else recycled. Every pot adds a floor.
 */
export function emitToSubnets(ctx: DispatchContext, subnetsToEmitTo: readonly NetUid[], emissions: Map<NetUid, Fixed>, credit: Credit, rootSellFlag: boolean): void {
  const s = ctx.storage
  const terms = getSubnetTerms(s, emissions)
  injectAndMaybeSwap(ctx, subnetsToEmitTo, terms, credit)
  const cutPercent = U96F32.saturatingFromNum(SubnetOwnerCut.get(s)).safeDiv(U16_MAX_F)
  for (const netuid of subnetsToEmitTo) {
    let alphaOut = terms.get(netuid)?.alphaOut ?? U96F32.zero
    const created = alphaOut.saturatingToU64()
    SubnetAlphaOutEmission.set(s, netuid, created)
    if (created > 0n) SubnetAlphaOut.mutate(s, netuid, (a) => satAdd(a, created))
    if (OwnerCutEnabled.get(s, netuid)) {
      const ownerCut = alphaOut.saturatingMul(cutPercent)
      alphaOut = alphaOut.saturatingSub(ownerCut)
      PendingOwnerCut.mutate(s, netuid, (p) => satAdd(p, ownerCut.saturatingToU64()))
    }
    const rootAlpha = rootProportion(s, netuid).saturatingMul(alphaOut).saturatingMul(HALF)
    const server = alphaOut.saturatingMul(HALF)
    const validator = alphaOut.saturatingSub(server).saturatingSub(rootAlpha)
    PendingServerEmission.mutate(s, netuid, (p) => satAdd(p, server.saturatingToU64()))
    PendingValidatorEmission.mutate(s, netuid, (p) => satAdd(p, validator.saturatingToU64()))
    if (rootSellFlag) PendingRootAlphaDivs.mutate(s, netuid, (p) => satAdd(p, rootAlpha.saturatingToU64()))
    else recycleSubnetAlpha(s, netuid, rootAlpha.saturatingToU64())
  }
}

/**
 * `drain_pending`: in subnet order, BlocksSinceLastStep += 1; a due epoch (`should_run_epoch`) beyond MaxEpochsPerBlock is deferred to the
 * next block (PendingEpochAt, EpochDeferred); otherwise, with consistent inputs, the four pots are drained (BlocksSinceLastStep = 0), or
 * EpochSkipped; either way the slot is consumed (LastEpochBlock = now, PendingEpochAt = 0, SubnetEpochIndex += 1).
 * subtensor's `change_subnet_owner_if_needed` (conviction locks) has nothing to act on here: this runtime has no locks.
 */
export function drainPending(ctx: DispatchContext, subnets: readonly NetUid[], block: bigint): Map<NetUid, PendingPots> {
  const s = ctx.storage
  const drained = new Map<NetUid, PendingPots>()
  const cap = MaxEpochsPerBlock.get(s)
  let run = 0
  for (const netuid of subnets) {
    BlocksSinceLastStep.mutate(s, netuid, (b) => satAdd(b, 1n))
    if (!shouldRunEpoch(s, netuid, block)) continue
    if (run >= cap) {
      PendingEpochAt.set(s, netuid, block + 1n)
      ctx.deposit(events.EpochDeferred({ netuid, fromBlock: block, toBlock: block + 1n }))
      continue
    }
    if (isEpochInputStateConsistent(s, netuid)) {
      BlocksSinceLastStep.set(s, netuid, 0n)
      const server = PendingServerEmission.get(s, netuid)
      PendingServerEmission.set(s, netuid, 0n)
      const validator = PendingValidatorEmission.get(s, netuid)
      PendingValidatorEmission.set(s, netuid, 0n)
      const root = PendingRootAlphaDivs.get(s, netuid)
      PendingRootAlphaDivs.set(s, netuid, 0n)
      const ownerCut = PendingOwnerCut.get(s, netuid)
      PendingOwnerCut.set(s, netuid, 0n)
      drained.set(netuid, [server, validator, root, ownerCut])
      run += 1
    } else {
      ctx.deposit(events.EpochSkipped({ netuid, block }))
    }
    LastEpochBlock.set(s, netuid, block)
    PendingEpochAt.set(s, netuid, 0n)
    SubnetEpochIndex.mutate(s, netuid, (i) => satAdd(i, 1n))
  }
  return drained
}

/** `distribute_emissions_to_subnets`: in netuid order, `distribute_emission` then LastMechansimStepBlock = now. */
export function distributeEmissionsToSubnets(ctx: DispatchContext, drained: Map<NetUid, PendingPots>, block: bigint): void {
  for (const [netuid, [server, validator, root, ownerCut]] of [...drained].sort(([a], [b]) => a - b)) {
    distributeEmission(ctx, netuid, server, validator, root, ownerCut, block)
    LastMechansimStepBlock.set(ctx.storage, netuid, block)
  }
}
