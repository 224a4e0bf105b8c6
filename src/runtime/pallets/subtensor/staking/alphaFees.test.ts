// Fees paid in alpha (SubtensorTxFeeHandler) on the TestChain: a coldkey that cannot pay the TAO fee and stay above the ED pays an unstaking
// call's fee from the staked position, sold to the pool for the block author; TAO stays preferred, other calls refuse, a failed call still pays.
import { describe, expect, test } from 'vitest'
import { u8aConcat } from '@polkadot/util'
import { TestChain, dev, keyring, pub } from '../../../testing/chain.ts'
import { tao, type AccountId } from '../../../primitives/bittensor.ts'
import type { Hex } from '../../../primitives/types.ts'
import { u32 } from '../../../primitives/types.ts'
import { EXISTENTIAL_DEPOSIT } from '../../../config.ts'
import { Account } from '../../system/storage.ts'
import { SubnetAlphaIn, SubnetAlphaOut, SubnetMechanism, SubnetTAO, SubtokenEnabled } from '../storage/subnets.ts'
import { TotalIssuance as SubtensorIssuance, TotalStake } from '../storage/stake.ts'
import { alphaAmountForTao, alphaFeeSources, canWithdrawInAlpha } from './alphaFees.ts'
import { subnetAccountId } from './pools.ts'
import { getStake } from './shares.ts'

const ALICE = pub(dev.alice) as AccountId
const BOB = pub(dev.bob) as AccountId
const CHARLIE = pub(dev.charlie) as AccountId
const AUTHOR = pub(dev.one) as AccountId
const dave = keyring.addFromUri('//Dave')
const DAVE = pub(dave) as AccountId
/** Alice's hotkey on netuid 1. */
const HK = `0x${'c1'.repeat(32)}` as AccountId
const SN = 1
const S = (c: TestChain) => c.state as never
const id = (c: TestChain, who: Hex) => c.registry.createType('AccountId32', who).toString()
type Ev = { phase: unknown; event: string; data: unknown }

/** Builds a block with `xts`; per extrinsic (1-based after the timestamp inherent): success and its events. */
function run(c: TestChain, xts: Uint8Array[]) {
  const b = c.block(xts)
  const all = c.events()
  return { applied: b.applied, skipped: b.skipped, results: b.applied.slice(1).map((a) => ({ success: a.success, events: all.filter((e) => (e.phase as { applyExtrinsic?: number }).applyExtrinsic === a.index) })) }
}
const names = (evs: Ev[]) => evs.map((e) => e.event)
const data = <T>(evs: Ev[], name: string) => evs.find((e) => e.event === name)!.data as T

/** `TransactionPaymentApi_query_info(xt, len).partial_fee`: the TAO fee a wallet is quoted (the last u128 of RuntimeDispatchInfo). */
function quotedFee(c: TestChain, xt: Uint8Array): bigint {
  const out = c.runtime.call(c.state, c.chain(), 'TransactionPaymentApi_query_info', u8aConcat(xt, u32.enc(xt.length)))
  return c.registry.createType('RuntimeDispatchInfo', out).partialFee.toBigInt()
}

/** Σ free+reserved over System.Account against Balances' TotalIssuance. */
function balancesTotal(c: TestChain) {
  const sum = Account.entries(S(c)).reduce((a, [, info]) => a + info.data.free + info.data.reserved, 0n)
  return { sum, issuance: c.totalIssuance() }
}

/**
 * netuid 1 open for staking with Alice's hotkey HK; Charlie staked 10 TAO to HK and then sent all his TAO but the ED to Alice, so he
 * can no longer pay a TAO fee; Bob staked 10 TAO and kept his TAO.
 */
function setup() {
  const c = new TestChain([[ALICE, tao(1_000_000)], [BOB, tao(1_000_000)], [AUTHOR, tao(2000)], [CHARLIE, tao(20)], [DAVE, tao(1)]])
  SubtokenEnabled.set(S(c), SN, true)
  run(c, [c.sign(dev.alice, c.tx('SubtensorModule', 'burned_register', SN, HK))])
  const staked = run(c, [c.sign(dev.charlie, c.tx('SubtensorModule', 'add_stake', HK, SN, tao(10))), c.sign(dev.bob, c.tx('SubtensorModule', 'add_stake', HK, SN, tao(10)))])
  expect(staked.results.map((r) => r.success)).toEqual([true, true])
  const emptied = run(c, [c.sign(dev.charlie, c.tx('Balances', 'transfer_all', ALICE, true))])
  expect(emptied.results[0]!.success).toBe(true)
  expect(c.account(CHARLIE).free).toBe(EXISTENTIAL_DEPOSIT)
  expect(SubnetMechanism.get(S(c), SN)).toBe(1)
  return c
}

const snapshot = (c: TestChain) => ({
  charlie: c.account(CHARLIE).free,
  author: c.account(AUTHOR).free,
  subnet: c.account(subnetAccountId({ storage: S(c) }, SN)!).free,
  stake: getStake(S(c), HK, CHARLIE, SN),
  bobStake: getStake(S(c), HK, BOB, SN),
  pool: { tao: SubnetTAO.get(S(c), SN), alphaIn: SubnetAlphaIn.get(S(c), SN), alphaOut: SubnetAlphaOut.get(S(c), SN) },
  totalStake: TotalStake.get(S(c)),
  issuance: c.totalIssuance(),
  subtensorIssuance: SubtensorIssuance.get(S(c)),
})

describe('transaction fees in alpha', () => {
  test('remove_stake by a coldkey without spendable TAO: the fee is the alpha worth it at the spot price, sold fee-free for the block author', () => {
    const c = setup()
    const before = snapshot(c)
    const unstake = tao(1)
    const xt = c.sign(dev.charlie, c.tx('SubtensorModule', 'remove_stake', HK, SN, unstake))
    // the quote stays in TAO; validation accepts the transaction on the strength of the stake
    const fee = quotedFee(c, xt)
    expect(fee).toBeGreaterThan(EXISTENTIAL_DEPOSIT)
    const alphaFee = alphaAmountForTao(S(c), SN, fee)
    expect(alphaFee).toBeGreaterThan(0n)
    expect(alphaFee).toBeLessThan(before.stake)
    expect(canWithdrawInAlpha(S(c), CHARLIE, [{ hotkey: HK, netuid: SN }], fee)).toBe(true)
    expect(c.validate(xt).ok).toBe(true)

    const { results } = run(c, [xt])
    const r = results[0]!
    expect(r.success).toBe(true)
    // the fee sale (its TAO to the author, the zero swap fee's TAO to the author, StakeRemoved), the call (TAO to Charlie, the swap fee's
    // TAO to the author, StakeRemoved), then the fee events; no Withdraw, no refund, no Deposit to the author
    expect(names(r.events)).toEqual([
      'balances.Transfer', 'balances.Transfer', 'subtensorModule.StakeRemoved',
      'balances.Transfer', 'balances.Transfer', 'subtensorModule.StakeRemoved',
      'subtensorModule.TransactionFeePaidWithAlpha', 'transactionPayment.TransactionFeePaid', 'system.ExtrinsicSuccess',
    ])
    const subnet = subnetAccountId({ storage: S(c) }, SN)!
    const [feeFrom, feeTo, feeTao] = r.events[0]!.data as [string, string, number | string]
    expect([feeFrom, feeTo]).toEqual([id(c, subnet), id(c, AUTHOR)])
    expect(r.events[1]!.data).toEqual([id(c, subnet), id(c, AUTHOR), 0])
    const [ck, hk, saleTao, saleAlpha, saleNetuid, saleSwapFee] = r.events[2]!.data as [string, string, number | string, number | string, number, number | string]
    expect([ck, hk, BigInt(saleAlpha), saleNetuid, BigInt(saleSwapFee)]).toEqual([id(c, CHARLIE), id(c, HK), alphaFee, SN, 0n])
    expect(BigInt(saleTao)).toBe(BigInt(feeTao))
    // the alpha sold buys about the fee back (spot price vs. the slippage of a tiny sale)
    const taoAmount = BigInt(feeTao)
    expect(taoAmount).toBeLessThanOrEqual(fee)
    expect(fee - taoAmount).toBeLessThan(fee / 1000n + 2n)
    expect(data(r.events, 'subtensorModule.TransactionFeePaidWithAlpha')).toEqual([id(c, CHARLIE), SN, Number(alphaFee), Number(taoAmount)])
    expect(data(r.events, 'transactionPayment.TransactionFeePaid')).toEqual([id(c, CHARLIE), Number(fee), 0])
    const [, , callTao, callAlpha, , callSwapFee] = r.events[5]!.data as [string, string, number | string, number | string, number, number | string]
    expect(BigInt(callAlpha) + BigInt(callSwapFee)).toBe(unstake)

    const after = snapshot(c)
    // the stake falls by the unstaked amount plus the alpha fee; the TAO balance grows by exactly what the call paid out
    expect(after.stake).toBe(before.stake - unstake - alphaFee)
    expect(after.bobStake).toBe(before.bobStake)
    expect(after.charlie).toBe(before.charlie + BigInt(callTao))
    // the author earns the fee's TAO and the call's own swap fee (sold for TAO), both out of the subnet account
    const toAuthor = r.events.filter((e) => e.event === 'balances.Transfer' && (e.data as string[])[1] === id(c, AUTHOR)).reduce((a, e) => a + BigInt((e.data as [string, string, number])[2]), 0n)
    expect(after.author).toBe(before.author + toAuthor)
    expect(toAuthor).toBeGreaterThan(taoAmount)
    expect(after.subnet).toBe(before.subnet - toAuthor - BigInt(callTao))
    // the pool took in both sales; TotalStake fell by the TAO they paid out
    expect(after.pool.alphaOut).toBe(before.pool.alphaOut - alphaFee - BigInt(callAlpha) - BigInt(callSwapFee))
    expect(after.totalStake).toBe(before.totalStake - (before.pool.tao - after.pool.tao))
    // nothing is minted or burned
    expect(after.issuance).toBe(before.issuance)
    expect(after.subtensorIssuance).toBe(before.subtensorIssuance)
    const { sum, issuance } = balancesTotal(c)
    expect(sum).toBe(issuance)
  })

  test('TAO stays preferred: a coldkey that can pay in TAO does so for remove_stake, and add_stake always pays in TAO', () => {
    const c = setup()
    const before = snapshot(c)
    const bob0 = c.account(BOB).free
    const { results } = run(c, [c.sign(dev.bob, c.tx('SubtensorModule', 'remove_stake', HK, SN, tao(1))), c.sign(dev.bob, c.tx('SubtensorModule', 'add_stake', HK, SN, tao(1)), { nonce: c.nonce(BOB) + 1 })])
    for (const r of results) {
      expect(r.success).toBe(true)
      expect(names(r.events)[0]).toBe('balances.Withdraw')
      expect(names(r.events)).not.toContain('subtensorModule.TransactionFeePaidWithAlpha')
    }
    const fees = results.map((r) => BigInt(data<[string, number, number]>(r.events, 'transactionPayment.TransactionFeePaid')[1]))
    const removed = data<[string, string, number, number, number, number]>(results[0]!.events, 'subtensorModule.StakeRemoved')
    const added = data<[string, string, number, number, number, number]>(results[1]!.events, 'subtensorModule.StakeAdded')
    // Bob's stake moves only by what he unstaked and staked; his TAO pays the fees
    expect(getStake(S(c), HK, BOB, SN)).toBe(before.bobStake - tao(1) + BigInt(added[3]))
    expect(c.account(BOB).free).toBe(bob0 - fees[0]! - fees[1]! + BigInt(removed[2]) - tao(1))
    expect(c.totalIssuance()).toBe(before.issuance)
  })

  test('no alpha path without a qualifying position: add_stake, a too-small position and two subnets are refused with Payment', () => {
    const c = setup()
    // add_stake is not an alpha-fee call
    const add = c.sign(dev.charlie, c.tx('SubtensorModule', 'add_stake', HK, SN, tao(1)))
    expect(alphaFeeSources(S(c), CHARLIE, { type: 'SubtensorModule', value: { type: 'add_stake', value: { hotkey: HK, netuid: SN, amountStaked: tao(1) } } })).toEqual([])
    expectPaymentRefusal(c, add)
    // a fee (with its tip) worth more than the position
    const stakeValue = (getStake(S(c), HK, CHARLIE, SN) * SubnetTAO.get(S(c), SN)) / SubnetAlphaIn.get(S(c), SN)
    const tipped = c.sign(dev.charlie, c.tx('SubtensorModule', 'remove_stake', HK, SN, tao(1)), { tip: stakeValue * 2n })
    expectPaymentRefusal(c, tipped)
    // a position on a subnet other than the one the call names does not count
    const elsewhere = c.sign(dev.charlie, c.tx('SubtensorModule', 'remove_stake', HK, 0, tao(1)))
    expectPaymentRefusal(c, elsewhere)
    // unstake_all names every subnet with stake: one qualifies, so validation passes
    expect(alphaFeeSources(S(c), CHARLIE, { type: 'SubtensorModule', value: { type: 'unstake_all', value: { hotkey: HK } } })).toEqual([{ hotkey: HK, netuid: SN }])
    expect(c.validate(c.sign(dev.charlie, c.tx('SubtensorModule', 'unstake_all', HK))).ok).toBe(true)
    // ...with stake on two subnets it does not (multi-subnet alpha fees are refused)
    SubtokenEnabled.set(S(c), 0, true)
    const root = run(c, [c.sign(dev.bob, c.tx('SubtensorModule', 'transfer_stake', CHARLIE, HK, SN, 0, tao(1)))])
    expect(root.results[0]!.success).toBe(true)
    expect(getStake(S(c), HK, CHARLIE, 0)).toBeGreaterThan(0n)
    expect(alphaFeeSources(S(c), CHARLIE, { type: 'SubtensorModule', value: { type: 'unstake_all', value: { hotkey: HK } } })).toEqual([{ hotkey: HK, netuid: 0 }, { hotkey: HK, netuid: SN }])
    expectPaymentRefusal(c, c.sign(dev.charlie, c.tx('SubtensorModule', 'unstake_all', HK)))
  })

  test('a failed call still pays its fee in alpha, and nothing else changes', () => {
    const c = setup()
    const before = snapshot(c)
    // one RAO of alpha is below DefaultMinStake: the call fails with AmountTooLow after the fee was taken
    const nonce = c.nonce(CHARLIE)
    const xt = c.sign(dev.charlie, c.tx('SubtensorModule', 'remove_stake', HK, SN, 1n))
    const fee = quotedFee(c, xt)
    const alphaFee = alphaAmountForTao(S(c), SN, fee)
    const { results } = run(c, [xt])
    const r = results[0]!
    expect(r.success).toBe(false)
    expect(names(r.events)).toEqual([
      'balances.Transfer', 'balances.Transfer', 'subtensorModule.StakeRemoved',
      'subtensorModule.TransactionFeePaidWithAlpha', 'transactionPayment.TransactionFeePaid', 'system.ExtrinsicFailed',
    ])
    expect(data<[{ module: { index: number; error: string } }]>(r.events, 'system.ExtrinsicFailed')[0].module.index).toBe(7)
    const taoAmount = BigInt((r.events[0]!.data as [string, string, number])[2])
    expect(data(r.events, 'subtensorModule.TransactionFeePaidWithAlpha')).toEqual([id(c, CHARLIE), SN, Number(alphaFee), Number(taoAmount)])
    expect(data(r.events, 'transactionPayment.TransactionFeePaid')).toEqual([id(c, CHARLIE), Number(fee), 0])
    const after = snapshot(c)
    expect(after.stake).toBe(before.stake - alphaFee)
    expect(after.charlie).toBe(before.charlie)
    expect(after.author).toBe(before.author + taoAmount)
    expect(after.subnet).toBe(before.subnet - taoAmount)
    expect(after.pool).toEqual({ tao: before.pool.tao - taoAmount, alphaIn: before.pool.alphaIn + alphaFee, alphaOut: before.pool.alphaOut - alphaFee })
    expect(after.totalStake).toBe(before.totalStake - taoAmount)
    expect(after.issuance).toBe(before.issuance)
    expect(after.subtensorIssuance).toBe(before.subtensorIssuance)
    expect(c.account(CHARLIE).nonce).toBe(nonce + 1)
  })

  test('unstake_all with stake on one subnet: the fee comes out of that position first, then the rest is sold', () => {
    const c = setup()
    const before = snapshot(c)
    const xt = c.sign(dev.charlie, c.tx('SubtensorModule', 'unstake_all', HK))
    const alphaFee = alphaAmountForTao(S(c), SN, quotedFee(c, xt))
    const { results } = run(c, [xt])
    const r = results[0]!
    expect(r.success).toBe(true)
    const removed = r.events.filter((e) => e.event === 'subtensorModule.StakeRemoved').map((e) => BigInt((e.data as number[])[3]!) + BigInt((e.data as number[])[5]!))
    expect(removed).toEqual([alphaFee, before.stake - alphaFee])
    expect(data<unknown[]>(r.events, 'subtensorModule.TransactionFeePaidWithAlpha').slice(1, 3)).toEqual([SN, Number(alphaFee)])
    expect(getStake(S(c), HK, CHARLIE, SN)).toBe(0n)
    expect(c.totalIssuance()).toBe(before.issuance)
  })

  test('the alpha equivalent: floor(tao / spot price) on a dynamic subnet, 1:1 on root and stable subnets, 0 at a zero price', () => {
    const c = setup()
    const s = S(c)
    const price = SubnetTAO.get(s, SN) * 10n ** 9n / SubnetAlphaIn.get(s, SN)
    expect(Number(alphaAmountForTao(s, SN, tao(1)))).toBeCloseTo(Number(10n ** 18n / price), -3)
    expect(alphaAmountForTao(s, 0, 123_456n)).toBe(123_456n)
    SubnetMechanism.set(s, SN, 0)
    expect(alphaAmountForTao(s, SN, 123_456n)).toBe(123_456n)
    SubnetMechanism.set(s, SN, 1)
    SubnetAlphaIn.set(s, SN, 0n)
    expect(alphaAmountForTao(s, SN, 123_456n)).toBe(0n)
  })
})

/** Validation refuses `xt` with Payment, and a block built with it skips it and changes none of the balances, stakes or pools. */
function expectPaymentRefusal(c: TestChain, xt: Uint8Array) {
  const v = c.validate(xt)
  expect(v.ok ? undefined : v.invalid).toMatchObject({ kind: 'Invalid', variant: 'Payment' })
  const before = snapshot(c)
  const { skipped } = run(c, [xt])
  expect(skipped.map((x) => x.invalid)).toMatchObject([{ kind: 'Invalid', variant: 'Payment' }])
  const after = snapshot(c)
  expect(after).toEqual(before)
}
