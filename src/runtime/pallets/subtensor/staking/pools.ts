// The subnet pools as staking uses them: TAO in and out of a subnet's account, swaps against the Swap pallet's pool with the reserve bookkeeping, and the block author who earns swap fees.
// From pallets/subtensor/src/staking/stake_utils.rs @ 14bc6f9 (`swap_tao_for_alpha` :638, `swap_alpha_for_tao` :689, `*_provided_*_reserve` :1336),
// coinbase/tao.rs (`transfer_tao_to_subnet` :88, `transfer_tao_from_subnet` :123, `transfer_tao` :55), pallets/swap/src/pallet/impls.rs (`swap_inner`, `maybe_initialize_palswap` :38)
// and runtime/src/lib.rs:516 (`BlockAuthorFromAura`: the Aura authority of the block's slot).
import { hexToU8a } from '@polkadot/util'
import type { DispatchContext } from '../../../framework/dispatch.ts'
import { dispatchError } from '../../../framework/dispatch.ts'
import type { AccountId, NetUid } from '../../../primitives/bittensor.ts'
import type { StorageBackend } from '../../../primitives/storage.ts'
import type { Hex } from '../../../primitives/types.ts'
import { Account, Digest } from '../../system/storage.ts'
import { Authorities as AuraAuthorities, authorAt } from '../../aura/index.ts'
import { TotalIssuance as BalancesIssuance, reducibleBalance, transfer } from '../../balances/index.ts'
import { DEFAULT_QUOTE_WEIGHT, MINIMUM_RESERVE, PalSwapInitialized, SwapBalancer, swapPool, swapAlphaForTao, swapTaoForAlpha, type SwapResult } from '../../swap/index.ts'
import { TotalIssuance, TotalStake } from '../storage/stake.ts'
import { NetworksAdded, SubnetAlphaIn, SubnetAlphaOut, SubnetTAO, SubnetVolume } from '../storage/subnets.ts'

const P = 'SubtensorModule'
const U64_MAX = (1n << 64n) - 1n
const U128_MAX = (1n << 128n) - 1n
const satAdd = (a: bigint, b: bigint, max = U64_MAX) => (a + b > max ? max : a + b)
const satSub = (a: bigint, b: bigint) => (a > b ? a - b : 0n)

/** `DefaultMinStake`: 0.002 TAO, the least a stake operation may move. */
export const DEFAULT_MIN_STAKE = 2_000_000n

/** `PalletId(*b"subtensr")` as `into_sub_account_truncating`'s prefix: b"modl" ++ b"subtensr". */
const SUBNET_ACCOUNT_PREFIX = '0x6d6f646c' + '7375627465' + '6e7372'

/** `get_subnet_account_id`: b"modl" ++ b"subtensr" ++ netuid (u16 LE), zero-padded to 32 bytes; only for added networks and root. */
export function subnetAccountId(ctx: Pick<DispatchContext, 'storage'>, netuid: NetUid): AccountId | undefined {
  if (!NetworksAdded.contains(ctx.storage, netuid) && netuid !== 0) return undefined
  const le = [netuid & 0xff, netuid >> 8].map((b) => b.toString(16).padStart(2, '0')).join('')
  return `${SUBNET_ACCOUNT_PREFIX}${le}${'00'.repeat(18)}` as AccountId
}

/** `is_subnet_account_id` (`PalletId::try_from_sub_account`): the account starts with the subtensor pallet's sub-account prefix. */
export const isSubnetAccountId = (account: AccountId): boolean => account.toLowerCase().startsWith(SUBNET_ACCOUNT_PREFIX)

/** `BlockAuthorFromAura::get_block_author`: the Aura authority for the slot in this block's PreRuntime digest. */
export function blockAuthor(storage: StorageBackend): AccountId | undefined {
  const log = Digest.get(storage).logs.find((l) => l.type === 'PreRuntime' && (l.value as [Hex, Uint8Array])[0] === '0x61757261')
  if (!log) return undefined
  const slotBytes = (log.value as [Hex, Uint8Array | Hex])[1]
  const bytes = typeof slotBytes === 'string' ? hexToU8a(slotBytes) : slotBytes
  if (bytes.length !== 8) return undefined
  const slot = new DataView(bytes.buffer, bytes.byteOffset, 8).getBigUint64(0, true)
  return authorAt(AuraAuthorities.get(storage), slot) as AccountId | undefined
}

/** `get_coldkey_balance`: what the coldkey can spend, down to zero (Expendable). */
export const coldkeyBalance = (ctx: Pick<DispatchContext, 'storage'>, coldkey: AccountId): bigint => reducibleBalance(Account.get(ctx.storage, coldkey), 'Expendable')

/** `transfer_tao`: an Expendable transfer of at most the spendable balance; dust a reaped sender loses also leaves SubtensorModule's TotalIssuance. */
export function transferTao(ctx: DispatchContext, from: AccountId, to: AccountId, amount: bigint): void {
  if (amount > coldkeyBalance(ctx, from)) throw dispatchError(P, 'InsufficientBalance')
  const before = BalancesIssuance.get(ctx.storage)
  transfer(ctx, from, to, amount, 'Expendable')
  const after = BalancesIssuance.get(ctx.storage)
  if (after < before) TotalIssuance.mutate(ctx.storage, (t) => satSub(t, before - after))
}

/** `transfer_tao_to_subnet`: moves min(amount, what the coldkey can spend and stay alive) to the subnet account; returns it. */
export function transferTaoToSubnet(ctx: DispatchContext, netuid: NetUid, coldkey: AccountId, amount: bigint): bigint {
  if (amount === 0n) return 0n
  const subnet = subnetAccountId(ctx, netuid)
  if (subnet === undefined) throw dispatchError(P, 'SubnetNotExists')
  const preserving = reducibleBalance(Account.get(ctx.storage, coldkey), 'Preserve')
  const moved = amount < preserving ? amount : preserving
  if (moved === 0n) throw dispatchError(P, 'InsufficientBalance')
  transfer(ctx, coldkey, subnet, moved, 'Preserve')
  return moved
}

/** `transfer_tao_from_subnet`: pays `amount` out of the subnet account. */
export function transferTaoFromSubnet(ctx: DispatchContext, netuid: NetUid, to: AccountId, amount: bigint): void {
  const subnet = subnetAccountId(ctx, netuid)
  if (subnet === undefined) throw dispatchError(P, 'SubnetNotExists')
  transferTao(ctx, subnet, to, amount)
}

/** `swap_inner`'s first use of a subnet's balancer writes the default 0.5/0.5 weights it priced with (`maybe_initialize_palswap(netuid, None)`). */
function initializePalSwap(storage: StorageBackend, netuid: NetUid): void {
  if (PalSwapInitialized.get(storage, netuid)) return
  SwapBalancer.set(storage, netuid, { quote: DEFAULT_QUOTE_WEIGHT })
  PalSwapInitialized.set(storage, netuid, true)
}

/** Runs a pool swap; the Swap pallet's refusals keep their pallet and name. */
function poolSwap(ctx: DispatchContext, netuid: NetUid, side: 'buy' | 'sell', amount: bigint, limitPriceRao: bigint | undefined, dropFees: boolean): SwapResult {
  const pool = swapPool(ctx.storage, netuid)
  const outcome = side === 'buy' ? swapTaoForAlpha(pool, amount, { limitPriceRao, dropFees }) : swapAlphaForTao(pool, amount, { limitPriceRao, dropFees })
  if (!outcome.ok) throw dispatchError('Swap', outcome.error)
  const reserveOut = side === 'buy' ? pool.alphaReserve : pool.taoReserve
  if (pool.mechanism === 1 && reserveOut >= MINIMUM_RESERVE) initializePalSwap(ctx.storage, netuid)
  return outcome.result
}

/**
 * `swap_tao_for_alpha(netuid, tao, price_limit, drop_fees)`: buys alpha from the pool. The reserves move by the ex-fee TAO in
 * and the alpha out; TotalStake and SubnetVolume by the gross TAO. The TAO fee stays in the subnet account for the caller to pay out.
 */
export function swapTaoForAlphaInSubnet(ctx: DispatchContext, netuid: NetUid, tao: bigint, limitPriceRao?: bigint, dropFees = false): SwapResult {
  const s = ctx.storage
  const r = poolSwap(ctx, netuid, 'buy', tao, limitPriceRao, dropFees)
  if (r.amountPaidOut !== 0n) SubnetAlphaIn.mutate(s, netuid, (a) => satSub(a, r.amountPaidOut))
  SubnetAlphaOut.mutate(s, netuid, (a) => satAdd(a, r.amountPaidOut))
  SubnetTAO.mutate(s, netuid, (t) => satAdd(t, r.amountPaidIn))
  TotalStake.mutate(s, (t) => satAdd(t, tao))
  SubnetVolume.mutate(s, netuid, (v) => satAdd(v, tao, U128_MAX))
  return r
}

/**
 * `swap_alpha_for_tao(netuid, alpha, price_limit, drop_fees)`: sells alpha to the pool. The reserves move by the ex-fee alpha in and
 * the TAO out; TotalStake falls and SubnetVolume grows by the TAO out. The alpha fee is the caller's to settle.
 */
export function swapAlphaForTaoInSubnet(ctx: DispatchContext, netuid: NetUid, alpha: bigint, limitPriceRao?: bigint, dropFees = false): SwapResult {
  const s = ctx.storage
  const r = poolSwap(ctx, netuid, 'sell', alpha, limitPriceRao, dropFees)
  SubnetAlphaIn.mutate(s, netuid, (a) => satAdd(a, r.amountPaidIn))
  SubnetAlphaOut.mutate(s, netuid, (a) => satSub(a, r.amountPaidIn))
  if (r.amountPaidOut !== 0n) SubnetTAO.mutate(s, netuid, (t) => satSub(t, r.amountPaidOut))
  TotalStake.mutate(s, (t) => satSub(t, r.amountPaidOut))
  SubnetVolume.mutate(s, netuid, (v) => satAdd(v, r.amountPaidOut, U128_MAX))
  return r
}
