// The replay cache: in-order and out-of-order nonces, replays, stale nonces, window moves and the validator cap.
import { describe, expect, test } from 'vitest'
import { ReplayCache } from './replay.ts'

describe('ReplayCache', () => {
  test('accepts increasing nonces and refuses each one a second time', () => {
    const cache = new ReplayCache({ window: 64 })
    for (const n of [1n, 2n, 5n, 100n]) expect(cache.accept('v', n)).toBe('ok')
    for (const n of [1n, 2n, 5n, 100n]) expect(cache.accept('v', n)).toBe(n === 1n || n === 2n || n === 5n ? 'StaleNonce' : 'Replayed')
  })

  test('accepts unseen nonces inside the window out of order, once', () => {
    const cache = new ReplayCache({ window: 64 })
    expect(cache.accept('v', 1000n)).toBe('ok')
    expect(cache.accept('v', 999n)).toBe('ok')
    expect(cache.accept('v', 937n)).toBe('ok')
    expect(cache.accept('v', 936n)).toBe('StaleNonce')
    expect(cache.accept('v', 999n)).toBe('Replayed')
    expect(cache.accept('v', 937n)).toBe('Replayed')
  })

  test('moving the window up forgets the bits of the nonces it passes over', () => {
    const cache = new ReplayCache({ window: 8 })
    expect(cache.accept('v', 10n)).toBe('ok')
    // 18 lands on 10's bit (18 mod 8 = 10 mod 8): 10 is now stale, 18 counts as seen, 11…17 are free.
    expect(cache.accept('v', 18n)).toBe('ok')
    expect(cache.accept('v', 10n)).toBe('StaleNonce')
    expect(cache.accept('v', 18n)).toBe('Replayed')
    for (let n = 11n; n < 18n; n++) expect(cache.accept('v', n)).toBe('ok')
    // A jump larger than the window clears everything.
    expect(cache.accept('v', 1_000_000n)).toBe('ok')
    expect(cache.accept('v', 999_999n)).toBe('ok')
  })

  test('validators are independent', () => {
    const cache = new ReplayCache()
    expect(cache.accept('a', 5n)).toBe('ok')
    expect(cache.accept('b', 5n)).toBe('ok')
    expect(cache.accept('a', 5n)).toBe('Replayed')
  })

  test('remembers at most maxValidators, forgetting the least recently seen', () => {
    const cache = new ReplayCache({ maxValidators: 2 })
    cache.accept('a', 1n)
    cache.accept('b', 1n)
    cache.accept('a', 2n)
    cache.accept('c', 1n)
    expect(cache.size).toBe(2)
    expect(cache.accept('a', 2n)).toBe('Replayed')
    expect(cache.accept('b', 1n)).toBe('ok') // forgotten
  })

  test('refuses a window that is not a positive multiple of 8', () => {
    expect(() => new ReplayCache({ window: 10 })).toThrow('the replay window must be a positive multiple of 8, got 10')
  })
})
