import { describe, expect, test } from 'vitest'
import { MemoryStorage } from '../primitives/memoryStorage.ts'
import { OverlayStorage } from './overlay.ts'

const b = (...xs: number[]) => new Uint8Array(xs)

describe('overlay storage', () => {
  test('reads fall through; a failed layer leaves no trace; a kept one is visible', () => {
    const base = new MemoryStorage([[b(1), b(10)], [b(3), b(30)]])
    const o = new OverlayStorage(base)
    o.set(b(2), b(20))
    expect(() =>
      o.transactional(() => {
        o.set(b(1), null)
        o.set(b(4), b(40))
        expect(o.get(b(1))).toBeUndefined()
        throw new Error('dispatch failed')
      }),
    ).toThrow('dispatch failed')
    expect(o.get(b(1))).toEqual(b(10))
    expect(o.get(b(4))).toBeUndefined()
    o.transactional(() => o.set(b(3), null))
    expect(o.get(b(3))).toBeUndefined()
    expect([...o.changes().keys()]).toEqual(['0x02', '0x03'])
  })

  test('nextKey merges base and overlay, skipping deletions', () => {
    const base = new MemoryStorage([[b(1), b(1)], [b(3), b(3)], [b(5), b(5)]])
    const o = new OverlayStorage(base)
    o.set(b(2), b(2))
    o.set(b(3), null)
    o.begin()
    o.set(b(4), b(4))
    const walk: number[] = []
    for (let k = o.nextKey(b(0)); k; k = o.nextKey(k)) walk.push(k[0]!)
    expect(walk).toEqual([1, 2, 4, 5])
    o.rollback()
    walk.length = 0
    for (let k = o.nextKey(b(0)); k; k = o.nextKey(k)) walk.push(k[0]!)
    expect(walk).toEqual([1, 2, 5])
  })
})
