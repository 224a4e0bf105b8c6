// Storage declarations: FRAME storage keys (twox128(pallet) ++ twox128(item) ++ hashed keys), typed reads and writes, and prefix iteration over a key-value backend.
import { createDecoder } from '@polkadot-api/substrate-bindings'
import { stringToU8a, u8aConcat, u8aToHex } from '@polkadot/util'
import { blake2AsU8a, xxhashAsU8a } from '@polkadot/util-crypto'
import { defaultEncoding } from './types.ts'
import type { AnyType, Type, ValueOf } from './types.ts'

/** The state a runtime reads and writes: raw keys to raw values. */
export interface StorageBackend {
  get(key: Uint8Array): Uint8Array | undefined
  /** Writes a value, or deletes the key when `value` is null. */
  set(key: Uint8Array, value: Uint8Array | null): void
  /** The first key strictly greater than `key` in byte order (`sp_io::storage::next_key`). */
  nextKey(key: Uint8Array): Uint8Array | undefined
}

export type Hasher = 'Blake2_128' | 'Blake2_256' | 'Blake2_128Concat' | 'Twox128' | 'Twox256' | 'Twox64Concat' | 'Identity'

// util-crypto hashes in wasm once `cryptoWaitReady()` has run (the node does), in JS before: same bytes, ~5× faster.
const Blake2128 = (d: Uint8Array) => blake2AsU8a(d, 128)
const Blake2256 = (d: Uint8Array) => blake2AsU8a(d, 256)
const Blake2128Concat = (d: Uint8Array) => u8aConcat(blake2AsU8a(d, 128), d)
const Twox128 = (d: Uint8Array) => xxhashAsU8a(d, 128)
const Twox256 = (d: Uint8Array) => xxhashAsU8a(d, 256)
const Twox64Concat = (d: Uint8Array) => u8aConcat(xxhashAsU8a(d, 64), d)
const Identity = (d: Uint8Array) => d

const HASH: Record<Hasher, { hash: (data: Uint8Array) => Uint8Array; prefix: number; concat: boolean }> = {
  Blake2_128: { hash: Blake2128, prefix: 16, concat: false },
  Blake2_256: { hash: Blake2256, prefix: 32, concat: false },
  Blake2_128Concat: { hash: Blake2128Concat, prefix: 16, concat: true },
  Twox128: { hash: Twox128, prefix: 16, concat: false },
  Twox256: { hash: Twox256, prefix: 32, concat: false },
  Twox64Concat: { hash: Twox64Concat, prefix: 8, concat: true },
  Identity: { hash: Identity, prefix: 0, concat: true },
}

/** `twox128(pallet) ++ twox128(item)`: the prefix every key of a storage item starts with. */
export function storagePrefix(pallet: string, item: string): Uint8Array {
  return u8aConcat(Twox128(stringToU8a(pallet)), Twox128(stringToU8a(item)))
}

export type StorageKeyDecl = readonly [type: AnyType, hasher: Hasher]
type KeysOf<K extends readonly StorageKeyDecl[]> = { -readonly [I in keyof K]: ValueOf<K[I][0]> }
type Prefixes<K extends unknown[]> = K extends [...infer Head, unknown] ? Prefixes<Head> | K : []

/**
 * A declared storage item. `Keys` is `[]` for a value, `[K]` for a map, `[K1, K2, …]` for double
 * and N-maps; `Query` is the value type, or `value | undefined` for an `optional` item.
 */
export interface StorageItem<Keys extends unknown[], V, Query> {
  readonly pallet: string
  readonly name: string
  readonly keys: readonly StorageKeyDecl[]
  readonly value: Type<V>
  /** `Default` returns `fallback` for a missing key (ValueQuery); `Optional` returns undefined (OptionQuery). */
  readonly modifier: 'Default' | 'Optional'
  /** The encoded default that metadata publishes (`0x00`, i.e. None, for optional items). */
  readonly fallback: Uint8Array
  readonly docs: readonly string[]
  readonly prefix: Uint8Array
  key(...keys: Keys): Uint8Array
  get(storage: StorageBackend, ...keys: Keys): Query
  /** `set(storage, ...keys, value)` */
  set(storage: StorageBackend, ...keysAndValue: [...Keys, V]): void
  /** Reads, applies `f`, writes the result (an optional item is removed when `f` returns undefined). */
  mutate(storage: StorageBackend, ...keysAndF: [...Keys, (value: Query) => Query]): Query
  contains(storage: StorageBackend, ...keys: Keys): boolean
  remove(storage: StorageBackend, ...keys: Keys): void
  take(storage: StorageBackend, ...keys: Keys): Query
  /** All entries whose keys start with `prefix`, in key order, with their full keys decoded. */
  entries<P extends Prefixes<Keys>>(storage: StorageBackend, ...prefix: P): [Keys, V][]
  /** Removes all entries whose keys start with `prefix`; returns how many were removed. */
  clear<P extends Prefixes<Keys>>(storage: StorageBackend, ...prefix: P): number
}

/** A storage item with erased types, for lists of items. */
export type AnyStorageItem = StorageItem<any[], any, any>

interface ItemOptions<V> {
  readonly value: Type<V>
  readonly docs?: string
}
type DefaultOptions<V> = ItemOptions<V> & { readonly default?: V | (() => V); readonly optional?: false }
type OptionalOptions<V> = ItemOptions<V> & { readonly optional: true }

function startsWith(bytes: Uint8Array, prefix: Uint8Array): boolean {
  if (bytes.length < prefix.length) return false
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix[i]) return false
  return true
}

/** The hex of the keys `fullKey` remembers (those arrays are never modified), for backends keyed by hex. */
const keyHexes = new WeakMap<Uint8Array, string>()

/** `u8aToHex(key)`, remembered for the storage keys this module hands out repeatedly. */
export function storageKeyHex(key: Uint8Array): `0x${string}` {
  const known = keyHexes.get(key)
  if (known !== undefined) return known as `0x${string}`
  return u8aToHex(key)
}

/** Remembered hashed keys per storage item (cleared when full). */
const KEY_CACHE_SIZE = 16_384

/** A cache id for one primitive key value (type-tagged, so 1 and 1n and '1' differ), or undefined. */
function primitiveId(v: unknown): string | undefined {
  switch (typeof v) {
    case 'string':
      return `s${v}`
    case 'number':
      return `n${v}`
    case 'bigint':
      return `b${v}`
    case 'boolean':
      return v ? 't' : 'f'
    default:
      return undefined
  }
}
const singleValueKey = (values: readonly unknown[]) => primitiveId(values[0])
function manyValueKey(values: readonly unknown[]): string | undefined {
  let id = ''
  for (const v of values) {
    const part = primitiveId(v)
    if (part === undefined) return undefined
    // Strings may hold any character: length-prefix each part so the joined id is unambiguous.
    id += `${part.length}:${part}`
  }
  return id
}

function makeItem(pallet: string, name: string, keys: readonly StorageKeyDecl[], options: DefaultOptions<unknown> | OptionalOptions<unknown>): AnyStorageItem {
  const { value } = options
  const optional = options.optional === true
  let fallback: Uint8Array
  if (optional) fallback = new Uint8Array([0])
  else {
    const given = (options as DefaultOptions<unknown>).default
    const explicit = given === undefined ? undefined : value.enc(typeof given === 'function' ? (given as () => unknown)() : given)
    const derived = explicit ?? defaultEncoding(value)
    if (!derived) throw new Error(`${pallet}.${name}: ${value.typeName} has no zero value; declare \`default\` or \`optional: true\``)
    fallback = derived
  }
  const prefix = storagePrefix(pallet, name)
  const hashKeys = (values: readonly unknown[]) => values.map((v, i) => {
    const [type, hasher] = keys[i] as StorageKeyDecl
    return HASH[hasher].hash(type.enc(v))
  })
  const computeKey = (values: readonly unknown[]) => {
    if (values.length !== keys.length) throw new Error(`${pallet}.${name} takes ${keys.length} key(s), got ${values.length}`)
    return u8aConcat(prefix, ...hashKeys(values))
  }
  // Hashed keys of primitive key values (hex account ids, numbers), remembered: the same accounts are read and
  // written many times per transaction. Keyed on the exact values (with their JS types), so a hit is the same
  // bytes `computeKey` would give. Backends never modify the keys they are given; `key()` does not use the cache.
  const keyCache = new Map<string, Uint8Array>()
  const valueKey = keys.length === 0 ? undefined : keys.length === 1 ? singleValueKey : manyValueKey
  const fullKey = (values: readonly unknown[]): Uint8Array => {
    if (valueKey === undefined) {
      if (values.length === 0) {
        if (plainKey === undefined) keyHexes.set((plainKey = computeKey(values)), u8aToHex(plainKey))
        return plainKey
      }
      return computeKey(values)
    }
    const id = values.length === keys.length ? valueKey(values) : undefined
    if (id === undefined) return computeKey(values)
    let key = keyCache.get(id)
    if (key === undefined) {
      key = computeKey(values)
      if (keyCache.size >= KEY_CACHE_SIZE) keyCache.clear()
      keyCache.set(id, key)
      keyHexes.set(key, u8aToHex(key))
    }
    return key
  }
  let plainKey: Uint8Array | undefined
  const read = (storage: StorageBackend, k: readonly unknown[]) => {
    const raw = storage.get(fullKey(k))
    if (raw !== undefined) return value.dec(raw)
    return optional ? undefined : value.dec(fallback)
  }
  const write = (storage: StorageBackend, k: readonly unknown[], v: unknown) => storage.set(fullKey(k), v === undefined && optional ? null : value.enc(v))
  const decodeKeys = createDecoder((b) => {
    const cursor = b as Uint8Array & { i: number }
    cursor.i += prefix.length
    return keys.map(([type, hasher]) => {
      const h = HASH[hasher]
      if (!h.concat) throw new Error(`${pallet}.${name}: keys hashed with ${hasher} cannot be decoded; iterate only items whose hashers keep the key (Blake2_128Concat, Twox64Concat, Identity)`)
      cursor.i += h.prefix
      return type.codec.dec(cursor)
    })
  })
  const scan = (storage: StorageBackend, partial: readonly unknown[], visit: (key: Uint8Array) => void) => {
    const start = u8aConcat(prefix, ...hashKeys(partial))
    let key: Uint8Array | undefined = start
    if (storage.get(start) !== undefined) visit(start)
    while ((key = storage.nextKey(key)) !== undefined && startsWith(key, start)) visit(key)
  }

  return {
    pallet,
    name,
    keys,
    value,
    modifier: optional ? 'Optional' : 'Default',
    fallback,
    docs: options.docs === undefined ? [] : options.docs.split('\n'),
    prefix,
    // Not through the cache: callers building keys in bulk (genesis, dev tools) would only churn it; a fresh array.
    key: (...k) => computeKey(k),
    get: (storage, ...k) => read(storage, k),
    set: (storage, ...kv) => write(storage, kv.slice(0, -1), kv.at(-1)),
    mutate: (storage, ...kf) => {
      const k = kf.slice(0, -1)
      const next = (kf.at(-1) as (v: unknown) => unknown)(read(storage, k))
      write(storage, k, next)
      return next
    },
    contains: (storage, ...k) => storage.get(fullKey(k)) !== undefined,
    remove: (storage, ...k) => storage.set(fullKey(k), null),
    take: (storage, ...k) => {
      const v = read(storage, k)
      storage.set(fullKey(k), null)
      return v
    },
    entries: (storage, ...partial) => {
      const found: [unknown[], unknown][] = []
      scan(storage, partial, (key) => found.push([decodeKeys(key.slice()), value.dec(storage.get(key) as Uint8Array)]))
      return found
    },
    clear: (storage, ...partial) => {
      const doomed: Uint8Array[] = []
      scan(storage, partial, (key) => doomed.push(key))
      for (const key of doomed) storage.set(key, null)
      return doomed.length
    },
  }
}

/** A single value: `storageValue('System', 'Number', { value: u32 })`. */
export function storageValue<V>(pallet: string, name: string, options: OptionalOptions<V>): StorageItem<[], V, V | undefined>
export function storageValue<V>(pallet: string, name: string, options: DefaultOptions<V>): StorageItem<[], V, V>
export function storageValue(pallet: string, name: string, options: DefaultOptions<unknown> | OptionalOptions<unknown>): AnyStorageItem {
  return makeItem(pallet, name, [], options)
}

/**
 * A map with one or more hashed keys (a double map or N-map is a map with more key pairs):
 * `storageMap('SubtensorModule', 'Tempo', { key: [[NetUid, 'Identity']], value: u16, default: 360 })`.
 */
export function storageMap<const K extends readonly [StorageKeyDecl, ...StorageKeyDecl[]], V>(pallet: string, name: string, options: OptionalOptions<V> & { readonly key: K }): StorageItem<KeysOf<K>, V, V | undefined>
export function storageMap<const K extends readonly [StorageKeyDecl, ...StorageKeyDecl[]], V>(pallet: string, name: string, options: DefaultOptions<V> & { readonly key: K }): StorageItem<KeysOf<K>, V, V>
export function storageMap(pallet: string, name: string, options: (DefaultOptions<unknown> | OptionalOptions<unknown>) & { readonly key: readonly StorageKeyDecl[] }): AnyStorageItem {
  return makeItem(pallet, name, options.key, options)
}
