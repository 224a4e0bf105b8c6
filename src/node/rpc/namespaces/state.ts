// The `state_*` namespace: storage reads, key paging, read proofs, historical queries, metadata, runtime version and calls, and the storage and runtime-version subscriptions, answering as Substrate's full node does.
import { hexToU8a, u8aToHex } from '@polkadot/util'
import { blake2AsHex } from '@polkadot/util-crypto'
import type { DevnetChain } from '../../chain/chain.ts'
import { UnknownBlockError } from '../../chain/errors.ts'
import type { Hex } from '../../chain/header.ts'
import type { RuntimeVersion } from '../../../runtime/primitives/substrate.ts'
import { RpcError } from '../errors.ts'
import type { RpcMethods } from '../methods.ts'
import { clientError, ERROR_BASE, optionalBlockHash, STATE_CLIENT_ERROR, stateAt } from './common.ts'

/** `STORAGE_KEYS_PAGED_MAX_COUNT` of Substrate's state RPC. */
export const MAX_KEYS_PAGED = 1000

type StorageChangeSet = { block: Hex; changes: Array<[Hex, Hex | null]> }

export function registerStateMethods(methods: RpcMethods, chain: DevnetChain): void {
  const read = (key: Hex, at: Hex | undefined) => stateAt(chain, at).state.get(hexToU8a(key))

  methods
    .add(
      'state_getStorage',
      (params) => {
        const value = read(params.hex(0), optionalBlockHash(params, 1))
        return value === undefined ? null : u8aToHex(value)
      },
      ['state_getStorageAt'],
    )
    .add(
      'state_getStorageHash',
      (params) => {
        const value = read(params.hex(0), optionalBlockHash(params, 1))
        return value === undefined ? null : blake2AsHex(value, 256)
      },
      ['state_getStorageHashAt'],
    )
    .add(
      'state_getStorageSize',
      (params) => {
        const key = params.hex(0)
        const { state } = stateAt(chain, optionalBlockHash(params, 1))
        const value = state.get(hexToU8a(key))
        if (value !== undefined) return value.length
        // No value at the key: Substrate then sums the values under it as a prefix (a whole map), null when none.
        let sum = 0
        for (const [, entry] of state.entries({ prefix: hexToU8a(key) })) sum += entry.length
        return sum > 0 ? sum : null
      },
      ['state_getStorageSizeAt'],
    )
    .add('state_getKeys', (params) => {
      const { state } = stateAt(chain, optionalBlockHash(params, 1))
      return state.keys({ prefix: hexToU8a(params.hex(0)) }).map((key) => u8aToHex(key))
    })
    .add('state_getPairs', (params) => {
      const { state } = stateAt(chain, optionalBlockHash(params, 1))
      return [...state.entries({ prefix: hexToU8a(params.hex(0)) })].map(([key, value]) => [u8aToHex(key), u8aToHex(value)])
    })
    .add(
      'state_getKeysPaged',
      (params) => {
        const prefix = params.hex(0, { optional: true })
        const count = params.u32(1)
        const startKey = params.hex(2, { optional: true })
        if (count > MAX_KEYS_PAGED) {
          throw new RpcError(ERROR_BASE.state + 2, `count exceeds maximum value. value: ${count}, max: ${MAX_KEYS_PAGED}`)
        }
        const { state } = stateAt(chain, optionalBlockHash(params, 3))
        const keys = state.keys({
          prefix: prefix === undefined ? undefined : hexToU8a(prefix),
          startKey: startKey === undefined ? undefined : hexToU8a(startKey),
          limit: count,
        })
        return keys.map((key) => u8aToHex(key))
      },
      ['state_getKeysPagedAt'],
    )
    .add('state_getReadProof', (params) => {
      const keys = params.hexArray(0)
      const { block, state } = stateAt(chain, optionalBlockHash(params, 1))
      return { at: block.hash, proof: state.readProof(keys.map((key) => hexToU8a(key))).map((node) => u8aToHex(node)) }
    })
    .add('state_queryStorageAt', (params) => {
      const keys = params.hexArray(0)
      const { block, state } = stateAt(chain, optionalBlockHash(params, 1))
      const changes = keys.map((key): [Hex, Hex | null] => [key, hexOrNull(state.get(hexToU8a(key)))])
      return changes.length > 0 ? [{ block: block.hash, changes }] : []
    })
    .add('state_queryStorage', (params) => {
      const keys = params.hexArray(0)
      const from = params.hex(1, { bytes: 32 })
      const to = optionalBlockHash(params, 2)
      return queryStorage(chain, keys, from, to)
    })
    .add('state_getMetadata', (params) => {
      const at = optionalBlockHash(params, 0)
      try {
        chain.stateAt(at)
      } catch (error) {
        // The metadata comes through a runtime API instance: sp_api words an unknown block differently.
        if (error instanceof UnknownBlockError) throw new RpcError(STATE_CLIENT_ERROR, `Client error: Api called for an unknown Block: ${error.message}`)
        throw error
      }
      return u8aToHex(chain.runtime.metadata(14))
    })
    .add(
      'state_getRuntimeVersion',
      (params) => {
        stateAt(chain, optionalBlockHash(params, 0))
        return runtimeVersionJson(chain.runtime.version)
      },
      ['chain_getRuntimeVersion'],
    )
    .add(
      'state_call',
      (params) => {
        const method = params.string(0)
        const data = params.hex(1)
        const at = optionalBlockHash(params, 2)
        try {
          return u8aToHex(chain.callRuntime(method, hexToU8a(data), at))
        } catch (error) {
          throw clientError(error, STATE_CLIENT_ERROR)
        }
      },
      ['state_callAt'],
    )

  methods.addSubscription({
    subscribe: 'state_subscribeRuntimeVersion',
    aliases: ['chain_subscribeRuntimeVersion'],
    unsubscribe: ['state_unsubscribeRuntimeVersion', 'chain_unsubscribeRuntimeVersion'],
    notification: 'state_runtimeVersion',
    start(_params, sink) {
      // The devnet's runtime cannot be upgraded: the version it starts with is the only one.
      sink.next(runtimeVersionJson(chain.runtime.version))
      return () => {}
    },
  })

  methods.addSubscription({
    subscribe: 'state_subscribeStorage',
    unsubscribe: 'state_unsubscribeStorage',
    notification: 'state_storage',
    start(params, sink) {
      const keys = params.hexArray(0, { optional: true })
      // With keys: their values at the best block first, then each block's changes to them. Without: every change.
      if (keys !== undefined && keys.length > 0) {
        const { block, state } = chain.stateAt()
        sink.next({ block: block.hash, changes: keys.map((key) => [key, hexOrNull(state.get(hexToU8a(key)))]) } satisfies StorageChangeSet)
      }
      const watched = keys === undefined ? undefined : new Set(keys)
      return chain.onBlock((block) => {
        const changes: Array<[Hex, Hex | null]> = []
        for (const key of [...block.changes.keys()].sort()) {
          if (watched === undefined || watched.has(key)) changes.push([key, block.changes.get(key)!])
        }
        if (changes.length > 0) sink.next({ block: block.hash, changes } satisfies StorageChangeSet)
      })
    },
  })
}

/** `sp_version::RuntimeVersion` as Substrate serialises it: `apis` as `[id, version]` pairs, `systemVersion` (alias `stateVersion`). */
export function runtimeVersionJson(version: RuntimeVersion) {
  return {
    specName: version.specName,
    implName: version.implName,
    authoringVersion: version.authoringVersion,
    specVersion: version.specVersion,
    implVersion: version.implVersion,
    apis: version.apis.map(([id, apiVersion]) => [id, apiVersion]),
    transactionVersion: version.transactionVersion,
    // Current nodes write `systemVersion`; polkadot-js (16.x) reads `stateVersion`. Both carry the same number.
    systemVersion: version.stateVersion,
    stateVersion: version.stateVersion,
  }
}

/**
 * `state_queryStorage`: for each block from `from` to `to` (default: best) that changed any of `keys`, those keys'
 * new values; the first block reports every key. Errors as Substrate's `query_storage_range`.
 */
function queryStorage(chain: DevnetChain, keys: Hex[], from: Hex, to: Hex | undefined): StorageChangeSet[] {
  const toHash = to ?? chain.head().hash
  const range = (details: string) =>
    new RpcError(ERROR_BASE.state + 1, `Cannot resolve a block range ['${from}' ... '${toHash}']. ${details}`)
  const fromBlock = chain.blockRecord(from)
  if (!fromBlock) throw range(`UnknownBlock: Header was not found in the database: ${from}`)
  const toBlock = chain.blockRecord(toHash)
  if (!toBlock) throw range(`UnknownBlock: Header was not found in the database: ${toHash}`)
  if (fromBlock.number > toBlock.number) throw range('from number > to number')

  const result: StorageChangeSet[] = []
  const last = new Map<Hex, Hex | null>()
  for (let number = fromBlock.number; number <= toBlock.number; number++) {
    const hash = chain.blockHash(number)!
    const { state } = stateAt(chain, hash)
    const changes: Array<[Hex, Hex | null]> = []
    for (const key of keys) {
      const value = hexOrNull(state.get(hexToU8a(key)))
      if (!last.has(key) || last.get(key) !== value) changes.push([key, value])
      last.set(key, value)
    }
    if (changes.length > 0) result.push({ block: hash, changes })
  }
  return result
}

function hexOrNull(value: Uint8Array | undefined): Hex | null {
  return value === undefined ? null : (u8aToHex(value) as Hex)
}
