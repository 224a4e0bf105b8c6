// SubtensorModule registration calls (subtensor.md §4.1) and the per-block burn update, as macros/dispatches.rs @ 14bc6f9 declares them.
import { call } from '../../../framework/pallet.ts'
import type { DispatchContext } from '../../../framework/dispatch.ts'
import { AccountId, NetUid } from '../../../primitives/bittensor.ts'
import { Bytes, u64 } from '../../../primitives/types.ts'
import { weight, reads, writes } from '../../../config.ts'
import { updateRegistrationPrices } from './burn.ts'
import { doRegister, doRegisterLimit } from './register.ts'

export * from './burn.ts'
export * from './neurons.ts'
export * from './register.ts'

export const registrationCalls = [
  // dispatches.rs:990 `#[pallet::call_index(6)]`, WeightInfo::register (349_872_000, 6148; 34 reads, 29 writes): the PoW arguments are ignored since PoW registration is gone
  call({
    index: 6,
    name: 'register',
    args: { netuid: NetUid, blockNumber: u64, nonce: u64, work: Bytes, hotkey: AccountId, coldkey: AccountId },
    weight: weight(349_872_000n + reads(34) + writes(29), 6_148n),
    docs: 'Register a neuron by burning the current registration price (the proof-of-work arguments are ignored).',
    run: (ctx, origin, { netuid, hotkey }) => doRegister(ctx, origin, { netuid, hotkey }),
  }),
  // dispatches.rs:1012 `#[pallet::call_index(7)]`, WeightInfo::burned_register (weights.rs:411: 336_815_000, 6148; 34 reads, 29 writes)
  call({
    index: 7,
    name: 'burned_register',
    args: { netuid: NetUid, hotkey: AccountId },
    weight: weight(336_815_000n + reads(34) + writes(29), 6_148n),
    docs: 'Register a new neuron on a subnet by burning the current registration price.',
    run: doRegister,
  }),
  // dispatches.rs:2491 `#[pallet::call_index(134)]`, Weight::from_parts(354_200_000, 0) + 47 reads + 40 writes, Pays::Yes
  call({
    index: 134,
    name: 'register_limit',
    args: { netuid: NetUid, hotkey: AccountId, limitPrice: u64 },
    weight: weight(354_200_000n + reads(47) + writes(40)),
    docs: 'Register a neuron by burning, refused when the current burn is above `limit_price`.',
    run: doRegisterLimit,
  }),
]

/** `block_step` step 1 (`update_registration_prices_for_networks`), run from SubtensorModule's on_initialize. */
export function registrationOnInitialize(ctx: DispatchContext, blockNumber: number) {
  const { reads: r, writes: w } = updateRegistrationPrices(ctx.storage, BigInt(blockNumber))
  return weight(reads(r) + writes(w))
}
