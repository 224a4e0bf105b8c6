// pallet_balances (pallet 5): TAO balances in System.Account, transfers, the existential deposit, issuance and its events.
import type { Hex } from '../../primitives/types.ts'
import { AccountId, TaoBalance } from '../../primitives/bittensor.ts'
import { MultiAddress } from '../../primitives/extrinsic.ts'
import { storageMap, storageValue } from '../../primitives/storage.ts'
import { BoundedVec } from '../../primitives/substrate.ts'
import { bool, byteArray, compact, enumType, struct, u32, u64 } from '../../primitives/types.ts'
import { call, constant, definePallet, error, event, palletEvents } from '../../framework/pallet.ts'
import { DispatchFailure, ensureRoot, ensureSigned, lookupAccount, type DispatchContext } from '../../framework/dispatch.ts'
import { EXISTENTIAL_DEPOSIT, weight, reads, writes } from '../../config.ts'
import { Account } from '../system/storage.ts'
import { EMPTY_ACCOUNT, incProviders, writeAccount, events as systemEvents } from '../system/index.ts'
import type { AccountInfo } from '../../primitives/substrate.ts'

const P = 'Balances'

export const TotalIssuance = storageValue(P, 'TotalIssuance', { value: TaoBalance, docs: ' The total units issued in the system.' })
export const InactiveIssuance = storageValue(P, 'InactiveIssuance', { value: TaoBalance, docs: ' The total units of outstanding deactivated balance in the system.' })
const LockId = byteArray(8)
const Reasons = enumType('pallet_balances::types::Reasons', { Fee: { index: 0 }, Misc: { index: 1 }, All: { index: 2 } })
const BalanceLock = struct('pallet_balances::types::BalanceLock', { id: LockId, amount: u64, reasons: Reasons }, { params: { Balance: u64 } })
const ReserveData = struct('pallet_balances::types::ReserveData', { id: LockId, amount: u64 }, { params: { ReserveIdentifier: LockId, Balance: u64 } })
export const Locks = storageMap(P, 'Locks', {
  key: [[AccountId, 'Blake2_128Concat']],
  value: BoundedVec(BalanceLock),
  docs: ' Any liquidity locks on some account balances.',
})
export const Reserves = storageMap(P, 'Reserves', {
  key: [[AccountId, 'Blake2_128Concat']],
  value: BoundedVec(ReserveData),
  docs: ' Named reserves on some account balances.',
})

const Status = enumType('frame_support::traits::tokens::misc::BalanceStatus', { Free: { index: 0 }, Reserved: { index: 1 } })
const who = { who: AccountId, amount: TaoBalance }

export const events = palletEvents(P, {
  Endowed: event(0, { account: AccountId, freeBalance: TaoBalance }, 'An account was created with some free balance.'),
  DustLost: event(1, { account: AccountId, amount: TaoBalance }, 'An account was removed whose balance was non-zero but below ExistentialDeposit,\nresulting in an outright loss.'),
  Transfer: event(2, { from: AccountId, to: AccountId, amount: TaoBalance }, 'Transfer succeeded.'),
  BalanceSet: event(3, { who: AccountId, free: TaoBalance }, 'A balance was set by root.'),
  Reserved: event(4, who, 'Some balance was reserved (moved from free to reserved).'),
  Unreserved: event(5, who, 'Some balance was unreserved (moved from reserved to free).'),
  ReserveRepatriated: event(6, { from: AccountId, to: AccountId, amount: TaoBalance, destinationStatus: Status }, 'Some balance was moved from the reserve of the first account to the second account.\nFinal argument indicates the destination balance type.'),
  Deposit: event(7, who, 'Some amount was deposited (e.g. for transaction fees).'),
  Withdraw: event(8, who, 'Some amount was withdrawn from the account (e.g. for transaction fees).'),
  Slashed: event(9, who, 'Some amount was removed from the account (e.g. for misbehavior).'),
  Minted: event(10, who, 'Some amount was minted into an account.'),
  Burned: event(11, who, 'Some amount was burned from an account.'),
  Suspended: event(12, who, 'Some amount was suspended from an account (it can be restored later).'),
  Restored: event(13, who, 'Some amount was restored into an account.'),
  Upgraded: event(14, { who: AccountId }, 'An account was upgraded.'),
  Issued: event(15, { amount: TaoBalance }, 'Total issuance was increased by `amount`, creating a credit to be balanced.'),
  Rescinded: event(16, { amount: TaoBalance }, 'Total issuance was decreased by `amount`, creating a debt to be balanced.'),
  Locked: event(17, who, 'Some balance was locked.'),
  Unlocked: event(18, who, 'Some balance was unlocked.'),
  Frozen: event(19, who, 'Some balance was frozen.'),
  Thawed: event(20, who, 'Some balance was thawed.'),
  TotalIssuanceForced: event(21, { old: TaoBalance, new: TaoBalance }, 'The `TotalIssuance` was forcefully changed.'),
})

export const errors = [
  error(0, 'VestingBalance', 'Vesting balance too high to send value.'),
  error(1, 'LiquidityRestrictions', 'Account liquidity restrictions prevent withdrawal.'),
  error(2, 'InsufficientBalance', 'Balance too low to send value.'),
  error(3, 'ExistentialDeposit', 'Value too low to create account due to existential deposit.'),
  error(4, 'Expendability', 'Transfer/payment would kill account.'),
  error(5, 'ExistingVestingSchedule', 'A vesting schedule already exists for this account.'),
  error(6, 'DeadAccount', 'Beneficiary account must pre-exist.'),
  error(7, 'TooManyReserves', 'Number of named reserves exceed `MaxReserves`.'),
  error(8, 'TooManyHolds', 'Number of holds exceed `VariantCountOf<T::RuntimeHoldReason>`.'),
  error(9, 'TooManyFreezes', 'Number of freezes exceed `MaxFreezes`.'),
  error(10, 'IssuanceDeactivated', 'The issuance cannot be modified since it is already deactivated.'),
  error(11, 'DeltaZero', 'The delta cannot be zero.'),
]

// ── fungible logic (pallet_balances' impl of fungible::Inspect/Mutate), pure over storage ──────────

export type Preservation = 'Expendable' | 'Preserve'

const token = (kind: 'FundsUnavailable' | 'OnlyProvider' | 'BelowMinimum' | 'NotExpendable' | 'Frozen') =>
  new DispatchFailure({ type: 'Token', value: { type: kind } } as never)

export function freeBalance(ctx: DispatchContext, who: Hex): bigint {
  return Account.get(ctx.storage, who).data.free
}

/** What `who` can spend: free minus frozen, keeping the existential deposit when it must stay alive. */
export function reducibleBalance(info: AccountInfo, preservation: Preservation): bigint {
  const { free, frozen } = info.data
  const mustStay = preservation === 'Preserve' || info.consumers > 0
  const untouchable = frozen > (mustStay ? EXISTENTIAL_DEPOSIT : 0n) ? frozen : mustStay ? EXISTENTIAL_DEPOSIT : 0n
  return free > untouchable ? free - untouchable : 0n
}

/** Sets `who`'s free balance, creating (NewAccount, Endowed) or reaping (KilledAccount, DustLost) the account as the ED demands; returns the dust burned. */
function setFree(ctx: DispatchContext, who: Hex, free: bigint): bigint {
  const existing = Account.get(ctx.storage, who)
  const exists = existing.providers > 0 || existing.sufficients > 0
  if (free < EXISTENTIAL_DEPOSIT && existing.data.reserved === 0n) {
    // Below the existential deposit: the account goes, and what is left is dust.
    if (!exists) return free
    writeAccount(ctx, who, { ...existing, providers: existing.providers - 1, data: { ...existing.data, free: 0n } })
    if (free > 0n) {
      TotalIssuance.mutate(ctx.storage, (t) => t - free)
      ctx.deposit(events.DustLost({ account: who, amount: free }))
    }
    return free
  }
  let info = exists ? existing : EMPTY_ACCOUNT
  if (!exists) info = incProviders(ctx, who, info)
  writeAccount(ctx, who, { ...info, data: { ...info.data, free } })
  // pallet_balances reports every account it creates, whatever created it (transfer, deposit, root).
  if (!exists) ctx.deposit(events.Endowed({ account: who, freeBalance: free }))
  return 0n
}

/** `fungible::Mutate::transfer`: checks both sides first, then moves `amount`, then emits Transfer. */
export function transfer(ctx: DispatchContext, from: Hex, to: Hex, amount: bigint, preservation: Preservation): void {
  // 1. can_withdraw(from)
  const src = Account.get(ctx.storage, from)
  if (amount > 0n) {
    if (src.data.free < amount) throw token('FundsUnavailable')
    const left = src.data.free - amount
    if (left < EXISTENTIAL_DEPOSIT) {
      if (preservation === 'Preserve') throw token('NotExpendable')
      if (src.consumers > 0 && src.providers <= 1) throw token('OnlyProvider')
    }
    if (amount > reducibleBalance(src, 'Expendable')) throw token('Frozen')
    // 2. can_deposit(to)
    if (from !== to && Account.get(ctx.storage, to).data.free + amount < EXISTENTIAL_DEPOSIT) throw token('BelowMinimum')
  }
  if (from === to || amount === 0n) {
    ctx.deposit(events.Transfer({ from, to, amount }))
    return
  }
  // 3. move
  setFree(ctx, from, src.data.free - amount)
  setFree(ctx, to, Account.get(ctx.storage, to).data.free + amount)
  // 4. event
  ctx.deposit(events.Transfer({ from, to, amount }))
}

/** `fungible::Balanced::withdraw(…, Exact, Preserve, Polite)` for fees: false when `who` cannot pay and stay alive. */
export function withdrawFee(ctx: DispatchContext, who: Hex, fee: bigint): boolean {
  const info = Account.get(ctx.storage, who)
  if (fee > reducibleBalance(info, 'Preserve')) return false
  if (fee === 0n) return true
  writeAccount(ctx, who, { ...info, data: { ...info.data, free: info.data.free - fee } })
  ctx.deposit(events.Withdraw({ who, amount: fee }))
  return true
}

/** Whether a fee could be withdrawn now (transaction validation). */
export function canWithdrawFee(ctx: DispatchContext, who: Hex, fee: bigint): boolean {
  return fee <= reducibleBalance(Account.get(ctx.storage, who), 'Preserve')
}

/** `fungible::Balanced::deposit` / `resolve`: credits an existing account (Deposit), or creates one if the amount reaches the ED. Returns false when it could not. */
export function depositInto(ctx: DispatchContext, who: Hex, amount: bigint): boolean {
  const info = Account.get(ctx.storage, who)
  const exists = info.providers > 0 || info.sufficients > 0
  if (!exists && amount < EXISTENTIAL_DEPOSIT) return false
  setFree(ctx, who, info.data.free + amount)
  ctx.deposit(events.Deposit({ who, amount }))
  return true
}

/** Mints new TAO into `who` (genesis, emission): raises TotalIssuance. */
export function mintInto(ctx: DispatchContext, who: Hex, amount: bigint): void {
  if (amount === 0n) return
  const info = Account.get(ctx.storage, who)
  setFree(ctx, who, info.data.free + amount)
  TotalIssuance.mutate(ctx.storage, (t) => t + amount)
}

/** Burns `amount` that left an account as a fee nobody received. */
export function burnIssuance(ctx: DispatchContext, amount: bigint): void {
  if (amount > 0n) TotalIssuance.mutate(ctx.storage, (t) => t - amount)
}


// Weights: pallet_balances SubstrateWeight (1 read, 1 write each).
const transferWeight = (base: bigint) => weight(base + reads(1) + writes(1), 3_593n)

export const calls = [
  call({
    index: 0,
    name: 'transfer_allow_death',
    args: { dest: MultiAddress, value: compact(TaoBalance) },
    weight: transferWeight(48_363_000n),
    docs: 'Transfer some liquid free balance to another account.\n\n`transfer_allow_death` will set the `FreeBalance` of the sender and receiver.\nIf the sender\'s account is below the existential deposit as a result\nof the transfer, the account will be reaped.',
    run: (ctx, origin, { dest, value }) => transfer(ctx, ensureSigned(origin), lookupAccount(dest), value, 'Expendable'),
  }),
  call({
    index: 2,
    name: 'force_transfer',
    args: { source: MultiAddress, dest: MultiAddress, value: compact(TaoBalance) },
    weight: weight(49_944_000n + reads(2) + writes(2), 6_196n),
    docs: 'Exactly as `transfer_allow_death`, except the origin must be root and the source account\nmay be specified.',
    run: (ctx, origin, { source, dest, value }) => {
      ensureRoot(origin)
      transfer(ctx, lookupAccount(source), lookupAccount(dest), value, 'Expendable')
    },
  }),
  call({
    index: 3,
    name: 'transfer_keep_alive',
    args: { dest: MultiAddress, value: compact(TaoBalance) },
    weight: transferWeight(38_159_000n),
    docs: 'Same as the `transfer_allow_death` call, but with a check that the transfer will not\nkill the origin account.',
    run: (ctx, origin, { dest, value }) => transfer(ctx, ensureSigned(origin), lookupAccount(dest), value, 'Preserve'),
  }),
  call({
    index: 4,
    name: 'transfer_all',
    args: { dest: MultiAddress, keepAlive: bool },
    weight: transferWeight(47_385_000n),
    docs: 'Transfer the entire transferable balance from the caller account.',
    run: (ctx, origin, { dest, keepAlive }) => {
      const from = ensureSigned(origin)
      const preservation: Preservation = keepAlive ? 'Preserve' : 'Expendable'
      const amount = reducibleBalance(Account.get(ctx.storage, from), preservation)
      transfer(ctx, from, lookupAccount(dest), amount, preservation)
    },
  }),
  call({
    index: 8,
    name: 'force_set_balance',
    args: { who: MultiAddress, newFree: compact(TaoBalance) },
    weight: weight(19_929_000n + reads(1) + writes(1), 3_593n),
    docs: 'Set the regular balance of a given account.\n\nThe dispatch origin for this call is `root`.',
    run: (ctx, origin, { who, newFree }) => {
      ensureRoot(origin)
      const account = lookupAccount(who)
      const old = Account.get(ctx.storage, account).data.free
      const free = newFree < EXISTENTIAL_DEPOSIT ? 0n : newFree
      setFree(ctx, account, free)
      TotalIssuance.mutate(ctx.storage, (t) => t - old + free)
      ctx.deposit(events.BalanceSet({ who: account, free }))
    },
  }),
]

export type BalancesGenesis = { balances: Array<[account: Hex, free: bigint]> }

export const Balances = definePallet({
  name: P,
  index: 5,
  storage: { TotalIssuance, InactiveIssuance, Locks, Reserves },
  calls,
  events,
  errors,
  constants: {
    ExistentialDeposit: constant(u64, EXISTENTIAL_DEPOSIT, ' The minimum amount required to keep an account open. MUST BE GREATER THAN ZERO!'),
    MaxLocks: constant(u32, 50, ' The maximum number of locks that should exist on an account.'),
    MaxReserves: constant(u32, 50, ' The maximum number of named reserves that can exist on an account.'),
    MaxFreezes: constant(u32, 50, ' The maximum number of individual freeze locks that can exist on an account at any time.'),
  },
  genesis: {
    default: { balances: [] } as BalancesGenesis,
    build: (storage, { balances }) => {
      // Genesis records no events and dispatches nothing.
      const ctx: DispatchContext = {
        storage,
        deposit: () => {},
        dispatch: () => {
          throw new Error('no dispatch at genesis')
        },
      }
      for (const [who, free] of balances) {
        if (free < EXISTENTIAL_DEPOSIT) throw new Error(`genesis balance of ${who} is below the existential deposit`)
        mintInto(ctx, who, free)
      }
    },
  },
})

export { systemEvents }
