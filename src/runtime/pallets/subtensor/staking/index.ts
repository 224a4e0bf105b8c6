// SubtensorModule staking calls (subtensor.md §5.1), as macros/dispatches.rs @ 14bc6f9 declares them, with weights from weights.rs.
import { call } from '../../../framework/pallet.ts'
import { AccountId, AlphaBalance, NetUid, TaoBalance } from '../../../primitives/bittensor.ts'
import { Option, bool, u16 } from '../../../primitives/types.ts'
import { weight, reads, writes } from '../../../config.ts'
import {
  doAddStake, doAddStakeLimit, doMoveStake, doRemoveStake, doRemoveStakeFullLimit, doRemoveStakeLimit, doSwapStake, doSwapStakeLimit, doTransferStake, doUnstakeAll, doUnstakeAllAlpha,
} from './calls.ts'
import { doDecreaseTake, doIncreaseTake } from './take.ts'

export * from './pools.ts'
export * from './shares.ts'
export * from './stake.ts'
export * from './calls.ts'
export * from './take.ts'

export const stakingCalls = [
  call({
    index: 2,
    name: 'add_stake',
    args: { hotkey: AccountId, netuid: NetUid, amountStaked: TaoBalance },
    weight: weight(664_064_000n + reads(32) + writes(16), 8_727n),
    docs: 'Adds stake to a hotkey on a subnet: the TAO buys alpha from the subnet pool at the current price.',
    run: doAddStake,
  }),
  call({
    index: 3,
    name: 'remove_stake',
    args: { hotkey: AccountId, netuid: NetUid, amountUnstaked: AlphaBalance },
    weight: weight(569_198_000n + reads(28) + writes(13), 10_557n),
    docs: 'Removes stake from a hotkey on a subnet: the alpha is sold to the subnet pool and the TAO paid to the coldkey.',
    run: doRemoveStake,
  }),
  call({
    index: 83,
    name: 'unstake_all',
    args: { hotkey: AccountId },
    weight: weight(26_830_000n + reads(6), 9_189n),
    docs: "Sells all of the coldkey's stake on the hotkey, on every subnet.",
    run: doUnstakeAll,
  }),
  call({
    index: 84,
    name: 'unstake_all_alpha',
    args: { hotkey: AccountId },
    weight: weight(700_873_000n + reads(43) + writes(25), 11_306n),
    docs: "Sells all of the coldkey's alpha stake on the hotkey and stakes the TAO on the root network.",
    run: doUnstakeAllAlpha,
  }),
  call({
    index: 85,
    name: 'move_stake',
    args: { originHotkey: AccountId, destinationHotkey: AccountId, originNetuid: NetUid, destinationNetuid: NetUid, alphaAmount: AlphaBalance },
    weight: weight(216_061_000n + reads(19) + writes(7), 7_919n),
    docs: 'Moves stake from one hotkey and subnet to another, for the same coldkey.',
    run: doMoveStake,
  }),
  call({
    index: 86,
    name: 'transfer_stake',
    args: { destinationColdkey: AccountId, hotkey: AccountId, originNetuid: NetUid, destinationNetuid: NetUid, alphaAmount: AlphaBalance },
    weight: weight(258_541_000n + reads(19) + writes(6), 7_994n),
    docs: 'Transfers stake on a hotkey to another coldkey, possibly onto another subnet.',
    run: doTransferStake,
  }),
  call({
    index: 87,
    name: 'swap_stake',
    args: { hotkey: AccountId, originNetuid: NetUid, destinationNetuid: NetUid, alphaAmount: AlphaBalance },
    weight: weight(742_019_000n + reads(47) + writes(24), 10_920n),
    docs: 'Swaps stake on a hotkey from one subnet to another.',
    run: doSwapStake,
  }),
  call({
    index: 88,
    name: 'add_stake_limit',
    args: { hotkey: AccountId, netuid: NetUid, amountStaked: TaoBalance, limitPrice: TaoBalance, allowPartial: bool },
    weight: weight(853_005_000n + reads(32) + writes(16), 8_727n),
    docs: 'Adds stake, buying only while the price stays at or below `limit_price` (RAO per alpha); without `allow_partial` a binding limit refuses.',
    run: doAddStakeLimit,
  }),
  call({
    index: 89,
    name: 'remove_stake_limit',
    args: { hotkey: AccountId, netuid: NetUid, amountUnstaked: AlphaBalance, limitPrice: TaoBalance, allowPartial: bool },
    weight: weight(740_696_000n + reads(27) + writes(13), 10_591n),
    docs: 'Removes stake, selling only while the price stays at or above `limit_price`; without `allow_partial` a binding limit refuses.',
    run: doRemoveStakeLimit,
  }),
  call({
    index: 90,
    name: 'swap_stake_limit',
    args: { hotkey: AccountId, originNetuid: NetUid, destinationNetuid: NetUid, alphaAmount: AlphaBalance, limitPrice: TaoBalance, allowPartial: bool },
    weight: weight(944_515_000n + reads(47) + writes(24), 11_077n),
    docs: 'Swaps stake between subnets while the origin/destination price ratio stays at or above `limit_price`.',
    run: doSwapStakeLimit,
  }),
  call({
    index: 103,
    name: 'remove_stake_full_limit',
    args: { hotkey: AccountId, netuid: NetUid, limitPrice: Option(TaoBalance) },
    weight: weight(754_292_000n + reads(27) + writes(13), 10_591n),
    docs: 'Removes all stake on the hotkey and subnet, with an optional price limit.',
    run: doRemoveStakeFullLimit,
  }),
  call({
    index: 65,
    name: 'decrease_take',
    args: { hotkey: AccountId, take: u16 },
    weight: weight(29_895_000n + reads(3) + writes(2), 4_295n),
    paysFee: 'No',
    docs: "Lowers the hotkey's delegate take (its owner only); not below MinDelegateTake.",
    run: doDecreaseTake,
  }),
  call({
    index: 66,
    name: 'increase_take',
    args: { hotkey: AccountId, take: u16 },
    weight: weight(37_710_000n + reads(5) + writes(2), 4_388n),
    paysFee: 'No',
    docs: "Raises the hotkey's delegate take (its owner only); not above MaxDelegateTake, at most once per TxDelegateTakeRateLimit blocks.",
    run: doIncreaseTake,
  }),
]
