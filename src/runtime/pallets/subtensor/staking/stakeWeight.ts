// Stake weight (subtensor.md §5.5–5.6): a hotkey's alpha and root TAO after child/parent inheritance, combined as S = α_inh + TaoWeight·τ_inh, and the weights min-stake check.
// From pallets/subtensor/src/staking/stake_utils.rs @ 14bc6f9 (`get_tao_weight` :160, `get_stake_weights_for_hotkey_on_subnet` :205,
// `get_stake_weights_for_network` :233, `get_tao_inherited_for_hotkey_on_subnet` :313, `get_inherited_for_hotkey_on_subnet` :381),
// staking/set_children.rs (`get_children`, `get_parents`) and lib.rs:2752 (`check_weights_min_stake`), with substrate-fixed's exact arithmetic (epoch/fixed.ts).
// Pure reads of storage: nothing here writes.
import type { AccountId, NetUid } from '../../../primitives/bittensor.ts'
import type { StorageBackend } from '../../../primitives/storage.ts'
import { type Fixed, I64F64, U64_MAX, U96F32 } from '../epoch/fixed.ts'
import { StakeThreshold } from '../storage/hyperparams.ts'
import { Keys, Uids } from '../storage/neurons.ts'
import { ChildKeys, ParentKeys, TaoWeight } from '../storage/stake.ts'
import { SubnetOwnerHotkey, SubnetworkN } from '../storage/subnets.ts'
import { getTotalHotkeyAlpha } from './shares.ts'

const ROOT = 0

/** `get_children`: ChildKeys[(hotkey, netuid)], `(proportion, child)` with proportion ÷ u64::MAX. */
export const getChildren = (s: StorageBackend, hotkey: AccountId, netuid: NetUid): Array<[bigint, AccountId]> => ChildKeys.get(s, hotkey, netuid)
/** `get_parents`: ParentKeys[(hotkey, netuid)], `(proportion, parent)`. */
export const getParents = (s: StorageBackend, hotkey: AccountId, netuid: NetUid): Array<[bigint, AccountId]> => ParentKeys.get(s, hotkey, netuid)

const U96F32_U64_MAX = U96F32.saturatingFromNum(U64_MAX)

/** A u64 proportion as a U96F32 fraction: `U96F32(p).safe_div(U96F32(u64::MAX))` (only 32 fraction bits survive). */
export const normalizedProportion = (proportion: bigint): Fixed => U96F32.saturatingFromNum(proportion).safeDiv(U96F32_U64_MAX)

/** `get_tao_weight`: `U96F32(TaoWeight) / U96F32(u64::MAX)`, truncated to 32 fraction bits. */
export const getTaoWeight = (s: StorageBackend): Fixed => normalizedProportion(TaoWeight.get(s))

/**
 * The inheritance both `get_*inherited*` functions share, in U96F32: `own − Σ_children own·p_c + Σ_parents stake(parent)·p_p`,
 * every product and sum saturating, floored to u64. `stakeOf` reads the stake (of the hotkey or a parent) being inherited.
 */
function inherit(s: StorageBackend, hotkey: AccountId, netuid: NetUid, stakeOf: (h: AccountId) => bigint): bigint {
  const initial = U96F32.saturatingFromNum(stakeOf(hotkey))
  let toChildren = U96F32.zero
  let fromParents = U96F32.zero
  const parents = getParents(s, hotkey, netuid)
  for (const [proportion] of getChildren(s, hotkey, netuid)) toChildren = toChildren.saturatingAdd(initial.saturatingMul(normalizedProportion(proportion)))
  for (const [proportion, parent] of parents) {
    const parentStake = U96F32.saturatingFromNum(stakeOf(parent))
    fromParents = fromParents.saturatingAdd(parentStake.saturatingMul(normalizedProportion(proportion)))
  }
  return initial.saturatingSub(toChildren).saturatingAdd(fromParents).saturatingToU64()
}

/**
 * `get_tao_inherited_for_hotkey_on_subnet`: the hotkey's root stake (TotalHotkeyAlpha on netuid 0) less what it lends its children on
 * `netuid`, plus what its parents on `netuid` lend it of their root stake.
 */
export function getTaoInheritedForHotkeyOnSubnet(s: StorageBackend, hotkey: AccountId, netuid: NetUid): bigint {
  return inherit(s, hotkey, netuid, (h) => getTotalHotkeyAlpha(s, h, ROOT))
}

/** `get_inherited_for_hotkey_on_subnet`: the same for the hotkey's alpha on `netuid`; on root, the plain stake (no inheritance). */
export function getInheritedForHotkeyOnSubnet(s: StorageBackend, hotkey: AccountId, netuid: NetUid): bigint {
  if (netuid === ROOT) return U96F32.saturatingFromNum(getTotalHotkeyAlpha(s, hotkey, ROOT)).saturatingToU64()
  return inherit(s, hotkey, netuid, (h) => getTotalHotkeyAlpha(s, h, netuid))
}

/** A stake weight: `total = alpha + tao·tw` with its two parts, all I64F64. */
export interface StakeWeight {
  total: Fixed
  alpha: Fixed
  tao: Fixed
}

const combine = (alpha: bigint, tao: bigint, taoWeight: Fixed): StakeWeight => {
  const a = I64F64.saturatingFromNum(alpha)
  const t = I64F64.saturatingFromNum(tao)
  return { total: a.saturatingAdd(t.saturatingMul(taoWeight)), alpha: a, tao: t }
}

/** `get_stake_weights_for_hotkey_on_subnet`: (total, alpha, tao) with total = α_inh + τ_inh · I64F64(tao weight). */
export function getStakeWeightsForHotkeyOnSubnet(s: StorageBackend, hotkey: AccountId, netuid: NetUid): StakeWeight {
  const taoWeight = I64F64.saturatingFromNum(getTaoWeight(s))
  return combine(getInheritedForHotkeyOnSubnet(s, hotkey, netuid), getTaoInheritedForHotkeyOnSubnet(s, hotkey, netuid), taoWeight)
}

/** `get_stake_weights_for_network`: the three vectors by uid 0..SubnetworkN; a uid without Keys entry weighs 0. */
export function getStakeWeightsForNetwork(s: StorageBackend, netuid: NetUid): { total: Fixed[]; alpha: Fixed[]; tao: Fixed[] } {
  const taoWeight = I64F64.saturatingFromNum(getTaoWeight(s))
  const n = SubnetworkN.get(s, netuid)
  const out = { total: [] as Fixed[], alpha: [] as Fixed[], tao: [] as Fixed[] }
  for (let uid = 0; uid < n; uid++) {
    const hotkey = Keys.contains(s, netuid, uid) ? Keys.get(s, netuid, uid) : undefined
    const w = hotkey === undefined ? combine(0n, 0n, taoWeight) : combine(getInheritedForHotkeyOnSubnet(s, hotkey, netuid), getTaoInheritedForHotkeyOnSubnet(s, hotkey, netuid), taoWeight)
    out.total.push(w.total)
    out.alpha.push(w.alpha)
    out.tao.push(w.tao)
  }
  return out
}

/** `get_owner_uid`: the uid of SubnetOwnerHotkey on the subnet, when both are set. */
export function getOwnerUid(s: StorageBackend, netuid: NetUid): number | undefined {
  if (!SubnetOwnerHotkey.contains(s, netuid)) return undefined
  return Uids.get(s, netuid, SubnetOwnerHotkey.get(s, netuid))
}

/**
 * `check_weights_min_stake`: the subnet owner's hotkey passes; anyone else needs a stake weight ≥ StakeThreshold
 * (substrate-fixed compares the I64F64 with the u64 exactly).
 */
export function checkWeightsMinStake(s: StorageBackend, hotkey: AccountId, netuid: NetUid): boolean {
  const ownerUid = getOwnerUid(s, netuid)
  if (ownerUid !== undefined && Uids.get(s, netuid, hotkey) === ownerUid) return true
  const { total } = getStakeWeightsForHotkeyOnSubnet(s, hotkey, netuid)
  return total.bits >= StakeThreshold.get(s) << I64F64.frac
}
