// worst case: 4096 UIDs × 256 validators, dense weights — runEpoch (Yuma3 with bonds carried between epochs, and liquid alpha; classic Yuma) against, in the same run, one pass over the same weight matrix (the floor) and a plain float64 consensus step. Goal: ≤ 20 ms median at 4096 × 256.
//
// Run: npx tsx bench/epoch.bench.ts

import { runEpoch, type EpochState } from '../src/runtime/epoch.ts'

const SIZES: Array<{ uids: number; validators: number }> = [
  { uids: 256, validators: 64 },
  { uids: 4096, validators: 256 },
]
const MIN_SAMPLES = 7
const BUDGET_MS = 6_000 // per measured figure

let seed = 0x9e3779b9
function random(): number {
  seed ^= seed << 13
  seed ^= seed >>> 17
  seed ^= seed << 5
  return (seed >>> 0) / 2 ** 32
}

type Variant = { name: string; yuma3Enabled: boolean; liquidAlphaEnabled: boolean }
const VARIANTS: Variant[] = [
  { name: 'Yuma3', yuma3Enabled: true, liquidAlphaEnabled: false },
  { name: 'Yuma3 + liquid alpha', yuma3Enabled: true, liquidAlphaEnabled: true },
  { name: 'classic Yuma', yuma3Enabled: false, liquidAlphaEnabled: false },
]

/** Every validator weighs every uid (dense rows, max 65535 as set_weights stores them), validators hold all stake, all active. */
function makeState(uids: number, validators: number, variant: Variant): EpochState {
  const weights = Array.from({ length: uids }, (_, i) => {
    if (i >= validators) return []
    const row = Array.from({ length: uids }, (_, j) => [j, 1 + Math.floor(random() * 65534)] as [number, number])
    row[Math.floor(random() * uids)]![1] = 65535
    return row
  })
  return {
    block: 10_000n,
    tempo: 360,
    activityCutoff: 5000n,
    kappa: 32_767,
    bondsMovingAverage: 900_000n,
    bondsPenalty: 65_535,
    liquidAlphaEnabled: variant.liquidAlphaEnabled,
    alphaValues: [45_875, 58_982],
    alphaSigmoidSteepness: 1000,
    yuma3Enabled: variant.yuma3Enabled,
    maxAllowedValidators: validators,
    stakeThreshold: 0n,
    taoWeight: 971_718_665_099_567_868n,
    lastMechanismStepBlock: 9_640n,
    commitRevealEnabled: true,
    neurons: Array.from({ length: uids }, (_, i) => ({
      alphaStake: i < validators ? BigInt(1 + Math.floor(random() * 1e15)) : 0n,
      taoStake: i < validators ? BigInt(Math.floor(random() * 1e15)) : 0n,
      lastUpdate: 9_900n,
      blockAtRegistration: BigInt(Math.floor(random() * 5000)),
      validatorPermit: i < validators,
    })),
    weights,
    bonds: Array.from({ length: uids }, () => []),
  }
}

/** The floor: one pass reading every stored weight entry. */
function onePass(state: EpochState): number {
  let acc = 0
  for (const row of state.weights) for (const [j, w] of row) acc += j ^ w
  return acc
}

/** A plain float64 consensus step on the same matrix: row-normalise, stake-weighted median by sorting, clip, incentive. */
function float64Consensus(state: EpochState): Float64Array {
  const n = state.neurons.length
  const stake = state.neurons.map((x) => Number(x.alphaStake))
  const total = stake.reduce((a, b) => a + b, 0)
  const validators = state.weights.map((row, i) => ({ i, row, s: stake[i]! / total })).filter((v) => v.s > 0 && v.row.length > 0)
  const w = validators.map(({ row }) => {
    const dense = new Float64Array(n)
    let sum = 0
    for (const [, x] of row) sum += x
    for (const [j, x] of row) dense[j] = x / sum
    return dense
  })
  const consensus = new Float64Array(n)
  const order = validators.map((_, k) => k)
  for (let j = 0; j < n; j++) {
    order.sort((a, b) => w[a]![j]! - w[b]![j]!)
    let cumulative = 0
    for (const k of order) {
      cumulative += validators[k]!.s
      if (cumulative > 1 - 0.5) {
        consensus[j] = w[k]![j]!
        break
      }
    }
  }
  const incentive = new Float64Array(n)
  validators.forEach(({ s }, k) => {
    for (let j = 0; j < n; j++) incentive[j] = incentive[j]! + s * Math.min(w[k]![j]!, consensus[j]!)
  })
  return incentive
}

/** What the result format costs by itself: one fresh `[uid, u16]` tuple per stored bond, as `EpochResult.bonds` holds them. */
function bondTuples(bonds: EpochState['bonds']): number {
  let made = 0
  const rows = bonds.map((row) => {
    const out = new Array<[number, number]>(row.length)
    for (let k = 0; k < row.length; k++) out[k] = [row[k]![0], row[k]![1]]
    made += out.length
    return out
  })
  return made + rows.length
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[sorted.length >> 1]!
}

function measure(fn: () => unknown): number {
  fn() // warm-up
  const samples: number[] = []
  const started = performance.now()
  while (samples.length < MIN_SAMPLES || (performance.now() - started < BUDGET_MS && samples.length < 50)) {
    const t0 = performance.now()
    fn()
    samples.push(performance.now() - t0)
  }
  return median(samples)
}

const ms = (x: number): string => `${x < 10 ? x.toFixed(2) : x.toFixed(1)} ms`
let failed = false

for (const { uids, validators } of SIZES) {
  for (const variant of VARIANTS) {
    const first = makeState(uids, validators, variant)
    // Steady state: the second epoch carries the first one's bonds, as on chain.
    const firstResult = runEpoch(first, 1_000_000_000n)
    const state: EpochState = { ...first, bonds: firstResult.bonds, neurons: first.neurons.map((x, i) => ({ ...x, validatorPermit: firstResult.validatorPermit[i]! })) }
    const result = runEpoch(state, 1_000_000_000n)
    const emitted = result.emission.reduce((a, b) => a + b, 0n)
    if (emitted > 1_000_000_000n || emitted < 1_000_000_000n - BigInt(uids)) {
      console.log(`BROKEN: ${variant.name} ${uids}×${validators} emitted ${emitted} of 1e9 RAO`)
      failed = true
    }
    const weightEntries = state.weights.reduce((a, r) => a + r.length, 0)
    const bondEntries = result.bonds.reduce((a, r) => a + r.length, 0)
    const epoch = measure(() => runEpoch(state, 1_000_000_000n))
    const floor = measure(() => onePass(state))
    const float64 = measure(() => float64Consensus(state))
    const tuples = measure(() => bondTuples(result.bonds))
    console.log(
      `${uids} UIDs × ${validators} validators, ${variant.name}, ${weightEntries.toLocaleString('en')} weights → ${bondEntries.toLocaleString('en')} bonds: ` +
        `runEpoch ${ms(epoch)} | one pass over the weights (floor) ${ms(floor)}, ×${(epoch / floor).toFixed(0)} | ` +
        `float64 consensus step ${ms(float64)}, ×${(epoch / float64).toFixed(2)} | allocating the result's bond tuples alone ${ms(tuples)}`,
    )
  }
}

process.exit(failed ? 1 : 0)
