import { u8aToHex } from '@polkadot/util'
import { describe, expect, test } from 'vitest'
import { registry } from './polkadotJsFixtures.ts'
import { compactU32, compactU64, fixedBytes, option } from './scale.ts'

const bytes = (...values: number[]) => new Uint8Array(values)

describe('strict SCALE', () => {
  test.each([0n, 63n, 64n, 2n ** 14n - 1n, 2n ** 14n, 2n ** 30n - 1n, 2n ** 30n, 2n ** 32n - 1n, 2n ** 32n, 2n ** 40n, 2n ** 56n, 2n ** 64n - 1n])(
    'Compact<u64> %s encodes as @polkadot/types does and decodes back',
    (value) => {
      const encoded = compactU64.enc(value)
      expect(u8aToHex(encoded)).toBe(u8aToHex(registry.createType('Compact<u64>', value).toU8a()))
      expect(compactU64.dec(encoded)).toBe(value)
      if (value < 2n ** 32n) expect(compactU32.dec(encoded)).toBe(Number(value))
    },
  )

  test.each([
    ['0 in two bytes', bytes(0x01, 0x00), 'non-canonical compact encoding of 0'],
    ['63 in two bytes', bytes(0xfd, 0x00), 'non-canonical compact encoding of 63'],
    ['0 in four bytes', bytes(0x02, 0x00, 0x00, 0x00), 'non-canonical compact encoding of 0'],
    ['2^30 - 1 in big-integer mode', bytes(0x03, 0xff, 0xff, 0xff, 0x3f), 'non-canonical compact encoding of 1073741823'],
    ['2^32 - 1 in five bytes', bytes(0x07, 0xff, 0xff, 0xff, 0xff, 0x00), 'non-canonical compact encoding of 4294967295'],
    ['nine bytes', bytes(0x17, 1, 2, 3, 4, 5, 6, 7, 8, 9), 'compact prefix announces 9 bytes, at most 8 fit'],
  ])('Compact<u64> refuses %s', (_, encoded, message) => {
    expect(() => compactU64.dec(encoded)).toThrow(message)
  })

  test('Compact<u32> refuses more than four bytes and values past u32', () => {
    expect(() => compactU32.dec(bytes(0x07, 0, 0, 0, 0, 1))).toThrow('compact prefix announces 5 bytes, at most 4 fit')
    expect(() => compactU32.enc(2 ** 32)).toThrow('Compact<u32> out of range')
    expect(() => compactU64.enc(2n ** 64n)).toThrow('Compact<u64> out of range')
  })

  test('Option tags other than 0 and 1 are refused', () => {
    const maybeHash = option(fixedBytes(2))
    expect(maybeHash.dec(bytes(0))).toBeUndefined()
    expect(maybeHash.dec(bytes(1, 7, 8))).toEqual(bytes(7, 8))
    expect(() => maybeHash.dec(bytes(2, 7, 8))).toThrow('Option tag must be 0 or 1, got 2')
  })

  test('fixed-size bytes must have their size', () => {
    expect(() => fixedBytes(32).enc(new Uint8Array(31))).toThrow('[u8; 32] needs 32 bytes, got 31')
    expect(() => fixedBytes(32).dec(new Uint8Array(31))).toThrow('input ends inside [u8; 32]: 31 of 32 bytes present')
  })
})
