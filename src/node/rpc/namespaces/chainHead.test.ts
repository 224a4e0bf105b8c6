// chainHead_v1_* over a real WebSocket against an in-process devnet on the webtensor runtime: following authored blocks, pinning, and the header, body, storage and call operations.
import { blake2AsHex } from '@polkadot/util-crypto'
import { stringToHex, u8aToHex } from '@polkadot/util'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startDevnet, type Devnet } from '../../devnet.ts'
import type { Hex } from '../../chain/header.ts'
import { RpcClient, type Subscription } from '../../testing/rpcClient.ts'

const T = 30_000
/** `System.Number`: twox128("System") ++ twox128("Number"). */
const SYSTEM_NUMBER = '0x26aa394eea5630e07c48ae0c9558cef702a5c1b19ab7a04f536c519aca4983ac'
const SYSTEM_PREFIX = '0x26aa394eea5630e07c48ae0c9558cef7'

type Event = { event: string; [field: string]: unknown }

let devnet: Devnet
let client: RpcClient

beforeAll(async () => {
  devnet = await startDevnet({ tmp: true, manualSeal: true, rpcPort: 0, finalityDelayMs: 20 })
  client = await RpcClient.connect(devnet.url)
}, 60_000)

afterAll(async () => {
  await client?.close()
  await devnet?.close()
})

/** The next event, failing after `ms`. */
function next(sub: Subscription<Event>, ms = 5_000): Promise<Event> {
  return Promise.race([sub.next(), new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no event within ${ms} ms`)), ms).unref())])
}

/** Events until one matches, returning it (and failing after `ms`). */
async function until(sub: Subscription<Event>, match: (event: Event) => boolean, ms = 5_000): Promise<Event> {
  const deadline = Date.now() + ms
  for (;;) {
    const event = await next(sub, Math.max(1, deadline - Date.now()))
    if (match(event)) return event
  }
}

/** Follows from a settled chain (everything finalized), consuming initialized and the first bestBlockChanged. */
async function follow(withRuntime: boolean): Promise<{ sub: Subscription<Event>; initialized: Event }> {
  await settle()
  const sub = await client.subscribe<Event>('chainHead_v1_follow', [withRuntime])
  const initialized = await next(sub)
  expect(await next(sub)).toEqual({ event: 'bestBlockChanged', bestBlockHash: devnet.chain.head().hash })
  return { sub, initialized }
}

/** Waits until the best block is finalized. */
async function settle() {
  const deadline = Date.now() + 5_000
  while (devnet.chain.finalized().hash !== devnet.chain.head().hash) {
    if (Date.now() > deadline) throw new Error('the chain did not finalize')
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

const u32le = (n: number) => {
  const out = new Uint8Array(4)
  new DataView(out.buffer).setUint32(0, n, true)
  return u8aToHex(out)
}

describe('chainHead_v1_follow', () => {
  test('initialized with the runtime, then newBlock, bestBlockChanged and finalized for each authored block', async () => {
    const { sub, initialized } = await follow(true)
    const finalized = devnet.chain.finalized().hash
    expect(initialized).toMatchObject({ event: 'initialized', finalizedBlockHashes: [finalized] })
    const runtime = initialized.finalizedBlockRuntime as { type: string; spec: Record<string, unknown> }
    const version = await client.call<{ specName: string; implName: string; specVersion: number; implVersion: number; transactionVersion: number; apis: Array<[string, number]> }>(
      'state_getRuntimeVersion',
    )
    expect(runtime).toEqual({
      type: 'valid',
      spec: {
        specName: version.specName,
        implName: version.implName,
        specVersion: version.specVersion,
        implVersion: version.implVersion,
        transactionVersion: version.transactionVersion,
        apis: Object.fromEntries(version.apis),
      },
    })
    expect(runtime.spec.specName).toBe('node-subtensor')
    expect(Object.keys(runtime.spec.apis as object).every((id) => /^0x[0-9a-f]{16}$/.test(id))).toBe(true)

    let parent = finalized
    for (let i = 0; i < 2; i++) {
      const hash = await devnet.newBlock()
      expect(await next(sub)).toEqual({ event: 'newBlock', blockHash: hash, parentBlockHash: parent, newRuntime: null })
      expect(await next(sub)).toEqual({ event: 'bestBlockChanged', bestBlockHash: hash })
      expect(await next(sub)).toEqual({ event: 'finalized', finalizedBlockHashes: [hash], prunedBlockHashes: [] })
      parent = hash
    }
    expect(await sub.unsubscribe('chainHead_v1_unfollow')).toBe(true)
  }, T)

  test('without withRuntime: no runtime in initialized nor newBlock; blocks not yet finalized are reported at once', async () => {
    await settle()
    const finalized = devnet.chain.finalized().hash
    // Two blocks authored right before following are not finalized yet (finality comes ~20 ms later).
    await devnet.newBlock(2)
    const sub = await client.subscribe<Event>('chainHead_v1_follow', [false])
    const initialized = await next(sub)
    expect(initialized.event).toBe('initialized')
    expect(initialized).not.toHaveProperty('finalizedBlockRuntime')
    const reported: Event[] = [initialized]
    for (;;) {
      const event = await next(sub)
      reported.push(event)
      if (event.event === 'bestBlockChanged') break
    }
    const head = devnet.chain.head()
    const parentOfHead = head.header.parentHash
    if ((initialized.finalizedBlockHashes as Hex[])[0] === finalized) {
      expect(reported.slice(1)).toEqual([
        { event: 'newBlock', blockHash: parentOfHead, parentBlockHash: finalized },
        { event: 'newBlock', blockHash: head.hash, parentBlockHash: parentOfHead },
        { event: 'bestBlockChanged', bestBlockHash: head.hash },
      ])
    }
    expect(reported.at(-1)).toEqual({ event: 'bestBlockChanged', bestBlockHash: head.hash })
    expect(await sub.unsubscribe('chainHead_v1_unfollow')).toBe(true)
  }, T)
})

describe('chainHead_v1 operations', () => {
  test('header, body, storage and call deliver their results on the follow subscription', async () => {
    const { sub } = await follow(true)
    const hash = await devnet.newBlock()
    await until(sub, (e) => e.event === 'finalized')
    const number = devnet.chain.blockRecord(hash)!.number

    const header = await client.call<Hex>('chainHead_v1_header', [sub.id, hash])
    expect(header).toBe(u8aToHex(devnet.chain.blockRecord(hash)!.encodedHeader))
    expect(blake2AsHex(header, 256)).toBe(hash)

    const body = await client.call<{ result: string; operationId: string }>('chainHead_v1_body', [sub.id, hash])
    expect(body).toEqual({ result: 'started', operationId: expect.any(String) })
    const block = await client.call<{ block: { extrinsics: Hex[] } }>('chain_getBlock', [hash])
    expect(await next(sub)).toEqual({ event: 'operationBodyDone', operationId: body.operationId, value: block.block.extrinsics })
    expect(block.block.extrinsics.length).toBeGreaterThan(0)

    const storage = await client.call<{ result: string; operationId: string; discardedItems: number }>('chainHead_v1_storage', [
      sub.id,
      hash,
      [
        { key: SYSTEM_NUMBER, type: 'value' },
        { key: SYSTEM_NUMBER, type: 'hash' },
        { key: '0x', type: 'closestDescendantMerkleValue' },
        { key: stringToHex('no such key'), type: 'value' },
      ],
      null,
    ])
    expect(storage).toEqual({ result: 'started', operationId: expect.any(String), discardedItems: 0 })
    const items = await next(sub)
    expect(items).toEqual({
      event: 'operationStorageItems',
      operationId: storage.operationId,
      items: [
        { key: SYSTEM_NUMBER, value: u32le(number) },
        { key: SYSTEM_NUMBER, hash: blake2AsHex(u32le(number), 256) },
        // The closest descendant of the empty key is the root: its Merkle value is the state root.
        { key: '0x', closestDescendantMerkleValue: devnet.chain.blockRecord(hash)!.header.stateRoot },
      ],
    })
    expect(await next(sub)).toEqual({ event: 'operationStorageDone', operationId: storage.operationId })

    // Descendants: every System key, each value as state_getStorage reads it.
    const descendants = await client.call<{ operationId: string }>('chainHead_v1_storage', [sub.id, hash, [{ key: SYSTEM_PREFIX, type: 'descendantsValues' }], null])
    const found: Array<{ key: Hex; value: Hex }> = []
    for (;;) {
      const event = await next(sub)
      expect(event.operationId).toBe(descendants.operationId)
      if (event.event === 'operationStorageDone') break
      expect(event.event).toBe('operationStorageItems')
      found.push(...(event.items as Array<{ key: Hex; value: Hex }>))
    }
    expect(found.map((i) => i.key)).toEqual(await client.call('state_getKeys', [SYSTEM_PREFIX, hash]))
    expect(found.find((i) => i.key === SYSTEM_NUMBER)?.value).toBe(u32le(number))

    const call = await client.call<{ operationId: string }>('chainHead_v1_call', [sub.id, hash, 'Core_version', '0x'])
    expect(await next(sub)).toEqual({ event: 'operationCallDone', operationId: call.operationId, output: await client.call('state_call', ['Core_version', '0x', hash]) })
    const failing = await client.call<{ operationId: string }>('chainHead_v1_call', [sub.id, hash, 'NoSuchApi_nothing', '0x'])
    expect(await next(sub)).toEqual({ event: 'operationError', operationId: failing.operationId, error: expect.any(String) })
    expect(await sub.unsubscribe('chainHead_v1_unfollow')).toBe(true)
  }, T)

  test('a large descendants query pauses for chainHead_v1_continue; stopOperation ends one', async () => {
    const prefix = stringToHex('many:')
    const keys = Array.from({ length: 1500 }, (_, i) => stringToHex(`many:${String(i).padStart(4, '0')}`))
    await client.call('dev_setStorage', [keys.map((k) => [k, '0x01'])])
    const { sub } = await follow(false)
    const hash = devnet.chain.head().hash
    const op = await client.call<{ operationId: string }>('chainHead_v1_storage', [sub.id, hash, [{ key: prefix, type: 'descendantsHashes' }], null])
    const first = await next(sub)
    expect(first).toMatchObject({ event: 'operationStorageItems', operationId: op.operationId })
    expect((first.items as unknown[]).length).toBe(1000)
    expect(await next(sub)).toEqual({ event: 'operationWaitingForContinue', operationId: op.operationId })
    expect(await client.call('chainHead_v1_continue', [sub.id, op.operationId])).toBeNull()
    const second = await next(sub)
    expect((second.items as Array<{ key: Hex; hash: Hex }>).map((i) => i.key)).toEqual(keys.slice(1000))
    expect((second.items as Array<{ hash: Hex }>)[0]!.hash).toBe(blake2AsHex('0x01', 256))
    expect(await next(sub)).toEqual({ event: 'operationStorageDone', operationId: op.operationId })
    // Continue on an operation that is over: no effect.
    expect(await client.call('chainHead_v1_continue', [sub.id, op.operationId])).toBeNull()

    const stopped = await client.call<{ operationId: string }>('chainHead_v1_storage', [sub.id, hash, [{ key: prefix, type: 'descendantsValues' }], null])
    expect((await next(sub)).event).toBe('operationStorageItems')
    expect(await next(sub)).toEqual({ event: 'operationWaitingForContinue', operationId: stopped.operationId })
    expect(await client.call('chainHead_v1_stopOperation', [sub.id, stopped.operationId])).toBeNull()
    expect(await client.call('chainHead_v1_continue', [sub.id, stopped.operationId])).toBeNull()
    // Nothing more comes for it: the next event is the next block's.
    const block = await devnet.newBlock()
    expect(await next(sub)).toMatchObject({ event: 'newBlock', blockHash: block })
    expect(await sub.unsubscribe('chainHead_v1_unfollow')).toBe(true)
  }, T)

  test('pinning, unpin, unfollow and the spec’s errors', async () => {
    const { sub, initialized } = await follow(false)
    const genesis = await client.call<Hex>('chain_getBlockHash', [0])
    const finalized = (initialized.finalizedBlockHashes as Hex[])[0]!
    const unknown = `0x${'11'.repeat(32)}`

    // A block never reported, or unknown: -32801.
    if (finalized !== genesis) expect(await client.error('chainHead_v1_header', [sub.id, genesis])).toMatchObject({ code: -32801 })
    expect(await client.error('chainHead_v1_header', [sub.id, unknown])).toMatchObject({ code: -32801 })
    expect(await client.error('chainHead_v1_body', [sub.id, unknown])).toMatchObject({ code: -32801 })
    expect(await client.error('chainHead_v1_storage', [sub.id, unknown, [], null])).toMatchObject({ code: -32801 })
    // A call on a follow without the runtime: -32802.
    expect(await client.error('chainHead_v1_call', [sub.id, finalized, 'Core_version', '0x'])).toMatchObject({ code: -32802 })
    // Bad params: -32602.
    expect(await client.error('chainHead_v1_header', [sub.id, '0x12'])).toMatchObject({ code: -32602 })
    expect(await client.error('chainHead_v1_storage', [sub.id, finalized, [{ key: '0x', type: 'everything' }], null])).toMatchObject({ code: -32602 })

    // New blocks stay pinned after finality until unpinned.
    const hash = await devnet.newBlock()
    await until(sub, (e) => e.event === 'finalized')
    expect(await client.call('chainHead_v1_header', [sub.id, hash])).toMatch(/^0x/)
    expect(await client.error('chainHead_v1_unpin', [sub.id, [hash, hash]])).toMatchObject({ code: -32804 })
    // One hash not pinned: nothing is unpinned.
    expect(await client.error('chainHead_v1_unpin', [sub.id, [hash, unknown]])).toMatchObject({ code: -32801 })
    expect(await client.call('chainHead_v1_header', [sub.id, hash])).toMatch(/^0x/)
    expect(await client.call('chainHead_v1_unpin', [sub.id, [hash, finalized]])).toBeNull()
    expect(await client.error('chainHead_v1_header', [sub.id, hash])).toMatchObject({ code: -32801 })
    expect(await client.error('chainHead_v1_unpin', [sub.id, hash])).toMatchObject({ code: -32801 })

    // Another connection cannot use this follow; an unknown or ended follow reads as stale.
    const other = await RpcClient.connect(devnet.url)
    try {
      expect(await other.call('chainHead_v1_header', [sub.id, devnet.chain.head().hash])).toBeNull()
    } finally {
      await other.close()
    }
    expect(await sub.unsubscribe('chainHead_v1_unfollow')).toBe(true)
    const head = devnet.chain.head().hash
    expect(await client.call('chainHead_v1_header', [sub.id, head])).toBeNull()
    expect(await client.call('chainHead_v1_body', [sub.id, head])).toEqual({ result: 'limitReached' })
    expect(await client.call('chainHead_v1_storage', [sub.id, head, [{ key: SYSTEM_NUMBER, type: 'value' }], null])).toEqual({ result: 'limitReached' })
    expect(await client.call('chainHead_v1_call', [sub.id, head, 'Core_version', '0x'])).toEqual({ result: 'limitReached' })
    expect(await client.call('chainHead_v1_unpin', [sub.id, head])).toBeNull()
    expect(await client.call('chainHead_v1_stopOperation', [sub.id, '0'])).toBeNull()
    expect(await client.call('chainHead_v1_continue', [sub.id, '0'])).toBeNull()
    expect(await client.call('chainHead_v1_unfollow', [sub.id])).toBe(false)
  }, T)

  test('at most 4 follows per connection (-32800)', async () => {
    const subs = []
    for (let i = 0; i < 4; i++) subs.push(await client.subscribe<Event>('chainHead_v1_follow', [false]))
    expect(await client.error('chainHead_v1_follow', [false])).toMatchObject({ code: -32800 })
    for (const sub of subs) await sub.unsubscribe('chainHead_v1_unfollow')
    const again = await client.subscribe<Event>('chainHead_v1_follow', [false])
    expect((await next(again)).event).toBe('initialized')
    await again.unsubscribe('chainHead_v1_unfollow')
  }, T)
})
