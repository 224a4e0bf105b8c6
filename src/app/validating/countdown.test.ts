import { describe, expect, test } from 'vitest'
import type { WeightsSchedule } from '../../validator/commitReveal.ts'
import { weightsCountdown } from './countdown.ts'

const base: WeightsSchedule = { block: 103, tempo: 10, epochIndex: 5, lastEpochBlock: 100, pendingEpochAt: 0, commitRevealEnabled: true, revealPeriodEpochs: 1, weightsSetRateLimit: 0, lastUpdate: 0, commits: [] }

describe('the commit and reveal countdown', () => {
  test('with nothing committed, weights can go in the next block', () => {
    expect(weightsCountdown(base)).toMatchObject({ commitReveal: true, nextWeights: { block: 104, blocks: 1 }, reveals: [], nextEpochBlock: 110, notes: [] })
  })

  test('after a commit: the next commit waits for the next epoch, and the reveal opens with it', () => {
    const c = weightsCountdown({ ...base, commits: [{ hash: '0xaa', epoch: 5, block: 101 }] })
    expect(c.nextWeights).toEqual({ block: 110, blocks: 7 })
    expect(c.reveals).toEqual([{ hash: '0xaa', commitBlock: 101, revealEpoch: 6, state: 'waiting', block: 110, blocks: 7 }])
  })

  test('in the reveal epoch the reveal is open now; an epoch later it has expired', () => {
    const open = weightsCountdown({ ...base, block: 112, lastEpochBlock: 110, epochIndex: 6, commits: [{ hash: '0xaa', epoch: 5, block: 101 }] })
    expect(open.reveals[0]).toMatchObject({ state: 'open', block: 113, blocks: 1 })
    expect(open.nextWeights).toEqual({ block: 113, blocks: 1 })
    const expired = weightsCountdown({ ...base, block: 122, lastEpochBlock: 120, epochIndex: 7, commits: [{ hash: '0xaa', epoch: 5, block: 101 }] })
    expect(expired.reveals[0]).toMatchObject({ state: 'expired', block: undefined, blocks: undefined })
  })

  test('the rate limit delays the next weights and says so', () => {
    const c = weightsCountdown({ ...base, commitRevealEnabled: false, weightsSetRateLimit: 100, lastUpdate: 50 })
    expect(c.nextWeights).toEqual({ block: 150, blocks: 47 })
    expect(c.notes).toEqual(['rate limited: the next weights may land in block 150 (WeightsSetRateLimit 100 after block 50)'])
  })
})
