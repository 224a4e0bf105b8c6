// Transaction fees paid in alpha (subtensor.md §5.4): when the signer cannot pay the TAO fee and stay above the ED, the fee of an
// unstaking-type call is taken from the staked position it touches, sold fee-free to the pool, and the TAO goes to the block author.
// From pallets/transaction-fee/src/lib.rs @ 14bc6f9 (`SubtensorTxFeeHandler::fees_in_alpha`, `withdraw_fee`, `can_withdraw_fee`,
// `correct_and_deposit_fee`; `TransactionFeeHandler`'s `AlphaFeeHandler` impl: `can_withdraw_in_alpha`, `withdraw_in_alpha`,
// `get_all_netuids_for_coldkey_and_hotkey`) and pallets/swap/src/pallet/impls.rs:428 (`get_alpha_amount_for_tao`).
//
// The TAO path is always tried first (`Balances::withdraw(who, fee, Exact, Preserve, Polite)`); alpha is only the fallback. Only the
// top-level call is looked at: a SubtensorModule call inside Utility.batch or Proxy.proxy pays in TAO as any other call does.
import type { DispatchContext, NestedCall } from '../../../framework/dispatch.ts'
import type { AccountId, NetUid } from '../../../primitives/bittensor.ts'
import type { StorageBackend } from '../../../primitives/storage.ts'
import { currentPrice, fxDiv, fxFromInt, fxToU64, subnetPool } from '../../swap/index.ts'
import { SubnetMechanism, SubtokenEnabled, allSubnetNetuids } from '../storage/subnets.ts'
import { blockAuthor } from './pools.ts'
import { getStake } from './shares.ts'
import { unstakeFromSubnet } from './stake.ts'

/** One staked position a fee may be taken from. */
export type AlphaFeeSource = { hotkey: AccountId; netuid: NetUid }

/** What `withdraw_in_alpha` took: the alpha sold, the TAO the author received, and the subnet (root with zeros when nothing was charged). */
export type AlphaFeePaid = { alphaFee: bigint; taoAmount: bigint; netuid: NetUid }

/** `get_all_netuids_for_coldkey_and_hotkey`: every stored subnet with the subtoken enabled where the coldkey has stake on the hotkey. */
function netuidsWithStake(storage: StorageBackend, coldkey: AccountId, hotkey: AccountId): NetUid[] {
  return allSubnetNetuids(storage).filter((netuid) => SubtokenEnabled.get(storage, netuid) && getStake(storage, hotkey, coldkey, netuid) !== 0n)
}

/**
 * `SubtensorTxFeeHandler::fees_in_alpha`: the (hotkey, netuid) positions a call's fee may come from; empty for calls that pay in TAO only.
 * unstake_all / unstake_all_alpha name every subnet the coldkey has stake on with that hotkey (alpha then needs exactly one).
 */
export function alphaFeeSources(storage: StorageBackend, who: AccountId, call: NestedCall): AlphaFeeSource[] {
  if (call.type !== 'SubtensorModule') return []
  const name = call.value.type
  const a = call.value.value as Record<string, unknown>
  switch (name) {
    case 'remove_stake':
    case 'remove_stake_limit':
    case 'remove_stake_full_limit':
    case 'recycle_alpha':
    case 'burn_alpha':
      return [{ hotkey: a.hotkey as AccountId, netuid: a.netuid as NetUid }]
    case 'unstake_all':
    case 'unstake_all_alpha':
      return netuidsWithStake(storage, who, a.hotkey as AccountId).map((netuid) => ({ hotkey: a.hotkey as AccountId, netuid }))
    case 'move_stake':
      return [{ hotkey: a.originHotkey as AccountId, netuid: a.originNetuid as NetUid }]
    case 'transfer_stake':
    case 'swap_stake':
    case 'swap_stake_limit':
      return [{ hotkey: a.hotkey as AccountId, netuid: a.originNetuid as NetUid }]
    default:
      return []
  }
}

/**
 * `get_alpha_amount_for_tao`: the alpha worth `tao` at the spot price, no slippage and no swap fee: floor(tao / price) in U64F64
 * (0 when the price is 0 or the quotient overflows); 1:1 on a subnet whose mechanism is not dynamic (root, stable).
 */
export function alphaAmountForTao(storage: StorageBackend, netuid: NetUid, tao: bigint): bigint {
  if (SubnetMechanism.get(storage, netuid) !== 1) return tao
  return fxToU64(fxDiv(fxFromInt(tao), currentPrice(subnetPool(storage, netuid))))
}

/** `can_withdraw_in_alpha` (transaction validation): exactly one position, holding at least the alpha equivalent of the TAO fee. */
export function canWithdrawInAlpha(storage: StorageBackend, coldkey: AccountId, sources: AlphaFeeSource[], tao: bigint): boolean {
  if (sources.length !== 1) return false
  const { hotkey, netuid } = sources[0]!
  return getStake(storage, hotkey, coldkey, netuid) >= alphaAmountForTao(storage, netuid, tao)
}

/**
 * `withdraw_in_alpha`: takes min(alpha equivalent of the fee, the stake) — the whole stake when the equivalent is 0 — and sells it with
 * `unstake_from_subnet(hotkey, coldkey, beneficiary = block author, netuid, alpha_fee, price_limit 0, drop_fees = true)` (emits the
 * Balances.Transfer to the author and StakeRemoved). Nothing is charged (zeros on root) with more than one position or no block author.
 * Throws the DispatchFailure of the sale; the caller rolls it back and refuses the transaction with `Payment`.
 */
export function withdrawInAlpha(ctx: DispatchContext, coldkey: AccountId, sources: AlphaFeeSource[], tao: bigint): AlphaFeePaid {
  const nothing: AlphaFeePaid = { alphaFee: 0n, taoAmount: 0n, netuid: 0 }
  if (sources.length !== 1) return nothing
  const { hotkey, netuid } = sources[0]!
  const stake = getStake(ctx.storage, hotkey, coldkey, netuid)
  let equivalent = alphaAmountForTao(ctx.storage, netuid, tao)
  if (equivalent === 0n) equivalent = stake
  const alphaFee = equivalent < stake ? equivalent : stake
  const author = blockAuthor(ctx.storage)
  if (author === undefined) return nothing
  const taoAmount = unstakeFromSubnet(ctx, hotkey, coldkey, author, netuid, alphaFee, 0n, true)
  return { alphaFee, taoAmount, netuid }
}
