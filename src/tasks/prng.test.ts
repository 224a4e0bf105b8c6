import { describe, expect, test } from 'vitest'
import { createRng, hashSeed, shuffleInPlace, splitmix32, xoshiro128ss } from './prng.ts'

describe('xoshiro128**', () => {
  test('matches the reference algorithm from state [1, 2, 3, 4] (values worked out by hand from the C code)', () => {
    // result = rotl(s1 * 5, 7) * 9: s1 = 2 → 11520; then s1 = 0 → 0; then s1 = 1029 → 5927040
    const rng = xoshiro128ss([1, 2, 3, 4])
    expect([rng.u32(), rng.u32(), rng.u32()]).toEqual([11520, 0, 5927040])
  })

  test('the same seed gives the same stream; another seed or another domain gives another', () => {
    const take = (rng: ReturnType<typeof createRng>) => Array.from({ length: 8 }, () => rng.u32())
    expect(take(createRng('block 0xabc / uid 3'))).toEqual(take(createRng('block 0xabc / uid 3')))
    expect(take(createRng('block 0xabc / uid 3'))).not.toEqual(take(createRng('block 0xabc / uid 4')))
    expect(take(createRng('s', 'a'))).not.toEqual(take(createRng('s', 'b')))
    expect(take(createRng(42))).toEqual(take(createRng('42')))
  })

  test('pins the first outputs for a string seed, so a change to seeding shows up here before it splits validators', () => {
    expect(hashSeed('webtensor').join(' ')).toMatchInlineSnapshot(`"2661433753 2967839881 2253999284 3491315163"`)
    const rng = createRng('webtensor')
    expect(Array.from({ length: 4 }, () => rng.u32()).join(' ')).toMatchInlineSnapshot(`"787877002 2984831812 3467694014 4258623867"`)
  })

  test('nearby seeds start far apart', () => {
    const a = hashSeed('1')
    const b = hashSeed('2')
    const differingBits = a.reduce((n, w, i) => n + popcount((w ^ (b[i] as number)) >>> 0), 0)
    expect(differingBits).toBeGreaterThan(40) // of 128; ~64 expected
  })

  test('refuses numeric seeds that are not non-negative safe integers', () => {
    expect(() => createRng(-1)).toThrow(/non-negative safe integer/)
    expect(() => createRng(1.5)).toThrow(/non-negative safe integer/)
    expect(() => createRng(2 ** 60)).toThrow(/non-negative safe integer/)
  })

  test('float is in [0, 1) with mean ½; int(n) stays in range and is close to uniform', () => {
    const rng = createRng('stats')
    let sum = 0
    for (let i = 0; i < 100_000; i++) {
      const f = rng.float()
      expect(f >= 0 && f < 1).toBe(true)
      sum += f
    }
    expect(sum / 100_000).toBeCloseTo(0.5, 2)
    const counts = new Array(7).fill(0)
    for (let i = 0; i < 70_000; i++) counts[rng.int(7)]++
    // chi-square with 6 degrees of freedom: 22.5 is the 0.999 quantile
    const chi2 = counts.reduce((s, c) => s + (c - 10_000) ** 2 / 10_000, 0)
    expect(chi2).toBeLessThan(22.5)
    expect(() => rng.int(0)).toThrow(/integer n/)
  })

  test('normal() has mean 0, variance 1 and stays within ±6', () => {
    const rng = createRng('normal')
    let s = 0
    let s2 = 0
    for (let i = 0; i < 50_000; i++) {
      const z = rng.normal()
      expect(Math.abs(z)).toBeLessThanOrEqual(6)
      s += z
      s2 += z * z
    }
    expect(s / 50_000).toBeCloseTo(0, 1)
    expect(s2 / 50_000).toBeCloseTo(1, 1)
  })

  test('an all-zero state still produces numbers', () => {
    const rng = xoshiro128ss([0, 0, 0, 0])
    expect(new Set(Array.from({ length: 10 }, () => rng.u32())).size).toBeGreaterThan(5)
  })
})

test('splitmix32 spreads consecutive seeds', () => {
  expect(splitmix32(0)()).not.toBe(splitmix32(1)())
})

test('shuffleInPlace is a seeded permutation', () => {
  const a = shuffleInPlace(Array.from({ length: 50 }, (_, i) => i), createRng('p'))
  const b = shuffleInPlace(Array.from({ length: 50 }, (_, i) => i), createRng('p'))
  expect(a).toEqual(b)
  expect([...a].sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i))
  expect(a).not.toEqual(Array.from({ length: 50 }, (_, i) => i))
})

function popcount(x: number): number {
  let n = 0
  for (; x; x &= x - 1) n++
  return n
}
