// The `webtensor devnet` process (on the real runtime once src/runtime/index.ts exists, else the fake one): what it prints, a clean stop on signals, and kill -9 at random moments losing no finalized block.
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { u8aToHex } from '@polkadot/util'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { openStateDb } from './db/stateDb.ts'
import { blockHashOf, encodeHeader, type HeaderJson, type Hex } from './chain/header.ts'
import { DigestItem } from '../runtime/primitives/substrate.ts'
import { RpcClient } from './testing/rpcClient.ts'
import { REAL_RUNTIME, spawnDevnet } from './testing/spawnDevnet.ts'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'webtensor-devnet-process-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

/** The hash of a header as chain_getHeader serialises it. */
function hashOf(header: HeaderJson): Hex {
  return blockHashOf(
    encodeHeader({
      parentHash: header.parentHash,
      number: Number(header.number),
      stateRoot: header.stateRoot,
      extrinsicsRoot: header.extrinsicsRoot,
      digest: { logs: header.digest.logs.map((log) => DigestItem.dec(log)) },
    }),
  )
}

describe(`webtensor devnet as a process (${REAL_RUNTIME ? 'real' : 'fake'} runtime)`, () => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    test(`prints its endpoints, and on ${signal} stops cleanly with exit code 0`, async () => {
      const basePath = join(dir, 'chain')
      const node = await spawnDevnet(['--base-path', basePath, '--block-time', '100', '--rpc-port', '0', '--relay-port', '0'])
      const client = await RpcClient.connect(node.url)
      const genesis = await client.call<Hex>('chain_getBlockHash', [0])
      const out = node.stdout()
      expect(out).toContain('chain        webtensor devnet')
      expect(out).toContain(`genesis      ${genesis}`)
      expect(out).toMatch(/RPC {10}ws:\/\/127\.0\.0\.1:\d+ {2}\(HTTP http:\/\/127\.0\.0\.1:\d+\)/)
      expect(out).toContain('authoring    a block every 100 ms')
      expect(out).toContain(`base path    ${basePath}`)
      expect(out).toMatch(/relay {8}\/ip4\/127\.0\.0\.1\/tcp\/\d+\/ws\/p2p\/12D3KooW\w+/)
      const heads = await client.subscribe<HeaderJson>('chain_subscribeNewHeads')
      await heads.next()
      await heads.next()
      node.child.kill(signal)
      expect(await node.exited).toEqual({ code: 0, signal: null })
      expect(node.stdout()).toContain(`webtensor devnet: ${signal}, stopping`)
      expect(node.stdout()).toMatch(/webtensor devnet: stopped at #\d+/)
      expect(existsSync(join(basePath, 'LOCK'))).toBe(false)
      await client.close()
    }, 60_000)
  }

  test('--tmp removes its directory on a clean stop', async () => {
    const node = await spawnDevnet(['--tmp', '--rpc-port', '0', '--relay-port', '0'])
    const path = /base path {4}(\S+) {2}\(temporary: removed on exit\)/.exec(node.stdout())![1]!
    expect(existsSync(path)).toBe(true)
    node.child.kill('SIGTERM')
    expect((await node.exited).code).toBe(0)
    expect(existsSync(path)).toBe(false)
  }, 60_000)

  test('a bad flag or a busy port ends with a message and a non-zero code', async () => {
    const busy = await spawnDevnet(['--tmp', '--rpc-port', '0', '--relay-port', '0'])
    const port = new URL(busy.url).port
    await expect(spawnDevnet(['--tmp', '--rpc-port', port, '--relay-port', '0'])).rejects.toThrow(/exited \(code 1, signal null\)[\s\S]*EADDRINUSE/)
    await expect(spawnDevnet(['--tmp', '--block-time', 'soon'])).rejects.toThrow(/exited \(code 2[\s\S]*--block-time takes a whole number, not "soon"/)
    busy.child.kill('SIGTERM')
    await busy.exited
  }, 60_000)

  test('kill -9 at random moments while authoring every 50 ms: no finalized block is lost and every state root re-verifies', async () => {
    const basePath = join(dir, 'chain')
    const database = join(basePath, 'chain.sqlite')
    /** Every block a node reported finalized before it was killed: number → hash. */
    const finalized = new Map<number, Hex>()
    const rounds = 5
    for (let round = 0; round < rounds; round++) {
      const node = await spawnDevnet(['--base-path', basePath, '--block-time', '50', '--rpc-port', '0', '--relay-port', '0'])
      const client = await RpcClient.connect(node.url)
      const heads = await client.subscribe<HeaderJson>('chain_subscribeFinalizedHeads')
      // The restarted node serves the chain it had: what it finalized before is still there.
      for (const [number, hash] of finalized) {
        if (number % 7 === 0 || number === Math.max(...finalized.keys())) expect(await client.call('chain_getBlockHash', [number])).toBe(hash)
      }
      // Follow finality for a few blocks, then kill the node at a random moment.
      const target = Math.max(0, ...finalized.keys()) + 3 + round
      for (;;) {
        const header = await heads.next()
        finalized.set(Number(header.number), hashOf(header))
        if (Number(header.number) >= target) break
      }
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 200))
      node.child.kill('SIGKILL')
      expect((await node.exited).signal).toBe('SIGKILL')
      await client.close().catch(() => {})

      // Reopening checks that the stored state hashes to the head's state root; the finalized blocks are all there.
      const db = openStateDb({ path: database })
      try {
        const head = db.head()!
        const last = Math.max(...finalized.keys())
        expect(db.finalized()!.number).toBeGreaterThanOrEqual(last)
        expect(head.number).toBeGreaterThanOrEqual(last)
        for (const [number, hash] of finalized) expect(u8aToHex(db.blockHashByNumber(number)!), `block #${number}`).toBe(hash)
        // Recent past states rebuild to their headers' roots.
        for (let number = Math.max(db.oldestState()!, head.number - 8); number <= head.number; number++) {
          const hash = db.blockHashByNumber(number)!
          const block = db.blockByHash(hash)!
          expect(u8aToHex(db.stateAt(hash)!.root()), `state of block #${number}`).toBe(u8aToHex(block.stateRoot))
          expect(blockHashOf(block.header)).toBe(u8aToHex(hash))
        }
        // Each block's parent is the block before it.
        for (let number = 1; number <= head.number; number++) {
          const header = db.blockByHash(db.blockHashByNumber(number)!)!.header
          expect(u8aToHex(header.subarray(0, 32))).toBe(u8aToHex(db.blockHashByNumber(number - 1)!))
        }
      } finally {
        db.close()
      }
    }

    // After the last kill the node still starts, and extends the chain it had.
    const node = await spawnDevnet(['--base-path', basePath, '--block-time', '50', '--rpc-port', '0', '--relay-port', '0'])
    const client = await RpcClient.connect(node.url)
    const heads = await client.subscribe<HeaderJson>('chain_subscribeNewHeads')
    const first = await heads.next()
    const next = await heads.next()
    expect(Number(next.number)).toBe(Number(first.number) + 1)
    expect(next.parentHash).toBe(hashOf(first))
    node.child.kill('SIGTERM')
    expect((await node.exited).code).toBe(0)
    await client.close().catch(() => {})
  }, 180_000)
})
