// What reads share: the block a read is made at, untyped access to subtensor's runtime APIs and storage, and plain values out of codecs.

import type { ApiPromise } from '@polkadot/api'
import { u8aConcat, u8aToString } from '@polkadot/util'
import { connectedApi, type ChainClient } from '../client.ts'
import { BlockNotFoundError } from '../errors/input.ts'
import { RuntimeApiMissingError } from '../errors/transport.ts'

export type Hex = `0x${string}`
/** Where a read is made: the best block, the finalized block, a block hash or a block number. */
export type At = 'best' | 'finalized' | Hex | number

/** subtensor's pallets and runtime APIs are not in @polkadot/api-augment's types: src/chain reaches them untyped and returns its own plain types. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Untyped = any

/** The API and the hash of the block `at` names. */
export async function readAt(client: ChainClient, at: At = 'best'): Promise<{ api: ApiPromise; hash: Hex }> {
  const api = await connectedApi(client)
  return { api, hash: await blockHashOf(api, at) }
}

export async function blockHashOf(api: ApiPromise, at: At): Promise<Hex> {
  if (at === 'best') return (await api.rpc.chain.getBlockHash()).toHex()
  if (at === 'finalized') return (await api.rpc.chain.getFinalizedHead()).toHex()
  if (typeof at === 'number') {
    if (!Number.isInteger(at) || at < 0) throw new BlockNotFoundError({ at })
    const hash = (await api.rpc.chain.getBlockHash(at)).toHex()
    if (/^0x0+$/.test(hash)) throw new BlockNotFoundError({ at })
    return hash
  }
  if (!/^0x[0-9a-fA-F]{64}$/.test(at)) throw new BlockNotFoundError({ at })
  return at.toLowerCase() as Hex
}

type RuntimeCallDef = { name: string; params: Array<{ type: string }>; type: string }

/** `Api_method(args)` through `state_call` at `hash`, decoded with the metadata's declared types (as `api.call` does, but at a block). */
export async function runtimeCall(api: ApiPromise, section: string, method: string, args: unknown[], hash: Hex): Promise<Untyped> {
  const def = (api.call as Untyped)[section]?.[method]?.meta as RuntimeCallDef | undefined
  if (!def) throw new RuntimeApiMissingError({ api: section, method })
  return api.registry.createTypeUnsafe(def.type, [await stateCall(api, def, args, hash)])
}

/**
 * `Api_method(args)` through `state_call`, undecoded: the answer's SCALE bytes and the declared output type's name. Without
 * `hash`, the node runs it at its best block.
 */
export async function runtimeCallBytes(api: ApiPromise, section: string, method: string, args: unknown[], hash?: Hex): Promise<{ bytes: Uint8Array; type: string }> {
  const def = (api.call as Untyped)[section]?.[method]?.meta as RuntimeCallDef | undefined
  if (!def) throw new RuntimeApiMissingError({ api: section, method })
  return { bytes: await stateCall(api, def, args, hash), type: def.type }
}

/** The answer's content (`Bytes`: a Uint8Array without the length prefix). */
async function stateCall(api: ApiPromise, def: RuntimeCallDef, args: unknown[], hash: Hex | undefined): Promise<Uint8Array> {
  const input = api.registry.createType('Raw', u8aConcat(...def.params.map((p, i) => api.registry.createTypeUnsafe(p.type, [args[i]]).toU8a())))
  // no third argument at all for the best block: rpc-core would turn an explicit undefined into the zero hash
  return hash === undefined ? api.rpc.state.call(def.name, input) : api.rpc.state.call(def.name, input, hash)
}

/** True when the node's runtime declares `section.method`. */
export const hasRuntimeCall = (api: ApiPromise, section: string, method: string): boolean => Boolean((api.call as Untyped)[section]?.[method])

/** Storage at `hash`: `storageAt(api, hash, 'subtensorModule', 'burn', netuid)`. */
export function storageAt(api: ApiPromise, hash: Hex, section: string, item: string, ...keys: unknown[]): Promise<Untyped> {
  const query = (api.query as Untyped)[section]?.[item]
  if (!query) throw new RuntimeApiMissingError({ api: section, method: item })
  return query.at(hash, ...keys)
}

/** A storage item and its keys, as `storageAt` takes them: `['subtensorModule', 'tempo', netuid]`. */
export type StorageRead = [section: string, item: string, ...keys: unknown[]]

/**
 * Several storage items at one block in one `state_queryStorageAt` call (where `storageAt` costs a call each), decoded as
 * `storageAt` decodes them (defaults for absent values, Options for optional ones), in the order asked.
 */
export async function storagesAt(api: ApiPromise, hash: Hex, reads: StorageRead[]): Promise<Untyped[]> {
  const queries = reads.map(([section, item, ...keys]) => {
    const query = (api.query as Untyped)[section]?.[item]
    if (!query) throw new RuntimeApiMissingError({ api: section, method: item })
    // @polkadot/api's multi form: [query, key] for a map, [query, [key1, key2, …]] for a double or n-map
    return keys.length === 0 ? query : keys.length === 1 ? [query, keys[0]] : [query, keys]
  })
  const at = await api.at(hash)
  return (await at.queryMulti(queries as never)) as Untyped[]
}

/** A codec integer (compact or not) as bigint. */
export const big = (value: Untyped): bigint => (value === undefined || value === null ? 0n : typeof value === 'bigint' ? value : BigInt(value.toString()))
/** A codec integer as number (u16, u32, block numbers). */
export const num = (value: Untyped): number => (value === undefined || value === null ? 0 : typeof value === 'number' ? value : Number(value.toString()))
export const bool = (value: Untyped): boolean => Boolean(value?.isTrue ?? value?.valueOf?.() ?? value)
export const str = (value: Untyped): string => String(value?.toString() ?? '')
/** `Vec<Compact<u8>>` / `Vec<u8>` / `Bytes` as UTF-8 text. */
export function text(value: Untyped): string {
  if (!value) return ''
  if (typeof value.toU8a === 'function' && value.toRawType?.() === 'Bytes') return u8aToString(value.toU8a(true))
  return u8aToString(Uint8Array.from([...value].map((x: Untyped) => Number(x.toString()))))
}
/** `Option<T>` as T | undefined; a plain value (internal/plain.ts: undefined for None) is the inner value itself. */
export const option = <T>(value: Untyped, map: (inner: Untyped) => T): T | undefined =>
  value === undefined || value === null ? undefined : typeof value.isSome === 'boolean' ? (value.isSome ? map(value.unwrap()) : undefined) : map(value)
/** A u16 proportion (0–65535) as a fraction 0–1. */
export const fraction = (value: Untyped): number => num(value) / 65_535
/** A fixed-point `{ bits }` with 32 fractional bits (I96F32, U64F64 use 64) as a number. */
export const fixed = (value: Untyped, fractionalBits = 32): number => {
  const bits = big(value?.bits ?? value)
  const whole = bits >> BigInt(fractionalBits)
  const rest = bits - (whole << BigInt(fractionalBits))
  return Number(whole) + Number(rest) / 2 ** fractionalBits
}
