// pallet_commitments (pallet 18): hotkeys publish per-subnet metadata (CommitmentOf), limited by space per subnet epoch; timelocked fields are revealed from drand pulses.
import type { Hex } from '../../primitives/types.ts'
import { AccountId, NetUid, TaoBalance } from '../../primitives/bittensor.ts'
import { storageMap } from '../../primitives/storage.ts'
import { u32, u64, withTypeName } from '../../primitives/types.ts'
import type { Weight } from '../../primitives/substrate.ts'
import { call, constant, definePallet, error, event, palletEvents } from '../../framework/pallet.ts'
import { dispatchError, ensureRoot, ensureSigned, type DispatchContext } from '../../framework/dispatch.ts'
import { weight, reads, writes } from '../../config.ts'
import { Number as SystemNumber } from '../system/storage.ts'
import { CommitmentOf, LastBondsReset, LastCommitment, MaxSpace, RevealedCommitments, TimelockedIndex, UsedSpaceOf } from './storage.ts'
import { CommitmentInfo, MAX_FIELDS, compareEntries, lenForRateLimit, type DataValue, type IndexEntry } from './types.ts'

export * from './storage.ts'
export * from './types.ts'

const P = 'Commitments'

/** `CommitmentInitialDeposit` and `CommitmentFieldDeposit`: commitments are free on subtensor, so nothing is ever reserved. */
export const INITIAL_DEPOSIT = 0n
export const FIELD_DEPOSIT = 0n
/** Usage below this counts as this much (`min_used_space`). */
export const MIN_USED_SPACE = 100n
/** `RevealedCommitments` keeps the newest this many reveals. */
export const MAX_REVEALS = 10

// ── what the pallet asks of the rest of the runtime (subtensor's Config associated types) ─────────

/**
 * `T::CanCommit`. subtensor's runtime (`AllowCommitments`) allows a hotkey registered on the subnet
 * (`SubtensorModule::is_hotkey_registered_on_network`). SubtensorModule does not exist in this runtime
 * yet, so the predicate is injected and defaults to "allowed"; SubtensorModule wires it with `setCanCommit`.
 */
export type CanCommit = (ctx: DispatchContext, netuid: NetUid, who: AccountId) => boolean
let canCommit: CanCommit = () => true
export function setCanCommit(fn: CanCommit): void {
  canCommit = fn
}

/** `SubtensorModule.SubnetEpochIndex` (read through `T::TempoInterface::get_epoch_index`); 0 until SubtensorModule writes it. */
const SubnetEpochIndex = storageMap('SubtensorModule', 'SubnetEpochIndex', { key: [[NetUid, 'Identity']], value: u64 })
/** `T::TempoInterface::get_epoch_index(netuid, block)`: the subnet's epoch counter; replaceable with `setEpochIndex`. */
export type EpochIndex = (ctx: DispatchContext, netuid: NetUid, block: bigint) => bigint
let epochIndex: EpochIndex = (ctx, netuid) => SubnetEpochIndex.get(ctx.storage, netuid)
export function setEpochIndex(fn: EpochIndex): void {
  epochIndex = fn
}

/** `T::OnMetadataCommitment` (subtensor: `ResetBondsOnCommit`, clearing bonds to the hotkey); a no-op until SubtensorModule wires it. */
export type OnMetadataCommitment = (ctx: DispatchContext, netuid: NetUid, who: AccountId) => void
let onMetadataCommitment: OnMetadataCommitment = () => {}
export function setOnMetadataCommitment(fn: OnMetadataCommitment): void {
  onMetadataCommitment = fn
}

/**
 * Opens a timelocked field with the drand pulse of `revealRound` (`pallet_drand::Pulses` + tlock decryption):
 * `Pending` when the pulse is not there yet (the field stays), `Revealed` with the plaintext, `Dropped` when the
 * signature or ciphertext does not deserialize or decrypts to nothing (subtensor drops the field).
 * There is no Drand pallet here yet, so by default every round is pending.
 */
export type TimelockOutcome = { type: 'Pending' } | { type: 'Revealed'; value: Uint8Array } | { type: 'Dropped' }
export type RevealTimelock = (ctx: DispatchContext, encrypted: Uint8Array, revealRound: bigint) => TimelockOutcome
let revealTimelock: RevealTimelock = () => ({ type: 'Pending' })
export function setRevealTimelock(fn: RevealTimelock): void {
  revealTimelock = fn
}

/** The hooks as they are now wired; `setCommitmentsHooks` puts them back (a test that swaps them leaves the runtime as it found it). */
export interface CommitmentsHooks {
  canCommit: CanCommit
  epochIndex: EpochIndex
  onMetadataCommitment: OnMetadataCommitment
  revealTimelock: RevealTimelock
}
export function commitmentsHooks(): CommitmentsHooks {
  return { canCommit, epochIndex, onMetadataCommitment, revealTimelock }
}
export function setCommitmentsHooks(hooks: CommitmentsHooks): void {
  ;({ canCommit, epochIndex, onMetadataCommitment, revealTimelock } = hooks)
}

/** Restores the defaults above (tests of Commitments alone). */
export function resetCommitmentsHooks(): void {
  canCommit = () => true
  epochIndex = (ctx, netuid) => SubnetEpochIndex.get(ctx.storage, netuid)
  onMetadataCommitment = () => {}
  revealTimelock = () => ({ type: 'Pending' })
}

// ── declaration ──────────────────────────────────────────────────────────────────────────────

export const events = palletEvents(P, {
  Commitment: event(0, { netuid: NetUid, who: AccountId }, 'A commitment was set'),
  TimelockCommitment: event(1, { netuid: NetUid, who: AccountId, revealRound: u64 }, 'A timelock-encrypted commitment was set'),
  CommitmentRevealed: event(2, { netuid: NetUid, who: AccountId }, 'A timelock-encrypted commitment was auto-revealed'),
})

export const errors = [
  error(0, 'TooManyFieldsInCommitmentInfo', 'Account passed too many additional fields to their commitment'),
  error(1, 'AccountNotAllowedCommit', 'Account is not allowed to make commitments to the chain'),
  error(2, 'SpaceLimitExceeded', 'Space Limit Exceeded for the current interval'),
  error(3, 'UnexpectedUnreserveLeftover', 'Indicates that unreserve returned a leftover, which is unexpected.'),
]

const currentBlock = (ctx: DispatchContext) => SystemNumber.get(ctx.storage)
const isTimelock = (d: DataValue) => d.type === 'TimelockEncrypted'
const sameEntry = (a: IndexEntry) => (b: IndexEntry) => compareEntries(a, b) === 0

function indexInsert(ctx: DispatchContext, entry: IndexEntry) {
  TimelockedIndex.mutate(ctx.storage, (set) => (set.some(sameEntry(entry)) ? set : [...set, entry].sort(compareEntries)))
}
function indexRemove(ctx: DispatchContext, entry: IndexEntry) {
  TimelockedIndex.mutate(ctx.storage, (set) => set.filter((e) => !sameEntry(entry)(e)))
}

/** `set_commitment`: checks who may commit, the field count and the space left this epoch, then stores the registration. */
function doSetCommitment(ctx: DispatchContext, origin: Parameters<typeof ensureSigned>[0], { netuid, info }: { netuid: NetUid; info: CommitmentInfo }) {
  // 1. the signed hotkey, and may it commit here
  const who = ensureSigned(origin)
  if (!canCommit(ctx, netuid, who)) throw dispatchError(P, 'AccountNotAllowedCommit')
  // 2. validate: fields (also bounded by the codec), then space in this epoch (nothing written before step 3)
  if (info.fields.length > MAX_FIELDS) throw dispatchError(P, 'TooManyFieldsInCommitmentInfo')
  const block = currentBlock(ctx)
  const summed = info.fields.reduce((n, f) => n + BigInt(lenForRateLimit(f)), 0n)
  const required = summed > MIN_USED_SPACE ? summed : MIN_USED_SPACE
  const usage = UsedSpaceOf.get(ctx.storage, netuid, who) ?? { lastEpoch: 0n, usedSpace: 0n }
  const epoch = epochIndex(ctx, netuid, BigInt(block))
  if (usage.lastEpoch !== epoch) {
    usage.lastEpoch = epoch
    usage.usedSpace = 0n
  }
  // (subtensor records LastBondsReset and resets bonds before this check; a refusal reverts both, so checking first is the same)
  if (usage.usedSpace + required > BigInt(MaxSpace.get(ctx.storage))) throw dispatchError(P, 'SpaceLimitExceeded')
  // 3. write
  if (info.fields.some((f) => f.type === 'ResetBondsFlag')) {
    LastBondsReset.set(ctx.storage, netuid, who, block)
    onMetadataCommitment(ctx, netuid, who)
  }
  usage.usedSpace += required
  UsedSpaceOf.set(ctx.storage, netuid, who, usage)
  // deposit = InitialDeposit + fields × FieldDeposit = 0 on subtensor: nothing to reserve or unreserve
  const deposit = INITIAL_DEPOSIT + BigInt(info.fields.length) * FIELD_DEPOSIT
  CommitmentOf.set(ctx.storage, netuid, who, { deposit, block, info })
  LastCommitment.set(ctx.storage, netuid, who, block)
  // 4. event, and the timelock index
  const timelock = info.fields.find(isTimelock)
  if (timelock?.type === 'TimelockEncrypted') {
    ctx.deposit(events.TimelockCommitment({ netuid, who, revealRound: timelock.value.revealRound }))
    indexInsert(ctx, [netuid, who])
  } else {
    ctx.deposit(events.Commitment({ netuid, who }))
    indexRemove(ctx, [netuid, who])
  }
  return { paysFee: 'No' as const }
}

/** `on_initialize`: `reveal_timelocked_commitments`, opening timelocked fields whose drand round has a pulse. */
function revealTimelockedCommitments(ctx: DispatchContext): Weight {
  let nReads = 1
  let nWrites = 0
  for (const [netuid, who] of TimelockedIndex.get(ctx.storage)) {
    const registration = CommitmentOf.get(ctx.storage, netuid, who)
    nReads++
    if (!registration) {
      indexRemove(ctx, [netuid, who])
      nReads++, nWrites++
      continue
    }
    const remain: DataValue[] = []
    const revealed: Uint8Array[] = []
    let sawTimelock = false
    let processed = false
    for (const field of registration.info.fields) {
      if (field.type !== 'TimelockEncrypted') {
        remain.push(field)
        continue
      }
      sawTimelock = true
      nReads++
      const outcome = revealTimelock(ctx, field.value.encrypted, field.value.revealRound)
      if (outcome.type === 'Pending') {
        remain.push(field)
        continue
      }
      processed = true
      if (outcome.type === 'Revealed' && outcome.value.length > 0) revealed.push(outcome.value)
    }
    if (!sawTimelock) {
      indexRemove(ctx, [netuid, who])
      nReads++, nWrites++
      continue
    }
    if (!processed) continue
    if (revealed.length > 0) {
      const reveals = RevealedCommitments.get(ctx.storage, netuid, who) ?? []
      nReads++
      const at = BigInt(currentBlock(ctx))
      for (const bytes of revealed) {
        reveals.push([bytes, at])
        ctx.deposit(events.CommitmentRevealed({ netuid, who }))
      }
      RevealedCommitments.set(ctx.storage, netuid, who, reveals.slice(Math.max(0, reveals.length - MAX_REVEALS)))
      nWrites++
    }
    if (remain.length === 0) {
      CommitmentOf.remove(ctx.storage, netuid, who)
      indexRemove(ctx, [netuid, who])
      nReads++, (nWrites += 2)
    } else {
      CommitmentOf.set(ctx.storage, netuid, who, { ...registration, info: { fields: remain } })
      nWrites++
      if (!remain.some(isTimelock)) {
        indexRemove(ctx, [netuid, who])
        nReads++, nWrites++
      }
    }
  }
  return weight(reads(nReads) + writes(nWrites))
}

/** `purge_netuid`: drops everything committed on a subnet (SubtensorModule calls it when a subnet is removed). */
export function purgeNetuid(ctx: DispatchContext, netuid: NetUid): void {
  for (const item of [CommitmentOf, LastCommitment, LastBondsReset, RevealedCommitments, UsedSpaceOf]) item.clear(ctx.storage, netuid)
  TimelockedIndex.mutate(ctx.storage, (set) => set.filter(([n]) => n !== netuid))
}

/** `get_commitments`: every (account, SCALE-encoded Registration) on a subnet. */
export function getCommitments(ctx: Pick<DispatchContext, 'storage'>, netuid: NetUid): Array<[Hex, Uint8Array]> {
  return CommitmentOf.entries(ctx.storage, netuid).map(([[, who], reg]) => [who, CommitmentOf.value.enc(reg)])
}

export const Commitments = definePallet({
  name: P,
  index: 18,
  storage: { TimelockedIndex, CommitmentOf, LastCommitment, LastBondsReset, RevealedCommitments, UsedSpaceOf, MaxSpace },
  calls: [
    call({
      index: 0,
      name: 'set_commitment',
      args: { netuid: NetUid, info: withTypeName(CommitmentInfo, 'Box<CommitmentInfo<T::MaxFields>>') },
      weight: weight(33_480_000n + reads(5) + writes(4)),
      paysFee: 'No',
      docs: 'Set the commitment for a given netuid',
      run: doSetCommitment,
    }),
    call({
      index: 2,
      name: 'set_max_space',
      args: { newLimit: u32 },
      weight: weight(2_856_000n + writes(1)),
      docs: 'Sudo-set MaxSpace',
      run: (ctx, origin, { newLimit }) => {
        ensureRoot(origin)
        MaxSpace.set(ctx.storage, newLimit)
      },
    }),
  ],
  events,
  errors,
  constants: {
    MaxFields: constant(u32, MAX_FIELDS, ' The maximum number of additional fields that can be added to a commitment'),
    InitialDeposit: constant(TaoBalance, INITIAL_DEPOSIT, ' The amount held on deposit for a registered identity'),
    FieldDeposit: constant(TaoBalance, FIELD_DEPOSIT, ' The amount held on deposit per additional field for a registered identity.'),
  },
  hooks: {
    onInitialize: (ctx) => revealTimelockedCommitments(ctx),
  },
})


