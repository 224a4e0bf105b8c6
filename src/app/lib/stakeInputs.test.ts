// The Stake page's input rules with the numbers a user would type.
import { describe, expect, test } from 'vitest'
import { MIN_STAKE, amountProblem, parseTolerance, yearlyReturn } from './stakeInputs.ts'

describe('parseTolerance', () => {
  test.each([
    ['0.5', 0.005],
    [' 1 ', 0.01],
    ['0', 0],
    ['99.9', 0.999],
  ])('%s %% → %s', (text, fraction) => expect(parseTolerance(text)).toBeCloseTo(fraction, 12))
  test.each(['', 'abc', '-1', '100', '1,5', '0.5%'])('%j is refused', (text) => expect(parseTolerance(text)).toBeUndefined())
})

describe('yearlyReturn', () => {
  test('0.5 τ a day per 1000 τ is 18.25 % a year; none is 0', () => {
    expect(yearlyReturn(500_000_000n)).toBeCloseTo(0.1825, 12)
    expect(yearlyReturn(0n)).toBe(0)
  })
})

describe('amountProblem', () => {
  const tao = { kind: 'tao' } as const
  test('nothing typed, or enough: no problem', () => {
    expect(amountProblem({ amount: undefined, available: 0n, unit: tao, from: 'your free balance' })).toBeUndefined()
    expect(amountProblem({ amount: 1_000_000_000n, available: 2_000_000_000n, unit: tao, minimum: MIN_STAKE, from: 'your free balance' })).toBeUndefined()
  })
  test('beyond the balance, in the unit the user typed', () => {
    expect(amountProblem({ amount: 3_000_000_000n, available: 2_000_000_000n, unit: tao, from: 'your free balance' })).toBe('3 τ is more than your free balance of 2 τ.')
    expect(amountProblem({ amount: 3_000_000_000n, available: 1_500_000_000n, unit: { kind: 'alpha', symbol: 'β' }, from: 'your stake with this validator' })).toBe(
      '3 β is more than your stake with this validator of 1.5 β.',
    )
  })
  test('below the minimum, and zero', () => {
    expect(amountProblem({ amount: 1_000_000n, available: 10n ** 12n, unit: tao, minimum: 2_500_000n, from: 'your free balance' })).toBe('The minimum stake is 0.0025 τ here (the chain\'s minimum plus the fee).')
    expect(amountProblem({ amount: 0n, available: 10n, unit: tao, from: 'your free balance' })).toBe('Enter an amount above zero.')
  })
})
