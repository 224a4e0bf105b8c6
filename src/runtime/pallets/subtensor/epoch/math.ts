// The vector and sparse-matrix operations of subtensor's epoch/math.rs that the production (sparse) epoch uses, on I32F32 bits, bit-exact and pure.
//
// Vectors are Float64Arrays of I32F32 bits (see i32f32.ts); sparse matrices are compressed rows that
// keep each row's entries in stored order, as subtensor's `Vec<Vec<(u16, I32F32)>>` does (the order
// is observable: it becomes the order of stored bonds, and liquid alpha walks rows assuming it is
// ascending). Names follow math.rs; `inplace*` functions mutate their argument as their Rust
// namesakes do, everything else returns new values (matrix-sized ones from an optional `Allocator`,
// see workspace.ts). Where math.rs logs and carries on on mismatched lengths, these functions carry on
// the same way.

import { Fixed, I32F32, exp } from './fixed.ts'
import { ONE, checkedMul, mul, ratio, safeDiv } from './i32f32.ts'
import { HEAP, type Allocator } from './workspace.ts'

/** A sparse matrix in compressed rows: row `i` is entries `start[i] ..< start[i + 1]` of `col` / `bits`. */
export interface SparseMatrix {
  readonly start: Int32Array
  /** Column index of each entry (a u16 uid). */
  readonly col: Uint16Array
  /** I32F32 bits of each entry. */
  readonly bits: Float64Array
}

/** An I32F32 vector as bits. */
export type Vector = Float64Array

// --- building sparse matrices ---------------------------------------------------------------------

export function rowCount(m: SparseMatrix): number {
  return m.start.length - 1
}

/** Builds a matrix from rows of `[column, bits]` pairs (kept in the given order). */
export function sparseFromRows(rows: ReadonlyArray<ReadonlyArray<readonly [number, number]>>): SparseMatrix {
  let entries = 0
  for (const row of rows) entries += row.length
  const builder = new SparseBuilder(rows.length, entries)
  for (const row of rows) {
    for (const [j, bits] of row) builder.push(j, bits)
    builder.endRow()
  }
  return builder.finish()
}

/** The rows of `m` as `[column, bits]` pairs (for tests and diagnostics). */
export function sparseToRows(m: SparseMatrix): Array<Array<[number, number]>> {
  const rows: Array<Array<[number, number]>> = []
  for (let i = 0; i < rowCount(m); i++) {
    const row: Array<[number, number]> = []
    for (let k = m.start[i]!; k < m.start[i + 1]!; k++) row.push([m.col[k]!, m.bits[k]!])
    rows.push(row)
  }
  return rows
}

/** Appends entries row by row into preallocated arrays (capacity is an upper bound on the entries). */
export class SparseBuilder {
  private readonly start: Int32Array
  private col: Uint16Array
  private bits: Float64Array
  private row = 0
  private size = 0

  constructor(
    rows: number,
    capacity: number,
    private readonly alloc: Allocator = HEAP,
  ) {
    this.start = new Int32Array(rows + 1)
    this.col = alloc.u16Scratch(capacity)
    this.bits = alloc.f64Scratch(capacity)
  }

  push(j: number, bits: number): void {
    if (this.size === this.col.length) this.grow()
    this.col[this.size] = j
    this.bits[this.size] = bits
    this.size++
  }

  endRow(): void {
    this.row++
    this.start[this.row] = this.size
  }

  finish(): SparseMatrix {
    if (this.row !== this.start.length - 1) throw new Error(`SparseBuilder: ${this.row} of ${this.start.length - 1} rows ended`)
    return { start: this.start, col: this.col.subarray(0, this.size), bits: this.bits.subarray(0, this.size) }
  }

  private grow(): void {
    const capacity = Math.max(16, this.col.length * 2)
    const col = this.alloc.u16Scratch(capacity)
    col.set(this.col)
    const bits = this.alloc.f64Scratch(capacity)
    bits.set(this.bits)
    this.col = col
    this.bits = bits
  }
}

/** Keeps the entries for which `keep(i, j)` holds, in order. */
function filterSparse(m: SparseMatrix, keep: (i: number, j: number) => boolean, alloc: Allocator): SparseMatrix {
  const rows = rowCount(m)
  const start = new Int32Array(rows + 1)
  const col = alloc.u16Scratch(m.col.length)
  const bits = alloc.f64Scratch(m.col.length)
  let size = 0
  for (let i = 0; i < rows; i++) {
    for (let k = m.start[i]!; k < m.start[i + 1]!; k++) {
      const j = m.col[k]!
      if (keep(i, j)) {
        col[size] = j
        bits[size++] = m.bits[k]!
      }
    }
    start[i + 1] = size
  }
  return { start, col: col.subarray(0, size), bits: bits.subarray(0, size) }
}

// --- vectors --------------------------------------------------------------------------------------

/** `sum`: the exact sum of the bits (I32F32 `+` cannot overflow on epoch values, which are proportions). */
export function sum(x: Vector): number {
  let s = 0
  for (let i = 0; i < x.length; i++) s += x[i]!
  return s
}

/** `is_zero`: the vector sums to zero. */
export function isZero(x: Vector): boolean {
  return sum(x) === 0
}

/**
 * `is_topk_nonzero`: true for non-zero entries, then — when `len ≥ k` — false for the `len − k`
 * smallest, by a stable ascending sort of the indices (so among equal values the lower uid loses).
 */
export function isTopkNonzero(vector: Vector, k: number): boolean[] {
  const n = vector.length
  const result = Array.from(vector, (v) => v !== 0)
  if (n < k) return result
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => vector[a]! - vector[b]!)
  for (let t = 0; t < n - k; t++) result[order[t]!] = false
  return result
}

/** `inplace_normalize`: divides by the sum unless it is zero. */
export function inplaceNormalize(x: Vector): void {
  inplaceNormalizeUsingSum(x, sum(x))
}

/** `inplace_normalize_using_sum`. */
export function inplaceNormalizeUsingSum(x: Vector, xSum: number): void {
  if (xSum === 0) return
  for (let i = 0; i < x.length; i++) x[i] = safeDiv(x[i]!, xSum)
}

/** `inplace_mask_vector`: zeroes entries whose mask is true; indices past the mask count as masked, and an empty mask masks nothing. */
export function inplaceMaskVector(mask: ArrayLike<boolean>, vector: Vector): void {
  if (mask.length === 0) return
  for (let i = 0; i < vector.length; i++) if (i >= mask.length || mask[i]) vector[i] = 0
}

/** `vec_mul`: element-wise `checked_mul`, 0 on overflow, as long as the shorter input. */
export function vecMul(a: Vector, b: Vector): Vector {
  const out = new Float64Array(Math.min(a.length, b.length))
  for (let i = 0; i < out.length; i++) out[i] = checkedMul(a[i]!, b[i]!) ?? 0
  return out
}

/** `exp_safe`: `exp` with the input clamped to [−20, 20]; on the routine's error, 0 for inputs ≤ 0 and I32F32::MAX otherwise. */
export function expSafe(input: Fixed): Fixed {
  const lo = I32F32.saturatingFromNum(-20)
  const hi = I32F32.saturatingFromNum(20)
  const x = input.lt(lo) ? lo : hi.lt(input) ? hi : input
  return exp(x) ?? (x.le(I32F32.zero) ? I32F32.zero : I32F32.max)
}

/** `clamp_value`: `value.min(high).max(low)`. */
export function clampValue(value: number, low: number, high: number): number {
  const v = value < high ? value : high
  return v > low ? v : low
}

// --- sparse masks ---------------------------------------------------------------------------------

/** `mask_rows_sparse`: rows whose mask is true (or that lie past the mask) become empty. */
export function maskRowsSparse(mask: ArrayLike<boolean>, m: SparseMatrix, alloc: Allocator = HEAP): SparseMatrix {
  return filterSparse(m, (i) => !(i >= mask.length || mask[i]), alloc)
}

/** `mask_diag_sparse`: drops (i, i). */
export function maskDiagSparse(m: SparseMatrix, alloc: Allocator = HEAP): SparseMatrix {
  return filterSparse(m, (i, j) => i !== j, alloc)
}

/** `mask_diag_sparse_except_index`: drops (i, i) except (except, except). */
export function maskDiagSparseExceptIndex(m: SparseMatrix, except: number, alloc: Allocator = HEAP): SparseMatrix {
  return filterSparse(m, (i, j) => i !== j || i === except, alloc)
}

/**
 * `vec_mask_sparse_matrix`: drops (i, j) where `maskFn(first[i], second[j])`; rows past `first` read 0,
 * columns past `second` read 0. The vectors hold block numbers (u64 in Rust): pass them as numbers
 * that preserve their order (see `orderPreservingNumbers`).
 */
export function vecMaskSparseMatrix(
  m: SparseMatrix,
  first: ArrayLike<number>,
  second: ArrayLike<number>,
  maskFn: (a: number, b: number) => boolean,
  alloc: Allocator = HEAP,
): SparseMatrix {
  return filterSparse(m, (i, j) => !maskFn(i < first.length ? first[i]! : 0, j < second.length ? second[j]! : 0), alloc)
}

/** `scalar_vec_mask_sparse_matrix`: drops (i, j) where `maskFn(scalar, vector[j])` (columns past `vector` read 0). */
export function scalarVecMaskSparseMatrix(
  m: SparseMatrix,
  scalar: number,
  vector: ArrayLike<number>,
  maskFn: (a: number, b: number) => boolean,
  alloc: Allocator = HEAP,
): SparseMatrix {
  return filterSparse(m, (_, j) => !maskFn(scalar, j < vector.length ? vector[j]! : 0), alloc)
}

/**
 * Maps u64 block numbers to numbers with the same order (and 0 ↦ 0), so the masks above compare them
 * exactly: the values themselves when all are below 2^53, otherwise their ranks among all the values.
 */
export function orderPreservingNumbers(...vectors: ReadonlyArray<ReadonlyArray<bigint>>): number[][] {
  const limit = BigInt(Number.MAX_SAFE_INTEGER)
  if (vectors.every((v) => v.every((x) => x <= limit))) return vectors.map((v) => v.map(Number))
  const distinct = [...new Set([0n, ...vectors.flat()])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  const rank = new Map(distinct.map((x, r) => [x, r]))
  return vectors.map((v) => v.map((x) => rank.get(x)!))
}

// --- sparse row / column operations ---------------------------------------------------------------

/** `inplace_row_normalize_sparse`: each row with a positive sum is divided by it. */
export function inplaceRowNormalizeSparse(m: SparseMatrix): void {
  const rows = rowCount(m)
  for (let i = 0; i < rows; i++) {
    const from = m.start[i]!
    const to = m.start[i + 1]!
    let s = 0
    for (let k = from; k < to; k++) s += m.bits[k]!
    if (s > 0) for (let k = from; k < to; k++) m.bits[k] = safeDiv(m.bits[k]!, s)
  }
}

/** `row_sum_sparse`. */
export function rowSumSparse(m: SparseMatrix): Vector {
  const rows = rowCount(m)
  const out = new Float64Array(rows)
  for (let i = 0; i < rows; i++) {
    let s = 0
    for (let k = m.start[i]!; k < m.start[i + 1]!; k++) s += m.bits[k]!
    out[i] = s
  }
  return out
}

/** `inplace_col_normalize_sparse`: entries of columns `< columns` with a non-zero column sum are divided by it. */
export function inplaceColNormalizeSparse(m: SparseMatrix, columns: number): void {
  const colSum = new Float64Array(columns)
  for (let k = 0; k < m.col.length; k++) {
    const j = m.col[k]!
    if (j < columns) colSum[j] = colSum[j]! + m.bits[k]!
  }
  for (let k = 0; k < m.col.length; k++) {
    const j = m.col[k]!
    const denom = j < columns ? colSum[j]! : 0
    if (denom !== 0) m.bits[k] = safeDiv(m.bits[k]!, denom)
  }
}

/** `inplace_col_max_upscale_sparse`: entries of columns `< columns` are divided by their column's maximum (when non-zero). */
export function inplaceColMaxUpscaleSparse(m: SparseMatrix, columns: number): void {
  const colMax = new Float64Array(columns)
  for (let k = 0; k < m.col.length; k++) {
    const j = m.col[k]!
    if (j < columns && colMax[j]! < m.bits[k]!) colMax[j] = m.bits[k]!
  }
  for (let k = 0; k < m.col.length; k++) {
    const j = m.col[k]!
    const max = j < columns ? colMax[j]! : 0
    if (max !== 0) m.bits[k] = safeDiv(m.bits[k]!, max)
  }
}

/** `row_hadamard_sparse`: row i scaled by `vector[i]`; rows past the vector are dropped. */
export function rowHadamardSparse(m: SparseMatrix, vector: Vector, alloc: Allocator = HEAP): SparseMatrix {
  const rows = Math.min(rowCount(m), vector.length)
  const end = m.start[rows]!
  const bits = alloc.f64Scratch(end)
  for (let i = 0; i < rows; i++) {
    const scale = vector[i]!
    for (let k = m.start[i]!; k < m.start[i + 1]!; k++) bits[k] = mul(m.bits[k]!, scale)
  }
  return { start: m.start.slice(0, rows + 1), col: m.col.subarray(0, end), bits }
}

/** `matmul_sparse`: result[j] = Σ_i vector[i]·m[i][j] over columns `< columns` (rows past the vector count as 0). */
export function matmulSparse(m: SparseMatrix, vector: Vector, columns: number): Vector {
  const out = new Float64Array(columns)
  const rows = rowCount(m)
  for (let i = 0; i < rows; i++) {
    const scale = i < vector.length ? vector[i]! : 0
    for (let k = m.start[i]!; k < m.start[i + 1]!; k++) {
      const j = m.col[k]!
      if (j < columns) out[j] = out[j]! + mul(scale, m.bits[k]!)
    }
  }
  return out
}

/** `matmul_transpose_sparse`: result[i] = Σ_j vector[j]·m[i][j] (columns past the vector count as 0). */
export function matmulTransposeSparse(m: SparseMatrix, vector: Vector): Vector {
  const rows = rowCount(m)
  const out = new Float64Array(rows)
  for (let i = 0; i < rows; i++) {
    let acc = 0
    for (let k = m.start[i]!; k < m.start[i + 1]!; k++) {
      const j = m.col[k]!
      acc += mul(j < vector.length ? vector[j]! : 0, m.bits[k]!)
    }
    out[i] = acc
  }
  return out
}

/** `row_sum_sparse(mat_vec_mul_sparse(m, vector))`: result[i] = Σ_j m[i][j]·vector[j] over columns inside the vector. */
export function rowSumOfMatVecMulSparse(m: SparseMatrix, vector: Vector): Vector {
  const rows = rowCount(m)
  const out = new Float64Array(rows)
  for (let i = 0; i < rows; i++) {
    let acc = 0
    for (let k = m.start[i]!; k < m.start[i + 1]!; k++) {
      const j = m.col[k]!
      // mat_vec_mul_sparse skips columns past the vector and zero products; neither changes the sum.
      if (j < vector.length) acc += mul(m.bits[k]!, vector[j]!)
    }
    out[i] = acc
  }
  return out
}

/** `col_clip_sparse`: entries above their column's threshold become the threshold, or are dropped when it is ≤ 0. */
export function colClipSparse(m: SparseMatrix, threshold: Vector, alloc: Allocator = HEAP): SparseMatrix {
  const rows = rowCount(m)
  const start = new Int32Array(rows + 1)
  const col = alloc.u16Scratch(m.col.length)
  const bits = alloc.f64Scratch(m.col.length)
  let size = 0
  for (let i = 0; i < rows; i++) {
    for (let k = m.start[i]!; k < m.start[i + 1]!; k++) {
      const j = m.col[k]!
      const value = m.bits[k]!
      const th = j < threshold.length ? threshold[j]! : 0
      if (th < value) {
        if (th > 0) {
          col[size] = j
          bits[size++] = th
        }
      } else {
        col[size] = j
        bits[size++] = value
      }
    }
    start[i + 1] = size
  }
  return { start, col: col.subarray(0, size), bits: bits.subarray(0, size) }
}

/**
 * `interpolate_sparse`: a + ratio·(b − a) per entry, keeping results > 0 in ascending column order;
 * `a` when ratio is 0, `b` when it is 1, `b` when the row counts differ — those inputs themselves
 * (Rust returns clones; treat the result as read-only). Rust walks every column of every row; cells
 * where both inputs are absent give 0 and are never kept, so only columns present in either row are
 * visited here.
 */
export function interpolateSparse(a: SparseMatrix, b: SparseMatrix, columns: number, ratioBits: number, alloc: Allocator = HEAP): SparseMatrix {
  if (ratioBits === 0) return a
  if (ratioBits === ONE) return b
  if (rowCount(a) !== rowCount(b)) return b
  const rows = rowCount(a)
  const out = new SparseBuilder(rows, a.col.length + b.col.length, alloc)
  const row1 = new Float64Array(columns)
  const row2 = new Float64Array(columns)
  const touched = new Uint8Array(columns)
  const cols: number[] = []
  for (let i = 0; i < rows; i++) {
    cols.length = 0
    for (const [m, row] of [[a, row1], [b, row2]] as const) {
      for (let k = m.start[i]!; k < m.start[i + 1]!; k++) {
        const j = m.col[k]!
        if (j >= columns) continue
        row[j] = m.bits[k]!
        if (!touched[j]) {
          touched[j] = 1
          cols.push(j)
        }
      }
    }
    if (cols.length * 16 < columns) cols.sort(ascending)
    else collectAscending(cols, touched, columns)
    for (const j of cols) {
      const v1 = row1[j]!
      const value = v1 + mul(ratioBits, row2[j]! - v1)
      if (value > 0) out.push(j, value)
      row1[j] = 0
      row2[j] = 0
      touched[j] = 0
    }
    out.endRow()
  }
  return out.finish()
}

// --- bonds EMA -----------------------------------------------------------------------------------

/**
 * `mat_ema_sparse`: alpha·new + (1 − alpha)·old per cell over an n × n grid (n = rows of `next`), keeping
 * positive cells in ascending column order. Columns ≥ n are ignored.
 */
export function matEmaSparse(next: SparseMatrix, old: SparseMatrix, alphaBits: number, alloc: Allocator = HEAP): SparseMatrix {
  const n = rowCount(next)
  const oneMinusAlpha = ONE - alphaBits
  const oldRows = rowCount(old)
  let capacity = 0
  for (let i = 0; i < n; i++) {
    const cells = next.start[i + 1]! - next.start[i]! + (i < oldRows ? old.start[i + 1]! - old.start[i]! : 0)
    capacity += cells < n ? cells : n
  }
  const start = new Int32Array(n + 1)
  const col = alloc.u16Scratch(capacity)
  const bits = alloc.f64Scratch(capacity)
  let size = 0
  const acc = new Float64Array(n)
  const touched = new Uint8Array(n)
  const cols: number[] = []
  for (let i = 0; i < n; i++) {
    cols.length = 0
    for (let k = next.start[i]!; k < next.start[i + 1]!; k++) {
      const j = next.col[k]!
      if (j >= n) continue
      acc[j] = acc[j]! + mul(alphaBits, next.bits[k]!)
      if (touched[j] === 0) {
        touched[j] = 1
        cols.push(j)
      }
    }
    if (i < oldRows) {
      for (let k = old.start[i]!; k < old.start[i + 1]!; k++) {
        const j = old.col[k]!
        if (j >= n) continue
        acc[j] = acc[j]! + mul(oneMinusAlpha, old.bits[k]!)
        if (touched[j] === 0) {
          touched[j] = 1
          cols.push(j)
        }
      }
    }
    if (cols.length * 16 < n) cols.sort(ascending)
    else collectAscending(cols, touched, n)
    for (let t = 0; t < cols.length; t++) {
      const j = cols[t]!
      if (acc[j]! > 0) {
        col[size] = j
        bits[size++] = acc[j]!
      }
      acc[j] = 0
      touched[j] = 0
    }
    start[i + 1] = size
  }
  return { start, col: col.subarray(0, size), bits: bits.subarray(0, size) }
}

const ascending = (x: number, y: number): number => x - y

/** Rewrites `cols` as the marked columns in ascending order, by scanning the markers (for dense rows). */
function collectAscending(cols: number[], touched: Uint8Array, columns: number): void {
  cols.length = 0
  for (let j = 0; j < columns; j++) if (touched[j] !== 0) cols.push(j)
}

/**
 * `mat_ema_alpha_sparse` with the alpha of each entry of `next` given alongside it (`alphas[k]` for
 * entry k; Rust takes a dense n × n alpha matrix but reads it only at the columns of `next`): per entry
 * (i, j) of `next`, min(1, (1 − α)·old[i][j] + max(0, α·next[i][j])), kept when > 0, in `next`'s order.
 * Old entries without a `next` entry are dropped. `columns` is the alpha rows' length (n).
 */
export function matEmaAlphaSparse(next: SparseMatrix, old: SparseMatrix, alphas: Float64Array, columns: number, alloc: Allocator = HEAP): SparseMatrix {
  const rows = rowCount(next)
  const out = new SparseBuilder(rows, next.col.length, alloc)
  const oldValue = new Float64Array(columns)
  const hasOld = new Uint8Array(columns)
  for (let i = 0; i < rows && i < rowCount(old); i++) {
    for (let k = old.start[i]!; k < old.start[i + 1]!; k++) {
      const j = old.col[k]!
      if (j < columns) {
        oldValue[j] = old.bits[k]! // a repeated column overwrites, as `decayed_values[j] = …` does
        hasOld[j] = 1
      }
    }
    for (let k = next.start[i]!; k < next.start[i + 1]!; k++) {
      const j = next.col[k]!
      if (j >= columns) continue
      const a = alphas[k]!
      const decayed = hasOld[j] ? mul(ONE - a, oldValue[j]!) : 0
      const inc = mul(a, next.bits[k]!)
      const value = Math.min(decayed + (inc > 0 ? inc : 0), ONE)
      if (value > 0) out.push(j, value)
    }
    for (let k = old.start[i]!; k < old.start[i + 1]!; k++) {
      const j = old.col[k]!
      if (j < columns) {
        oldValue[j] = 0
        hasOld[j] = 0
      }
    }
    out.endRow()
  }
  for (let i = rowCount(old); i < rows; i++) out.endRow() // Rust stops at the shorter input; rows here always match
  return out.finish()
}

// --- consensus ------------------------------------------------------------------------------------

/**
 * `weighted_median`: subtensor's deterministic mid-pivot quickselect for the stake-weighted median of
 * `score` over the indices in `partition`. `minority` is stake_sum − majority; [lo, hi] is the stake
 * interval the partition covers. Sums are exact, so the result is the smallest score v whose
 * cumulative stake (scores ≤ v) exceeds `minority` (the largest score when none does).
 */
export function weightedMedian(
  stake: Vector,
  score: ArrayLike<number>,
  partition: ArrayLike<number>,
  minority: number,
  partitionLo: number,
  partitionHi: number,
  scratch: WeightedMedianScratch = new WeightedMedianScratch(partition.length),
): number {
  if (stake.length !== score.length) return 0
  let current = scratch.a
  let lower = scratch.b
  let upper = scratch.c
  let n = partition.length
  for (let t = 0; t < n; t++) current[t] = partition[t]!
  let lo = partitionLo
  let hi = partitionHi
  const limit = partition.length
  let iterations = 0
  for (;;) {
    if (n === 0) return 0
    if (n === 1) return score[current[0]!]!
    const pivot = score[current[n >> 1]!]!
    let loStake = 0
    let hiStake = 0
    let nLower = 0
    let nUpper = 0
    for (let t = 0; t < n; t++) {
      const idx = current[t]!
      const s = score[idx]!
      if (s === pivot) continue
      if (s < pivot) {
        loStake += stake[idx]!
        lower[nLower++] = idx
      } else {
        hiStake += stake[idx]!
        upper[nUpper++] = idx
      }
    }
    if (minority < lo + loStake && nLower > 0) {
      ;[current, lower] = [lower, current]
      n = nLower
      hi = lo + loStake
    } else if (hi - hiStake <= minority && nUpper > 0) {
      ;[current, upper] = [upper, current]
      n = nUpper
      lo = hi - hiStake
    } else {
      return pivot
    }
    iterations++
    if (iterations > limit) return 0
  }
}

/** Reusable index buffers for `weightedMedian`. */
export class WeightedMedianScratch {
  readonly a: Int32Array
  readonly b: Int32Array
  readonly c: Int32Array
  constructor(size: number) {
    this.a = new Int32Array(size)
    this.b = new Int32Array(size)
    this.c = new Int32Array(size)
  }
}

/**
 * `weighted_median_col_sparse`: for each of `columns` columns, the stake-weighted median of the column
 * over the rows with positive stake (absent entries score 0), with that stake renormalised and
 * minority = Σ stake − majority.
 */
export function weightedMedianColSparse(stake: Vector, score: SparseMatrix, columns: number, majority: number, alloc: Allocator = HEAP): Vector {
  const useStake = stake.filter((s) => s > 0)
  inplaceNormalize(useStake)
  const stakeSum = sum(useStake)
  const minority = stakeSum - majority
  const k = useStake.length
  const partition = Int32Array.from({ length: k }, (_, t) => t)
  // use_score[c] is column c over the positive-stake rows, stored column after column.
  const useScore = alloc.f64(columns * k)
  const rows = Math.min(stake.length, rowCount(score))
  for (let i = 0, r = 0; i < rows; i++) {
    if (!(stake[i]! > 0)) continue
    for (let e = score.start[i]!; e < score.start[i + 1]!; e++) {
      const c = score.col[e]!
      if (c < columns) useScore[c * k + r] = score.bits[e]!
    }
    r++
  }
  const scratch = new WeightedMedianScratch(k)
  const median = new Float64Array(columns)
  for (let c = 0; c < columns; c++) {
    median[c] = weightedMedian(useStake, useScore.subarray(c * k, (c + 1) * k), partition, minority, 0, stakeSum, scratch)
  }
  return median
}

// --- u16 conversions used around the epoch ---------------------------------------------------------

/** `u16_proportion_to_fixed`: I32F32(x) / I32F32(65535), as bits; a table, as it is used once per stored bond. */
export const U16_PROPORTION: Float64Array = Float64Array.from({ length: 65536 }, (_, u) => ratio(u, 65535))

/**
 * `vec_max_upscale_to_u16` (how `set_weights` stores weights): scale so the maximum becomes 65535, rounding
 * half away from zero. A maximum above 32768 multiplies by (65535 / max); otherwise the product is taken
 * first and divided by max; a zero maximum maps every entry through floor(x·65535).
 */
export function vecMaxUpscaleToU16(vec: readonly Fixed[]): number[] {
  const u16Max = I32F32.saturatingFromNum(65535)
  const threshold = I32F32.saturatingFromNum(32768)
  if (vec.length === 0) return []
  const max = vec.reduce((m, x) => (x.ge(m) ? x : m))
  if (max.isZero()) return vec.map((e) => e.saturatingMul(u16Max).saturatingToU16())
  if (max.gt(threshold)) {
    const scale = u16Max.safeDiv(max)
    return vec.map((e) => e.saturatingMul(scale).round().saturatingToU16())
  }
  return vec.map((e) => e.saturatingMul(u16Max).safeDiv(max).round().saturatingToU16())
}

/** `vec_u16_max_upscale_to_u16`. */
export function vecU16MaxUpscaleToU16(vec: readonly number[]): number[] {
  return vecMaxUpscaleToU16(vec.map((u) => I32F32.saturatingFromNum(BigInt(u))))
}

// --- BigInt variants for an EMA coefficient outside [0, 1] ------------------------------------------
//
// With BondsMovingAverage > 1_000_000 (root can set any u64) the EMA coefficient is negative and EMA
// cells grow without bound until I32F32 saturates, beyond what a double holds exactly. These run the
// same steps on BigInt64 bits with I32F32's saturating `+` and `*`.

/** A sparse matrix whose I32F32 bits are held exactly as i64. */
export interface WideSparseMatrix {
  readonly start: Int32Array
  readonly col: Uint16Array
  readonly bits: BigInt64Array
}

const I64_MIN = -(1n << 63n)
const I64_MAX = (1n << 63n) - 1n
const ONE_BIG = 1n << 32n

function saturateI64(x: bigint): bigint {
  return x < I64_MIN ? I64_MIN : x > I64_MAX ? I64_MAX : x
}

/** `mat_ema_sparse` with I32F32 saturating arithmetic on BigInt bits (see `matEmaSparse`). */
export function matEmaSparseWide(next: SparseMatrix, old: SparseMatrix, alphaBits: bigint): WideSparseMatrix {
  const n = rowCount(next)
  const oneMinusAlpha = saturateI64(ONE_BIG - alphaBits)
  const acc = new BigInt64Array(n)
  const touched = new Uint8Array(n)
  const start = new Int32Array(n + 1)
  const col: number[] = []
  const bits: bigint[] = []
  const add = (j: number, coefficient: bigint, value: number) => {
    if (j >= n) return
    acc[j] = saturateI64(acc[j]! + saturateI64((coefficient * BigInt(value)) >> 32n))
    touched[j] = 1
  }
  for (let i = 0; i < n; i++) {
    for (let k = next.start[i]!; k < next.start[i + 1]!; k++) add(next.col[k]!, alphaBits, next.bits[k]!)
    if (i < rowCount(old)) for (let k = old.start[i]!; k < old.start[i + 1]!; k++) add(old.col[k]!, oneMinusAlpha, old.bits[k]!)
    for (let j = 0; j < n; j++) {
      if (!touched[j]) continue
      if (acc[j]! > 0n) {
        col.push(j)
        bits.push(acc[j]!)
      }
      acc[j] = 0n
      touched[j] = 0
    }
    start[i + 1] = col.length
  }
  return { start, col: Uint16Array.from(col), bits: BigInt64Array.from(bits) }
}

/** `inplace_col_normalize_sparse` on a wide matrix, returned as ordinary bits (normalised cells are proportions). */
export function wideColNormalizedSparse(m: WideSparseMatrix, columns: number): SparseMatrix {
  const colSum = new BigInt64Array(columns)
  for (let k = 0; k < m.col.length; k++) {
    const j = m.col[k]!
    if (j < columns) colSum[j] = saturateI64(colSum[j]! + m.bits[k]!)
  }
  const bits = new Float64Array(m.col.length)
  for (let k = 0; k < m.col.length; k++) {
    const j = m.col[k]!
    const denom = j < columns ? colSum[j]! : 0n
    let q = m.bits[k]!
    if (denom !== 0n) {
      q = (q << 32n) / denom
      if (q < I64_MIN || q > I64_MAX) q = 0n // safe_div: 0 on overflow
    }
    const value = Number(q)
    if (BigInt(value) !== q) throw new RangeError(`I32F32 column normalisation: bits ${q} are not exactly representable as a double`)
    bits[k] = value
  }
  return { start: m.start, col: m.col, bits }
}

/** `fixed_proportion_to_u16` on i64 bits. */
export function wideProportionToU16(bits: bigint): number {
  if (bits < 0n) return 0
  const int = (bits * 65535n) >> 32n
  return int > 65535n ? 65535 : Number(int)
}
