// The matrix half of the epoch (§7.2 steps 13–26) on a dense rows × n grid, for the common shape: every stored weight and bond row in strictly ascending uid order (what set_weights and the epoch itself store).
//
// Same results as the sparse path in runEpoch.ts (`runEpochReference`), bit for bit: every cell goes
// through the same I32F32 operations on the same bits, only fused into a few column-major sweeps.
// Rows are the uids that have (unmasked) weights or stored bonds — on a real subnet the validators —
// and an absent sparse entry is a 0 cell, which every step below treats exactly as Rust treats the
// missing entry (argued per step). Where the stored order could be observed (an unsorted or
// duplicated row), or a case leaves the proportion ranges argued here, `denseEpoch` returns
// `undefined` and the caller runs the sparse path instead.
//
// Exactness notes, all values being I32F32 bits held in doubles:
// - sums: every sum here is of proportions (≤ 2^32 each) over ≤ n rows or columns, < 2^53, so exact
//   in any order (the sparse path sums in another order);
// - `mul` (i32f32.ts) is the exact floor(a·b / 2^32);
// - `divFloor` below is the exact floor(x·2^32 / y) for 0 ≤ x ≤ y < 2^41, which is `safe_div` there.

import { ONE as IMPORTED_ONE, mul as mulGeneral, safeDiv } from './i32f32.ts'
import { U16_PROPORTION as IMPORTED_U16_PROPORTION, inplaceNormalize } from './math.ts'
import type { Allocator } from './workspace.ts'
import type { EpochState } from './runEpoch.ts'

/** The uid-level inputs the sparse path computes first (steps 1–12), handed over as they are. */
export interface DenseInputs {
  readonly n: number
  readonly activeStake: Float64Array
  readonly forbids: readonly boolean[]
  readonly owner: number | undefined
  readonly newPermits: readonly boolean[]
  /** Order-preserving block numbers (see `orderPreservingNumbers`). */
  readonly lastUpdate: readonly number[]
  readonly registered: readonly number[]
  readonly earliestCommit: readonly number[]
  readonly lastTempo: number
  readonly kappa: number
  readonly penalty: number
  /** The EMA coefficient bits (Yuma3 without liquid alpha, or classic), computed on demand. */
  readonly emaAlpha: () => bigint
  /** Liquid alpha's per-cell coefficient, when `LiquidAlphaOn` (Yuma3 only). */
  readonly liquidAlpha?: (consensus: number, weight: number, bond: number) => number
}

export interface DenseOutcome {
  readonly consensus: Float64Array
  readonly validatorTrust: Float64Array
  readonly incentive: Float64Array
  readonly dividends: Float64Array
  readonly bonds: Array<Array<[number, number]>>
}

/** Above this many cells the grid costs more than the sparse path saves (and memory); the caller goes sparse. */
const MAX_CELLS = 1 << 23
const TWO21 = 2097152
// Module-local copies: hot loops then read plain constants (some loaders turn imports into getters).
const ONE: number = IMPORTED_ONE
const U16_PROPORTION: Float64Array = IMPORTED_U16_PROPORTION
const SAFE = Number.MAX_SAFE_INTEGER
const TWO37 = 137438953472

const TWO34 = 17179869184

/**
 * `mul` (i32f32.ts): floor(a·b / 2^32). Inline here: products below 2^53 (exact as doubles), and
 * operands in [0, 2^34] split as a = ah·2^16 + al, where floor(a·b / 2^32) =
 * floor((ah·b + floor(al·b / 2^16)) / 2^16) (the dropped low part of al·b is below one unit of the
 * inner sum's 2^16 place) with every term below 2^53.
 */
function mul(a: number, b: number): number {
  const p = a * b
  if (p <= SAFE && p >= -SAFE) return Math.floor(p / ONE) + 0
  if (a >= 0 && b >= 0 && a <= TWO34 && b <= TWO34) {
    const ah = Math.floor(a / 65536)
    const al = a - ah * 65536
    return Math.floor((ah * b + Math.floor((al * b) / 65536)) / 65536)
  }
  return mulGeneral(a, b)
}

/** `proportionToU16` (i32f32.ts) for bits ≥ 0. */
function proportionToU16(bits: number): number {
  if (bits >= TWO37) return 65535
  const int = Math.floor((bits * 65535) / ONE)
  return int > 65535 ? 65535 : int
}
const TWO41 = 2199023255552

/**
 * floor(x·2^32 / y) for integers 0 ≤ x ≤ y < 2^41 (y = yh·2^21 + yl): the float quotient of the
 * exact x·2^32 by y is within 2^−21 of the true one (≤ 2^32), so its floor q is the answer or one
 * above it; the remainder x·2^32 − q·y = (x·2^11 − q·yh)·2^21 − q·yl is computed exactly (each
 * product < 2^53, q ≤ 2^32, and the remainder itself is below 2^42) and decides.
 */
export function divFloor(x: number, y: number, yh: number, yl: number): number {
  const q = Math.floor((x * ONE) / y)
  const rest = (x * 2048 - q * yh) * TWO21 - q * yl
  return rest < 0 ? q - 1 : q
}

/** How many epochs the dense path computed, and how many it handed back to the sparse one (for tests and diagnostics). */
export const denseCounts = { taken: 0, declined: 0 }

export function denseEpoch(state: EpochState, p: DenseInputs, yuma3: boolean, alloc: Allocator): DenseOutcome | undefined {
  const outcome = dense(state, p, yuma3, alloc)
  if (outcome === undefined) denseCounts.declined++
  else denseCounts.taken++
  return outcome
}

function dense(state: EpochState, p: DenseInputs, yuma3: boolean, alloc: Allocator): DenseOutcome | undefined {
  const n = p.n
  if (n === 0) return undefined
  const weightRows = Math.min(n, state.weights.length)
  const bondRows = Math.min(n, state.bonds.length)

  // The grid's rows: uids with a permitted, non-empty weight row or a non-empty bond row.
  const rowOf = new Int32Array(n).fill(-1)
  const rowUid: number[] = []
  for (let i = 0; i < n; i++) {
    const hasWeights = i < weightRows && !p.forbids[i] && state.weights[i]!.length > 0
    const hasBonds = i < bondRows && state.bonds[i]!.length > 0
    if (hasWeights || hasBonds) {
      rowOf[i] = rowUid.length
      rowUid.push(i)
    }
  }
  const R = rowUid.length
  if (R === 0 || R * n > MAX_CELLS) return undefined
  const cells = R * n

  // Forbidden rows are masked whole, but the sparse path still checks their entries are (u16, u16).
  for (let i = 0; i < weightRows; i++) {
    if (rowOf[i]! >= 0 && !p.forbids[i]) continue
    const row = state.weights[i]!
    for (let k = 0; k < row.length; k++) {
      const e = row[k]!
      if ((e[0] & 0xffff) !== e[0] || (e[1] & 0xffff) !== e[1]) return undefined
    }
  }

  // 13–18. Weights, masked and row-normalised, into W[j·R + r] (column-major: the median and every
  // later sweep walk columns). `present` marks stored entries, which liquid alpha can observe.
  const W = alloc.f64Scratch(cells)
  const wantLiquid = yuma3 && p.liquidAlpha !== undefined
  const present = wantLiquid ? alloc.u16Scratch(cells).fill(0) : undefined
  if (!loadWeights(state, p, rowUid, W, present)) return undefined

  // Bonds as stored u16, B[j·R + r] (absent = 0: every bond step treats a missing entry as a 0 one),
  // without bonds on uids registered at or after the bond-mask block.
  const B = alloc.u16Scratch(cells).fill(0)
  if (!loadBonds(state, p, rowOf, R, B)) return undefined

  // Row stakes and the median's participants (uids with positive active stake, their stake
  // renormalised as `weighted_median_col_sparse` does); those without a grid row score 0 everywhere
  // and enter every column as one (0, their stake) item.
  const activeStake = p.activeStake
  const rowStake = new Float64Array(R)
  for (let r = 0; r < R; r++) rowStake[r] = activeStake[rowUid[r]!]!
  const useStake = activeStake.filter((s) => s > 0)
  inplaceNormalize(useStake)
  let stakeSum = 0
  for (let t = 0; t < useStake.length; t++) stakeSum += useStake[t]!
  const voters: number[] = []
  const voterStake: number[] = []
  let zeroStake = 0
  let zeroVoters = 0
  for (let i = 0, t = 0; i < n; i++) {
    if (!(activeStake[i]! > 0)) continue
    const s = useStake[t++]!
    if (rowOf[i]! >= 0) {
      voters.push(rowOf[i]!)
      voterStake.push(s)
    } else {
      zeroStake += s
      zeroVoters++
    }
  }

  // 19. Consensus.
  const consensus = new Float64Array(n)
  weightedMedianColumns(W, n, R, Int32Array.from(voters), Float64Array.from(voterStake), zeroVoters > 0, zeroStake, stakeSum - p.kappa, consensus)

  // Liquid alpha needs some non-zero consensus; otherwise (and without it) one EMA coefficient.
  const liquid = wantLiquid && consensus.some((x) => x !== 0)
  let alphaBits = 0
  if (!liquid) {
    const alpha = p.emaAlpha()
    if (alpha < 0n || alpha > BigInt(ONE)) return undefined // an EMA outside [0, 1]: the sparse path's BigInt cells
    alphaBits = Number(alpha)
  }

  // 20–22. Clipped weights (min(w, consensus), dropped where consensus ≤ 0 — a 0 cell), validator trust
  // (row sums), incentive (active-stake-weighted column sums, normalised). Classic Yuma also needs the
  // column sums of the stake-scaled bond weights here.
  const trust = new Float64Array(R)
  const incentive = new Float64Array(n)
  const deltaSum = yuma3 ? undefined : new Float64Array(n)
  clipSweep(W, n, R, consensus, rowStake, p.penalty, trust, incentive, deltaSum)
  inplaceNormalize(incentive)

  // 23–26. Bonds and dividends, one column at a time; the new bonds as u16 (−1 = no entry).
  const out = new Int32Array(cells)
  const bondShare = new Float64Array(R)
  if (!yuma3) classicSweep(W, B, n, R, consensus, incentive, rowStake, p.penalty, alphaBits, deltaSum!, bondShare, out)
  else if (liquid) liquidSweep(W, B, present!, n, R, consensus, incentive, p.penalty, p.liquidAlpha!, bondShare, out)
  else yuma3Sweep(W, B, n, R, consensus, incentive, p.penalty, alphaBits, bondShare, out)

  // Back to uids.
  const validatorTrust = new Float64Array(n)
  const dividends = new Float64Array(n)
  for (let r = 0; r < R; r++) {
    const i = rowUid[r]!
    validatorTrust[i] = trust[r]!
    // Yuma3: vec_mul(total bonds per validator, active stake) — checked_mul of proportions (no overflow).
    dividends[i] = yuma3 ? mul(bondShare[r]!, activeStake[i]!) : bondShare[r]!
  }
  inplaceNormalize(dividends)

  return { consensus, validatorTrust, incentive, dividends, bonds: buildBondRows(n, R, rowOf, p.newPermits, out) }
}

/** Reads, checks and masks the weight rows of the grid's uids, row-normalised into W; false when a row is not strictly ascending or an entry is not (u16, u16). */
function loadWeights(state: EpochState, p: DenseInputs, rowUid: readonly number[], W: Float64Array, present: Uint16Array | undefined): boolean {
  const n = p.n
  const R = rowUid.length
  const weightRows = Math.min(n, state.weights.length)
  const rowBuf = new Float64Array(n)
  const rowHas = new Uint8Array(n)
  const owner = p.owner
  const registered = p.registered
  for (let r = 0; r < R; r++) {
    const i = rowUid[r]!
    let total = 0
    if (i < weightRows && !p.forbids[i]) {
      const row = state.weights[i]!
      const updated = p.lastUpdate[i]!
      const committed = p.earliestCommit[i]!
      let previous = -1
      for (let k = 0; k < row.length; k++) {
        const e = row[k]!
        const j = e[0]
        const w = e[1]
        if ((j & 0xffff) !== j || (w & 0xffff) !== w || j <= previous) return false
        previous = j
        if (j >= n || (i === j && i !== owner)) continue
        const reg = registered[j]!
        if (updated <= reg || committed < reg) continue
        rowBuf[j] = w
        rowHas[j] = 1
        total += w
      }
    }
    // inplace_row_normalize_sparse: bits u·2^32 over the row sum S·2^32 (S < 2^31): floor(u·2^32 / S).
    for (let j = 0, at = r; j < n; j++, at += R) {
      const u = rowBuf[j]!
      if (u === 0) {
        W[at] = 0
      } else {
        const t = u * ONE
        let q = Math.floor(t / total)
        if (q * total > t) q -= 1 // q·S ≤ t + S < 2^53: exact
        W[at] = q
        rowBuf[j] = 0
      }
      if (present !== undefined && rowHas[j] !== 0) present[at] = 1
      rowHas[j] = 0
    }
  }
  return true
}

/** Reads and checks every bond row into B (u16, masked); false when a row is not strictly ascending or an entry is not (u16, u16). */
function loadBonds(state: EpochState, p: DenseInputs, rowOf: Int32Array, R: number, B: Uint16Array): boolean {
  const n = p.n
  const bondRows = Math.min(n, state.bonds.length)
  const lastTempo = p.lastTempo
  const registered = p.registered
  for (let i = 0; i < bondRows; i++) {
    const row = state.bonds[i]!
    const r = rowOf[i]!
    let previous = -1
    for (let k = 0; k < row.length; k++) {
      const e = row[k]!
      const j = e[0]
      const b = e[1]
      if ((j & 0xffff) !== j || (b & 0xffff) !== b || j <= previous) return false
      previous = j
      if (j < n && !(lastTempo <= registered[j]!)) B[j * R + r] = b
    }
  }
  return true
}

/**
 * Per column: the smallest score whose cumulative stake (scores ≤ it) exceeds the minority, or the
 * largest score when none does — what subtensor's quickselect returns (its sums are exact, see
 * `weightedMedian`), found here by an in-place weighted quickselect.
 */
function weightedMedianColumns(
  W: Float64Array,
  n: number,
  R: number,
  voters: Int32Array,
  voterStake: Float64Array,
  zeroVoters: boolean,
  zeroStake: number,
  minority: number,
  consensus: Float64Array,
): void {
  const V = voters.length
  const items = V + (zeroVoters ? 1 : 0)
  if (items === 0) return
  const vals = new Float64Array(items)
  const stks = new Float64Array(items)
  for (let j = 0; j < n; j++) {
    const base = j * R
    for (let t = 0; t < V; t++) {
      vals[t] = W[base + voters[t]!]!
      stks[t] = voterStake[t]!
    }
    if (zeroVoters) {
      vals[V] = 0
      stks[V] = zeroStake
    }
    consensus[j] = weightedSelect(vals, stks, items, minority)
  }
}

function clipSweep(
  W: Float64Array,
  n: number,
  R: number,
  consensus: Float64Array,
  rowStake: Float64Array,
  penalty: number,
  trust: Float64Array,
  incentive: Float64Array,
  deltaSum: Float64Array | undefined,
): void {
  for (let j = 0; j < n; j++) {
    const c = consensus[j]!
    const base = j * R
    let inc = 0
    let delta = 0
    for (let r = 0; r < R; r++) {
      const w = W[base + r]!
      const clipped = c < w ? (c > 0 ? c : 0) : w
      trust[r] = trust[r]! + clipped
      if (clipped !== 0) inc += mul(rowStake[r]!, clipped)
      if (deltaSum !== undefined) {
        const wb = penalty === 0 ? w : penalty === ONE ? clipped : interpolated(w, clipped, penalty)
        if (wb !== 0) delta += mul(wb, rowStake[r]!)
      }
    }
    incentive[j] = inc
    if (deltaSum !== undefined) deltaSum[j] = delta
  }
}

/**
 * Yuma3 without liquid alpha: mat_ema_sparse (alpha·new + (1 − alpha)·old over the union of entries;
 * a missing one adds mul(·, 0) = 0), kept where > 0; stored raw; its column-normalised cells against
 * incentive give each row's bond share.
 */
function yuma3Sweep(
  W: Float64Array,
  B: Uint16Array,
  n: number,
  R: number,
  consensus: Float64Array,
  incentive: Float64Array,
  penalty: number,
  alphaBits: number,
  bondShare: Float64Array,
  out: Int32Array,
): void {
  const ema = new Float64Array(R)
  const oneMinusAlpha = ONE - alphaBits
  for (let j = 0; j < n; j++) {
    const c = consensus[j]!
    const base = j * R
    let colSum = 0
    for (let r = 0; r < R; r++) {
      const w = W[base + r]!
      const clipped = c < w ? (c > 0 ? c : 0) : w
      const wb = penalty === 0 ? w : penalty === ONE ? clipped : interpolated(w, clipped, penalty)
      const old = U16_PROPORTION[B[base + r]!]!
      const e = (wb !== 0 ? mul(alphaBits, wb) : 0) + (old !== 0 ? mul(oneMinusAlpha, old) : 0)
      ema[r] = e
      colSum += e
    }
    storeAndShare(ema, R, base, colSum, incentive[j]!, bondShare, out)
  }
}

/**
 * Yuma3 with liquid alpha: mat_ema_alpha_sparse over the entries of the bond weights. interpolate_sparse
 * keeps cells > 0; with penalty 0 or 1 the bond weights are the weights / clipped weights themselves,
 * whose stored entries (zeros included) count. Old bonds without such an entry are dropped.
 */
function liquidSweep(
  W: Float64Array,
  B: Uint16Array,
  present: Uint16Array,
  n: number,
  R: number,
  consensus: Float64Array,
  incentive: Float64Array,
  penalty: number,
  liquidAlpha: (consensus: number, weight: number, bond: number) => number,
  bondShare: Float64Array,
  out: Int32Array,
): void {
  const ema = new Float64Array(R)
  for (let j = 0; j < n; j++) {
    const c = consensus[j]!
    const base = j * R
    let colSum = 0
    for (let r = 0; r < R; r++) {
      const w = W[base + r]!
      const clipped = c < w ? (c > 0 ? c : 0) : w
      const wb = penalty === 0 ? w : penalty === ONE ? clipped : interpolated(w, clipped, penalty)
      const isEntry = penalty === 0 ? present[base + r] !== 0 : penalty === ONE ? present[base + r] !== 0 && !(c < w && c <= 0) : wb > 0
      let e = 0
      if (isEntry) {
        const old = U16_PROPORTION[B[base + r]!]!
        const a = liquidAlpha(c, wb, old)
        const decayed = mul(ONE - a, old)
        const increment = mul(a, wb)
        e = Math.min(decayed + (increment > 0 ? increment : 0), ONE)
        if (!(e > 0)) e = 0
      }
      ema[r] = e
      colSum += e
    }
    storeAndShare(ema, R, base, colSum, incentive[j]!, bondShare, out)
  }
}

/** Yuma3's column tail: cells > 0 are stored (u16 of the raw EMA) and, column-normalised, weighed by the column's incentive. */
function storeAndShare(ema: Float64Array, R: number, base: number, colSum: number, incJ: number, bondShare: Float64Array, out: Int32Array): void {
  const fast = colSum < TWO41
  const yh = Math.floor(colSum / TWO21)
  const yl = colSum - yh * TWO21
  for (let r = 0; r < R; r++) {
    const e = ema[r]!
    if (e > 0) {
      out[base + r] = proportionToU16(e)
      const normalised = fast ? divFloor(e, colSum, yh, yl) : safeDiv(e, colSum)
      if (incJ !== 0 && normalised !== 0) bondShare[r] = bondShare[r]! + mul(normalised, incJ)
    } else {
      out[base + r] = -1
    }
  }
}

/**
 * Classic Yuma: bonds_delta = row_hadamard(bond weights, active stake), column-normalised; old bonds
 * raw u16, column-normalised; EMA over the union, kept where > 0; column-normalised (dividends:
 * incentive against it); max-upscaled (stored, zeros included).
 */
function classicSweep(
  W: Float64Array,
  B: Uint16Array,
  n: number,
  R: number,
  consensus: Float64Array,
  incentive: Float64Array,
  rowStake: Float64Array,
  penalty: number,
  alphaBits: number,
  deltaSum: Float64Array,
  bondShare: Float64Array,
  out: Int32Array,
): void {
  const ema = new Float64Array(R)
  const oneMinusAlpha = ONE - alphaBits
  for (let j = 0; j < n; j++) {
    const c = consensus[j]!
    const base = j * R
    const incJ = incentive[j]!
    let colSum = 0
    let oldSum = 0
    for (let r = 0; r < R; r++) oldSum += B[base + r]!
    const dSum = deltaSum[j]!
    const dFast = dSum < TWO41
    const dh = Math.floor(dSum / TWO21)
    const dl = dSum - dh * TWO21
    for (let r = 0; r < R; r++) {
      const w = W[base + r]!
      const clipped = c < w ? (c > 0 ? c : 0) : w
      const wb = penalty === 0 ? w : penalty === ONE ? clipped : interpolated(w, clipped, penalty)
      let delta = wb !== 0 ? mul(wb, rowStake[r]!) : 0
      if (delta !== 0 && dSum !== 0) delta = dFast ? divFloor(delta, dSum, dh, dl) : safeDiv(delta, dSum)
      const u = B[base + r]!
      let old = 0
      if (u !== 0) {
        // bits u·2^32 over the column sum S·2^32 (S < 2^31): floor(u·2^32 / S)
        const t = u * ONE
        old = Math.floor(t / oldSum)
        if (old * oldSum > t) old -= 1
      }
      const e = (delta !== 0 ? mul(alphaBits, delta) : 0) + (old !== 0 ? mul(oneMinusAlpha, old) : 0)
      if (e > 0) {
        ema[r] = e
        colSum += e
      } else {
        ema[r] = -1
      }
    }
    const fast = colSum < TWO41
    const yh = Math.floor(colSum / TWO21)
    const yl = colSum - yh * TWO21
    let max = 0
    for (let r = 0; r < R; r++) {
      const e = ema[r]!
      if (e < 0) continue
      const normalised = fast ? divFloor(e, colSum, yh, yl) : safeDiv(e, colSum)
      ema[r] = normalised
      if (normalised > max) max = normalised
      if (incJ !== 0 && normalised !== 0) bondShare[r] = bondShare[r]! + mul(incJ, normalised)
    }
    const mh = Math.floor(max / TWO21)
    const ml = max - mh * TWO21
    for (let r = 0; r < R; r++) {
      const e = ema[r]!
      out[base + r] = e < 0 ? -1 : proportionToU16(max !== 0 ? divFloor(e, max, mh, ml) : e)
    }
  }
}

/** interpolate_sparse's cell: a + ratio·(b − a), kept (else 0) when > 0. */
function interpolated(a: number, b: number, ratio: number): number {
  const v = a + mul(ratio, b - a)
  return v > 0 ? v : 0
}

/**
 * The smallest value whose cumulative stake (values ≤ it) exceeds `minority`, or the largest value when
 * none does, over items 0..<count of `vals` / `stks` (reordered in place). Sums of ≤ 2^16 proportions: exact.
 */
function weightedSelect(vals: Float64Array, stks: Float64Array, count: number, minority: number): number {
  let a = 0
  let b = count
  let below = 0 // stake of the items below [a, b)
  for (;;) {
    const size = b - a
    if (size === 1) return vals[a]!
    const pivot = vals[a + (size >> 1)]!
    // three-way partition of [a, b): < pivot | = pivot | > pivot
    let lt = a
    let i = a
    let gt = b
    let lowStake = 0
    let equalStake = 0
    while (i < gt) {
      const v = vals[i]!
      if (v < pivot) {
        const s = stks[i]!
        lowStake += s
        vals[i] = vals[lt]!
        stks[i] = stks[lt]!
        vals[lt] = v
        stks[lt] = s
        lt++
        i++
      } else if (v > pivot) {
        gt--
        const s = stks[i]!
        vals[i] = vals[gt]!
        stks[i] = stks[gt]!
        vals[gt] = v
        stks[gt] = s
      } else {
        equalStake += stks[i]!
        i++
      }
    }
    if (minority < below + lowStake && lt > a) {
      b = lt
    } else if (below + lowStake + equalStake <= minority && gt < b) {
      below += lowStake + equalStake
      a = gt
    } else {
      return pivot
    }
  }
}

/** `EpochResult.bonds`: n rows of `[uid, u16]` in uid order, `[]` for uids without a new permit (or without bonds). */
function buildBondRows(n: number, R: number, rowOf: Int32Array, newPermits: readonly boolean[], out: Int32Array): Array<Array<[number, number]>> {
  const rows = new Array<Array<[number, number]>>(n)
  for (let i = 0; i < n; i++) {
    const r = rowOf[i]!
    if (!newPermits[i] || r < 0) {
      rows[i] = []
      continue
    }
    const row: Array<[number, number]> = []
    for (let j = 0, at = r; j < n; j++, at += R) {
      const v = out[at]!
      if (v >= 0) row.push([j, v])
    }
    rows[i] = row
  }
  return rows
}
