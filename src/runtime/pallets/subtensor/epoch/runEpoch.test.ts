// runEpoch on small subnets whose every output was worked out by hand from §7.2 (stakes chosen so the fixed-point steps stay exact or easy to follow): the rules the Yuma vectors leave unexercised.
import { describe, expect, test } from 'vitest'
import { runEpoch as runEpochFromEntryPoint } from '../../../epoch.ts'
import { I32F32, exp, type Fixed } from './fixed.ts'
import { proportionToU16 } from './i32f32.ts'
import { normalizedStakeWeights, runEpoch, type EpochNeuron, type EpochResult, type EpochState } from './runEpoch.ts'

const E = 1_000_000_000n
/** 1 − 0.9 in I32F32 (BondsMovingAverage 900_000): 2^32 − floor(0.9 · 2^32) = 2^32 − 3_865_470_566. */
const ALPHA = 429_496_730
/** The Yuma3 bond a validator builds in one epoch from nothing on a server holding its whole weight: floor(ALPHA · 65535 / 2^32). */
const FIRST_BOND = 6553

/** An active subnet at block 1000 with a new subnet's defaults (Yuma3 on, liquid alpha off), commit-reveal off. */
function subnet(neurons: Array<Partial<EpochNeuron>>, weights: Array<Array<[number, number]>> = [], overrides: Partial<EpochState> = {}): EpochState {
  return {
    block: 1000n,
    tempo: 100,
    activityCutoff: 500n,
    kappa: 32_767,
    bondsMovingAverage: 900_000n,
    bondsPenalty: 65_535,
    liquidAlphaEnabled: false,
    alphaValues: [45_875, 58_982],
    alphaSigmoidSteepness: 1000,
    yuma3Enabled: true,
    maxAllowedValidators: 64,
    stakeThreshold: 0n,
    taoWeight: 0n,
    lastMechanismStepBlock: 900n,
    commitRevealEnabled: false,
    neurons: neurons.map((x) => ({ alphaStake: 0n, taoStake: 0n, lastUpdate: 990n, blockAtRegistration: 10n, validatorPermit: false, ...x })),
    weights,
    bonds: [],
    ...overrides,
  }
}
const validator = (alphaStake: bigint, extra: Partial<EpochNeuron> = {}): Partial<EpochNeuron> => ({ alphaStake, validatorPermit: true, ...extra })
const server = (extra: Partial<EpochNeuron> = {}): Partial<EpochNeuron> => extra

/** The per-uid u16 outputs side by side, for compact expectations. */
function u16s(r: EpochResult) {
  return { consensus: r.consensus, incentive: r.incentive, dividends: r.dividends, validatorTrust: r.validatorTrust }
}
function rao(r: EpochResult) {
  return { server: r.serverEmission, validator: r.validatorEmission, emission: r.emission }
}

test('the stable entry point is this function', () => {
  expect(runEpochFromEntryPoint).toBe(runEpoch)
})

describe('weights, consensus and the emission split', () => {
  // Stake 3:1 → S = A = [0.75, 0.25, 0, 0] exactly. uid0 puts all its weight on uid2; uid1 sets none.
  // Consensus on uid2: the stake with weight ≤ 0 there is 0.25 ≤ 1 − κ, with weight ≤ 1 it is 1 > 1 − κ → C = 1.
  // Incentive: 0.75 · 1, normalised → 1. Yuma3 bond of uid0 on uid2: ALPHA · 1; it holds the whole column,
  // so uid0's dividend is 1 · 0.75, normalised → 1. Incentive and dividends sum to 2: miners and validators get half each.
  const state = subnet([validator(3_000_000_000n), validator(1_000_000_000n), server(), server()], [[[2, 65535]], [], [], []])

  test('a validator with no weights earns no trust, no dividends and no bonds, but keeps its permit', () => {
    const r = runEpoch(state, E)
    expect(u16s(r)).toEqual({
      consensus: [0, 0, 65535, 0],
      incentive: [0, 0, 65535, 0],
      dividends: [65535, 0, 0, 0],
      validatorTrust: [65535, 0, 0, 0],
    })
    expect(r.validatorPermit).toEqual([true, true, false, false])
    expect(r.bonds).toEqual([[[2, FIRST_BOND]], [], [], []])
    expect(r.active).toEqual([true, true, true, true])
  })

  test('half of the emission goes to the miner, half to the validator', () => {
    expect(rao(runEpoch(state, E))).toEqual({
      server: [0n, 0n, 500_000_000n, 0n],
      validator: [500_000_000n, 0n, 0n, 0n],
      emission: [500_000_000n, 0n, 500_000_000n, 0n],
    })
  })

  test('a self-weight earns nothing (the diagonal is masked)', () => {
    const selfish = subnet([validator(3_000_000_000n), validator(1_000_000_000n), server()], [[[0, 65535]], [[2, 65535]], []])
    // Only uid1's weight on uid2 remains: stake 0.25 with weight 1, 0.75 with weight 0 > 1 − κ → consensus 0, clipped away.
    // Nothing is earned, so the emission follows the active stake.
    const r = runEpoch(selfish, E)
    expect(u16s(r)).toEqual({ consensus: [0, 0, 0], incentive: [0, 0, 0], dividends: [0, 0, 0], validatorTrust: [0, 0, 0] })
    expect(rao(r)).toEqual({ server: [0n, 0n, 0n], validator: [750_000_000n, 250_000_000n, 0n], emission: [750_000_000n, 250_000_000n, 0n] })
  })
})

describe('activity', () => {
  test('an inactive validator weighs nothing, earns nothing, and still gets a permit by stake', () => {
    // uid1 last set weights at 400 and 400 + 500 < 1000. A = [1, 0, 0, 0]; its weight on uid3 meets consensus 0 and is clipped.
    const state = subnet([validator(3_000_000_000n), validator(1_000_000_000n, { lastUpdate: 400n }), server(), server()], [[[2, 65535]], [[3, 65535]], [], []])
    const r = runEpoch(state, E)
    expect(r.active).toEqual([true, false, true, true])
    expect(u16s(r)).toEqual({
      consensus: [0, 0, 65535, 0],
      incentive: [0, 0, 65535, 0],
      dividends: [65535, 0, 0, 0],
      validatorTrust: [65535, 0, 0, 0],
    })
    expect(r.validatorPermit).toEqual([true, true, false, false])
    expect(r.bonds).toEqual([[[2, FIRST_BOND]], [], [], []])
  })

  test('the activity cutoff is inclusive: last update + cutoff = now is still active', () => {
    const state = subnet([validator(1_000_000_000n, { lastUpdate: 500n }), validator(1_000_000_000n, { lastUpdate: 499n })])
    expect(runEpoch(state, E).active).toEqual([true, false])
  })

  // Stakes 3:1:4, uid2 without a stored permit: S = [3/8, 1/8, 4/8, 0], active stake A = [3/4, 1/4, 0, 0].
  const stakers = [validator(3_000_000_000n), validator(1_000_000_000n), { alphaStake: 4_000_000_000n }, server()]

  test('with no weights at all the validators are paid by active stake', () => {
    const r = runEpoch(subnet(stakers), E)
    expect(rao(r)).toEqual({ server: [0n, 0n, 0n, 0n], validator: [750_000_000n, 250_000_000n, 0n, 0n], emission: [750_000_000n, 250_000_000n, 0n, 0n] })
    expect(r.validatorPermit).toEqual([true, true, true, false])
  })

  test('with no active stake either, by stake weight (inactive and unpermitted included)', () => {
    const r = runEpoch(subnet(stakers.map((x) => ({ ...x, lastUpdate: 100n }))), E)
    expect(r.active).toEqual([false, false, false, false])
    expect(rao(r)).toEqual({ server: [0n, 0n, 0n, 0n], validator: [375_000_000n, 125_000_000n, 500_000_000n, 0n], emission: [375_000_000n, 125_000_000n, 500_000_000n, 0n] })
  })
})

describe('registrations since the weights and bonds were set', () => {
  // uid0 (the only validator) set equal weights on uid1 and uid2 at block 950 and holds bonds 32767/65535 on both.
  const state = (uid2Registered: bigint, overrides: Partial<EpochState> = {}, uid0: Partial<EpochNeuron> = {}) =>
    subnet([validator(1_000_000_000n, { lastUpdate: 950n, ...uid0 }), server(), server({ blockAtRegistration: uid2Registered })], [[[1, 65535], [2, 65535]], [], []], {
      bonds: [[[1, 32767], [2, 32767]], [], []],
      ...overrides,
    })

  test('control: both servers registered long ago share the incentive', () => {
    // each weight is 65535 / 131070 = 0.5 exactly
    expect(runEpoch(state(10n), E).incentive).toEqual([0, 32767, 32767])
  })

  test('a neuron registered after the validator last set weights (inside its immunity period) gets neither those weights nor the old bonds', () => {
    // uid2 re-registered at 960 > 950: the weight on it is outdated. Its bond column is masked because the last
    // step's next block (900 + 1) ≤ 960. uid0's bond on uid1: 32767/65535 → 2147450879 bits,
    // EMA = ALPHA + floor((2^32 − ALPHA) · 2147450879 / 2^32) = 2362202520 → floor(· 65535 / 2^32) = 36043.
    const r = runEpoch(state(960n), E)
    expect(u16s(r)).toEqual({ consensus: [0, 65535, 0], incentive: [0, 65535, 0], dividends: [65535, 0, 0], validatorTrust: [65535, 0, 0] })
    expect(r.bonds).toEqual([[[1, 36043]], [], []])
  })

  test('a bond column is masked when the target registered at or after the block after the last step', () => {
    // uid0 now weighs uid1 only; the old bond on uid2 decays to (2^32 − ALPHA) = 3865470566 bits → 58981 unless masked.
    const decaying = (registered: bigint, lastMechanismStepBlock: bigint) =>
      runEpoch(
        subnet([validator(1_000_000_000n), server(), server({ blockAtRegistration: registered })], [[[1, 65535]], [], []], {
          bonds: [[[1, 65535], [2, 65535]], [], []],
          lastMechanismStepBlock,
        }),
        E,
      ).bonds[0]
    expect(decaying(900n, 899n)).toEqual([[1, 65535]]) // 899 + 1 ≤ 900: masked
    expect(decaying(899n, 899n)).toEqual([
      [1, 65535],
      [2, 58981],
    ])
    // never stepped: the mask block is now − tempo = 900
    expect(decaying(900n, 0n)).toEqual([[1, 65535]])
    expect(decaying(899n, 0n)).toEqual([
      [1, 65535],
      [2, 58981],
    ])
  })

  test('with commit-reveal, weights committed before the target registered are dropped even when revealed after', () => {
    // revealed at 950 after uid2 registered at 945, but the commit dates from 940
    const committed = { earliestCommitBlock: 940n }
    expect(runEpoch(state(945n, { commitRevealEnabled: true }, committed), E).incentive).toEqual([0, 65535, 0])
    expect(runEpoch(state(945n, { commitRevealEnabled: false }, committed), E).incentive).toEqual([0, 32767, 32767])
    expect(runEpoch(state(945n, { commitRevealEnabled: true }), E).incentive).toEqual([0, 32767, 32767]) // no live commit
    expect(runEpoch(state(945n, { commitRevealEnabled: true }, { earliestCommitBlock: 945n }), E).incentive).toEqual([0, 32767, 32767])
  })
})

describe('validator permits', () => {
  test('the top-k by stake get permits; on equal stake the lower uid loses', () => {
    const state = subnet([{ alphaStake: 2n }, { alphaStake: 2n }, { alphaStake: 3n }, server()], [], { maxAllowedValidators: 2 })
    expect(runEpoch(state, E).validatorPermit).toEqual([false, true, true, false])
  })

  test('weights count only with a permit stored by the previous epoch', () => {
    // uid3 holds 3/4 of the stake but no stored permit: its row is dropped and its stake is not active.
    const state = subnet([validator(1_000_000_000n), server(), server(), { alphaStake: 3_000_000_000n }], [[[1, 65535]], [], [], [[2, 65535]]])
    const r = runEpoch(state, E)
    expect(u16s(r)).toEqual({ consensus: [0, 65535, 0, 0], incentive: [0, 65535, 0, 0], dividends: [65535, 0, 0, 0], validatorTrust: [65535, 0, 0, 0] })
    expect(r.validatorPermit).toEqual([true, false, false, true])
  })

  test('stake under the threshold counts as none, except the owner’s', () => {
    const state = (ownerUid?: number) =>
      subnet([validator(3_000_000_000n), validator(1_000_000_000n), server()], [], { stakeThreshold: 2_000_000_000n, ...(ownerUid === undefined ? {} : { ownerUid }) })
    const plain = runEpoch(state(), E)
    expect(plain.validatorPermit).toEqual([true, false, false])
    expect(plain.validatorEmission).toEqual([1_000_000_000n, 0n, 0n])
    const owned = runEpoch(state(1), E)
    expect(owned.validatorPermit).toEqual([true, true, false])
    expect(owned.validatorEmission).toEqual([750_000_000n, 250_000_000n, 0n])
  })

  test('the owner always holds a permit, even with no stake', () => {
    const state = subnet([validator(1_000_000_000n), {}, server()], [], { ownerUid: 1, maxAllowedValidators: 0 })
    expect(runEpoch(state, E).validatorPermit).toEqual([false, true, false])
  })

  test('the owner’s self-weight is kept', () => {
    // Owner uid0 (3/4 of stake) and uid1 both put all weight on uid0: consensus 1, incentive 1 to the owner.
    // Both get bond ALPHA on uid0, so each holds half the column: dividends ∝ 0.5 · [0.75, 0.25] → [0.75, 0.25].
    // Incentive + dividends sum to 2: server [0.5], validator [0.375, 0.125], combined [0.875, 0.125].
    const weights: Array<Array<[number, number]>> = [[[0, 65535]], [[0, 65535]], []]
    const owned = runEpoch(subnet([validator(3_000_000_000n), validator(1_000_000_000n), server()], weights, { ownerUid: 0 }), E)
    expect(u16s(owned)).toEqual({ consensus: [65535, 0, 0], incentive: [65535, 0, 0], dividends: [49151, 16383, 0], validatorTrust: [65535, 65535, 0] })
    expect(rao(owned)).toEqual({ server: [500_000_000n, 0n, 0n], validator: [375_000_000n, 125_000_000n, 0n], emission: [875_000_000n, 125_000_000n, 0n] })
    expect(owned.bonds).toEqual([[[0, FIRST_BOND]], [[0, FIRST_BOND]], []])
    // Without an owner the diagonal goes, uid1's lone weight on uid0 misses consensus, and stake pays.
    const unowned = runEpoch(subnet([validator(3_000_000_000n), validator(1_000_000_000n), server()], weights), E)
    expect(unowned.incentive).toEqual([0, 0, 0])
    expect(unowned.validatorEmission).toEqual([750_000_000n, 250_000_000n, 0n])
  })
})

describe('stake weight', () => {
  test('root TAO counts at TaoWeight / u64::MAX', () => {
    const state = (taoWeight: bigint) => subnet([validator(1_000_000_000n), validator(0n, { taoStake: 1_000_000_000n })], [], { taoWeight })
    // weight 1: S = [0.5, 0.5]
    expect(runEpoch(state((1n << 64n) - 1n), E).validatorEmission).toEqual([500_000_000n, 500_000_000n])
    // weight 2^63 / (2^64 − 1) → 0.5 after truncation to 32 fraction bits: S = [2/3, 1/3] → I32F32 floor(2^33/3), floor(2^32/3)
    // → floor(2863311530 · 1e9 / 2^32) = 666666666 and floor(1431655765 · 1e9 / 2^32) = 333333333
    expect(runEpoch(state(1n << 63n), E).validatorEmission).toEqual([666_666_666n, 333_333_333n])
    // weight 0: TAO counts for nothing
    expect(runEpoch(state(0n), E).validatorPermit).toEqual([true, false])
  })

  test('normalizedStakeWeights gives the pallet the StakeWeight it stores (fixed_proportion_to_u16 of S)', () => {
    const state = subnet([validator(3_000_000_000n), validator(1_000_000_000n), server()])
    expect(Array.from(normalizedStakeWeights(state), proportionToU16)).toEqual([49151, 16383, 0])
  })
})

describe('bonds: Yuma3 against classic Yuma', () => {
  // Validators with stake 3:1 both put all their weight on uid2, no bonds yet.
  const state = (yuma3Enabled: boolean, bonds: Array<Array<[number, number]>> = []) =>
    subnet([validator(3_000_000_000n), validator(1_000_000_000n), server()], [[[2, 65535]], [[2, 65535]], []], { yuma3Enabled, bonds })

  test('Yuma3: each bond moves by ALPHA towards the weight; dividends follow bond share × stake', () => {
    const first = runEpoch(state(true), E)
    expect(first.bonds).toEqual([[[2, FIRST_BOND]], [[2, FIRST_BOND]], []])
    expect(first.dividends).toEqual([49151, 16383, 0])
    // next epoch: b = 6553/65535 → 429463961 bits; ALPHA + floor((2^32 − ALPHA) · b / 2^32) = 816014294 → 12451
    const second = runEpoch(state(true, first.bonds), E)
    expect(second.bonds).toEqual([[[2, 12451]], [[2, 12451]], []])
    expect(second.dividends).toEqual([49151, 16383, 0])
  })

  test('classic: bonds are stake-scaled, column-normalised and stored max-upscaled', () => {
    // ΔB = W·A = [0.75, 0.25] (already column-normalised); EMA = ALPHA·ΔB = [322122547, 107374182] (floors);
    // normalised: [3221225474, 1073741821] bits; stored ÷ column max: [65535, floor(1073741821/3221225474 · 65535) = 21844];
    // dividends [0.75…, 0.24…] → [49151, 16383]; the sum of incentive and dividends is 2^33 − 1 bits, so the
    // validators' RAO is floor(D / (2^33 − 1) · 1e9) = [375000000, 124999999].
    const first = runEpoch(state(false), E)
    expect(first.bonds).toEqual([[[2, 65535]], [[2, 21844]], []])
    expect(first.dividends).toEqual([49151, 16383, 0])
    expect(rao(first)).toEqual({ server: [0n, 0n, 500_000_000n], validator: [375_000_000n, 124_999_999n, 0n], emission: [375_000_000n, 124_999_999n, 500_000_000n] })
    // next epoch the stored bonds are raw u16s again, column-normalised to [3221262336, 1073704959] bits
    const second = runEpoch(state(false, first.bonds), E)
    expect(second.bonds).toEqual([[[2, 65535]], [[2, 21844]], []])
  })

  test('bonds penalty 1 bonds the clipped weights, penalty 0 the raw ones', () => {
    // uid1's weight on uid3 misses consensus (0.25 of stake) and is clipped to nothing.
    const split = (bondsPenalty: number) =>
      runEpoch(subnet([validator(3_000_000_000n), validator(1_000_000_000n), server(), server()], [[[2, 65535]], [[3, 65535]], [], []], { bondsPenalty }), E)
    expect(split(65535).bonds).toEqual([[[2, FIRST_BOND]], [], [], []])
    expect(split(0).bonds).toEqual([[[2, FIRST_BOND]], [[3, FIRST_BOND]], [], []])
    expect(split(0).dividends).toEqual([65535, 0, 0, 0]) // a bond on a server without incentive pays nothing
  })
})

describe('liquid alpha', () => {
  /** alpha_sigmoid (run_epoch.rs) written out again on fixed.ts values, as a cross-check. */
  function alphaSigmoid(c: Fixed, w: Fixed, b: Fixed, low: Fixed, high: Fixed, steepness: number): Fixed {
    const zero = I32F32.zero
    const one = I32F32.one
    const clamp = (x: Fixed, lo: Fixed, hi: Fixed) => x.min(hi).max(lo)
    const diff = w.ge(b) ? clamp(w.saturatingSub(c), zero, one) : clamp(b.saturatingSub(w), zero, one)
    const k = I32F32.saturatingFromNum(BigInt(steepness)).saturatingDiv(I32F32.fromNum(-100n))
    const x = k.saturatingMul(diff.saturatingSub(I32F32.fromNum(0.5)))
    const clamped = x.max(I32F32.saturatingFromNum(-20n)).min(I32F32.saturatingFromNum(20n))
    const sigmoid = one.saturatingDiv(one.saturatingAdd(exp(clamped)!))
    return clamp(low.saturatingAdd(sigmoid.saturatingMul(high.saturatingSub(low))), low, high)
  }

  test('each cell gets its own alpha, and an unsorted stored row is walked the way subtensor walks it', () => {
    // One validator with weights 2:1 on uid3 and uid2 and a full bond on uid2. Its consensus is its own weights,
    // so the alphas depend on the bond side: on uid2, weight w2 = 1/3 < bond 1 → diff = 1 − w2.
    // Rust reads the row with a cursor that assumes ascending columns: for the stored row [(3, …), (2, …)]
    // it finds no weight at column 2 (the cursor sits on column 3), so that cell's alpha uses weight 0 (diff 1).
    const u = (x: number) => I32F32.saturatingFromNum(BigInt(x)).safeDiv(I32F32.saturatingFromNum(65535n))
    const [low, high] = [u(45_875), u(58_982)]
    const run = (row: Array<[number, number]>) =>
      runEpoch(subnet([validator(1_000_000_000n), server(), server(), server()], [row, [], [], []], { liquidAlphaEnabled: true, bonds: [[[2, 65535]], [], [], []] }), E)
    const w2 = I32F32.saturatingFromNum(32767n).safeDiv(I32F32.saturatingFromNum(98302n)) // 32767 / (65535 + 32767)
    const w3 = I32F32.saturatingFromNum(65535n).safeDiv(I32F32.saturatingFromNum(98302n))
    const stored = (alpha: Fixed, w: Fixed, b: Fixed) =>
      I32F32.one.saturatingSub(alpha).saturatingMul(b).saturatingAdd(alpha.saturatingMul(w)).min(I32F32.one).saturatingMul(I32F32.saturatingFromNum(65535n)).saturatingToU16()
    const one = I32F32.one
    const zero = I32F32.zero
    const sortedAlpha2 = alphaSigmoid(w2, w2, one, low, high, 1000)
    const unsortedAlpha2 = alphaSigmoid(w2, zero, one, low, high, 1000)
    const alpha3 = alphaSigmoid(w3, w3, zero, low, high, 1000)
    expect(sortedAlpha2.eq(unsortedAlpha2)).toBe(false)
    expect(run([[2, 32767], [3, 65535]]).bonds[0]).toEqual([
      [2, stored(sortedAlpha2, w2, one)],
      [3, stored(alpha3, w3, zero)],
    ])
    expect(run([[3, 65535], [2, 32767]]).bonds[0]).toEqual([
      [3, stored(alpha3, w3, zero)],
      [2, stored(unsortedAlpha2, w2, one)],
    ])
  })

  test('is skipped while consensus is all zero (one alpha from the moving average instead)', () => {
    const state = subnet([validator(1_000_000_000n), server()], [[], []], { liquidAlphaEnabled: true, bonds: [[[1, 65535]], []] })
    // no weights → consensus 0 → mat_ema with ALPHA: the bond decays to (2^32 − ALPHA) → 58981
    expect(runEpoch(state, E).bonds).toEqual([[[1, 58981]], []])
  })
})

describe('inputs', () => {
  test('an empty subnet', () => {
    expect(runEpoch(subnet([]), E)).toEqual({
      active: [],
      validatorPermit: [],
      consensus: [],
      incentive: [],
      dividends: [],
      validatorTrust: [],
      serverEmission: [],
      validatorEmission: [],
      emission: [],
      bonds: [],
    })
  })

  test('weights on uids past the subnet are ignored; missing rows are empty', () => {
    const r = runEpoch(subnet([validator(1_000_000_000n), server()], [[[1, 65535], [7, 65535]]]), E)
    expect(r.incentive).toEqual([0, 65535])
  })

  test('values outside the stored types are refused', () => {
    expect(() => runEpoch(subnet([validator(1n), server()], [[[1, 70_000]], []]), E)).toThrow(/weights\[0\] holds \(1, 70000\)/)
    expect(() => runEpoch(subnet([validator(1n)], [], { bonds: [[[0, -1]]] }), E)).toThrow(/bonds\[0\]/)
    expect(() => runEpoch(subnet([validator(1n)]), -1n)).toThrow(/raoEmission/)
    expect(() => runEpoch(subnet([validator(1n)], [], { kappa: 65536 }), E)).toThrow(/kappa/)
    expect(() => runEpoch(subnet([validator(-1n)]), E)).toThrow(/neuron 0/)
  })

  test('a moving average above 1_000_000 (root only) runs the EMA in BigInt with I32F32 saturation', () => {
    // BMA = 2e6 → alpha = 1 − 2 = −1: EMA = −W + 2·B. With B = 1 on uid1 and W = 1 on uid1: 1 → bond stays 65535.
    const state = subnet([validator(1_000_000_000n), server()], [[[1, 65535]], []], { bondsMovingAverage: 2_000_000n, bonds: [[[1, 65535]], []] })
    expect(runEpoch(state, E).bonds).toEqual([[[1, 65535]], []])
    // u64::MAX: the from_num conversions wrap and the coefficients saturate; the cell still lands in range.
    const extreme = runEpoch({ ...state, bondsMovingAverage: (1n << 64n) - 1n }, E)
    expect(extreme.dividends).toEqual([65535, 0])
  })
})
