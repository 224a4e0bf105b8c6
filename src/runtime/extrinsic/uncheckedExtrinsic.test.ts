import type { KeyringPair } from '@polkadot/keyring/types'
import { u8aConcat } from '@polkadot/util'
import { describe, expect, test } from 'vitest'
import { IMMORTAL, mortal } from './era.ts'
import { BEST, alice, refusalOf, registry, remark, signPayloadWithPolkadotJs, signWithPolkadotJs, transferKeepAlive } from './polkadotJsFixtures.ts'
import type { SignOptions } from './polkadotJsFixtures.ts'
import { compactU32 } from './scale.ts'
import { decodeUncheckedExtrinsic, encodeUncheckedExtrinsic } from './uncheckedExtrinsic.ts'
import type { MultiSignature } from './uncheckedExtrinsic.ts'

const call = transferKeepAlive(123_456_789n)

describe('UncheckedExtrinsic v4 from @polkadot/types', () => {
  test.each<[string, KeyringPair, MultiSignature['type'], SignOptions]>([
    ['sr25519, mortal, with a tip', alice.sr25519, 'Sr25519', { period: 64, tip: 2n ** 40n }],
    ['ed25519, immortal', alice.ed25519, 'Ed25519', { nonce: 0 }],
    ['ecdsa, mortal, metadata hash enabled', alice.ecdsa, 'Ecdsa', { period: 4096, nonce: 70_000, metadataHash: true }],
  ])('%s: decodes field by field and re-encodes to the same bytes', (_, pair, signatureType, options) => {
    const encoded = signWithPolkadotJs(call, pair, options)
    const decoded = decodeUncheckedExtrinsic(encoded)
    const reference = registry.createType('Extrinsic', encoded)

    expect(decoded.signature?.address).toEqual({ type: 'Id', value: pair.addressRaw })
    expect(decoded.signature?.signature.type).toBe(signatureType)
    expect(decoded.signature?.signature.value).toEqual(reference.signature.toU8a())
    expect(decoded.signature?.extra).toEqual({
      era: options.period === undefined ? IMMORTAL : mortal(options.period, BEST),
      nonce: options.nonce ?? 7,
      tip: options.tip ?? 0n,
      metadataHashMode: options.metadataHash ? 'Enabled' : 'Disabled',
    })
    expect(decoded.call).toEqual(call.toU8a())
    expect(encoded.subarray(decoded.callRange.start, decoded.callRange.end)).toEqual(call.toU8a())
    expect(encodeUncheckedExtrinsic(decoded)).toEqual(encoded)
  })

  test('the extension flow (signPayload, then addSignature) gives an extrinsic that round-trips', () => {
    const { extrinsic } = signPayloadWithPolkadotJs(remark(300), alice.sr25519, { period: 128, tip: 1n })
    const decoded = decodeUncheckedExtrinsic(extrinsic)
    expect(decoded.signature?.extra).toEqual({ era: mortal(128, BEST), nonce: 7, tip: 1n, metadataHashMode: 'Disabled' })
    expect(encodeUncheckedExtrinsic(decoded)).toEqual(extrinsic)
  })

  test('a bare extrinsic is version 0x04 and the call', () => {
    const encoded = registry.createType('Extrinsic', call).toU8a()
    const decoded = decodeUncheckedExtrinsic(encoded)
    expect(decoded).toEqual({ signature: undefined, call: call.toU8a(), callRange: { start: 2, end: encoded.length } })
    expect(encodeUncheckedExtrinsic(decoded)).toEqual(encoded)
  })

  test('decoding reads the view it is given, not the rest of its buffer', () => {
    const encoded = signWithPolkadotJs(call, alice.sr25519)
    const view = u8aConcat([0xff, 0xff], encoded, [0xee]).subarray(2, 2 + encoded.length)
    expect(encodeUncheckedExtrinsic(decodeUncheckedExtrinsic(view))).toEqual(encoded)
  })
})

describe('UncheckedExtrinsic v4 refuses malformed bytes, naming the problem', () => {
  const encoded = signWithPolkadotJs(call, alice.sr25519, { period: 64 })
  const prefixLength = compactU32.enc(encoded.length).length === 2 ? 2 : 1
  const body = encoded.subarray(prefixLength)
  const withLength = (bytes: Uint8Array) => u8aConcat(compactU32.enc(bytes.length), bytes)
  const address = u8aConcat([0x00], alice.sr25519.addressRaw)
  const signature = u8aConcat([0x01], new Uint8Array(64))
  const extra = new Uint8Array([0x00, 0x1c, 0x00, 0x00]) // immortal, nonce 7, tip 0, mode Disabled
  const signed = (parts: { address?: Uint8Array; signature?: Uint8Array; extra?: Uint8Array; call?: Uint8Array }) =>
    withLength(u8aConcat([0x84], parts.address ?? address, parts.signature ?? signature, parts.extra ?? extra, parts.call ?? call.toU8a()))
  const badFormat = (bytes: Uint8Array) => {
    const refusal = refusalOf(() => decodeUncheckedExtrinsic(bytes))
    expect(refusal.kind).toBe('BadFormat')
    return refusal.reason
  }

  test('the crafted signed extrinsic is well-formed', () => {
    expect(decodeUncheckedExtrinsic(signed({})).signature?.extra.nonce).toBe(7)
  })

  test('empty input', () => {
    expect(badFormat(new Uint8Array())).toBe('empty input: an extrinsic starts with its compact length')
  })

  test('truncated bytes', () => {
    expect(badFormat(encoded.subarray(0, encoded.length - 1))).toBe(`truncated extrinsic: the length prefix announces ${body.length} bytes but only ${body.length - 1} follow`)
    expect(badFormat(withLength(body.subarray(0, 1 + 33 + 1 + 30)))).toBe('truncated signature: input ends inside [u8; 64]: 30 of 64 bytes present')
    expect(badFormat(new Uint8Array([0x01]))).toBe('truncated length prefix: input ends inside Compact<u32>: 0 of 1 bytes present')
    expect(badFormat(signed({ call: new Uint8Array([5]) }))).toBe('truncated call: 1 of at least 2 bytes (pallet index, call index) present')
  })

  test('trailing bytes', () => {
    expect(badFormat(u8aConcat(encoded, [0]))).toBe(`trailing bytes: the length prefix announces ${body.length} bytes but ${body.length + 1} follow`)
  })

  test.each([
    [0x85, 'unsupported extrinsic version byte 0x85 (format v5, signed): this chain takes format v4 only, 0x84 signed or 0x04 bare'],
    [0x05, 'unsupported extrinsic version byte 0x05 (format v5, bare): this chain takes format v4 only, 0x84 signed or 0x04 bare'],
    [0x45, 'unsupported extrinsic version byte 0x45 (format v5, general): this chain takes format v4 only, 0x84 signed or 0x04 bare'],
    [0x03, 'unsupported extrinsic version byte 0x03 (format v3, bare): this chain takes format v4 only, 0x84 signed or 0x04 bare'],
  ])('unknown version byte %i', (version, reason) => {
    expect(badFormat(withLength(u8aConcat([version], body.subarray(1))))).toBe(reason)
  })

  test('unknown address and signature variants', () => {
    expect(badFormat(signed({ address: u8aConcat([0x05], alice.sr25519.addressRaw) }))).toBe(
      'invalid signer address: MultiAddress has no variant with index 5 (known: 0 Id, 1 Index, 2 Raw, 3 Address32, 4 Address20)',
    )
    expect(badFormat(signed({ signature: u8aConcat([0x03], new Uint8Array(64)) }))).toBe(
      'invalid signature: MultiSignature has no variant with index 3 (known: 0 Ed25519, 1 Sr25519, 2 Ecdsa)',
    )
  })

  test('invalid signed extensions', () => {
    expect(badFormat(signed({ extra: new Uint8Array([0x10, 0x00, 0x1c, 0x00, 0x00]) }))).toBe('invalid signed extensions: invalid mortal era 0x0010: period 2, phase 1')
    expect(badFormat(signed({ extra: new Uint8Array([0x00, 0x1d, 0x00, 0x00, 0x00]) }))).toBe('invalid signed extensions: Compact<u32>: non-canonical compact encoding of 7')
    expect(badFormat(signed({ extra: new Uint8Array([0x00, 0x1c, 0x00, 0x02]) }))).toBe(
      'invalid signed extensions: frame_metadata_hash_extension::Mode has no variant with index 2 (known: 0 Disabled, 1 Enabled)',
    )
  })

  test('a non-canonical length prefix', () => {
    expect(badFormat(u8aConcat([0x0d, 0x00], [0x04, 0x00, 0x00]))).toBe('invalid length prefix: Compact<u32>: non-canonical compact encoding of 3')
  })
})
