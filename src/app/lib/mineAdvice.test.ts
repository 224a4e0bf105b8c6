// "Should I mine here?" with hand-made subnets: free slots, a full subnet with immune and non-immune UIDs, nobody earning.
import { describe, expect, test } from 'vitest'
import { mineAdvice, perDay } from './mineAdvice.ts'

const row = (uid: number, emission: bigint, incentive: number, immunityLeft = 0, validatorPermit = false, blockAtRegistration = uid) => ({
  uid,
  emission,
  incentive,
  immunityLeft,
  validatorPermit,
  blockAtRegistration,
})

describe('mineAdvice', () => {
  test('free slots: nobody is pruned; burn and immunity in blocks and hours', () => {
    const a = mineAdvice({ burn: 10n ** 9n, immunityPeriod: 5000, numUids: 3, maxUids: 256, neurons: [row(0, 0n, 0, 0, true), row(1, 5n, 0.5), row(2, 0n, 0)] })
    expect(a).toMatchObject({ freeSlots: 253, pruneNext: undefined, immunityBlocks: 5000, immunitySeconds: 60_000, miners: 2, earningMiners: 1, medianMinerEmission: 5n })
    expect(a.notes).toEqual(['253 UIDs are free: registering takes one and prunes nobody.', '1 of 2 miners earn incentive.'])
  })

  test('full: the lowest-emission non-immune UID is pruned next (earliest registered on ties); immune UIDs are skipped', () => {
    const neurons = [row(0, 900n, 0, 0, true), row(1, 30n, 0.3, 0, false, 50), row(2, 10n, 0.1, 0, false, 40), row(3, 10n, 0.1, 0, false, 20), row(4, 0n, 0, 100)]
    const a = mineAdvice({ burn: 1n, immunityPeriod: 10, numUids: 5, maxUids: 5, neurons })
    expect(a.pruneNext).toEqual({ uid: 3, emission: 10n, immune: false })
    // the owner's hotkey is never the one pruned, however little it earns
    expect(mineAdvice({ burn: 1n, immunityPeriod: 10, numUids: 2, maxUids: 2, neurons: [{ ...row(0, 0n, 0), immortal: true }, row(1, 5n, 0.1)] }).pruneNext).toEqual({ uid: 1, emission: 5n, immune: false })
    expect(a.medianMinerEmission).toBe(10n)
    expect(a.notes[0]).toMatch(/^The subnet is full: registering prunes UID 3/)
  })

  test('full and all immune; and a subnet where no miner earns says expected earnings are zero', () => {
    expect(mineAdvice({ burn: 1n, immunityPeriod: 10, numUids: 2, maxUids: 2, neurons: [row(0, 3n, 0, 5), row(1, 0n, 0, 7)] }).notes).toEqual([
      'The subnet is full and every UID is still immune: registering prunes UID 1, the lowest-earning immune one.',
      'No miner here earns incentive yet: validators have not set weights, so expected earnings are zero for now.',
    ])
  })
})

describe('perDay', () => {
  test('360-block tempo at 12 s: 20 epochs a day', () => {
    expect(perDay(5n * 10n ** 9n, 360)).toBe(100n * 10n ** 9n)
    expect(perDay(1n, 0)).toBe(0n)
  })
})
