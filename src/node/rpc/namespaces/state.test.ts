// state_* over a real WebSocket against the devnet on the fake runtime: reads, paging, read proofs checked against the header, history, calls and subscriptions.
import { hexToU8a, stringToU8a, u8aToHex } from '@polkadot/util'
import { blake2AsHex } from '@polkadot/util-crypto'
import { describe, expect, test } from 'vitest'
import { verifyReadProof } from '../../db/trie.ts'
import type { HeaderJson, Hex } from '../../chain/header.ts'
import { closeDevnetsAfterEach, startTestDevnet } from '../../testing/devnetFixture.ts'
import { FAKE_METADATA, FAKE_VERSION, fakeAccount, fakeTransaction, nonceKey } from '../../testing/fakeRuntime.ts'
import type { RpcClient } from '../../testing/rpcClient.ts'

const T = 20_000
closeDevnetsAfterEach()

const hex = (text: string) => u8aToHex(stringToU8a(text)) as Hex
const alice = fakeAccount(1)

/** Writes `pairs` with dev_setStorage (one block); returns its hash. */
const write = (client: RpcClient, pairs: Array<[string, string | null]>) =>
  client.call<Hex>('dev_setStorage', [pairs.map(([k, v]) => [hex(k), v === null ? null : hex(v)])])

describe('state_*', () => {
  test('storage, its hash and size (a prefix sums its values), at the best or a given block', async () => {
    const { client } = await startTestDevnet()
    const first = await write(client, [['map:a', 'one'], ['map:b', 'three']])
    await write(client, [['map:a', 'changed']])
    expect(await client.call('state_getStorage', [hex('map:a')])).toBe(hex('changed'))
    expect(await client.call('state_getStorage', [hex('map:a'), first])).toBe(hex('one'))
    expect(await client.call('state_getStorageAt', [hex('map:a'), first])).toBe(hex('one'))
    expect(await client.call('state_getStorage', [hex('nothing')])).toBeNull()
    expect(await client.call('state_getStorageHash', [hex('map:b')])).toBe(blake2AsHex(stringToU8a('three'), 256))
    expect(await client.call('state_getStorageHash', [hex('nothing')])).toBeNull()
    expect(await client.call('state_getStorageSize', [hex('map:b')])).toBe(5)
    expect(await client.call('state_getStorageSize', [hex('map:')])).toBe(7 + 5)
    expect(await client.call('state_getStorageSize', [hex('map:'), first])).toBe(3 + 5)
    expect(await client.call('state_getStorageSize', [hex('nothing')])).toBeNull()
    expect(await client.call('state_getKeys', [hex('map:')])).toEqual([hex('map:a'), hex('map:b')])
    expect(await client.call('state_getPairs', [hex('map:')])).toEqual([
      [hex('map:a'), hex('changed')],
      [hex('map:b'), hex('three')],
    ])
  }, T)

  test('getKeysPaged walks a prefix page by page after the start key, and refuses pages over 1000', async () => {
    const { client } = await startTestDevnet()
    const keys = Array.from({ length: 25 }, (_, i) => `page:${String(i).padStart(2, '0')}`)
    await write(client, keys.map((k) => [k, 'v']))
    await write(client, [['pagf', 'after the prefix'], ['pag', 'before it']])
    const seen: string[] = []
    let start: string | null = null
    for (;;) {
      const page: string[] = await client.call('state_getKeysPaged', [hex('page:'), 10, start])
      seen.push(...page)
      if (page.length < 10) break
      start = page.at(-1)!
    }
    expect(seen).toEqual(keys.map(hex))
    expect(await client.call('state_getKeysPagedAt', [hex('page:'), 2, hex('page:23')])).toEqual([hex('page:24')])
    // A start key before the prefix starts at the prefix; no prefix pages through everything.
    expect(await client.call('state_getKeysPaged', [hex('page:'), 1, hex('a')])).toEqual([hex('page:00')])
    expect(await client.call('state_getKeysPaged', [null, 1, hex('page:24')])).toEqual([hex('pagf')])
    expect(await client.error('state_getKeysPaged', [hex('page:'), 1001])).toEqual({ code: 4002, message: 'count exceeds maximum value. value: 1001, max: 1000' })
  }, T)

  test('getReadProof proves values and absences against the header’s state root', async () => {
    const { client } = await startTestDevnet()
    await write(client, [['proof:small', 'v'], ['proof:large', 'x'.repeat(100)]])
    const best = await client.call<Hex>('chain_getBlockHash')
    const keys = [hex('proof:small'), hex('proof:large'), hex('proof:absent')]
    const proof = await client.call<{ at: Hex; proof: Hex[] }>('state_getReadProof', [keys, best])
    expect(proof.at).toBe(best)
    const header = await client.call<HeaderJson>('chain_getHeader', [best])
    const values = verifyReadProof(hexToU8a(header.stateRoot), proof.proof.map((node) => hexToU8a(node)), keys.map((k) => hexToU8a(k)))
    expect(u8aToHex(values.get(keys[0]!)!)).toBe(hex('v'))
    expect(u8aToHex(values.get(keys[1]!)!)).toBe(hex('x'.repeat(100)))
    expect(values.get(keys[2]!)).toBeNull()
    // Without `at`: the best block.
    expect((await client.call<{ at: Hex }>('state_getReadProof', [keys])).at).toBe(best)
    // Against another block's root the proof does not hold.
    const genesis = await client.call<HeaderJson>('chain_getHeader', [await client.call('chain_getBlockHash', [0])])
    expect(() => verifyReadProof(hexToU8a(genesis.stateRoot), proof.proof.map((node) => hexToU8a(node)), keys.map((k) => hexToU8a(k)))).toThrow()
  }, T)

  test('queryStorage lists the blocks that changed the keys; queryStorageAt reads them at one block', async () => {
    const { devnet, client } = await startTestDevnet()
    const b1 = await write(client, [['q:a', '1']])
    const b2 = await devnet.newBlock()
    const b3 = await write(client, [['q:a', '2'], ['q:b', '1']])
    const b4 = await write(client, [['q:b', null]])
    const keys = [hex('q:a'), hex('q:b')]
    expect(await client.call('state_queryStorage', [keys, b1])).toEqual([
      { block: b1, changes: [[hex('q:a'), hex('1')], [hex('q:b'), null]] },
      { block: b3, changes: [[hex('q:a'), hex('2')], [hex('q:b'), hex('1')]] },
      { block: b4, changes: [[hex('q:b'), null]] },
    ])
    expect(await client.call('state_queryStorage', [keys, b2, b3])).toEqual([
      { block: b2, changes: [[hex('q:a'), hex('1')], [hex('q:b'), null]] },
      { block: b3, changes: [[hex('q:a'), hex('2')], [hex('q:b'), hex('1')]] },
    ])
    expect(await client.call('state_queryStorageAt', [keys, b3])).toEqual([{ block: b3, changes: [[hex('q:a'), hex('2')], [hex('q:b'), hex('1')]] }])
    expect(await client.call('state_queryStorageAt', [[]])).toEqual([])
    expect(await client.error('state_queryStorage', [keys, b3, b1])).toMatchObject({ code: 4001, message: expect.stringMatching(/^Cannot resolve a block range .* from number > to number$/) })
    const unknown = `0x${'77'.repeat(32)}`
    expect(await client.error('state_queryStorage', [keys, unknown])).toMatchObject({ code: 4001, message: expect.stringContaining(`Header was not found in the database: ${unknown}`) })
  }, T)

  test('unknown blocks and pruned states are refused with Substrate’s client errors', async () => {
    const { devnet, client } = await startTestDevnet({ pruning: 2, finalityDelayMs: 0 })
    const old = await devnet.newBlock()
    const finalized = await client.subscribe<HeaderJson>('chain_subscribeFinalizedHeads')
    await devnet.newBlock(4)
    while ((await finalized.next()).number !== '0x5');
    await devnet.newBlock()
    const unknown = `0x${'99'.repeat(32)}`
    expect(await client.error('state_getStorage', [hex('k'), old])).toEqual({ code: 4003, message: `Client error: UnknownBlock: State already discarded for ${old}` })
    expect(await client.error('state_getStorage', [hex('k'), unknown])).toEqual({ code: 4003, message: `Client error: UnknownBlock: Header was not found in the database: ${unknown}` })
    expect(await client.error('state_getRuntimeVersion', [old])).toMatchObject({ code: 4003 })
    expect(await client.error('state_getReadProof', [[hex('k')], old])).toMatchObject({ code: 4003 })
    expect(await client.error('state_getKeysPaged', [null, 10, null, old])).toMatchObject({ code: 4003 })
    expect(await client.error('state_call', ['Core_version', '0x', unknown])).toMatchObject({ code: 4003 })
    expect(await client.error('state_getMetadata', [old])).toEqual({
      code: 4003,
      message: `Client error: Api called for an unknown Block: State already discarded for ${old}`,
    })
    // The header is still served; the node is still serving.
    expect(await client.call('chain_getHeader', [old])).toMatchObject({ number: '0x1' })
    expect(await client.call('state_getStorage', [hex('fake:number')])).toBe('0x06000000')
  }, T)

  test('metadata, runtime version (with its api list) and runtime calls', async () => {
    const { client } = await startTestDevnet()
    expect(await client.call('state_getMetadata')).toBe(u8aToHex(FAKE_METADATA))
    const version = {
      specName: 'fake-devnet',
      implName: 'fake-devnet',
      authoringVersion: 1,
      specVersion: 7,
      implVersion: 1,
      apis: FAKE_VERSION.apis.map(([id, v]) => [id, v]),
      transactionVersion: 1,
      systemVersion: 1,
      stateVersion: 1,
    }
    expect(await client.call('state_getRuntimeVersion')).toEqual(version)
    expect(await client.call('chain_getRuntimeVersion')).toEqual(version)
    expect(await client.call('state_call', ['AccountNonceApi_account_nonce', u8aToHex(alice)])).toBe('0x00000000')
    expect(await client.error('state_call', ['Nope_nothing', '0x'])).toEqual({ code: 4003, message: 'Client error: Execution failed: Exported method Nope_nothing is not found' })
    expect(await client.error('state_call', ['Core_version', 'zz'])).toMatchObject({ code: -32602 })
    const sub = await client.subscribe('state_subscribeRuntimeVersion')
    expect(await sub.next()).toEqual(version)
    expect(await sub.unsubscribe('chain_unsubscribeRuntimeVersion')).toBe(true)
  }, T)

  test('subscribeStorage: the keys’ values first, then each block that changes them; no keys means every change', async () => {
    const { devnet, client } = await startTestDevnet()
    await write(client, [['s:a', 'before']])
    const watched = await client.subscribe<{ block: Hex; changes: Array<[Hex, Hex | null]> }>('state_subscribeStorage', [[hex('s:a'), hex('s:b')]])
    const everything = await client.subscribe<{ block: Hex; changes: Array<[Hex, Hex | null]> }>('state_subscribeStorage', [])
    expect(await watched.next()).toEqual({ block: devnet.chain.head().hash, changes: [[hex('s:a'), hex('before')], [hex('s:b'), null]] })

    // A block that touches neither key sends nothing to `watched`.
    await devnet.newBlock()
    const first = await everything.next()
    expect(first.changes.map(([k]) => k)).toContain(hex('fake:number'))
    const xt = fakeTransaction({ sender: alice, nonce: 0, key: 's:b', value: 'now' })
    await client.call('author_submitExtrinsic', [u8aToHex(xt)])
    const block = await devnet.newBlock()
    expect(await watched.next()).toEqual({ block, changes: [[hex('s:b'), hex('now')]] })
    const all = await everything.next()
    expect(all.block).toBe(block)
    expect(all.changes).toContainEqual([u8aToHex(nonceKey(alice)), '0x01000000'])
    expect(all.changes).toContainEqual([hex('s:b'), hex('now')])
    expect(watched.buffered).toBe(0)
    expect(await watched.unsubscribe('state_unsubscribeStorage')).toBe(true)
  }, T)
})
