// Chart geometry and the incentive sentence, with small hand-checked numbers.
import { describe, expect, test } from 'vitest'
import { barLayout, summarizeIncentive } from './charts.ts'

describe('barLayout', () => {
  test('the largest value fills the height; bars share the width with a gap; zero has no height', () => {
    expect(barLayout([2, 1, 0], { width: 30, height: 10, gap: 2 })).toEqual([
      { x: 0, y: 0, width: 8, height: 10 },
      { x: 10, y: 5, width: 8, height: 5 },
      { x: 20, y: 10, width: 8, height: 0 },
    ])
  })
  test('nothing to draw, or all zero', () => {
    expect(barLayout([], { width: 10, height: 10 })).toEqual([])
    expect(barLayout([0, 0], { width: 10, height: 10 }).every((b) => b.height === 0)).toBe(true)
  })
})

describe('summarizeIncentive', () => {
  test('shares of the top UID and the top ten', () => {
    const s = summarizeIncentive([0.5, 0.25, 0, 0.125, 0.125])
    expect(s).toEqual({ earning: 4, total: 5, topShare: 0.5, topTenShare: 1 })
  })
  test('before any epoch: nobody earns', () => {
    expect(summarizeIncentive([0, 0, 0])).toEqual({ earning: 0, total: 3, topShare: 0, topTenShare: 0 })
  })
})
