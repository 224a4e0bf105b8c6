import { u8aToHex } from '@polkadot/util'
import { describe, expect, test } from 'vitest'
import { IMMORTAL, birth, death, eraCodec, mortal } from './era.ts'
import type { Era } from './era.ts'
import { registry } from './polkadotJsFixtures.ts'

const polkadotJsEra = (value: Uint8Array | { current: number; period: number }) => registry.createType('ExtrinsicEra', value)

describe('Era', () => {
  test('immortal is the single byte 0x00, born at genesis and never dying', () => {
    expect(eraCodec.enc(IMMORTAL)).toEqual(new Uint8Array([0]))
    expect(eraCodec.dec(new Uint8Array([0]))).toEqual(IMMORTAL)
    expect(birth(IMMORTAL, 5000)).toBe(0)
    expect(death(IMMORTAL, 5000)).toBe(2n ** 64n - 1n)
  })

  test.each([
    // [period asked, current block, period, phase]
    [4, 0, 4, 0],
    [4, 7, 4, 3],
    [0, 9, 4, 1],
    [64, 1000, 64, 40],
    [100, 1000, 128, 104],
    [2048, 123_456, 2048, 576],
    [4096, 5000, 4096, 904],
    [8192, 100_001, 8192, 1696],
    [65_536, 100_001, 65_536, 34_464],
    [1_000_000, 7, 65_536, 0],
  ])('mortal(%i, %i) has period %i and phase %i, encoded as @polkadot/types encodes it', (asked, current, period, phase) => {
    const era = mortal(asked, current)
    expect(era).toEqual({ type: 'Mortal', value: { period, phase } })
    const encoded = eraCodec.enc(era)
    expect(encoded).toEqual(polkadotJsEra({ current, period: asked }).toU8a())
    expect(eraCodec.dec(encoded)).toEqual(era)
  })

  test('every two-byte encoding decodes as @polkadot/types decodes it, and re-encodes to itself', () => {
    const refused: number[] = []
    const notRoundTripped: number[] = []
    for (let encoded = 0; encoded < 1 << 16; encoded += 1) {
      if ((encoded & 0xff) === 0) continue // a zero first byte is Immortal
      const bytes = new Uint8Array([encoded & 0xff, encoded >> 8])
      let era: Era
      try {
        era = eraCodec.dec(bytes)
      } catch {
        refused.push(encoded)
        continue
      }
      if (u8aToHex(eraCodec.enc(era)) !== u8aToHex(bytes)) notRoundTripped.push(encoded)
    }
    expect(notRoundTripped).toEqual([])
    // Period 2 (low nibble 0, first byte not 0), and phases of 4..2048-block periods at or past their period.
    expect(refused).toHaveLength(4096 - 256 + [4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048].reduce((sum, period) => sum + 4096 - period, 0))
    for (const encoded of [0x0010, 0x0041, 0xfff1, 0x0ff5]) {
      expect(refused).toContain(encoded)
      expect(() => eraCodec.dec(new Uint8Array([encoded & 0xff, encoded >> 8]))).toThrow('invalid mortal era')
      expect(() => polkadotJsEra(new Uint8Array([encoded & 0xff, encoded >> 8]))).toThrow()
    }
    for (let encoded = 1; encoded < 1 << 16; encoded += 251) {
      const bytes = new Uint8Array([encoded & 0xff, encoded >> 8])
      if (refused.includes(encoded) || bytes[0] === 0) continue
      const reference = polkadotJsEra(bytes).asMortalEra
      expect(eraCodec.dec(bytes)).toEqual({ type: 'Mortal', value: { period: reference.period.toNumber(), phase: reference.phase.toNumber() } })
    }
  })

  test.each([
    [64, 1000, [1000, 1001, 1063, 1064, 1100, 50_000]],
    [4096, 5000, [5000, 9095, 9096, 20_000]],
    [65_536, 100_001, [100_001, 165_999, 166_000]],
    [16, 3, [0, 2, 3, 18, 19]],
  ])('birth and death of mortal(%i, %i) agree with @polkadot/types', (period, current, laterBlocks) => {
    const era = mortal(period, current)
    const reference = polkadotJsEra(eraCodec.enc(era)).asMortalEra
    for (const block of laterBlocks) {
      expect(birth(era, block)).toBe(reference.birth(block))
      expect(death(era, block)).toBe(BigInt(reference.death(block)))
    }
  })

  test('a mortal era is born at the latest block at or before the current one with its phase', () => {
    const era = mortal(64, 1000) // phase 40
    expect(birth(era, 1000)).toBe(1000)
    expect(birth(era, 1063)).toBe(1000)
    expect(death(era, 1063)).toBe(1064n)
    expect(birth(era, 1064)).toBe(1064)
    expect(birth(era, 10)).toBe(40) // before the first block of that phase
  })

  test('eras that no encoding can carry are refused when encoding', () => {
    expect(() => eraCodec.enc({ type: 'Mortal', value: { period: 48, phase: 0 } })).toThrow('power of two')
    expect(() => eraCodec.enc({ type: 'Mortal', value: { period: 2, phase: 0 } })).toThrow('power of two')
    expect(() => eraCodec.enc({ type: 'Mortal', value: { period: 64, phase: 64 } })).toThrow('phase')
    expect(() => eraCodec.enc({ type: 'Mortal', value: { period: 8192, phase: 3 } })).toThrow('multiple of 2')
  })

  test('a truncated mortal era is refused', () => {
    expect(() => eraCodec.dec(new Uint8Array([0x35]))).toThrow('input ends inside Era: 0 of 1 bytes present')
  })
})
