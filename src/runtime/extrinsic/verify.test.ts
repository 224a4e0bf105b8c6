import type { KeyringPair } from '@polkadot/keyring/types'
import { u8aConcat } from '@polkadot/util'
import { blake2AsU8a } from '@polkadot/util-crypto'
import { describe, expect, test } from 'vitest'
import { alice, chainAt, refusalOf, registry, remark, signPayloadWithPolkadotJs, signWithPolkadotJs, transferKeepAlive } from './polkadotJsFixtures.ts'
import type { SignOptions } from './polkadotJsFixtures.ts'
import { additionalSignedCodec, additionalSignedFor, extraCodec } from './signedExtensions.ts'
import { decodeUncheckedExtrinsic, encodeUncheckedExtrinsic } from './uncheckedExtrinsic.ts'
import type { ExtrinsicSignature, MultiAddress } from './uncheckedExtrinsic.ts'
import { checkExtrinsic, signingPayload, verifySignature } from './verify.ts'

const pairs = Object.entries(alice) as [string, KeyringPair][]
const transfer = transferKeepAlive(10n ** 12n)

/** Decodes a signed extrinsic and returns its parts (throws if bare). */
function signedParts(encoded: Uint8Array) {
  const { signature, call } = decodeUncheckedExtrinsic(encoded)
  if (!signature) throw new Error('expected a signed extrinsic')
  return { signature, call }
}

const withSignature = (encoded: Uint8Array, change: (signature: ExtrinsicSignature) => ExtrinsicSignature) => {
  const { signature, call } = signedParts(encoded)
  return decodeUncheckedExtrinsic(encodeUncheckedExtrinsic({ signature: change(signature), call }))
}

describe('signatures made by @polkadot/types verify', () => {
  const cases: [string, SignOptions][] = [
    ['mortal, with a tip', { period: 64, tip: 5_000n, nonce: 3 }],
    ['immortal', {}],
    ['metadata hash enabled', { period: 256, metadataHash: true }],
  ]
  test.each(pairs.flatMap(([type, pair]) => cases.map(([name, options]) => [type, name, pair, options] as const)))('%s, %s', (_, __, pair, options) => {
    const encoded = signWithPolkadotJs(transfer, pair, options)
    const decoded = decodeUncheckedExtrinsic(encoded)
    expect(checkExtrinsic(decoded, chainAt())).toEqual({ signed: { signer: pair.addressRaw, extra: decoded.signature?.extra }, call: transfer.toU8a() })

    const { signature, call } = signedParts(encoded)
    const payload = signingPayload(call, extraCodec.enc(signature.extra), additionalSignedCodec.enc(additionalSignedFor(signature.extra, chainAt())))
    expect(verifySignature(pair.addressRaw, signature.signature, payload)).toBe(true)
  })

  test.each(pairs)('%s over a payload longer than 256 bytes, which is signed as its blake2_256', (_, pair) => {
    const encoded = signWithPolkadotJs(remark(300), pair, { period: 64 })
    expect(checkExtrinsic(decodeUncheckedExtrinsic(encoded), chainAt()).signed?.signer).toEqual(pair.addressRaw)
  })

  test.each(pairs)('%s through the extension flow: the payload a wallet signs is ours, byte for byte', (_, pair) => {
    for (const call of [transfer, remark(300)]) {
      const { extrinsic, signedBytes } = signPayloadWithPolkadotJs(call, pair, { period: 128, tip: 1n, metadataHash: true })
      const { signature } = signedParts(extrinsic)
      const payload = signingPayload(call.toU8a(), extraCodec.enc(signature.extra), additionalSignedCodec.enc(additionalSignedFor(signature.extra, chainAt())))
      expect(payload).toEqual(signedBytes.length > 256 ? blake2AsU8a(signedBytes, 256) : signedBytes)
      expect(verifySignature(pair.addressRaw, signature.signature, payload)).toBe(true)
      expect(checkExtrinsic(decodeUncheckedExtrinsic(extrinsic), chainAt()).signed?.signer).toEqual(pair.addressRaw)
    }
  })

  test('an ECDSA recovery id may also be written 27 or 28, as Substrate accepts', () => {
    const decoded = withSignature(signWithPolkadotJs(transfer, alice.ecdsa), (signature) => {
      const value = signature.signature.value.slice()
      value[64]! += 27
      return { ...signature, signature: { type: 'Ecdsa', value } }
    })
    expect(checkExtrinsic(decoded, chainAt()).signed?.signer).toEqual(alice.ecdsa.addressRaw)
  })

  test('a bare extrinsic has no signer to check', () => {
    const decoded = decodeUncheckedExtrinsic(registry.createType('Extrinsic', transfer).toU8a())
    expect(checkExtrinsic(decoded, chainAt())).toEqual({ signed: undefined, call: transfer.toU8a() })
  })
})

describe('refused signatures', () => {
  const badProof = { kind: 'InvalidTransaction', reason: 'Transaction has a bad signature' }

  test.each(pairs)('%s: a flipped signature byte', (_, pair) => {
    const decoded = withSignature(signWithPolkadotJs(transfer, pair, { period: 64 }), (signature) => {
      const value = signature.signature.value.slice()
      value[10]! ^= 0x01
      return { ...signature, signature: { ...signature.signature, value } }
    })
    expect(refusalOf(() => checkExtrinsic(decoded, chainAt()))).toEqual(badProof)
  })

  test.each(pairs)('%s: signed for another chain, runtime or transaction version', (_, pair) => {
    const decoded = decodeUncheckedExtrinsic(signWithPolkadotJs(transfer, pair, { period: 64 }))
    expect(refusalOf(() => checkExtrinsic(decoded, chainAt({ genesisHash: new Uint8Array(32).fill(0x99) })))).toEqual(badProof)
    expect(refusalOf(() => checkExtrinsic(decoded, chainAt({ specVersion: 225 })))).toEqual(badProof)
    expect(refusalOf(() => checkExtrinsic(decoded, chainAt({ transactionVersion: 2 })))).toEqual(badProof)
  })

  test('signed with metadata hash mode Enabled against a runtime without one', () => {
    const decoded = decodeUncheckedExtrinsic(signWithPolkadotJs(transfer, alice.sr25519, { metadataHash: true }))
    expect(refusalOf(() => checkExtrinsic(decoded, chainAt({ metadataHash: undefined })))).toEqual(badProof)
  })

  test('another signer’s id, or the signature under another scheme', () => {
    const encoded = signWithPolkadotJs(transfer, alice.sr25519)
    const asOtherAccount = withSignature(encoded, (signature) => ({ ...signature, address: { type: 'Id', value: alice.ed25519.addressRaw } }))
    expect(refusalOf(() => checkExtrinsic(asOtherAccount, chainAt()))).toEqual(badProof)
    const asEd25519 = withSignature(encoded, (signature) => ({ ...signature, signature: { type: 'Ed25519', value: signature.signature.value } }))
    expect(refusalOf(() => checkExtrinsic(asEd25519, chainAt()))).toEqual(badProof)
  })

  test('an ECDSA recovery id outside 0–3 and 27–30', () => {
    const decoded = withSignature(signWithPolkadotJs(transfer, alice.ecdsa), (signature) => {
      const value = signature.signature.value.slice()
      value[64] = 4
      return { ...signature, signature: { type: 'Ecdsa', value } }
    })
    expect(refusalOf(() => checkExtrinsic(decoded, chainAt()))).toEqual(badProof)
  })

  test('a mortal transaction checked after its era: its birth block hash is gone', () => {
    const decoded = decodeUncheckedExtrinsic(signWithPolkadotJs(transfer, alice.sr25519, { period: 64 }))
    expect(refusalOf(() => checkExtrinsic(decoded, chainAt({ blockNumber: 1000 + 64 })))).toEqual({
      kind: 'InvalidTransaction',
      reason: 'Transaction has an ancient birth block: the chain keeps no hash for block 1064',
    })
  })

  test.each([
    { type: 'Index', value: undefined },
    { type: 'Raw', value: alice.sr25519.addressRaw },
    { type: 'Address32', value: alice.sr25519.addressRaw },
    { type: 'Address20', value: alice.sr25519.addressRaw.subarray(0, 20) },
  ] as MultiAddress[])('a signer given as MultiAddress::$type cannot be looked up', (address) => {
    const decoded = withSignature(signWithPolkadotJs(transfer, alice.sr25519), (signature) => ({ ...signature, address }))
    expect(refusalOf(() => checkExtrinsic(decoded, chainAt()))).toEqual({
      kind: 'UnknownTransaction',
      reason: `Could not lookup information required to validate the transaction: the signer is a MultiAddress::${address.type}, and this chain looks up MultiAddress::Id (an AccountId32) only`,
    })
  })

  test('the payload is the concatenation, hashed only beyond 256 bytes', () => {
    const at256 = signingPayload(new Uint8Array(200), new Uint8Array(16), new Uint8Array(40))
    expect(at256).toEqual(new Uint8Array(256))
    const at257 = signingPayload(new Uint8Array(201), new Uint8Array(16), new Uint8Array(40))
    expect(at257).toEqual(blake2AsU8a(u8aConcat(new Uint8Array(257)), 256))
  })
})
