// The fixed sets the reference models are measured on: the held-out split as is, and 2,000 augmented challenges (pure).

import { makeChallenge } from '../challenge.ts'
import type { DigitSet } from '../data.ts'
import { PIXELS } from '../schema.ts'

/** 16 challenges × 125 digits, seeds `webtensor/digits/eval/0` … `/15`: what a validator would send, frozen. */
export const CHALLENGE_EVAL = { seedPrefix: 'webtensor/digits/eval/', challenges: 16, size: 125 } as const

export type LabelledImages = { count: number; images: Float32Array; labels: Uint8Array }

export function challengeEvalSet(heldOut: DigitSet): LabelledImages {
  const { seedPrefix, challenges, size } = CHALLENGE_EVAL
  const count = challenges * size
  const images = new Float32Array(count * PIXELS)
  const labels = new Uint8Array(count)
  for (let k = 0; k < challenges; k++) {
    const c = makeChallenge(`${seedPrefix}${k}`, heldOut, { size })
    images.set(c.query.data, k * size * PIXELS)
    labels.set(c.expected.labels, k * size)
  }
  return { count, images, labels }
}
