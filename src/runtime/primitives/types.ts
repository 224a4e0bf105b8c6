// SCALE type DSL: every type value carries a scale-ts codec and its scale-info shape, so one declaration gives encode/decode, TypeScript types and metadata.
import {
  BitSeq,
  Bytes as bytesCodec,
  Self,
  Struct as structCodec,
  Tuple as tupleCodec,
  _void,
  bool as boolCodec,
  compactBn,
  compactNumber,
  createCodec,
  createDecoder,
  enhanceCodec,
  i128 as i128Codec,
  i16 as i16Codec,
  i256 as i256Codec,
  i32 as i32Codec,
  i64 as i64Codec,
  i8 as i8Codec,
  str as strCodec,
  u128 as u128Codec,
  u16 as u16Codec,
  u256 as u256Codec,
  u32 as u32Codec,
  u64 as u64Codec,
  u8 as u8Codec,
} from '@polkadot-api/substrate-bindings'
import type { Codec, StringRecord } from '@polkadot-api/substrate-bindings'
import { hexToU8a, isHex, u8aConcat, u8aToHex } from '@polkadot/util'

export type { Codec }

/** Lower-case `0x…` hex, the value of fixed-size byte arrays (hashes, account ids). */
export type Hex = `0x${string}`

export type Primitive =
  | 'bool' | 'char' | 'str'
  | 'u8' | 'u16' | 'u32' | 'u64' | 'u128' | 'u256'
  | 'i8' | 'i16' | 'i32' | 'i64' | 'i128' | 'i256'

/** A composite or variant field as scale-info records it. */
export interface Field {
  readonly name?: string
  readonly type: AnyType
  readonly typeName?: string
  readonly docs: readonly string[]
}

export interface VariantInfo {
  readonly name: string
  readonly index: number
  readonly fields: readonly Field[]
  readonly docs: readonly string[]
}

/** scale-info `TypeDef`; children are type values, interned to ids by the metadata registry. */
export type TypeDef =
  | { readonly tag: 'composite'; readonly value: readonly Field[] }
  | { readonly tag: 'variant'; readonly value: readonly VariantInfo[] }
  | { readonly tag: 'sequence'; readonly value: AnyType }
  | { readonly tag: 'array'; readonly value: { readonly len: number; readonly type: AnyType } }
  | { readonly tag: 'tuple'; readonly value: readonly AnyType[] }
  | { readonly tag: 'primitive'; readonly value: Primitive }
  | { readonly tag: 'compact'; readonly value: AnyType }
  | { readonly tag: 'bitSequence'; readonly value: { readonly bitStoreType: AnyType; readonly bitOrderType: AnyType } }

export interface TypeInfo {
  readonly path: readonly string[]
  readonly params: readonly { readonly name: string; readonly type?: AnyType }[]
  readonly def: TypeDef
  readonly docs: readonly string[]
}

const TYPE = Symbol('webtensor.scale-type')

/**
 * A SCALE type. `info` is the scale-info shape: composite and variant types are nominal (the
 * registry interns them by the identity of `info`, like Rust's TypeId), all others structural.
 * `typeName` is the Rust name written where the type appears as a field (`T::AccountId`, `NetUid`).
 */
export interface Type<T> {
  readonly [TYPE]: true
  readonly codec: Codec<T>
  readonly info: TypeInfo
  readonly typeName?: string
  /** The encoding of `Default::default()` where the Rust type implements it by hand (see `defaultEncoding`). */
  readonly defaultBytes?: Uint8Array
  enc(value: T): Uint8Array
  /** Decodes exactly the whole input; throws on truncated input or trailing bytes. */
  dec(input: Uint8Array | Hex): T
}

/** A type whose value type is erased, for heterogeneous lists of types. */
export type AnyType = Type<any>

/** The TypeScript value of a type, storage item (its stored value) or constant. */
export type ValueOf<X> = X extends Type<infer V> ? V : X extends { readonly value: Type<infer V> } ? V : X extends { readonly type: Type<infer V> } ? V : never

export function isType(x: unknown): x is AnyType {
  return typeof x === 'object' && x !== null && TYPE in x
}

/** Decodes a whole input: copies views (scale-ts reads `buffer` from offset 0) and rejects leftovers. */
function strictDecoder<T>(codec: Codec<T>): (input: Uint8Array | Hex) => T {
  return (input) => {
    const bytes = typeof input === 'string' ? hexBytes(input) : input.byteOffset === 0 && input.byteLength === input.buffer.byteLength ? input : input.slice()
    let end = 0
    const value = createDecoder((b) => {
      const v = codec.dec(b)
      end = (b as Uint8Array & { i: number }).i
      return v
    })(bytes)
    if (end > bytes.length) throw new Error(`SCALE input too short: needed ${end} bytes, got ${bytes.length}`)
    if (end < bytes.length) throw new Error(`SCALE input has ${bytes.length - end} trailing bytes after the value`)
    return value
  }
}

function hexBytes(hex: string): Uint8Array {
  if (!isHex(hex)) throw new Error(`not a 0x-prefixed hex string: ${hex.slice(0, 20)}`)
  return hexToU8a(hex)
}

const docLines = (docs: string | undefined): string[] => (docs === undefined ? [] : docs.split('\n'))

function makeType<T>(codec: Codec<T>, info: TypeInfo | (() => TypeInfo), typeName?: string, defaultBytes?: Uint8Array): Type<T> {
  const t = { [TYPE]: true as const, codec, typeName, defaultBytes, enc: codec.enc, dec: strictDecoder(codec) }
  if (typeof info !== 'function') return Object.assign(t, { info })
  let cached: TypeInfo | undefined
  return Object.defineProperty(t, 'info', { enumerable: true, get: () => (cached ??= info()) }) as Type<T>
}

const anonymous = (def: TypeDef): TypeInfo => ({ path: [], params: [], def, docs: [] })
const primitive = <T>(kind: Primitive, codec: Codec<T>) => makeType(codec, anonymous({ tag: 'primitive', value: kind }), kind)

export const bool = primitive('bool', boolCodec)
export const str = primitive('str', strCodec)
export const u8 = primitive('u8', u8Codec)
export const u16 = primitive('u16', u16Codec)
export const u32 = primitive('u32', u32Codec)
export const u64 = primitive('u64', u64Codec)
export const u128 = primitive('u128', u128Codec)
export const u256 = primitive('u256', u256Codec)
export const i8 = primitive('i8', i8Codec)
export const i16 = primitive('i16', i16Codec)
export const i32 = primitive('i32', i32Codec)
export const i64 = primitive('i64', i64Codec)
export const i128 = primitive('i128', i128Codec)
export const i256 = primitive('i256', i256Codec)

/** `()`: the empty tuple (also what metadata uses for "no additional signed data"). */
export const unit: Type<undefined> = makeType(_void as Codec<undefined>, anonymous({ tag: 'tuple', value: [] }), '()')

/** `Vec<u8>` as a Uint8Array. */
export const Bytes: Type<Uint8Array> = makeType(bytesCodec(), anonymous({ tag: 'sequence', value: u8 }), 'Vec<u8>')

/** `[u8; len]` as lower-case hex; encoding checks the length. */
export function byteArray(len: number): Type<Hex> {
  const codec = enhanceCodec(
    bytesCodec(len),
    (hex: Hex) => {
      const bytes = hexBytes(hex)
      if (bytes.length !== len) throw new Error(`expected ${len} bytes, got ${bytes.length}: ${hex}`)
      return bytes
    },
    (bytes) => u8aToHex(bytes) as Hex,
  )
  return makeType(codec, anonymous({ tag: 'array', value: { len, type: u8 } }), `[u8; ${len}]`)
}

/** `[T; len]` as a JS array (use `byteArray` for `[u8; len]`). */
export function array<T>(inner: Type<T>, len: number): Type<T[]> {
  const enc = (value: T[]) => {
    if (value.length !== len) throw new Error(`expected an array of ${len} elements, got ${value.length}`)
    return u8aConcat(...value.map(inner.codec.enc))
  }
  const dec = createDecoder((b) => Array.from({ length: len }, () => inner.codec.dec(b)))
  return makeType(createCodec(enc, dec), anonymous({ tag: 'array', value: { len, type: inner } }), `[${inner.typeName}; ${len}]`)
}

/** `Vec<T>` as a JS array (use `Bytes` for `Vec<u8>`); decoding refuses lengths longer than the input. */
export function Vec<T>(inner: Type<T>): Type<T[]> {
  const enc = (value: T[]) => u8aConcat(compactNumber.enc(value.length), ...value.map(inner.codec.enc))
  const dec = createDecoder((b) => {
    const n = compactNumber.dec(b)
    const remaining = b.length - (b as Uint8Array & { i: number }).i
    if (n > remaining) throw new Error(`Vec length ${n} exceeds the ${remaining} bytes left in the input`)
    return Array.from({ length: n }, () => inner.codec.dec(b))
  })
  return makeType(createCodec(enc, dec), anonymous({ tag: 'sequence', value: inner }), `Vec<${inner.typeName}>`)
}

type TupleValue<A extends readonly AnyType[]> = { -readonly [K in keyof A]: ValueOf<A[K]> }

/** `(A, B, …)` as a JS tuple. */
export function tuple<const A extends readonly AnyType[]>(...items: A): Type<TupleValue<A>> {
  const codec = tupleCodec(...items.map((t) => t.codec)) as unknown as Codec<TupleValue<A>>
  return makeType(codec, anonymous({ tag: 'tuple', value: items }), `(${items.map((t) => t.typeName).join(', ')})`)
}

/** `Compact<T>`: number for u8–u32, bigint for u64–u256, nothing for `()`. */
export function compact(inner: Type<number>): Type<number>
export function compact(inner: Type<bigint>): Type<bigint>
export function compact(inner: Type<undefined>): Type<undefined>
export function compact(inner: AnyType): AnyType {
  const def = inner.info.def
  const kind = def.tag === 'primitive' ? def.value : def.tag === 'tuple' && def.value.length === 0 ? '()' : undefined
  const codec = kind === 'u8' || kind === 'u16' || kind === 'u32' ? compactNumber : kind === 'u64' || kind === 'u128' || kind === 'u256' ? compactBn : kind === '()' ? _void : undefined
  if (!codec) throw new Error(`Compact<${inner.typeName}> is not supported: only unsigned integers and () are compact`)
  return makeType(codec as Codec<unknown>, anonymous({ tag: 'compact', value: inner }), `Compact<${inner.typeName}>`)
}

/** `BitVec<u8, Lsb0>` as an array of bits. */
export const BitVec: Type<(0 | 1)[]> = makeType(
  BitSeq(true),
  anonymous({ tag: 'bitSequence', value: { bitStoreType: u8, bitOrderType: makeType(_void, { path: ['bitvec', 'order', 'Lsb0'], params: [], def: { tag: 'composite', value: [] }, docs: [] }) } }),
  'BitVec<u8, Lsb0>',
)

/** A lazily resolved type, for recursion (a call argument that is itself a `RuntimeCall`). */
export function lazy<T>(get: () => Type<T>): Type<T> {
  return makeType(Self(() => get().codec), () => get().info, undefined)
}

/** The same type under another Rust field type name (`withTypeName(u16, 'NetUid')`). */
export function withTypeName<T>(type: Type<T>, typeName: string): Type<T> {
  return makeType(type.codec, () => type.info, typeName, type.defaultBytes)
}

interface NamedOptions<T = unknown> {
  /** `Default::default()` when it is not the derived one (zeros, empty, index-0 unit variant). */
  readonly default?: T
  /** Generic parameters as scale-info lists them; `null` for a parameter without type info (`T = _`). */
  readonly params?: Readonly<Record<string, AnyType | null>>
  readonly docs?: string
  /** The name used where this type appears as a field; defaults to the last path segment. */
  readonly typeName?: string
}

const named = <T>(codec: Codec<T>, info: TypeInfo, options: NamedOptions<T>) =>
  makeType(codec, info, options.typeName ?? info.path.at(-1), options.default === undefined ? undefined : codec.enc(options.default))
const splitPath = (path: string) => (path === '' ? [] : path.split('::'))
const paramList = (params: NamedOptions['params']) => Object.entries(params ?? {}).map(([name, type]) => (type ? { name, type } : { name }))
/** The metadata (Rust) name of a camelCase JS key: `amountStaked` → `amount_staked`. */
export const snakeCase = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)
const fieldOf = (type: AnyType, name?: string): Field => ({ name, type, typeName: type.typeName, docs: [] })

type StructValue<F extends Record<string, AnyType>> = { -readonly [K in keyof F]: ValueOf<F[K]> }

/** A struct (composite with named fields). JS keys are camelCase; metadata names are their snake_case. */
export function struct<const F extends Record<string, AnyType>>(path: string, fields: F, options: NamedOptions<StructValue<F>> = {}): Type<StructValue<F>> {
  const codecs = Object.fromEntries(Object.entries(fields).map(([k, t]) => [k, t.codec])) as StringRecord<Codec<unknown>>
  const info: TypeInfo = {
    path: splitPath(path),
    params: paramList(options.params),
    def: { tag: 'composite', value: Object.entries(fields).map(([k, t]) => fieldOf(t, snakeCase(k))) },
    docs: docLines(options.docs),
  }
  return named(structCodec(codecs) as unknown as Codec<StructValue<F>>, info, options)
}

/** A tuple struct with one unnamed field (`struct AccountId32([u8; 32])`); its value is the inner value. */
export function newtype<T>(path: string, inner: Type<T>, options: NamedOptions<T> = {}): Type<T> {
  const info: TypeInfo = { path: splitPath(path), params: paramList(options.params), def: { tag: 'composite', value: [fieldOf(inner)] }, docs: docLines(options.docs) }
  return named(inner.codec, info, options)
}

/** A variant's payload: nothing, one unnamed field, several unnamed fields, or named fields. */
export type Fields = AnyType | readonly AnyType[] | Readonly<Record<string, AnyType>>

export interface VariantSpec {
  readonly index: number
  readonly fields?: Fields
  readonly docs?: string
}

/** The JS value of a variant payload: the single value, a tuple, or an object. */
export type FieldsValue<F> = F extends AnyType ? ValueOf<F> : F extends readonly AnyType[] ? TupleValue<F> : F extends Record<string, AnyType> ? StructValue<F> : undefined

/** Enum values are `{ type: 'Variant', value }`; unit variants may omit `value`. */
export type EnumValue<V extends Record<string, VariantSpec>> = {
  [K in keyof V & string]: V[K] extends { readonly fields: infer F extends Fields } ? { type: K; value: FieldsValue<F> } : { type: K; value?: undefined }
}[keyof V & string]

/** The codec and field list of one variant's payload. */
export function fieldsCodec(fields: Fields | undefined): { codec: Codec<unknown>; fields: Field[] } {
  if (fields === undefined) return { codec: _void as Codec<unknown>, fields: [] }
  if (isType(fields)) return { codec: fields.codec, fields: [fieldOf(fields)] }
  if (Array.isArray(fields)) {
    const items = fields as readonly AnyType[]
    return { codec: tupleCodec(...items.map((t) => t.codec)) as Codec<unknown>, fields: items.map((t) => fieldOf(t)) }
  }
  const named = Object.entries(fields as Record<string, AnyType>)
  return {
    codec: structCodec(Object.fromEntries(named.map(([k, t]) => [k, t.codec])) as StringRecord<Codec<unknown>>) as Codec<unknown>,
    fields: named.map(([k, t]) => fieldOf(t, snakeCase(k))),
  }
}

interface VariantCodecEntry {
  readonly name: string
  readonly index: number
  readonly codec: Codec<unknown>
}

/** `{ type, value }` ↔ index byte ++ payload; unknown names and indices throw. */
export function variantCodec<T extends { type: string; value?: unknown }>(entries: readonly VariantCodecEntry[]): Codec<T> {
  const byName = new Map(entries.map((e) => [e.name, e]))
  const byIndex = new Map(entries.map((e) => [e.index, e]))
  const enc = (v: T) => {
    const e = byName.get(v.type)
    if (!e) throw new Error(`unknown variant "${v.type}" (known: ${[...byName.keys()].join(', ')})`)
    return u8aConcat([e.index], e.codec.enc(v.value))
  }
  const dec = createDecoder((b) => {
    const index = u8Codec.dec(b)
    const e = byIndex.get(index)
    if (!e) throw new Error(`unknown variant index ${index}`)
    return { type: e.name, value: e.codec.dec(b) } as T
  })
  return createCodec(enc, dec)
}

/** An enum (variant type) with explicit indices; variant names are used as written. */
export function enumType<const V extends Record<string, VariantSpec>>(path: string, variants: V, options: NamedOptions<EnumValue<V>> = {}): Type<EnumValue<V>> {
  const list = Object.entries(variants).map(([name, spec]) => ({ name, index: spec.index, docs: docLines(spec.docs), ...fieldsCodec(spec.fields) }))
  const seen = new Set<number>()
  for (const v of list) {
    if (seen.has(v.index)) throw new Error(`${path}: variant index ${v.index} is used twice`)
    seen.add(v.index)
  }
  const info: TypeInfo = {
    path: splitPath(path),
    params: paramList(options.params),
    def: { tag: 'variant', value: list.map(({ name, index, fields, docs }) => ({ name, index, fields, docs })) },
    docs: docLines(options.docs),
  }
  return named(variantCodec<EnumValue<V>>(list), info, options)
}

/** A type from a hand-written codec and shape (for encodings that are not derived, like `Era`). */
export function customType<T>(codec: Codec<T>, info: TypeInfo, typeName?: string): Type<T> {
  return makeType(codec, info, typeName ?? info.path.at(-1))
}

// Option and Result are generic std types: one shape per inner type, whatever wrapper object asks.
const optionInfos = new WeakMap<TypeInfo, TypeInfo>()
const resultInfos = new WeakMap<TypeInfo, WeakMap<TypeInfo, TypeInfo>>()

/** `Option<T>` as `T | undefined` (so `Option<Option<T>>` cannot be told apart: do not nest). */
export function Option<T>(inner: Type<T>): Type<T | undefined> {
  const enc = (v: T | undefined) => (v === undefined ? new Uint8Array([0]) : u8aConcat([1], inner.codec.enc(v)))
  const dec = createDecoder((b) => {
    const tag = u8Codec.dec(b)
    if (tag === 0) return undefined
    if (tag === 1) return inner.codec.dec(b)
    throw new Error(`invalid Option tag ${tag}`)
  })
  const info = () => {
    let cached = optionInfos.get(inner.info)
    if (!cached) {
      cached = {
        path: ['Option'],
        params: [{ name: 'T', type: inner }],
        def: { tag: 'variant', value: [{ name: 'None', index: 0, fields: [], docs: [] }, { name: 'Some', index: 1, fields: [{ type: inner, docs: [] }], docs: [] }] },
        docs: [],
      }
      optionInfos.set(inner.info, cached)
    }
    return cached
  }
  return makeType(createCodec(enc, dec), info, `Option<${inner.typeName}>`)
}

export type ResultValue<T, E> = { type: 'Ok'; value: T } | { type: 'Err'; value: E }

/** `Result<T, E>` as `{ type: 'Ok', value } | { type: 'Err', value }`. */
export function Result<T, E>(ok: Type<T>, err: Type<E>): Type<ResultValue<T, E>> {
  const codec = variantCodec<ResultValue<T, E>>([
    { name: 'Ok', index: 0, codec: ok.codec as Codec<unknown> },
    { name: 'Err', index: 1, codec: err.codec as Codec<unknown> },
  ])
  const info = () => {
    let byErr = resultInfos.get(ok.info)
    if (!byErr) resultInfos.set(ok.info, (byErr = new WeakMap()))
    let cached = byErr.get(err.info)
    if (!cached) {
      cached = {
        path: ['Result'],
        params: [{ name: 'T', type: ok }, { name: 'E', type: err }],
        def: { tag: 'variant', value: [{ name: 'Ok', index: 0, fields: [{ type: ok, docs: [] }], docs: [] }, { name: 'Err', index: 1, fields: [{ type: err, docs: [] }], docs: [] }] },
        docs: [],
      }
      byErr.set(err.info, cached)
    }
    return cached
  }
  return makeType(codec, info, `Result<${ok.typeName}, ${err.typeName}>`)
}

const PRIMITIVE_SIZE: Partial<Record<Primitive, number>> = { bool: 1, u8: 1, i8: 1, u16: 2, i16: 2, u32: 4, i32: 4, char: 4, u64: 8, i64: 8, u128: 16, i128: 16, u256: 32, i256: 32 }

/**
 * The encoding of the type's `Default::default()`: a declared `default`, else as Rust derives it:
 * zero numbers, empty collections, and for enums the unit variant at index 0 (`None`, `Normal`, `Yes`).
 * `undefined` when the type has no obvious default (declare one explicitly).
 */
export function defaultEncoding(type: AnyType): Uint8Array | undefined {
  if (type.defaultBytes) return type.defaultBytes
  const def = type.info.def
  const all = (types: readonly AnyType[]) => {
    const parts = types.map(defaultEncoding)
    return parts.every((p) => p !== undefined) ? u8aConcat(...(parts as Uint8Array[])) : undefined
  }
  switch (def.tag) {
    case 'primitive':
      return def.value === 'str' ? new Uint8Array([0]) : new Uint8Array(PRIMITIVE_SIZE[def.value] ?? 0)
    case 'compact':
    case 'sequence':
    case 'bitSequence':
      return new Uint8Array([0])
    case 'array':
      return all(Array.from({ length: def.value.len }, () => def.value.type))
    case 'tuple':
      return all(def.value)
    case 'composite':
      return all(def.value.map((f) => f.type))
    case 'variant':
      return def.value.some((v) => v.index === 0 && v.fields.length === 0) ? new Uint8Array([0]) : undefined
  }
}
