// I32F32 arithmetic on bit patterns held in JS numbers: the same results as substrate-fixed bit for bit (checked against fixed.ts in i32f32.test.ts), without a BigInt per operation.
//
// A value is its I32F32 `bits` (value · 2^32) stored in a double. Every double that holds an integer
// holds it exactly, and every operation below returns the exact Rust result whenever that result is a
// double-representable integer: small operands take float fast paths whose exactness is argued inline,
// anything larger falls back to BigInt. A result that a double cannot hold exactly is never rounded:
// the operation throws a RangeError instead. The epoch's quantities are proportions (≤ a few units,
// bits < 2^40) or raw u16 values (bits = u·2^32), so on real inputs no operation throws (see
// runEpoch.ts for the one hyperparameter that needs a BigInt path).

import { E_I9F23, Fixed, I32F32 } from './fixed.ts'

/** 2^32: the bits of 1.0. */
export const ONE = 4294967296
/** The bits of 0.5. */
export const HALF = 2147483648
/** I32F32::MAX bits (2^63 − 1) and MIN bits (−2^63), as bigints: doubles cannot hold MAX exactly. */
const MAX_BITS = (1n << 63n) - 1n
const MIN_BITS = -(1n << 63n)
const SAFE = Number.MAX_SAFE_INTEGER // 2^53 − 1
const TWO20 = 1048576
const TWO26 = 67108864
const TWO37 = 137438953472
const TWO40 = 1099511627776
const TWO48 = 281474976710656
const POW2 = Array.from({ length: 53 }, (_, k) => 2 ** k)

/** The exact double for `bits`, or a RangeError when a double cannot hold it. */
function exactNumber(bits: bigint, op: string): number {
  const n = Number(bits)
  if (BigInt(n) !== bits) throw new RangeError(`I32F32 ${op}: result bits ${bits} are not exactly representable as a double`)
  return n
}

/**
 * `I32F32::saturating_mul` (and `checked_mul` when it does not overflow): floor(a·b / 2^32).
 * Saturation (|result| ≥ 2^63) can only be reached through operands a double cannot hold; such a
 * saturated result (2^63 − 1) is itself not representable, so it throws like any inexact result.
 */
export function mul(a: number, b: number): number {
  const p = a * b
  // |a·b| ≤ 2^53 − 1: the product of two integers is then exact, and so is the division by 2^32.
  // (If the true product exceeded that bound, the rounded one could not be smaller than 2^53.)
  // `+ 0` turns a −0 into 0.
  if (p <= SAFE && p >= -SAFE) return Math.floor(p / ONE) + 0
  const x = a < 0 ? -a : a
  const y = b < 0 ? -b : b
  if (x < TWO48 && y < TWO48) {
    // 26-bit limbs: x = xh·2^26 + xl, y = yh·2^26 + yl, every partial product below 2^52, so
    // x·y = xh·yh·2^52 + (xh·yl + xl·yh)·2^26 + xl·yl and, with lo = floor(xl·yl / 2^26),
    // floor(x·y / 2^32) = xh·yh·2^20 + floor((xh·yl + xl·yh + lo) / 2^6) (the dropped parts are < 1).
    const xh = Math.floor(x / TWO26)
    const xl = x - xh * TWO26
    const yh = Math.floor(y / TWO26)
    const yl = y - yh * TWO26
    const low = xl * yl
    const lo = Math.floor(low / TWO26)
    const mid = xh * yl + xl * yh + lo
    const q = Math.floor(mid / 64)
    const magnitude = xh * yh * TWO20 + q
    if (magnitude <= SAFE) {
      if (a < 0 === b < 0) return magnitude
      // floor of a negative product: −ceil(|a·b| / 2^32)
      return mid === q * 64 && low === lo * TWO26 ? -magnitude : -magnitude - 1
    }
  }
  return mulBig(a, b)
}

/** `I32F32::checked_mul` bits: floor(a·b / 2^32), or `undefined` when the product leaves the I32F32 range. */
export function checkedMul(a: number, b: number): number | undefined {
  // Operands below 2^40 (values below 256) cannot overflow: |product| < 2^16 · 2^32.
  if (a <= TWO40 && a >= -TWO40 && b <= TWO40 && b >= -TWO40) return mul(a, b)
  const bits = (BigInt(a) * BigInt(b)) >> 32n
  return bits > MAX_BITS || bits < MIN_BITS ? undefined : exactNumber(bits, 'checked_mul')
}

function mulBig(a: number, b: number): number {
  const bits = (BigInt(a) * BigInt(b)) >> 32n
  if (bits > MAX_BITS) return exactNumber(MAX_BITS, 'mul')
  if (bits < MIN_BITS) return exactNumber(MIN_BITS, 'mul')
  return exactNumber(bits, 'mul')
}

/**
 * floor(x·2^32 / y) for integers x ≥ 0, y > 0 held exactly in doubles. When y fits in 52 bits this is
 * long division with float digits: each step's dividend stays below 2^52, so `t / y` is within one unit
 * of the true quotient and one correction makes the digit exact.
 */
export function ratio(x: number, y: number): number {
  if (y >= 2251799813685248 || x >= 4503599627370496) {
    // y ≥ 2^51 or x ≥ 2^52: outside the float long division below.
    // Both multiples of 2^32 (raw u16 weights, bits = u·2^32, and their sums): the ratio is that of the
    // integer parts. Both divisions and the `%` tests are exact on doubles.
    if (x % ONE === 0 && y % ONE === 0) return ratio(x / ONE, y / ONE)
    return ratioBig(x, y)
  }
  if (x < 2097152) {
    // x·2^32 < 2^53 is exact: one float division and one correction (d·y ≤ t + y < 2^53).
    const t = x * ONE
    let d = Math.floor(t / y)
    const rest = t - d * y
    if (rest < 0) d -= 1
    else if (rest >= y) d += 1
    return d
  }
  let q = 0
  let r = x
  if (x >= y) {
    if (x / y >= 1048576) return ratioBig(x, y) // quotient ≥ 2^52: leave to BigInt (and its range check)
    q = Math.floor(x / y)
    r = x - q * y // q·y ≤ x + y < 2^53: exact
    if (r < 0) {
      q -= 1
      r += y
    } else if (r >= y) {
      q += 1
      r -= y
    }
  }
  const step = 52 - bitLength(y) // ≥ 1 as y < 2^51; r < y, so r·2^step < 2^52
  let left = 32
  while (left > 0) {
    const k = step < left ? step : left
    const t = r * POW2[k]!
    let d = Math.floor(t / y)
    r = t - d * y
    if (r < 0) {
      d -= 1
      r += y
    } else if (r >= y) {
      d += 1
      r -= y
    }
    q = q * POW2[k]! + d
    left -= k
  }
  return q
}

function ratioBig(x: number, y: number): number {
  return exactNumber((BigInt(x) << 32n) / BigInt(y), 'div')
}

function bitLength(y: number): number {
  return y < ONE ? 32 - Math.clz32(y) : 64 - Math.clz32(Math.floor(y / ONE))
}

/** `checked_div` bits: trunc(a·2^32 / b) (toward zero), or `undefined` on division by zero or overflow. */
export function checkedDiv(a: number, b: number): number | undefined {
  if (b === 0) return undefined
  const negative = a < 0 !== b < 0
  const x = a < 0 ? -a : a
  const y = b < 0 ? -b : b
  if (x / y >= 2147483647) {
    // |quotient| near or above 2^31, where I32F32 overflows: decide exactly.
    const q = (BigInt(a) << 32n) / BigInt(b)
    if (q > MAX_BITS || q < MIN_BITS) return undefined
    return exactNumber(q, 'div')
  }
  const q = ratio(x, y)
  return negative && q !== 0 ? -q : q
}

/** safe-math `FixedExt::safe_div` on I32F32: the quotient, or 0 on division by zero or overflow. */
export function safeDiv(a: number, b: number): number {
  return checkedDiv(a, b) ?? 0
}

/** `I32F32::saturating_div`; division by zero throws (Rust panics). */
export function saturatingDiv(a: number, b: number): number {
  if (b === 0) throw new RangeError('I32F32::saturating_div by zero')
  const q = checkedDiv(a, b)
  if (q !== undefined) return q
  return exactNumber(a < 0 !== b < 0 ? MIN_BITS : MAX_BITS, 'saturating_div')
}

/** `fixed_proportion_to_u16` (math.rs): `x.saturating_mul(65535).saturating_to_num::<u16>()`, i.e. floor(x·65535) clamped to u16. */
export function proportionToU16(bits: number): number {
  // x · I32F32(65535) has bits x_bits · 65535 exactly (no fraction to drop); when that overflows, the
  // saturated value keeps its sign, so clamping the unsaturated floor gives the same u16.
  if (bits < 0) return 0
  if (bits >= TWO37) return 65535 // ≥ 32.0, so ≥ 65535 before clamping
  const int = Math.floor((bits * 65535) / ONE) // bits·65535 < 2^53: exact
  return int > 65535 ? 65535 : int
}

/** The I32F32 bits of a fixed value as a double (throws if they are not exactly representable). */
export function fromFixed(x: Fixed): number {
  if (x.type !== I32F32) throw new TypeError(`expected I32F32, got ${x.type.name}`)
  return exactNumber(x.bits, 'fromFixed')
}

/** |x| ≤ 12 keeps every term of the exp series and e^x itself below 2^53 in I32F32 bits. */
export const EXP_FAST_LIMIT = 12 * ONE
/** transcendental.rs `E` (I9F23) as I32F32 bits, what `exp(1)` returns. */
const E_BITS = Number(E_I9F23.bits << 9n)

/**
 * `substrate_fixed::transcendental::exp::<I32F32, I32F32>` on bits, for |x| ≤ 12 (`exp` in fixed.ts is
 * the reference; i32f32.test.ts compares the two): 1 + x + Σ_{i=2}^{31} term_i with
 * term_i = trunc(floor(term_{i−1}·x) / i), and 1/e^|x| for negative x.
 */
export function expBits(x: number): number {
  if (x === 0) return ONE
  if (x === ONE) return E_BITS
  const operand = x < 0 ? -x : x
  let result = operand + ONE
  let term = operand
  for (let i = 2; i < 32 && term !== 0; i++) {
    // (once a term truncates to 0 every later one is 0 too, so stopping there changes nothing)
    term = mul(term, operand)
    let q = Math.floor(term / i) // term ≥ 0; `checked_div(i)` on I32F32 is trunc(term / i)
    if (q * i > term) q -= 1 // the float quotient may round up to the next integer
    term = q
    result += term
  }
  return x < 0 ? checkedDiv(ONE, result)! : result
}
