// The dense path (dense.ts, what runEpoch takes for sorted rows) against the sparse reference (runEpochReference, subtensor's steps on sparse rows) on seeded random subnets: every output field equal, over several epochs carrying bonds and permits.
import { describe, expect, test } from 'vitest'
import { denseCounts, divFloor } from './dense.ts'
import { runEpoch, runEpochReference, type EpochResult, type EpochState } from './runEpoch.ts'

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1
  return () => {
    s ^= s << 13
    s ^= s >>> 17
    s ^= s << 5
    return (s >>> 0) / 2 ** 32
  }
}

/** A random subnet: some validators (a few without permit, inactive or recently registered), sorted weight rows of random density, random hyperparameters. */
function randomState(seed: number, options: { yuma3: boolean; liquidAlpha: boolean }): EpochState {
  const random = rng(seed)
  const int = (k: number) => Math.floor(random() * k)
  const n = 2 + int(60)
  const validators = 1 + int(Math.min(n, 16))
  const density = random()
  const pick = <T,>(xs: T[]): T => xs[int(xs.length)]!
  const weights = Array.from({ length: n }, (_, i) => {
    if (i >= validators && random() < 0.9) return []
    const row: Array<[number, number]> = []
    for (let j = 0; j < n + (random() < 0.1 ? 3 : 0); j++) {
      if (random() < density) row.push([j, pick([0, 1, 65535, int(65536), int(65536), int(100)])])
    }
    return row
  })
  return {
    block: 10_000n,
    tempo: 100,
    activityCutoff: 5000n,
    kappa: pick([32_767, 0, 65_535, int(65536)]),
    bondsMovingAverage: pick([900_000n, 975_000n, 0n, 1_000_000n, BigInt(int(1_000_001))]),
    bondsPenalty: pick([65_535, 0, int(65536)]),
    liquidAlphaEnabled: options.liquidAlpha,
    alphaValues: pick<[number, number]>([[45_875, 58_982], [0, 65_535], [6_553, 6_553]]),
    alphaSigmoidSteepness: pick([1000, 10, 30_000, -1000, 0]),
    yuma3Enabled: options.yuma3,
    maxAllowedValidators: 1 + int(n),
    stakeThreshold: pick([0n, 1000n]),
    taoWeight: pick([0n, 971_718_665_099_567_868n]),
    lastMechanismStepBlock: pick([9_900n, 0n]),
    commitRevealEnabled: random() < 0.5,
    ownerUid: random() < 0.3 ? int(n) : undefined,
    neurons: Array.from({ length: n }, (_, i) => ({
      alphaStake: i < validators || random() < 0.2 ? BigInt(int(2 ** 40)) * pick([1n, 1000n, 0n]) : 0n,
      taoStake: random() < 0.5 ? BigInt(int(2 ** 40)) : 0n,
      lastUpdate: random() < 0.1 ? 1000n : 9_950n + BigInt(int(50)),
      blockAtRegistration: random() < 0.2 ? 9_900n + BigInt(int(200)) : BigInt(int(5000)),
      validatorPermit: i < validators ? random() < 0.9 : random() < 0.1,
      ...(random() < 0.2 ? { earliestCommitBlock: 9_800n + BigInt(int(300)) } : {}),
    })),
    weights,
    bonds: Array.from({ length: n }, () => []),
  }
}

const U64_MAX = (1n << 64n) - 1n

/** Plain data (materialises every bond row). */
const plain = (r: EpochResult) => JSON.parse(JSON.stringify(r, (_, v) => (typeof v === 'bigint' ? `${v}n` : v)))

/** Runs `epochs` epochs both ways, feeding each epoch's bonds and permits to the next; returns how many took the dense path's shapes. */
function crossCheck(seed: number, options: { yuma3: boolean; liquidAlpha: boolean }, epochs: number): void {
  let state = randomState(seed, options)
  for (let e = 0; e < epochs; e++) {
    // u64::MAX RAO: the emission fields then show every bit of the I32F32 shares, not just u16 proportions.
    const fast = runEpoch(state, U64_MAX)
    const slow = runEpochReference(state, U64_MAX)
    expect(plain(fast), `seed ${seed}, epoch ${e}`).toEqual(plain(slow))
    state = { ...state, block: state.block + 100n, bonds: fast.bonds, neurons: state.neurons.map((x, i) => ({ ...x, validatorPermit: fast.validatorPermit[i]! })) }
  }
}

describe('dense path = sparse reference on random subnets', () => {
  for (const [name, options] of [
    ['Yuma3', { yuma3: true, liquidAlpha: false }],
    ['Yuma3 + liquid alpha', { yuma3: true, liquidAlpha: true }],
    ['classic Yuma', { yuma3: false, liquidAlpha: false }],
  ] as const) {
    test(name, () => {
      const before = { ...denseCounts }
      for (let seed = 1; seed <= 150; seed++) crossCheck(seed * 7919 + (options.yuma3 ? 0 : 1) + (options.liquidAlpha ? 2 : 0), options, 3)
      // most epochs must have been dense ones (the others: no rows at all, or an EMA coefficient outside [0, 1])
      expect(denseCounts.taken - before.taken).toBeGreaterThan(300)
    })
  }

  test('unsorted rows fall back to the sparse path with the same result', () => {
    const state = randomState(42, { yuma3: true, liquidAlpha: true })
    const shuffled = { ...state, weights: state.weights.map((row) => [...row].reverse()) }
    const declined = denseCounts.declined
    expect(plain(runEpoch(shuffled, 10n ** 9n))).toEqual(plain(runEpochReference(shuffled, 10n ** 9n)))
    expect(denseCounts.declined).toBe(declined + 1)
  })

  test('bond rows read as plain arrays: indexing, writing, iteration, structured cloning', () => {
    const state = randomState(7, { yuma3: true, liquidAlpha: false })
    const first = runEpoch(state, 10n ** 9n)
    const r = runEpoch({ ...state, bonds: first.bonds }, 10n ** 9n)
    const copy = structuredClone(r.bonds)
    expect(copy).toEqual(r.bonds)
    expect(Array.isArray(r.bonds) && r.bonds.length).toBe(state.neurons.length)
    const uid = r.bonds.findIndex((row) => row.length > 0)
    if (uid >= 0) {
      r.bonds[uid]!.push([0, 0])
      expect(r.bonds[uid]!.at(-1)).toEqual([0, 0])
      r.bonds[uid] = []
      expect(r.bonds[uid]).toEqual([])
    }
  })
})

test('divFloor(x, y) = floor(x·2^32 / y) for 0 ≤ x ≤ y < 2^41, including quotients just below an integer', () => {
  const random = rng(99)
  const big = (k: number) => BigInt(Math.floor(random() * 2 ** k))
  const check = (x: bigint, y: bigint) => {
    const yh = Number(y >> 21n)
    const yl = Number(y & ((1n << 21n) - 1n))
    expect(divFloor(Number(x), Number(y), yh, yl), `${x} / ${y}`).toBe(Number((x << 32n) / y))
  }
  for (let t = 0; t < 20_000; t++) {
    const y = 1n + big(1 + Math.floor(random() * 40))
    const x = big(41) % (y + 1n)
    check(x, y)
    // x·2^32 = k·y − d for a small d: the float quotient rounds up to k
    const k = 1n + (big(32) % (1n << 32n))
    const d = 1n + big(3)
    const target = k * y - d
    if (target >= 0n && target % (1n << 32n) === 0n && target >> 32n <= y) check(target >> 32n, y)
    const x2 = (k * y) >> 32n // floor(k·y / 2^32): quotient just below k
    if (x2 <= y) check(x2, y)
  }
  // Exact quotients just below an integer k: y ≡ d·k⁻¹ (mod 2^32) makes k·y − x·2^32 = d for a small d.
  const M = 1n << 32n
  const inverse = (k: bigint) => {
    let [a, b, u, v] = [k, M, 1n, 0n]
    while (b !== 0n) {
      const q = a / b
      ;[a, b, u, v] = [b, a - q * b, v, u - q * v]
    }
    return ((u % M) + M) % M
  }
  for (let t = 0; t < 2000; t++) {
    const k = (big(32) | 1n) % M
    const d = 1n + big(10)
    const y = ((d * inverse(k)) % M) + (big(8) + 1n) * M
    const x = (k * y - d) / M
    expect(x * M + d).toBe(k * y)
    check(x, y)
  }
  check(0n, 1n)
  check(1n, 1n)
  check((1n << 41n) - 1n, (1n << 41n) - 1n)
  check((1n << 41n) - 2n, (1n << 41n) - 1n)
})
