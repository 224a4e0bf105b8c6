// Why a hotkey has (or lacks) a validator permit on a subnet, in words, from the metagraph (pure).
//
// The epoch grants permits (subtensor's epoch, steps 8 and 11): stake weights below StakeThreshold count as 0 (except the subnet
// owner's), then the top MaxAllowedValidators UIDs with non-zero stake get a permit (`is_topk_nonzero`: ties go to the higher UID), and
// the owner's UID always does. A permit granted this way shows from the next epoch on.
import { formatAlpha } from '../chain/units.ts'

export type PermitNeuron = { uid: number; hotkey: string; totalStake: bigint; validatorPermit: boolean }

export type PermitStatus =
  | { permit: true; uid: number; reason: string }
  | { permit: false; uid: number | undefined; code: 'NotRegistered' | 'NoStake' | 'BelowStakeThreshold' | 'OutrankedByStake' | 'AwaitingEpoch'; reason: string }

export type PermitContext = {
  netuid: number
  /** MaxAllowedValidators (the metagraph's `maxValidators`). */
  maxValidators: number
  /** StakeThreshold, in the same units as `totalStake` (RAO). */
  stakeThreshold: bigint
  /** The subnet owner's hotkey: it always holds a permit. */
  ownerHotkey?: string
}

const ordinal = (n: number) => `${n}${n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th')}`

/** `permitStatus(metagraph.neurons, hotkey, { netuid, maxValidators, stakeThreshold, ownerHotkey })`. */
export function permitStatus(neurons: readonly PermitNeuron[], hotkey: string, ctx: PermitContext): PermitStatus {
  const me = neurons.find((n) => n.hotkey === hotkey)
  if (!me) return { permit: false, uid: undefined, code: 'NotRegistered', reason: `hotkey ${hotkey} holds no UID on subnet ${ctx.netuid}: register it first` }
  if (me.validatorPermit) return { permit: true, uid: me.uid, reason: `UID ${me.uid} holds a validator permit on subnet ${ctx.netuid}` }
  const isOwner = ctx.ownerHotkey !== undefined && ctx.ownerHotkey === hotkey
  if (isOwner) return { permit: false, uid: me.uid, code: 'AwaitingEpoch', reason: `UID ${me.uid} is the subnet owner's hotkey: its permit comes with the next epoch` }
  const weight = (n: PermitNeuron) => (n.hotkey !== ctx.ownerHotkey && n.totalStake < ctx.stakeThreshold ? 0n : n.totalStake)
  if (me.totalStake === 0n) return { permit: false, uid: me.uid, code: 'NoStake', reason: `UID ${me.uid} has no stake: permits go to the top ${ctx.maxValidators} UIDs by stake, and only to UIDs with stake; stake to this hotkey` }
  if (weight(me) === 0n)
    return {
      permit: false,
      uid: me.uid,
      code: 'BelowStakeThreshold',
      reason: `UID ${me.uid}'s stake ${formatAlpha(me.totalStake)} is below the stake threshold ${formatAlpha(ctx.stakeThreshold)}: stake more to this hotkey`,
    }
  const mine = weight(me)
  const ahead = neurons.filter((n) => n.uid !== me.uid && (weight(n) > mine || (weight(n) === mine && n.uid > me.uid)))
  if (ahead.length >= ctx.maxValidators) {
    const last = [...ahead].sort((a, b) => (weight(a) === weight(b) ? a.uid - b.uid : weight(a) < weight(b) ? -1 : 1))[ahead.length - ctx.maxValidators]!
    return {
      permit: false,
      uid: me.uid,
      code: 'OutrankedByStake',
      reason: `UID ${me.uid} ranks ${ordinal(ahead.length + 1)} by stake (${formatAlpha(mine)}); only the top ${ctx.maxValidators} (MaxAllowedValidators) get a permit, the last of them UID ${last.uid} with ${formatAlpha(weight(last))}: stake more than that`,
    }
  }
  return { permit: false, uid: me.uid, code: 'AwaitingEpoch', reason: `UID ${me.uid} ranks ${ordinal(ahead.length + 1)} by stake, within the top ${ctx.maxValidators}: the permit comes with the next epoch` }
}
