import { describe, expect, test } from 'vitest'
import { previewWeightsFor, storedRow } from './preview.ts'

const limits = { selfUid: 0, subnetN: 4, minAllowedWeights: 1, maxWeightsLimit: 65535, versionKey: 0n }

describe('the weights the preview puts in this validator’s row', () => {
  test('a pending commit wins over the moving scores, max-upscaled as the chain stores it', () => {
    expect(previewWeightsFor({ uids: [1, 2], values: [100, 50] }, [{ uid: 3, score: 1 }], limits)).toEqual({ row: [[1, 65535], [2, 32768]], source: 'commit' })
  })
  test('without one, what the loop would commit from the moving scores; nothing without scores', () => {
    const p = previewWeightsFor(undefined, [{ uid: 1, score: 0.9 }, { uid: 2, score: 0.45 }, { uid: 0, score: 1 }], limits)
    expect(p).toEqual({ row: [[1, 65535], [2, 32768]], source: 'scores' })
    expect(previewWeightsFor(undefined, [{ uid: 1, score: 0 }], limits)).toBeUndefined()
    expect(storedRow([1], [0])).toEqual([])
  })
})
