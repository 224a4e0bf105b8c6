// burned_register / register_limit (subtensor.md §4.1): the coldkey pays the current burn into the subnet, which swaps it for alpha and burns that alpha.
// From pallets/subtensor/src/subnets/registration.rs @ 14bc6f9 (`do_register` :40, `do_register_limit` :146), coinbase/tao.rs (`transfer_tao_to_subnet` :134,
// `can_remove_balance_from_coldkey_account` :221), staking/helpers.rs (`create_account_if_non_existent` :126), staking/stake_utils.rs (`swap_tao_for_alpha` :638),
// subnets/subnet.rs (`get_subnet_account_id` :470, `is_subnet_account_id`), utils/misc.rs (`increase_rao_recycled` :773).
import type { DispatchContext, Origin } from '../../../framework/dispatch.ts'
import { DispatchFailure, dispatchError, ensureSigned } from '../../../framework/dispatch.ts'
import type { AccountId, NetUid } from '../../../primitives/bittensor.ts'
import { Account } from '../../system/storage.ts'
import { reducibleBalance, transfer } from '../../balances/index.ts'
import { newPool, swapTaoForAlpha } from '../../swap/pool.ts'
import { events } from '../events.ts'
import { MaxAllowedUids, NetworkRegistrationAllowed } from '../storage/hyperparams.ts'
import { Burn, OwnedHotkeys, Owner, RAORecycledForRegistration, RegistrationsThisBlock, Uids } from '../storage/neurons.ts'
import { TotalStake, StakingHotkeys } from '../storage/stake.ts'
import { NetworksAdded, SubnetAlphaIn, SubnetAlphaOut, SubnetMechanism, SubnetTAO, SubnetVolume, SubnetworkN } from '../storage/subnets.ts'
import { bumpRegistrationPrice } from './burn.ts'
import { getNeuronToPrune, registerNeuron } from './neurons.ts'

const P = 'SubtensorModule'
const U128_MAX = (1n << 128n) - 1n

/** `PalletId(*b"subtensr")` (runtime/src/lib.rs:1040) as `into_sub_account_truncating`'s prefix: b"modl" ++ b"subtensr". */
const SUBNET_ACCOUNT_PREFIX = '0x6d6f646c' + '7375627465' + '6e7372'

/** `get_subnet_account_id`: b"modl" ++ b"subtensr" ++ netuid (u16 LE), zero-padded to 32 bytes; only for added networks and root. */
export function subnetAccountId(ctx: Pick<DispatchContext, 'storage'>, netuid: NetUid): AccountId | undefined {
  if (!NetworksAdded.contains(ctx.storage, netuid) && netuid !== 0) return undefined
  const le = [netuid & 0xff, netuid >> 8].map((b) => b.toString(16).padStart(2, '0')).join('')
  return `${SUBNET_ACCOUNT_PREFIX}${le}${'00'.repeat(18)}` as AccountId
}

/** `is_subnet_account_id` (`PalletId::try_from_sub_account`): the account starts with the subtensor pallet's sub-account prefix. */
export const isSubnetAccountId = (account: AccountId): boolean => account.toLowerCase().startsWith(SUBNET_ACCOUNT_PREFIX)

/** `create_account_if_non_existent`: a hotkey without an Owner becomes the coldkey's (Owner, OwnedHotkeys, StakingHotkeys). */
function createAccountIfNonExistent(ctx: DispatchContext, coldkey: AccountId, hotkey: AccountId) {
  if (isSubnetAccountId(hotkey)) throw dispatchError(P, 'CannotUseSystemAccount')
  if (Owner.contains(ctx.storage, hotkey)) return
  Owner.set(ctx.storage, hotkey, coldkey)
  OwnedHotkeys.mutate(ctx.storage, coldkey, (hks) => (hks.includes(hotkey) ? hks : [...hks, hotkey]))
  StakingHotkeys.mutate(ctx.storage, coldkey, (hks) => (hks.includes(hotkey) ? hks : [...hks, hotkey]))
}

/** `transfer_tao_to_subnet`: moves min(amount, what the coldkey can spend and stay alive) to the subnet account; returns it. */
function transferTaoToSubnet(ctx: DispatchContext, netuid: NetUid, coldkey: AccountId, amount: bigint): bigint {
  if (amount === 0n) return 0n
  const subnet = subnetAccountId(ctx, netuid)
  if (subnet === undefined) throw dispatchError(P, 'SubnetNotExists')
  const preserving = reducibleBalance(Account.get(ctx.storage, coldkey), 'Preserve')
  const moved = amount < preserving ? amount : preserving
  if (moved === 0n) throw dispatchError(P, 'InsufficientBalance')
  transfer(ctx, coldkey, subnet, moved, 'Preserve')
  return moved
}

/**
 * `swap_tao_for_alpha(netuid, tao, max_price, drop_fees = false)`: buys alpha from the subnet pool. The reserves move by the
 * swap's paid-in (ex-fee) TAO and paid-out alpha; TotalStake and SubnetVolume by the gross TAO. The swap runs on
 * `swap/pool.ts` over SubnetTAO/SubnetAlphaIn with the default weights and fee rate (the Swap pallet's own storage is not in
 * this runtime yet). Returns the alpha paid out.
 */
function swapTaoForAlphaInSubnet(ctx: DispatchContext, netuid: NetUid, tao: bigint): bigint {
  const s = ctx.storage
  const pool = newPool(SubnetTAO.get(s, netuid), SubnetAlphaIn.get(s, netuid), { mechanism: SubnetMechanism.get(s, netuid) })
  const out = swapTaoForAlpha(pool, tao)
  if (!out.ok) {
    if (out.error === 'InsufficientLiquidity') throw dispatchError(P, 'InsufficientLiquidity')
    // pallet_subtensor_swap's errors (ReservesTooLow, PriceLimitExceeded, SwapInputTooLarge) belong to a pallet not in this runtime
    throw new DispatchFailure({ type: 'Other' } as never)
  }
  const { amountPaidIn, amountPaidOut } = out.result
  SubnetAlphaIn.mutate(s, netuid, (a) => (a > amountPaidOut ? a - amountPaidOut : 0n))
  SubnetAlphaOut.mutate(s, netuid, (a) => a + amountPaidOut)
  SubnetTAO.mutate(s, netuid, (t) => t + amountPaidIn)
  TotalStake.mutate(s, (t) => t + tao)
  SubnetVolume.mutate(s, netuid, (v) => (v + tao > U128_MAX ? U128_MAX : v + tao))
  return amountPaidOut
}

/** `do_register` (burned_register, and register which ignores its PoW arguments). */
export function doRegister(ctx: DispatchContext, origin: Origin, { netuid, hotkey }: { netuid: NetUid; hotkey: AccountId }): void {
  const s = ctx.storage
  // 1) coldkey pays
  const coldkey = ensureSigned(origin)
  // 2) network validity
  if (netuid === 0) throw dispatchError(P, 'RegistrationNotPermittedOnRootSubnet')
  if (!NetworksAdded.get(s, netuid)) throw dispatchError(P, 'SubnetNotExists')
  // 3) registrations allowed
  if (!NetworkRegistrationAllowed.get(s, netuid)) throw dispatchError(P, 'SubNetRegistrationDisabled')
  // 4) hotkey not already registered
  if (Uids.contains(s, netuid, hotkey)) throw dispatchError(P, 'HotKeyAlreadyRegisteredInSubNet')
  // 5) current burn (already decayed in on_initialize), payable from the whole balance
  const cost = Burn.get(s, netuid)
  if (cost > reducibleBalance(Account.get(s, coldkey), 'Expendable')) throw dispatchError(P, 'NotEnoughBalanceToStake')
  // 6) cold/hot pairing (written now; a later refusal rolls it back with the rest of the dispatch)
  createAccountIfNonExistent(ctx, coldkey, hotkey)
  if (Owner.get(s, hotkey) !== coldkey) throw dispatchError(P, 'NonAssociatedColdKey')
  // 7) capacity, and a prune candidate when full
  const maxN = MaxAllowedUids.get(s, netuid)
  if (maxN === 0) throw dispatchError(P, 'NoNeuronIdAvailable')
  if (SubnetworkN.get(s, netuid) >= maxN && getNeuronToPrune(ctx, netuid) === undefined) throw dispatchError(P, 'NoNeuronIdAvailable')
  // 8) pay the burn into the subnet, swap it for alpha and take that alpha out of circulation
  const paid = transferTaoToSubnet(ctx, netuid, coldkey, cost)
  const burnedAlpha = swapTaoForAlphaInSubnet(ctx, netuid, paid)
  SubnetAlphaOut.mutate(s, netuid, (a) => (a > burnedAlpha ? a - burnedAlpha : 0n))
  // 9) the neuron
  const uid = registerNeuron(ctx, netuid, hotkey)
  // 10) the next registration costs more
  bumpRegistrationPrice(ctx, netuid)
  // 11) counters (SubnetTaoFlow, which `record_tao_inflow` feeds, is not declared in this runtime yet)
  RegistrationsThisBlock.mutate(s, netuid, (n) => (n < 0xffff ? n + 1 : n))
  const recycled = RAORecycledForRegistration.get(s, netuid) + cost
  RAORecycledForRegistration.set(s, netuid, recycled)
  ctx.deposit(events.RAORecycledForRegistrationSet([netuid, recycled]))
  // 12) event
  ctx.deposit(events.NeuronRegistered([netuid, uid, hotkey]))
}

/** `do_register_limit`: refuses when the current burn is above `limitPrice`, then `do_register`. */
export function doRegisterLimit(ctx: DispatchContext, origin: Origin, { netuid, hotkey, limitPrice }: { netuid: NetUid; hotkey: AccountId; limitPrice: bigint }): void {
  ensureSigned(origin)
  if (netuid === 0) throw dispatchError(P, 'RegistrationNotPermittedOnRootSubnet')
  if (!NetworksAdded.get(ctx.storage, netuid)) throw dispatchError(P, 'SubnetNotExists')
  if (Burn.get(ctx.storage, netuid) > limitPrice) throw dispatchError(P, 'RegistrationPriceLimitExceeded')
  doRegister(ctx, origin, { netuid, hotkey })
}
