// `distribute_emission` (subtensor.md §8.4–8.5): run the epoch on the drained pots, split each validator's dividend among itself and its
// parents, split dividends into alpha and root parts by stake, then pay: owner cut, miner incentives (owner hotkeys' burned or recycled),
// alpha dividends (take to the validator's coldkey, the rest to all its nominators) and root dividends (claimable by root stakers).
// From pallets/subtensor/src/coinbase/run_coinbase.rs @ 14bc6f9 (`calculate_dividends_and_incentives` :470, `calculate_dividend_distribution`
// :501, `get_owner_hotkeys` :601, `distribute_dividends_and_incentives` :636, `get_stake_map` :781, `distribute_emission` :820,
// `get_self_contribution` :883, `get_parent_child_dividends_distribution` :925), in U96F32 (epoch/fixed.ts).
// Not ported (no such state here): lease payouts (`distribute_leased_network_dividends`) and the owner-cut auto-lock (OwnerCutAutoLockEnabled,
// default false; this runtime has no locks).
import type { DispatchContext } from '../../../framework/dispatch.ts'
import type { AccountId, NetUid } from '../../../primitives/bittensor.ts'
import type { StorageBackend } from '../../../primitives/storage.ts'
import { type Fixed, U96F32 } from '../epoch/fixed.ts'
import { events } from '../events.ts'
import { increaseRootClaimableForHotkeyAndSubnet } from '../staking/claimRoot.ts'
import { getTotalHotkeyAlpha, increaseHotkeyAlphaForAll, increaseStake } from '../staking/shares.ts'
import { getChildren, getParents, getTaoWeight, normalizedProportion } from '../staking/stakeWeight.ts'
import {
  AlphaDividendsPerSubnet,
  AutoStakeDestination,
  CKBurn,
  ChildkeyTake,
  MinerBurned,
  RecycleOrBurn,
  RootAlphaDividendsPerSubnet,
  TotalHotkeyAlphaLastEpoch,
} from '../storage/emission.ts'
import { MinChildkeyTake, MinChildkeyTakePerSubnet } from '../storage/hyperparams.ts'
import { BlockAtRegistration, OwnedHotkeys, Owner, Uids } from '../storage/neurons.ts'
import { Delegates, TotalHotkeyAlpha } from '../storage/stake.ts'
import { SubnetOwner, SubnetOwnerHotkey } from '../storage/subnets.ts'
import { burnSubnetAlpha, recycleSubnetAlpha } from './blockEmission.ts'
import { epochWithMechanisms } from './epochAdapter.ts'

const U64_MAX = (1n << 64n) - 1n
const ROOT = 0
const sat64 = (x: bigint) => (x > U64_MAX ? U64_MAX : x)
const u96 = (x: bigint) => U96F32.saturatingFromNum(x)
const U16_MAX_F = u96(65_535n)
const byAccount = <V>(m: Map<AccountId, V>): Array<[AccountId, V]> => [...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))

/** `get_childkey_take`: ChildkeyTake, at least max(MinChildkeyTake, MinChildkeyTakePerSubnet). */
function childkeyTake(s: StorageBackend, hotkey: AccountId, netuid: NetUid): number {
  const min = Math.max(MinChildkeyTake.get(s), MinChildkeyTakePerSubnet.get(s, netuid))
  return Math.max(ChildkeyTake.get(s, hotkey, netuid), min)
}

/** `get_hotkey_take_float`: Delegates[hotkey] / 65535. */
const hotkeyTakeFloat = (s: StorageBackend, hotkey: AccountId): Fixed => u96(BigInt(Delegates.get(s, hotkey))).safeDiv(U16_MAX_F)

/** `get_self_contribution`: (α(h) + tw·τ(h)) · (1 − Σ child proportions), floored. */
export function getSelfContribution(s: StorageBackend, hotkey: AccountId, netuid: NetUid): bigint {
  let remaining = U96F32.one
  for (const [proportion] of getChildren(s, hotkey, netuid)) remaining = remaining.saturatingSub(normalizedProportion(proportion))
  const tw = getTaoWeight(s)
  const root = u96(getTotalHotkeyAlpha(s, hotkey, ROOT))
  const alpha = u96(getTotalHotkeyAlpha(s, hotkey, netuid))
  return alpha.saturatingMul(remaining).saturatingAdd(root.saturatingMul(remaining).saturatingMul(tw)).saturatingToU64()
}

/**
 * `get_parent_child_dividends_distribution`: each parent gets dividend · contribution/total (contribution = (α + tw·τ)(parent) · p); a parent
 * of another coldkey loses the CKBurn share (recycled now) and the childkey-take share (kept by the child). The child keeps the rest.
 */
export function getParentChildDividendsDistribution(s: StorageBackend, hotkey: AccountId, netuid: NetUid, dividend: bigint): Array<[AccountId, bigint]> {
  const out: Array<[AccountId, bigint]> = []
  const validating = u96(dividend)
  let remaining = validating
  const burnTakeProportion = u96(CKBurn.get(s)).safeDiv(u96(U64_MAX))
  const childTakeProportion = u96(BigInt(childkeyTake(s, hotkey, netuid))).safeDiv(U16_MAX_F)
  const childOwner = Owner.get(s, hotkey)
  let totalChildTake = U96F32.zero
  const tw = getTaoWeight(s)
  let total = u96(getSelfContribution(s, hotkey, netuid))
  const contributions: Array<[AccountId, Fixed]> = []
  for (const [proportion, parent] of getParents(s, hotkey, netuid)) {
    const p = normalizedProportion(proportion)
    const root = u96(getTotalHotkeyAlpha(s, parent, ROOT))
    const alpha = u96(getTotalHotkeyAlpha(s, parent, netuid))
    const combined = alpha.saturatingMul(p).saturatingAdd(root.saturatingMul(p).saturatingMul(tw))
    total = total.saturatingAdd(combined)
    contributions.push([parent, combined])
  }
  for (const [parent, contribution] of contributions) {
    const factor = contribution.checkedDiv(total) ?? U96F32.zero
    let parentEmission = validating.saturatingMul(factor)
    remaining = remaining.saturatingSub(parentEmission)
    if (Owner.get(s, parent) !== childOwner) {
      const burnTake = burnTakeProportion.saturatingMul(parentEmission)
      const childTake = childTakeProportion.saturatingMul(parentEmission)
      parentEmission = parentEmission.saturatingSub(burnTake).saturatingSub(childTake)
      totalChildTake = totalChildTake.saturatingAdd(childTake)
      recycleSubnetAlpha(s, netuid, burnTake.saturatingToU64())
    }
    out.push([parent, parentEmission.saturatingToU64()])
  }
  out.push([hotkey, remaining.saturatingAdd(totalChildTake).saturatingToU64()])
  return out
}

/** `calculate_dividends_and_incentives`: incentives summed per hotkey; dividends through the parent/child split, summed per recipient (U96F32). */
export function calculateDividendsAndIncentives(s: StorageBackend, netuid: NetUid, hotkeyEmission: ReadonlyArray<readonly [AccountId, bigint, bigint]>) {
  const incentives = new Map<AccountId, bigint>()
  const dividends = new Map<AccountId, Fixed>()
  for (const [hotkey, incentive, dividend] of hotkeyEmission) {
    incentives.set(hotkey, sat64((incentives.get(hotkey) ?? 0n) + incentive))
    for (const [recipient, d] of getParentChildDividendsDistribution(s, hotkey, netuid, dividend)) {
      const prev = dividends.get(recipient)
      dividends.set(recipient, prev === undefined ? u96(d) : prev.saturatingAdd(u96(d)))
    }
  }
  return { incentives, dividends }
}

/**
 * `calculate_dividend_distribution`: each recipient's dividend d splits by its stake into root (d · tw·τ/(α + tw·τ)) and alpha parts;
 * alpha dividend = pending_alpha · alpha part / Σ alpha parts, root dividend = pending_root · root part / Σ root parts.
 */
export function calculateDividendDistribution(s: StorageBackend, netuid: NetUid, pendingAlpha: bigint, pendingRoot: bigint, taoWeight: Fixed, dividends: Map<AccountId, Fixed>) {
  let totalRoot = U96F32.zero
  let totalAlpha = U96F32.zero
  const rootDivs = new Map<AccountId, Fixed>()
  const alphaDivs = new Map<AccountId, Fixed>()
  for (const [hotkey, dividend] of byAccount(dividends)) {
    // get_stake_map: (TotalHotkeyAlpha on the subnet, on root)
    const alphaStake = u96(getTotalHotkeyAlpha(s, hotkey, netuid))
    const rootAlpha = u96(getTotalHotkeyAlpha(s, hotkey, ROOT)).saturatingMul(taoWeight)
    const rootProp = rootAlpha.checkedDiv(alphaStake.saturatingAdd(rootAlpha)) ?? U96F32.zero
    const root = dividend.saturatingMul(rootProp)
    const alpha = dividend.saturatingSub(root)
    alphaDivs.set(hotkey, (alphaDivs.get(hotkey) ?? U96F32.zero).saturatingAdd(alpha))
    totalAlpha = totalAlpha.saturatingAdd(alpha)
    rootDivs.set(hotkey, (rootDivs.get(hotkey) ?? U96F32.zero).saturatingAdd(root))
    totalRoot = totalRoot.saturatingAdd(root)
  }
  const rootAlphaDividends = new Map<AccountId, Fixed>()
  for (const [hotkey, root] of rootDivs) rootAlphaDividends.set(hotkey, u96(pendingRoot).saturatingMul(root.checkedDiv(totalRoot) ?? U96F32.zero))
  const alphaDividends = new Map<AccountId, Fixed>()
  for (const [hotkey, alpha] of alphaDivs) alphaDividends.set(hotkey, u96(pendingAlpha).saturatingMul(alpha.checkedDiv(totalAlpha) ?? U96F32.zero))
  return { alphaDividends, rootAlphaDividends }
}

/**
 * `get_owner_hotkeys`: the owner coldkey's hotkeys registered on the subnet, most recent registration first (then lower uid), with
 * SubnetOwnerHotkey (when set and registered) in front.
 */
export function getOwnerHotkeys(s: StorageBackend, netuid: NetUid, coldkey: AccountId): AccountId[] {
  const triples: Array<[bigint, number, AccountId]> = []
  for (const hotkey of OwnedHotkeys.get(s, coldkey)) {
    const uid = Uids.get(s, netuid, hotkey)
    if (uid !== undefined) triples.push([BlockAtRegistration.get(s, netuid, uid), uid, hotkey])
  }
  triples.sort(([b1, u1], [b2, u2]) => (b1 !== b2 ? (b2 > b1 ? 1 : -1) : u1 - u2))
  const hotkeys = triples.map(([, , h]) => h)
  if (SubnetOwnerHotkey.contains(s, netuid)) {
    const owner = SubnetOwnerHotkey.get(s, netuid)
    if (Uids.get(s, netuid, owner) !== undefined && !hotkeys.includes(owner)) hotkeys.unshift(owner)
  }
  return hotkeys
}

/**
 * `distribute_dividends_and_incentives`: the owner cut staked to (SubnetOwnerHotkey, SubnetOwner); incentives staked to (AutoStakeDestination
 * or the hotkey, its owner) except the subnet owner's hotkeys', which are recycled (RecycleOrBurn = Recycle) or burned and counted in
 * MinerBurned; alpha dividends: take to (hotkey, owner), the rest to all nominators; root dividends: take staked on the subnet, the rest
 * claimable by the hotkey's root stakers.
 */
export function distributeDividendsAndIncentives(
  ctx: DispatchContext,
  netuid: NetUid,
  ownerCut: bigint,
  incentives: Map<AccountId, bigint>,
  alphaDividends: Map<AccountId, Fixed>,
  rootAlphaDividends: Map<AccountId, Fixed>,
): void {
  const s = ctx.storage
  if (SubnetOwner.contains(s, netuid) && SubnetOwnerHotkey.contains(s, netuid)) {
    increaseStake(s, SubnetOwnerHotkey.get(s, netuid), SubnetOwner.get(s, netuid), netuid, ownerCut)
  }

  const ownerHotkeys = getOwnerHotkeys(s, netuid, SubnetOwner.get(s, netuid))
  let totalIncentive = 0n
  let withheld = 0n
  for (const [hotkey, incentive] of byAccount(incentives)) {
    totalIncentive = sat64(totalIncentive + incentive)
    if (ownerHotkeys.includes(hotkey)) {
      withheld = sat64(withheld + incentive)
      if (RecycleOrBurn.contains(s, netuid) && RecycleOrBurn.get(s, netuid).type === 'Recycle') recycleSubnetAlpha(s, netuid, incentive)
      else burnSubnetAlpha(s, netuid, incentive)
      continue
    }
    const owner = Owner.get(s, hotkey)
    const dest = AutoStakeDestination.get(s, owner, netuid)
    if (dest !== undefined) ctx.deposit(events.AutoStakeAdded({ netuid, destination: dest, hotkey, owner, incentive }))
    increaseStake(s, dest ?? hotkey, owner, netuid, incentive)
  }
  MinerBurned.set(s, netuid, { bits: (u96(withheld).checkedDiv(u96(totalIncentive)) ?? U96F32.zero).bits })

  AlphaDividendsPerSubnet.clear(s, netuid)
  for (const [hotkey, divs] of byAccount(alphaDividends)) {
    const take = hotkeyTakeFloat(s, hotkey).saturatingMul(divs)
    const rest = divs.saturatingSub(take).saturatingToU64()
    increaseStake(s, hotkey, Owner.get(s, hotkey), netuid, take.saturatingToU64())
    increaseHotkeyAlphaForAll(s, hotkey, netuid, rest)
    AlphaDividendsPerSubnet.mutate(s, netuid, hotkey, (d) => sat64(d + rest))
    TotalHotkeyAlphaLastEpoch.set(s, hotkey, netuid, TotalHotkeyAlpha.get(s, hotkey, netuid))
  }

  RootAlphaDividendsPerSubnet.clear(s, netuid)
  for (const [hotkey, rootAlpha] of byAccount(rootAlphaDividends)) {
    const take = hotkeyTakeFloat(s, hotkey).saturatingMul(rootAlpha)
    const rest = rootAlpha.saturatingSub(take).saturatingToU64()
    increaseStake(s, hotkey, Owner.get(s, hotkey), netuid, take.saturatingToU64())
    increaseRootClaimableForHotkeyAndSubnet(s, hotkey, netuid, rest)
    RootAlphaDividendsPerSubnet.mutate(s, netuid, hotkey, (d) => sat64(d + rest))
  }
}

/**
 * `distribute_emission(netuid, server, validator, root, owner_cut)`: the epoch on E = server + validator + root; validators' pot is the
 * validator pot, plus the server pot when no incentive was earned; then the dividend split and the payouts.
 */
export function distributeEmission(ctx: DispatchContext, netuid: NetUid, server: bigint, validator: bigint, root: bigint, ownerCut: bigint, block: bigint): void {
  const s = ctx.storage
  const taoWeight = getTaoWeight(s)
  const hotkeyEmission = epochWithMechanisms(ctx, netuid, sat64(server + validator + root), block)
  const incentiveSum = hotkeyEmission.reduce((acc, [, incentive]) => sat64(acc + incentive), 0n)
  const validatorAlpha = incentiveSum !== 0n ? validator : sat64(validator + server)
  const { incentives, dividends } = calculateDividendsAndIncentives(s, netuid, hotkeyEmission)
  const { alphaDividends, rootAlphaDividends } = calculateDividendDistribution(s, netuid, validatorAlpha, root, taoWeight, dividends)
  distributeDividendsAndIncentives(ctx, netuid, ownerCut, incentives, alphaDividends, rootAlphaDividends)
}
