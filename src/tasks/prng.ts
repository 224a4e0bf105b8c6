// Seeded pseudo-random numbers that every validator reproduces bit for bit: xoshiro128** seeded by a string hash.
//
// Only 32-bit integer ops (Math.imul, shifts, xor) and IEEE-754 basic arithmetic (+ − × ÷) are used, so the same seed
// gives the same numbers in every JavaScript engine — unlike Math.random, and unlike Math.sin/log/exp, whose last bits
// may differ between engines. Not cryptographic: the seed must stay secret until the challenge is sent, and nothing
// here protects it.

/** A seed: any string (a block hash, `"<netuid>/<block>/<uid>"`) or a non-negative safe integer (hashed as its decimal text). */
export type Seed = string | number

export interface Rng {
  /** The next 32-bit unsigned integer. */
  u32(): number
  /** Uniform on [0, 1), on a grid of 2⁻³². */
  float(): number
  /** Uniform integer in [0, n), without modulo bias; `n` between 1 and 2³². */
  int(n: number): number
  /** Uniform on [lo, hi). */
  uniform(lo: number, hi: number): number
  /**
   * Approximately standard normal: the sum of 12 uniforms minus 6 (Irwin–Hall). Mean 0, variance 1, tails cut at ±6.
   * Chosen over Box–Muller because it needs no Math.log/Math.cos, so it is identical on every engine.
   */
  normal(): number
}

/** The text a seed is hashed as; a numeric seed must be a non-negative safe integer. */
export function seedText(seed: Seed): string {
  if (typeof seed === 'string') return seed
  if (!Number.isSafeInteger(seed) || seed < 0) throw new RangeError(`a numeric seed must be a non-negative safe integer, got ${seed}`)
  return String(seed)
}

const rotl = (x: number, k: number) => (x << k) | (x >>> (32 - k))

/**
 * cyrb128-style string hash to four 32-bit words (the xoshiro128 state). UTF-16 code units are hashed, so the result
 * depends only on the string, never on the platform's text encoding.
 */
export function hashSeed(seed: Seed): [number, number, number, number] {
  const text = seedText(seed)
  let h1 = 0x6a09e667, h2 = 0xbb67ae85, h3 = 0x3c6ef372, h4 = 0xa54ff53a
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    h1 = h2 ^ Math.imul(h1 ^ c, 597399067)
    h2 = h3 ^ Math.imul(h2 ^ c, 2869860233)
    h3 = h4 ^ Math.imul(h3 ^ c, 951274213)
    h4 = h1 ^ Math.imul(h4 ^ c, 2716044179)
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067)
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233)
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213)
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179)
  h1 ^= h2 ^ h3 ^ h4
  h2 ^= h1
  h3 ^= h1
  h4 ^= h1
  // Mix once more with splitmix32 so that nearby seeds ("1", "2") start far apart.
  const mix = splitmix32(h1 ^ text.length)
  return [(h1 ^ mix()) >>> 0, (h2 ^ mix()) >>> 0, (h3 ^ mix()) >>> 0, (h4 ^ mix()) >>> 0]
}

/** splitmix32: a Weyl sequence through murmur3's finaliser. Used to spread a 32-bit value over more words. */
export function splitmix32(seed: number): () => number {
  let x = seed | 0
  return () => {
    x = (x + 0x9e3779b9) | 0
    let z = x
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
    return (z ^ (z >>> 16)) >>> 0
  }
}

/** xoshiro128** (Blackman & Vigna, 2018) from an explicit 128-bit state. An all-zero state is replaced by [1, 0, 0, 0]. */
export function xoshiro128ss(state: readonly [number, number, number, number]): Rng {
  let [s0, s1, s2, s3] = state.map((w) => w | 0) as [number, number, number, number]
  if ((s0 | s1 | s2 | s3) === 0) s0 = 1
  const u32 = () => {
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9)
    const t = s1 << 9
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = rotl(s3, 11)
    return result >>> 0
  }
  const float = () => u32() / 4294967296
  return {
    u32,
    float,
    int(n) {
      if (!Number.isInteger(n) || n < 1 || n > 4294967296) throw new RangeError(`int(n) needs an integer n in [1, 2^32], got ${n}`)
      const limit = 4294967296 - (4294967296 % n) // accept u < limit: a whole number of copies of [0, n)
      for (;;) {
        const u = u32()
        if (u < limit) return u % n
      }
    },
    uniform: (lo, hi) => lo + (hi - lo) * float(),
    normal() {
      let s = 0
      for (let i = 0; i < 12; i++) s += float()
      return s - 6
    },
  }
}

/** The generator for a seed, under a domain label so that different uses of one seed draw unrelated streams. */
export function createRng(seed: Seed, domain = ''): Rng {
  return xoshiro128ss(hashSeed(domain ? `${domain}\u0000${seedText(seed)}` : seedText(seed)))
}

/** Fisher–Yates shuffle of `items` in place, driven by `rng`; returns `items`. */
export function shuffleInPlace<T extends { length: number; [i: number]: unknown }>(items: T, rng: Rng): T {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(i + 1)
    const t = items[i]
    items[i] = items[j]
    items[j] = t
  }
  return items
}
