// τ/α parsing and formatting (exact, 9 decimals) and the SS58-42 address check.
import { describe, expect, test } from 'vitest'
import { Keyring } from '@polkadot/keyring'
import { cryptoWaitReady, encodeAddress, decodeAddress } from '@polkadot/util-crypto'
import { InvalidAddressError, InvalidAmountError } from './errors/input.ts'
import { assertAddress, assertAmount, checkSs58, formatAlpha, formatAmount, formatTao, formatUnits, isAddress, parseTao, parseUnits, raoToNumber } from './units.ts'

const ALICE = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY'

describe('amounts', () => {
  test.each([
    ['1', 1_000_000_000n],
    ['1.5', 1_500_000_000n],
    ['.5', 500_000_000n],
    ['0.000000001', 1n],
    ['  42  ', 42_000_000_000n],
    ['1_000', 1_000_000_000_000n],
    ['1 000.25', 1_000_250_000_000n],
    ['18446744073.709551615', (1n << 64n) - 1n],
  ])('parseTao(%j) = %s RAO, and formats back exactly', (text, rao) => {
    expect(parseTao(text)).toBe(rao)
    expect(parseTao(formatUnits(rao))).toBe(rao)
  })

  test.each([
    ['', 'The amount "" is not valid: enter a number'],
    ['-1', 'The amount "-1" is not valid: it is negative'],
    ['1,5', 'The amount "1,5" is not valid: use a dot for decimals and no commas'],
    ['1,000.5', 'The amount "1,000.5" is not valid: use a dot for decimals and no commas'],
    ['abc', 'The amount "abc" is not valid: it is not a number'],
    ['1e9', 'The amount "1e9" is not valid: it is not a number'],
    ['1.2.3', 'The amount "1.2.3" is not valid: it is not a number'],
    ['.', 'The amount "." is not valid: it is not a number'],
    ['0.0000000001', 'The amount "0.0000000001" is not valid: it has 10 decimals; at most 9 are possible'],
    ['18446744073.709551616', 'The amount "18446744073.709551616" is not valid: it is larger than any balance the chain can hold'],
  ])('parseTao(%j) is refused: %s', (text, message) => {
    expect(() => parseTao(text)).toThrowError(InvalidAmountError)
    expect(() => parseTao(text)).toThrowError(message)
  })

  test('formatting truncates, never rounds up, and groups thousands', () => {
    expect(formatUnits(1_500_000_000n)).toBe('1.5')
    expect(formatUnits(-1n)).toBe('-0.000000001')
    expect(formatUnits(7n, 0)).toBe('7')
    expect(formatTao(1_234_567_899_999n)).toBe('1\u2009234.5678 τ')
    expect(formatTao(999_999_999n, { digits: 2 })).toBe('0.99 τ')
    expect(formatAlpha(2_000_000_000n, 'β')).toBe('2 β')
    expect(formatAmount(1_000_000_000_000n, { group: false })).toBe('1000')
    expect(raoToNumber(1_500_000_000n)).toBe(1.5)
    expect(parseUnits('2', 6)).toBe(2_000_000n)
  })

  test('assertAmount wants a positive u64 bigint', () => {
    expect(assertAmount(1n)).toBe(1n)
    expect(() => assertAmount(0n)).toThrowError('The amount "0" is not valid: it must be more than 0')
    expect(() => assertAmount(1 as unknown as bigint)).toThrowError('it must be a whole number of RAO (a bigint)')
    expect(() => assertAmount(1n << 64n, 'stake')).toThrowError('The stake "18446744073.709551616" is not valid: it is larger than any balance the chain can hold')
  })
})

describe('addresses', () => {
  test('SS58-42 addresses pass, trimmed', async () => {
    await cryptoWaitReady()
    const bob = new Keyring({ type: 'sr25519', ss58Format: 42 }).addFromUri('//Bob').address
    expect(isAddress(ALICE)).toBe(true)
    expect(isAddress(bob)).toBe(true)
    expect(assertAddress(`  ${ALICE} `)).toBe(ALICE)
  })

  test.each([
    ['', 'it is empty'],
    ['0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d', 'it is hex (a public key), not an SS58 address'],
    ['5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQ0', 'it has characters that SS58 never uses (0, O, I, l or punctuation)'],
    ['5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQZ', 'its checksum does not match (a character is wrong or missing)'],
    [encodeAddress(decodeAddress(ALICE), 0), `it is encoded for another network; Bittensor addresses use prefix 42 (this one is ${ALICE})`],
  ])('%j is refused: %s', (address, reason) => {
    expect(checkSs58(address)).toEqual({ ok: false, reason })
    expect(() => assertAddress(address, 'hotkey')).toThrowError(InvalidAddressError)
    expect(() => assertAddress(address, 'hotkey')).toThrowError(`is not a valid address: ${reason}`)
  })
})
