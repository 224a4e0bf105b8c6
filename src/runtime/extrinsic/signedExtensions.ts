// Subtensor's signed extensions in spec-224 order: what each puts in the extrinsic (explicit) and in the signed payload (additionalSigned).
import { Struct, _void, enhanceCodec, u32 } from '@polkadot-api/substrate-bindings'
import type { Codec } from '@polkadot-api/substrate-bindings'
import { birth, eraCodec } from './era.ts'
import type { Era } from './era.ts'
import { InvalidExtrinsic } from './invalidExtrinsic.ts'
import { compactU32, compactU64, fixedBytes, option, variant } from './scale.ts'

/** `frame_metadata_hash_extension::Mode`. */
export type MetadataHashMode = 'Disabled' | 'Enabled'

export const metadataHashModeCodec: Codec<MetadataHashMode> = enhanceCodec(
  variant('frame_metadata_hash_extension::Mode', { Disabled: _void, Enabled: _void }),
  (mode: MetadataHashMode) => ({ type: mode, value: undefined }),
  ({ type }) => type,
)

export const h256: Codec<Uint8Array> = fixedBytes(32)

export interface SignedExtension {
  readonly identifier: string
  readonly explicit: Codec<any>
  readonly additionalSigned: Codec<any>
}

/** The list, in the order the extrinsic and the payload carry them; `_void` is Rust's `()`. */
export const SIGNED_EXTENSIONS = [
  { identifier: 'CheckNonZeroSender', explicit: _void, additionalSigned: _void },
  { identifier: 'CheckSpecVersion', explicit: _void, additionalSigned: u32 },
  { identifier: 'CheckTxVersion', explicit: _void, additionalSigned: u32 },
  { identifier: 'CheckGenesis', explicit: _void, additionalSigned: h256 },
  // signs the hash of the era's birth block
  { identifier: 'CheckMortality', explicit: eraCodec, additionalSigned: h256 },
  { identifier: 'CheckNonce', explicit: compactU32, additionalSigned: _void },
  { identifier: 'CheckWeight', explicit: _void, additionalSigned: _void },
  // the tip, in RAO: subtensor's Balance is u64
  { identifier: 'ChargeTransactionPayment', explicit: compactU64, additionalSigned: _void },
  { identifier: 'SubtensorSignedExtension', explicit: _void, additionalSigned: _void },
  { identifier: 'CommitmentsSignedExtension', explicit: _void, additionalSigned: _void },
  // explicit `{ mode }`; signs `Some(metadata hash)` only when the mode is Enabled
  { identifier: 'CheckMetadataHash', explicit: Struct({ mode: metadataHashModeCodec }), additionalSigned: option(h256) },
] as const satisfies readonly SignedExtension[]

/** The extensions' explicit data, as the extrinsic carries it after the signature. */
export interface Extra {
  era: Era
  nonce: number
  tip: bigint
  metadataHashMode: MetadataHashMode
}

/** The `()` parts encode to nothing, so the tuple is the non-empty parts in list order. */
export const extraCodec: Codec<Extra> = Struct({
  era: eraCodec,
  nonce: compactU32,
  tip: compactU64,
  metadataHashMode: metadataHashModeCodec,
})

/** The extensions' implicit data, appended to call and extra in the signing payload. */
export interface AdditionalSigned {
  specVersion: number
  transactionVersion: number
  genesisHash: Uint8Array
  /** CheckMortality: the hash of the era's birth block (the genesis hash for immortal). */
  birthHash: Uint8Array
  /** CheckMetadataHash: `undefined` is None. */
  metadataHash: Uint8Array | undefined
}

export const additionalSignedCodec: Codec<AdditionalSigned> = Struct({
  specVersion: u32,
  transactionVersion: u32,
  genesisHash: h256,
  birthHash: h256,
  metadataHash: option(h256),
})

/** What the runtime knows when it checks a transaction. */
export interface ChainContext {
  specVersion: number
  transactionVersion: number
  genesisHash: Uint8Array
  /** `System::block_number()`: the block being built; best + 1 when the pool validates. */
  blockNumber: number
  /** `System::BlockHash`: the hash of block `n` while the chain keeps it (block 0: the genesis hash), else undefined. */
  blockHash: (n: number) => Uint8Array | undefined
  /** The runtime's metadata hash for CheckMetadataHash; undefined if it has none (then Enabled signs None, as in Substrate). */
  metadataHash?: Uint8Array | undefined
}

/**
 * The additionalSigned the chain expects for this extra, as each extension's `additional_signed`
 * computes it. Throws `Transaction has an ancient birth block` when the birth block's hash is not kept.
 */
export function additionalSignedFor(extra: Extra, chain: ChainContext): AdditionalSigned {
  const birthBlock = birth(extra.era, chain.blockNumber)
  const birthHash = chain.blockHash(birthBlock)
  if (birthHash === undefined)
    throw new InvalidExtrinsic('InvalidTransaction', `Transaction has an ancient birth block: the chain keeps no hash for block ${birthBlock}`)
  return {
    specVersion: chain.specVersion,
    transactionVersion: chain.transactionVersion,
    genesisHash: chain.genesisHash,
    birthHash,
    metadataHash: extra.metadataHashMode === 'Enabled' ? chain.metadataHash : undefined,
  }
}
