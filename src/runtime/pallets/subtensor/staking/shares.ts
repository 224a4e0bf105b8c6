// Hotkey share pools (subtensor.md §5.3): each (hotkey, netuid) pool holds TotalHotkeyAlpha; a coldkey owns share/denominator of it. Bit-exact SharePool ops.
// From primitives/share-pool/src/lib.rs @ 14bc6f9 (`get_value` :420, `try_get_value` :441, `update_value_for_all` :450,
// `sim_update_value_for_one` :459, `get_shares_per_update` :474, `update_value_for_one` :491) and pallets/subtensor/src/staking/stake_utils.rs (`get_stake_for_hotkey_and_coldkey_on_subnet` :507,
// `increase_stake_for_hotkey_on_subnet` :545, `decrease_stake_for_hotkey_on_subnet` :563, `increase_stake_for_hotkey_and_coldkey_on_subnet` :578,
// `try_increase_stake_for_hotkey_and_coldkey_on_subnet` :598, `decrease_stake_for_hotkey_and_coldkey_on_subnet` :618,
// `HotkeyAlphaSharePoolDataOperations` :1373-1470 with the lazy Alpha → AlphaV2 / TotalHotkeyShares → TotalHotkeySharesV2 migration).
import type { AccountId, NetUid } from '../../../primitives/bittensor.ts'
import type { StorageBackend } from '../../../primitives/storage.ts'
import { Alpha, AlphaV2, StakingHotkeys, TotalHotkeyAlpha, TotalHotkeyShares, TotalHotkeySharesV2 } from '../storage/stake.ts'
import type { SafeFloat } from '../types.ts'
import { sfAdd, sfFromU64F64, sfIsZero, sfMulDiv, sfNew, sfSub, sfToU64, sfZero } from './safeFloat.ts'

const U64_MAX = (1n << 64n) - 1n

/** Rust's `x as i64` for a u64: two's-complement wrap. */
const asI64 = (v: bigint) => BigInt.asIntN(64, v)
/** `i64::unsigned_abs`. */
const unsignedAbs = (v: bigint) => (v < 0n ? -v : v)

// ---- Data layer (HotkeyAlphaSharePoolDataOperations) -------------------------------------------------------------------------

/** `get_shared_value`: TotalHotkeyAlpha. */
function sharedValue(storage: StorageBackend, hotkey: AccountId, netuid: NetUid): bigint {
  return TotalHotkeyAlpha.get(storage, hotkey, netuid)
}

/** `set_shared_value`: a zero total removes the entry. */
function setSharedValue(storage: StorageBackend, hotkey: AccountId, netuid: NetUid, value: bigint): void {
  if (value !== 0n) TotalHotkeyAlpha.set(storage, hotkey, netuid, value)
  else TotalHotkeyAlpha.remove(storage, hotkey, netuid)
}

/** `try_get_share`: the legacy U64F64 `Alpha` entry if one exists, else the `AlphaV2` entry, else undefined (no entry at all). */
function tryGetShare(storage: StorageBackend, hotkey: AccountId, coldkey: AccountId, netuid: NetUid): SafeFloat | undefined {
  if (Alpha.contains(storage, hotkey, coldkey, netuid)) return sfFromU64F64(Alpha.get(storage, hotkey, coldkey, netuid))
  if (AlphaV2.contains(storage, hotkey, coldkey, netuid)) return AlphaV2.get(storage, hotkey, coldkey, netuid)
  return undefined
}

/** `get_share`: as `try_get_share`, zero when neither map has an entry. */
function getShare(storage: StorageBackend, hotkey: AccountId, coldkey: AccountId, netuid: NetUid): SafeFloat {
  return tryGetShare(storage, hotkey, coldkey, netuid) ?? sfZero()
}

/** `get_denominator`: the legacy U64F64 `TotalHotkeyShares` entry if one exists, else `TotalHotkeySharesV2` (default zero). */
function getDenominator(storage: StorageBackend, hotkey: AccountId, netuid: NetUid): SafeFloat {
  if (TotalHotkeyShares.contains(storage, hotkey, netuid)) return sfFromU64F64(TotalHotkeyShares.get(storage, hotkey, netuid))
  return TotalHotkeySharesV2.get(storage, hotkey, netuid)
}

/** `set_share`: deletes any legacy `Alpha` entry (the lazy migration), then writes `AlphaV2`, or removes it for a zero share. */
function setShare(storage: StorageBackend, hotkey: AccountId, coldkey: AccountId, netuid: NetUid, share: SafeFloat): void {
  if (Alpha.contains(storage, hotkey, coldkey, netuid)) Alpha.remove(storage, hotkey, coldkey, netuid)
  if (!sfIsZero(share)) AlphaV2.set(storage, hotkey, coldkey, netuid, share)
  else AlphaV2.remove(storage, hotkey, coldkey, netuid)
}

/** `set_denominator`: deletes any legacy `TotalHotkeyShares` entry, then writes `TotalHotkeySharesV2`, or removes it for zero. */
function setDenominator(storage: StorageBackend, hotkey: AccountId, netuid: NetUid, denominator: SafeFloat): void {
  if (TotalHotkeyShares.contains(storage, hotkey, netuid)) TotalHotkeyShares.remove(storage, hotkey, netuid)
  if (!sfIsZero(denominator)) TotalHotkeySharesV2.set(storage, hotkey, netuid, denominator)
  else TotalHotkeySharesV2.remove(storage, hotkey, netuid)
}

// ---- SharePool ----------------------------------------------------------------------------------------------------------------

/** `get_value_from_shares`: floor(sharedValue · share / denominator) via SafeFloat `mul_div`; 0 when the denominator is zero. */
function valueOfShare(sharedValueRao: bigint, share: SafeFloat, denominator: SafeFloat): bigint {
  const shared = sfNew(sharedValueRao, 0n) ?? sfZero()
  return sfToU64(sfMulDiv(shared, share, denominator) ?? sfZero())
}

/** `get_shares_per_update`: |update| · denominator / sharedValue (zero when the shared value is zero). */
function sharesPerUpdate(update: bigint, sharedValueRao: bigint, denominator: SafeFloat): SafeFloat {
  const shared = sfNew(sharedValueRao, 0n) ?? sfZero()
  const delta = sfNew(unsignedAbs(update), 0n) ?? sfZero()
  return sfMulDiv(delta, denominator, shared) ?? sfZero()
}

/** `update_value_for_all` with a signed i64 update: TotalHotkeyAlpha saturating ±, shares untouched. */
function updateValueForAll(storage: StorageBackend, hotkey: AccountId, netuid: NetUid, update: bigint): void {
  const current = sharedValue(storage, hotkey, netuid)
  let next: bigint
  if (update >= 0n) {
    next = current + update
    if (next > U64_MAX) next = U64_MAX
  } else {
    next = current + update
    if (next < 0n) next = 0n
  }
  setSharedValue(storage, hotkey, netuid, next)
}

/**
 * `update_value_for_one` with a signed i64 update. An empty pool (zero denominator) gives this key share = denominator = |update|,
 * whatever the sign. Otherwise Δ = |update| · denominator / value is added to (update > 0) or subtracted from (update ≤ 0) both
 * the key's share and the denominator (an add/sub that fails keeps the old figure). Then the shared value moves by `update`.
 */
function updateValueForOne(storage: StorageBackend, hotkey: AccountId, coldkey: AccountId, netuid: NetUid, update: bigint): void {
  const value = sharedValue(storage, hotkey, netuid)
  const share = getShare(storage, hotkey, coldkey, netuid)
  const denominator = getDenominator(storage, hotkey, netuid)
  if (sfIsZero(denominator)) {
    const initial = sfNew(unsignedAbs(update), 0n) ?? sfZero()
    setDenominator(storage, hotkey, netuid, initial)
    setShare(storage, hotkey, coldkey, netuid, initial)
  } else {
    const delta = sharesPerUpdate(update, value, denominator)
    const op = update > 0n ? sfAdd : sfSub
    setDenominator(storage, hotkey, netuid, op(denominator, delta) ?? denominator)
    setShare(storage, hotkey, coldkey, netuid, op(share, delta) ?? share)
  }
  updateValueForAll(storage, hotkey, netuid, update)
}

// ---- Pallet entry points (stake_utils.rs) ---------------------------------------------------------------------------------------

/**
 * `get_stake_for_hotkey_and_coldkey_on_subnet`: the coldkey's alpha in the hotkey's pool, floor(TotalHotkeyAlpha · share / denominator).
 * Legacy `Alpha` / `TotalHotkeyShares` entries are read in preference to V2 when present. 0 when the coldkey has no share entry.
 */
export function getStake(storage: StorageBackend, hotkey: AccountId, coldkey: AccountId, netuid: NetUid): bigint {
  const share = tryGetShare(storage, hotkey, coldkey, netuid)
  if (share === undefined) return 0n
  return valueOfShare(sharedValue(storage, hotkey, netuid), share, getDenominator(storage, hotkey, netuid))
}

/**
 * `increase_stake_for_hotkey_and_coldkey_on_subnet`: buys `amount` alpha worth of shares for the coldkey (`update_value_for_one(+amount)`),
 * records the hotkey in the coldkey's StakingHotkeys (nonzero amounts only), writes V2 and deletes V1 entries, and raises TotalHotkeyAlpha.
 *
 * Returns the change in TotalHotkeyAlpha: `amount` unless TotalHotkeyAlpha saturates at u64::MAX. This is what the pool was credited;
 * the coldkey's own `getStake` may grow by a rao less (floor rounding), and by nothing at all when the pool has shares but zero value
 * (then the existing holders absorb it: guard with `canIncreaseStake`, as subtensor's stake_into_subnet does). Like the Rust, the amount
 * is cast to i64, so amounts ≥ 2^63 wrap (never passed in practice).
 */
export function increaseStake(storage: StorageBackend, hotkey: AccountId, coldkey: AccountId, netuid: NetUid, amount: bigint): bigint {
  if (amount !== 0n) StakingHotkeys.mutate(storage, coldkey, (hotkeys) => (hotkeys.includes(hotkey) ? hotkeys : [...hotkeys, hotkey]))
  const before = sharedValue(storage, hotkey, netuid)
  updateValueForOne(storage, hotkey, coldkey, netuid, asI64(amount))
  return sharedValue(storage, hotkey, netuid) - before
}

/**
 * `try_increase_stake_for_hotkey_and_coldkey_on_subnet` (`sim_update_value_for_one`): true when an empty pool would be initialized or the
 * deposit would buy a nonzero number of shares. stake_into_subnet fails with InsufficientLiquidity when this is false.
 */
export function canIncreaseStake(storage: StorageBackend, hotkey: AccountId, netuid: NetUid, amount: bigint): boolean {
  const denominator = getDenominator(storage, hotkey, netuid)
  if (denominator.mantissa === 0n) return true
  return !sfIsZero(sharesPerUpdate(asI64(amount), sharedValue(storage, hotkey, netuid), denominator))
}

/**
 * `decrease_stake_for_hotkey_and_coldkey_on_subnet`: sells `amount` alpha worth of the coldkey's shares (`update_value_for_one(−amount)`)
 * only when the coldkey has a share entry and `getStake ≥ amount`; otherwise nothing changes (no error, like the Rust). No dust rule:
 * whatever share remains stays (a full withdrawal of exactly `getStake` may leave a tiny share, or none). A share or denominator
 * reaching zero removes its entry; a zero TotalHotkeyAlpha removes that entry.
 *
 * Returns the decrease of TotalHotkeyAlpha: `amount` when it applied (0 for amount 0), 0 when refused. It falls short of `amount`
 * only when the coldkey's value exceeds what is left in the pool (Σ shares drifted above the denominator) and TotalHotkeyAlpha
 * saturates at 0; subtensor's callers go on with the full `amount` regardless.
 */
export function decreaseStake(storage: StorageBackend, hotkey: AccountId, coldkey: AccountId, netuid: NetUid, amount: bigint): bigint {
  const share = tryGetShare(storage, hotkey, coldkey, netuid)
  if (share === undefined) return 0n
  const value = valueOfShare(sharedValue(storage, hotkey, netuid), share, getDenominator(storage, hotkey, netuid))
  if (value < amount) return 0n
  const before = sharedValue(storage, hotkey, netuid)
  updateValueForOne(storage, hotkey, coldkey, netuid, asI64(-asI64(amount)))
  return before - sharedValue(storage, hotkey, netuid)
}

/** `increase_stake_for_hotkey_on_subnet` (`update_value_for_all(+amount)`): TotalHotkeyAlpha grows, shares do not, so every holder appreciates pro rata. */
export function increaseHotkeyAlphaForAll(storage: StorageBackend, hotkey: AccountId, netuid: NetUid, amount: bigint): void {
  updateValueForAll(storage, hotkey, netuid, asI64(amount))
}

/** `decrease_stake_for_hotkey_on_subnet` (`update_value_for_all(−amount)`): TotalHotkeyAlpha shrinks (saturating at 0), shares do not. */
export function decreaseHotkeyAlphaForAll(storage: StorageBackend, hotkey: AccountId, netuid: NetUid, amount: bigint): void {
  updateValueForAll(storage, hotkey, netuid, asI64(-asI64(amount)))
}

/** `get_stake_for_hotkey_on_subnet`: TotalHotkeyAlpha, all alpha staked to the hotkey on the subnet. */
export function getTotalHotkeyAlpha(storage: StorageBackend, hotkey: AccountId, netuid: NetUid): bigint {
  return sharedValue(storage, hotkey, netuid)
}

/** The coldkey's share in the pool as the pool reads it (legacy `Alpha` first, converted; zero when absent). */
export function sharesOf(storage: StorageBackend, hotkey: AccountId, coldkey: AccountId, netuid: NetUid): SafeFloat {
  return getShare(storage, hotkey, coldkey, netuid)
}

/** The pool's share denominator as the pool reads it (legacy `TotalHotkeyShares` first, converted; zero when absent). */
export function totalShares(storage: StorageBackend, hotkey: AccountId, netuid: NetUid): SafeFloat {
  return getDenominator(storage, hotkey, netuid)
}
