// Price history from the blocks seen: one point per subnet per block, bounded, subnets that vanish dropped.
import { describe, expect, test } from 'vitest'
import { HISTORY_LENGTH, appendPrices } from './heads.ts'

const read = (block: number, prices: Record<number, number>) => ({
  block: { number: block, hash: '0x00' as const },
  subnets: Object.entries(prices).map(([netuid, tao]) => ({ netuid: Number(netuid), price: { rao: 0n, tao } })) as never,
})

describe('appendPrices', () => {
  test('one point per block; a repeated or older block adds nothing', () => {
    let h = appendPrices(undefined, read(5, { 0: 1, 1: 0.5 }))
    h = appendPrices(h, read(6, { 0: 1, 1: 0.6 }))
    h = appendPrices(h, read(6, { 0: 1, 1: 0.7 }))
    expect(h[1]).toEqual([
      { block: 5, price: 0.5 },
      { block: 6, price: 0.6 },
    ])
  })
  test('bounded, and a subnet no longer listed is dropped', () => {
    let h = appendPrices(undefined, read(1, { 1: 1, 2: 1 }))
    for (let b = 2; b < HISTORY_LENGTH + 20; b++) h = appendPrices(h, read(b, { 1: b }))
    expect(h[1]).toHaveLength(HISTORY_LENGTH)
    expect(h[1]!.at(-1)).toEqual({ block: HISTORY_LENGTH + 19, price: HISTORY_LENGTH + 19 })
    expect(h[2]).toBeUndefined()
  })
})
