// Stake-weighted token buckets with an injected clock: burst, refill, and more requests for more stake.
import { describe, expect, test } from 'vitest'
import { RateLimiter } from './rateLimit.ts'
import { testClock } from './testing.ts'

const limit = { totalPerSecond: 100, minPerSecond: 2, burstSeconds: 1 }

function burst(limiter: RateLimiter, key: string, weight: number): number {
  let taken = 0
  while (limiter.take(key, weight)) taken++
  return taken
}

describe('RateLimiter', () => {
  test('a validator with no stake gets the floor; one with all of it, floor plus the whole budget', () => {
    const clock = testClock()
    const limiter = new RateLimiter(limit, clock.now)
    expect(limiter.rateFor(0)).toBe(2)
    expect(limiter.rateFor(1)).toBe(102)
    expect(limiter.rateFor(7)).toBe(102)
    expect(limiter.rateFor(Number.NaN)).toBe(2)
    expect(burst(limiter, 'small', 0)).toBe(2)
    expect(burst(limiter, 'big', 0.5)).toBe(52)
  })

  test('an empty bucket refills at the validator’s rate', () => {
    const clock = testClock()
    const limiter = new RateLimiter(limit, clock.now)
    expect(burst(limiter, 'v', 0.1)).toBe(12)
    clock.advance(250)
    expect(burst(limiter, 'v', 0.1)).toBe(3)
    clock.advance(10_000)
    expect(burst(limiter, 'v', 0.1)).toBe(12) // never above one burst
  })

  test('refuses a negative or infinite limit', () => {
    expect(() => new RateLimiter({ ...limit, minPerSecond: -1 })).toThrow('rate limit minPerSecond must be a finite number ≥ 0, got -1')
  })
})
