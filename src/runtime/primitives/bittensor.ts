// Bittensor's primitive types (accounts, netuids, balances) as SCALE types under the names subtensor's metadata gives them.
import { AccountId32 } from './substrate.ts'
import { u16, u32, u64, u8, withTypeName } from './types.ts'
import type { ValueOf } from './types.ts'

/** An account (coldkey or hotkey): 32 bytes as lower-case hex. */
export const AccountId = withTypeName(AccountId32, 'T::AccountId')
export type AccountId = ValueOf<typeof AccountId>

/** A subnet id; 0 is the root network. */
export const NetUid = withTypeName(u16, 'NetUid')
export type NetUid = ValueOf<typeof NetUid>

/** `mechid * 4096 + netuid`: the first key of per-mechanism maps (Weights, Bonds, Incentive…). */
export const NetUidStorageIndex = withTypeName(u16, 'NetUidStorageIndex')
export type NetUidStorageIndex = ValueOf<typeof NetUidStorageIndex>

/** A sub-subnet ("mechanism") id; 0 is the main mechanism. */
export const MechId = withTypeName(u8, 'MechId')
export type MechId = ValueOf<typeof MechId>

/** TAO in RAO (1 TAO = 10^9 RAO). */
export const TaoBalance = withTypeName(u64, 'TaoBalance')
export type TaoBalance = ValueOf<typeof TaoBalance>

/** A subnet's alpha in alpha-RAO. */
export const AlphaBalance = withTypeName(u64, 'AlphaBalance')
export type AlphaBalance = ValueOf<typeof AlphaBalance>

export const BlockNumber = withTypeName(u32, 'BlockNumberFor<T>')
export type BlockNumber = ValueOf<typeof BlockNumber>

export const Nonce = withTypeName(u32, 'T::Nonce')
export type Nonce = ValueOf<typeof Nonce>

/** RAO per TAO (`tokenDecimals: 9`). */
export const RAO_PER_TAO = 1_000_000_000n

/** `tao(1.5)` → 1_500_000_000n RAO; exact for up to 9 decimals. */
export function tao(amount: number | string): TaoBalance {
  const [whole = '0', frac = ''] = String(amount).split('.')
  if (!/^\d+$/.test(whole) || !/^\d{0,9}$/.test(frac)) throw new Error(`not a TAO amount with at most 9 decimals: ${amount}`)
  return BigInt(whole) * RAO_PER_TAO + BigInt(frac.padEnd(9, '0'))
}
