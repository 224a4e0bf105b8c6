// Commitments storage (subtensor spec 425): names, hashers, query kinds and value types as pallets/commitments/src/lib.rs declares them.
import { AccountId, BlockNumber, NetUid } from '../../primitives/bittensor.ts'
import { storageMap, storageValue } from '../../primitives/storage.ts'
import { Bytes, tuple, u32, u64, Vec } from '../../primitives/types.ts'
import { Registration, TimelockedSet, UsageTracker } from './types.ts'

const P = 'Commitments'
const byAccount = [[NetUid, 'Identity'], [AccountId, 'Twox64Concat']] as const

/** `MaxSpace`'s default (`DefaultMaxSpace`). */
export const DEFAULT_MAX_SPACE = 3100

export const TimelockedIndex = storageValue(P, 'TimelockedIndex', {
  value: TimelockedSet,
  default: () => [],
  docs: ' Tracks all CommitmentOf that have at least one timelocked field.',
})
export const CommitmentOf = storageMap(P, 'CommitmentOf', { key: byAccount, value: Registration, optional: true, docs: ' Identity data by account' })
export const LastCommitment = storageMap(P, 'LastCommitment', { key: byAccount, value: BlockNumber, optional: true })
export const LastBondsReset = storageMap(P, 'LastBondsReset', { key: byAccount, value: BlockNumber, optional: true })
/** Reveals: `Vec<(decrypted bytes, reveal block)>`, the newest 10. */
export const RevealedCommitments = storageMap(P, 'RevealedCommitments', { key: byAccount, value: Vec(tuple(Bytes, u64)), optional: true })
export const UsedSpaceOf = storageMap(P, 'UsedSpaceOf', {
  key: byAccount,
  value: UsageTracker,
  optional: true,
  docs: ' Maps (netuid, who) -> usage (how many “bytes” they\'ve committed)\n in the RateLimit window',
})
export const MaxSpace = storageValue(P, 'MaxSpace', { value: u32, default: DEFAULT_MAX_SPACE })
