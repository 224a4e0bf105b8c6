// chain_* over a real WebSocket against the devnet on the fake runtime: hashes, headers, bodies, finality and the head subscriptions with their aliases.
import { u8aToHex } from '@polkadot/util'
import { describe, expect, test } from 'vitest'
import { closeDevnetsAfterEach, startTestDevnet } from '../../testing/devnetFixture.ts'
import { fakeAccount, fakeTransaction } from '../../testing/fakeRuntime.ts'
import type { HeaderJson } from '../../chain/header.ts'

const T = 20_000
closeDevnetsAfterEach()

type Block = { block: { header: HeaderJson; extrinsics: string[] }; justifications: null }

describe('chain_*', () => {
  test('block hashes by number, hex number, list or none; headers and bodies with the exact extrinsic bytes', async () => {
    const { devnet, client } = await startTestDevnet()
    const xt = fakeTransaction({ sender: fakeAccount(1), nonce: 0, key: 'k', value: 'v' })
    await client.call('author_submitExtrinsic', [u8aToHex(xt)])
    const one = await devnet.newBlock()
    const two = await devnet.newBlock()
    const genesis = devnet.chain.genesisHash

    expect(await client.call('chain_getBlockHash', [])).toBe(two)
    expect(await client.call('chain_getBlockHash', [null])).toBe(two)
    expect(await client.call('chain_getBlockHash', [0])).toBe(genesis)
    expect(await client.call('chain_getBlockHash', ['0x1'])).toBe(one)
    expect(await client.call('chain_getBlockHash', [[0, '0x02', 3]])).toEqual([genesis, two, null])
    expect(await client.call('chain_getHead', [1])).toBe(one)
    expect(await client.error('chain_getBlockHash', [4294967296])).toEqual({ code: 3001, message: '`Number(4294967296)` > u32::MAX, the max block number is u32.' })
    expect(await client.error('chain_getBlockHash', [-1])).toMatchObject({ code: -32602, message: 'Invalid params' })

    const header = await client.call<HeaderJson>('chain_getHeader', [one])
    expect(header).toMatchObject({ parentHash: genesis, number: '0x1' })
    expect(header.digest.logs).toHaveLength(2)
    expect(header.digest.logs[0]).toMatch(/^0x066175726120[0-9a-f]{16}$/) // PreRuntime(aura, u64 slot)
    expect(header.digest.logs[1]).toMatch(/^0x05617572610101[0-9a-f]{128}$/) // Seal(aura, 64-byte signature)
    expect(await client.call('chain_getHeader', [])).toMatchObject({ number: '0x2', parentHash: one })
    expect(await client.call('chain_getHeader', [`0x${'ab'.repeat(32)}`])).toBeNull()
    expect(await client.error('chain_getHeader', ['0x12'])).toMatchObject({ code: -32602, data: 'param 0: expected a 0x-prefixed hex string of 32 bytes, got "0x12"' })

    const block = await client.call<Block>('chain_getBlock', [one])
    expect(block.justifications).toBeNull()
    expect(block.block.header).toEqual(header)
    expect(block.block.extrinsics).toHaveLength(2)
    expect(block.block.extrinsics[1]).toBe(u8aToHex(xt))
    expect(await client.call('chain_getBlock', [`0x${'ab'.repeat(32)}`])).toBeNull()
  }, T)

  test('the finalized head follows the best block a moment later', async () => {
    const { devnet, client } = await startTestDevnet({ finalityDelayMs: 40 })
    expect(await client.call('chain_getFinalizedHead')).toBe(devnet.chain.genesisHash)
    const finalized = await client.subscribe<HeaderJson>('chain_subscribeFinalizedHeads')
    expect((await finalized.next()).number).toBe('0x0')
    const hash = await devnet.newBlock()
    expect((await finalized.next()).number).toBe('0x1')
    expect(await client.call('chain_getFinalizedHead')).toBe(hash)
    expect(await client.call('chain_getFinalisedHead')).toBe(hash)
    expect(await finalized.unsubscribe('chain_unsubscribeFinalisedHeads')).toBe(true)
  }, T)

  test('new-head subscriptions send the best header, then each new one; every alias subscribes and unsubscribes', async () => {
    const { devnet, client } = await startTestDevnet()
    const heads = await client.subscribe<HeaderJson>('chain_subscribeNewHeads')
    const singular = await client.subscribe<HeaderJson>('chain_subscribeNewHead')
    const legacy = await client.subscribe<HeaderJson>('subscribe_newHead')
    const all = await client.subscribe<HeaderJson>('chain_subscribeAllHeads')
    for (const sub of [heads, singular, legacy, all]) expect((await sub.next()).number).toBe('0x0')
    const hash = await devnet.newBlock()
    for (const sub of [heads, singular, legacy, all]) {
      const header = await sub.next()
      expect(header.number).toBe('0x1')
      expect(header.parentHash).toBe(devnet.chain.genesisHash)
    }
    expect(devnet.chain.head().hash).toBe(hash)
    expect(await heads.unsubscribe('chain_unsubscribeNewHeads')).toBe(true)
    expect(await singular.unsubscribe('chain_unsubscribeNewHead')).toBe(true)
    expect(await legacy.unsubscribe('unsubscribe_newHead')).toBe(true)
    expect(await all.unsubscribe('chain_unsubscribeAllHeads')).toBe(true)
    // Unsubscribing is per subscription kind: a head id means nothing to another kind's unsubscribe.
    const again = await client.subscribe('chain_subscribeNewHeads')
    expect(await again.unsubscribe('chain_unsubscribeFinalizedHeads')).toBe(false)
    expect(await again.unsubscribe('chain_unsubscribeNewHeads')).toBe(true)
  }, T)
})
