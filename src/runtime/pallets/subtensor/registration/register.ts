// burned_register / register_limit (subtensor.md §4.1): the coldkey pays the current burn into the subnet, which swaps it for alpha and burns that alpha.
// From pallets/subtensor/src/subnets/registration.rs @ 14bc6f9 (`do_register` :40, `do_register_limit` :146), coinbase/tao.rs (`transfer_tao_to_subnet` :134,
// `can_remove_balance_from_coldkey_account` :221), staking/helpers.rs (`create_account_if_non_existent` :126), staking/stake_utils.rs (`swap_tao_for_alpha` :638),
// subnets/subnet.rs (`get_subnet_account_id` :470, `is_subnet_account_id`), utils/misc.rs (`increase_rao_recycled` :773).
import type { DispatchContext, Origin } from '../../../framework/dispatch.ts'
import { dispatchError, ensureSigned } from '../../../framework/dispatch.ts'
import type { AccountId, NetUid } from '../../../primitives/bittensor.ts'
import { Account } from '../../system/storage.ts'
import { reducibleBalance } from '../../balances/index.ts'
import { swapTaoForAlphaInSubnet, transferTaoToSubnet } from '../staking/pools.ts'
import { createAccountIfNonExistent } from '../staking/stake.ts'
import { events } from '../events.ts'
import { MaxAllowedUids, NetworkRegistrationAllowed } from '../storage/hyperparams.ts'
import { Burn, Owner, RAORecycledForRegistration, RegistrationsThisBlock, Uids } from '../storage/neurons.ts'
import { NetworksAdded, SubnetAlphaOut, SubnetworkN } from '../storage/subnets.ts'
import { bumpRegistrationPrice } from './burn.ts'
import { getNeuronToPrune, registerNeuron } from './neurons.ts'

const P = 'SubtensorModule'
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
  createAccountIfNonExistent(s, coldkey, hotkey)
  if (Owner.get(s, hotkey) !== coldkey) throw dispatchError(P, 'NonAssociatedColdKey')
  // 7) capacity, and a prune candidate when full
  const maxN = MaxAllowedUids.get(s, netuid)
  if (maxN === 0) throw dispatchError(P, 'NoNeuronIdAvailable')
  if (SubnetworkN.get(s, netuid) >= maxN && getNeuronToPrune(ctx, netuid) === undefined) throw dispatchError(P, 'NoNeuronIdAvailable')
  // 8) pay the burn into the subnet, swap it for alpha and take that alpha out of circulation
  const paid = transferTaoToSubnet(ctx, netuid, coldkey, cost)
  const burnedAlpha = swapTaoForAlphaInSubnet(ctx, netuid, paid).amountPaidOut
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
