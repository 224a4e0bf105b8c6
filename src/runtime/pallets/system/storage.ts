// frame_system's storage items with subtensor's names, hashers and SCALE types.
import { AccountId, BlockNumber } from '../../primitives/bittensor.ts'
import { storageMap, storageValue } from '../../primitives/storage.ts'
import { AccountInfo, Digest as DigestType, EventRecord, H256, LastRuntimeUpgradeInfo, PerDispatchClass, Phase, Weight } from '../../primitives/substrate.ts'
import { Bytes, Vec, bool, struct, tuple, u32, type ValueOf } from '../../primitives/types.ts'
import { runtimeEventType, type AnyRuntime } from '../../framework/runtime.ts'
import { runtimeRef } from '../../runtimeRef.ts'

const P = 'System'

/**
 * `AccountInfo` with a hand-written encoder and decoder for the 56-byte layout (u32 ×4, u64 ×3, u128): every
 * transaction reads and writes several accounts. Same bytes and values as the generic struct codec (same
 * DataView setters, so the same wrapping and TypeErrors); anything else (hex input, other lengths) goes to it.
 */
const ACCOUNT_INFO_LEN = 56
const FastAccountInfo: typeof AccountInfo = {
  ...AccountInfo,
  info: AccountInfo.info,
  enc(v: AccountInfoValue): Uint8Array {
    const out = new Uint8Array(ACCOUNT_INFO_LEN)
    const dv = new DataView(out.buffer)
    dv.setUint32(0, v.nonce, true)
    dv.setUint32(4, v.consumers, true)
    dv.setUint32(8, v.providers, true)
    dv.setUint32(12, v.sufficients, true)
    const d = v.data
    dv.setBigUint64(16, d.free, true)
    dv.setBigUint64(24, d.reserved, true)
    dv.setBigUint64(32, d.frozen, true)
    dv.setBigInt64(40, d.flags, true)
    dv.setBigInt64(48, d.flags >> 64n, true)
    return out
  },
  dec(input: Uint8Array | `0x${string}`): AccountInfoValue {
    if (typeof input === 'string' || input.length !== ACCOUNT_INFO_LEN) return AccountInfo.dec(input)
    const dv = new DataView(input.buffer, input.byteOffset, ACCOUNT_INFO_LEN)
    return {
      nonce: dv.getUint32(0, true),
      consumers: dv.getUint32(4, true),
      providers: dv.getUint32(8, true),
      sufficients: dv.getUint32(12, true),
      data: {
        free: dv.getBigUint64(16, true),
        reserved: dv.getBigUint64(24, true),
        frozen: dv.getBigUint64(32, true),
        flags: dv.getBigUint64(40, true) | (dv.getBigUint64(48, true) << 64n),
      },
    }
  },
}
type AccountInfoValue = ValueOf<typeof AccountInfo>

export const Account = storageMap(P, 'Account', {
  key: [[AccountId, 'Blake2_128Concat']],
  value: FastAccountInfo,
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
