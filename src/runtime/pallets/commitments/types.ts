// pallet_commitments::types: `Data` (hand-written SCALE codec, identity-pallet style), `CommitmentInfo`, `Registration`, `UsageTracker`.
import { Bytes as bytesCodec, compactNumber, createCodec, createDecoder, u8 as u8Codec, u64 as u64Codec } from '@polkadot-api/substrate-bindings'
import { u8aConcat, u8aToHex } from '@polkadot/util'
import { AccountId, BlockNumber, NetUid, TaoBalance } from '../../primitives/bittensor.ts'
import { BoundedBytes, BoundedVec } from '../../primitives/substrate.ts'
import { byteArray, customType, struct, tuple, u64, Vec, withTypeName } from '../../primitives/types.ts'
import type { AnyType, Codec, Field, Hex, Type, TypeInfo, ValueOf, VariantInfo } from '../../primitives/types.ts'

/** `MAX_TIMELOCK_COMMITMENT_SIZE_BYTES`: bound of `Data::TimelockEncrypted.encrypted`. */
export const MAX_TIMELOCK_COMMITMENT_SIZE_BYTES = 1024
/** `MAX_BIGRAW_COMMITMENT_SIZE_BYTES`: bound of `Data::BigRaw`. */
export const MAX_BIGRAW_COMMITMENT_SIZE_BYTES = 512
/** Longest `Data::Raw` (variants Raw0..Raw128, leading bytes 1..=129). */
export const MAX_RAW_BYTES = 128
/** The runtime's `MaxCommitFields` (`MaxCommitFieldsInner = 3`): the bound of `CommitmentInfo.fields`. */
export const MAX_FIELDS = 3

const HASHES = { BlakeTwo256: 130, Sha256: 131, Keccak256: 132, ShaThree256: 133 } as const
type HashKind = keyof typeof HASHES

/**
 * `pallet_commitments::types::Data`. Values: `{ type: 'None' }`, `{ type: 'Raw', value: bytes ≤ 128 }`,
 * `{ type: 'BlakeTwo256' | 'Sha256' | 'Keccak256' | 'ShaThree256', value: 32-byte hex }`,
 * `{ type: 'TimelockEncrypted', value: { encrypted: bytes ≤ 1024, revealRound } }`,
 * `{ type: 'ResetBondsFlag' }`, `{ type: 'BigRaw', value: bytes ≤ 512 }`.
 */
export type DataValue =
  | { type: 'None'; value?: undefined }
  | { type: 'Raw'; value: Uint8Array }
  | { type: HashKind; value: Hex }
  | { type: 'TimelockEncrypted'; value: { encrypted: Uint8Array; revealRound: bigint } }
  | { type: 'ResetBondsFlag'; value?: undefined }
  | { type: 'BigRaw'; value: Uint8Array }

type Input = Parameters<Codec<unknown>['dec']>[0]

/** `BoundedVec<u8, ConstU32<max>>` bytes: compact length, refused on decode (as Rust's BoundedVec) above `max`. */
function boundedBytesDec(b: Input, max: number, what: string): Uint8Array {
  const n = compactNumber.dec(b)
  if (n > max) throw new Error(`${what}: ${n} bytes exceed the bound of ${max}`)
  return bytesCodec(n).dec(b)
}
const boundedBytesEnc = (bytes: Uint8Array, max: number, what: string) => {
  if (bytes.length > max) throw new Error(`${what}: ${bytes.length} bytes exceed the bound of ${max}`)
  return u8aConcat(compactNumber.enc(bytes.length), bytes)
}
const hash32 = byteArray(32)

function encodeData(d: DataValue): Uint8Array {
  switch (d.type) {
    case 'None':
      return new Uint8Array([0])
    case 'Raw':
      if (d.value.length > MAX_RAW_BYTES) throw new Error(`Data::Raw holds at most ${MAX_RAW_BYTES} bytes, got ${d.value.length}`)
      return u8aConcat([d.value.length + 1], d.value)
    case 'BlakeTwo256':
    case 'Sha256':
    case 'Keccak256':
    case 'ShaThree256':
      return u8aConcat([HASHES[d.type]], hash32.enc(d.value))
    case 'TimelockEncrypted':
      return u8aConcat([134], boundedBytesEnc(d.value.encrypted, MAX_TIMELOCK_COMMITMENT_SIZE_BYTES, 'Data::TimelockEncrypted'), u64Codec.enc(d.value.revealRound))
    case 'ResetBondsFlag':
      return new Uint8Array([135])
    case 'BigRaw':
      return u8aConcat([136], boundedBytesEnc(d.value, MAX_BIGRAW_COMMITMENT_SIZE_BYTES, 'Data::BigRaw'))
  }
}

const decodeData = createDecoder((b): DataValue => {
  const lead = u8Codec.dec(b)
  if (lead === 0) return { type: 'None' }
  if (lead <= 129) return { type: 'Raw', value: bytesCodec(lead - 1).dec(b) }
  switch (lead) {
    case 130:
      return { type: 'BlakeTwo256', value: u8aToHex(bytesCodec(32).dec(b)) as Hex }
    case 131:
      return { type: 'Sha256', value: u8aToHex(bytesCodec(32).dec(b)) as Hex }
    case 132:
      return { type: 'Keccak256', value: u8aToHex(bytesCodec(32).dec(b)) as Hex }
    case 133:
      return { type: 'ShaThree256', value: u8aToHex(bytesCodec(32).dec(b)) as Hex }
    case 134: {
      const encrypted = boundedBytesDec(b, MAX_TIMELOCK_COMMITMENT_SIZE_BYTES, 'Data::TimelockEncrypted')
      return { type: 'TimelockEncrypted', value: { encrypted, revealRound: u64Codec.dec(b) } }
    }
    case 135:
      return { type: 'ResetBondsFlag' }
    case 136:
      return { type: 'BigRaw', value: boundedBytesDec(b, MAX_BIGRAW_COMMITMENT_SIZE_BYTES, 'Data::BigRaw') }
    default:
      throw new Error('invalid leading byte')
  }
})

// Fields built with `f.ty::<…>()` and no `type_name`, as subtensor's hand-written TypeInfo does.
const bare = (type: AnyType, name?: string): Field => ({ name, type, docs: [] })
const variant = (name: string, index: number, fields: Field[] = []): VariantInfo => ({ name, index, fields, docs: [] })

/** The bytes types of TimelockEncrypted and BigRaw (`BoundedVec<u8, ConstU32<N>>`; the bound is not in scale-info). */
const BoundedU8 = BoundedBytes()

const dataInfo = (): TypeInfo => ({
  path: ['pallet_commitments', 'types', 'Data'],
  params: [],
  def: {
    tag: 'variant',
    value: [
      variant('None', 0),
      ...Array.from({ length: MAX_RAW_BYTES + 1 }, (_, n) => variant(`Raw${n}`, n + 1, [bare(byteArray(n))])),
      ...Object.entries(HASHES).map(([name, index]) => variant(name, index, [bare(hash32)])),
      variant('TimelockEncrypted', 134, [bare(BoundedU8, 'encrypted'), bare(u64, 'reveal_round')]),
      variant('ResetBondsFlag', 135),
      variant('BigRaw', 136, [bare(BoundedU8)]),
    ],
  },
  docs: [],
})

/**
 * `Data`. Metadata lists one `RawN([u8; N])` variant per length (index N+1), so a client decoding by
 * the metadata reads the same bytes the hand-written codec writes (no compact length on Raw).
 */
export const Data: Type<DataValue> = customType(createCodec(encodeData, decodeData), dataInfo(), 'Data')

/** `BoundedVec<T, S>` whose bound is enforced by the codec, as Rust's `BoundedVec::decode` does (the extrinsic fails to decode). */
function bounded<T>(inner: Type<T>, max: number, typeName: string): Type<T[]> {
  const base = BoundedVec(inner)
  const enc = (v: T[]) => {
    if (v.length > max) throw new Error(`BoundedVec: ${v.length} items exceed the bound of ${max}`)
    return base.enc(v)
  }
  const dec = createDecoder((b) => {
    const items = Vec(inner).codec.dec(b)
    if (items.length > max) throw new Error(`BoundedVec: ${items.length} items exceed the bound of ${max}`)
    return items
  })
  return customType(createCodec(enc, dec), base.info, typeName)
}

/** `CommitmentInfo<FieldLimit> { fields: BoundedVec<Data, FieldLimit> }` with FieldLimit = MaxCommitFields (3). */
export const CommitmentInfo = struct(
  'pallet_commitments::types::CommitmentInfo',
  { fields: bounded(Data, MAX_FIELDS, 'BoundedVec<Data, FieldLimit>') },
  { params: { FieldLimit: null } },
)
export type CommitmentInfo = ValueOf<typeof CommitmentInfo>

/** `Registration<Balance, MaxFields, BlockNumber> { deposit, block, info }`. */
export const Registration = struct(
  'pallet_commitments::types::Registration',
  {
    deposit: withTypeName(TaoBalance, 'Balance'),
    block: withTypeName(BlockNumber, 'BlockNumber'),
    info: withTypeName(CommitmentInfo, 'CommitmentInfo<MaxFields>'),
  },
  { params: { Balance: TaoBalance, MaxFields: null, BlockNumber } },
)
export type Registration = ValueOf<typeof Registration>

/** `UsageTracker { last_epoch, used_space }`: space used by (netuid, who) in the subnet's current epoch. */
export const UsageTracker = struct('pallet_commitments::types::UsageTracker', { lastEpoch: u64, usedSpace: u64 })
export type UsageTracker = ValueOf<typeof UsageTracker>

/** `BTreeSet<(NetUid, AccountId)>`: scale-info's `BTreeSet<T>` is a composite over `[T]`; values are kept sorted as Rust's Ord does. */
const IndexEntry = tuple(NetUid, AccountId)
export type IndexEntry = ValueOf<typeof IndexEntry>
const indexSeq = Vec(IndexEntry)
export const compareEntries = (a: IndexEntry, b: IndexEntry) => (a[0] !== b[0] ? a[0] - b[0] : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0)
export const TimelockedSet: Type<IndexEntry[]> = customType(
  createCodec((v: IndexEntry[]) => indexSeq.enc([...v].sort(compareEntries)), indexSeq.codec.dec),
  { path: ['BTreeSet'], params: [{ name: 'T', type: IndexEntry }], def: { tag: 'composite', value: [bare(indexSeq)] }, docs: [] },
  'BTreeSet<(NetUid, T::AccountId)>',
)

/** `Data::len_for_rate_limit`: bytes a field counts against `MaxSpace`. */
export function lenForRateLimit(d: DataValue): number {
  switch (d.type) {
    case 'None':
    case 'ResetBondsFlag':
      return 0
    case 'Raw':
    case 'BigRaw':
      return d.value.length
    case 'TimelockEncrypted':
      return d.value.encrypted.length
    default:
      return 32
  }
}
