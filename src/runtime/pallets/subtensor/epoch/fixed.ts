// substrate-fixed v0.6.0 (the encointer fork subtensor builds with) as bigint bits: I32F32, I64F64, U64F64, I96F32, U96F32 with the crate's exact rounding, overflow and saturation rules, and its `exp`.
//
// Semantics carried over from substrate-fixed (src/arith.rs, macros_frac.rs, macros_from_to.rs,
// transcendental.rs at tag v0.6.0) and subtensor's primitives/safe-math:
// - a value is `bits / 2^frac`; `bits` is a two's-complement integer of `totalBits` bits;
// - `mul` is floor(a·b / 2^frac) (widening product, arithmetic shift), `div` is trunc(a·2^frac / b)
//   (Rust integer division rounds toward zero); both report overflow when the result leaves the range;
// - conversions between fixed types drop extra fraction bits (floor); from floats they round to
//   nearest with ties to even; to integers they drop the fraction (floor) and clamp when saturating;
// - the plain operators (`+ - * /`, `from_num`, `round`) are modelled as the runtime is built
//   (release profile, no debug assertions, no overflow checks): they wrap on overflow. Division by
//   zero panics in Rust and throws a RangeError here;
// - `safeDiv` is safe-math's `FixedExt::safe_div`: `checked_div(..).unwrap_or_default()`, so it is 0
//   on division by zero *and* on overflow.

/** Anything `from_num` accepts: an integer (`bigint`), a float (`number`, treated as f64) or another fixed value. */
export type FixedSource = bigint | number | Fixed

export class FixedType {
  readonly totalBits: number
  readonly minBits: bigint
  readonly maxBits: bigint
  /** The bits of 1.0 (2^frac); for U0F… types 1.0 would not fit, but no such type is declared here. */
  readonly oneBits: bigint
  readonly frac: bigint
  private readonly modulus: bigint

  constructor(
    readonly name: string,
    readonly signed: boolean,
    readonly intBits: number,
    readonly fracBits: number,
  ) {
    this.totalBits = intBits + fracBits
    this.modulus = 1n << BigInt(this.totalBits)
    this.minBits = signed ? -(1n << BigInt(this.totalBits - 1)) : 0n
    this.maxBits = signed ? (1n << BigInt(this.totalBits - 1)) - 1n : this.modulus - 1n
    this.frac = BigInt(fracBits)
    this.oneBits = 1n << this.frac
  }

  /** `from_bits`. Throws when `bits` does not fit the type (a caller bug, not an arithmetic outcome). */
  fromBits(bits: bigint): Fixed {
    if (!this.fits(bits)) throw new RangeError(`${this.name}: bits ${bits} out of range`)
    return new Fixed(this, bits)
  }

  get zero(): Fixed {
    return new Fixed(this, 0n)
  }

  get one(): Fixed {
    return new Fixed(this, this.oneBits)
  }

  /** `max_value()` */
  get max(): Fixed {
    return new Fixed(this, this.maxBits)
  }

  /** `min_value()` */
  get min(): Fixed {
    return new Fixed(this, this.minBits)
  }

  /** `saturating_from_num`: clamps to the range; ±∞ saturates; NaN panics in Rust and throws here. */
  saturatingFromNum(src: FixedSource): Fixed {
    if (typeof src === 'number' && !Number.isFinite(src)) {
      if (Number.isNaN(src)) throw new RangeError(`${this.name}::saturating_from_num(NaN)`)
      return src > 0 ? this.max : this.min
    }
    return new Fixed(this, this.clamp(this.scaled(src)))
  }

  /** `checked_from_num`: `undefined` when the value does not fit (or is not finite). */
  checkedFromNum(src: FixedSource): Fixed | undefined {
    if (typeof src === 'number' && !Number.isFinite(src)) return undefined
    const bits = this.scaled(src)
    return this.fits(bits) ? new Fixed(this, bits) : undefined
  }

  /** `wrapping_from_num`: keeps the low `totalBits` bits. Non-finite floats panic in Rust and throw here. */
  wrappingFromNum(src: FixedSource): Fixed {
    if (typeof src === 'number' && !Number.isFinite(src)) throw new RangeError(`${this.name}::wrapping_from_num(${src})`)
    return new Fixed(this, this.wrap(this.scaled(src)))
  }

  /** `from_num` as the runtime is built (no debug assertions): the wrapped value on overflow. */
  fromNum(src: FixedSource): Fixed {
    return this.wrappingFromNum(src)
  }

  fits(bits: bigint): boolean {
    return bits >= this.minBits && bits <= this.maxBits
  }

  clamp(bits: bigint): bigint {
    return bits < this.minBits ? this.minBits : bits > this.maxBits ? this.maxBits : bits
  }

  wrap(bits: bigint): bigint {
    return this.signed ? BigInt.asIntN(this.totalBits, bits) : BigInt.asUintN(this.totalBits, bits)
  }

  /** The unbounded bits `src` converts to: integers exactly, floats rounded to nearest (ties to even), fixed values floored. */
  private scaled(src: FixedSource): bigint {
    if (typeof src === 'bigint') return src << this.frac
    if (typeof src === 'number') return scaleFloat(src, this.fracBits)
    const shift = this.fracBits - src.type.fracBits
    return shift >= 0 ? src.bits << BigInt(shift) : src.bits >> BigInt(-shift)
  }

  toString(): string {
    return this.name
  }
}

export class Fixed {
  constructor(
    readonly type: FixedType,
    readonly bits: bigint,
  ) {}

  // --- operators as compiled into the runtime (wrapping) -----------------------------------------

  /** `+` (wraps on overflow in release builds). */
  add(rhs: Fixed): Fixed {
    return this.wrapped(this.bits + this.same(rhs).bits)
  }

  /** `-` (wraps on overflow in release builds). */
  sub(rhs: Fixed): Fixed {
    return this.wrapped(this.bits - this.same(rhs).bits)
  }

  /** `*`: floor(a·b / 2^frac), wrapped on overflow. */
  mul(rhs: Fixed): Fixed {
    return this.wrapped(this.product(rhs))
  }

  /** `/`: trunc(a·2^frac / b), wrapped on overflow; division by zero throws (Rust panics). */
  div(rhs: Fixed): Fixed {
    return this.wrapped(this.quotient(rhs, 'div'))
  }

  // --- checked ----------------------------------------------------------------------------------

  checkedAdd(rhs: Fixed): Fixed | undefined {
    return this.checked(this.bits + this.same(rhs).bits)
  }

  checkedSub(rhs: Fixed): Fixed | undefined {
    return this.checked(this.bits - this.same(rhs).bits)
  }

  checkedMul(rhs: Fixed): Fixed | undefined {
    return this.checked(this.product(rhs))
  }

  /** `undefined` when `rhs` is zero or the quotient overflows. */
  checkedDiv(rhs: Fixed): Fixed | undefined {
    if (this.same(rhs).bits === 0n) return undefined
    return this.checked(this.quotient(rhs, 'checked_div'))
  }

  checkedNeg(): Fixed | undefined {
    return this.checked(-this.bits)
  }

  // --- saturating -------------------------------------------------------------------------------

  saturatingAdd(rhs: Fixed): Fixed {
    return new Fixed(this.type, this.type.clamp(this.bits + this.same(rhs).bits))
  }

  saturatingSub(rhs: Fixed): Fixed {
    return new Fixed(this.type, this.type.clamp(this.bits - this.same(rhs).bits))
  }

  /** On overflow: min when exactly one operand is negative, max otherwise (macros_frac.rs). */
  saturatingMul(rhs: Fixed): Fixed {
    return this.saturatedBy(rhs, this.product(rhs))
  }

  /** Division by zero throws (Rust panics); overflow saturates like `saturatingMul`. */
  saturatingDiv(rhs: Fixed): Fixed {
    return this.saturatedBy(rhs, this.quotient(rhs, 'saturating_div'))
  }

  saturatingNeg(): Fixed {
    return new Fixed(this.type, this.type.clamp(-this.bits))
  }

  /** safe-math `FixedExt::safe_div`: the checked quotient, or 0 on division by zero or overflow. */
  safeDiv(rhs: Fixed): Fixed {
    return this.checkedDiv(rhs) ?? this.type.zero
  }

  // --- comparison -------------------------------------------------------------------------------

  cmp(rhs: Fixed): -1 | 0 | 1 {
    const b = this.same(rhs).bits
    return this.bits < b ? -1 : this.bits > b ? 1 : 0
  }

  eq(rhs: Fixed): boolean {
    return this.cmp(rhs) === 0
  }

  lt(rhs: Fixed): boolean {
    return this.cmp(rhs) < 0
  }

  le(rhs: Fixed): boolean {
    return this.cmp(rhs) <= 0
  }

  gt(rhs: Fixed): boolean {
    return this.cmp(rhs) > 0
  }

  ge(rhs: Fixed): boolean {
    return this.cmp(rhs) >= 0
  }

  /** `Ord::min` */
  min(rhs: Fixed): Fixed {
    return this.le(rhs) ? this : rhs
  }

  /** `Ord::max` */
  max(rhs: Fixed): Fixed {
    return this.ge(rhs) ? this : rhs
  }

  isZero(): boolean {
    return this.bits === 0n
  }

  isNegative(): boolean {
    return this.bits < 0n
  }

  // --- rounding and conversion out --------------------------------------------------------------

  /** `round`: to the nearest integer, ties away from zero; wraps on overflow in release builds. */
  round(): Fixed {
    const one = this.type.oneBits
    const half = one >> 1n
    const magnitude = this.bits < 0n ? -this.bits : this.bits
    const rounded = ((magnitude + half) >> this.type.frac) << this.type.frac
    return this.wrapped(this.bits < 0n ? -rounded : rounded)
  }

  /** The integer part rounded toward −∞ (what `to_num::<iN>()` keeps before any clamping). */
  floor(): bigint {
    return this.bits >> this.type.frac
  }

  /** `saturating_to_num::<u64>()`: floor, clamped to 0 ..= u64::MAX. */
  saturatingToU64(): bigint {
    return clampBigInt(this.floor(), 0n, U64_MAX)
  }

  /** `saturating_to_num::<u16>()`: floor, clamped to 0 ..= 65535. */
  saturatingToU16(): number {
    return Number(clampBigInt(this.floor(), 0n, 65535n))
  }

  /** `to_num::<f64>()`: the nearest double (ties to even). For display and tests; never used in consensus. */
  toNumber(): number {
    return Number(this.bits) / 2 ** this.type.fracBits
  }

  /** The exact decimal value, e.g. `0.5` or `-3.25`. */
  toString(): string {
    const negative = this.bits < 0n
    const magnitude = negative ? -this.bits : this.bits
    const int = magnitude >> this.type.frac
    let rest = magnitude - (int << this.type.frac)
    let digits = ''
    while (rest !== 0n) {
      rest *= 10n
      digits += String(rest >> this.type.frac)
      rest &= this.type.oneBits - 1n
    }
    return `${negative ? '-' : ''}${int}${digits ? `.${digits}` : ''}`
  }

  // --- internals --------------------------------------------------------------------------------

  private same(rhs: Fixed): Fixed {
    if (rhs.type !== this.type) throw new TypeError(`cannot combine ${this.type.name} with ${rhs.type.name}`)
    return rhs
  }

  private product(rhs: Fixed): bigint {
    return (this.bits * this.same(rhs).bits) >> this.type.frac
  }

  private quotient(rhs: Fixed, op: string): bigint {
    const divisor = this.same(rhs).bits
    if (divisor === 0n) throw new RangeError(`${this.type.name}::${op} by zero`)
    return (this.bits << this.type.frac) / divisor
  }

  private wrapped(bits: bigint): Fixed {
    return new Fixed(this.type, this.type.wrap(bits))
  }

  private checked(bits: bigint): Fixed | undefined {
    return this.type.fits(bits) ? new Fixed(this.type, bits) : undefined
  }

  private saturatedBy(rhs: Fixed, bits: bigint): Fixed {
    if (this.type.fits(bits)) return new Fixed(this.type, bits)
    return this.bits < 0n !== rhs.bits < 0n ? this.type.min : this.type.max
  }
}

export const U64_MAX = (1n << 64n) - 1n

/** `I32F32`: i64 bits, 32 fraction bits — every epoch vector. */
export const I32F32 = new FixedType('I32F32', true, 32, 32)
/** `I64F64`: i128 bits, 64 fraction bits — stake weights before normalisation. */
export const I64F64 = new FixedType('I64F64', true, 64, 64)
/** `U64F64`: u128 bits, 64 fraction bits. */
export const U64F64 = new FixedType('U64F64', false, 64, 64)
/** `I96F32`: i128 bits, 32 fraction bits — emission in RAO. */
export const I96F32 = new FixedType('I96F32', true, 96, 32)
/** `U96F32`: u128 bits, 32 fraction bits — the TAO weight. */
export const U96F32 = new FixedType('U96F32', false, 96, 32)
/** `I9F23`: i32 bits, 23 fraction bits — the type of the `transcendental` module's constants. */
export const I9F23 = new FixedType('I9F23', true, 9, 23)

/** transcendental.rs `E`: `consts::E` (U2F126) shifted right by 103 into I9F23. */
export const E_I9F23 = I9F23.fromBits(BigInt.asIntN(32, 0xadf85458a2bb4a9aafdc5620273d3cf1n >> 103n))

/**
 * `substrate_fixed::transcendental::exp::<S, D>` with S = D = `x.type` (a signed type with at least
 * 23 fraction bits): the Taylor series 1 + x + Σ_{i=2}^{frac−1} x^i/i!, each term rounded by the type's
 * own `checked_mul` / `checked_div`, and 1/e^|x| for negative x. `undefined` is the routine's `Err(())`
 * (an overflow anywhere in the series).
 */
export function exp(x: Fixed): Fixed | undefined {
  const D = x.type
  if (!D.signed || D.fracBits < I9F23.fracBits) throw new TypeError(`exp is defined here for signed types with ≥ 23 fraction bits, not ${D.name}`)
  if (x.isZero()) return D.one
  if (x.bits === D.oneBits) return D.fromBits(E_I9F23.bits << BigInt(D.fracBits - I9F23.fracBits))
  const negative = x.isNegative()
  const operand = negative ? x.checkedNeg() : x
  if (operand === undefined) return undefined
  let result = operand.checkedAdd(D.one)
  let term: Fixed | undefined = operand
  for (let i = 2; i < D.fracBits; i++) {
    if (result === undefined) return undefined
    term = term.checkedMul(operand)
    if (term === undefined) return undefined
    term = term.checkedDiv(D.fromNum(BigInt(i)))
    if (term === undefined) return undefined
    result = result.checkedAdd(term)
  }
  if (result === undefined) return undefined
  return negative ? D.one.checkedDiv(result) : result
}

function clampBigInt(x: bigint, lo: bigint, hi: bigint): bigint {
  return x < lo ? lo : x > hi ? hi : x
}

/** round(x · 2^frac) to the nearest integer, ties to even, computed exactly from the double's bits. */
function scaleFloat(x: number, fracBits: number): bigint {
  if (x === 0) return 0n
  const view = new DataView(new ArrayBuffer(8))
  view.setFloat64(0, x)
  const hi = view.getUint32(0)
  const lo = view.getUint32(4)
  const negative = hi >>> 31 === 1
  const biased = (hi >>> 20) & 0x7ff
  let mantissa = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo)
  let exponent: number
  if (biased === 0) {
    exponent = -1074 // subnormal
  } else {
    mantissa |= 1n << 52n
    exponent = biased - 1075
  }
  // |x| = mantissa · 2^exponent
  const shift = exponent + fracBits
  let magnitude: bigint
  if (shift >= 0) {
    magnitude = mantissa << BigInt(shift)
  } else {
    const drop = BigInt(-shift)
    const kept = mantissa >> drop
    const removed = mantissa - (kept << drop)
    const half = 1n << (drop - 1n)
    magnitude = removed > half || (removed === half && (kept & 1n) === 1n) ? kept + 1n : kept
  }
  return negative ? -magnitude : magnitude
}
