// Stake in and out of a subnet (subtensor.md §5.4): the checks every staking call shares, buying alpha into a hotkey's share pool, selling it back, and moving it within a subnet.
// From pallets/subtensor/src/staking/stake_utils.rs @ 14bc6f9 (`unstake_from_subnet` :742, `stake_into_subnet` :851, `transfer_stake_within_subnet` :957,
// `validate_add_stake` :1057, `validate_remove_stake` :1135, `validate_stake_transition` :1230), staking/helpers.rs (`maybe_become_delegate` :167,
// `clear_small_nomination_if_required` :227), staking/add_stake.rs (`get_max_amount_add`), remove_stake.rs (`get_max_amount_remove`) and move_stake.rs (`get_max_amount_move`).
// Root stake (netuid 0) keeps the root-claim watermark and the auto-claim coldkey index up to date (claimRoot.ts), where subtensor does.
// Not here yet: conviction locks (`ensure_available_to_unstake` never refuses, as no stake is locked), TAO flow records.
import type { DispatchContext } from '../../../framework/dispatch.ts'
import { dispatchError } from '../../../framework/dispatch.ts'
import type { AccountId, NetUid } from '../../../primitives/bittensor.ts'
import type { StorageBackend } from '../../../primitives/storage.ts'
import { Number as SystemNumber } from '../../system/storage.ts'
import {
  MAX_PRICE_RAO, MIN_PRICE_RAO, RAO_PER_TAO, U64_MAX, currentPrice, fxDiv, fxFromInt, fxMul, fxSub, fxToU64, maxAmountAdd, maxAmountRemove,
  subnetPool, swapPool, swapTaoForAlpha, swapAlphaForTao,
} from '../../swap/index.ts'
import { events } from '../events.ts'
import { TransferToggle } from '../storage/hyperparams.ts'
import { OwnedHotkeys, Owner } from '../storage/neurons.ts'
import { Alpha, AlphaV2, Delegates, LastColdkeyHotkeyStakeBlock, StakingHotkeys } from '../storage/stake.ts'
import { NetworksAdded, SubnetAlphaIn, SubnetMechanism, SubnetTAO, SubtokenEnabled } from '../storage/subnets.ts'
import { NominatorMinRequiredStake } from '../storage/hyperparams.ts'
import { DEFAULT_MIN_STAKE, blockAuthor, coldkeyBalance, isSubnetAccountId, swapAlphaForTaoInSubnet, swapTaoForAlphaInSubnet, transferTaoFromSubnet, transferTaoToSubnet } from './pools.ts'
import { canIncreaseStake, decreaseStake, getStake, increaseStake } from './shares.ts'
import { addStakeAdjustRootClaimedForHotkeyAndColdkey, coldkeyHasRootStake, maybeAddColdkeyIndex, maybeRemoveColdkeyIndex, removeStakeAdjustRootClaimedForHotkeyAndColdkey } from './claimRoot.ts'

const P = 'SubtensorModule'
const satAdd = (a: bigint, b: bigint) => (a + b > U64_MAX ? U64_MAX : a + b)
const satSub = (a: bigint, b: bigint) => (a > b ? a - b : 0n)
const min = (a: bigint, b: bigint) => (a < b ? a : b)
const now = (s: StorageBackend) => BigInt(SystemNumber.get(s))
const isStable = (s: StorageBackend, netuid: NetUid) => netuid === 0 || SubnetMechanism.get(s, netuid) === 0

/** `if_subnet_exist`. */
export const subnetExists = (s: StorageBackend, netuid: NetUid): boolean => NetworksAdded.get(s, netuid)
/** `hotkey_account_exists`: the hotkey has an owning coldkey. */
export const hotkeyAccountExists = (s: StorageBackend, hotkey: AccountId): boolean => Owner.contains(s, hotkey)

export function ensureSubtokenEnabled(s: StorageBackend, netuid: NetUid): void {
  if (!SubtokenEnabled.get(s, netuid)) throw dispatchError(P, 'SubtokenDisabled')
}

const swapError = (r: { ok: false; error: string }) => dispatchError('Swap', r.error)

/** `get_max_amount_add`: gross TAO that can be staked before the price passes `limitPrice` (RAO per alpha). */
export function getMaxAmountAdd(s: StorageBackend, netuid: NetUid, limitPrice: bigint): bigint {
  if (isStable(s, netuid)) return limitPrice >= RAO_PER_TAO ? U64_MAX : 0n
  const r = maxAmountAdd(swapPool(s, netuid), limitPrice)
  if (!r.ok) throw swapError(r)
  return r.amount
}

/** `get_max_amount_remove`: gross alpha that can be sold before the price falls to `limitPrice`. */
export function getMaxAmountRemove(s: StorageBackend, netuid: NetUid, limitPrice: bigint): bigint {
  if (isStable(s, netuid)) return limitPrice <= RAO_PER_TAO ? U64_MAX : 0n
  const r = maxAmountRemove(swapPool(s, netuid), limitPrice)
  if (!r.ok) throw swapError(r)
  return r.amount
}

/** `get_max_amount_move`: alpha that can move from `origin` to `destination` before their price ratio passes `limitPrice`. */
export function getMaxAmountMove(s: StorageBackend, origin: NetUid, destination: NetUid, limitPrice: bigint): bigint {
  const tao = fxFromInt(RAO_PER_TAO)
  const originStable = isStable(s, origin)
  const destinationStable = isStable(s, destination)
  if (originStable && destinationStable) return limitPrice > RAO_PER_TAO ? 0n : U64_MAX
  if (originStable && SubnetMechanism.get(s, destination) === 1) {
    if (limitPrice === 0n) return U64_MAX
    const destinationPrice = fxToU64(fxMul(fxDiv(tao, fxFromInt(limitPrice)), tao))
    return getMaxAmountAdd(s, destination, destinationPrice)
  }
  if (destinationStable && SubnetMechanism.get(s, origin) === 1) return getMaxAmountRemove(s, origin, limitPrice)

  const tao1 = SubnetTAO.get(s, origin)
  const tao2 = SubnetTAO.get(s, destination)
  if (tao1 === 0n || tao2 === 0n) return 0n
  const alpha1 = SubnetAlphaIn.get(s, origin)
  const alpha2 = SubnetAlphaIn.get(s, destination)
  if (alpha1 === 0n || alpha2 === 0n) return 0n
  // U64F64 checked_div: None (→ 0) only on division by zero
  const limit = fxDiv(fxFromInt(limitPrice), tao)
  const price = fxDiv(currentPrice(subnetPool(s, origin)), currentPrice(subnetPool(s, destination)))
  if (limit > price) return 0n
  if (limitPrice === 0n) return U64_MAX
  const sum = fxFromInt(tao1) + fxFromInt(tao2)
  const t1 = fxDiv(fxFromInt(tao1), sum)
  const t2 = fxDiv(fxFromInt(tao2), sum)
  return fxToU64(fxSub(fxDiv(fxMul(fxFromInt(alpha2), t1), limit), fxMul(fxFromInt(alpha1), t2)))
}

/** `validate_add_stake`: what add_stake and add_stake_limit check before anything moves. */
export function validateAddStake(s: StorageBackend, coldkey: AccountId, hotkey: AccountId, netuid: NetUid, amount: bigint, maxAmount: bigint, allowPartial: boolean): void {
  if (!subnetExists(s, netuid)) throw dispatchError(P, 'SubnetNotExists')
  ensureSubtokenEnabled(s, netuid)
  const pool = swapPool(s, netuid)
  const minAmount = satAdd(DEFAULT_MIN_STAKE, simFee(pool, DEFAULT_MIN_STAKE))
  if (amount < minAmount) throw dispatchError(P, 'AmountTooLow')
  let stake = amount
  if (!allowPartial) {
    if (amount > maxAmount) throw dispatchError(P, 'SlippageTooHigh')
  } else stake = min(maxAmount, amount)
  if (stake > coldkeyBalance({ storage: s }, coldkey)) throw dispatchError(P, 'NotEnoughBalanceToStake')
  if (!hotkeyAccountExists(s, hotkey)) throw dispatchError(P, 'HotKeyAccountNotExists')
  const sim = swapTaoForAlpha(pool, stake, { limitPriceRao: MAX_PRICE_RAO, simulate: true })
  if (!sim.ok) throw dispatchError(P, 'InsufficientLiquidity')
  if (sim.result.amountPaidIn < DEFAULT_MIN_STAKE) throw dispatchError(P, 'AmountTooLow')
  if (sim.result.amountPaidOut === 0n) throw dispatchError(P, 'InsufficientLiquidity')
  if (!canIncreaseStake(s, hotkey, netuid, sim.result.amountPaidOut)) throw dispatchError(P, 'InsufficientLiquidity')
}

/** The fee `sim_swap` quotes for buying with `tao` (`approx_fee_amount` when the simulation fails). */
function simFee(pool: ReturnType<typeof subnetPool>, tao: bigint): bigint {
  const sim = swapTaoForAlpha(pool, tao, { limitPriceRao: MAX_PRICE_RAO, simulate: true })
  if (sim.ok) return sim.result.feePaid
  return pool.mechanism === 1 ? (tao * BigInt(pool.feeRate)) / 65_535n : 0n
}

/** `validate_remove_stake`: what remove_stake and its variants check before anything moves. */
export function validateRemoveStake(s: StorageBackend, coldkey: AccountId, hotkey: AccountId, netuid: NetUid, alpha: bigint, maxAmount: bigint, allowPartial: boolean): void {
  if (!subnetExists(s, netuid)) throw dispatchError(P, 'SubnetNotExists')
  if (alpha === 0n) throw dispatchError(P, 'AmountTooLow')
  const current = getStake(s, hotkey, coldkey, netuid)
  if (current < alpha) throw dispatchError(P, 'NotEnoughStakeToWithdraw')
  const remaining = current - alpha
  const sim = swapAlphaForTao(swapPool(s, netuid), alpha, { limitPriceRao: MIN_PRICE_RAO, simulate: true })
  if (!sim.ok) throw dispatchError(P, 'InsufficientLiquidity')
  if (remaining !== 0n && sim.result.amountPaidOut < DEFAULT_MIN_STAKE) throw dispatchError(P, 'AmountTooLow')
  if (!allowPartial && alpha > maxAmount) throw dispatchError(P, 'SlippageTooHigh')
  if (!hotkeyAccountExists(s, hotkey)) throw dispatchError(P, 'HotKeyAccountNotExists')
}

/** `validate_stake_transition`: move, transfer and swap of stake, before anything moves. */
export function validateStakeTransition(
  s: StorageBackend,
  t: { originColdkey: AccountId; destinationColdkey: AccountId; originHotkey: AccountId; destinationHotkey: AccountId; originNetuid: NetUid; destinationNetuid: NetUid },
  alpha: bigint,
  maxAmount: bigint,
  allowPartial: boolean | undefined,
  checkTransferToggle: boolean,
): void {
  const crossSubnet = t.originNetuid !== t.destinationNetuid
  if (t.originColdkey === t.destinationColdkey && t.originHotkey === t.destinationHotkey && !crossSubnet) throw dispatchError(P, 'SameNetuid')
  if (!subnetExists(s, t.originNetuid)) throw dispatchError(P, 'SubnetNotExists')
  if (crossSubnet && !subnetExists(s, t.destinationNetuid)) throw dispatchError(P, 'SubnetNotExists')
  ensureSubtokenEnabled(s, t.originNetuid)
  ensureSubtokenEnabled(s, t.destinationNetuid)
  if (!hotkeyAccountExists(s, t.originHotkey)) throw dispatchError(P, 'HotKeyAccountNotExists')
  if (!hotkeyAccountExists(s, t.destinationHotkey)) throw dispatchError(P, 'HotKeyAccountNotExists')
  if (alpha > getStake(s, t.originHotkey, t.originColdkey, t.originNetuid)) throw dispatchError(P, 'NotEnoughStakeToWithdraw')
  if (crossSubnet) {
    const sim = swapAlphaForTao(swapPool(s, t.originNetuid), alpha, { limitPriceRao: MIN_PRICE_RAO, simulate: true })
    if (!sim.ok) throw dispatchError(P, 'InsufficientLiquidity')
    if (sim.result.amountPaidOut <= DEFAULT_MIN_STAKE) throw dispatchError(P, 'AmountTooLow')
    if (allowPartial === false && alpha > maxAmount) throw dispatchError(P, 'SlippageTooHigh')
  }
  if (checkTransferToggle) {
    if (!TransferToggle.get(s, t.originNetuid)) throw dispatchError(P, 'TransferDisallowed')
    if (crossSubnet && !TransferToggle.get(s, t.destinationNetuid)) throw dispatchError(P, 'TransferDisallowed')
  }
}

/** `increase_stake_for_hotkey_and_coldkey_on_subnet`: credit shares, and remember the hotkey in the coldkey's StakingHotkeys. */
export function creditStake(s: StorageBackend, hotkey: AccountId, coldkey: AccountId, netuid: NetUid, alpha: bigint): void {
  if (alpha !== 0n) StakingHotkeys.mutate(s, coldkey, (hks) => (hks.includes(hotkey) ? hks : [...hks, hotkey]))
  increaseStake(s, hotkey, coldkey, netuid, alpha)
}

/**
 * `create_account_if_non_existent`: a hotkey without an Owner becomes the coldkey's (Owner, OwnedHotkeys, StakingHotkeys).
 * Subnet accounts can never be hotkeys (`CannotUseSystemAccount`).
 */
export function createAccountIfNonExistent(s: StorageBackend, coldkey: AccountId, hotkey: AccountId): void {
  if (isSubnetAccountId(hotkey)) throw dispatchError(P, 'CannotUseSystemAccount')
  if (Owner.contains(s, hotkey)) return
  Owner.set(s, hotkey, coldkey)
  OwnedHotkeys.mutate(s, coldkey, (hks) => (hks.includes(hotkey) ? hks : [...hks, hotkey]))
  StakingHotkeys.mutate(s, coldkey, (hks) => (hks.includes(hotkey) ? hks : [...hks, hotkey]))
}

/** `maybe_become_delegate`: a hotkey others stake to is written down as a delegate with its (default) take. */
export function maybeBecomeDelegate(s: StorageBackend, hotkey: AccountId): void {
  if (!Delegates.contains(s, hotkey)) Delegates.set(s, hotkey, Delegates.get(s, hotkey))
}

/**
 * `stake_into_subnet`: the coldkey's TAO goes to the subnet account and buys alpha (up to `limitPrice`), which is credited to the
 * hotkey's pool for the coldkey; the block author is paid the TAO fee. Emits StakeAdded; returns the alpha bought.
 */
export function stakeIntoSubnet(ctx: DispatchContext, hotkey: AccountId, coldkey: AccountId, netuid: NetUid, tao: bigint, limitPrice: bigint, dropFees: boolean): bigint {
  const s = ctx.storage
  const staked = transferTaoToSubnet(ctx, netuid, coldkey, tao)
  const swap = swapTaoForAlphaInSubnet(ctx, netuid, staked, limitPrice, dropFees)
  if (swap.amountPaidOut === 0n) throw dispatchError(P, 'AmountTooLow')
  if (!canIncreaseStake(s, hotkey, netuid, swap.amountPaidOut)) throw dispatchError(P, 'InsufficientLiquidity')
  creditStake(s, hotkey, coldkey, netuid, swap.amountPaidOut)
  const author = blockAuthor(s)
  // with no author the fee would be burned from the subnet account (`burn_tao`); every devnet block has an Aura author
  if (author !== undefined && swap.feeToBlockAuthor !== 0n) transferTaoFromSubnet(ctx, netuid, author, swap.feeToBlockAuthor)
  LastColdkeyHotkeyStakeBlock.set(s, coldkey, hotkey, now(s))
  if (netuid === 0) {
    // new root stake does not share in root dividends that accrued before it
    addStakeAdjustRootClaimedForHotkeyAndColdkey(s, hotkey, coldkey, swap.amountPaidOut)
    maybeAddColdkeyIndex(s, coldkey)
  }
  ctx.deposit(events.StakeAdded([coldkey, hotkey, staked, swap.amountPaidOut, netuid, swap.feePaid]))
  return swap.amountPaidOut
}

/**
 * `unstake_from_subnet`: takes `alpha` from the coldkey's stake, sells it (down to `limitPrice`, re-crediting any unsold part), pays
 * the TAO to `beneficiary` and the alpha fee, sold fee-free, to the block author. Emits StakeRemoved; returns the TAO paid out.
 */
export function unstakeFromSubnet(ctx: DispatchContext, hotkey: AccountId, coldkey: AccountId, beneficiary: AccountId, netuid: NetUid, alpha: bigint, limitPrice: bigint, dropFees: boolean): bigint {
  const s = ctx.storage
  decreaseStake(s, hotkey, coldkey, netuid, alpha)
  const swap = swapAlphaForTaoInSubnet(ctx, netuid, alpha, limitPrice, dropFees)
  const refund = satSub(alpha, satAdd(swap.amountPaidIn, swap.feePaid))
  if (refund !== 0n) creditStake(s, hotkey, coldkey, netuid, refund)
  transferTaoFromSubnet(ctx, netuid, beneficiary, swap.amountPaidOut)
  const author = blockAuthor(s)
  if (author !== undefined) {
    const fee = swapAlphaForTaoInSubnet(ctx, netuid, swap.feeToBlockAuthor, MIN_PRICE_RAO, true)
    transferTaoFromSubnet(ctx, netuid, author, fee.amountPaidOut)
  }
  if (netuid === 0) {
    removeStakeAdjustRootClaimedForHotkeyAndColdkey(s, hotkey, coldkey, alpha)
    if (!coldkeyHasRootStake(s, coldkey)) maybeRemoveColdkeyIndex(s, coldkey)
  }
  LastColdkeyHotkeyStakeBlock.set(s, coldkey, hotkey, now(s))
  ctx.deposit(events.StakeRemoved([coldkey, hotkey, swap.amountPaidOut, swap.amountPaidIn, netuid, swap.feePaid]))
  return swap.amountPaidOut
}

/**
 * `transfer_stake_within_subnet`: moves alpha between (hotkey, coldkey) positions on one subnet with no swap and no fee; the TAO
 * equivalent at the current price must reach DefaultMinStake. Emits StakeRemoved and StakeAdded with fee 0; returns that TAO value.
 */
export function transferStakeWithinSubnet(ctx: DispatchContext, originColdkey: AccountId, originHotkey: AccountId, destinationColdkey: AccountId, destinationHotkey: AccountId, netuid: NetUid, alpha: bigint): bigint {
  const s = ctx.storage
  decreaseStake(s, originHotkey, originColdkey, netuid, alpha)
  if (netuid === 0) removeStakeAdjustRootClaimedForHotkeyAndColdkey(s, originHotkey, originColdkey, alpha)
  creditStake(s, destinationHotkey, destinationColdkey, netuid, alpha)
  if (netuid === 0) addStakeAdjustRootClaimedForHotkeyAndColdkey(s, destinationHotkey, destinationColdkey, alpha)
  const tao = fxToU64(fxMul(currentPrice(subnetPool(s, netuid)), fxFromInt(alpha)))
  if (tao < DEFAULT_MIN_STAKE) throw dispatchError(P, 'AmountTooLow')
  LastColdkeyHotkeyStakeBlock.set(s, destinationColdkey, destinationHotkey, now(s))
  ctx.deposit(events.StakeRemoved([originColdkey, originHotkey, tao, alpha, netuid, 0n]))
  ctx.deposit(events.StakeAdded([destinationColdkey, destinationHotkey, tao, alpha, netuid, 0n]))
  return tao
}

/** `clear_small_nominations`: the sweep over every (hotkey, coldkey, netuid) position, legacy and V2, when the minimum nomination rises. */
export function clearSmallNominations(ctx: DispatchContext): void {
  const positions = new Map<string, [AccountId, AccountId, NetUid]>()
  for (const [key] of [...Alpha.entries(ctx.storage), ...AlphaV2.entries(ctx.storage)]) positions.set(key.join('/'), key)
  for (const [hotkey, coldkey, netuid] of positions.values()) clearSmallNomination(ctx, hotkey, coldkey, netuid)
}

/** `clear_small_nomination_if_required`: a nominator's stake worth less than NominatorMinRequiredStake is sold back to them. */
export function clearSmallNomination(ctx: DispatchContext, hotkey: AccountId, coldkey: AccountId, netuid: NetUid): void {
  const s = ctx.storage
  if (Owner.get(s, hotkey) === coldkey) return
  const alpha = getStake(s, hotkey, coldkey, netuid)
  const price = currentPrice(subnetPool(s, netuid))
  const minAlpha = fxToU64(fxDiv(fxFromInt(NominatorMinRequiredStake.get(s)), price))
  if (alpha === 0n || alpha >= minAlpha) return
  try {
    unstakeFromSubnet(ctx, hotkey, coldkey, coldkey, netuid, alpha, MIN_PRICE_RAO, false)
  } catch {
    decreaseStake(s, hotkey, coldkey, netuid, getStake(s, hotkey, coldkey, netuid))
  }
}
