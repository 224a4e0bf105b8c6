// Root claims (subtensor.md §5.7): root validators' share of subnet dividends accrues per hotkey as alpha per unit of root stake (RootClaimable); each
// coldkey claims its part, swapped to TAO and restaked on root, or kept as alpha on the subnet, by its RootClaimType. RootClaimed is the
// watermark that stops a coldkey claiming twice or claiming what accrued before its root stake arrived.
// From pallets/subtensor/src/staking/claim_root.rs @ 14bc6f9 (every function keeps its Rust name in camelCase), macros/dispatches.rs:2152-2243
// (call_index 121-124) and weights.rs (claim_root, set_root_claim_type, sudo_set_num_root_claims, sudo_set_root_claim_threshold).
// Not here: SubnetProtocolFlow / `record_protocol_outflow` (no protocol-flow storage is declared in this runtime yet).
import { hexToU8a } from '@polkadot/util'
import { call } from '../../../framework/pallet.ts'
import type { DispatchContext, Origin, PostDispatchInfo, RuntimeEventLike } from '../../../framework/dispatch.ts'
import { dispatchError, ensureRoot, ensureSigned } from '../../../framework/dispatch.ts'
import { NetUid, type AccountId } from '../../../primitives/bittensor.ts'
import type { StorageBackend } from '../../../primitives/storage.ts'
import type { Weight } from '../../../primitives/substrate.ts'
import { u64 } from '../../../primitives/types.ts'
import { OverlayStorage } from '../../../executive/overlay.ts'
import { reads, weight, writes } from '../../../config.ts'
import { ParentHash } from '../../system/storage.ts'
import { MIN_PRICE_RAO } from '../../swap/index.ts'
import { I96F32, type Fixed } from '../epoch/fixed.ts'
import { events } from '../events.ts'
import { Owner } from '../storage/neurons.ts'
import {
  NumRootClaim, NumStakingColdkeys, RootClaimable, RootClaimableThreshold, RootClaimed, RootClaimType, StakingColdkeys, StakingColdkeysByIndex, StakingHotkeys,
  SubnetRootSellTao, TotalStake,
} from '../storage/stake.ts'
import { SubnetAlphaOut, SubnetTAO } from '../storage/subnets.ts'
import { NetUidSet, RootClaimTypeEnum } from '../types.ts'
import { subnetAccountId, swapAlphaForTaoInSubnet, transferTaoFromSubnet } from './pools.ts'
import { getStake, getTotalHotkeyAlpha, increaseStake } from './shares.ts'
import { ensureSubnetOwnerOrRoot } from '../subnets/symbols.ts'

const P = 'SubtensorModule'
const ROOT = 0
const U64_MAX = (1n << 64n) - 1n
const U128_MAX = (1n << 128n) - 1n
const satAdd = (a: bigint, b: bigint, max = U64_MAX) => (a + b > max ? max : a + b)
const satSub = (a: bigint, b: bigint) => (a > b ? a - b : 0n)

/** `MAX_NUM_ROOT_CLAIMS` (lib.rs:64): the most coldkeys sudo may have auto-claimed per block. */
export const MAX_NUM_ROOT_CLAIMS = 50n
/** `MAX_SUBNET_CLAIMS` (lib.rs:66): the most subnets one claim_root names. */
export const MAX_SUBNET_CLAIMS = 5
/** `MAX_ROOT_CLAIM_THRESHOLD` (lib.rs:68). */
export const MAX_ROOT_CLAIM_THRESHOLD = 10_000_000n

const fx = (v: { bits: bigint }): Fixed => I96F32.fromBits(v.bits)
const addW = (a: Weight, b: Weight): Weight => ({ refTime: satAdd(a.refTime, b.refTime), proofSize: satAdd(a.proofSize, b.proofSize) })
const ZERO_WEIGHT = weight(0n)

/** I96F32 → u128 as `saturating_to_num::<u128>()`: floor, negatives to 0. */
const toU128 = (x: Fixed): bigint => {
  const v = x.floor()
  return v < 0n ? 0n : v > U128_MAX ? U128_MAX : v
}

// ---- Transactions ---------------------------------------------------------------------------------------------------------------------

/**
 * `with_transaction`: runs `f` on a storage layer of its own and an event buffer; both are applied to `ctx` if `f` returns and dropped
 * if it throws.
 */
function withTransaction<T>(ctx: DispatchContext, f: (inner: DispatchContext) => T): T {
  const layer = new OverlayStorage(ctx.storage)
  const deposited: RuntimeEventLike[] = []
  const inner: DispatchContext = {
    storage: layer,
    deposit: (event) => void deposited.push(event),
    dispatch: () => {
      throw new Error('no nested dispatch inside a root claim')
    },
  }
  const out = f(inner)
  for (const [key, value] of layer.changes()) ctx.storage.set(hexToU8a(key), value)
  for (const event of deposited) ctx.deposit(event)
  return out
}

// ---- What the coinbase and the stake changes call ---------------------------------------------------------------------------------------

/** RootClaimable[hotkey] as a Map netuid → I96F32 rate. */
export function getRootClaimable(s: StorageBackend, hotkey: AccountId): Map<NetUid, Fixed> {
  return new Map(RootClaimable.get(s, hotkey).map(([netuid, rate]) => [netuid, fx(rate)]))
}

function setRootClaimable(s: StorageBackend, hotkey: AccountId, claimable: Map<NetUid, Fixed>): void {
  RootClaimable.set(s, hotkey, [...claimable].map(([netuid, rate]) => [netuid, { bits: rate.bits }]))
}

/**
 * `increase_root_claimable_for_hotkey_and_subnet`: the coinbase's root alpha dividend `amount` for `hotkey` on `netuid` raises the rate by
 * `I96F32(amount) / I96F32(root stake of the hotkey)` (0 when the root stake is 0). If `amount` exceeds the hotkey's root stake, it is
 * staked instead to (hotkey, Owner[hotkey]) on `netuid` and the rate is left alone.
 */
export function increaseRootClaimableForHotkeyAndSubnet(s: StorageBackend, hotkey: AccountId, netuid: NetUid, amount: bigint): void {
  const total = I96F32.saturatingFromNum(getTotalHotkeyAlpha(s, hotkey, ROOT))
  const increment = I96F32.saturatingFromNum(amount).checkedDiv(total) ?? I96F32.zero
  if (amount > total.saturatingToU64()) {
    increaseStake(s, hotkey, Owner.get(s, hotkey), netuid, amount)
    return
  }
  const claimable = getRootClaimable(s, hotkey)
  const current = claimable.get(netuid)
  claimable.set(netuid, current === undefined ? increment : current.saturatingAdd(increment))
  setRootClaimable(s, hotkey, claimable)
}

/** `get_root_claimable_for_hotkey_coldkey`: rate × the coldkey's root stake on the hotkey (I96F32). */
export function getRootClaimableForHotkeyColdkey(s: StorageBackend, hotkey: AccountId, coldkey: AccountId, netuid: NetUid): Fixed {
  const rootStake = I96F32.saturatingFromNum(getStake(s, hotkey, coldkey, ROOT))
  const rate = getRootClaimable(s, hotkey).get(netuid) ?? I96F32.zero
  return rate.saturatingMul(rootStake)
}

/** `get_root_owed_for_hotkey_coldkey_float`: claimable − RootClaimed (may be negative). */
export function getRootOwedForHotkeyColdkeyFloat(s: StorageBackend, hotkey: AccountId, coldkey: AccountId, netuid: NetUid): Fixed {
  const claimable = getRootClaimableForHotkeyColdkey(s, hotkey, coldkey, netuid)
  const claimed = I96F32.saturatingFromNum(RootClaimed.get(s, netuid, hotkey, coldkey))
  return claimable.saturatingSub(claimed)
}

/** `get_root_owed_for_hotkey_coldkey`: the owed alpha floored to u64, negatives as 0. */
export function getRootOwedForHotkeyColdkey(s: StorageBackend, hotkey: AccountId, coldkey: AccountId, netuid: NetUid): bigint {
  const owed = getRootOwedForHotkeyColdkeyFloat(s, hotkey, coldkey, netuid)
  return owed.isNegative() ? 0n : owed.saturatingToU64()
}

/**
 * `add_stake_adjust_root_claimed_for_hotkey_and_coldkey`: `amount` of new root stake on (hotkey, coldkey) must not claim what accrued
 * before it arrived, so RootClaimed[(n, hotkey, coldkey)] += floor(rate_n · amount) for every subnet n in RootClaimable[hotkey].
 */
export function addStakeAdjustRootClaimedForHotkeyAndColdkey(s: StorageBackend, hotkey: AccountId, coldkey: AccountId, amount: bigint): void {
  const a = I96F32.fromNum(amount)
  for (const [netuid, rate] of getRootClaimable(s, hotkey)) {
    const claimed = RootClaimed.get(s, netuid, hotkey, coldkey)
    RootClaimed.set(s, netuid, hotkey, coldkey, satAdd(claimed, toU128(rate.saturatingMul(a)), U128_MAX))
  }
}

/**
 * `remove_stake_adjust_root_claimed_for_hotkey_and_coldkey`: `amount` of root stake leaving (hotkey, coldkey) takes its share of the
 * watermark with it: RootClaimed[(n, hotkey, coldkey)] −= floor(rate_n · amount), saturating at 0, for every subnet n except root.
 */
export function removeStakeAdjustRootClaimedForHotkeyAndColdkey(s: StorageBackend, hotkey: AccountId, coldkey: AccountId, amount: bigint): void {
  const a = I96F32.fromNum(amount)
  for (const [netuid, rate] of getRootClaimable(s, hotkey)) {
    if (netuid === ROOT) continue
    const claimed = RootClaimed.get(s, netuid, hotkey, coldkey)
    RootClaimed.set(s, netuid, hotkey, coldkey, satSub(claimed, toU128(rate.saturatingMul(a))))
  }
}

// ---- The auto-claim index of coldkeys with root stake -----------------------------------------------------------------------------------

/** `maybe_add_coldkey_index`: gives the coldkey the next index (StakingColdkeys ↔ StakingColdkeysByIndex) unless it has one. */
export function maybeAddColdkeyIndex(s: StorageBackend, coldkey: AccountId): void {
  if (StakingColdkeys.contains(s, coldkey)) return
  const n = NumStakingColdkeys.get(s)
  StakingColdkeysByIndex.set(s, n, coldkey)
  StakingColdkeys.set(s, coldkey, n)
  NumStakingColdkeys.set(s, satAdd(n, 1n))
}

/** `coldkey_has_root_stake`: some hotkey in StakingHotkeys[coldkey] holds root stake of the coldkey. */
export function coldkeyHasRootStake(s: StorageBackend, coldkey: AccountId): boolean {
  return StakingHotkeys.get(s, coldkey).some((hotkey) => getStake(s, hotkey, coldkey, ROOT) !== 0n)
}

/** `maybe_remove_coldkey_index`: drops the coldkey's index, moving the last entry into the hole so indices stay dense in [0, n). */
export function maybeRemoveColdkeyIndex(s: StorageBackend, coldkey: AccountId): void {
  const idx = StakingColdkeys.get(s, coldkey)
  if (idx === undefined) return
  StakingColdkeys.remove(s, coldkey)
  const last = satSub(NumStakingColdkeys.get(s), 1n)
  const moved = idx !== last ? StakingColdkeysByIndex.get(s, last) : undefined
  if (moved !== undefined) {
    StakingColdkeysByIndex.remove(s, last)
    StakingColdkeysByIndex.set(s, idx, moved)
    StakingColdkeys.set(s, moved, idx)
  } else {
    StakingColdkeysByIndex.remove(s, idx)
  }
  NumStakingColdkeys.set(s, last)
}

// ---- Claiming ---------------------------------------------------------------------------------------------------------------------------

/**
 * `root_claim_on_subnet`: pays (hotkey, coldkey) what it is owed on `netuid`. Below RootClaimableThreshold[netuid] (unless
 * `ignoreMinimum`) or when the floor is 0 it does nothing. Otherwise, by claim type (KeepSubnets keeps the listed subnets, swaps the rest):
 * - swap: the owed alpha is sold fee-free on `netuid` (no price limit beyond the pool minimum), the TAO moves from the subnet account to
 *   root's account and is staked on root for (hotkey, coldkey): SubnetTAO[0], SubnetAlphaOut[0], TotalStake and SubnetRootSellTao[netuid]
 *   grow by it, and the new root stake raises RootClaimed on every subnet (add-stake adjustment);
 * - keep: the owed alpha is staked to (hotkey, coldkey) on `netuid`.
 * Then RootClaimed[(netuid, hotkey, coldkey)] += owed.
 */
export function rootClaimOnSubnet(ctx: DispatchContext, hotkey: AccountId, coldkey: AccountId, netuid: NetUid, claimType: RootClaimTypeEnum, ignoreMinimum: boolean): void {
  const s = ctx.storage
  const owed = getRootOwedForHotkeyColdkeyFloat(s, hotkey, coldkey, netuid)
  if (!ignoreMinimum && owed.lt(fx(RootClaimableThreshold.get(s, netuid)))) return
  const owedU64 = owed.isNegative() ? 0n : owed.saturatingToU64()
  if (owedU64 === 0n) return

  const swap = claimType.type === 'Swap' ? true : claimType.type === 'Keep' ? false : !claimType.value.subnets.includes(netuid)
  if (swap) {
    withTransaction(ctx, (tx) => {
      const t = tx.storage
      const sold = swapAlphaForTaoInSubnet(tx, netuid, owedU64, MIN_PRICE_RAO, true)
      const rootAccount = subnetAccountId(tx, ROOT)
      if (rootAccount === undefined) throw dispatchError(P, 'RootNetworkDoesNotExist')
      const taoOut = sold.amountPaidOut
      transferTaoFromSubnet(tx, netuid, rootAccount, taoOut)
      SubnetRootSellTao.mutate(t, netuid, (v) => satAdd(v, taoOut))
      increaseStake(t, hotkey, coldkey, ROOT, taoOut)
      SubnetTAO.mutate(t, ROOT, (v) => satAdd(v, taoOut))
      SubnetAlphaOut.mutate(t, ROOT, (v) => satAdd(v, taoOut))
      TotalStake.mutate(t, (v) => satAdd(v, taoOut))
      addStakeAdjustRootClaimedForHotkeyAndColdkey(t, hotkey, coldkey, taoOut)
    })
  } else {
    increaseStake(s, hotkey, coldkey, netuid, owedU64)
  }
  RootClaimed.mutate(s, netuid, hotkey, coldkey, (v) => satAdd(v, owedU64, U128_MAX))
}

/** `root_claim_on_subnet_weight`. */
const rootClaimOnSubnetWeight = (): Weight => weight(60_000_000n + reads(7) + writes(5), 6_987n)

/** `root_claim_all`: claims for (hotkey, coldkey) on every subnet in RootClaimable[hotkey] (ascending netuid), or only those in `subnets`. */
export function rootClaimAll(ctx: DispatchContext, hotkey: AccountId, coldkey: AccountId, subnets: readonly NetUid[] | undefined): Weight {
  let w = weight(reads(2))
  const claimType = RootClaimType.get(ctx.storage, coldkey)
  for (const netuid of getRootClaimable(ctx.storage, hotkey).keys()) {
    if (subnets !== undefined && !subnets.includes(netuid)) continue
    rootClaimOnSubnet(ctx, hotkey, coldkey, netuid, claimType, false)
    w = addW(w, rootClaimOnSubnetWeight())
  }
  return w
}

/** `do_root_claim`: claims for every hotkey in StakingHotkeys[coldkey], all or nothing, and emits RootClaimed { coldkey }. */
export function doRootClaim(ctx: DispatchContext, coldkey: AccountId, subnets: readonly NetUid[] | undefined): Weight {
  return withTransaction(ctx, (tx) => {
    let w = weight(reads(1))
    for (const hotkey of StakingHotkeys.get(tx.storage, coldkey)) {
      w = addW(w, weight(reads(1)))
      w = addW(w, rootClaimAll(tx, hotkey, coldkey, subnets))
    }
    tx.deposit(events.RootClaimed({ coldkey }))
    return w
  })
}

/** `block_hash_to_indices`: up to `k` distinct indices below `n` from the block hash's four big-endian u64 words, ascending. */
export function blockHashToIndices(hash: Uint8Array, k: bigint, n: bigint): bigint[] {
  const word = (at: number) => (at + 8 <= hash.length ? new DataView(hash.buffer, hash.byteOffset + at, 8).getBigUint64(0, false) : 0n)
  const indices = new Set<bigint>()
  let last = word(0)
  for (let i = 0n; i < k; i++) {
    const step = word(Number((i * 8n) % 32n))
    const idx = n === 0n ? 0n : satAdd(last, step) % n
    indices.add(idx)
    last = idx
  }
  return [...indices].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
}

/**
 * `run_auto_claim_root_divs` (block_step step 8): claims for up to NumRootClaim coldkeys of the staking-coldkey index, picked from the
 * parent block hash by `blockHashToIndices` (deterministic: no randomness beyond the hash itself). A coldkey whose claim fails is
 * left as it was (the error is only logged on subtensor). Returns the weight used.
 */
export function runAutoClaimRootDivs(ctx: DispatchContext): Weight {
  const s = ctx.storage
  const n = NumStakingColdkeys.get(s)
  const k = NumRootClaim.get(s)
  let w = weight(reads(2))
  const indices = blockHashToIndices(hexToU8a(ParentHash.get(s)), k, n)
  w = addW(w, weight(3_000_000n + 100_412n * k, 1_517n))
  for (const i of indices) {
    w = addW(w, weight(reads(1)))
    const coldkey = StakingColdkeysByIndex.get(s, i)
    if (coldkey === undefined) continue
    try {
      w = addW(w, doRootClaim(ctx, coldkey, undefined))
    } catch {
      // subtensor: log::error!("Error auto-claiming root dividends: {err:?}")
    }
  }
  return w
}

/** `change_root_claim_type`. */
export function changeRootClaimType(ctx: DispatchContext, coldkey: AccountId, claimType: RootClaimTypeEnum): void {
  RootClaimType.set(ctx.storage, coldkey, claimType)
  ctx.deposit(events.RootClaimTypeSet({ coldkey, rootClaimType: claimType }))
}

// ---- Calls -------------------------------------------------------------------------------------------------------------------------------

export function doClaimRoot(ctx: DispatchContext, origin: Origin, { subnets }: { subnets: NetUid[] }): PostDispatchInfo {
  const coldkey = ensureSigned(origin)
  if (subnets.length === 0 || subnets.length > MAX_SUBNET_CLAIMS) throw dispatchError(P, 'InvalidSubnetNumber')
  maybeAddColdkeyIndex(ctx.storage, coldkey)
  const used = doRootClaim(ctx, coldkey, subnets)
  return { actualWeight: used, paysFee: 'Yes' }
}

export function doSetRootClaimType(ctx: DispatchContext, origin: Origin, { newRootClaimType }: { newRootClaimType: RootClaimTypeEnum }): void {
  const coldkey = ensureSigned(origin)
  if (newRootClaimType.type === 'KeepSubnets' && newRootClaimType.value.subnets.length === 0) throw dispatchError(P, 'InvalidSubnetNumber')
  maybeAddColdkeyIndex(ctx.storage, coldkey)
  changeRootClaimType(ctx, coldkey, newRootClaimType)
}

export function doSudoSetNumRootClaims(ctx: DispatchContext, origin: Origin, { newValue }: { newValue: bigint }): void {
  ensureRoot(origin)
  if (newValue > MAX_NUM_ROOT_CLAIMS) throw dispatchError(P, 'InvalidNumRootClaim')
  NumRootClaim.set(ctx.storage, newValue)
}

export function doSudoSetRootClaimThreshold(ctx: DispatchContext, origin: Origin, { netuid, newValue }: { netuid: NetUid; newValue: bigint }): void {
  ensureSubnetOwnerOrRoot(ctx, origin, netuid)
  if (newValue > MAX_ROOT_CLAIM_THRESHOLD) throw dispatchError(P, 'InvalidRootClaimThreshold')
  RootClaimableThreshold.set(ctx.storage, netuid, { bits: newValue << 32n })
}

export const claimRootCalls = [
  call({
    index: 121,
    name: 'claim_root',
    args: { subnets: NetUidSet },
    weight: weight(138_999_000n + reads(16) + writes(4), 7_875n),
    docs: "Claims the coldkey's root dividends on the given subnets (1 to 5), for every hotkey it stakes to, as its RootClaimType says.",
    run: doClaimRoot,
  }),
  call({
    index: 122,
    name: 'set_root_claim_type',
    args: { newRootClaimType: RootClaimTypeEnum },
    weight: weight(18_283_000n + reads(2) + writes(4), 3_941n),
    docs: "Sets how the coldkey's root dividends are claimed: Swap to TAO on root (default), Keep as alpha, or KeepSubnets (keep those, swap the rest).",
    run: doSetRootClaimType,
  }),
  call({
    index: 123,
    name: 'sudo_set_num_root_claims',
    args: { newValue: u64 },
    weight: weight(2_735_000n + writes(1)),
    docs: 'Sets how many coldkeys are auto-claimed per block (root only; at most 50, zero disables auto-claim).',
    run: doSudoSetNumRootClaims,
  }),
  call({
    index: 124,
    name: 'sudo_set_root_claim_threshold',
    args: { netuid: NetUid, newValue: u64 },
    weight: weight(5_681_000n + writes(1)),
    docs: 'Sets the least owed alpha a root claim on the subnet pays out (subnet owner or root; at most 10_000_000).',
    run: doSudoSetRootClaimThreshold,
  }),
]
