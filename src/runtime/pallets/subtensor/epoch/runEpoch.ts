// Yuma consensus for one subnet mechanism — subtensor's production `epoch_mechanism` (epoch/run_epoch.rs) as a pure function of the stored inputs, bit-exact.
//
// The pallet reads storage into an `EpochState`, calls `runEpoch`, and writes the `EpochResult` back
// (Active, ValidatorPermit, Consensus, Incentive, Dividends, ValidatorTrust, Emission, Bonds); the app's
// "what if" previews and external checkers call it without a chain. Steps are numbered as in
// shared/reference/subtensor.md §7.2. Fixed-point arithmetic is substrate-fixed's (fixed.ts, and
// i32f32.ts for I32F32 bits in doubles); the sparse-matrix steps are math.ts.

import { Fixed, I32F32, I64F64, I96F32, U64_MAX, U96F32 } from './fixed.ts'
import { EXP_FAST_LIMIT, HALF, ONE, expBits, fromFixed, mul, proportionToU16, saturatingDiv } from './i32f32.ts'
import {
  SparseBuilder,
  U16_PROPORTION,
  clampValue,
  colClipSparse,
  expSafe,
  inplaceColMaxUpscaleSparse,
  inplaceColNormalizeSparse,
  inplaceMaskVector,
  inplaceNormalize,
  inplaceNormalizeUsingSum,
  inplaceRowNormalizeSparse,
  interpolateSparse,
  isTopkNonzero,
  isZero,
  matEmaAlphaSparse,
  matEmaSparse,
  matEmaSparseWide,
  matmulSparse,
  matmulTransposeSparse,
  orderPreservingNumbers,
  rowCount,
  rowHadamardSparse,
  rowSumOfMatVecMulSparse,
  rowSumSparse,
  sum,
  vecMul,
  weightedMedianColSparse,
  wideColNormalizedSparse,
  wideProportionToU16,
  type SparseMatrix,
  type Vector,
  type WideSparseMatrix,
} from './math.ts'
import { denseEpoch } from './dense.ts'
import { Arena, HEAP, type Allocator } from './workspace.ts'

/** A stored sparse row: `Vec<(u16 uid, u16 value)>` in stored order. */
export type SparseU16Row = ReadonlyArray<readonly [uid: number, value: number]>

/** One uid's inputs, as stored (u64 values as bigint). */
export interface EpochNeuron {
  /** Inherited alpha stake on this subnet (`get_inherited_for_hotkey_on_subnet`), alpha RAO. */
  readonly alphaStake: bigint
  /** Inherited root (netuid 0) TAO stake (`get_tao_inherited_for_hotkey_on_subnet`), RAO. */
  readonly taoStake: bigint
  /** `LastUpdate[netuid_index][uid]` (0 when the stored vector is shorter). */
  readonly lastUpdate: bigint
  /** `BlockAtRegistration[netuid][uid]`. */
  readonly blockAtRegistration: bigint
  /** `ValidatorPermit[netuid][uid]` as stored by the previous epoch. */
  readonly validatorPermit: boolean
  /** With commit-reveal on: the smallest commit block among this hotkey's non-expired commits (v2 and timelocked); absent when none. */
  readonly earliestCommitBlock?: bigint
}

/** What `epoch_mechanism` reads, as stored. */
export interface EpochState {
  /** The current block. */
  readonly block: bigint
  /** `Tempo[netuid]`. */
  readonly tempo: number
  /** The activity cutoff in blocks: max(1, floor(ActivityCutoffFactorMilli · tempo / 1000)), computed by the caller. */
  readonly activityCutoff: bigint
  /** `Kappa[netuid]` (u16, 32767 ≈ 0.5). */
  readonly kappa: number
  /** `BondsMovingAverage[netuid]` (u64, per million). */
  readonly bondsMovingAverage: bigint
  /** `BondsPenalty[netuid]` (u16, 65535 = 1.0). */
  readonly bondsPenalty: number
  /** `LiquidAlphaOn[netuid]`. */
  readonly liquidAlphaEnabled: boolean
  /** `AlphaValues[netuid]`: (low, high) as u16 parts of 65535. */
  readonly alphaValues: readonly [low: number, high: number]
  /** `AlphaSigmoidSteepness[netuid]` (i16). */
  readonly alphaSigmoidSteepness: number
  /** `Yuma3On[netuid]`. */
  readonly yuma3Enabled: boolean
  /** `MaxAllowedValidators[netuid]`. */
  readonly maxAllowedValidators: number
  /** `StakeThreshold` (global, u64). */
  readonly stakeThreshold: bigint
  /** `TaoWeight` (global, the stored u64; the weight is TaoWeight / u64::MAX). */
  readonly taoWeight: bigint
  /** `LastMechansimStepBlock[netuid]` as stored (0 = never); the epoch derives the bond mask block from it. */
  readonly lastMechanismStepBlock: bigint
  /** `CommitRevealWeightsEnabled[netuid]`. */
  readonly commitRevealEnabled: boolean
  /** The uid of `SubnetOwnerHotkey[netuid]`, when that hotkey is registered on the subnet. */
  readonly ownerUid?: number
  /** One entry per uid 0..n−1 (n = SubnetworkN). */
  readonly neurons: readonly EpochNeuron[]
  /** `Weights[netuid_index][uid]` by uid (missing rows are empty). */
  readonly weights: readonly SparseU16Row[]
  /** `Bonds[netuid_index][uid]` by uid (missing rows are empty). */
  readonly bonds: readonly SparseU16Row[]
}

/** What `epoch_mechanism` produces, per uid. */
export interface EpochResult {
  readonly active: boolean[]
  /** The new permits, to store as `ValidatorPermit`. */
  readonly validatorPermit: boolean[]
  /** u16 proportions (floor(x · 65535)). */
  readonly consensus: number[]
  readonly incentive: number[]
  readonly dividends: number[]
  readonly validatorTrust: number[]
  /** Alpha RAO for miners (incentive share of `raoEmission`). */
  readonly serverEmission: bigint[]
  /** Alpha RAO for validators (dividend share, or the stake fallback). */
  readonly validatorEmission: bigint[]
  /** Alpha RAO, the stored `Emission` (combined share). */
  readonly emission: bigint[]
  /** The new `Bonds` rows: the EMA row for uids holding a new permit, `[]` for every other uid. */
  readonly bonds: Array<Array<[uid: number, value: number]>>
}

const U16_MAX = 65535n

/**
 * Runs Yuma consensus on `state` and splits `raoEmission` (alpha RAO) between miners and validators,
 * exactly as subtensor's sparse `epoch_mechanism` does.
 */
export function runEpoch(state: EpochState, raoEmission: bigint): EpochResult {
  return run(state, raoEmission, true)
}

/**
 * The same epoch always on the sparse path (subtensor's own steps, any stored order): the reference the
 * dense path (dense.ts) is checked against in the tests.
 */
export function runEpochReference(state: EpochState, raoEmission: bigint): EpochResult {
  return run(state, raoEmission, false)
}

function run(state: EpochState, raoEmission: bigint, dense: boolean): EpochResult {
  checkState(state, raoEmission)
  if (arenaInUse) return epoch(state, raoEmission, HEAP, dense) // only reachable re-entrantly, which nothing does
  arenaInUse = true
  arena.reset()
  try {
    return epoch(state, raoEmission, arena, dense)
  } finally {
    arenaInUse = false
  }
}

/**
 * Matrix storage reused from one epoch to the next (see workspace.ts). Nothing in an `EpochResult`
 * points into it. It keeps as many bytes as the largest epoch run so far needed (~70 MB for 4096 uids
 * with 256 dense validator rows, ~1 MB for 256 uids).
 */
const arena = new Arena()
let arenaInUse = false

function epoch(state: EpochState, raoEmission: bigint, alloc: Allocator, dense: boolean): EpochResult {
  const n = state.neurons.length
  const neurons = state.neurons
  const owner = state.ownerUid

  // 1–4. Activity: inactive when last_update + cutoff < now (u64 saturating add).
  const active = neurons.map((x) => !(minU64(x.lastUpdate + state.activityCutoff) < state.block))
  const inactive = active.map((a) => !a)

  // 6–9. Stake weights, the threshold filter (the owner is exempt) and normalisation (I64F64 → I32F32).
  const stake = normalizedStakeWeights(state)

  // 10–11. Permits: stored ones decide who may weigh now; top-k non-zero stake earn the next ones.
  const permits = neurons.map((x) => x.validatorPermit)
  if (owner !== undefined && owner < n) permits[owner] = true
  const forbids = permits.map((p) => !p)
  const newPermits = isTopkNonzero(stake, state.maxAllowedValidators)
  if (owner !== undefined && owner < n) newPermits[owner] = true

  // 12. Active stake: stake of active, permitted uids, normalised.
  const activeStake = stake.slice()
  inplaceMaskVector(inactive, activeStake)
  inplaceMaskVector(forbids, activeStake)
  inplaceNormalize(activeStake)

  // 13–18. Weights: stored rows without forbidden rows, self-weights (but the owner's), weights set before
  // the target registered, and (commit-reveal) weights committed before the target registered; row-normalised.
  const [lastUpdate, registered, commitBlocks, [lastTempo]] = orderPreservingNumbers(
    neurons.map((x) => x.lastUpdate),
    neurons.map((x) => x.blockAtRegistration),
    neurons.flatMap((x) => (x.earliestCommitBlock === undefined ? [] : [x.earliestCommitBlock])),
    [lastTempoBlock(state)],
  ) as [number[], number[], number[], number[]]
  const earliestCommit = commitWindowStarts(state, commitBlocks)
  const kappa = fromFixed(I32F32.saturatingFromNum(BigInt(state.kappa)).safeDiv(I32F32.saturatingFromNum(U16_MAX)))
  const penalty = fromFixed(I32F32.saturatingFromNum(BigInt(state.bondsPenalty)).safeDiv(I32F32.saturatingFromNum(U16_MAX)))

  // 13–26 on a dense validators × uids grid when the stored rows allow it (dense.ts), else sparse.
  const matrix =
    (dense
      ? denseEpoch(
          state,
          {
            n,
            activeStake,
            forbids,
            owner,
            newPermits,
            lastUpdate,
            registered,
            earliestCommit,
            lastTempo: lastTempo!,
            kappa,
            penalty,
            emaAlpha: () => (state.yuma3Enabled ? yuma3EmaAlpha(state) : classicEmaAlpha(state)).bits,
            liquidAlpha: state.yuma3Enabled && state.liquidAlphaEnabled ? alphaSigmoid(state).bound : undefined,
          },
          state.yuma3Enabled,
          alloc,
        )
      : undefined) ?? sparseSteps(state, alloc, activeStake, forbids, owner, newPermits, lastUpdate, earliestCommit, registered, lastTempo!, kappa, penalty)
  const { consensus, validatorTrust, incentive, dividends } = matrix

  // 27–28. Emission: incentive and dividends normalised by their joint sum; stake when both are zero.
  const combined = new Float64Array(n)
  for (let i = 0; i < n; i++) combined[i] = incentive[i]! + dividends[i]!
  const emissionSum = sum(combined)
  const serverShare = incentive.slice()
  let validatorShare = dividends.slice()
  let combinedShare = combined.slice()
  inplaceNormalizeUsingSum(serverShare, emissionSum)
  inplaceNormalizeUsingSum(validatorShare, emissionSum)
  inplaceNormalize(combinedShare)
  if (emissionSum === 0) {
    const fallback = isZero(activeStake) ? stake : activeStake
    validatorShare = fallback.slice()
    combinedShare = fallback.slice()
  }

  // 29. Outputs.
  return {
    active,
    validatorPermit: newPermits,
    consensus: Array.from(consensus, proportionToU16),
    incentive: Array.from(incentive, proportionToU16),
    dividends: Array.from(dividends, proportionToU16),
    validatorTrust: Array.from(validatorTrust, proportionToU16),
    serverEmission: Array.from(serverShare, (x) => raoShare(x, raoEmission)),
    validatorEmission: Array.from(validatorShare, (x) => raoShare(x, raoEmission)),
    emission: Array.from(combinedShare, (x) => raoShare(x, raoEmission)),
    bonds: matrix.bonds,
  }
}

/** §7.2 steps 13–26 on sparse rows, as subtensor runs them (any stored order, any shape). */
function sparseSteps(
  state: EpochState,
  alloc: Allocator,
  activeStake: Vector,
  forbids: boolean[],
  owner: number | undefined,
  newPermits: boolean[],
  lastUpdate: number[],
  earliestCommit: number[],
  registered: number[],
  lastTempo: number,
  kappa: number,
  penalty: number,
): { consensus: Vector; validatorTrust: Vector; incentive: Vector; dividends: Vector; bonds: Array<Array<[number, number]>> } {
  const n = state.neurons.length
  const weights = loadWeights(state, alloc, forbids, owner, lastUpdate, earliestCommit, registered)
  inplaceRowNormalizeSparse(weights)

  // 19–21. Consensus (stake-weighted median), clipped weights, validator trust.
  const consensus = weightedMedianColSparse(activeStake, weights, n, kappa, alloc)
  const clippedWeights = colClipSparse(weights, consensus, alloc)
  const validatorTrust = rowSumSparse(clippedWeights)

  // 22. Incentive: active-stake-weighted clipped weights per column, normalised.
  const incentive = matmulSparse(clippedWeights, activeStake, n)
  inplaceNormalize(incentive)

  // 23. Weights for bonds: interpolated between raw and clipped by the bonds penalty.
  const weightsForBonds = interpolateSparse(weights, clippedWeights, n, penalty, alloc)

  // 24–26. Bonds and dividends.
  const { dividends, emaBonds } = state.yuma3Enabled
    ? yuma3Bonds(state, alloc, weightsForBonds, consensus, incentive, activeStake, registered, lastTempo)
    : classicBonds(state, alloc, weightsForBonds, incentive, activeStake, registered, lastTempo)
  // Bonds rows for every uid: the EMA row with a new permit, [] otherwise.
  return { consensus, validatorTrust, incentive, dividends, bonds: newPermits.map((permit, i) => (permit ? emaBonds(i) : [])) }
}

/** compute_disabled_liquid_alpha: `from_num` here (wrapping in release builds), unlike the classic path. */
function yuma3EmaAlpha(state: EpochState): Fixed {
  const bma = I64F64.fromNum(state.bondsMovingAverage).saturatingDiv(I64F64.fromNum(1_000_000n))
  return I32F32.fromNum(1n).saturatingSub(I32F32.fromNum(bma))
}

function classicEmaAlpha(state: EpochState): Fixed {
  const bma = I64F64.saturatingFromNum(state.bondsMovingAverage).safeDiv(I64F64.saturatingFromNum(1_000_000n))
  return I32F32.saturatingFromNum(1n).saturatingSub(I32F32.saturatingFromNum(bma))
}

type BondsOutcome = { dividends: Vector; emaBonds: (uid: number) => Array<[number, number]> }

/** §7.2 step 25, Yuma3: bonds as u16 proportions, EMA towards the weights (liquid alpha per cell, or one alpha). */
function yuma3Bonds(
  state: EpochState,
  alloc: Allocator,
  weightsForBonds: SparseMatrix,
  consensus: Vector,
  incentive: Vector,
  activeStake: Vector,
  registered: number[],
  lastTempo: number,
): BondsOutcome {
  const n = state.neurons.length
  const bonds = loadBonds(state, alloc, U16_PROPORTION, lastTempo, registered)
  let ema: SparseMatrix
  let emaNormalized: SparseMatrix
  let emaWide: WideSparseMatrix | undefined
  if (state.liquidAlphaEnabled && consensus.length > 0 && consensus.some((c) => c !== 0)) {
    const alphas = liquidAlphas(state, weightsForBonds, bonds, consensus)
    ema = matEmaAlphaSparse(weightsForBonds, bonds, alphas, n, alloc)
    emaNormalized = copySparse(ema, alloc)
    inplaceColNormalizeSparse(emaNormalized, n)
  } else {
    ;({ ema, emaNormalized, emaWide } = emaWithAlpha(weightsForBonds, bonds, yuma3EmaAlpha(state), n, alloc, true))
  }
  const totalBondsPerValidator = rowSumOfMatVecMulSparse(emaNormalized, incentive)
  const dividends = vecMul(totalBondsPerValidator, activeStake)
  inplaceNormalize(dividends)
  return { dividends, emaBonds: (i) => (emaWide ? wideRowToU16(emaWide, i) : rowToU16(ema, i)) }
}

/** §7.2 step 25, original Yuma: raw u16 bonds column-normalised, EMA towards stake-scaled weights, stored max-upscaled. */
function classicBonds(
  state: EpochState,
  alloc: Allocator,
  weightsForBonds: SparseMatrix,
  incentive: Vector,
  activeStake: Vector,
  registered: number[],
  lastTempo: number,
): BondsOutcome {
  const n = state.neurons.length
  const bonds = loadBonds(state, alloc, U16_RAW, lastTempo, registered)
  inplaceColNormalizeSparse(bonds, n)
  const bondsDelta = rowHadamardSparse(weightsForBonds, activeStake, alloc)
  inplaceColNormalizeSparse(bondsDelta, n)
  const { emaNormalized } = emaWithAlpha(bondsDelta, bonds, classicEmaAlpha(state), n, alloc, false)
  const dividends = matmulTransposeSparse(emaNormalized, incentive)
  inplaceNormalize(dividends)
  inplaceColMaxUpscaleSparse(emaNormalized, n)
  return { dividends, emaBonds: (i) => rowToU16(emaNormalized, i) }
}

/**
 * `mat_ema_sparse(next, old, alpha)` and its column normalisation (a copy when `keepRaw`, as Yuma3
 * stores the raw EMA; in place otherwise). With alpha in [0, 1] (every
 * BondsMovingAverage ≤ 1_000_000) the EMA stays a proportion and runs on doubles; a larger moving
 * average (only root can set one) makes alpha negative and the cells unbounded, so that EMA runs on
 * BigInt64 bits with I32F32 saturation.
 */
function emaWithAlpha(
  next: SparseMatrix,
  old: SparseMatrix,
  alpha: Fixed,
  n: number,
  alloc: Allocator,
  keepRaw: boolean,
): { ema: SparseMatrix; emaNormalized: SparseMatrix; emaWide?: WideSparseMatrix } {
  if (alpha.bits >= 0n && alpha.bits <= I32F32.oneBits) {
    const ema = matEmaSparse(next, old, Number(alpha.bits), alloc)
    const emaNormalized = keepRaw ? copySparse(ema, alloc) : ema
    inplaceColNormalizeSparse(emaNormalized, n)
    return { ema, emaNormalized }
  }
  const emaWide = matEmaSparseWide(next, old, alpha.bits)
  const emaNormalized = wideColNormalizedSparse(emaWide, n)
  return { ema: emaNormalized, emaNormalized, emaWide }
}

/**
 * `compute_liquid_alpha_values_sparse`, evaluated at the entries of `weights` (the only cells
 * `mat_ema_alpha_sparse` reads). Rust walks each row's weights and bonds with a cursor that assumes
 * ascending columns: at column j it skips entries with a smaller column and takes the value only if
 * the next entry is exactly j. Stored rows keep the order they were submitted in, so for an unsorted
 * row that walk can read 0 where an entry exists; this replays the same walk.
 */
function liquidAlphas(state: EpochState, weights: SparseMatrix, bonds: SparseMatrix, consensus: Vector): Float64Array {
  const sigmoid = alphaSigmoid(state)
  const alphas = new Float64Array(weights.col.length)
  const rows = rowCount(weights)
  for (let i = 0; i < rows; i++) {
    const from = weights.start[i]!
    const to = weights.start[i + 1]!
    if (from === to) continue
    const order = ascendingEntries(weights.col, from, to)
    const w = walkValues(weights, i, order, weights.col)
    const b = i < rowCount(bonds) ? walkValues(bonds, i, order, weights.col) : new Float64Array(order.length)
    for (let t = 0; t < order.length; t++) {
      const k = order[t]!
      alphas[k] = sigmoid.alpha(consensus[weights.col[k]!]!, w[t]!, b[t]!)
    }
  }
  return alphas
}

/** Entry indices from..<to ordered by ascending column (stable). */
function ascendingEntries(col: Uint16Array, from: number, to: number): number[] {
  const order = Array.from({ length: to - from }, (_, t) => from + t)
  for (let t = 1; t < order.length; t++) {
    if (col[order[t]!]! < col[order[t - 1]!]!) return order.sort((x, y) => col[x]! - col[y]! || x - y)
  }
  return order
}

/** The value Rust's peeking cursor over row i of `m` reads at each column `col[order[t]]` (visited in ascending order). */
function walkValues(m: SparseMatrix, i: number, order: number[], col: Uint16Array): Float64Array {
  const out = new Float64Array(order.length)
  let p = m.start[i]!
  const end = m.start[i + 1]!
  for (let t = 0; t < order.length; t++) {
    const j = col[order[t]!]!
    while (p < end && m.col[p]! < j) p++
    if (p < end && m.col[p]! === j) out[t] = m.bits[p]!
  }
  return out
}

function alphaSigmoid(state: EpochState): AlphaSigmoid {
  const low = fromFixed(I32F32.saturatingFromNum(BigInt(state.alphaValues[0])).safeDiv(I32F32.saturatingFromNum(U16_MAX)))
  const high = fromFixed(I32F32.saturatingFromNum(BigInt(state.alphaValues[1])).safeDiv(I32F32.saturatingFromNum(U16_MAX)))
  const steepness = I32F32.saturatingFromNum(BigInt(state.alphaSigmoidSteepness)).saturatingDiv(I32F32.fromNum(-100n))
  return new AlphaSigmoid(steepness, low, high)
}

/**
 * `alpha_sigmoid(consensus, weight, bond, low, high, steepness)`:
 * diff = w ≥ b ? clamp(w − c, 0, 1) : clamp(b − w, 0, 1);
 * α = clamp(low + (high − low) / (1 + exp_safe((steepness / −100) · (diff − 0.5))), low, high).
 */
class AlphaSigmoid {
  private readonly k: number
  private readonly wideCache = new Map<number, number>()

  constructor(
    private readonly steepnessOverMinus100: Fixed,
    private readonly low: number,
    private readonly high: number,
  ) {
    this.k = fromFixed(steepnessOverMinus100)
  }

  /** `alpha` as a free function. */
  readonly bound = (consensus: number, weight: number, bond: number): number => this.alpha(consensus, weight, bond)

  alpha(consensus: number, weight: number, bond: number): number {
    const diff = weight >= bond ? clampValue(weight - consensus, 0, ONE) : clampValue(bond - weight, 0, ONE)
    const x = mul(this.k, diff - HALF)
    const sigmoid = x <= EXP_FAST_LIMIT && x >= -EXP_FAST_LIMIT ? saturatingDiv(ONE, ONE + expBits(x)) : this.wideSigmoid(x)
    const alpha = this.low + mul(sigmoid, this.high - this.low)
    return clampValue(alpha, this.low, this.high)
  }

  /** exp_safe and the sigmoid in BigInt, for |x| > 12 where e^x's bits outgrow a double. */
  private wideSigmoid(x: number): number {
    let s = this.wideCache.get(x)
    if (s === undefined) {
      const one = I32F32.one
      s = fromFixed(one.saturatingDiv(one.saturatingAdd(expSafe(I32F32.fromBits(BigInt(x))))))
      this.wideCache.set(x, s)
    }
    return s
  }
}

/** §7.2 steps 6–9: S_i = alpha_i + TaoWeight·tao_i (I64F64), zeroed under the stake threshold (owner exempt), normalised, truncated to I32F32. */
export function normalizedStakeWeights(state: EpochState): Vector {
  const n = state.neurons.length
  const taoWeight = I64F64.saturatingFromNum(U96F32.saturatingFromNum(state.taoWeight).safeDiv(U96F32.saturatingFromNum(U64_MAX)))
  const filtered = state.neurons.map((x, uid) => {
    const total = I64F64.saturatingFromNum(x.alphaStake).saturatingAdd(I64F64.saturatingFromNum(x.taoStake).saturatingMul(taoWeight))
    return uid !== state.ownerUid && total.saturatingToU64() < state.stakeThreshold ? I64F64.zero : total
  })
  // inplace_normalize_64: the sum with I64F64 `+` (wrapping in release builds, unreachable with u64 stakes summing below 2^63).
  const total = filtered.reduce((acc, x) => acc.add(x), I64F64.zero)
  const out = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    const s = total.isZero() ? filtered[i]! : filtered[i]!.safeDiv(total)
    out[i] = fromFixed(I32F32.saturatingFromNum(s))
  }
  return out
}

/** `floor(I96F32(share) · I96F32(raoEmission))` as u64: share bits · E / 2^32, saturating. */
function raoShare(shareBits: number, raoEmission: bigint): bigint {
  const product = I96F32.saturatingFromNum(raoEmission).saturatingMul(I96F32.fromBits(BigInt(shareBits)))
  return product.saturatingToU64()
}

/** The bond mask block: previous successful step + 1, or now − tempo when the subnet never stepped. */
function lastTempoBlock(state: EpochState): bigint {
  if (state.lastMechanismStepBlock === 0n) {
    const b = state.block - BigInt(state.tempo)
    return b < 0n ? 0n : b
  }
  return minU64(state.lastMechanismStepBlock + 1n)
}

/** Per uid: the (order-mapped) earliest active commit block, +∞ when commit-reveal is off or there is none. */
function commitWindowStarts(state: EpochState, commitBlocks: number[]): number[] {
  let next = 0
  return state.neurons.map((x) => {
    if (x.earliestCommitBlock === undefined) return Infinity
    const mapped = commitBlocks[next++]!
    return state.commitRevealEnabled ? mapped : Infinity
  })
}

/**
 * `get_weights_sparse` (rows and columns < n, values I32F32(u16)) followed by the masks of §7.2 steps
 * 14–17, which only drop entries and so compose into one pass:
 * - `mask_rows_sparse(forbids)`: rows of uids without a stored permit;
 * - `mask_diag_sparse` / `mask_diag_sparse_except_index(owner)`: self-weights, except the owner's;
 * - `vec_mask_sparse_matrix(last_update, block_at_registration, ≤)`: (i, j) when i last set weights at
 *   or before j registered;
 * - with commit-reveal, `vec_mask_sparse_matrix(commit_blocks, block_at_registration, <)`: (i, j) when
 *   i's earliest live commit predates j's registration.
 */
function loadWeights(
  state: EpochState,
  alloc: Allocator,
  forbids: boolean[],
  owner: number | undefined,
  lastUpdate: number[],
  earliestCommit: number[],
  registered: number[],
): SparseMatrix {
  const n = state.neurons.length
  const rows = Math.min(n, state.weights.length)
  let entries = 0
  for (let i = 0; i < rows; i++) entries += state.weights[i]!.length
  const out = new SparseBuilder(n, entries, alloc)
  for (let i = 0; i < n; i++) {
    if (i < rows) {
      const row = state.weights[i]!
      const keepRow = !forbids[i]
      const updated = lastUpdate[i]!
      const committed = earliestCommit[i]!
      for (let k = 0; k < row.length; k++) {
        const j = row[k]![0]
        const w = row[k]![1]
        if (!isU16(j) || !isU16(w)) throw badEntry('weights', i, j, w)
        if (!keepRow || j >= n || (i === j && i !== owner)) continue
        const reg = registered[j]!
        if (updated <= reg || committed < reg) continue
        out.push(j, w * ONE)
      }
    }
    out.endRow()
  }
  return out.finish()
}

/** I32F32(u16) bits for every u16: classic Yuma reads bonds raw. */
const U16_RAW: Float64Array = Float64Array.from({ length: 65536 }, (_, u) => u * ONE)

/**
 * `get_bonds_sparse` (rows < n, every stored column — columns ≥ n still steer liquid alpha's row walk)
 * with each u16 mapped through `value`, then `scalar_vec_mask_sparse_matrix(bonds, last_tempo,
 * block_at_registration, ≤)`: bonds on uids registered at or after the bond-mask block are dropped
 * (columns past n read block 0).
 */
function loadBonds(state: EpochState, alloc: Allocator, value: Float64Array, lastTempo: number, registered: number[]): SparseMatrix {
  const n = state.neurons.length
  const rows = Math.min(n, state.bonds.length)
  let entries = 0
  for (let i = 0; i < rows; i++) entries += state.bonds[i]!.length
  const out = new SparseBuilder(n, entries, alloc)
  for (let i = 0; i < n; i++) {
    if (i < rows) {
      const row = state.bonds[i]!
      for (let k = 0; k < row.length; k++) {
        const j = row[k]![0]
        const b = row[k]![1]
        if (!isU16(j) || !isU16(b)) throw badEntry('bonds', i, j, b)
        if (!(lastTempo <= (j < registered.length ? registered[j]! : 0))) out.push(j, value[b]!)
      }
    }
    out.endRow()
  }
  return out.finish()
}

function copySparse(m: SparseMatrix, alloc: Allocator): SparseMatrix {
  const bits = alloc.f64Scratch(m.bits.length)
  bits.set(m.bits)
  return { start: m.start, col: m.col, bits }
}

function rowToU16(m: SparseMatrix, i: number): Array<[number, number]> {
  if (i >= rowCount(m)) return []
  const from = m.start[i]!
  const row = new Array<[number, number]>(m.start[i + 1]! - from)
  for (let t = 0; t < row.length; t++) row[t] = [m.col[from + t]!, proportionToU16(m.bits[from + t]!)]
  return row
}

function wideRowToU16(m: WideSparseMatrix, i: number): Array<[number, number]> {
  const from = m.start[i]!
  const row = new Array<[number, number]>(m.start[i + 1]! - from)
  for (let t = 0; t < row.length; t++) row[t] = [m.col[from + t]!, wideProportionToU16(m.bits[from + t]!)]
  return row
}

function minU64(x: bigint): bigint {
  return x > U64_MAX ? U64_MAX : x
}

/** Rejects inputs outside the stored types' domains (a caller bug), before anything is computed. */
function checkState(state: EpochState, raoEmission: bigint): void {
  const u16 = (x: number) => Number.isInteger(x) && x >= 0 && x <= 65535
  const u64 = (x: bigint) => x >= 0n && x <= U64_MAX
  const n = state.neurons.length
  // Row sums of raw u16 weights are I32F32 sums in subtensor: up to 32768 uids they stay below 2^31 (no
  // overflow); beyond, Rust would wrap them. Subnets are capped far lower (DefaultMaxAllowedUids = 256).
  if (n > 32768) throw new RangeError(`runEpoch: ${n} neurons; supported up to 32768 (I32F32 sums of raw weights overflow beyond)`)
  if (!u64(raoEmission)) throw new RangeError(`runEpoch: raoEmission ${raoEmission} is not a u64`)
  for (const [name, v] of [
    ['block', state.block],
    ['activityCutoff', state.activityCutoff],
    ['bondsMovingAverage', state.bondsMovingAverage],
    ['stakeThreshold', state.stakeThreshold],
    ['taoWeight', state.taoWeight],
    ['lastMechanismStepBlock', state.lastMechanismStepBlock],
  ] as const) {
    if (!u64(v)) throw new RangeError(`runEpoch: ${name} ${v} is not a u64`)
  }
  for (const [name, v] of [
    ['tempo', state.tempo],
    ['kappa', state.kappa],
    ['bondsPenalty', state.bondsPenalty],
    ['alphaValues[0]', state.alphaValues[0]],
    ['alphaValues[1]', state.alphaValues[1]],
    ['maxAllowedValidators', state.maxAllowedValidators],
  ] as const) {
    if (!u16(v)) throw new RangeError(`runEpoch: ${name} ${v} is not a u16`)
  }
  const steepness = state.alphaSigmoidSteepness
  if (!Number.isInteger(steepness) || steepness < -32768 || steepness > 32767) throw new RangeError(`runEpoch: alphaSigmoidSteepness ${steepness} is not an i16`)
  if (state.ownerUid !== undefined && !u16(state.ownerUid)) throw new RangeError(`runEpoch: ownerUid ${state.ownerUid} is not a u16`)
  state.neurons.forEach((x, uid) => {
    for (const v of [x.alphaStake, x.taoStake, x.lastUpdate, x.blockAtRegistration]) {
      if (!u64(v)) throw new RangeError(`runEpoch: neuron ${uid} has ${v}, not a u64`)
    }
    if (x.earliestCommitBlock !== undefined && !u64(x.earliestCommitBlock)) throw new RangeError(`runEpoch: neuron ${uid} earliestCommitBlock is not a u64`)
  })
}

/** The stored rows' entries must be (u16, u16); checked while loading, which reads every entry anyway. */
function badEntry(name: string, i: number, j: number, v: number): RangeError {
  return new RangeError(`runEpoch: ${name}[${i}] holds (${j}, ${v}), not a (u16, u16)`)
}

function isU16(x: number): boolean {
  return (x & 0xffff) === x
}
