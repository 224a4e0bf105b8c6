// Amount, price and address formatting as the tables show them.
import { describe, expect, test } from 'vitest'
import { errorText, formatPercent, formatPrice, formatRao, formatTao, shortAddress } from './format.ts'

describe('format', () => {
  test('RAO as τ, exact and grouped', () => {
    expect(formatRao(1_500_000_000n)).toBe('1.5')
    expect(formatRao(0n)).toBe('0')
    expect(formatRao(1_234_567_000_000_000n)).toBe('1,234,567')
    expect(formatRao(123_456_789n)).toBe('0.1235')
    expect(formatRao(-2_000_000_000n)).toBe('-2')
    expect(formatTao(10n ** 30n)).toBe(`${(10n ** 21n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',')} τ`)
  })
  test('prices, percentages, addresses, errors', () => {
    expect(formatPrice(1)).toBe('1')
    expect(formatPrice(0.000123456)).toBe('0.0001235')
    expect(formatPercent(0.12345)).toBe('12.35%')
    expect(shortAddress('5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY')).toBe('5Grwva…GKutQY')
    expect(errorText(Object.assign(new Error('long\nmessage'), { shortMessage: 'short' }))).toBe('short')
    expect(errorText(new Error('plain'))).toBe('plain')
  })
})
