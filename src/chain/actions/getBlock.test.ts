// getBlock, getRecentBlocks, transfer and getBalance against a devnet: a transfer shows up decoded in its block with its events; a failed call shows its error in words; blocks are listed newest first.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startTestChain, type TestChain } from '../testing/devnet.ts'
import { transfer } from './transfer.ts'
import { getBalance } from './getBalance.ts'
import { getBlock } from './getBlock.ts'
import { getRecentBlocks } from './getRecentBlocks.ts'
import { startCall } from './startCall.ts'
import { watchNewHeads, type Head } from '../client.ts'
import { BlockNotFoundError, InsufficientBalanceError, InvalidAddressError } from '../errors/input.ts'
import { ExtrinsicFailedError } from '../errors/extrinsic.ts'
import { RAO_PER_TAO, parseTao } from '../units.ts'

let chain: TestChain
beforeAll(async () => {
  chain = await startTestChain()
}, 30_000)
afterAll(() => chain?.close())

describe('transfer, getBalance and the explorer reads', () => {
  test('a transfer moves exactly the amount, and its block shows the call decoded with signer, arguments and events', async () => {
    const { client, alice, bob } = chain
    const before = await getBalance(client, { address: bob.address })
    const result = await (await transfer(client, { to: bob.address, amount: parseTao('1.5') })).send(alice)
    expect((await getBalance(client, { address: bob.address })).free).toBe(before.free + 1_500_000_000n)

    const block = await getBlock(client, { at: result.blockHash })
    expect(block.hash).toBe(result.blockHash)
    expect(block.timestamp).toBeGreaterThan(0)
    const ex = block.extrinsics.find((e) => e.hash === result.txHash)!
    expect(ex).toMatchObject({ section: 'balances', method: 'transferKeepAlive', signer: alice.address, success: true, error: undefined })
    expect(ex.args).toEqual({ dest: { id: bob.address }, value: 1_500_000_000 })
    expect(block.extrinsics[0]).toMatchObject({ section: 'timestamp', method: 'set', signer: undefined })
    const own = block.events.filter((e) => e.phase === 'extrinsic' && e.extrinsic === ex.index).map((e) => `${e.section}.${e.method}`)
    expect(own).toEqual(expect.arrayContaining(['balances.Transfer', 'system.ExtrinsicSuccess']))
  })

  test('a failed call is listed with its error in words', async () => {
    const error = (await (await startCall(chain.client, { netuid: 1 })).send(chain.bob).catch((e: unknown) => e)) as ExtrinsicFailedError
    expect(error).toBeInstanceOf(ExtrinsicFailedError)
    const block = await getBlock(chain.client, { at: error.blockHash as `0x${string}` })
    const ex = block.extrinsics.find((e) => e.method === 'startCall')!
    expect(ex).toMatchObject({ section: 'subtensorModule', args: { netuid: 1 }, success: false, error: error.shortMessage })
  })

  test('bad recipients and amounts beyond the balance are refused before sending', async () => {
    const { client, keyring } = chain
    await expect(transfer(client, { to: 'not an address', amount: 1n })).rejects.toThrowError(InvalidAddressError)
    const empty = keyring.addFromUri('//empty')
    const tx = await transfer(client, { to: chain.bob.address, amount: RAO_PER_TAO })
    await expect(tx.send(empty)).rejects.toThrowError(InsufficientBalanceError)
    expect((await getBalance(client, { address: empty.address })).free).toBe(0n)
  })

  test('getRecentBlocks lists the newest blocks first; watchNewHeads sees dev_newBlock; a missing block is BlockNotFoundError', async () => {
    const heads: Head[] = []
    const unwatch = watchNewHeads(chain.client, (h) => heads.push(h))
    await new Promise((r) => setTimeout(r, 100))
    await chain.newBlocks(3)
    await new Promise((r) => setTimeout(r, 200))
    unwatch()
    const blocks = await getRecentBlocks(chain.client, { count: 4 })
    expect(blocks.map((b) => b.number)).toEqual([0, 1, 2, 3].map((i) => blocks[0]!.number - i))
    expect(blocks[0]!.parentHash).toBe(blocks[1]!.hash)
    expect(heads.at(-1)!.hash).toBe(blocks[0]!.hash)
    expect(heads.map((h) => h.number)).toEqual(expect.arrayContaining([blocks[2]!.number, blocks[1]!.number, blocks[0]!.number]))
    await expect(getBlock(chain.client, { at: 10_000 })).rejects.toThrowError(BlockNotFoundError)
  })
})
