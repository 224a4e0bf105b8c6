// Substrate's named SCALE types (accounts, dispatch, events, headers, versions) with the shapes subtensor's metadata has.
import {
  Bytes,
  Result,
  Vec,
  byteArray,
  compact,
  enumType,
  newtype,
  str,
  struct,
  tuple,
  u128,
  u32,
  u64,
  u8,
  unit,
  withTypeName,
} from './types.ts'
import type { Type, ValueOf } from './types.ts'

export const AccountId32 = newtype('sp_core::crypto::AccountId32', byteArray(32))
export const H256 = newtype('primitive_types::H256', byteArray(32))

/** `sp_weights::weight_v2::Weight`: two `Compact<u64>`. */
export const Weight = struct('sp_weights::weight_v2::Weight', {
  refTime: withTypeName(compact(u64), 'u64'),
  proofSize: withTypeName(compact(u64), 'u64'),
})
export type Weight = ValueOf<typeof Weight>

export const DispatchClass = enumType('frame_support::dispatch::DispatchClass', {
  Normal: { index: 0 },
  Operational: { index: 1 },
  Mandatory: { index: 2 },
})
export type DispatchClass = ValueOf<typeof DispatchClass>

export const Pays = enumType('frame_support::dispatch::Pays', { Yes: { index: 0 }, No: { index: 1 } })
export type Pays = ValueOf<typeof Pays>

export const DispatchInfo = struct('frame_support::dispatch::DispatchInfo', { weight: Weight, class: DispatchClass, paysFee: Pays })
export type DispatchInfo = ValueOf<typeof DispatchInfo>

/** `PerDispatchClass<T>` (block weight and length limits, consumed block weight). */
export function PerDispatchClass<T>(inner: Type<T>) {
  const field = withTypeName(inner, 'T')
  return struct('frame_support::dispatch::PerDispatchClass', { normal: field, operational: field, mandatory: field }, { params: { T: inner } })
}

export const ModuleError = struct('sp_runtime::ModuleError', {
  index: u8,
  error: withTypeName(byteArray(4), '[u8; MAX_MODULE_ERROR_ENCODED_SIZE]'),
})
export type ModuleError = ValueOf<typeof ModuleError>

export const TokenError = enumType('sp_runtime::TokenError', {
  FundsUnavailable: { index: 0 },
  OnlyProvider: { index: 1 },
  BelowMinimum: { index: 2 },
  CannotCreate: { index: 3 },
  UnknownAsset: { index: 4 },
  Frozen: { index: 5 },
  Unsupported: { index: 6 },
  CannotCreateHold: { index: 7 },
  NotExpendable: { index: 8 },
  Blocked: { index: 9 },
})

export const ArithmeticError = enumType('sp_arithmetic::ArithmeticError', {
  Underflow: { index: 0 },
  Overflow: { index: 1 },
  DivisionByZero: { index: 2 },
})

export const TransactionalError = enumType('sp_runtime::TransactionalError', { LimitReached: { index: 0 }, NoLayer: { index: 1 } })

export const DispatchError = enumType('sp_runtime::DispatchError', {
  Other: { index: 0 },
  CannotLookup: { index: 1 },
  BadOrigin: { index: 2 },
  Module: { index: 3, fields: ModuleError },
  ConsumerRemaining: { index: 4 },
  NoProviders: { index: 5 },
  TooManyConsumers: { index: 6 },
  Token: { index: 7, fields: TokenError },
  Arithmetic: { index: 8, fields: ArithmeticError },
  Transactional: { index: 9, fields: TransactionalError },
  Exhausted: { index: 10 },
  Corruption: { index: 11 },
  Unavailable: { index: 12 },
  RootNotAllowed: { index: 13 },
})
export type DispatchError = ValueOf<typeof DispatchError>

/** `Result<(), DispatchError>`, as in `Sudo.Sudid` and `Utility.DispatchedAs`. */
export const DispatchResult = Result(unit, DispatchError)

/** `frame_support::dispatch::RawOrigin<AccountId32>`: who dispatches a call. */
export const RawOrigin = enumType(
  'frame_support::dispatch::RawOrigin',
  { Root: { index: 0 }, Signed: { index: 1, fields: withTypeName(AccountId32, 'AccountId') }, None: { index: 2 } },
  { params: { AccountId: AccountId32 } },
)
export type RawOrigin = ValueOf<typeof RawOrigin>

/** Account flags; the default has `IS_NEW_LOGIC` (bit 127) set, so a fresh account's `flags` is 2^127. */
export const ExtraFlags = newtype('pallet_balances::types::ExtraFlags', u128, { default: 1n << 127n })

/** subtensor's balances are `u64` RAO. */
const Balance = withTypeName(u64, 'Balance')

export const AccountData = struct(
  'pallet_balances::types::AccountData',
  { free: Balance, reserved: Balance, frozen: Balance, flags: ExtraFlags },
  { params: { Balance: u64 } },
)
export type AccountData = ValueOf<typeof AccountData>

const RefCount = withTypeName(u32, 'RefCount')

export const AccountInfo = struct(
  'frame_system::AccountInfo',
  { nonce: withTypeName(u32, 'Nonce'), consumers: RefCount, providers: RefCount, sufficients: RefCount, data: withTypeName(AccountData, 'AccountData') },
  { params: { Nonce: u32, AccountData } },
)
export type AccountInfo = ValueOf<typeof AccountInfo>

export const Phase = enumType('frame_system::Phase', {
  ApplyExtrinsic: { index: 0, fields: u32 },
  Finalization: { index: 1 },
  Initialization: { index: 2 },
})
export type Phase = ValueOf<typeof Phase>

/** `frame_system::EventRecord<RuntimeEvent, H256>`; build it once per runtime. */
export function EventRecord<E>(event: Type<E>) {
  return struct(
    'frame_system::EventRecord',
    { phase: Phase, event: withTypeName(event, 'E'), topics: withTypeName(Vec(H256), 'Vec<T>') },
    { params: { E: event, T: H256 } },
  )
}

const ConsensusEngineId = withTypeName(byteArray(4), 'ConsensusEngineId')

export const DigestItem = enumType('sp_runtime::generic::digest::DigestItem', {
  PreRuntime: { index: 6, fields: [ConsensusEngineId, Bytes] },
  Consensus: { index: 4, fields: [ConsensusEngineId, Bytes] },
  Seal: { index: 5, fields: [ConsensusEngineId, Bytes] },
  Other: { index: 0, fields: Bytes },
  RuntimeEnvironmentUpdated: { index: 8 },
})
export type DigestItem = ValueOf<typeof DigestItem>

export const Digest = struct('sp_runtime::generic::digest::Digest', { logs: withTypeName(Vec(DigestItem), 'Vec<DigestItem>') })
export type Digest = ValueOf<typeof Digest>

const BlakeTwo256 = struct('sp_runtime::traits::BlakeTwo256', {})
const HashOutput = withTypeName(H256, 'Hash::Output')

/** The block header; `number` is `Compact<u32>`, so it feeds the block hash compactly. */
export const Header = struct(
  'sp_runtime::generic::header::Header',
  { parentHash: HashOutput, number: withTypeName(compact(u32), 'Number'), stateRoot: HashOutput, extrinsicsRoot: HashOutput, digest: withTypeName(Digest, 'Digest') },
  { params: { Number: u32, Hash: BlakeTwo256 } },
)
export type Header = ValueOf<typeof Header>

export const LastRuntimeUpgradeInfo = struct('frame_system::LastRuntimeUpgradeInfo', {
  specVersion: withTypeName(compact(u32), 'codec::Compact<u32>'),
  specName: withTypeName(str, 'sp_runtime::RuntimeString'),
})

const RuntimeString = withTypeName(str, 'RuntimeString')
const ApisVec = Vec(tuple(byteArray(8), u32))

/** `sp_version::RuntimeVersion`: the `System.Version` constant and `Core_version`'s output. */
export const RuntimeVersion = struct('sp_version::RuntimeVersion', {
  specName: RuntimeString,
  implName: RuntimeString,
  authoringVersion: u32,
  specVersion: u32,
  implVersion: u32,
  apis: withTypeName(newtype('Cow', ApisVec, { params: { T: ApisVec } }), 'ApisVec'),
  transactionVersion: u32,
  stateVersion: u8,
})
export type RuntimeVersion = ValueOf<typeof RuntimeVersion>

/** `BoundedVec<T, S>`: encodes as `Vec<T>`; the bound is the pallet's to check. */
export function BoundedVec<T>(inner: Type<T>) {
  return newtype('bounded_collections::bounded_vec::BoundedVec', Vec(inner), { params: { T: inner, S: null } })
}

/** `BoundedVec<u8, S>` as a Uint8Array. */
export function BoundedBytes() {
  return newtype('bounded_collections::bounded_vec::BoundedVec', Bytes, { params: { T: u8, S: null } })
}
