// sp_runtime::generic::Era: a transaction's validity window, its 1- or 2-byte encoding, and the birth and death blocks Substrate derives from it.
import { createCodec } from '@polkadot-api/substrate-bindings'
import type { Codec } from '@polkadot-api/substrate-bindings'
import { ScaleDecodeError, strictDecoder, takeByte } from './scale.ts'

/** Immortal, or valid for `period` blocks (a power of two in 4..65536) from a birth block ≡ `phase` (mod `period`). */
export type Era = { type: 'Immortal' } | { type: 'Mortal'; value: { period: number; phase: number } }

export const IMMORTAL: Era = { type: 'Immortal' }

const MAX_PERIOD = 1 << 16
const U64_MAX = (1n << 64n) - 1n

/** Phases of periods above 4096 are stored in units of `period / 4096` so that they fit 12 bits. */
const quantizeFactor = (period: number) => Math.max(period >> 12, 1)

function assertBlockNumber(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${what} must be a non-negative integer, got ${value}`)
}

/**
 * `Era::mortal(period, current)`: the period rounded up to a power of two and clamped to 4..65536,
 * the phase `current % period` rounded down to the quantization step.
 */
export function mortal(period: number, current: number): Era {
  assertBlockNumber(period, 'era period')
  assertBlockNumber(current, 'current block')
  let rounded = 4
  while (rounded < Math.min(period, MAX_PERIOD)) rounded *= 2
  const factor = quantizeFactor(rounded)
  const phase = Math.floor((current % rounded) / factor) * factor
  return { type: 'Mortal', value: { period: rounded, phase } }
}

/** `Era::birth`: the block whose hash the signer committed to, given the block now being built (0 for immortal: genesis). */
export function birth(era: Era, current: number): number {
  assertBlockNumber(current, 'current block')
  if (era.type === 'Immortal') return 0
  const { period, phase } = era.value
  return Math.floor((Math.max(current, phase) - phase) / period) * period + phase
}

/** `Era::death`: the first block in which the transaction is no longer valid, as Substrate's u64 (`u64::MAX` for immortal). */
export function death(era: Era, current: number): bigint {
  if (era.type === 'Immortal') return U64_MAX
  return BigInt(birth(era, current) + era.value.period)
}

function assertMortal(period: number, phase: number): void {
  const powerOfTwo = Number.isInteger(period) && (period & (period - 1)) === 0
  if (!powerOfTwo || period < 4 || period > MAX_PERIOD) throw new RangeError(`mortal era period must be a power of two in 4..65536, got ${period}`)
  if (!Number.isInteger(phase) || phase < 0 || phase >= period || phase % quantizeFactor(period) !== 0)
    throw new RangeError(`mortal era phase must be below the period ${period} and a multiple of ${quantizeFactor(period)}, got ${phase}`)
}

/**
 * Immortal is `0x00`; mortal is a little-endian u16 whose low 4 bits are `log2(period) - 1` and whose
 * high 12 bits are `phase / quantizeFactor`. Decoding refuses period 2 and phases not below the period.
 */
export const eraCodec: Codec<Era> = createCodec(
  (era: Era) => {
    if (era.type === 'Immortal') return new Uint8Array([0])
    const { period, phase } = era.value
    assertMortal(period, phase)
    const encoded = (Math.log2(period) - 1) | ((phase / quantizeFactor(period)) << 4)
    return new Uint8Array([encoded & 0xff, encoded >> 8])
  },
  strictDecoder((bytes): Era => {
    const first = takeByte(bytes, 'Era')
    if (first === 0) return IMMORTAL
    const encoded = first | (takeByte(bytes, 'Era') << 8)
    const period = 2 << (encoded & 0xf)
    const phase = (encoded >> 4) * quantizeFactor(period)
    if (period < 4 || phase >= period) throw new ScaleDecodeError(`invalid mortal era 0x${encoded.toString(16).padStart(4, '0')}: period ${period}, phase ${phase}`)
    return { type: 'Mortal', value: { period, phase } }
  }),
)
