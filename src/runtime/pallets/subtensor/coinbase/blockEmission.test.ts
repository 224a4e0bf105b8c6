// The halving curve at its boundaries, worked by hand, and the 21M cap on minting (subtensor.md §8.2).
import { describe, expect, test } from 'vitest'
import type { DispatchContext, RuntimeEventLike } from '../../../framework/dispatch.ts'
import { newTestExt } from '../../../testing/ext.ts'
import { tao } from '../../../primitives/bittensor.ts'
import { TotalIssuance as BalancesIssuance } from '../../balances/index.ts'
import { I96F32 } from '../epoch/fixed.ts'
import { BlockEmission } from '../storage/emission.ts'
import { TotalIssuance } from '../storage/stake.ts'
import { blockEmissionForIssuance, getBlockEmission, getBlockEmissionForIssuance, log2, mintTao, recycleCredit } from './blockEmission.ts'

function ctxOf(storage: DispatchContext['storage']) {
  const events: RuntimeEventLike[] = []
  const ctx: DispatchContext = { storage, deposit: (e) => void events.push(e), dispatch: () => undefined }
  return { ctx, events }
}

describe('log2 (substrate-fixed, I96F32)', () => {
  test('exact powers of two and the integer part of the rest', () => {
    expect(log2(I96F32.fromNum(1n))!.toString()).toBe('0')
    expect(log2(I96F32.fromNum(2n))!.toString()).toBe('1')
    expect(log2(I96F32.fromNum(1n << 32n))!.toString()).toBe('32')
    // 3 = 2 · 1.5: one halving, then log2(1.5) = 0.5849625007…, digit by digit from 32 squarings
    const l3 = log2(I96F32.fromNum(3n))!
    expect(l3.floor()).toBe(1n)
    expect(Math.abs(l3.toNumber() - Math.log2(3))).toBeLessThan(2 ** -30)
    // below 1: −log2(1/x)
    expect(log2(I96F32.saturatingFromNum(0.5))!.toString()).toBe('-1')
    expect(log2(I96F32.zero)).toBeUndefined()
  })
})

describe('get_block_emission_for_issuance', () => {
  test('halving boundaries', () => {
    // issuance / 21e15 in I96F32 is truncated to 32 fraction bits, 1/(1 − that) is truncated again, log2 floored
    expect(blockEmissionForIssuance(0n)).toBe(tao(1))
    // 10.5M − 1 rao: ratio = (2^31 − 1)/2^32, 1/(1 − ratio) = 2^64/(2^31 + 1) → 2 − 4·2^-32 < 2: no halving yet
    expect(blockEmissionForIssuance(tao(10_500_000) - 1n)).toBe(tao(1))
    // exactly half the supply: ratio 0.5, 1/0.5 = 2, log2 = 1
    expect(blockEmissionForIssuance(tao(10_500_000))).toBe(500_000_000n)
    expect(blockEmissionForIssuance(tao(15_750_000) - 1n)).toBe(500_000_000n)
    expect(blockEmissionForIssuance(tao(15_750_000))).toBe(250_000_000n)
    expect(blockEmissionForIssuance(tao(18_375_000))).toBe(125_000_000n)
    expect(blockEmissionForIssuance(tao(18_375_000) - 1n)).toBe(250_000_000n)
    // 21M − 1 rao: ratio (2^32 − 1)/2^32, 1/2^-32 = 2^32, 32 halvings: floor(1e9 / 2^32) = 0
    expect(blockEmissionForIssuance(tao(21_000_000) - 1n)).toBe(0n)
    // 29 halvings: 1e9 >> 29 = 1; 30 halvings: 0
    const k29 = tao(21_000_000) - tao(21_000_000) / 2n ** 29n
    expect(blockEmissionForIssuance(k29)).toBe(1n)
    expect(blockEmissionForIssuance(tao(21_000_000))).toBe(0n)
    expect(blockEmissionForIssuance(tao(30_000_000))).toBe(0n)
  })

  test('agrees with the exact integer halving count away from 2^-32 of a boundary', () => {
    const supply = tao(21_000_000)
    for (const issuance of [1n, tao(1), tao(7_000_000), tao(12_345_678), tao(19_999_999), tao(20_900_000)]) {
      let k = 0n
      while ((supply - issuance) << (k + 1n) <= supply) k++
      expect(blockEmissionForIssuance(issuance), `${issuance}`).toBe(tao(1) >> k)
    }
  })

  test('writes BlockEmission when it changes', () => {
    const ext = newTestExt()
    const s = ext.storage
    expect(getBlockEmissionForIssuance(s, tao(10_500_000))).toBe(500_000_000n)
    expect(BlockEmission.get(s)).toBe(500_000_000n)
  })
})

describe('mint_tao and the 21M cap', () => {
  test('minting grows both issuances; recycling the credit takes both back', () => {
    const ext = newTestExt()
    const { ctx, events } = ctxOf(ext.storage)
    const [ti, bi] = [TotalIssuance.get(ext.storage), BalancesIssuance.get(ext.storage)]
    const credit = mintTao(ctx, tao(1))
    expect(credit.amount).toBe(tao(1))
    expect(TotalIssuance.get(ext.storage)).toBe(ti + tao(1))
    expect(BalancesIssuance.get(ext.storage)).toBe(bi + tao(1))
    expect(events).toHaveLength(1) // Balances.Issued
    recycleCredit(ctx, credit)
    expect([TotalIssuance.get(ext.storage), BalancesIssuance.get(ext.storage)]).toEqual([ti, bi])
    expect(events).toHaveLength(1) // a dropped credit emits nothing
  })

  test('never issues past 21M TAO of Balances issuance', () => {
    const ext = newTestExt()
    const { ctx } = ctxOf(ext.storage)
    BalancesIssuance.set(ext.storage, tao(21_000_000) - 100n)
    const ti = TotalIssuance.get(ext.storage)
    expect(mintTao(ctx, tao(1)).amount).toBe(100n)
    expect(BalancesIssuance.get(ext.storage)).toBe(tao(21_000_000))
    expect(TotalIssuance.get(ext.storage)).toBe(ti + 100n)
    expect(mintTao(ctx, tao(1)).amount).toBe(0n)
  })

  test('no emission at or past the total supply: nothing is minted, no event', () => {
    const ext = newTestExt()
    const { ctx, events } = ctxOf(ext.storage)
    TotalIssuance.set(ext.storage, tao(21_000_000))
    const bi = BalancesIssuance.get(ext.storage)
    expect(getBlockEmission(ctx).amount).toBe(0n)
    expect(BalancesIssuance.get(ext.storage)).toBe(bi)
    expect(events).toHaveLength(0)
    expect(BlockEmission.get(ext.storage)).toBe(0n)
  })
})
