// The digits task end to end: challenge → miner → score, for an honest model and for miners that try to cheat.

import { describe, expect, test } from 'vitest'
import { readFileSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { createRng } from '../prng.ts'
import { digitsTask } from './index.ts'
import { loadDigitsSplit, loadMnist } from './loadMnist.ts'
import { loadOrtDigitsModel, runOrt, type OrtDigitsModel } from './reference/ort.ts'
import type { DigitsQuery } from './schema.ts'

const { heldOut } = loadDigitsSplit()
const SEEDS = ['netuid 1 / block 100 / uid 0', 'netuid 1 / block 100 / uid 1', 'netuid 1 / block 101 / uid 0', 'netuid 1 / block 101 / uid 1']

type Miner = (query: DigitsQuery) => Promise<unknown>

/** Mean score over the four seeded 64-digit challenges (256 digits). */
async function meanScore(miner: Miner, augmented = true): Promise<number> {
  let total = 0
  for (const seed of SEEDS) {
    const { query, expected } = augmented
      ? digitsTask.challenge(seed, heldOut)
      : digitsTask.challenge(seed, heldOut, { augmentation: { maxShiftPx: 0, maxRotationDeg: 0, maxNoiseSigma: 0 } })
    expect(digitsTask.checkQuery(query).ok).toBe(true)
    const answer = await miner(query)
    total += digitsTask.score(answer, expected).score
  }
  return total / SEEDS.length
}

const oneHot = (labels: number[]) => {
  const data = new Float32Array(labels.length * 10)
  labels.forEach((l, r) => (data[r * 10 + l] = 1))
  return { data, dims: [labels.length, 10] }
}

/** A memoriser: every digit in the mnist package (training AND held-out: the package is public) → its label. */
function lookupTableMiner(): Miner {
  const all = loadMnist()
  const key = (img: Float32Array) => createHash('sha1').update(new Uint8Array(img.buffer, img.byteOffset, img.byteLength)).digest('hex')
  const table = new Map<string, number>()
  for (let i = 0; i < all.count; i++) table.set(key(all.images.subarray(i * 784, (i + 1) * 784)), all.labels[i] as number)
  return async (q) => {
    const n = q.dims[0]
    // unknown image → the most common digit in the data set (1)
    return oneHot(Array.from({ length: n }, (_, k) => table.get(key(q.data.subarray(k * 784, (k + 1) * 784))) ?? 1))
  }
}

/** A smarter memoriser: the label of the nearest (squared distance) digit in the whole mnist package. */
function nearestNeighbourMiner(): Miner {
  const all = loadMnist()
  const images = all.images
  return async (q) => {
    const n = q.dims[0]
    const labels: number[] = []
    for (let k = 0; k < n; k++) {
      const o = k * 784
      let best = Infinity
      let label = 0
      for (let i = 0; i < all.count; i++) {
        const b = i * 784
        let d = 0
        for (let p = 0; p < 784 && d < best; p++) {
          const t = (q.data[o + p] as number) - (images[b + p] as number)
          d += t * t
        }
        if (d < best) {
          best = d
          label = all.labels[i] as number
        }
      }
      labels.push(label)
    }
    return oneHot(labels)
  }
}

function modelMiner(model: OrtDigitsModel): Miner {
  return async (q) => ({ data: await runOrt(model, q.data, q.dims[0]), dims: [q.dims[0], 10] })
}

describe('digits task', () => {
  test('is the Task the miner and validator share', () => {
    expect(digitsTask.id).toBe('digits')
    const { query, expected } = digitsTask.challenge('seed', heldOut, { size: 3 })
    expect(digitsTask.checkQuery(query).ok).toBe(true)
    expect(digitsTask.checkAnswer(oneHot([...expected.labels]), query).ok).toBe(true)
    expect(digitsTask.score(oneHot([...expected.labels]), expected)).toEqual({ ok: true, score: 1 })
    expect(digitsTask.score({ data: new Float32Array(2), dims: [1, 2] }, expected)).toMatchObject({ ok: false, score: 0 })
  })

  test('a lookup table of the data set scores badly on augmented challenges; the committed CNN scores well', async () => {
    const lookup = lookupTableMiner()
    const cnn = modelMiner(await loadOrtDigitsModel(readFileSync(new URL('../../../public/models/digits-cnn.onnx', import.meta.url))))

    // Without augmentation the lookup table would be perfect: that is why challenges are augmented.
    expect(await meanScore(lookup, false)).toBe(1)

    const lookupScore = await meanScore(lookup)
    const cnnScore = await meanScore(cnn)
    expect(lookupScore).toBeLessThan(0.2) // it recognises no image, so it scores the share of 1s (0.09 here)
    expect(cnnScore).toBeGreaterThan(0.9)
    expect(cnnScore - lookupScore).toBeGreaterThan(0.7)
  }, 60_000)

  test('a nearest-neighbour search over all 10,000 digits (held-out originals included) does better than a lookup table but clearly worse than the CNN', async () => {
    const cnn = modelMiner(await loadOrtDigitsModel(readFileSync(new URL('../../../public/models/digits-cnn.onnx', import.meta.url))))
    const nearest = await meanScore(nearestNeighbourMiner())
    // measured on these 256 digits (fixed seeds, so deterministic): nearest neighbour 0.75, CNN 0.92, lookup table 0.09
    expect(nearest).toBeGreaterThan(0.5)
    expect((await meanScore(cnn)) - nearest).toBeGreaterThan(0.1)
  }, 120_000)

  test('random answers score about chance; NaN answers are refused and score 0', async () => {
    const rng = createRng('garbage')
    const random: Miner = async (q) => ({ data: Float32Array.from({ length: q.dims[0] * 10 }, () => rng.float()), dims: [q.dims[0], 10] })
    expect(await meanScore(random)).toBeLessThan(0.2)
    const nan: Miner = async (q) => ({ data: new Float32Array(q.dims[0] * 10).fill(Number.NaN), dims: [q.dims[0], 10] })
    expect(await meanScore(nan)).toBe(0)
  })
})
