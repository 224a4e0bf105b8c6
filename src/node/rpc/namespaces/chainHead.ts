// The `chainHead_v1_*` namespace of the new JSON-RPC spec (paritytech/json-rpc-interface-spec): following the head of the chain with pinning, and the header, body, storage and call operations on pinned blocks.
import { compactFromU8a, hexToU8a, u8aToHex } from '@polkadot/util'
import { blake2AsHex, blake2AsU8a } from '@polkadot/util-crypto'
import type { BlockRecord, DevnetChain } from '../../chain/chain.ts'
import { RuntimeCallError, UnknownBlockError } from '../../chain/errors.ts'
import type { Hex } from '../../chain/header.ts'
import type { ReadonlyTrie } from '../../db/trie.ts'
import type { RuntimeVersion } from '../../../runtime/primitives/substrate.ts'
import { invalidParams, RpcError } from '../errors.ts'
import type { CallContext, RpcMethods, SubscriptionSink } from '../methods.ts'
import type { Params } from '../params.ts'

/** The spec's error codes (and Substrate's `ChainHeadRpcError` messages). */
export const CHAIN_HEAD_ERROR = {
  reachedLimits: -32800,
  invalidBlock: -32801,
  invalidRuntimeCall: -32802,
  invalidContinue: -32803,
  duplicateHashes: -32804,
} as const

/** Follow subscriptions per connection (the spec asks for at least 2; Substrate allows 4). */
export const MAX_FOLLOWS_PER_CONNECTION = 4
/** Body, call and storage items in flight per follow subscription (the spec asks for at least 16). */
export const MAX_OPERATIONS = 32
/** Pinned finalized blocks a follow may hold before it is stopped (Substrate's default limit). */
export const MAX_PINNED_FINALIZED = 512
/** Storage items per `operationStorageItems`, and descendants sent before waiting for `chainHead_v1_continue`. */
export const STORAGE_PAGE = 1000

type StorageType = 'value' | 'hash' | 'closestDescendantMerkleValue' | 'descendantsValues' | 'descendantsHashes'
const STORAGE_TYPES: readonly StorageType[] = ['value', 'hash', 'closestDescendantMerkleValue', 'descendantsValues', 'descendantsHashes']
type StorageQuery = { key: Hex; type: StorageType }
type StorageItem = { key: Hex; value?: Hex; hash?: Hex; closestDescendantMerkleValue?: Hex }

type Operation = {
  id: string
  /** Slots it takes of MAX_OPERATIONS: 1 for body and call, one per item for storage. */
  weight: number
  done: boolean
  /** Set while a storage operation waits for `chainHead_v1_continue`. */
  resume?: () => void
}

type Follow = {
  id: string
  connectionId: number
  withRuntime: boolean
  sink: SubscriptionSink
  /** Pinned block hash → its number. */
  pinned: Map<Hex, number>
  pinnedFinalized: number
  lastReported: number
  finalizedNumber: number
  operations: Map<string, Operation>
  inFlight: number
  nextOperation: number
}

export function registerChainHeadMethods(methods: RpcMethods, chain: DevnetChain): void {
  /** Live follows by `connectionId:subscriptionId`: a subscription id names a follow only on its own connection. */
  const follows = new Map<string, Follow>()
  const keyOf = (connectionId: number, id: string) => `${connectionId}:${id}`
  const followOf = (params: Params, ctx: CallContext): Follow | undefined => follows.get(keyOf(ctx.connectionId, params.string(0)))

  const emit = (follow: Follow, event: Record<string, unknown>) => {
    if (!follow.sink.closed) follow.sink.next(event)
  }
  const stopFollow = (follow: Follow) => {
    emit(follow, { event: 'stop' })
    follow.sink.close()
  }

  methods.addSubscription({
    subscribe: 'chainHead_v1_follow',
    unsubscribe: 'chainHead_v1_unfollow',
    notification: 'chainHead_v1_followEvent',
    start(params, sink, ctx) {
      const withRuntime = params.bool(0)
      let open = 0
      for (const follow of follows.values()) if (follow.connectionId === ctx.connectionId) open++
      if (open >= MAX_FOLLOWS_PER_CONNECTION) {
        throw new RpcError(CHAIN_HEAD_ERROR.reachedLimits, 'Maximum number of chainHead_follow has been reached')
      }
      const finalized = chain.finalized()
      const head = chain.head()
      const initialized = {
        event: 'initialized',
        finalizedBlockHashes: [finalized.hash],
        ...(withRuntime ? { finalizedBlockRuntime: runtimeSpec(chain.runtime.version) } : {}),
      }
      sink.next(initialized)
      const id = sink.id
      const follow: Follow = {
        id,
        connectionId: ctx.connectionId,
        withRuntime,
        sink,
        pinned: new Map([[finalized.hash, finalized.number]]),
        pinnedFinalized: 1,
        lastReported: finalized.number,
        finalizedNumber: finalized.number,
        operations: new Map(),
        inFlight: 0,
        nextOperation: 0,
      }
      const reportNew = (block: BlockRecord) => {
        follow.pinned.set(block.hash, block.number)
        follow.lastReported = block.number
        emit(follow, {
          event: 'newBlock',
          blockHash: block.hash,
          parentBlockHash: block.header.parentHash,
          ...(withRuntime ? { newRuntime: null } : {}),
        })
      }
      // The blocks imported but not yet finalized, oldest first (the devnet has no forks), then the best one.
      for (let number = finalized.number + 1; number <= head.number; number++) reportNew(chain.blockRecord(chain.blockHash(number)!)!)
      emit(follow, { event: 'bestBlockChanged', bestBlockHash: head.hash })

      const stopBlocks = chain.onBlock((block) => {
        if (sink.closed) return
        // A gap (a block whose parent this follow never saw) cannot be reported consistently.
        if (block.number !== follow.lastReported + 1) return stopFollow(follow)
        reportNew(block)
        emit(follow, { event: 'bestBlockChanged', bestBlockHash: block.hash })
      })
      const stopFinality = chain.onFinalized((block) => {
        if (sink.closed || block.number <= follow.finalizedNumber) return
        if (block.number > follow.lastReported) return stopFollow(follow)
        follow.finalizedNumber = block.number
        if (follow.pinned.has(block.hash)) follow.pinnedFinalized++
        emit(follow, { event: 'finalized', finalizedBlockHashes: [block.hash], prunedBlockHashes: [] })
        if (follow.pinnedFinalized > MAX_PINNED_FINALIZED) stopFollow(follow)
      })
      const key = keyOf(ctx.connectionId, id)
      follows.set(key, follow)
      return () => {
        stopBlocks()
        stopFinality()
        follows.delete(key)
        for (const operation of follow.operations.values()) finish(follow, operation)
      }
    },
  })

  /** Throws -32801 unless `hash` is pinned by `follow`. */
  const pinnedBlock = (follow: Follow, hash: Hex): Hex => {
    if (!follow.pinned.has(hash)) throw new RpcError(CHAIN_HEAD_ERROR.invalidBlock, 'Invalid block hash')
    return hash
  }

  const startOperation = (follow: Follow, weight: number): Operation => {
    const operation: Operation = { id: String(follow.nextOperation++), weight, done: false }
    follow.operations.set(operation.id, operation)
    follow.inFlight += weight
    return operation
  }
  const finish = (follow: Follow, operation: Operation) => {
    if (operation.done) return
    operation.done = true
    follow.operations.delete(operation.id)
    follow.inFlight -= operation.weight
    const resume = operation.resume
    operation.resume = undefined
    resume?.()
  }
  /** Runs `work` after the `started` answer went out; its events go out unless the operation was stopped. */
  const later = (follow: Follow, operation: Operation, work: (send: (event: Record<string, unknown>) => void) => Promise<void> | void) => {
    const send = (event: Record<string, unknown>) => {
      if (!operation.done) emit(follow, { ...event, operationId: operation.id })
    }
    setImmediate(() => {
      if (operation.done) return
      Promise.resolve()
        .then(() => work(send))
        .catch((error: unknown) => {
          if (error instanceof UnknownBlockError && error.reason === 'discarded') send({ event: 'operationInaccessible' })
          else send({ event: 'operationError', error: error instanceof Error ? error.message : String(error) })
        })
        .finally(() => finish(follow, operation))
    })
  }
  const limitReached = { result: 'limitReached' } as const

  methods
    .add('chainHead_v1_header', (params, ctx) => {
      const hash = params.hex(1, { bytes: 32 })
      const follow = followOf(params, ctx)
      if (!follow) return null
      const record = chain.blockRecord(pinnedBlock(follow, hash))
      if (!record) throw new RpcError(-32603, `the pinned block ${hash} cannot be read`)
      return u8aToHex(record.encodedHeader)
    })
    .add('chainHead_v1_body', (params, ctx) => {
      const hash = params.hex(1, { bytes: 32 })
      const follow = followOf(params, ctx)
      if (!follow) return limitReached
      pinnedBlock(follow, hash)
      if (follow.inFlight >= MAX_OPERATIONS) return limitReached
      const operation = startOperation(follow, 1)
      later(follow, operation, (send) => {
        const block = chain.block(hash)
        if (!block) return send({ event: 'operationInaccessible' })
        send({ event: 'operationBodyDone', value: block.body.map((xt) => u8aToHex(xt)) })
      })
      return { result: 'started', operationId: operation.id }
    })
    .add('chainHead_v1_call', (params, ctx) => {
      const hash = params.hex(1, { bytes: 32 })
      const fn = params.string(2)
      const data = params.hex(3)
      const follow = followOf(params, ctx)
      if (!follow) return limitReached
      pinnedBlock(follow, hash)
      if (!follow.withRuntime) {
        throw new RpcError(CHAIN_HEAD_ERROR.invalidRuntimeCall, 'Invalid runtime call', 'The runtime updates flag must be set')
      }
      if (follow.inFlight >= MAX_OPERATIONS) return limitReached
      const operation = startOperation(follow, 1)
      later(follow, operation, (send) => {
        try {
          send({ event: 'operationCallDone', output: u8aToHex(chain.callRuntime(fn, hexToU8a(data), hash)) })
        } catch (error) {
          if (error instanceof RuntimeCallError) return send({ event: 'operationError', error: error.message })
          throw error
        }
      })
      return { result: 'started', operationId: operation.id }
    })
    .add('chainHead_v1_storage', (params, ctx) => {
      const hash = params.hex(1, { bytes: 32 })
      const queries = storageQueries(params, 2)
      const childTrie = params.hex(3, { optional: true })
      const follow = followOf(params, ctx)
      if (!follow) return limitReached
      pinnedBlock(follow, hash)
      const room = MAX_OPERATIONS - follow.inFlight
      if (room <= 0 && queries.length > 0) return limitReached
      const accepted = queries.slice(0, Math.max(room, 0))
      const operation = startOperation(follow, accepted.length)
      later(follow, operation, async (send) => {
        if (childTrie !== undefined) return send({ event: 'operationError', error: 'the devnet has no child tries' })
        await runStorage(chain, hash, accepted, operation, send)
      })
      return { result: 'started', operationId: operation.id, discardedItems: queries.length - accepted.length }
    })
    .add('chainHead_v1_continue', (params, ctx) => {
      const operationId = params.string(1)
      const follow = followOf(params, ctx)
      const operation = follow?.operations.get(operationId)
      if (!operation) return null
      if (!operation.resume) throw new RpcError(CHAIN_HEAD_ERROR.invalidContinue, 'Invalid continue operation')
      const resume = operation.resume
      operation.resume = undefined
      resume()
      return null
    })
    .add('chainHead_v1_stopOperation', (params, ctx) => {
      const operationId = params.string(1)
      const follow = followOf(params, ctx)
      const operation = follow?.operations.get(operationId)
      if (follow && operation) finish(follow, operation)
      return null
    })
    .add('chainHead_v1_unpin', (params, ctx) => {
      const raw = params.get(1)
      const hashes = typeof raw === 'string' ? [params.hex(1, { bytes: 32 })] : params.hexArray(1, { bytes: 32 })
      const follow = followOf(params, ctx)
      if (!follow) return null
      if (new Set(hashes).size !== hashes.length) {
        throw new RpcError(CHAIN_HEAD_ERROR.duplicateHashes, 'Received duplicate hashes for the `chainHead_unpin` method')
      }
      for (const hash of hashes) pinnedBlock(follow, hash)
      for (const hash of hashes) {
        if (follow.pinned.get(hash)! <= follow.finalizedNumber) follow.pinnedFinalized--
        follow.pinned.delete(hash)
      }
      return null
    })
}

/** The runtime as `initialized`'s `finalizedBlockRuntime` and `newBlock`'s `newRuntime` give it. */
export function runtimeSpec(version: RuntimeVersion) {
  return {
    type: 'valid',
    spec: {
      specName: version.specName,
      implName: version.implName,
      specVersion: version.specVersion,
      implVersion: version.implVersion,
      transactionVersion: version.transactionVersion,
      apis: Object.fromEntries(version.apis.map(([id, apiVersion]) => [id, apiVersion])),
    },
  }
}

function storageQueries(params: Params, index: number): StorageQuery[] {
  const raw = params.get(index)
  const what = 'an array of { key: hex, type: value | hash | closestDescendantMerkleValue | descendantsValues | descendantsHashes }'
  if (!Array.isArray(raw)) throw params.invalid(index, what)
  return raw.map((item: unknown) => {
    const { key, type } = (typeof item === 'object' && item !== null ? item : {}) as { key?: unknown; type?: unknown }
    if (typeof key !== 'string' || !/^0x(?:[0-9a-fA-F]{2})*$/.test(key) || !STORAGE_TYPES.includes(type as StorageType)) {
      throw invalidParams(`param ${index}: expected ${what}, got ${JSON.stringify(item)?.slice(0, 60)}`)
    }
    return { key: key.toLowerCase() as Hex, type: type as StorageType }
  })
}

/**
 * Answers `queries` on the state after `hash` in `operationStorageItems` events of at most STORAGE_PAGE items; a
 * descendants query pauses for `chainHead_v1_continue` after each full page. The state is read again after each pause.
 */
async function runStorage(chain: DevnetChain, hash: Hex, queries: StorageQuery[], operation: Operation, send: (event: Record<string, unknown>) => void) {
  let items: StorageItem[] = []
  const flush = () => {
    if (items.length > 0) send({ event: 'operationStorageItems', items })
    items = []
  }
  const pause = async () => {
    flush()
    send({ event: 'operationWaitingForContinue' })
    await new Promise<void>((resolve) => (operation.resume = resolve))
  }
  for (const query of queries) {
    if (operation.done) return
    const key = hexToU8a(query.key)
    const state = chain.stateAt(hash).state
    if (query.type === 'value' || query.type === 'hash') {
      const value = state.get(key)
      if (value !== undefined) items.push(query.type === 'value' ? { key: query.key, value: u8aToHex(value) } : { key: query.key, hash: blake2AsHex(value, 256) })
    } else if (query.type === 'closestDescendantMerkleValue') {
      const merkleValue = closestDescendantMerkleValue(state, key)
      if (merkleValue !== undefined) items.push({ key: query.key, closestDescendantMerkleValue: merkleValue })
    } else {
      let startKey: Uint8Array | undefined
      for (;;) {
        const page = chain.stateAt(hash).state
        const keys = page.keys({ prefix: key, startKey, limit: STORAGE_PAGE })
        for (const k of keys) {
          const value = page.get(k)!
          items.push(query.type === 'descendantsValues' ? { key: u8aToHex(k), value: u8aToHex(value) } : { key: u8aToHex(k), hash: blake2AsHex(value, 256) })
          if (items.length >= STORAGE_PAGE) flush()
        }
        if (keys.length < STORAGE_PAGE) break
        startKey = keys.at(-1)
        await pause()
        if (operation.done) return
      }
    }
    if (items.length >= STORAGE_PAGE) flush()
  }
  flush()
  send({ event: 'operationStorageDone' })
}

/**
 * The Merkle value of the trie node closest to `key` at or below it (the node's encoding when under 32 bytes, else its
 * hash; the root's is always its hash), found on the read-proof path to the first key under `key`.
 */
export function closestDescendantMerkleValue(state: ReadonlyTrie, key: Uint8Array): Hex | undefined {
  const first = state.keys({ prefix: key, limit: 1 })[0]
  if (first === undefined) return undefined
  const nodes = new Map<string, Uint8Array>()
  for (const node of state.readProof([first])) nodes.set(u8aToHex(blake2AsU8a(node, 256)), node)
  const target = nibblesOf(key).length
  const path = nibblesOf(first)
  let merkleValue = state.root()
  let data = nodes.get(u8aToHex(merkleValue))
  let depth = 0
  for (;;) {
    if (data === undefined) throw new Error(`the read proof of ${u8aToHex(first)} lacks a node`)
    const node = decodeTrieNode(data)
    depth += node.partialLength
    if (depth >= target) return u8aToHex(merkleValue) as Hex
    const child = node.children[path[depth]!]
    if (child === undefined) throw new Error(`the trie has no path to ${u8aToHex(first)}`)
    depth++
    merkleValue = child
    data = child.length === 32 ? nodes.get(u8aToHex(child)) : child
  }
}

function nibblesOf(bytes: Uint8Array): number[] {
  const out: number[] = []
  for (const byte of bytes) out.push(byte >> 4, byte & 0x0f)
  return out
}

/** Substrate's trie node codec, as far as walking down needs: the partial key's length and each child's reference (hash or inline node). */
function decodeTrieNode(data: Uint8Array): { partialLength: number; children: (Uint8Array | undefined)[] } {
  let at = 0
  const first = data[at++]!
  let branch: boolean
  let value: 'none' | 'inline' | 'hashed'
  let sizeBits: number
  if (first >> 6 === 0b01) [branch, value, sizeBits] = [false, 'inline', 6]
  else if (first >> 6 === 0b10) [branch, value, sizeBits] = [true, 'none', 6]
  else if (first >> 6 === 0b11) [branch, value, sizeBits] = [true, 'inline', 6]
  else if (first >> 5 === 0b001) [branch, value, sizeBits] = [false, 'hashed', 5]
  else if (first >> 4 === 0b0001) [branch, value, sizeBits] = [true, 'hashed', 4]
  else return { partialLength: 0, children: [] }
  const mask = (1 << sizeBits) - 1
  let partialLength = first & mask
  if (partialLength === mask) {
    for (;;) {
      const byte = data[at++]!
      partialLength += byte
      if (byte !== 255) break
    }
  }
  at += Math.ceil(partialLength / 2)
  const children: (Uint8Array | undefined)[] = []
  if (!branch) return { partialLength, children }
  const bitmap = data[at]! | (data[at + 1]! << 8)
  at += 2
  if (value === 'hashed') at += 32
  else if (value === 'inline') {
    const [offset, length] = compactFromU8a(data.subarray(at))
    at += offset + length.toNumber()
  }
  for (let nibble = 0; nibble < 16; nibble++) {
    if ((bitmap & (1 << nibble)) === 0) continue
    const [offset, length] = compactFromU8a(data.subarray(at))
    at += offset
    children[nibble] = data.subarray(at, at + length.toNumber())
    at += length.toNumber()
  }
  return { partialLength, children }
}

