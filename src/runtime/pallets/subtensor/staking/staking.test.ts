// Staking calls on the fast harness (netuid 1 from genesis, opened for staking): what moves where, the fee to the block author, price limits, and every refusal leaving state untouched.
import { describe, expect, test } from 'vitest'
import { TestExt, account, newTestExt } from '../../../testing/ext.ts'
import { dev, pub } from '../../../testing/chain.ts'
import { tao, type AccountId } from '../../../primitives/bittensor.ts'
import { currentAlphaPriceRao, subnetPool } from '../../swap/index.ts'
import { SubnetAlphaIn, SubnetAlphaOut, SubnetTAO, SubtokenEnabled } from '../storage/subnets.ts'
import { Delegates, StakingHotkeys, TotalHotkeyAlpha } from '../storage/stake.ts'
import { TransferToggle, TxDelegateTakeRateLimit } from '../storage/hyperparams.ts'
import { getStake } from './shares.ts'
import { DEFAULT_MIN_STAKE, subnetAccountId } from './pools.ts'

const ALICE = pub(dev.alice) as AccountId
const BOB = pub(dev.bob) as AccountId
const HK1 = account(0x11)
const HK2 = account(0x22)
const SN = 1
const fee = (amount: bigint) => (amount * 33n) / 65_535n

/** netuid 1 with Alice's hotkeys HK1 and HK2 registered and staking opened (as start_call does). */
function setup(): TestExt {
  const ext = newTestExt()
  expect(ext.call(ALICE, 'SubtensorModule', 'burned_register', { netuid: SN, hotkey: HK1 }).ok).toBe(true)
  expect(ext.call(ALICE, 'SubtensorModule', 'burned_register', { netuid: SN, hotkey: HK2 }).ok).toBe(true)
  SubtokenEnabled.set(ext.storage, SN, true)
  ext.stepBlocks(1)
  return ext
}

const pool = (ext: TestExt) => ({ tao: SubnetTAO.get(ext.storage, SN), alphaIn: SubnetAlphaIn.get(ext.storage, SN), alphaOut: SubnetAlphaOut.get(ext.storage, SN) })

/** The call is refused with `error` and the block's pending writes are exactly what they were. */
const expectRefused = (ext: TestExt, run: () => ReturnType<TestExt['call']>, error: string) => {
  const before = ext.pendingChanges()
  expect(run()).toEqual({ ok: false, error })
  expect(ext.pendingChanges()).toEqual(before)
}

describe('add_stake', () => {
  test('1 TAO buys alpha for HK1: the coldkey pays 1 TAO, the author earns the 0.05 % fee, the pool keeps the rest, issuance is unchanged', () => {
    const ext = setup()
    const p0 = pool(ext)
    const alice0 = ext.free(ALICE)
    const author0 = ext.free(ext.author)
    const subnet = subnetAccountId(ext, SN)!
    const subnet0 = ext.free(subnet)
    const r = ext.call(ALICE, 'SubtensorModule', 'add_stake', { hotkey: HK1, netuid: SN, amountStaked: tao(1) })
    expect(r.ok).toBe(true)
    const added = r.ok ? r.events.find((e) => e.name === 'StakeAdded')!.value as [AccountId, AccountId, bigint, bigint, number, bigint] : undefined
    const [coldkey, hotkey, taoIn, alphaOut, netuid, feePaid] = added!
    expect([coldkey, hotkey, taoIn, netuid, feePaid]).toEqual([ALICE, HK1, tao(1), SN, fee(tao(1))])
    expect(fee(tao(1))).toBe(503_547n)
    // constant-product buy on the ex-fee TAO (the pool's weights are 1/2 each): Δα = α·Δτ/(τ+Δτ), to within the pow rounding
    const inPool = tao(1) - fee(tao(1))
    expect(Number(alphaOut)).toBeCloseTo(Number((p0.alphaIn * inPool) / (p0.tao + inPool)), -1)
    expect(getStake(ext.storage, HK1, ALICE, SN)).toBe(alphaOut)
    expect(TotalHotkeyAlpha.get(ext.storage, HK1, SN)).toBe(alphaOut)
    expect(StakingHotkeys.get(ext.storage, ALICE)).toContain(HK1)
    expect(pool(ext)).toEqual({ tao: p0.tao + inPool, alphaIn: p0.alphaIn - alphaOut, alphaOut: p0.alphaOut + alphaOut })
    expect(ext.free(ALICE)).toBe(alice0 - tao(1))
    expect(ext.free(ext.author)).toBe(author0 + fee(tao(1)))
    expect(ext.free(subnet)).toBe(subnet0 + inPool)
    const { sum, issuance } = ext.balancesTotal()
    expect(sum).toBe(issuance)
  })

  test('refusals: SubnetNotExists, SubtokenDisabled, AmountTooLow, NotEnoughBalanceToStake, HotKeyAccountNotExists — nothing written', () => {
    const ext = setup()
    expectRefused(ext, () => ext.call(ALICE, 'SubtensorModule', 'add_stake', { hotkey: HK1, netuid: 77, amountStaked: tao(1) }), 'SubtensorModule.SubnetNotExists')
    SubtokenEnabled.set(ext.storage, SN, false)
    expectRefused(ext, () => ext.call(ALICE, 'SubtensorModule', 'add_stake', { hotkey: HK1, netuid: SN, amountStaked: tao(1) }), 'SubtensorModule.SubtokenDisabled')
    SubtokenEnabled.set(ext.storage, SN, true)
    // the minimum is DefaultMinStake plus the fee on it
    expectRefused(ext, () => ext.call(ALICE, 'SubtensorModule', 'add_stake', { hotkey: HK1, netuid: SN, amountStaked: DEFAULT_MIN_STAKE }), 'SubtensorModule.AmountTooLow')
    expect(ext.call(ALICE, 'SubtensorModule', 'add_stake', { hotkey: HK1, netuid: SN, amountStaked: DEFAULT_MIN_STAKE + fee(DEFAULT_MIN_STAKE) }).ok).toBe(true)
    const poor = account(0x33)
    expectRefused(ext, () => ext.call(poor, 'SubtensorModule', 'add_stake', { hotkey: HK1, netuid: SN, amountStaked: tao(1) }), 'SubtensorModule.NotEnoughBalanceToStake')
    expectRefused(ext, () => ext.call(ALICE, 'SubtensorModule', 'add_stake', { hotkey: account(0x44), netuid: SN, amountStaked: tao(1) }), 'SubtensorModule.HotKeyAccountNotExists')
  })
})

describe('add_stake_limit', () => {
  test('a limit below the current price is refused by the pool; a binding limit without allow_partial is SlippageTooHigh; with it, a partial fill stops at the limit', () => {
    const ext = setup()
    const price = currentAlphaPriceRao(subnetPool(ext.storage, SN))
    expectRefused(ext, () => ext.call(ALICE, 'SubtensorModule', 'add_stake_limit', { hotkey: HK1, netuid: SN, amountStaked: tao(5), limitPrice: price - 1n, allowPartial: true }), 'Swap.PriceLimitExceeded')
    // +1 % on the price: 5 TAO into a ~10 TAO pool would move it far more
    const limit = (price * 101n) / 100n
    expectRefused(ext, () => ext.call(ALICE, 'SubtensorModule', 'add_stake_limit', { hotkey: HK1, netuid: SN, amountStaked: tao(5), limitPrice: limit, allowPartial: false }), 'SubtensorModule.SlippageTooHigh')
    const alice0 = ext.free(ALICE)
    const r = ext.call(ALICE, 'SubtensorModule', 'add_stake_limit', { hotkey: HK1, netuid: SN, amountStaked: tao(5), limitPrice: limit, allowPartial: true })
    expect(r.ok).toBe(true)
    const spent = alice0 - ext.free(ALICE)
    expect(spent).toBeGreaterThan(0n)
    expect(spent).toBeLessThan(tao(5))
    const after = currentAlphaPriceRao(subnetPool(ext.storage, SN))
    expect(after).toBeLessThanOrEqual(limit)
    expect(Number(after)).toBeCloseTo(Number(limit), -3)
    // with a generous limit, the whole amount goes through
    const b0 = ext.free(BOB)
    expect(ext.call(BOB, 'SubtensorModule', 'add_stake_limit', { hotkey: HK1, netuid: SN, amountStaked: tao(1), limitPrice: after * 2n, allowPartial: false }).ok).toBe(true)
    expect(b0 - ext.free(BOB)).toBe(tao(1))
  })
})

describe('remove_stake and remove_stake_limit', () => {
  test('selling part of a position pays TAO to the coldkey and the alpha fee, sold fee-free, to the author; asking for more than the stake sells all of it', () => {
    const ext = setup()
    ext.call(ALICE, 'SubtensorModule', 'add_stake', { hotkey: HK1, netuid: SN, amountStaked: tao(2) })
    const stake = getStake(ext.storage, HK1, ALICE, SN)
    const alice0 = ext.free(ALICE)
    const author0 = ext.free(ext.author)
    const half = stake / 2n
    const r = ext.call(ALICE, 'SubtensorModule', 'remove_stake', { hotkey: HK1, netuid: SN, amountUnstaked: half })
    expect(r.ok).toBe(true)
    const [, , taoOut, alphaIn, , feePaid] = (r.ok ? r.events.find((e) => e.name === 'StakeRemoved')!.value : []) as [AccountId, AccountId, bigint, bigint, number, bigint]
    expect(feePaid).toBe(fee(half))
    expect(alphaIn).toBe(half - fee(half))
    expect(ext.free(ALICE)).toBe(alice0 + taoOut)
    expect(ext.free(ext.author)).toBeGreaterThan(author0)
    expect(getStake(ext.storage, HK1, ALICE, SN)).toBe(stake - half)
    expect(ext.call(ALICE, 'SubtensorModule', 'remove_stake', { hotkey: HK1, netuid: SN, amountUnstaked: stake * 10n }).ok).toBe(true)
    expect(getStake(ext.storage, HK1, ALICE, SN)).toBe(0n)
    expect(TotalHotkeyAlpha.get(ext.storage, HK1, SN)).toBe(0n)
    const { sum, issuance } = ext.balancesTotal()
    expect(sum).toBe(issuance)
  })

  test('refusals: AmountTooLow for zero and for a dust remainder, SlippageTooHigh and Swap.PriceLimitExceeded for limits, NotEnoughStakeToWithdraw', () => {
    const ext = setup()
    ext.call(ALICE, 'SubtensorModule', 'add_stake', { hotkey: HK1, netuid: SN, amountStaked: tao(2) })
    const stake = getStake(ext.storage, HK1, ALICE, SN)
    expectRefused(ext, () => ext.call(BOB, 'SubtensorModule', 'remove_stake', { hotkey: HK1, netuid: SN, amountUnstaked: tao(1) }), 'SubtensorModule.AmountTooLow')
    expectRefused(ext, () => ext.call(ALICE, 'SubtensorModule', 'remove_stake', { hotkey: HK1, netuid: SN, amountUnstaked: 1000n }), 'SubtensorModule.AmountTooLow')
    expectRefused(ext, () => ext.call(ALICE, 'SubtensorModule', 'remove_stake_limit', { hotkey: HK1, netuid: SN, amountUnstaked: stake + 1n, limitPrice: 1_000n, allowPartial: false }), 'SubtensorModule.NotEnoughStakeToWithdraw')
    const price = currentAlphaPriceRao(subnetPool(ext.storage, SN))
    expectRefused(ext, () => ext.call(ALICE, 'SubtensorModule', 'remove_stake_limit', { hotkey: HK1, netuid: SN, amountUnstaked: stake, limitPrice: price + 1n, allowPartial: true }), 'Swap.PriceLimitExceeded')
    const limit = (price * 99n) / 100n
    expectRefused(ext, () => ext.call(ALICE, 'SubtensorModule', 'remove_stake_limit', { hotkey: HK1, netuid: SN, amountUnstaked: stake, limitPrice: limit, allowPartial: false }), 'SubtensorModule.SlippageTooHigh')
    expect(ext.call(ALICE, 'SubtensorModule', 'remove_stake_limit', { hotkey: HK1, netuid: SN, amountUnstaked: stake, limitPrice: limit, allowPartial: true }).ok).toBe(true)
    const left = getStake(ext.storage, HK1, ALICE, SN)
    expect(left).toBeGreaterThan(0n)
    expect(left).toBeLessThan(stake)
    // the sale stops at the limit; selling the alpha fee for the author afterwards moves the price a hair further
    expect(Number(currentAlphaPriceRao(subnetPool(ext.storage, SN))) / Number(limit)).toBeCloseTo(1, 4)
  })
})

describe('move_stake, transfer_stake and unstake_all within a subnet', () => {
  test('moving to another hotkey and transferring to another coldkey are fee-less share transfers valued at the current price', () => {
    const ext = setup()
    ext.call(ALICE, 'SubtensorModule', 'add_stake', { hotkey: HK1, netuid: SN, amountStaked: tao(2) })
    const stake = getStake(ext.storage, HK1, ALICE, SN)
    const p0 = pool(ext)
    const r = ext.call(ALICE, 'SubtensorModule', 'move_stake', { originHotkey: HK1, destinationHotkey: HK2, originNetuid: SN, destinationNetuid: SN, alphaAmount: stake / 4n })
    expect(r.ok).toBe(true)
    expect(r.ok && r.events.map((e) => e.name)).toEqual(['StakeRemoved', 'StakeAdded', 'StakeMoved'])
    expect(getStake(ext.storage, HK2, ALICE, SN)).toBe(stake / 4n)
    expect(getStake(ext.storage, HK1, ALICE, SN)).toBe(stake - stake / 4n)
    expect(pool(ext)).toEqual(p0)
    const t = ext.call(ALICE, 'SubtensorModule', 'transfer_stake', { destinationColdkey: BOB, hotkey: HK2, originNetuid: SN, destinationNetuid: SN, alphaAmount: stake / 4n })
    expect(t.ok).toBe(true)
    expect(getStake(ext.storage, HK2, BOB, SN)).toBe(stake / 4n)
    expect(StakingHotkeys.get(ext.storage, BOB)).toContain(HK2)
    // unstake_all sells what is left on HK1
    const alice0 = ext.free(ALICE)
    expect(ext.call(ALICE, 'SubtensorModule', 'unstake_all', { hotkey: HK1 }).ok).toBe(true)
    expect(getStake(ext.storage, HK1, ALICE, SN)).toBe(0n)
    expect(ext.free(ALICE)).toBeGreaterThan(alice0)
  })

  test('refusals: SameNetuid, TransferDisallowed, NotEnoughStakeToWithdraw, HotKeyAccountNotExists', () => {
    const ext = setup()
    ext.call(ALICE, 'SubtensorModule', 'add_stake', { hotkey: HK1, netuid: SN, amountStaked: tao(2) })
    const stake = getStake(ext.storage, HK1, ALICE, SN)
    expectRefused(ext, () => ext.call(ALICE, 'SubtensorModule', 'swap_stake', { hotkey: HK1, originNetuid: SN, destinationNetuid: SN, alphaAmount: stake }), 'SubtensorModule.SameNetuid')
    TransferToggle.set(ext.storage, SN, false)
    expectRefused(ext, () => ext.call(ALICE, 'SubtensorModule', 'transfer_stake', { destinationColdkey: BOB, hotkey: HK1, originNetuid: SN, destinationNetuid: SN, alphaAmount: stake }), 'SubtensorModule.TransferDisallowed')
    expectRefused(ext, () => ext.call(BOB, 'SubtensorModule', 'move_stake', { originHotkey: HK1, destinationHotkey: HK2, originNetuid: SN, destinationNetuid: SN, alphaAmount: 0n }), 'SubtensorModule.AmountTooLow')
    expectRefused(ext, () => ext.call(ALICE, 'SubtensorModule', 'move_stake', { originHotkey: HK1, destinationHotkey: account(0x55), originNetuid: SN, destinationNetuid: SN, alphaAmount: stake }), 'SubtensorModule.HotKeyAccountNotExists')
  })
})

describe('decrease_take and increase_take', () => {
  test('the owner lowers the take, raises it once, and is rate limited; others and out-of-bounds takes are refused', () => {
    const ext = setup()
    expectRefused(ext, () => ext.call(BOB, 'SubtensorModule', 'decrease_take', { hotkey: HK1, take: 1000 }), 'SubtensorModule.NonAssociatedColdKey')
    expectRefused(ext, () => ext.call(ALICE, 'SubtensorModule', 'decrease_take', { hotkey: account(0x66), take: 1000 }), 'SubtensorModule.HotKeyAccountNotExists')
    const d = ext.call(ALICE, 'SubtensorModule', 'decrease_take', { hotkey: HK1, take: 1000 })
    expect(d).toMatchObject({ ok: true, events: [{ name: 'TakeDecreased', value: [ALICE, HK1, 1000] }] })
    expect(Delegates.get(ext.storage, HK1)).toBe(1000)
    expectRefused(ext, () => ext.call(ALICE, 'SubtensorModule', 'decrease_take', { hotkey: HK1, take: 1000 }), 'SubtensorModule.DelegateTakeTooLow')
    expectRefused(ext, () => ext.call(ALICE, 'SubtensorModule', 'increase_take', { hotkey: HK1, take: 11_797 }), 'SubtensorModule.DelegateTakeTooHigh')
    // the decrease just now started the rate-limit window
    expectRefused(ext, () => ext.call(ALICE, 'SubtensorModule', 'increase_take', { hotkey: HK1, take: 2000 }), 'SubtensorModule.DelegateTxRateLimitExceeded')
    ext.stepBlocks(1)
    TxDelegateTakeRateLimit.set(ext.storage, 0n)
    expect(ext.call(ALICE, 'SubtensorModule', 'increase_take', { hotkey: HK1, take: 11_796 })).toMatchObject({ ok: true, events: [{ name: 'TakeIncreased', value: [ALICE, HK1, 11_796] }] })
  })
})

describe('sudo_set_nominator_min_required_stake', () => {
  test('raising the minimum sells nominations below it back to their coldkeys; owners keep their own stake', () => {
    const ext = setup()
    ext.call(ALICE, 'SubtensorModule', 'add_stake', { hotkey: HK1, netuid: SN, amountStaked: tao(1) })
    ext.call(BOB, 'SubtensorModule', 'add_stake', { hotkey: HK1, netuid: SN, amountStaked: tao(1) })
    const aliceStake = getStake(ext.storage, HK1, ALICE, SN)
    const bob0 = ext.free(BOB)
    expect(getStake(ext.storage, HK1, BOB, SN)).toBeGreaterThan(0n)
    const r = ext.root('AdminUtils', 'sudo_set_nominator_min_required_stake', { minStake: tao(5) })
    expect(r.ok).toBe(true)
    expect(r.ok && r.events.map((e) => e.name)).toContain('StakeRemoved')
    expect(getStake(ext.storage, HK1, BOB, SN)).toBe(0n)
    expect(ext.free(BOB)).toBeGreaterThan(bob0 + tao(1) / 2n)
    expect(getStake(ext.storage, HK1, ALICE, SN)).toBe(aliceStake)
    expect(ext.balancesTotal().sum).toBe(ext.balancesTotal().issuance)
  })
})
