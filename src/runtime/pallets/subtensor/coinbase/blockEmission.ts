// The block emission and the TAO/alpha supply flows of subtensor.md §8.2: the halving curve, minting the block's TAO as a credit that the
// coinbase spends into subnet accounts (whatever is left is recycled), and recycling/burning alpha.
// From pallets/subtensor/src/coinbase/block_emission.rs @ 14bc6f9 (`get_block_emission` :21, `get_block_emission_for_issuance` :38),
// coinbase/tao.rs (`mint_tao` :243, `spend_tao` :262, `recycle_credit` :282, MAX_TAO_ISSUANCE), coinbase/alpha.rs (`recycle_subnet_alpha`,
// `burn_subnet_alpha`) and substrate-fixed v0.6.0 transcendental.rs (`log2`, `log2_inner`, `rs`), the I96F32 arithmetic of epoch/fixed.ts.
//
// The credit flow, as Substrate's fungible `Balanced` runs it (pallet_balances):
//   mint_tao(a)       SubtensorModule.TotalIssuance += a', Balances.TotalIssuance += a' (`issue`, event Balances.Issued), a' = min(a, 21M − Balances issuance)
//   spend_tao(who, p) the credit's p is resolved into `who` (`resolve`, event Balances.Deposit); neither issuance moves
//   recycle_credit    SubtensorModule.TotalIssuance −= rest; the dropped credit takes Balances.TotalIssuance −= rest with it (no event)
// so each block both issuances grow by exactly the TAO the coinbase put into subnet accounts.
import type { DispatchContext } from '../../../framework/dispatch.ts'
import type { AccountId, NetUid } from '../../../primitives/bittensor.ts'
import type { StorageBackend } from '../../../primitives/storage.ts'
import { TotalIssuance as BalancesIssuance, depositInto, events as balancesEvents } from '../../balances/index.ts'
import { type Fixed, I96F32 } from '../epoch/fixed.ts'
import { BlockEmission, DEFAULT_BLOCK_EMISSION } from '../storage/emission.ts'
import { TotalIssuance } from '../storage/stake.ts'
import { SubnetAlphaOut } from '../storage/subnets.ts'

export { DEFAULT_BLOCK_EMISSION }
/** `TotalSupply` (lib.rs:452): 21M TAO, where the block emission reaches 0. */
export const TOTAL_SUPPLY = 21_000_000_000_000_000n
/** `MAX_TAO_ISSUANCE` (tao.rs): mint_tao never takes Balances' issuance past 21M TAO. */
export const MAX_TAO_ISSUANCE = 21_000_000_000_000_000n

const U64_MAX = (1n << 64n) - 1n
const satSub = (a: bigint, b: bigint) => (a > b ? a - b : 0n)

// ---- log2 (substrate-fixed transcendental.rs) on I96F32 -------------------------------------------------------------------------------

const ONE = I96F32.one
const TWO = I96F32.fromNum(2n)
/** `rs`: a right shift by one that rounds (adds back the bit shifted out). */
const rs = (x: Fixed): Fixed => I96F32.fromBits((x.bits >> 1n) + (x.bits & 1n))

/**
 * `log2_inner` for x ≥ 1: count the halvings down below 2 (each adds one *bit* to the result, which then reads as that integer when x
 * reaches exactly 1), then 32 rounds of squaring, each shifting in one fraction bit.
 */
function log2Inner(operand: Fixed): Fixed {
  let x = operand
  let result = 0n
  while (x.ge(TWO)) {
    result += 1n
    x = rs(x)
  }
  if (x.eq(ONE)) return I96F32.fromNum(result)
  for (let i = 0; i < I96F32.fracBits; i++) {
    x = x.mul(x)
    result <<= 1n
    if (x.ge(TWO)) {
      result |= 1n
      x = rs(x)
    }
  }
  return I96F32.fromBits(I96F32.wrap(result))
}

/** `transcendental::log2::<I96F32, I96F32>`; `undefined` for x ≤ 0 (its `Err(())`). */
export function log2(x: Fixed): Fixed | undefined {
  if (x.bits <= 0n) return undefined
  if (x.lt(ONE)) {
    const inverse = ONE.checkedDiv(x)
    return inverse === undefined ? undefined : log2Inner(inverse).checkedNeg()
  }
  return log2Inner(x)
}

// ---- The halving curve ----------------------------------------------------------------------------------------------------------------

const HALF_SUPPLY_X2 = I96F32.saturatingFromNum(2.0).saturatingMul(I96F32.saturatingFromNum(10_500_000_000_000_000.0))
const DEFAULT_EMISSION_F = I96F32.saturatingFromNum(DEFAULT_BLOCK_EMISSION)

/**
 * `get_block_emission_for_issuance` without its storage write: `r = floor(log2(1 / (1 − issuance / 21e15)))` in I96F32, then
 * `floor((1 / 2^r) · 1e9)`, and 0 from the total supply on. `undefined` is the Rust's `Err("Logarithm calculation failed")`.
 */
export function blockEmissionForIssuance(issuance: bigint): bigint {
  return tryBlockEmissionForIssuance(issuance) ?? 0n
}

export function tryBlockEmissionForIssuance(issuance: bigint): bigint | undefined {
  const total = I96F32.saturatingFromNum(issuance > U64_MAX ? U64_MAX : issuance)
  if (total.ge(I96F32.saturatingFromNum(TOTAL_SUPPLY))) return 0n
  const ratio = total.checkedDiv(HALF_SUPPLY_X2)
  if (ratio === undefined) return undefined
  const rest = ONE.checkedSub(ratio)
  if (rest === undefined) return undefined
  const inverse = ONE.checkedDiv(rest)
  if (inverse === undefined) return undefined
  const residual = log2(inverse)
  if (residual === undefined) return undefined
  // floor, then saturating_to_num::<u64>
  const halvings = residual.floor() < 0n ? 0n : residual.floor()
  let multiplier = ONE
  for (let i = 0n; i < halvings; i++) {
    multiplier = multiplier.saturatingMul(TWO)
    if (multiplier.bits === I96F32.maxBits) break // saturated: further doublings change nothing
  }
  return ONE.safeDiv(multiplier).saturatingMul(DEFAULT_EMISSION_F).saturatingToU64()
}

/** `get_block_emission_for_issuance`: the emission for `issuance`, written to BlockEmission when it differs (the alpha curve writes it too). */
export function getBlockEmissionForIssuance(s: StorageBackend, issuance: bigint): bigint | undefined {
  const emission = tryBlockEmissionForIssuance(issuance)
  if (emission !== undefined && BlockEmission.get(s) !== emission) BlockEmission.set(s, emission)
  return emission
}

// ---- TAO: mint, spend, recycle --------------------------------------------------------------------------------------------------------

/** A `Credit` of freshly issued TAO: Balances' issuance already counts it; it must be resolved into accounts or recycled. */
export interface Credit {
  amount: bigint
}

/** `mint_tao`: issue min(amount, 21M − Balances issuance); both issuances grow by it. */
export function mintTao(ctx: DispatchContext, amount: bigint): Credit {
  const s = ctx.storage
  const current = BalancesIssuance.get(s)
  const issue = amount < satSub(MAX_TAO_ISSUANCE, current) ? amount : satSub(MAX_TAO_ISSUANCE, current)
  TotalIssuance.mutate(s, (t) => (t + issue > U64_MAX ? U64_MAX : t + issue))
  if (issue > 0n) {
    BalancesIssuance.set(s, current + issue)
    ctx.deposit(balancesEvents.Issued({ amount: issue }))
  }
  return { amount: issue }
}

/** `get_block_emission`: the block's emission at SubtensorModule.TotalIssuance (BlockEmission updated), minted; a zero credit when none. */
export function getBlockEmission(ctx: DispatchContext): Credit {
  const emission = getBlockEmissionForIssuance(ctx.storage, TotalIssuance.get(ctx.storage))
  if (emission === undefined || emission === 0n) return { amount: 0n }
  return mintTao(ctx, emission)
}

/** `spend_tao(who, credit, part)`: resolves `part` of the credit into `who`. False (credit untouched) when the credit is short or the deposit fails. */
export function spendTao(ctx: DispatchContext, who: AccountId, credit: Credit, part: bigint): boolean {
  if (credit.amount < part) return false
  if (!depositInto(ctx, who, part)) return false
  credit.amount -= part
  return true
}

/** `recycle_credit`: what is left of the credit leaves SubtensorModule.TotalIssuance, and (the credit being dropped) Balances.TotalIssuance. */
export function recycleCredit(ctx: DispatchContext, credit: Credit): void {
  const rest = credit.amount
  if (rest === 0n) return
  TotalIssuance.mutate(ctx.storage, (t) => satSub(t, rest))
  BalancesIssuance.mutate(ctx.storage, (t) => satSub(t, rest))
  credit.amount = 0n
}

// ---- Alpha -----------------------------------------------------------------------------------------------------------------------------

/**
 * `recycle_subnet_alpha`: the alpha leaves SubnetAlphaOut (so the alpha issuance, and the halving of the alpha curve, see it gone).
 * subtensor also books it in the AlphaAssets pallet (TotalAlphaIssuance −=, AlphaRecycled +=), which this runtime does not have.
 */
export function recycleSubnetAlpha(s: StorageBackend, netuid: NetUid, amount: bigint): void {
  if (amount === 0n) return
  SubnetAlphaOut.mutate(s, netuid, (a) => satSub(a, amount))
}

/**
 * `burn_subnet_alpha`: nothing in SubtensorModule changes — the alpha stays counted in SubnetAlphaOut but belongs to nobody. subtensor only
 * books it in AlphaAssets.AlphaBurned (a pallet this runtime does not have).
 */
export function burnSubnetAlpha(_s: StorageBackend, _netuid: NetUid, _amount: bigint): void {}
