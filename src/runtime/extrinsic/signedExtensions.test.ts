import { u8aConcat } from '@polkadot/util'
import { describe, expect, test } from 'vitest'
import { mortal } from './era.ts'
import { BEST, BEST_HASH, GENESIS_HASH, METADATA_HASH, chainAt, metadata, refusalOf, registry } from './polkadotJsFixtures.ts'
import { SIGNED_EXTENSIONS, additionalSignedCodec, additionalSignedFor, extraCodec } from './signedExtensions.ts'
import type { Extra } from './signedExtensions.ts'

describe('signed extensions', () => {
  test('the list is subtensor spec 224’s, in its order', () => {
    expect(SIGNED_EXTENSIONS.map((e) => e.identifier)).toEqual(registry.signedExtensions)
  })

  test('each extension’s explicit and additionalSigned types are those of the spec-224 metadata', () => {
    const { lookup, extrinsic } = metadata.asV14
    const typeName = (id: number) => lookup.getTypeDef(id).type
    const declared = extrinsic.signedExtensions.map((e) => [e.identifier.toString(), typeName(e.type.toNumber()), typeName(e.additionalSigned.toNumber())])
    expect(declared).toEqual([
      ['CheckNonZeroSender', 'Null', 'Null'],
      ['CheckSpecVersion', 'Null', 'u32'],
      ['CheckTxVersion', 'Null', 'u32'],
      ['CheckGenesis', 'Null', 'H256'],
      ['CheckMortality', 'Era', 'H256'],
      ['CheckNonce', 'Compact<u32>', 'Null'],
      ['CheckWeight', 'Null', 'Null'],
      ['ChargeTransactionPayment', 'Compact<u64>', 'Null'],
      ['SubtensorSignedExtension', 'Null', 'Null'],
      ['CommitmentsSignedExtension', 'Null', 'Null'],
      ['CheckMetadataHash', '{"mode":"FrameMetadataHashExtensionMode"}', 'Option<[u8;32]>'],
    ])
  })

  test('extra and additionalSigned encode as the list’s codecs one after another', () => {
    const extra: Extra = { era: mortal(64, BEST), nonce: 300, tip: 2n ** 40n, metadataHashMode: 'Enabled' }
    const explicit = [undefined, undefined, undefined, undefined, extra.era, extra.nonce, undefined, extra.tip, undefined, undefined, { mode: extra.metadataHashMode }]
    expect(extraCodec.enc(extra)).toEqual(u8aConcat(...SIGNED_EXTENSIONS.map((e, i) => e.explicit.enc(explicit[i] as never))))

    const signed = additionalSignedFor(extra, chainAt())
    const implicit = [undefined, 224, 1, GENESIS_HASH, BEST_HASH, undefined, undefined, undefined, undefined, undefined, METADATA_HASH]
    expect(additionalSignedCodec.enc(signed)).toEqual(u8aConcat(...SIGNED_EXTENSIONS.map((e, i) => e.additionalSigned.enc(implicit[i] as never))))
    expect(extraCodec.dec(extraCodec.enc(extra))).toEqual(extra)
    expect(additionalSignedCodec.dec(additionalSignedCodec.enc(signed))).toEqual(signed)
  })

  test('additionalSigned signs the birth block’s hash, and the metadata hash only in Enabled mode', () => {
    const extra: Extra = { era: mortal(64, BEST), nonce: 0, tip: 0n, metadataHashMode: 'Disabled' }
    expect(additionalSignedFor(extra, chainAt())).toEqual({
      specVersion: 224,
      transactionVersion: 1,
      genesisHash: GENESIS_HASH,
      birthHash: BEST_HASH,
      metadataHash: undefined,
    })
    const immortal: Extra = { ...extra, era: { type: 'Immortal' }, metadataHashMode: 'Enabled' }
    expect(additionalSignedFor(immortal, chainAt())).toMatchObject({ birthHash: GENESIS_HASH, metadataHash: METADATA_HASH })
    // A runtime built without a metadata hash signs None even in Enabled mode, as frame_metadata_hash_extension does.
    expect(additionalSignedFor(immortal, chainAt({ metadataHash: undefined })).metadataHash).toBeUndefined()
  })

  test('a birth block whose hash the chain no longer keeps is an ancient birth block', () => {
    const extra: Extra = { era: mortal(64, BEST), nonce: 0, tip: 0n, metadataHashMode: 'Disabled' }
    expect(refusalOf(() => additionalSignedFor(extra, chainAt({ blockNumber: BEST + 64 })))).toEqual({
      kind: 'InvalidTransaction',
      reason: 'Transaction has an ancient birth block: the chain keeps no hash for block 1064',
    })
  })
})
