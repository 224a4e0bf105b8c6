// SubtensorModule stake accounting (subtensor.md §5.3, §5.5, §5.7): hotkey share pools (Alpha / AlphaV2), totals, delegates, TaoWeight, issuance, children, root claims.
// Declarations from pallets/subtensor/src/lib.rs @ 14bc6f9 (spec 425).
import { AccountId, AlphaBalance, NetUid, TaoBalance } from '../../../primitives/bittensor.ts'
import { storageMap, storageValue } from '../../../primitives/storage.ts'
import { Vec, tuple, u128, u16, u64 } from '../../../primitives/types.ts'
import { I96F32, NetUidI96F32Map, RootClaimTypeEnum, SafeFloat, U64F64 } from '../types.ts'
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

// ---- Children (staking/set_children.rs): read by the stake weights; no call writes them yet ------------------------------------------
const accountLinks = Vec(tuple(u64, AccountId))
const parentNetuid = [[AccountId, 'Blake2_128Concat'], [NetUid, 'Identity']] as const
export const ChildKeys = storageMap(P, 'ChildKeys', { key: parentNetuid, value: accountLinks, docs: ' DMAP ( parent, netuid ) --> Vec<(proportion,child)> (lib.rs:1233)' })
export const ParentKeys = storageMap(P, 'ParentKeys', { key: parentNetuid, value: accountLinks, docs: ' DMAP ( child, netuid ) --> Vec<(proportion,parent)> (lib.rs:1246)' })

// ---- Root claims (staking/claim_root.rs, subtensor.md §5.7) ----------------------------------------------------------------------------
/** `DefaultMinRootClaimAmount`: 500_000 as I96F32. */
export const DEFAULT_ROOT_CLAIMABLE_THRESHOLD: I96F32 = { bits: 500_000n << 32n }
export const RootClaimableThreshold = storageMap(P, 'RootClaimableThreshold', {
  key: [[NetUid, 'Blake2_128Concat']],
  value: I96F32,
  default: DEFAULT_ROOT_CLAIMABLE_THRESHOLD,
  docs: ' --- MAP(netuid ) --> Root claim threshold (lib.rs:2542)',
})
export const RootClaimable = storageMap(P, 'RootClaimable', {
  key: [[AccountId, 'Blake2_128Concat']],
  value: NetUidI96F32Map,
  default: [],
  docs: ' --- MAP ( hot ) --> MAP(netuid ) --> claimable_dividends | Root claimable dividends. (lib.rs:2546)',
})
export const RootClaimed = storageMap(P, 'RootClaimed', {
  key: [[NetUid, 'Identity'], [AccountId, 'Blake2_128Concat'], [AccountId, 'Blake2_128Concat']],
  value: u128,
  docs: ' Already claimed root alpha: NMAP ( netuid, hot, cold ) --> u128 (lib.rs:2557)',
})
export const RootClaimType = storageMap(P, 'RootClaimType', {
  key: [[AccountId, 'Blake2_128Concat']],
  value: RootClaimTypeEnum,
  default: { type: 'Swap' } as RootClaimTypeEnum,
  docs: ' -- MAP ( cold ) --> root_claim_type enum (lib.rs:2568)',
})
export const StakingColdkeysByIndex = storageMap(P, 'StakingColdkeysByIndex', { key: [[u64, 'Identity']], value: AccountId, optional: true, docs: ' --- MAP ( u64 ) --> coldkey | Maps coldkeys that have stake to an index (lib.rs:2577)' })
export const StakingColdkeys = storageMap(P, 'StakingColdkeys', { key: [[AccountId, 'Identity']], value: u64, optional: true, docs: ' --- MAP ( coldkey ) --> index | Maps index that have stake to a coldkey (lib.rs:2581)' })
export const NumStakingColdkeys = storageValue(P, 'NumStakingColdkeys', { value: u64, docs: ' --- Value --> num_staking_coldkeys (lib.rs:2584)' })
/** `DefaultNumRootClaim`: 5 coldkeys auto-claimed per block. */
export const NumRootClaim = storageValue(P, 'NumRootClaim', { value: u64, default: 5n, docs: ' --- Value --> num_root_claim | Number of coldkeys to claim each auto-claim. (lib.rs:2586)' })
export const SubnetRootSellTao = storageMap(P, 'SubnetRootSellTao', {
  key: [[NetUid, 'Identity']],
  value: TaoBalance,
  docs: ' --- MAP ( netuid ) --> root_sell_tao | Returns the TAO received from root dividend sells on this subnet on the last block. (lib.rs:1384)',
})
