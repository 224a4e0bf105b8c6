// SubtensorModule stake accounting (subtensor.md §5.3): hotkey share pools (Alpha / AlphaV2), totals, delegates, TaoWeight, issuance.
// Declarations from pallets/subtensor/src/lib.rs @ 14bc6f9 (spec 425).
import { AccountId, AlphaBalance, NetUid, TaoBalance } from '../../../primitives/bittensor.ts'
import { storageMap, storageValue } from '../../../primitives/storage.ts'
import { Vec, u16, u64 } from '../../../primitives/types.ts'
import { SafeFloat, U64F64 } from '../types.ts'
import { INITIAL } from './hyperparams.ts'

const P = 'SubtensorModule'
const hotNetuid = [[AccountId, 'Blake2_128Concat'], [NetUid, 'Identity']] as const
const hotColdNetuid = [[AccountId, 'Blake2_128Concat'], [AccountId, 'Blake2_128Concat'], [NetUid, 'Identity']] as const

/** SubtensorModule's own issuance counter (not Balances.TotalIssuance); genesis sets it to the balances' issuance. */
export const TotalIssuance = storageValue(P, 'TotalIssuance', { value: TaoBalance, docs: ' --- ITEM ( total_issuance ) (lib.rs:1320)' })
export const TotalStake = storageValue(P, 'TotalStake', { value: TaoBalance, docs: ' --- ITEM ( total_stake ): TAO in all pools (lib.rs:1324)' })
export const TaoWeight = storageValue(P, 'TaoWeight', { value: u64, default: INITIAL.taoWeight, docs: ' --- ITEM ( tao_weight ): weight of root stake, ÷u64::MAX (lib.rs:1165)' })

export const TotalHotkeyAlpha = storageMap(P, 'TotalHotkeyAlpha', { key: hotNetuid, value: AlphaBalance, docs: ' --- DMAP ( hot, netuid ) --> alpha staked to the hotkey (lib.rs:1459)' })
/** Legacy share denominator, read first while an entry exists (lazy migration to V2). */
export const TotalHotkeyShares = storageMap(P, 'TotalHotkeyShares', { key: hotNetuid, value: U64F64, docs: ' --- DMAP ( hot, netuid ) --> share denominator, U64F64 (legacy; lib.rs:1485)' })
export const TotalHotkeySharesV2 = storageMap(P, 'TotalHotkeySharesV2', { key: hotNetuid, value: SafeFloat, docs: ' --- DMAP ( hot, netuid ) --> share denominator, SafeFloat (lib.rs:1511)' })
/** Legacy coldkey shares, read first while an entry exists (lazy migration to V2). */
export const Alpha = storageMap(P, 'Alpha', { key: hotColdNetuid, value: U64F64, docs: ' --- NMAP ( hot, cold, netuid ) --> shares, U64F64 (legacy; lib.rs:1498)' })
export const AlphaV2 = storageMap(P, 'AlphaV2', { key: hotColdNetuid, value: SafeFloat, docs: ' --- NMAP ( hot, cold, netuid ) --> shares, SafeFloat (lib.rs:1523)' })

export const StakingHotkeys = storageMap(P, 'StakingHotkeys', { key: [[AccountId, 'Blake2_128Concat']], value: Vec(AccountId), docs: ' --- MAP ( cold ) --> Vec<hot> the coldkey has staked to (lib.rs:1403)' })
export const Delegates = storageMap(P, 'Delegates', { key: [[AccountId, 'Blake2_128Concat']], value: u16, default: INITIAL.defaultDelegateTake, docs: ' --- MAP ( hot ) --> take (lib.rs:1203)' })
export const LastColdkeyHotkeyStakeBlock = storageMap(P, 'LastColdkeyHotkeyStakeBlock', {
  key: [[AccountId, 'Twox64Concat'], [AccountId, 'Twox64Concat']],
  value: u64,
  optional: true,
  docs: ' --- Map (coldkey, hotkey) --> u64 the last block at which stake was added/removed. (lib.rs:2531)',
})
