// SubtensorModule commit-reveal storage (subtensor.md §6.1): the CR-v2 commit queues, and the timelocked (CRv3/v4, drand) queues.
// Declarations from pallets/subtensor/src/lib.rs @ 14bc6f9 (spec 425). Weights, Bonds and LastUpdate are in neurons.ts, RevealPeriodEpochs in hyperparams.ts.
// The timelocked queues are declared so clients can read them; without drand nothing in this runtime writes them, so they stay empty.
import { AccountId, NetUidStorageIndex } from '../../../primitives/bittensor.ts'
import { storageMap } from '../../../primitives/storage.ts'
import { BoundedBytes, H256 } from '../../../primitives/substrate.ts'
import { Vec, tuple, u64 } from '../../../primitives/types.ts'

const P = 'SubtensorModule'
/** `RoundNumber` (pallet_drand): a drand round. */
const RoundNumber = u64
/** `BoundedVec<u8, ConstU32<MAX_CRV3_COMMIT_SIZE_BYTES>>`: a tlock ciphertext (at most 5000 bytes). */
const Ciphertext = BoundedBytes()
/** `MAX_CRV3_COMMIT_SIZE_BYTES` (lib.rs:60). */
export const MAX_CRV3_COMMIT_SIZE_BYTES = 5000

/** One CR-v2 commit: `(hash, commit_epoch, commit_block, 0)` (the last field is a legacy reveal-block bound, always 0). */
export const WeightCommit = tuple(H256, u64, u64, u64)

export const WeightCommits = storageMap(P, 'WeightCommits', {
  key: [[NetUidStorageIndex, 'Twox64Concat'], [AccountId, 'Twox64Concat']],
  value: Vec(WeightCommit),
  optional: true,
  docs: ' --- MAP (netuid, who) --> VecDeque<(hash, commit_epoch, commit_block, _unused)>\n Stores a queue of commit-reveal-v2 commits for an account on a given netuid. (lib.rs:2461)',
})

export const TimelockedWeightCommits = storageMap(P, 'TimelockedWeightCommits', {
  key: [[NetUidStorageIndex, 'Twox64Concat'], [u64, 'Twox64Concat']],
  value: Vec(tuple(AccountId, u64, Ciphertext, RoundNumber)),
  docs: ' MAP (netuid, epoch) → VecDeque<(who, commit_block, ciphertext, reveal_round)>\n Stores a queue of weight commits for an account on a given subnet. (lib.rs:2474)',
})

export const CRV3WeightCommits = storageMap(P, 'CRV3WeightCommits', {
  key: [[NetUidStorageIndex, 'Twox64Concat'], [u64, 'Twox64Concat']],
  value: Vec(tuple(AccountId, Ciphertext, RoundNumber)),
  docs: ' MAP (netuid, epoch) → VecDeque<(who, ciphertext, reveal_round)>\n DEPRECATED for CRV3WeightCommitsV2 (lib.rs:2492)',
})

export const CRV3WeightCommitsV2 = storageMap(P, 'CRV3WeightCommitsV2', {
  key: [[NetUidStorageIndex, 'Twox64Concat'], [u64, 'Twox64Concat']],
  value: Vec(tuple(AccountId, u64, Ciphertext, RoundNumber)),
  docs: ' MAP (netuid, epoch) → VecDeque<(who, commit_block, ciphertext, reveal_round)>\n DEPRECATED for TimelockedWeightCommits (lib.rs:2509)',
})
