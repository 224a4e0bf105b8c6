// The explorer's latest blocks: which numbers are read for a best head, and how the per-block reads combine into one newest-first list.
import { describe, expect, test } from 'vitest'
import type { Block } from '../../chain/index.ts'
import { blockQueryKey, combineRecentBlocks, recentBlockNumbers } from './explorer.ts'

const block = (number: number) => ({ number, hash: `0x${String(number).padStart(64, '0')}` }) as Block

describe('recent blocks', () => {
  test('the newest `count` numbers at or below the best, fewer near genesis, none before the first head', () => {
    expect(recentBlockNumbers(100, 3)).toEqual([100, 99, 98])
    expect(recentBlockNumbers(1, 5)).toEqual([1, 0])
    expect(recentBlockNumbers(undefined, 5)).toEqual([])
  })

  test('a new head adds one key; the others are the cache entries already read', () => {
    const before = recentBlockNumbers(10, 3).map((at) => JSON.stringify(blockQueryKey({ network: 'devnet', at })))
    const after = recentBlockNumbers(11, 3).map((at) => JSON.stringify(blockQueryKey({ network: 'devnet', at })))
    expect(after.filter((k) => !before.includes(k))).toEqual([JSON.stringify(['block', { network: 'devnet', at: 11 }])])
  })

  test('combined newest first, complete once none is pending, the first failure in words', () => {
    const r = combineRecentBlocks(
      [
        { data: block(5), error: null, isPending: false, isError: false },
        { data: undefined, error: null, isPending: true, isError: false },
        { data: undefined, error: new Error('node went away'), isPending: false, isError: true },
      ],
      [5, 4, 3],
    )
    expect(r.blocks.map((b) => b.number)).toEqual([5])
    expect(r.byNumber.get(5)?.number).toBe(5)
    expect(r.complete).toBe(false)
    expect(r.error).toBe('node went away')
  })
})
