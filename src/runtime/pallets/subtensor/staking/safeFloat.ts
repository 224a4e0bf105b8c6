// SafeFloat arithmetic for the hotkey share pools (subtensor.md §5.3): normalize, add, sub, div, mul_div, gt and the u64 / U64F64 conversions, bit-exact.
// From primitives/share-pool/src/lib.rs @ 14bc6f9 (SAFE_FLOAT_MAX :15, `cappow10` :34, `new` :54, `normalize` :73, `div` :123, `add` :158,
// `sub` :190, `mul_div` :225, `is_zero` :257, `gt` :263, `From<&SafeFloat> for u64` :287, `From<u64>` :322, `From<U64F64>` :328).
// Pure: no storage. `undefined` stands for Rust's `None`. The Rust works in U256; with u128 mantissas no product here comes near 2^256,
// so plain bigints give the same results (saturation never triggers).
import type { SafeFloat, U64F64 } from '../types.ts'

export type { SafeFloat }

/** Largest mantissa (`SAFE_FLOAT_MAX` = 10^21); normalized mantissas lie in (10^20, 10^21]. */
export const SAFE_FLOAT_MAX = 10n ** 21n
/** `SAFE_FLOAT_MAX_EXP` = 21. */
export const SAFE_FLOAT_MAX_EXP = 21n

const MIN_MANTISSA = SAFE_FLOAT_MAX / 10n
const I64_MIN = -(1n << 63n)
const I64_MAX = (1n << 63n) - 1n
const U64_MAX = (1n << 64n) - 1n
const TWO_64 = 1n << 64n

const inI64 = (v: bigint) => v >= I64_MIN && v <= I64_MAX
const satI64 = (v: bigint) => (v > I64_MAX ? I64_MAX : v < I64_MIN ? I64_MIN : v)

/** `SafeFloat::zero()` / `Default`: {0, 0}. */
export function sfZero(): SafeFloat {
  return { mantissa: 0n, exponent: 0n }
}

/** `is_zero`: only the mantissa counts. */
export function sfIsZero(a: SafeFloat): boolean {
  return a.mantissa === 0n
}

/** `cappow10`: 10^e for e ≤ 22, else capped at 10^22 (= SAFE_FLOAT_MAX · 10). */
function cappow10(e: bigint): bigint {
  if (e > SAFE_FLOAT_MAX_EXP + 1n) return SAFE_FLOAT_MAX * 10n
  return 10n ** e
}

/**
 * `normalize`: scales (mantissa, exponent) so that 10^20 < mantissa ≤ 10^21, truncating digits when dividing by 10.
 * Zero becomes {0, 0}. Undefined when the exponent would leave the i64 range.
 */
export function sfNormalize(mantissa: bigint, exponent: bigint): SafeFloat | undefined {
  if (mantissa === 0n) return sfZero()
  let m = mantissa
  let e = exponent
  while (m > SAFE_FLOAT_MAX) {
    m /= 10n
    e += 1n
    if (e > I64_MAX) return undefined
  }
  while (m <= MIN_MANTISSA) {
    m *= 10n
    e -= 1n
    if (e < I64_MIN) return undefined
  }
  return { mantissa: m, exponent: e }
}

/** `SafeFloat::new`: undefined for a mantissa above 10^21 (before normalizing) or an exponent overflow. */
export function sfNew(mantissa: bigint, exponent = 0n): SafeFloat | undefined {
  if (mantissa > SAFE_FLOAT_MAX) return undefined
  return sfNormalize(mantissa, exponent)
}

/** `From<u64> for SafeFloat`: `new(v, 0)`, zero on failure (cannot fail for a u64). */
export function sfFromU64(value: bigint): SafeFloat {
  return sfNew(value, 0n) ?? sfZero()
}

/** `div`: a / b keeping 21 digits: (m_a · 10^21 / m_b) · 10^(e_a − e_b − 21). Undefined when b is zero or the exponent leaves i64. */
export function sfDiv(a: SafeFloat, b: SafeFloat): SafeFloat | undefined {
  // Exponent arithmetic is saturating i128 in the Rust, then range-checked to i64: exact bigint math gives the same verdict.
  const exponent = a.exponent - b.exponent - SAFE_FLOAT_MAX_EXP
  if (!inI64(exponent)) return undefined
  if (b.mantissa === 0n) return undefined
  return sfNormalize((a.mantissa * SAFE_FLOAT_MAX) / b.mantissa, exponent)
}

/** Aligns both mantissas to the larger exponent (truncating the smaller operand's mantissa), as `add` and `sub` do. */
function align(a: SafeFloat, b: SafeFloat): [ma: bigint, mb: bigint, exponent: bigint] {
  if (a.exponent >= b.exponent) {
    const diff = satI64(a.exponent - b.exponent)
    return [a.mantissa, b.mantissa / cappow10(diff), a.exponent]
  }
  const diff = satI64(b.exponent - a.exponent)
  return [a.mantissa / cappow10(diff), b.mantissa, b.exponent]
}

/** `add`: a + b at the larger exponent; a zero operand returns the other one unchanged. */
export function sfAdd(a: SafeFloat, b: SafeFloat): SafeFloat | undefined {
  if (sfIsZero(a)) return { ...b }
  if (sfIsZero(b)) return { ...a }
  const [ma, mb, exponent] = align(a, b)
  return sfNormalize(ma + mb, exponent)
}

/** `sub`: a − b at the larger exponent, the mantissa difference saturating at 0. Undefined for 0 − (nonzero). */
export function sfSub(a: SafeFloat, b: SafeFloat): SafeFloat | undefined {
  if (sfIsZero(a) && sfIsZero(b)) return sfZero()
  if (sfIsZero(a)) return undefined
  if (sfIsZero(b)) return { ...a }
  const [ma, mb, exponent] = align(a, b)
  return sfNormalize(ma > mb ? ma - mb : 0n, exponent)
}

/**
 * `mul_div`: a · b / c as (m_a · m_b / m_c) · 10^(e_a + e_b − e_c), normalized (the quotient truncates).
 * Undefined when c is zero or an exponent step overflows i64.
 */
export function sfMulDiv(a: SafeFloat, b: SafeFloat, c: SafeFloat): SafeFloat | undefined {
  if (c.mantissa === 0n) return undefined
  const ab = a.exponent + b.exponent
  if (!inI64(ab)) return undefined
  const exponent = ab - c.exponent
  if (!inI64(exponent)) return undefined
  return sfNormalize((a.mantissa * b.mantissa) / c.mantissa, exponent)
}

/** `gt`: a > b, for normalized operands (exponents more than 1 apart decide by exponent alone). */
export function sfGt(a: SafeFloat, b: SafeFloat): boolean {
  if (a.exponent === b.exponent) return a.mantissa > b.mantissa
  if (a.exponent > b.exponent) {
    if (a.exponent - b.exponent > 1n) return true
    return 10n * a.mantissa > b.mantissa
  }
  if (b.exponent - a.exponent > 1n) return false
  return a.mantissa > 10n * b.mantissa
}

/** Field-wise equality (`PartialEq`): only meaningful between normalized values. */
export function sfEq(a: SafeFloat, b: SafeFloat): boolean {
  return a.mantissa === b.mantissa && a.exponent === b.exponent
}

/** `From<&SafeFloat> for u64`: floor(mantissa · 10^exponent), the power capped at 10^22, saturating at u64::MAX. */
export function sfToU64(a: SafeFloat): bigint {
  if (a.exponent === 0n) return a.mantissa > U64_MAX ? U64_MAX : a.mantissa
  const abs = a.exponent < 0n ? -a.exponent : a.exponent
  const scale = cappow10(abs)
  const q = a.exponent > 0n ? a.mantissa * scale : a.mantissa / scale
  return q > U64_MAX ? U64_MAX : q
}

/** `From<U64F64> for SafeFloat`: int + frac / 2^64, each step via `new`/`div`/`add` (defaulting to zero on failure). */
export function sfFromU64F64(value: U64F64): SafeFloat {
  const bits = value.bits
  if (bits === 0n) return sfZero()
  const int = bits >> 64n
  const frac = bits & U64_MAX
  const safeInt = sfNew(int, 0n) ?? sfZero()
  const safeFracNum = sfNew(frac, 0n) ?? sfZero()
  const safeTwo64 = sfNew(TWO_64, 0n) ?? sfZero()
  const safeFrac = sfDiv(safeFracNum, safeTwo64) ?? sfZero()
  return sfAdd(safeInt, safeFrac) ?? sfZero()
}

/** `From<&SafeFloat> for f64` (the Rust uses it only in tests): mantissa · 10^exponent in doubles. Approximate. */
export function sfToNumber(a: SafeFloat): number {
  return Number(a.mantissa) * 10 ** Number(a.exponent)
}
