// Strict SCALE codecs for untrusted extrinsic bytes: every read is bounds-checked and canonical, as parity-scale-codec decodes.
import { compact, createCodec, createDecoder } from '@polkadot-api/substrate-bindings'
import type { Codec, CodecType, Decoder } from '@polkadot-api/substrate-bindings'
import { u8aConcat } from '@polkadot/util'

/** A decode failure; `truncated` when the input ended before the value did. */
export class ScaleDecodeError extends Error {
  override readonly name = 'ScaleDecodeError'
  constructor(
    message: string,
    readonly truncated = false,
  ) {
    super(message)
  }
}

/** scale-ts passes every nested decoder the same byte array, carrying the read position in `i`. */
type Cursor = Uint8Array & { i: number }

/** A scale-ts decoder that reads the shared cursor itself. */
export const strictDecoder = <T>(read: (bytes: Cursor) => T): Decoder<T> => createDecoder((bytes) => read(bytes as Cursor))

/** The read position of a cursor handed to a `strictDecoder`. */
export const position = (bytes: Uint8Array): number => (bytes as Cursor).i

/** Takes `n` bytes (a copy) or throws a truncation naming `what`. */
export function take(bytes: Uint8Array, n: number, what: string): Uint8Array {
  const cursor = bytes as Cursor
  const left = cursor.length - cursor.i
  if (n > left) throw new ScaleDecodeError(`input ends inside ${what}: ${left} of ${n} bytes present`, true)
  // A copy through the buffer: `slice` on scale-ts's Uint8Array subclass would call its constructor with a length.
  const out = new Uint8Array(cursor.buffer.slice(cursor.byteOffset + cursor.i, cursor.byteOffset + cursor.i + n))
  cursor.i += n
  return out
}

/** Takes one byte (as `take(bytes, 1, what)[0]`, without the copy) or throws the same truncation. */
export function takeByte(bytes: Uint8Array, what: string): number {
  const cursor = bytes as Cursor
  if (cursor.i >= cursor.length) throw new ScaleDecodeError(`input ends inside ${what}: ${cursor.length - cursor.i} of 1 bytes present`, true)
  return cursor[cursor.i++]!
}

const littleEndian = (bytes: Uint8Array): bigint => bytes.reduceRight((acc, byte) => (acc << 8n) | BigInt(byte), 0n)

/**
 * `Compact<uN>` with parity-scale-codec's checks: the shortest encoding only, at most `maxBytes` in
 * big-integer mode (4 for u32, 8 for u64).
 */
function readCompact(bytes: Uint8Array, maxBytes: 4 | 8, what: string): bigint {
  const first = takeByte(bytes, what)
  const mode = first & 0b11
  if (mode === 0) return BigInt(first >> 2)
  if (mode === 1 || mode === 2) {
    const rest = take(bytes, mode === 1 ? 1 : 3, what)
    // (first ‖ rest) as a little-endian integer, shifted right by the two mode bits.
    const value = BigInt(mode === 1 ? (first | (rest[0]! << 8)) >>> 2 : (first | (rest[0]! << 8) | (rest[1]! << 16) | (rest[2]! << 24)) >>> 2)
    if (value < (mode === 1 ? 1n << 6n : 1n << 14n)) throw new ScaleDecodeError(`${what}: non-canonical compact encoding of ${value}`)
    return value
  }
  const length = (first >> 2) + 4
  if (length > maxBytes) throw new ScaleDecodeError(`${what}: compact prefix announces ${length} bytes, at most ${maxBytes} fit`)
  const value = littleEndian(take(bytes, length, what))
  const shortest = length === 4 ? 1n << 30n : 1n << BigInt(8 * (length - 1))
  if (value < shortest) throw new ScaleDecodeError(`${what}: non-canonical compact encoding of ${value}`)
  return value
}

/** `Compact<u32>` as a number. */
export const compactU32: Codec<number> = createCodec(
  (value: number) => {
    if (!Number.isInteger(value) || value < 0 || value > 0xffff_ffff) throw new RangeError(`Compact<u32> out of range: ${value}`)
    return compact.enc(value)
  },
  strictDecoder((bytes) => Number(readCompact(bytes, 4, 'Compact<u32>'))),
)

/** `Compact<u64>` as a bigint. */
export const compactU64: Codec<bigint> = createCodec(
  (value: bigint) => {
    if (value < 0n || value >= 1n << 64n) throw new RangeError(`Compact<u64> out of range: ${value}`)
    return compact.enc(value)
  },
  strictDecoder((bytes) => readCompact(bytes, 8, 'Compact<u64>')),
)

/** `[u8; len]` as bytes of exactly that length. */
export function fixedBytes(len: number): Codec<Uint8Array> {
  const what = `[u8; ${len}]`
  return createCodec(
    (value: Uint8Array) => {
      if (value.length !== len) throw new RangeError(`${what} needs ${len} bytes, got ${value.length}`)
      return Uint8Array.from(value)
    },
    strictDecoder((bytes) => take(bytes, len, what)),
  )
}

/** `Vec<u8>`: compact length, then the bytes. */
export const byteVec: Codec<Uint8Array> = createCodec(
  (value: Uint8Array) => u8aConcat(compact.enc(value.length), value),
  strictDecoder((bytes) => take(bytes, Number(readCompact(bytes, 4, 'Vec<u8> length')), 'Vec<u8>')),
)

/** `Option<T>`: 0 for None, 1 then the value for Some; any other tag is refused. */
export function option<T>(inner: Codec<T>): Codec<T | undefined> {
  return createCodec(
    (value: T | undefined) => (value === undefined ? new Uint8Array([0]) : u8aConcat([1], inner.enc(value))),
    strictDecoder((bytes) => {
      const tag = takeByte(bytes, 'Option')
      if (tag === 0) return undefined
      if (tag === 1) return inner.dec(bytes)
      throw new ScaleDecodeError(`Option tag must be 0 or 1, got ${tag}`)
    }),
  )
}

export type VariantOf<O extends Record<string, Codec<any>>> = { [K in keyof O & string]: { type: K; value: CodecType<O[K]> } }[keyof O & string]

/** A Rust enum whose variants are indexed 0, 1, … in declaration order, as `{ type, value }`; unknown indices are refused. */
export function variant<O extends Record<string, Codec<any>>>(name: string, inner: O): Codec<VariantOf<O>> {
  const tags = Object.keys(inner)
  return createCodec(
    (value: VariantOf<O>) => {
      const index = tags.indexOf(value.type)
      if (index < 0) throw new RangeError(`${name} has no variant ${String(value.type)}`)
      return u8aConcat([index], inner[value.type]!.enc(value.value))
    },
    strictDecoder((bytes) => {
      const index = takeByte(bytes, name)
      const type = tags[index]
      if (type === undefined) throw new ScaleDecodeError(`${name} has no variant with index ${index} (known: ${tags.map((tag, i) => `${i} ${tag}`).join(', ')})`)
      return { type, value: inner[type]!.dec(bytes) } as VariantOf<O>
    }),
  )
}
