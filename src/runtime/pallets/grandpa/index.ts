// pallet_grandpa (pallet 4): the finality authority set (ed25519) and its set id, for finality proofs.
import type { Hex } from '../../primitives/types.ts'
import { storageValue, storageMap } from '../../primitives/storage.ts'
import { BoundedVec } from '../../primitives/substrate.ts'
import { byteArray, enumType, newtype, struct, tuple, u32, u64, Option, Vec } from '../../primitives/types.ts'
import { constant, definePallet, event, palletEvents, error } from '../../framework/pallet.ts'

export const AuthorityId = newtype('sp_consensus_grandpa::app::Public', newtype('sp_core::ed25519::Public', byteArray(32)))
const AuthorityList = BoundedVec(tuple(AuthorityId, u64))
const P = 'Grandpa'

const StoredState = enumType('pallet_grandpa::StoredState', {
  Live: { index: 0 },
  PendingPause: { index: 1, fields: { scheduledAt: u32, delay: u32 } },
  Paused: { index: 2 },
  PendingResume: { index: 3, fields: { scheduledAt: u32, delay: u32 } },
})
const StoredPendingChange = struct('pallet_grandpa::StoredPendingChange', {
  scheduledAt: u32,
  delay: u32,
  nextAuthorities: AuthorityList,
  forced: Option(u32),
})

export const State = storageValue(P, 'State', { value: StoredState, docs: ' State of the current authority set.' })
export const PendingChange = storageValue(P, 'PendingChange', { value: StoredPendingChange, optional: true, docs: ' Pending change: (signaled at, scheduled change).' })
export const NextForced = storageValue(P, 'NextForced', { value: u32, optional: true, docs: ' next block number where we can force a change.' })
export const Stalled = storageValue(P, 'Stalled', { value: tuple(u32, u32), optional: true, docs: ' `true` if we are currently stalled.' })
export const CurrentSetId = storageValue(P, 'CurrentSetId', { value: u64, docs: ' The number of changes (both in terms of keys and underlying economic responsibilities)\n in the "set" of Grandpa validators from genesis.' })
export const SetIdSession = storageMap(P, 'SetIdSession', { key: [[u64, 'Twox64Concat']], value: u32, optional: true, docs: ' A mapping from grandpa set ID to the index of the *most recent* session for which its\n members were responsible.' })
export const Authorities = storageValue(P, 'Authorities', { value: AuthorityList, docs: ' The current list of authorities.' })

export type GrandpaGenesis = { authorities: Hex[] }

export const Grandpa = definePallet({
  name: P,
  index: 4,
  storage: { State, PendingChange, NextForced, Stalled, CurrentSetId, SetIdSession, Authorities },
  events: palletEvents(P, {
    NewAuthorities: event(0, { authoritySet: Vec(tuple(AuthorityId, u64)) }, 'New authority set has been applied.'),
    Paused: event(1, undefined, 'Current authority set has been paused.'),
    Resumed: event(2, undefined, 'Current authority set has been resumed.'),
  }),
  errors: [
    error(0, 'PauseFailed', 'Attempt to signal GRANDPA pause when the authority set isn\'t live\n(either paused or already pending pause).'),
    error(1, 'ResumeFailed', 'Attempt to signal GRANDPA resume when the authority set isn\'t paused\n(either live or already pending resume).'),
    error(2, 'ChangePending', 'Attempt to signal GRANDPA change with one already pending.'),
    error(3, 'TooSoon', 'Cannot signal forced change so soon after last.'),
    error(4, 'InvalidKeyOwnershipProof', 'A key ownership proof provided as part of an equivocation report is invalid.'),
    error(5, 'InvalidEquivocationProof', 'An equivocation proof provided as part of an equivocation report is invalid.'),
    error(6, 'DuplicateOffenceReport', 'A given equivocation report is valid but already previously reported.'),
  ],
  constants: {
    MaxAuthorities: constant(u32, 32, ' Max Authorities in use'),
    MaxNominators: constant(u32, 20, ' The maximum number of nominators for each validator.'),
    MaxSetIdSessionEntries: constant(u64, 0n, ' The maximum number of entries to keep in the set id to session index mapping.'),
  },
  genesis: {
    default: { authorities: [] } as GrandpaGenesis,
    build: (storage, { authorities }) => {
      Authorities.set(storage, authorities.map((a) => [a, 1n] as [Hex, bigint]))
      SetIdSession.set(storage, 0n, 0)
    },
  },
})
