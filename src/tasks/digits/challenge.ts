// Seeded digits challenges: the same seed gives every validator the same batch of augmented held-out digits (pure).
//
// From the seed (under the domain CHALLENGE_DOMAIN) one xoshiro128** stream draws, in order:
//   1. which held-out digits: `size` distinct positions, by a partial Fisher–Yates shuffle of 0…heldOut.count−1;
//   2. for each chosen digit in turn: its shift, rotation and noise level, then its noise, pixel by pixel.
// The query (the images) goes to the miner; the expected labels stay with the validator.

import { createRng, type Seed } from '../prng.ts'
import { augmentDigit, CHALLENGE_AUGMENTATION, drawAugmentation, type AugmentLimits } from './augment.ts'
import type { DigitSet } from './data.ts'
import { IMAGE_SIZE, MAX_BATCH, PIXELS, type DigitsQuery } from './schema.ts'

export const CHALLENGE_DOMAIN = 'webtensor/digits/challenge/v1'
export const DEFAULT_CHALLENGE_SIZE = 64

export type DigitsChallengeOptions = { size?: number; augmentation?: AugmentLimits }

export type DigitsExpected = {
  labels: Uint8Array
  /** Positions in the held-out set of the digits used, for audits. */
  heldOutIndex: Uint32Array
}

export type DigitsChallenge = { query: DigitsQuery; expected: DigitsExpected }

export function makeChallenge(seed: Seed, heldOut: DigitSet, options: DigitsChallengeOptions = {}): DigitsChallenge {
  const size = options.size ?? DEFAULT_CHALLENGE_SIZE
  const limits = options.augmentation ?? CHALLENGE_AUGMENTATION
  if (!Number.isInteger(size) || size < 1 || size > MAX_BATCH) throw new RangeError(`challenge size ${size} must be a whole number from 1 to ${MAX_BATCH}`)
  if (size > heldOut.count) throw new RangeError(`challenge size ${size} is larger than the ${heldOut.count} held-out digits`)
  const rng = createRng(seed, CHALLENGE_DOMAIN)

  // 1. distinct held-out positions (partial Fisher–Yates over a sparse swap map: no 2,000-entry array per challenge)
  const swapped = new Map<number, number>()
  const heldOutIndex = new Uint32Array(size)
  for (let i = 0; i < size; i++) {
    const j = i + rng.int(heldOut.count - i)
    const vj = swapped.get(j) ?? j
    swapped.set(j, swapped.get(i) ?? i)
    heldOutIndex[i] = vj
  }

  // 2. augment each one
  const data = new Float32Array(size * PIXELS)
  const labels = new Uint8Array(size)
  for (let k = 0; k < size; k++) {
    const i = heldOutIndex[k] as number
    labels[k] = heldOut.labels[i] as number
    augmentDigit(heldOut.images, i * PIXELS, data, k * PIXELS, drawAugmentation(rng, limits), rng)
  }
  return { query: { data, dims: [size, 1, IMAGE_SIZE, IMAGE_SIZE] }, expected: { labels, heldOutIndex } }
}
