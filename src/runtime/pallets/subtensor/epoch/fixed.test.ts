// substrate-fixed's rounding, overflow and saturation rules, pinned with the crate's own documented examples and hand-computed bits.
import { describe, expect, test } from 'vitest'
import { E_I9F23, I32F32, I64F64, I96F32, I9F23, U64_MAX, U64F64, U96F32, exp } from './fixed.ts'

const LSB = (bits: bigint) => I32F32.fromBits(bits)
const f = (x: number | bigint) => I32F32.saturatingFromNum(x)

describe('conversions', () => {
  test('integers are exact; floats round to nearest with ties to even', () => {
    expect(f(3n).bits).toBe(3n << 32n)
    expect(f(1.75).bits).toBe(7n << 30n) // macros_from_to.rs: from_num(1.75f32) == from_bits(0b111 << (4 - 2)) at 4 bits
    expect(f(2 ** -33).bits).toBe(0n) // half an LSB: tie, to even (0)
    expect(f(3 * 2 ** -33).bits).toBe(2n) // one and a half LSB: tie, to even (2)
    expect(f(5 * 2 ** -34).bits).toBe(1n) // 1.25 LSB: down
    expect(f(-3 * 2 ** -33).bits).toBe(-2n)
    expect(f(Math.fround(0.1)).bits).toBe(429496736n) // fixed(0.1f32): 13421773 · 2^-27, so exactly 13421773 · 2^5
    expect(f(0.1).bits).toBe(429496730n) // from_num(0.1f64): 429496729.6 → 429496730
  })

  test('saturating, checked and wrapping conversions at the range edges', () => {
    expect(f(2n ** 40n).eq(I32F32.max)).toBe(true)
    expect(f(-(2n ** 40n)).eq(I32F32.min)).toBe(true)
    expect(f(Infinity).eq(I32F32.max)).toBe(true)
    expect(() => f(NaN)).toThrow(RangeError)
    expect(I32F32.checkedFromNum(2n ** 31n)).toBeUndefined()
    expect(I32F32.checkedFromNum(2n ** 31n - 1n)?.bits).toBe((2n ** 31n - 1n) << 32n)
    expect(I32F32.fromNum(2n ** 31n).bits).toBe(-(2n ** 63n)) // release-build `from_num` wraps
    expect(U96F32.saturatingFromNum(-5n).bits).toBe(0n)
    expect(I64F64.saturatingFromNum(U64_MAX).eq(I64F64.max)).toBe(true) // u64::MAX does not fit I64F64
  })

  test('between fixed types extra fraction bits are dropped (floor)', () => {
    expect(I32F32.saturatingFromNum(I64F64.fromBits(-1n)).bits).toBe(-1n)
    expect(I32F32.saturatingFromNum(I64F64.fromBits((1n << 32n) - 1n)).bits).toBe(0n)
    expect(I32F32.saturatingFromNum(I64F64.fromBits(5n << 32n)).bits).toBe(5n)
    expect(I64F64.saturatingFromNum(U96F32.fromBits(3n)).bits).toBe(3n << 32n)
    expect(I96F32.saturatingFromNum(LSB(-7n)).bits).toBe(-7n)
  })

  test('to integers: floor, clamped when saturating', () => {
    expect(f(65535.9).saturatingToU16()).toBe(65535)
    expect(f(70000n).saturatingToU16()).toBe(65535)
    expect(f(-0.5).saturatingToU16()).toBe(0)
    expect(f(-0.5).floor()).toBe(-1n)
    expect(I96F32.saturatingFromNum(2n ** 70n).saturatingToU64()).toBe(U64_MAX)
    expect(I96F32.fromBits((123n << 32n) + 4294967295n).saturatingToU64()).toBe(123n)
  })

  test('round: ties away from zero', () => {
    expect(f(2.5).round().bits).toBe(3n << 32n)
    expect(f(-2.5).round().bits).toBe(-3n << 32n)
    expect(f(2.4999).round().bits).toBe(2n << 32n)
    expect(f(-0.25).round().bits).toBe(0n)
  })

  test('exact decimal text', () => {
    expect(f(0.5).toString()).toBe('0.5')
    expect(f(-3.25).toString()).toBe('-3.25')
    expect(LSB(1n).toString()).toBe('0.00000000023283064365386962890625')
    expect(LSB(-1n).toNumber()).toBe(-(2 ** -32))
  })
})

describe('arithmetic', () => {
  test('mul floors (arithmetic shift), also for negative products', () => {
    expect(LSB(3n).mul(f(0.5)).bits).toBe(1n)
    expect(LSB(-3n).mul(f(0.5)).bits).toBe(-2n)
    expect(f(3n).saturatingMul(f(2n)).bits).toBe(6n << 32n)
  })

  test('div truncates toward zero', () => {
    expect(f(1n).div(f(3n)).bits).toBe(1431655765n) // 2^32 / 3 = 1431655765.33…
    expect(f(-1n).div(f(3n)).bits).toBe(-1431655765n) // not −1431655766
    expect(f(1n).div(f(-100n)).bits).toBe(-42949672n) // 2^32 / 100 = 42949672.96
  })

  test('saturating ops clamp toward the sign of the exact result (macros_frac.rs examples)', () => {
    expect(I32F32.max.saturatingMul(f(2n)).eq(I32F32.max)).toBe(true)
    expect(I32F32.max.saturatingMul(f(-2n)).eq(I32F32.min)).toBe(true)
    expect(I32F32.max.saturatingDiv(f(0.5)).eq(I32F32.max)).toBe(true)
    expect(I32F32.max.saturatingAdd(LSB(1n)).eq(I32F32.max)).toBe(true)
    expect(I32F32.min.saturatingSub(LSB(1n)).eq(I32F32.min)).toBe(true)
    expect(U64F64.zero.saturatingSub(U64F64.one).isZero()).toBe(true)
    expect(() => f(1n).saturatingDiv(f(0n))).toThrow(RangeError) // Rust panics
  })

  test('checked ops return undefined on overflow and on division by zero', () => {
    expect(I32F32.max.checkedMul(f(2n))).toBeUndefined()
    expect(I32F32.max.checkedDiv(f(1n))?.eq(I32F32.max)).toBe(true)
    expect(I32F32.max.checkedDiv(f(0.5))).toBeUndefined()
    expect(f(1n).checkedDiv(f(0n))).toBeUndefined()
    expect(I32F32.min.checkedNeg()).toBeUndefined()
  })

  test('safe-math safe_div: 0 on division by zero and on overflow', () => {
    expect(f(1n).safeDiv(f(0n)).isZero()).toBe(true)
    expect(I32F32.max.safeDiv(f(0.5)).isZero()).toBe(true)
    expect(f(1n).safeDiv(f(4n)).bits).toBe(1n << 30n)
  })

  test('plain operators wrap (release builds have no overflow checks)', () => {
    expect(I32F32.max.add(LSB(1n)).eq(I32F32.min)).toBe(true)
    expect(I32F32.max.mul(f(2n)).bits).toBe(-2n)
  })

  test('types do not mix', () => {
    expect(() => f(1n).add(I64F64.one as never)).toThrow(TypeError)
  })
})

describe('constants the epoch derives', () => {
  test('kappa 32767 / 65535', () => {
    // 32767 · 2^32 = 140_733_193_388_032 = 65535 · 2_147_450_879 + 32_767
    expect(f(32767n).safeDiv(f(65535n)).bits).toBe(2147450879n)
  })

  test('1 − BondsMovingAverage 900_000 / 1e6 (classic)', () => {
    const bma = I64F64.saturatingFromNum(900_000n).safeDiv(I64F64.saturatingFromNum(1_000_000n))
    // 0.9 · 2^32 = 3865470566.4 → floor 3865470566; 2^32 − that = 429496730
    expect(f(1n).saturatingSub(I32F32.saturatingFromNum(bma)).bits).toBe(429496730n)
  })

  test('TaoWeight / u64::MAX keeps 32 fraction bits', () => {
    const tw = U96F32.saturatingFromNum(971_718_665_099_567_868n).safeDiv(U96F32.saturatingFromNum(U64_MAX))
    expect(tw.bits).toBe((971_718_665_099_567_868n << 32n) / U64_MAX)
    expect(tw.toNumber()).toBeCloseTo(0.052677, 6)
    expect(U96F32.saturatingFromNum(U64_MAX).safeDiv(U96F32.saturatingFromNum(U64_MAX)).bits).toBe(1n << 32n)
  })
})

describe('transcendental exp', () => {
  test('the special cases: exp(0) = 1, exp(1) = E in I9F23 widened', () => {
    expect(exp(f(0n))!.bits).toBe(1n << 32n)
    expect(E_I9F23.bits).toBe(22802600n) // floor(e · 2^23) = floor(22802600.69…)
    expect(exp(f(1n))!.bits).toBe(22802600n << 9n)
    expect(I9F23.fromBits(E_I9F23.bits).toNumber()).toBeCloseTo(Math.E, 6)
  })

  test('the series tracks e^x where 30 terms suffice', () => {
    for (const x of [-7.5, -1, -0.3, 0.001, 0.5, 2, 5, 12]) {
      const got = exp(f(x))!.toNumber()
      expect(Math.abs(got - Math.exp(x)) / Math.exp(x)).toBeLessThan(1e-5)
    }
  })

  test('near the clamp the 30-term series falls short of e^x, as the crate computes it', () => {
    // the omitted tail Σ_{i≥32} 20^i / i! is ~0.7 % of e^20
    const got = exp(f(20n))!.toNumber()
    expect(got).toBeLessThan(Math.exp(20))
    expect(1 - got / Math.exp(20)).toBeGreaterThan(0.005)
    expect(1 - got / Math.exp(20)).toBeLessThan(0.01)
  })

  test('1/e^20 truncates to 8 LSB', () => {
    // exp(20) ≈ 4.85e8, and trunc(2^64 / (exp(20) · 2^32)) = trunc(8.85…) = 8
    expect(exp(f(-20n))!.bits).toBe(8n)
  })

  test('overflow in the series is an error', () => {
    expect(exp(f(40n))).toBeUndefined()
  })
})
