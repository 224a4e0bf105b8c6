// Random shift, rotation and noise for 28×28 digits, reproducible bit for bit in every engine (pure).
//
// sin/cos come from short Taylor polynomials (|angle| ≤ 0.5 rad here) rather than Math.sin/Math.cos, whose last bits
// are not specified by the language; with that, only + − × ÷, Math.floor and Math.fround are used, so a validator
// in Firefox and one in Node build the same challenge from the same seed.

import type { Rng } from '../prng.ts'
import { IMAGE_SIZE, PIXELS } from './schema.ts'

export type AugmentLimits = {
  /** Largest shift in pixels, along x and along y independently (uniform in ±maxShiftPx, sub-pixel). */
  maxShiftPx: number
  /** Largest rotation in degrees (uniform in ±maxRotationDeg, about the image centre). */
  maxRotationDeg: number
  /** Largest noise level: each image draws σ uniform in [0, maxNoiseSigma], then adds N(0, σ²) to every pixel. */
  maxNoiseSigma: number
}

/** The challenge distribution of the digits task. */
export const CHALLENGE_AUGMENTATION: AugmentLimits = { maxShiftPx: 2, maxRotationDeg: 12, maxNoiseSigma: 0.1 }

export type Augmentation = { dx: number; dy: number; angleRad: number; noiseSigma: number }

const MAX_ANGLE_RAD = 0.5

/** sin(x) for |x| ≤ 0.5 from its Taylor series to x¹⁵ (error below 1e-17). */
export function polySin(x: number): number {
  if (!(Math.abs(x) <= MAX_ANGLE_RAD)) throw new RangeError(`polySin is only accurate for |x| ≤ ${MAX_ANGLE_RAD}, got ${x}`)
  const x2 = x * x
  return x * (1 - (x2 / 6) * (1 - (x2 / 20) * (1 - (x2 / 42) * (1 - (x2 / 72) * (1 - (x2 / 110) * (1 - (x2 / 156) * (1 - x2 / 210)))))))
}

/** cos(x) for |x| ≤ 0.5 from its Taylor series to x¹⁶ (error below 1e-17). */
export function polyCos(x: number): number {
  if (!(Math.abs(x) <= MAX_ANGLE_RAD)) throw new RangeError(`polyCos is only accurate for |x| ≤ ${MAX_ANGLE_RAD}, got ${x}`)
  const x2 = x * x
  return 1 - (x2 / 2) * (1 - (x2 / 12) * (1 - (x2 / 30) * (1 - (x2 / 56) * (1 - (x2 / 90) * (1 - (x2 / 132) * (1 - (x2 / 182) * (1 - x2 / 240)))))))
}

/** Draw one image's transformation: dx, dy, angle, σ, in that order from `rng`. */
export function drawAugmentation(rng: Rng, limits: AugmentLimits): Augmentation {
  const dx = rng.uniform(-limits.maxShiftPx, limits.maxShiftPx)
  const dy = rng.uniform(-limits.maxShiftPx, limits.maxShiftPx)
  const angleRad = (rng.uniform(-limits.maxRotationDeg, limits.maxRotationDeg) * 3.141592653589793) / 180
  const noiseSigma = rng.uniform(0, limits.maxNoiseSigma)
  return { dx, dy, angleRad, noiseSigma }
}

/**
 * Write the transformed image `src[srcAt … srcAt+784)` to `dst[dstAt …)`: rotate by `angleRad` about the centre,
 * shift by (dx, dy) (bilinear sampling, ink outside the frame is 0), add N(0, σ²) noise drawn from `rng` pixel by
 * pixel in row order, clamp to [0, 1], round to float32.
 */
export function augmentDigit(src: Float32Array, srcAt: number, dst: Float32Array, dstAt: number, aug: Augmentation, rng: Rng): void {
  const size = IMAGE_SIZE // a local: imported bindings are slow in hot loops under tsx
  const c = (size - 1) / 2
  const cos = polyCos(aug.angleRad)
  const sin = polySin(aug.angleRad)
  const last = size - 1
  const at = (x: number, y: number) => (x < 0 || y < 0 || x > last || y > last ? 0 : (src[srcAt + y * size + x] as number))
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // Inverse map: which source point lands on (x, y)?
      const X = x - c - aug.dx
      const Y = y - c - aug.dy
      const sx = cos * X + sin * Y + c
      const sy = -sin * X + cos * Y + c
      const x0 = Math.floor(sx)
      const y0 = Math.floor(sy)
      const fx = sx - x0
      const fy = sy - y0
      let v =
        (1 - fy) * ((1 - fx) * at(x0, y0) + fx * at(x0 + 1, y0)) +
        fy * ((1 - fx) * at(x0, y0 + 1) + fx * at(x0 + 1, y0 + 1))
      if (aug.noiseSigma > 0) v += aug.noiseSigma * rng.normal()
      dst[dstAt + y * size + x] = Math.fround(v < 0 ? 0 : v > 1 ? 1 : v)
    }
  }
}

/** Convenience: draw an augmentation and apply it to one image; returns a new 784-pixel image. */
export function augmentOne(image: Float32Array, rng: Rng, limits: AugmentLimits = CHALLENGE_AUGMENTATION): Float32Array {
  const out = new Float32Array(PIXELS)
  augmentDigit(image, 0, out, 0, drawAugmentation(rng, limits), rng)
  return out
}
