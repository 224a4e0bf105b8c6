// The staking calls a coldkey signs (subtensor.md §5.1, §5.4): add/remove stake with and without a price limit, unstake everything, and move, transfer or swap stake.
// From pallets/subtensor/src/staking/{add_stake,remove_stake,move_stake}.rs @ 14bc6f9; each `do*` below is the Rust function of the same name.
import type { DispatchContext, Origin } from '../../../framework/dispatch.ts'
import { dispatchError, ensureSigned } from '../../../framework/dispatch.ts'
import type { AccountId, NetUid } from '../../../primitives/bittensor.ts'
import { MAX_PRICE_RAO, MIN_PRICE_RAO } from '../../swap/index.ts'
import { events } from '../events.ts'
import { Owner } from '../storage/neurons.ts'
import { allSubnetNetuids, SubnetAlphaIn, SubnetMechanism, SubnetTAO, SubtokenEnabled } from '../storage/subnets.ts'
import { DEFAULT_MIN_STAKE, transferTao } from './pools.ts'
import { getStake } from './shares.ts'
import {
  clearSmallNomination, ensureSubtokenEnabled, getMaxAmountAdd, getMaxAmountMove, getMaxAmountRemove, hotkeyAccountExists, maybeBecomeDelegate, stakeIntoSubnet,
  transferStakeWithinSubnet, unstakeFromSubnet, validateAddStake, validateRemoveStake, validateStakeTransition,
} from './stake.ts'

const P = 'SubtensorModule'
const min = (a: bigint, b: bigint) => (a < b ? a : b)
const isDynamic = (ctx: DispatchContext, netuid: NetUid) => netuid !== 0 && SubnetMechanism.get(ctx.storage, netuid) === 1

/** `ensure_add_stake_input_within_swap_limit`: a dynamic pool takes at most 1000× its TAO reserve. */
function ensureAddWithinSwapLimit(ctx: DispatchContext, netuid: NetUid, tao: bigint) {
  if (isDynamic(ctx, netuid) && tao > SubnetTAO.get(ctx.storage, netuid) * 1000n) throw dispatchError(P, 'InsufficientLiquidity')
}
/** `ensure_remove_stake_input_within_swap_limit`: at most 1000× the alpha reserve. */
function ensureRemoveWithinSwapLimit(ctx: DispatchContext, netuid: NetUid, alpha: bigint) {
  if (isDynamic(ctx, netuid) && alpha > SubnetAlphaIn.get(ctx.storage, netuid) * 1000n) throw dispatchError(P, 'InsufficientLiquidity')
}

type AddStake = { hotkey: AccountId; netuid: NetUid; amountStaked: bigint }
type AddStakeLimit = AddStake & { limitPrice: bigint; allowPartial: boolean }
type RemoveStake = { hotkey: AccountId; netuid: NetUid; amountUnstaked: bigint }
type RemoveStakeLimit = RemoveStake & { limitPrice: bigint; allowPartial: boolean }

export function doAddStake(ctx: DispatchContext, origin: Origin, { hotkey, netuid, amountStaked }: AddStake): void {
  // 1. the signed coldkey
  const coldkey = ensureSigned(origin)
  // 2. validate
  ensureAddWithinSwapLimit(ctx, netuid, amountStaked)
  validateAddStake(ctx.storage, coldkey, hotkey, netuid, amountStaked, amountStaked, false)
  // 3. swap into the subnet and credit the stake (emits StakeAdded)
  stakeIntoSubnet(ctx, hotkey, coldkey, netuid, amountStaked, MAX_PRICE_RAO, false)
}

export function doAddStakeLimit(ctx: DispatchContext, origin: Origin, { hotkey, netuid, amountStaked, limitPrice, allowPartial }: AddStakeLimit): void {
  // 1. the signed coldkey
  const coldkey = ensureSigned(origin)
  // 2. what the price limit lets through, and validate
  ensureAddWithinSwapLimit(ctx, netuid, amountStaked)
  const maxAmount = getMaxAmountAdd(ctx.storage, netuid, limitPrice)
  const possible = min(amountStaked, maxAmount)
  validateAddStake(ctx.storage, coldkey, hotkey, netuid, amountStaked, maxAmount, allowPartial)
  // 3. a hotkey staked to by someone else becomes a delegate
  if (Owner.get(ctx.storage, hotkey) !== coldkey) maybeBecomeDelegate(ctx.storage, hotkey)
  // 4. swap into the subnet up to the limit price (emits StakeAdded)
  stakeIntoSubnet(ctx, hotkey, coldkey, netuid, possible, limitPrice, false)
}

export function doRemoveStake(ctx: DispatchContext, origin: Origin, { hotkey, netuid, amountUnstaked }: RemoveStake): void {
  // 1. the signed coldkey
  const coldkey = ensureSigned(origin)
  // 2. validate (asking for more than the stake unstakes all of it)
  ensureSubtokenEnabled(ctx.storage, netuid)
  const alpha = min(amountUnstaked, getStake(ctx.storage, hotkey, coldkey, netuid))
  ensureRemoveWithinSwapLimit(ctx, netuid, alpha)
  validateRemoveStake(ctx.storage, coldkey, hotkey, netuid, alpha, alpha, false)
  // 3. sell the alpha, pay the coldkey (emits StakeRemoved), and clear what is left if it is a dust nomination
  unstakeFromSubnet(ctx, hotkey, coldkey, coldkey, netuid, alpha, MIN_PRICE_RAO, false)
  clearSmallNomination(ctx, hotkey, coldkey, netuid)
}

export function doRemoveStakeLimit(ctx: DispatchContext, origin: Origin, { hotkey, netuid, amountUnstaked, limitPrice, allowPartial }: RemoveStakeLimit): void {
  // 1. the signed coldkey
  const coldkey = ensureSigned(origin)
  // 2. what the price limit lets through, and validate
  ensureRemoveWithinSwapLimit(ctx, netuid, amountUnstaked)
  const maxAmount = getMaxAmountRemove(ctx.storage, netuid, limitPrice)
  const possible = min(amountUnstaked, maxAmount)
  validateRemoveStake(ctx.storage, coldkey, hotkey, netuid, amountUnstaked, maxAmount, allowPartial)
  // 3. sell down to the limit price (emits StakeRemoved)
  unstakeFromSubnet(ctx, hotkey, coldkey, coldkey, netuid, possible, limitPrice, false)
  clearSmallNomination(ctx, hotkey, coldkey, netuid)
}

export function doRemoveStakeFullLimit(ctx: DispatchContext, origin: Origin, { hotkey, netuid, limitPrice }: { hotkey: AccountId; netuid: NetUid; limitPrice: bigint | undefined }): void {
  const coldkey = ensureSigned(origin)
  const amountUnstaked = getStake(ctx.storage, hotkey, coldkey, netuid)
  if (limitPrice === undefined) doRemoveStake(ctx, origin, { hotkey, netuid, amountUnstaked })
  else doRemoveStakeLimit(ctx, origin, { hotkey, netuid, amountUnstaked, limitPrice, allowPartial: false })
}


/** `do_unstake_all` / `do_unstake_all_alpha`: sells the coldkey's stake on the hotkey on every subnet that allows it; the alpha-only form restakes the TAO on root. */
function unstakeAll(ctx: DispatchContext, origin: Origin, hotkey: AccountId, onlyAlpha: boolean): void {
  const coldkey = ensureSigned(origin)
  if (!hotkeyAccountExists(ctx.storage, hotkey)) throw dispatchError(P, 'HotKeyAccountNotExists')
  let total = 0n
  for (const netuid of allSubnetNetuids(ctx.storage)) {
    if (!SubtokenEnabled.get(ctx.storage, netuid) || (onlyAlpha && netuid === 0)) continue
    const alpha = getStake(ctx.storage, hotkey, coldkey, netuid)
    try {
      validateRemoveStake(ctx.storage, coldkey, hotkey, netuid, alpha, alpha, false)
    } catch {
      continue
    }
    total += unstakeFromSubnet(ctx, hotkey, coldkey, coldkey, netuid, alpha, MIN_PRICE_RAO, false)
    clearSmallNomination(ctx, hotkey, coldkey, netuid)
  }
  if (onlyAlpha) stakeIntoSubnet(ctx, hotkey, coldkey, 0, total, MAX_PRICE_RAO, false)
}

type Transition = {
  originColdkey: AccountId
  destinationColdkey: AccountId
  originHotkey: AccountId
  destinationHotkey: AccountId
  originNetuid: NetUid
  destinationNetuid: NetUid
}

/**
 * `transition_stake_internal`: unstake on the origin subnet and stake the TAO on the destination (one swap fee: none on a root leg),
 * or, within one subnet, a fee-less share transfer. Returns the TAO moved.
 */
function transitionStake(ctx: DispatchContext, t: Transition, requested: bigint, limitPrice: bigint | undefined, allowPartial: boolean | undefined, checkTransferToggle: boolean): bigint {
  const s = ctx.storage
  // 1. validate: the amount (capped at the stake) and, for a limit, what the price ratio lets through
  const alpha = min(requested, getStake(s, t.originHotkey, t.originColdkey, t.originNetuid))
  const cross = t.originNetuid !== t.destinationNetuid
  const maxAmount = cross && limitPrice !== undefined ? getMaxAmountMove(s, t.originNetuid, t.destinationNetuid, limitPrice) : alpha
  validateStakeTransition(s, t, alpha, maxAmount, allowPartial, checkTransferToggle)
  const amount = min(alpha, maxAmount)
  if (!cross) return transferStakeWithinSubnet(ctx, t.originColdkey, t.originHotkey, t.destinationColdkey, t.destinationHotkey, t.originNetuid, amount)
  // 2. sell on the origin subnet, hand the TAO to the destination coldkey, buy on the destination subnet
  const dropOriginFee = t.originNetuid === 0
  const tao = unstakeFromSubnet(ctx, t.originHotkey, t.originColdkey, t.originColdkey, t.originNetuid, amount, MIN_PRICE_RAO, dropOriginFee)
  if (t.originColdkey !== t.destinationColdkey) transferTao(ctx, t.originColdkey, t.destinationColdkey, tao)
  if (tao >= DEFAULT_MIN_STAKE) {
    if (Owner.get(s, t.destinationHotkey) !== t.destinationColdkey) maybeBecomeDelegate(s, t.destinationHotkey)
    stakeIntoSubnet(ctx, t.destinationHotkey, t.destinationColdkey, t.destinationNetuid, tao, MAX_PRICE_RAO, !dropOriginFee)
  }
  return tao
}

type MoveStake = { originHotkey: AccountId; destinationHotkey: AccountId; originNetuid: NetUid; destinationNetuid: NetUid; alphaAmount: bigint }
type TransferStake = { destinationColdkey: AccountId; hotkey: AccountId; originNetuid: NetUid; destinationNetuid: NetUid; alphaAmount: bigint }
type SwapStake = { hotkey: AccountId; originNetuid: NetUid; destinationNetuid: NetUid; alphaAmount: bigint }
type SwapStakeLimit = SwapStake & { limitPrice: bigint; allowPartial: boolean }

export function doMoveStake(ctx: DispatchContext, origin: Origin, a: MoveStake): void {
  const coldkey = ensureSigned(origin)
  const t = { originColdkey: coldkey, destinationColdkey: coldkey, originHotkey: a.originHotkey, destinationHotkey: a.destinationHotkey, originNetuid: a.originNetuid, destinationNetuid: a.destinationNetuid }
  const tao = transitionStake(ctx, t, a.alphaAmount, undefined, undefined, false)
  ctx.deposit(events.StakeMoved([coldkey, a.originHotkey, a.originNetuid, a.destinationHotkey, a.destinationNetuid, tao]))
}

export function doTransferStake(ctx: DispatchContext, origin: Origin, a: TransferStake): void {
  const coldkey = ensureSigned(origin)
  const t = { originColdkey: coldkey, destinationColdkey: a.destinationColdkey, originHotkey: a.hotkey, destinationHotkey: a.hotkey, originNetuid: a.originNetuid, destinationNetuid: a.destinationNetuid }
  const tao = transitionStake(ctx, t, a.alphaAmount, undefined, undefined, true)
  ctx.deposit(events.StakeTransferred([coldkey, a.destinationColdkey, a.hotkey, a.originNetuid, a.destinationNetuid, tao]))
}

export function doSwapStake(ctx: DispatchContext, origin: Origin, a: SwapStake): void {
  const coldkey = ensureSigned(origin)
  const t = { originColdkey: coldkey, destinationColdkey: coldkey, originHotkey: a.hotkey, destinationHotkey: a.hotkey, originNetuid: a.originNetuid, destinationNetuid: a.destinationNetuid }
  const tao = transitionStake(ctx, t, a.alphaAmount, undefined, undefined, false)
  ctx.deposit(events.StakeSwapped([coldkey, a.hotkey, a.originNetuid, a.destinationNetuid, tao]))
}

export function doSwapStakeLimit(ctx: DispatchContext, origin: Origin, a: SwapStakeLimit): void {
  const coldkey = ensureSigned(origin)
  const t = { originColdkey: coldkey, destinationColdkey: coldkey, originHotkey: a.hotkey, destinationHotkey: a.hotkey, originNetuid: a.originNetuid, destinationNetuid: a.destinationNetuid }
  const tao = transitionStake(ctx, t, a.alphaAmount, a.limitPrice, a.allowPartial, false)
  ctx.deposit(events.StakeSwapped([coldkey, a.hotkey, a.originNetuid, a.destinationNetuid, tao]))
}

export const doUnstakeAll = (ctx: DispatchContext, origin: Origin, { hotkey }: { hotkey: AccountId }) => unstakeAll(ctx, origin, hotkey, false)
export const doUnstakeAllAlpha = (ctx: DispatchContext, origin: Origin, { hotkey }: { hotkey: AccountId }) => unstakeAll(ctx, origin, hotkey, true)
