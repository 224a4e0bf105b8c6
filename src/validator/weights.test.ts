// Scores → u16 weights: worked examples, the MinAllowedWeights padding and the lone self-weight, the MaxWeightsLimit cap, and every
// vector produced for hundreds of seeded random cases accepted by the devnet runtime's own set_weights.
import { describe, expect, test } from 'vitest'
import type { DispatchContext } from '../runtime/framework/dispatch.ts'
import { account, newTestExt } from '../runtime/testing/ext.ts'
import { appendNeuron } from '../runtime/pallets/subtensor/registration/neurons.ts'
import { CommitRevealWeightsEnabled, MinAllowedWeights, WeightsSetRateLimit, WeightsVersionKey } from '../runtime/pallets/subtensor/storage/hyperparams.ts'
import { ValidatorPermit } from '../runtime/pallets/subtensor/storage/neurons.ts'
import { SubnetworkN } from '../runtime/pallets/subtensor/storage/subnets.ts'
import { checkVecMaxLimited, maxUpscale } from '../runtime/pallets/subtensor/weights/upscale.ts'
import { createRng } from '../tasks/prng.ts'
import { checkWeightsVector, weightsFromScores, type WeightsLimits } from './weights.ts'

const limits = (o: Partial<WeightsLimits> = {}): WeightsLimits => ({ selfUid: 1, subnetN: 6, minAllowedWeights: 1, maxWeightsLimit: 65535, versionKey: 0n, ...o })

describe('weights from scores', () => {
  test('max-upscaled so the best miner has 65535, sorted by UID, the validator itself and non-positive scores left out', () => {
    const v = weightsFromScores([{ uid: 3, score: 0.5 }, { uid: 2, score: 0.98 }, { uid: 1, score: 0.9 }, { uid: 4, score: 0 }, { uid: 5, score: 0.49 }], limits({ versionKey: 7n }))
    expect(v).toMatchObject({ uids: [2, 3, 5], values: [65535, Math.round((0.5 / 0.98) * 65535), Math.round((0.49 / 0.98) * 65535)], versionKey: 7n, kind: 'scores' })
    expect(v.values[1]).toBe(33436)
  })

  test('fewer miners than MinAllowedWeights: padded with zero weights on other UIDs, lowest first, the validator last', () => {
    const v = weightsFromScores([{ uid: 4, score: 0.8 }], limits({ minAllowedWeights: 4 }))
    expect(v).toMatchObject({ uids: [0, 2, 3, 4], values: [0, 0, 0, 65535], kind: 'padded' })
    expect(v.note).toBe('1 miners weighted by their moving scores, padded with 3 zero weights to MinAllowedWeights 4')
    // min(MinAllowedWeights, SubnetworkN): on a 3-UID subnet every UID, the validator's own included
    expect(weightsFromScores([{ uid: 2, score: 1 }], limits({ subnetN: 3, minAllowedWeights: 1024 }))).toMatchObject({ uids: [0, 1, 2], values: [0, 0, 65535] })
  })

  test('nobody scored: a lone weight on the validator itself, which subtensor accepts whatever MinAllowedWeights says', () => {
    const v = weightsFromScores([{ uid: 2, score: 0 }, { uid: 9, score: 1 }], limits({ minAllowedWeights: 5 }))
    expect(v).toMatchObject({ uids: [1], values: [65535], kind: 'self' })
    expect(checkWeightsVector(v, limits({ minAllowedWeights: 5 }))).toEqual({ ok: true })
  })

  test('MaxWeightsLimit caps each weight’s share (the excess spread over the others), as check_vec_max_limited checks it', () => {
    const l = limits({ maxWeightsLimit: 26214 }) // 40 %
    const v = weightsFromScores([{ uid: 2, score: 1 }, { uid: 3, score: 0.1 }, { uid: 4, score: 0.1 }, { uid: 5, score: 0.05 }], l)
    expect(checkVecMaxLimited(maxUpscale(v.values), 26214)).toBe(true)
    const total = v.values.reduce((a, b) => a + b, 0)
    expect(v.values[0]! / total).toBeLessThanOrEqual(26214 / 65535)
    expect(v.values[0]! / total).toBeGreaterThan(0.39)
    // two miners cannot each stay under 40 %: the self-weight instead
    expect(weightsFromScores([{ uid: 2, score: 1 }, { uid: 3, score: 1 }], l)).toMatchObject({ kind: 'self', note: expect.stringContaining('MaxWeightsLimit 26214/65535 cannot be met') })
  })

  test('the chain’s checks, each refusal named', () => {
    const l = limits({ minAllowedWeights: 2, versionKey: 3n })
    expect(checkWeightsVector({ uids: [2, 3], values: [1], versionKey: 3n }, l)).toMatchObject({ ok: false, error: 'WeightVecNotEqualSize' })
    expect(checkWeightsVector({ uids: [2, 3], values: [1, 1], versionKey: 2n }, l)).toMatchObject({ ok: false, error: 'IncorrectWeightVersionKey', reason: "version key 2 is below the subnet's 3" })
    expect(checkWeightsVector({ uids: [2, 2], values: [1, 1], versionKey: 3n }, l)).toMatchObject({ ok: false, error: 'DuplicateUids' })
    expect(checkWeightsVector({ uids: [2, 6], values: [1, 1], versionKey: 3n }, l)).toMatchObject({ ok: false, error: 'UidVecContainInvalidOne', reason: 'UID 6 is not on a subnet of 6 UIDs' })
    expect(checkWeightsVector({ uids: [2], values: [1], versionKey: 3n }, l)).toMatchObject({ ok: false, error: 'WeightVecLengthIsLow' })
    expect(checkWeightsVector({ uids: [1], values: [1], versionKey: 3n }, l)).toEqual({ ok: true })
  })

  test('limits that make no sense are refused in words', () => {
    expect(() => weightsFromScores([], limits({ selfUid: 6 }))).toThrow("the validator's UID 6 is not on a subnet of 6 UIDs")
  })
})

describe('every vector weightsFromScores makes is accepted by the runtime’s set_weights', () => {
  test('seeded random subnets, scores and hyperparameters', () => {
    const rng = createRng('webtensor/validator/weights-test')
    let accepted = 0
    for (let n = 1; n <= 12; n++) {
      const ext = newTestExt()
      const s = ext.storage
      const ctx = { storage: s } as DispatchContext
      const netuid = 1 // genesis: the zero account holds UID 0
      for (let i = 1; i < n; i++) appendNeuron(ctx, netuid, account(i), 1n)
      expect(SubnetworkN.get(s, netuid)).toBe(n)
      CommitRevealWeightsEnabled.set(s, netuid, false)
      WeightsSetRateLimit.set(s, netuid, 0n)
      for (let round = 0; round < 30; round++) {
        const selfUid = n === 1 ? 0 : 1 + rng.int(n - 1)
        const self = selfUid === 0 ? `0x${'00'.repeat(32)}` : account(selfUid)
        ValidatorPermit.set(s, netuid, Array.from({ length: n }, (_, uid) => uid === selfUid))
        const minAllowedWeights = [0, 1, 2, 3, 8, 1024][rng.int(6)]!
        const versionKey = BigInt(rng.int(3))
        MinAllowedWeights.set(s, netuid, minAllowedWeights)
        WeightsVersionKey.set(s, netuid, versionKey)
        const scores = Array.from({ length: rng.int(n + 3) }, () => ({ uid: rng.int(n + 2), score: rng.float() < 0.2 ? 0 : rng.float() ** 3 }))
        const v = weightsFromScores(scores, { selfUid, subnetN: n, minAllowedWeights, maxWeightsLimit: 65535, versionKey })
        const outcome = ext.call(self as never, 'SubtensorModule', 'set_weights', { netuid, dests: v.uids, weights: v.values, versionKey: v.versionKey })
        expect(outcome, `n=${n} self=${selfUid} min=${minAllowedWeights} scores=${JSON.stringify(scores)} → ${JSON.stringify({ ...v, versionKey: String(v.versionKey) })}`).toMatchObject({ ok: true })
        accepted++
      }
    }
    expect(accepted).toBe(360)
  })
})
