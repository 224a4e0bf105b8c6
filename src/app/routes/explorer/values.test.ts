// How decoded values are written: amounts by argument name, accounts, nested calls, integers in any of toJSON's shapes, times and phases.
import { describe, expect, test } from 'vitest'
import { amountUnitOf, extrinsicId, fullTime, integerOf, isCallValue, isTimeArg, looksLikeAddress, multiAddressOf, phaseText, searchHref, shortHash, timeOfDay } from './values.ts'

const ALICE = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY'

describe('explorer values', () => {
  test('amount arguments by name: τ for transfers and stake added, α for stake removed or moved', () => {
    expect(isTimeArg('now')).toBe(true)
    expect(['value', 'amountStaked', 'amountUnstaked', 'alphaAmount', 'netuid', undefined].map(amountUnitOf)).toEqual(['τ', 'τ', 'α', 'α', undefined, undefined])
  })

  test('integers as toJSON writes them', () => {
    expect(integerOf(1_500_000_000)).toBe(1_500_000_000n)
    expect(integerOf('0x0000000000000000016345785d8a0000')).toBe(100_000_000_000_000_000n)
    expect(integerOf('42')).toBe(42n)
    expect(integerOf(1.5)).toBeUndefined()
    expect(integerOf('abc')).toBeUndefined()
  })

  test('accounts, MultiAddress ids and nested calls are recognised', () => {
    expect(looksLikeAddress(ALICE)).toBe(true)
    expect(looksLikeAddress('5Grw')).toBe(false)
    expect(multiAddressOf({ id: ALICE })).toBe(ALICE)
    expect(multiAddressOf({ id: ALICE, other: 1 })).toBeUndefined()
    expect(isCallValue({ section: 'balances', method: 'transferKeepAlive', args: {} })).toBe(true)
    expect(isCallValue({ section: 'balances' })).toBe(false)
  })

  test('hashes, times, ids, phases and links', () => {
    expect(shortHash(`0x${'ab'.repeat(32)}`)).toBe('0xababab…ababab')
    expect(timeOfDay(Date.UTC(2026, 0, 2, 3, 4, 5))).toBe('03:04:05')
    expect(fullTime(Date.UTC(2026, 0, 2, 3, 4, 5))).toBe('2026-01-02 03:04:05 UTC')
    expect(timeOfDay(0)).toBeUndefined()
    expect(extrinsicId(12, 1)).toBe('12-1')
    expect(phaseText({ phase: 'extrinsic', extrinsic: 2 }, 12)).toBe('Extrinsic 12-2')
    expect(phaseText({ phase: 'finalization', extrinsic: undefined }, 12)).toBe('Finalization')
    expect(searchHref('0xab')).toBe('/explorer?q=0xab')
  })
})
