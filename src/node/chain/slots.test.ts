// The next block's timestamp and slot: wall clock when it can, the next free slot when blocks outrun slots, never backwards.
import { describe, expect, test } from 'vitest'
import { nextSlot } from './slots.ts'

const D = 12_000n

describe('next block timing', () => {
  test('the first block takes the wall clock and its slot', () => {
    expect(nextSlot({ now: 1_700_000_005_000n, parentTimestamp: 0n, parentSlot: undefined, slotDurationMs: D })).toEqual({
      timestamp: 1_700_000_005_000n,
      slot: 1_700_000_005_000n / D,
    })
  })

  test('a block a slot or more after its parent keeps the wall clock', () => {
    const parentTimestamp = 1_700_000_000_000n
    const now = parentTimestamp + 30_000n
    expect(nextSlot({ now, parentTimestamp, parentSlot: parentTimestamp / D, slotDurationMs: D })).toEqual({ timestamp: now, slot: now / D })
  })

  test('blocks faster than slots each take the next slot, with time at its start, and time never moves back', () => {
    let parentTimestamp = 1_700_000_011_999n
    let parentSlot = parentTimestamp / D
    const now = parentTimestamp + 1n
    for (let i = 0; i < 5; i++) {
      const { timestamp, slot } = nextSlot({ now, parentTimestamp, parentSlot, slotDurationMs: D })
      expect(slot).toBe(parentSlot + 1n)
      expect(timestamp / D).toBe(slot)
      expect(timestamp - parentTimestamp >= D / 2n).toBe(true)
      parentTimestamp = timestamp
      parentSlot = slot
    }
  })

  test('a wall clock behind the parent (time travelled, clock changed) still moves forward by at least MinimumPeriod', () => {
    const parentTimestamp = 1_800_000_000_000n
    const { timestamp, slot } = nextSlot({ now: 1_700_000_000_000n, parentTimestamp, parentSlot: parentTimestamp / D, slotDurationMs: D })
    expect(timestamp >= parentTimestamp + D / 2n).toBe(true)
    expect(slot).toBe(timestamp / D)
    expect(slot > parentTimestamp / D).toBe(true)
  })

  test('MinimumPeriod pushes a block into the next slot when it is due there', () => {
    // Parent early in its slot, now just after: half a slot later is still in the same slot, so the next slot is taken.
    const parentTimestamp = 100n * D + 100n
    const { timestamp, slot } = nextSlot({ now: parentTimestamp + 10n, parentTimestamp, parentSlot: 100n, slotDurationMs: D })
    expect({ timestamp, slot }).toEqual({ timestamp: 101n * D, slot: 101n })
  })
})
