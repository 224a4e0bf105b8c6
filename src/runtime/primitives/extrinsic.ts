// The scale-info types an extrinsic carries, for metadata and codecs: MultiAddress, MultiSignature, Era, and the signed extensions' explicit and implicit types.
import { createCodec, createDecoder, u16 as u16Codec, u8 as u8Codec } from '@polkadot-api/substrate-bindings'
import { AccountId32, H256 } from './substrate.ts'
import { Bytes, Option, byteArray, compact, customType, enumType, newtype, struct, u32, u64, u8, unit, withTypeName } from './types.ts'
import type { AnyType, Codec, ValueOf, VariantInfo } from './types.ts'

export const MultiAddress = enumType(
  'sp_runtime::multiaddress::MultiAddress',
  {
    Id: { index: 0, fields: withTypeName(AccountId32, 'AccountId') },
    Index: { index: 1, fields: withTypeName(compact(unit), 'AccountIndex') },
    Raw: { index: 2, fields: withTypeName(Bytes, 'Vec<u8>') },
    Address32: { index: 3, fields: byteArray(32) },
    Address20: { index: 4, fields: byteArray(20) },
  },
  { params: { AccountId: AccountId32, AccountIndex: unit } },
)
export type MultiAddress = ValueOf<typeof MultiAddress>

export const MultiSignature = enumType('sp_runtime::MultiSignature', {
  Ed25519: { index: 0, fields: withTypeName(byteArray(64), 'ed25519::Signature') },
  Sr25519: { index: 1, fields: withTypeName(byteArray(64), 'sr25519::Signature') },
  Ecdsa: { index: 2, fields: withTypeName(byteArray(65), 'ecdsa::Signature') },
})
export type MultiSignature = ValueOf<typeof MultiSignature>

/** A transaction's validity window: immortal, or `period` blocks (a power of two) from its birth. */
export type Era = { type: 'Immortal'; value?: undefined } | { type: 'Mortal'; value: { period: number; phase: number } }

const quantizeFactor = (period: number) => Math.max(period >> 12, 1)

const eraCodec: Codec<Era> = createCodec(
  (era: Era) => {
    if (era.type === 'Immortal') return new Uint8Array([0])
    const { period, phase } = era.value
    if (!Number.isInteger(Math.log2(period)) || period < 4 || period > 1 << 16 || phase < 0 || phase >= period)
      throw new Error(`invalid mortal era: period ${period} must be a power of two in 4..65536 and phase ${phase} below it`)
    const trailingZeros = Math.log2(period)
    const encoded = Math.min(15, Math.max(1, trailingZeros - 1)) | (Math.floor(phase / quantizeFactor(period)) << 4)
    return u16Codec.enc(encoded)
  },
  createDecoder((b) => {
    const first = u8Codec.dec(b)
    if (first === 0) return { type: 'Immortal' }
    const encoded = first + (u8Codec.dec(b) << 8)
    const period = 2 << encoded % 16
    const phase = (encoded >> 4) * quantizeFactor(period)
    if (period < 4 || phase >= period) throw new Error(`invalid mortal era: period ${period}, phase ${phase}`)
    return { type: 'Mortal', value: { period, phase } }
  }),
)

/** `sp_runtime::generic::era::Era`: in metadata a 256-variant enum (`Immortal`, `Mortal1`…`Mortal255` with one `u8`). */
export const Era = customType(eraCodec, {
  path: ['sp_runtime', 'generic', 'era', 'Era'],
  params: [],
  def: {
    tag: 'variant',
    value: Array.from({ length: 256 }, (_, index): VariantInfo => (index === 0 ? { name: 'Immortal', index, fields: [], docs: [] } : { name: `Mortal${index}`, index, fields: [{ type: u8, docs: [] }], docs: [] })),
  },
  docs: [],
})

/** A signed extension: the explicit data in the extrinsic and the implicit data added to the signed payload. */
export interface SignedExtension {
  readonly identifier: string
  readonly type: AnyType
  readonly additionalSigned: AnyType
}

const marker = (path: string) => struct(path, {}, { params: { T: null } })
const Nonce = withTypeName(compact(u32), 'T::Nonce')

export const CheckNonZeroSender: SignedExtension = { identifier: 'CheckNonZeroSender', type: marker('frame_system::extensions::check_non_zero_sender::CheckNonZeroSender'), additionalSigned: unit }
export const CheckSpecVersion: SignedExtension = { identifier: 'CheckSpecVersion', type: marker('frame_system::extensions::check_spec_version::CheckSpecVersion'), additionalSigned: u32 }
export const CheckTxVersion: SignedExtension = { identifier: 'CheckTxVersion', type: marker('frame_system::extensions::check_tx_version::CheckTxVersion'), additionalSigned: u32 }
export const CheckGenesis: SignedExtension = { identifier: 'CheckGenesis', type: marker('frame_system::extensions::check_genesis::CheckGenesis'), additionalSigned: H256 }
export const CheckMortality: SignedExtension = {
  identifier: 'CheckMortality',
  type: newtype('frame_system::extensions::check_mortality::CheckMortality', withTypeName(Era, 'Era'), { params: { T: null } }),
  additionalSigned: H256,
}
/** subtensor's own `CheckNonce` (same encoding as frame_system's). */
export const CheckNonce: SignedExtension = {
  identifier: 'CheckNonce',
  type: newtype('node_subtensor_runtime::check_nonce::CheckNonce', Nonce, { params: { T: null } }),
  additionalSigned: unit,
}
export const CheckWeight: SignedExtension = { identifier: 'CheckWeight', type: marker('frame_system::extensions::check_weight::CheckWeight'), additionalSigned: unit }
/** The tip, `Compact<u64>` RAO. */
export const ChargeTransactionPayment: SignedExtension = {
  identifier: 'ChargeTransactionPayment',
  type: newtype('pallet_transaction_payment::ChargeTransactionPayment', withTypeName(compact(u64), 'BalanceOf<T>'), { params: { T: null } }),
  additionalSigned: unit,
}
const MetadataHashMode = enumType('frame_metadata_hash_extension::Mode', { Disabled: { index: 0 }, Enabled: { index: 1 } })
export const CheckMetadataHash: SignedExtension = {
  identifier: 'CheckMetadataHash',
  type: struct('frame_metadata_hash_extension::CheckMetadataHash', { mode: withTypeName(MetadataHashMode, 'Mode') }, { params: { T: null } }),
  additionalSigned: Option(byteArray(32)),
}

// subtensor spec 425 added these (explicit and implicit data both empty); CommitmentsSignedExtension is gone.
export const SudoTransactionExtension: SignedExtension = { identifier: 'SudoTransactionExtension', type: marker('pallet_sudo::extension::CheckOnlySudoAccount'), additionalSigned: unit }
export const CheckShieldedTxValidity: SignedExtension = { identifier: 'CheckShieldedTxValidity', type: marker('pallet_shield::extension::CheckShieldedTxValidity'), additionalSigned: unit }
export const SubtensorTransactionExtension: SignedExtension = { identifier: 'SubtensorTransactionExtension', type: marker('pallet_subtensor::extensions::subtensor::SubtensorTransactionExtension'), additionalSigned: unit }
export const DrandPriority: SignedExtension = { identifier: 'DrandPriority', type: marker('pallet_drand::drand_priority::DrandPriority'), additionalSigned: unit }

/** subtensor's transaction extensions (spec 425), in order; the explicit bytes are era, nonce, tip and metadata-hash mode. */
export const SUBTENSOR_SIGNED_EXTENSIONS: readonly SignedExtension[] = [
  CheckNonZeroSender,
  CheckSpecVersion,
  CheckTxVersion,
  CheckGenesis,
  CheckMortality,
  CheckNonce,
  CheckWeight,
  ChargeTransactionPayment,
  SudoTransactionExtension,
  CheckShieldedTxValidity,
  SubtensorTransactionExtension,
  DrandPriority,
  CheckMetadataHash,
]
