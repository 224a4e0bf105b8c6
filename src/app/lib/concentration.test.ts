// Nakamoto coefficient and Gini on stake lists whose answers are known by hand.
import { describe, expect, test } from 'vitest'
import { gini, nakamotoCoefficient } from './concentration.ts'

describe('nakamotoCoefficient', () => {
  test.each([
    { stakes: [], expected: 0, why: 'no holders' },
    { stakes: [0n, 0n], expected: 0, why: 'no stake' },
    { stakes: [100n], expected: 1, why: 'one holder' },
    { stakes: [60n, 40n], expected: 1, why: 'a majority holder' },
    { stakes: [50n, 50n], expected: 2, why: 'exactly half is not more than half' },
    { stakes: [10n, 10n, 10n, 10n, 10n], expected: 3, why: 'five equal holders' },
    { stakes: [1n, 30n, 0n, 30n, 39n], expected: 2, why: 'order does not matter' },
  ])('$why → $expected', ({ stakes, expected }) => {
    expect(nakamotoCoefficient(stakes)).toBe(expected)
  })

  test("a 40% threshold", () => {
    expect(nakamotoCoefficient([10n, 10n, 10n, 10n, 10n, 10n], 0.4)).toBe(3)
  })

  test('stakes beyond 2^53 are summed exactly', () => {
    const big = 10n ** 30n
    expect(nakamotoCoefficient([big, big, 1n])).toBe(2)
    expect(nakamotoCoefficient([big + 2n, big])).toBe(1)
  })
})

describe('gini', () => {
  test.each([
    { stakes: [], expected: 0, why: 'no holders' },
    { stakes: [0n, 0n, 0n], expected: 0, why: 'no stake' },
    { stakes: [5n, 5n, 5n, 5n], expected: 0, why: 'all equal' },
    { stakes: [0n, 0n, 0n, 100n], expected: 0.75, why: 'one of four holds everything: (n−1)/n' },
    { stakes: [1n, 2n, 3n, 4n], expected: 0.25, why: '1,2,3,4' },
  ])('$why → $expected', ({ stakes, expected }) => {
    expect(gini(stakes)).toBeCloseTo(expected, 9)
  })

  test('stays within [0, 1) for RAO-sized stakes', () => {
    const stakes = Array.from({ length: 4096 }, (_, i) => BigInt(i) * 10n ** 18n)
    const g = gini(stakes)
    expect(g).toBeGreaterThan(0.33)
    expect(g).toBeLessThan(1)
  })
})
