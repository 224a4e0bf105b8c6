// The double-held I32F32 kernel agrees with the BigInt reference (fixed.ts) bit for bit on every input class the epoch can produce, and refuses rather than rounds where a double cannot hold the result.
import { describe, expect, test } from 'vitest'
import { I32F32, exp } from './fixed.ts'
import { EXP_FAST_LIMIT, ONE, checkedDiv, checkedMul, expBits, mul, proportionToU16, ratio, safeDiv, saturatingDiv } from './i32f32.ts'

let seed = 0x1234567
function random(): number {
  seed ^= seed << 13
  seed ^= seed >>> 17
  seed ^= seed << 5
  return (seed >>> 0) / 2 ** 32
}
/** A random integer below 2^bits (up to 53). */
function below(bits: number): number {
  const hi = Math.floor(random() * 2 ** Math.max(0, bits - 26))
  const lo = Math.floor(random() * 2 ** Math.min(26, bits))
  return bits > 26 ? hi * 2 ** 26 + lo : lo
}

/** Bit patterns of every kind the epoch handles: proportions, raw u16 weights (u·2^32) and their sums, and edges. */
function operand(): number {
  const kind = Math.floor(random() * 8)
  const sign = random() < 0.25 ? -1 : 1
  let x: number
  if (kind === 0) x = below(20)
  else if (kind === 1) x = below(33) // proportions up to ~2
  else if (kind === 2) x = below(40)
  else if (kind === 3) x = below(48)
  else if (kind === 4) x = below(53)
  else if (kind === 5) x = Math.floor(random() * 65536) * ONE // a raw u16 weight
  else if (kind === 6) x = Math.floor(random() * 2 ** 28) * ONE // a row sum of raw weights
  else x = [0, 1, ONE - 1, ONE, ONE + 1, 2 ** 52, 2 ** 53 - 1, 2 ** 31][Math.floor(random() * 8)]!
  return sign * x + 0
}

const SAMPLES = 20_000
const ref = (bits: number) => I32F32.fromBits(BigInt(bits))

/** The kernel returns the reference bits when a double holds them exactly, and throws otherwise. */
function expectBits(kernel: () => number | undefined, reference: bigint | undefined): void {
  if (reference === undefined) return expect(kernel()).toBeUndefined()
  const exact = BigInt(Number(reference)) === reference
  if (exact) expect(kernel()).toBe(Number(reference))
  else expect(kernel).toThrow(RangeError)
}

describe('against fixed.ts', () => {
  test('mul = saturating_mul', () => {
    for (let t = 0; t < SAMPLES; t++) {
      const a = operand()
      const b = operand()
      expectBits(() => mul(a, b), ref(a).saturatingMul(ref(b)).bits)
    }
  })

  test('checkedMul = checked_mul', () => {
    for (let t = 0; t < SAMPLES; t++) {
      const a = operand()
      const b = operand()
      expectBits(() => checkedMul(a, b), ref(a).checkedMul(ref(b))?.bits)
    }
  })

  test('checkedDiv, safeDiv and saturatingDiv = checked_div, safe_div and saturating_div', () => {
    for (let t = 0; t < SAMPLES; t++) {
      const a = operand()
      const b = random() < 0.02 ? 0 : operand()
      expectBits(() => checkedDiv(a, b), ref(a).checkedDiv(ref(b))?.bits)
      expectBits(() => safeDiv(a, b), ref(a).safeDiv(ref(b)).bits)
      if (b === 0) expect(() => saturatingDiv(a, b)).toThrow(RangeError)
      else expectBits(() => saturatingDiv(a, b), ref(a).saturatingDiv(ref(b)).bits)
    }
  })

  test('ratio(x, y) = floor(x·2^32 / y)', () => {
    for (let t = 0; t < SAMPLES; t++) {
      const x = Math.abs(operand())
      const y = Math.abs(operand()) || 1
      const q = (BigInt(x) << 32n) / BigInt(y)
      expectBits(() => ratio(x, y), q)
    }
  })

  test('proportionToU16 = fixed_proportion_to_u16', () => {
    for (let t = 0; t < SAMPLES; t++) {
      const x = operand()
      expect(proportionToU16(x)).toBe(ref(x).saturatingMul(I32F32.saturatingFromNum(65535n)).saturatingToU16())
    }
    expect([0, ONE / 2, ONE, ONE - 1].map(proportionToU16)).toEqual([0, 32767, 65535, 65534])
  })

  test('expBits = transcendental::exp on |x| ≤ 12', () => {
    const xs = [0, 1, -1, ONE, -ONE, ONE + 1, ONE - 1, EXP_FAST_LIMIT, -EXP_FAST_LIMIT, 5 * ONE, -5 * ONE, 10 * ONE, -10 * ONE]
    for (let t = 0; t < 5_000; t++) xs.push(Math.floor((random() * 2 - 1) * EXP_FAST_LIMIT))
    for (const x of xs) expect(expBits(x), `exp(${x})`).toBe(Number(exp(ref(x))!.bits))
  })
})

describe('refusing inexact results', () => {
  test('a product whose bits a double cannot hold throws instead of rounding', () => {
    expect(() => mul(2 ** 53 - 1, 2 ** 53 - 1)).toThrow(RangeError)
  })

  test('never returns −0', () => {
    expect(Object.is(mul(0, -5), 0)).toBe(true)
    expect(Object.is(checkedDiv(0, -5), 0)).toBe(true)
  })
})
