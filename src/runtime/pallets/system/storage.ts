// frame_system's storage items with subtensor's names, hashers and SCALE types.
import { AccountId, BlockNumber } from '../../primitives/bittensor.ts'
import { storageMap, storageValue } from '../../primitives/storage.ts'
import { AccountInfo, Digest as DigestType, EventRecord, H256, LastRuntimeUpgradeInfo, PerDispatchClass, Phase, Weight } from '../../primitives/substrate.ts'
import { Bytes, Vec, bool, struct, tuple, u32 } from '../../primitives/types.ts'
import { runtimeEventType, type AnyRuntime } from '../../framework/runtime.ts'
import { runtimeRef } from '../../runtimeRef.ts'

const P = 'System'

export const Account = storageMap(P, 'Account', {
  key: [[AccountId, 'Blake2_128Concat']],
  value: AccountInfo,
  docs: ' The full account information for a particular account ID.',
})
export const ExtrinsicCount = storageValue(P, 'ExtrinsicCount', { value: u32, optional: true, docs: ' Total extrinsics count for the current block.' })
export const InherentsApplied = storageValue(P, 'InherentsApplied', { value: bool, docs: ' Whether all inherents have been applied.' })
export const BlockWeight = storageValue(P, 'BlockWeight', { value: PerDispatchClass(Weight), docs: ' The current weight for the block.' })
export const AllExtrinsicsLen = storageValue(P, 'AllExtrinsicsLen', { value: u32, optional: true, docs: ' Total length (in bytes) for all extrinsics put together, for the current block.' })
export const BlockHash = storageMap(P, 'BlockHash', {
  key: [[BlockNumber, 'Twox64Concat']],
  value: H256,
  docs: ' Map of block numbers to block hashes.',
})
export const ExtrinsicData = storageMap(P, 'ExtrinsicData', {
  key: [[u32, 'Twox64Concat']],
  value: Bytes,
  docs: ' Extrinsics data for the current block (maps an extrinsic\'s index to its data).',
})
export const Number = storageValue(P, 'Number', { value: BlockNumber, docs: ' The current block number being processed. Set by `execute_block`.' })
export const ParentHash = storageValue(P, 'ParentHash', { value: H256, docs: ' Hash of the previous block.' })
export const Digest = storageValue(P, 'Digest', { value: DigestType, docs: ' Digest of the current block, also part of the block header.' })
export const Events = storageValue(P, 'Events', {
  value: Vec(EventRecord(runtimeEventType((): AnyRuntime => runtimeRef()))),
  docs: ' Events deposited for the current block.',
})
export const EventCount = storageValue(P, 'EventCount', { value: u32, docs: ' The number of events in the `Events<T>` list.' })
export const EventTopics = storageMap(P, 'EventTopics', {
  key: [[H256, 'Blake2_128Concat']],
  value: Vec(tuple(BlockNumber, u32)),
  docs: ' Mapping between a topic (represented by T::Hash) and a vector of indexes\n of events in the `<Events<T>>` list.',
})
export const LastRuntimeUpgrade = storageValue(P, 'LastRuntimeUpgrade', {
  value: LastRuntimeUpgradeInfo,
  optional: true,
  docs: ' Stores the `spec_version` and `spec_name` of when the last runtime upgrade happened.',
})
export const UpgradedToU32RefCount = storageValue(P, 'UpgradedToU32RefCount', { value: bool, docs: ' True if we have upgraded so that `type RefCount` is `u32`. False (default) if not.' })
export const UpgradedToTripleRefCount = storageValue(P, 'UpgradedToTripleRefCount', { value: bool, docs: ' True if we have upgraded so that AccountInfo contains three types of `RefCount`.' })
export const ExecutionPhase = storageValue(P, 'ExecutionPhase', { value: Phase, optional: true, docs: ' The execution phase of the block.' })
export const AuthorizedUpgrade = storageValue(P, 'AuthorizedUpgrade', {
  value: struct('frame_system::CodeUpgradeAuthorization', { codeHash: H256, checkVersion: bool }),
  optional: true,
  docs: ' `Some` if a code upgrade has been authorized.',
})

export const storage = {
  Account,
  ExtrinsicCount,
  InherentsApplied,
  BlockWeight,
  AllExtrinsicsLen,
  BlockHash,
  ExtrinsicData,
  Number,
  ParentHash,
  Digest,
  Events,
  EventCount,
  EventTopics,
  LastRuntimeUpgrade,
  UpgradedToU32RefCount,
  UpgradedToTripleRefCount,
  ExecutionPhase,
  AuthorizedUpgrade,
}
