// getHeader against a devnet: a known number and its hash give the same header; an unknown hash or a number beyond the best block is BlockNotFoundError.
import { afterAll, beforeAll, expect, test } from 'vitest'
import { startTestChain, type TestChain } from '../testing/devnet.ts'
import { BlockNotFoundError } from '../errors/input.ts'
import { getHeader } from './getHeader.ts'

let chain: TestChain
beforeAll(async () => {
  chain = await startTestChain()
  await chain.newBlocks(2)
}, 30_000)
afterAll(() => chain?.close())

test('by number, by hash and best agree; the parent is the block before', async () => {
  const best = await getHeader(chain.client)
  expect(best.number).toBeGreaterThanOrEqual(2)
  expect(await getHeader(chain.client, { at: best.hash })).toEqual(best)
  expect(await getHeader(chain.client, { at: best.number })).toEqual(best)
  expect((await getHeader(chain.client, { at: best.number - 1 })).hash).toBe(best.parentHash)
})

test('an unknown hash and a number beyond the best block are BlockNotFoundError', async () => {
  await expect(getHeader(chain.client, { at: `0x${'12'.repeat(32)}` })).rejects.toThrowError(BlockNotFoundError)
  await expect(getHeader(chain.client, { at: 1_000_000 })).rejects.toThrowError(BlockNotFoundError)
})
