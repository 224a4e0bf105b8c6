// Delegate takes (subtensor.md §5.5): the owner of a hotkey lowers its take at any time, and raises it at most once per TxDelegateTakeRateLimit blocks, within [MinDelegateTake, MaxDelegateTake].
// From pallets/subtensor/src/staking/{decrease_take,increase_take}.rs @ 14bc6f9, utils/misc.rs (`do_take_checks` :339) and utils/rate_limiting.rs (:235-271).
import type { DispatchContext, Origin } from '../../../framework/dispatch.ts'
import { dispatchError, ensureSigned } from '../../../framework/dispatch.ts'
import type { AccountId } from '../../../primitives/bittensor.ts'
import type { StorageBackend } from '../../../primitives/storage.ts'
import { Number as SystemNumber } from '../../system/storage.ts'
import { events } from '../events.ts'
import { LastRateLimitedBlock, MaxDelegateTake, MinDelegateTake, TxDelegateTakeRateLimit } from '../storage/hyperparams.ts'
import { Owner } from '../storage/neurons.ts'
import { Delegates } from '../storage/stake.ts'

const P = 'SubtensorModule'
const lastTakeChange = (hotkey: AccountId) => ({ type: 'LastTxBlockDelegateTake' as const, value: hotkey })

/** `do_take_checks`: the hotkey exists and the caller owns it. */
function takeChecks(s: StorageBackend, coldkey: AccountId, hotkey: AccountId) {
  if (!Owner.contains(s, hotkey)) throw dispatchError(P, 'HotKeyAccountNotExists')
  if (Owner.get(s, hotkey) !== coldkey) throw dispatchError(P, 'NonAssociatedColdKey')
}

export function doDecreaseTake(ctx: DispatchContext, origin: Origin, { hotkey, take }: { hotkey: AccountId; take: number }): void {
  const s = ctx.storage
  // 1. the owner, and a take below the current one but not below the minimum
  const coldkey = ensureSigned(origin)
  takeChecks(s, coldkey, hotkey)
  if (Delegates.contains(s, hotkey) && take >= Delegates.get(s, hotkey)) throw dispatchError(P, 'DelegateTakeTooLow')
  if (take < MinDelegateTake.get(s)) throw dispatchError(P, 'DelegateTakeTooLow')
  // 2. write, remembering the block for the increase rate limit
  Delegates.set(s, hotkey, take)
  LastRateLimitedBlock.set(s, lastTakeChange(hotkey) as never, BigInt(SystemNumber.get(s)))
  ctx.deposit(events.TakeDecreased([coldkey, hotkey, take]))
}

export function doIncreaseTake(ctx: DispatchContext, origin: Origin, { hotkey, take }: { hotkey: AccountId; take: number }): void {
  const s = ctx.storage
  // 1. the owner, a take above the current one and within the maximum, and not too soon after the last change
  const coldkey = ensureSigned(origin)
  takeChecks(s, coldkey, hotkey)
  if (Delegates.contains(s, hotkey) && take <= Delegates.get(s, hotkey)) throw dispatchError(P, 'DelegateTakeTooLow')
  if (take > MaxDelegateTake.get(s)) throw dispatchError(P, 'DelegateTakeTooHigh')
  const block = BigInt(SystemNumber.get(s))
  const previous = LastRateLimitedBlock.get(s, lastTakeChange(hotkey) as never)
  const limit = TxDelegateTakeRateLimit.get(s)
  if (limit !== 0n && previous !== 0n && block - previous <= limit) throw dispatchError(P, 'DelegateTxRateLimitExceeded')
  // 2. write
  LastRateLimitedBlock.set(s, lastTakeChange(hotkey) as never, block)
  Delegates.set(s, hotkey, take)
  ctx.deposit(events.TakeIncreased([coldkey, hotkey, take]))
}
