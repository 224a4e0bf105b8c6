// UncheckedExtrinsic v4 as subtensor encodes it, decoded strictly from untrusted bytes; the call stays opaque for the runtime to decode.
import { _void } from '@polkadot-api/substrate-bindings'
import type { Codec, CodecType } from '@polkadot-api/substrate-bindings'
import { u8aConcat } from '@polkadot/util'
import { InvalidExtrinsic } from './invalidExtrinsic.ts'
import { ScaleDecodeError, byteVec, compactU32, fixedBytes, position, strictDecoder, take, takeByte, variant } from './scale.ts'
import { extraCodec } from './signedExtensions.ts'
import type { Extra } from './signedExtensions.ts'

/** `MultiAddress<AccountId32, ()>`: subtensor has no account indices, so `Index` carries `Compact<()>`, which is empty. */
export const multiAddressCodec = variant('MultiAddress', {
  Id: fixedBytes(32),
  Index: _void,
  Raw: byteVec,
  Address32: fixedBytes(32),
  Address20: fixedBytes(20),
})
export type MultiAddress = CodecType<typeof multiAddressCodec>

export const multiSignatureCodec = variant('MultiSignature', {
  Ed25519: fixedBytes(64),
  Sr25519: fixedBytes(64),
  /** r ‖ s ‖ recovery id */
  Ecdsa: fixedBytes(65),
})
export type MultiSignature = CodecType<typeof multiSignatureCodec>

export interface ExtrinsicSignature {
  address: MultiAddress
  signature: MultiSignature
  extra: Extra
}

export interface UncheckedExtrinsic {
  /** Undefined for a bare (unsigned or inherent) extrinsic. */
  signature: ExtrinsicSignature | undefined
  /** The encoded call: pallet index, call index, arguments. */
  call: Uint8Array
}

export interface DecodedExtrinsic extends UncheckedExtrinsic {
  /** Where the call lies in the encoded extrinsic (length prefix included): `encoded.subarray(start, end)`. */
  callRange: { start: number; end: number }
}

/** Version byte: bit 7 set = signed, low bits = format version 4. */
const SIGNED_V4 = 0x84
const BARE_V4 = 0x04

function describeVersion(byte: number): string {
  const hex = `0x${byte.toString(16).padStart(2, '0')}`
  const kind = ['bare', 'general', 'signed', 'invalid type bits'][byte >> 6]
  return `unsupported extrinsic version byte ${hex} (format v${byte & 0x3f}, ${kind}): this chain takes format v4 only, 0x84 signed or 0x04 bare`
}

const decoder = strictDecoder((bytes): DecodedExtrinsic => {
  const read = <T>(part: string, codec: Codec<T>): T => {
    try {
      return codec.dec(bytes)
    } catch (error) {
      if (!(error instanceof ScaleDecodeError)) throw error
      throw new InvalidExtrinsic('BadFormat', `${error.truncated ? 'truncated' : 'invalid'} ${part}: ${error.message}`)
    }
  }

  if (bytes.length === 0) throw new InvalidExtrinsic('BadFormat', 'empty input: an extrinsic starts with its compact length')
  const length = read('length prefix', compactU32)
  const following = bytes.length - position(bytes)
  if (following < length) throw new InvalidExtrinsic('BadFormat', `truncated extrinsic: the length prefix announces ${length} bytes but only ${following} follow`)
  if (following > length) throw new InvalidExtrinsic('BadFormat', `trailing bytes: the length prefix announces ${length} bytes but ${following} follow`)
  if (length === 0) throw new InvalidExtrinsic('BadFormat', 'empty extrinsic: the length prefix is 0, so there is no version byte')

  const version = takeByte(bytes, 'version byte')
  if (version !== SIGNED_V4 && version !== BARE_V4) throw new InvalidExtrinsic('BadFormat', describeVersion(version))
  const signature =
    version === SIGNED_V4
      ? {
          address: read('signer address', multiAddressCodec),
          signature: read('signature', multiSignatureCodec),
          extra: read('signed extensions', extraCodec),
        }
      : undefined

  const start = position(bytes)
  const end = bytes.length
  if (end - start < 2) throw new InvalidExtrinsic('BadFormat', `truncated call: ${end - start} of at least 2 bytes (pallet index, call index) present`)
  return { signature, call: take(bytes, end - start, 'call'), callRange: { start, end } }
})

/**
 * Decodes `Compact<u32> length ‖ version ‖ [address ‖ signature ‖ extra] ‖ call`. Throws
 * `InvalidExtrinsic('BadFormat', …)` naming the problem for anything else, including trailing bytes.
 */
export function decodeUncheckedExtrinsic(encoded: Uint8Array): DecodedExtrinsic {
  // A copy into a fresh buffer: scale-ts decoders read a view's underlying buffer from its start.
  return decoder(new Uint8Array(encoded))
}

export function encodeUncheckedExtrinsic({ signature, call }: UncheckedExtrinsic): Uint8Array {
  const body = signature
    ? u8aConcat([SIGNED_V4], multiAddressCodec.enc(signature.address), multiSignatureCodec.enc(signature.signature), extraCodec.enc(signature.extra), call)
    : u8aConcat([BARE_V4], call)
  return u8aConcat(compactU32.enc(body.length), body)
}
