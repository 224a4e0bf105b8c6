// Commit-reveal planning with real block numbers: the epoch a block belongs to (SubnetEpochIndex with look-ahead), when to set, commit
// and reveal, and the commit hash — the runtime's, checked here against an independent SCALE encoding by @polkadot/types.
import { describe, expect, test } from 'vitest'
import { TypeRegistry } from '@polkadot/types'
import { blake2AsHex, cryptoWaitReady } from '@polkadot/util-crypto'
import { Keyring } from '@polkadot/keyring'
import { commitHash, epochAtBlock, firstBlockOfEpoch, makeCommit, nextEpochFireBlock, planWeights, randomSalt, type PendingCommit, type WeightsSchedule } from './commitReveal.ts'

// best block 100; the last epoch fired at 95 with tempo 10, so the next fires at 105, then 115, …; 9 epochs have run
const base: WeightsSchedule = { block: 100, tempo: 10, epochIndex: 9, lastEpochBlock: 95, pendingEpochAt: 0, commitRevealEnabled: true, revealPeriodEpochs: 1, weightsSetRateLimit: 0, lastUpdate: 0, commits: [] }
const ours = (hash: string): PendingCommit => ({ hash: hash as `0x${string}`, netuid: 2, uids: [2, 3], values: [65535, 30000], salt: [1, 2], versionKey: 0n })
const H1 = `0x${'11'.repeat(32)}` as const
const H2 = `0x${'22'.repeat(32)}` as const

describe('the epoch of a block', () => {
  test('fires at LastEpochBlock + tempo, then every tempo blocks; a block belongs to the epoch that fired at or before it', () => {
    expect(nextEpochFireBlock(base)).toBe(105)
    expect([101, 104, 105, 114, 115, 125].map((b) => epochAtBlock(base, b))).toEqual([9, 9, 10, 10, 11, 12])
    expect(firstBlockOfEpoch(base, 10)).toBe(105)
    expect(firstBlockOfEpoch(base, 11)).toBe(115)
    expect(firstBlockOfEpoch(base, 9)).toBeUndefined()
  })

  test('an overdue (deferred) epoch fires in the next block; an owner-triggered one at PendingEpochAt; tempo 0 never', () => {
    expect(epochAtBlock({ ...base, lastEpochBlock: 85 }, 101)).toBe(10)
    expect(nextEpochFireBlock({ ...base, pendingEpochAt: 103 })).toBe(103)
    expect(epochAtBlock({ ...base, pendingEpochAt: 103 }, 113)).toBe(11)
    expect(epochAtBlock({ ...base, tempo: 0 }, 1000)).toBe(9)
    expect(() => epochAtBlock(base, 100)).toThrow('block 100 is not after the best block 100')
  })
})

describe('planning', () => {
  test('commit-reveal off: set_weights when the rate limit allows, else the block it will', () => {
    const off = { ...base, commitRevealEnabled: false, weightsSetRateLimit: 10 }
    expect(planWeights(off, []).actions).toEqual([{ type: 'set_weights' }])
    const limited = planWeights({ ...off, lastUpdate: 95 }, [])
    expect(limited).toMatchObject({ actions: [], nextWeightsBlock: 105 })
    expect(limited.notes[0]).toBe('rate limited: the next weights may land in block 105 (WeightsSetRateLimit 10 after block 95)')
    expect(planWeights({ ...off, lastUpdate: 91 }, []).actions).toEqual([{ type: 'set_weights' }])
    expect(planWeights(off, [], { haveWeights: false }).actions).toEqual([])
  })

  test('commit-reveal on: commit, wait for the next epoch, reveal in it and commit again', () => {
    expect(planWeights(base, []).actions).toEqual([{ type: 'commit' }])
    // committed in epoch 9 at block 101: nothing more this epoch; the reveal window opens at 105
    const committed = { ...base, block: 102, lastUpdate: 101, commits: [{ hash: H1, epoch: 9, block: 101 }] }
    expect(planWeights(committed, [ours(H1)])).toMatchObject({ actions: [], epoch: 9, nextRevealBlock: 105, nextWeightsBlock: 105 })
    // block 104: the next block is 105, the first of epoch 10 — reveal, then commit for epoch 10
    const plan = planWeights({ ...committed, block: 104 }, [ours(H1)])
    expect(plan.actions).toEqual([{ type: 'reveal', commit: ours(H1), epoch: 9 }, { type: 'commit' }])
    // never revealed: at block 115 epochs 10 and 11 have fired, the commit has expired — forget it, commit anew
    const late = { ...committed, block: 115, epochIndex: 11, lastEpochBlock: 115 }
    expect(planWeights(late, [ours(H1)])).toMatchObject({ actions: [{ type: 'commit' }], epoch: 11, forget: [H1] })
    // revealed (the chain no longer holds it): forgotten too
    expect(planWeights({ ...late, commits: [] }, [ours(H1)]).forget).toEqual([H1])
  })

  test('RevealPeriodEpochs 2 reveals two epochs after the commit', () => {
    // block 108: epoch 10 fired at 105
    const s = { ...base, revealPeriodEpochs: 2, block: 108, epochIndex: 10, lastEpochBlock: 105, lastUpdate: 101, commits: [{ hash: H1, epoch: 9, block: 101 }] }
    expect(planWeights(s, [ours(H1)])).toMatchObject({ actions: [{ type: 'commit' }], nextRevealBlock: 115 })
    expect(planWeights({ ...s, block: 114 }, [ours(H1)]).actions[0]).toEqual({ type: 'reveal', commit: ours(H1), epoch: 9 })
  })

  test('the rate limit holds commits back; commits whose salt we lack are left to expire; at most 10 wait', () => {
    expect(planWeights({ ...base, weightsSetRateLimit: 100, lastUpdate: 50 }, [])).toMatchObject({ actions: [], nextWeightsBlock: 150 })
    const foreign = planWeights({ ...base, commits: [{ hash: H2, epoch: 9, block: 90 }] }, [])
    expect(foreign.actions).toEqual([])
    expect(foreign.notes).toContain('1 pending commit(s) on chain whose salt this validator does not hold (made elsewhere or before a restart): they will expire')
    const ten = Array.from({ length: 10 }, (_, i) => ({ hash: `0x${String(i).padStart(64, '0')}` as `0x${string}`, epoch: 8, block: 80 + i }))
    const full = planWeights({ ...base, commits: ten }, [])
    expect(full.actions).toEqual([])
    expect(full.notes).toContain('10 commits are waiting for their reveal (the chain holds at most 10)')
  })
})

describe('the commit hash', () => {
  test('is BlakeTwo256 of SCALE((hotkey, netuid, uids, values, salt, version_key)), as @polkadot/types encodes it', async () => {
    await cryptoWaitReady()
    const hotkey = new Keyring({ type: 'sr25519', ss58Format: 42 }).addFromUri('//Alice').address
    const registry = new TypeRegistry()
    const encoded = registry.createType('(AccountId, u16, Vec<u16>, Vec<u16>, Vec<u16>, u64)', [hotkey, 2, [3, 4], [65535, 1234], [7, 8, 9], 5]).toU8a()
    expect(commitHash(hotkey, 2, [3, 4], [65535, 1234], [7, 8, 9], 5n)).toBe(blake2AsHex(encoded, 256))
    const c = makeCommit(hotkey, { netuid: 2, uids: [3, 4], values: [65535, 1234], versionKey: 5n }, [7, 8, 9])
    expect(c.hash).toBe(blake2AsHex(encoded, 256))
    expect(() => makeCommit(hotkey, { netuid: 2, uids: [], values: [], versionKey: 0n }, [70_000])).toThrow('a salt is a list of u16s')
    expect(randomSalt()).toHaveLength(8)
  })
})
