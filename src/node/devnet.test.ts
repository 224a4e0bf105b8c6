// The devnet started in-process on the fake runtime: throwaway directories, restarts that resume the same chain, timed authoring, one node per directory.
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import type { HeaderJson, Hex } from './chain/header.ts'
import { startDevnet } from './devnet.ts'
import { closeDevnetsAfterEach, startTestDevnet } from './testing/devnetFixture.ts'
import { createFakeRuntime } from './testing/fakeRuntime.ts'
import { RpcClient } from './testing/rpcClient.ts'

const T = 30_000
closeDevnetsAfterEach()
let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'webtensor-devnet-test-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('startDevnet', () => {
  test('--tmp keeps the chain in a temp directory that close() removes', async () => {
    const { devnet } = await startTestDevnet({ tmp: true })
    expect(devnet.dataDir.temporary).toBe(true)
    expect(existsSync(join(devnet.dataDir.path, 'chain.sqlite'))).toBe(true)
    await devnet.newBlock()
    await devnet.close()
    expect(existsSync(devnet.dataDir.path)).toBe(false)
    // A second close is harmless.
    await devnet.close()
  }, T)

  test('a restart on the same base path resumes the same chain: head, hashes and state roots', async () => {
    const basePath = join(dir, 'chain')
    const options = { basePath, rpcPort: 0, manualSeal: true, runtime: createFakeRuntime(), finalityDelayMs: 5 }
    const first = await startDevnet(options)
    await first.chain.authorBlocks(5)
    const client = await RpcClient.connect(first.url)
    const hashes = await client.call<Hex[]>('chain_getBlockHash', [[0, 1, 2, 3, 4, 5]])
    const headers = await Promise.all(hashes.map((hash) => client.call<HeaderJson>('chain_getHeader', [hash])))
    await client.close()
    await first.close()
    expect(existsSync(join(basePath, 'LOCK'))).toBe(false)

    const second = await startDevnet({ ...options, runtime: createFakeRuntime() })
    const again = await RpcClient.connect(second.url)
    expect(await again.call('chain_getBlockHash', [[0, 1, 2, 3, 4, 5]])).toEqual(hashes)
    for (const [i, hash] of hashes.entries()) expect(await again.call('chain_getHeader', [hash])).toEqual(headers[i])
    // close() finalized everything it had authored.
    expect(await again.call('chain_getFinalizedHead')).toBe(hashes[5])
    const next = await second.newBlock()
    expect(await again.call('chain_getHeader', [next])).toMatchObject({ number: '0x6', parentHash: hashes[5] })
    await again.close()
    await second.close()
  }, T)

  test('a second node on a directory in use is refused, and the first keeps running', async () => {
    const basePath = join(dir, 'chain')
    const first = await startDevnet({ basePath, rpcPort: 0, manualSeal: true, runtime: createFakeRuntime() })
    await expect(startDevnet({ basePath, rpcPort: 0, manualSeal: true, runtime: createFakeRuntime() })).rejects.toThrow(`is in use by another devnet (pid ${process.pid})`)
    expect((await first.chain.authorBlocks(1)).number).toBe(1)
    await first.close()
  }, T)

  test('with a block time, blocks come on their own', async () => {
    const { client } = await startTestDevnet({ blockTime: 50 })
    const heads = await client.subscribe<HeaderJson>('chain_subscribeNewHeads')
    const seen = [await heads.next(), await heads.next(), await heads.next()]
    expect(seen.map((h) => Number(h.number))).toEqual([Number(seen[0]!.number), Number(seen[0]!.number) + 1, Number(seen[0]!.number) + 2])
  }, T)

  test('a port in use is reported, and nothing is left locked', async () => {
    const { devnet } = await startTestDevnet()
    const basePath = join(dir, 'chain')
    await expect(startDevnet({ basePath, rpcPort: devnet.rpc.port, manualSeal: true, runtime: createFakeRuntime() })).rejects.toThrow(/EADDRINUSE/)
    expect(existsSync(join(basePath, 'LOCK'))).toBe(false)
  }, T)
})
