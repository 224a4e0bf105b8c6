// Root claims on the fast harness: RootClaimable accrues as the coinbase will call it, claim_root pays per RootClaimType (Swap to root TAO, Keep, KeepSubnets),
// RootClaimed follows root stake in and out so nothing is claimed twice, the auto-claim coldkey index, the per-block auto-claim, and every refusal.
import { describe, expect, test } from 'vitest'
import { TestExt, account, newTestExt } from '../../../testing/ext.ts'
import { dev, pub } from '../../../testing/chain.ts'
import { tao, type AccountId } from '../../../primitives/bittensor.ts'
import type { DispatchContext, RuntimeEventLike } from '../../../framework/dispatch.ts'
import type { Hex } from '../../../primitives/types.ts'
import { ParentHash } from '../../system/storage.ts'
import { MIN_PRICE_RAO, subnetPool, swapAlphaForTao } from '../../swap/index.ts'
import {
  NumRootClaim, NumStakingColdkeys, RootClaimable, RootClaimableThreshold, RootClaimed, RootClaimType, StakingColdkeys, StakingColdkeysByIndex, SubnetRootSellTao, TotalStake,
} from '../storage/stake.ts'
import { SubnetAlphaIn, SubnetAlphaOut, SubnetTAO, SubtokenEnabled } from '../storage/subnets.ts'
import { getStake } from './shares.ts'
import { subnetAccountId } from './pools.ts'
import { blockHashToIndices, getRootOwedForHotkeyColdkey, increaseRootClaimableForHotkeyAndSubnet, runAutoClaimRootDivs } from './claimRoot.ts'

const ALICE = pub(dev.alice) as AccountId
const BOB = pub(dev.bob) as AccountId
const CAROL = pub(dev.charlie) as AccountId
const DAVE = account(0x44)
const HK1 = account(0x11)
const SN = 1
const U64_MAX = (1n << 64n) - 1n

/** floor(2^32 / 200): the rate (I96F32 bits) of 1 alpha over 200 TAO of root stake. */
const RATE_1_OVER_200 = 21_474_836n
/** floor(RATE · 10^11 / 2^32): what 100 TAO of root stake is owed at that rate. */
const OWED_100 = 499_999_988n

/**
 * Alice's hotkey HK1 on netuid 1; Alice and Bob stake 100 TAO each on root to HK1 (root is opened, as subtensor's migration does);
 * with `fund`, Carol stakes 5 TAO on netuid 1 so the subnet account holds TAO (genesis leaves it empty).
 */
function setup(fund = true): TestExt {
  const ext = newTestExt([[ALICE, tao(1_000_000)], [BOB, tao(1_000_000)], [CAROL, tao(1_000_000)]])
  expect(ext.call(ALICE, 'SubtensorModule', 'burned_register', { netuid: SN, hotkey: HK1 }).ok).toBe(true)
  SubtokenEnabled.set(ext.storage, 0, true)
  SubtokenEnabled.set(ext.storage, SN, true)
  ext.stepBlocks(1)
  for (const who of [ALICE, BOB]) expect(ext.call(who, 'SubtensorModule', 'add_stake', { hotkey: HK1, netuid: 0, amountStaked: tao(100) }).ok).toBe(true)
  expect(getStake(ext.storage, HK1, ALICE, 0)).toBe(tao(100))
  if (fund) expect(ext.call(CAROL, 'SubtensorModule', 'add_stake', { hotkey: HK1, netuid: SN, amountStaked: tao(5) }).ok).toBe(true)
  return ext
}

/** What the coinbase does with a root alpha dividend: mint it into SubnetAlphaOut and raise HK1's claimable rate. */
function accrue(ext: TestExt, alpha: bigint, netuid = SN) {
  SubnetAlphaOut.mutate(ext.storage, netuid, (a) => a + alpha)
  increaseRootClaimableForHotkeyAndSubnet(ext.storage, HK1, netuid, alpha)
}

const rate = (ext: TestExt, netuid = SN) => RootClaimable.get(ext.storage, HK1).find(([n]) => n === netuid)?.[1].bits
const owed = (ext: TestExt, who: AccountId, netuid = SN) => getRootOwedForHotkeyColdkey(ext.storage, HK1, who, netuid)
const claimed = (ext: TestExt, who: AccountId, netuid = SN) => RootClaimed.get(ext.storage, netuid, HK1, who)
const claim = (ext: TestExt, who: AccountId, subnets: number[] = [SN]) => ext.call(who, 'SubtensorModule', 'claim_root', { subnets })
const setType = (ext: TestExt, who: AccountId, type: unknown) => ext.call(who, 'SubtensorModule', 'set_root_claim_type', { newRootClaimType: type })

const expectRefused = (ext: TestExt, run: () => ReturnType<TestExt['call']>, error: string) => {
  const before = ext.pendingChanges()
  expect(run()).toEqual({ ok: false, error })
  expect(ext.pendingChanges()).toEqual(before)
}

describe('RootClaimable', () => {
  test('accrues alpha per unit of root stake: I96F32(amount) / I96F32(root stake), summed per subnet', () => {
    const ext = setup()
    expect(RootClaimable.get(ext.storage, HK1)).toEqual([])
    accrue(ext, tao(1))
    expect(rate(ext)).toBe(RATE_1_OVER_200)
    expect(owed(ext, ALICE)).toBe(OWED_100)
    expect(owed(ext, BOB)).toBe(OWED_100)
    accrue(ext, tao(1))
    expect(rate(ext)).toBe(2n * RATE_1_OVER_200)
    expect(owed(ext, ALICE)).toBe(999_999_977n)
    // a coldkey without root stake on HK1 is owed nothing
    expect(owed(ext, CAROL)).toBe(0n)
  })

  test('an amount above the hotkey root stake is staked to its owner on the subnet instead', () => {
    const ext = setup()
    const before = getStake(ext.storage, HK1, ALICE, SN)
    increaseRootClaimableForHotkeyAndSubnet(ext.storage, HK1, SN, tao(201))
    expect(RootClaimable.get(ext.storage, HK1)).toEqual([])
    expect(getStake(ext.storage, HK1, ALICE, SN) - before).toBeGreaterThanOrEqual(tao(201) - 1n)
  })
})

describe('claim_root', () => {
  test('Swap (the default): the owed alpha is sold fee-free on the subnet and the TAO staked on root; nothing is left to claim', () => {
    const ext = setup()
    accrue(ext, tao(1))
    const expected = swapAlphaForTao(subnetPool(ext.storage, SN), OWED_100, { limitPriceRao: MIN_PRICE_RAO, dropFees: true })
    if (!expected.ok) throw new Error(expected.error)
    const taoOut = expected.result.amountPaidOut
    expect(taoOut).toBeGreaterThan(0n)
    const snAccount = subnetAccountId(ext, SN)!
    const rootAccount = subnetAccountId(ext, 0)!
    const before = {
      root: getStake(ext.storage, HK1, ALICE, 0), snTao: SubnetTAO.get(ext.storage, SN), snAlphaIn: SubnetAlphaIn.get(ext.storage, SN), snAlphaOut: SubnetAlphaOut.get(ext.storage, SN),
      rootTao: SubnetTAO.get(ext.storage, 0), rootAlphaOut: SubnetAlphaOut.get(ext.storage, 0), total: TotalStake.get(ext.storage), snFree: ext.free(snAccount), rootFree: ext.free(rootAccount),
    }
    const r = claim(ext, ALICE)
    expect(r.ok).toBe(true)
    expect(r.ok && r.events.filter((e) => e.name === 'RootClaimed').map((e) => e.value)).toEqual([{ coldkey: ALICE }])
    expect(getStake(ext.storage, HK1, ALICE, 0)).toBe(before.root + taoOut)
    expect(SubnetTAO.get(ext.storage, SN)).toBe(before.snTao - taoOut)
    expect(SubnetAlphaIn.get(ext.storage, SN)).toBe(before.snAlphaIn + OWED_100)
    expect(SubnetAlphaOut.get(ext.storage, SN)).toBe(before.snAlphaOut - OWED_100)
    expect(SubnetTAO.get(ext.storage, 0)).toBe(before.rootTao + taoOut)
    expect(SubnetAlphaOut.get(ext.storage, 0)).toBe(before.rootAlphaOut + taoOut)
    expect(TotalStake.get(ext.storage)).toBe(before.total) // −taoOut by the sell, +taoOut onto root
    expect(SubnetRootSellTao.get(ext.storage, SN)).toBe(taoOut)
    expect(ext.free(snAccount)).toBe(before.snFree - taoOut)
    expect(ext.free(rootAccount)).toBe(before.rootFree + taoOut)
    // the watermark: the owed alpha, plus the new root stake's share at the current rate
    expect(claimed(ext, ALICE)).toBe(OWED_100 + (RATE_1_OVER_200 * taoOut) / (1n << 32n))
    expect(owed(ext, ALICE)).toBeLessThanOrEqual(1n)
    // Bob is untouched, and claiming again pays nothing
    expect(owed(ext, BOB)).toBe(OWED_100)
    const stake = getStake(ext.storage, HK1, ALICE, 0)
    expect(claim(ext, ALICE).ok).toBe(true)
    expect(getStake(ext.storage, HK1, ALICE, 0)).toBe(stake)
  })

  test('Keep: the owed alpha is staked to (hotkey, coldkey) on the subnet; the pool does not move', () => {
    const ext = setup()
    accrue(ext, tao(1))
    const r = setType(ext, BOB, { type: 'Keep' })
    expect(r.ok && r.events.map((e) => [e.name, e.value])).toEqual([['RootClaimTypeSet', { coldkey: BOB, rootClaimType: { type: 'Keep' } }]])
    expect(RootClaimType.get(ext.storage, BOB)).toEqual({ type: 'Keep' })
    const pool = [SubnetTAO.get(ext.storage, SN), SubnetAlphaIn.get(ext.storage, SN), SubnetAlphaOut.get(ext.storage, SN)]
    const root = getStake(ext.storage, HK1, BOB, 0)
    expect(claim(ext, BOB).ok).toBe(true)
    const kept = getStake(ext.storage, HK1, BOB, SN)
    expect(kept === OWED_100 || kept === OWED_100 - 1n).toBe(true) // share-pool floor
    expect([SubnetTAO.get(ext.storage, SN), SubnetAlphaIn.get(ext.storage, SN), SubnetAlphaOut.get(ext.storage, SN)]).toEqual(pool)
    expect(getStake(ext.storage, HK1, BOB, 0)).toBe(root)
    expect(claimed(ext, BOB)).toBe(OWED_100)
    expect(owed(ext, BOB)).toBe(0n)
  })

  test('KeepSubnets keeps alpha on the listed subnets and swaps it elsewhere', () => {
    const ext = setup()
    accrue(ext, tao(1))
    expect(setType(ext, ALICE, { type: 'KeepSubnets', value: { subnets: [SN] } }).ok).toBe(true)
    expect(setType(ext, BOB, { type: 'KeepSubnets', value: { subnets: [3, 2] } }).ok).toBe(true)
    expect(RootClaimType.get(ext.storage, BOB)).toEqual({ type: 'KeepSubnets', value: { subnets: [2, 3] } }) // a BTreeSet, sorted
    const aliceRoot = getStake(ext.storage, HK1, ALICE, 0)
    const aliceAlpha = getStake(ext.storage, HK1, ALICE, SN)
    const bobRoot = getStake(ext.storage, HK1, BOB, 0)
    expect(claim(ext, ALICE).ok).toBe(true)
    expect(claim(ext, BOB).ok).toBe(true)
    // Alice kept: alpha up, root unchanged; Bob swapped: root up
    expect(getStake(ext.storage, HK1, ALICE, SN) - aliceAlpha).toBeGreaterThanOrEqual(OWED_100 - 1n)
    expect(getStake(ext.storage, HK1, ALICE, 0)).toBe(aliceRoot)
    expect(getStake(ext.storage, HK1, BOB, 0)).toBeGreaterThan(bobRoot)
    expect(getStake(ext.storage, HK1, BOB, SN)).toBe(0n)
  })

  test('claims only the subnets asked for (netuids without claimable are ignored)', () => {
    const ext = setup()
    // netuid 2: registered by Alice (its pool and account hold the lock), with HK1's root holders owed on it too
    expect(ext.call(ALICE, 'SubtensorModule', 'register_network', { hotkey: account(0x77) }).ok).toBe(true)
    accrue(ext, tao(1), SN)
    accrue(ext, tao(1), 2)
    expect(setType(ext, ALICE, { type: 'Keep' }).ok).toBe(true)
    expect(claim(ext, ALICE, [2]).ok).toBe(true)
    expect(owed(ext, ALICE, 2)).toBe(0n)
    expect(owed(ext, ALICE, SN)).toBe(OWED_100)
    expect(claim(ext, ALICE, [SN, 2, 9]).ok).toBe(true)
    expect(owed(ext, ALICE, SN)).toBe(0n)
  })

  test('below RootClaimableThreshold (500_000 rao by default) nothing is paid; a threshold of 0 pays it', () => {
    const ext = setup()
    accrue(ext, 800_000n) // rate floor(800_000 · 2^32 / 2·10^11) = 17_179 → Alice owed 399_979
    expect(owed(ext, ALICE)).toBe(399_979n)
    expect(RootClaimableThreshold.get(ext.storage, SN)).toEqual({ bits: 500_000n << 32n })
    expect(setType(ext, ALICE, { type: 'Keep' }).ok).toBe(true)
    expect(claim(ext, ALICE).ok).toBe(true)
    expect(claimed(ext, ALICE)).toBe(0n)
    expect(ext.root('SubtensorModule', 'sudo_set_root_claim_threshold', { netuid: SN, newValue: 0n }).ok).toBe(true)
    expect(RootClaimableThreshold.get(ext.storage, SN)).toEqual({ bits: 0n })
    expect(claim(ext, ALICE).ok).toBe(true)
    expect(claimed(ext, ALICE)).toBe(399_979n)
  })

  test('a swap that fails refuses the whole claim and writes nothing', () => {
    const ext = setup(false) // netuid 1's account holds no TAO
    accrue(ext, tao(1))
    expectRefused(ext, () => claim(ext, ALICE), 'SubtensorModule.InsufficientBalance')
    expect(StakingColdkeys.get(ext.storage, ALICE)).toBe(0n) // indexed by its root stake, not by the refused call
  })

  test('refusals: InvalidSubnetNumber (0 or more than 5 subnets, empty KeepSubnets), InvalidNumRootClaim, InvalidRootClaimThreshold, BadOrigin', () => {
    const ext = setup()
    expectRefused(ext, () => claim(ext, ALICE, []), 'SubtensorModule.InvalidSubnetNumber')
    expectRefused(ext, () => claim(ext, ALICE, [1, 2, 3, 4, 5, 6]), 'SubtensorModule.InvalidSubnetNumber')
    expect(claim(ext, ALICE, [1, 2, 3, 4, 5]).ok).toBe(true)
    expectRefused(ext, () => setType(ext, ALICE, { type: 'KeepSubnets', value: { subnets: [] } }), 'SubtensorModule.InvalidSubnetNumber')
    expectRefused(ext, () => ext.call(ALICE, 'SubtensorModule', 'sudo_set_num_root_claims', { newValue: 1n }), 'BadOrigin')
    expectRefused(ext, () => ext.root('SubtensorModule', 'sudo_set_num_root_claims', { newValue: 51n }), 'SubtensorModule.InvalidNumRootClaim')
    expect(ext.root('SubtensorModule', 'sudo_set_num_root_claims', { newValue: 50n }).ok).toBe(true)
    expect(NumRootClaim.get(ext.storage)).toBe(50n)
    expectRefused(ext, () => ext.call(BOB, 'SubtensorModule', 'sudo_set_root_claim_threshold', { netuid: SN, newValue: 1n }), 'BadOrigin')
    expectRefused(ext, () => ext.root('SubtensorModule', 'sudo_set_root_claim_threshold', { netuid: SN, newValue: 10_000_001n }), 'SubtensorModule.InvalidRootClaimThreshold')
    expect(ext.root('SubtensorModule', 'sudo_set_root_claim_threshold', { netuid: SN, newValue: 10_000_000n }).ok).toBe(true)
  })
})

describe('RootClaimed follows root stake, so nothing is claimed twice', () => {
  test('root stake added after accrual is charged its share up front and is owed nothing', () => {
    const ext = setup()
    accrue(ext, tao(1))
    expect(ext.call(CAROL, 'SubtensorModule', 'add_stake', { hotkey: HK1, netuid: 0, amountStaked: tao(100) }).ok).toBe(true)
    expect(claimed(ext, CAROL)).toBe(OWED_100)
    expect(owed(ext, CAROL)).toBe(0n)
    // Alice's claim is unchanged by Carol's arrival
    expect(owed(ext, ALICE)).toBe(OWED_100)
    // further accrual is shared by all three
    accrue(ext, tao(3)) // 3 alpha over 300 TAO: the same rate again
    expect(owed(ext, CAROL)).toBeGreaterThanOrEqual(OWED_100 - 1n)
  })

  test('removing root stake takes its share of the watermark with it: what is owed is kept, not paid twice', () => {
    const ext = setup()
    accrue(ext, tao(1))
    expect(setType(ext, ALICE, { type: 'Keep' }).ok).toBe(true)
    expect(claim(ext, ALICE).ok).toBe(true)
    expect(claimed(ext, ALICE)).toBe(OWED_100)
    accrue(ext, tao(1))
    expect(owed(ext, ALICE)).toBe(999_999_977n - OWED_100)
    expect(ext.call(ALICE, 'SubtensorModule', 'remove_stake', { hotkey: HK1, netuid: 0, amountUnstaked: tao(50) }).ok).toBe(true)
    // RootClaimed −= floor(rate · 50 TAO): 999_999_977 − floor(42_949_672 · 5·10^10 / 2^32) = 499_999_988 − 499_999_988 = 0
    expect(claimed(ext, ALICE)).toBe(0n)
    const left = owed(ext, ALICE)
    expect(left).toBe((2n * RATE_1_OVER_200 * tao(50)) / (1n << 32n))
    expect(claim(ext, ALICE).ok).toBe(true)
    expect(owed(ext, ALICE)).toBe(0n)
    // and adding the stake back does not reopen the old dividends
    expect(ext.call(ALICE, 'SubtensorModule', 'add_stake', { hotkey: HK1, netuid: 0, amountStaked: tao(50) }).ok).toBe(true)
    expect(owed(ext, ALICE)).toBeLessThanOrEqual(1n)
  })

  test('moving root stake to another coldkey moves its watermark share: neither side gains', () => {
    const ext = setup()
    accrue(ext, tao(1))
    expect(setType(ext, ALICE, { type: 'Keep' }).ok).toBe(true)
    expect(claim(ext, ALICE).ok).toBe(true)
    const bobOwed = owed(ext, BOB)
    expect(ext.call(ALICE, 'SubtensorModule', 'transfer_stake', { destinationColdkey: BOB, hotkey: HK1, originNetuid: 0, destinationNetuid: 0, alphaAmount: tao(40) }).ok).toBe(true)
    const share = (RATE_1_OVER_200 * tao(40)) / (1n << 32n)
    expect(claimed(ext, ALICE)).toBe(OWED_100 - share)
    expect(claimed(ext, BOB)).toBe(share)
    expect(owed(ext, ALICE)).toBeLessThanOrEqual(1n)
    // Bob: floor(rate · 140 TAO) − floor(rate · 40 TAO) = 699_999_984 − 199_999_995: the two floors hand him one rao, as on subtensor
    expect(owed(ext, BOB)).toBe(bobOwed + 1n)
  })
})

describe('the staking-coldkey index and the auto-claim', () => {
  test('root stake indexes the coldkey; the last root unstake drops it and the last entry fills its slot', () => {
    const ext = setup()
    // Carol's stake on netuid 1 does not index her; her root stake does
    expect(StakingColdkeys.get(ext.storage, CAROL)).toBeUndefined()
    expect(ext.call(CAROL, 'SubtensorModule', 'add_stake', { hotkey: HK1, netuid: 0, amountStaked: tao(10) }).ok).toBe(true)
    expect([0n, 1n, 2n].map((i) => StakingColdkeysByIndex.get(ext.storage, i))).toEqual([ALICE, BOB, CAROL])
    expect(NumStakingColdkeys.get(ext.storage)).toBe(3n)
    expect(ext.call(ALICE, 'SubtensorModule', 'remove_stake', { hotkey: HK1, netuid: 0, amountUnstaked: tao(10) }).ok).toBe(true)
    expect(StakingColdkeys.get(ext.storage, ALICE)).toBe(0n) // still holds root stake
    expect(ext.call(ALICE, 'SubtensorModule', 'remove_stake', { hotkey: HK1, netuid: 0, amountUnstaked: tao(90) }).ok).toBe(true)
    expect(StakingColdkeys.get(ext.storage, ALICE)).toBeUndefined()
    expect([0n, 1n, 2n].map((i) => StakingColdkeysByIndex.get(ext.storage, i))).toEqual([CAROL, BOB, undefined])
    expect(StakingColdkeys.get(ext.storage, CAROL)).toBe(0n)
    expect(NumStakingColdkeys.get(ext.storage)).toBe(2n)
  })

  test('claim_root and set_root_claim_type index the caller even without stake', () => {
    const ext = setup()
    expect(claim(ext, DAVE).ok).toBe(true)
    expect(StakingColdkeys.get(ext.storage, DAVE)).toBe(2n)
    const eve = account(0x45)
    expect(setType(ext, eve, { type: 'Keep' }).ok).toBe(true)
    expect(StakingColdkeys.get(ext.storage, eve)).toBe(3n)
    expect(NumStakingColdkeys.get(ext.storage)).toBe(4n)
  })

  test('block_hash_to_indices: k steps through the hash words (big-endian u64s), modulo n, deduplicated and sorted', () => {
    const hash = new Uint8Array(32)
    const view = new DataView(hash.buffer)
    ;[1n, 2n, 3n, 4n].forEach((w, i) => view.setBigUint64(i * 8, w, false))
    // start 1: (1+1)%10 = 2, (2+2)%10 = 4, (4+3)%10 = 7, (7+4)%10 = 1, (1+1)%10 = 2 again
    expect(blockHashToIndices(hash, 3n, 10n)).toEqual([2n, 4n, 7n])
    expect(blockHashToIndices(hash, 5n, 10n)).toEqual([1n, 2n, 4n, 7n])
    expect(blockHashToIndices(hash, 0n, 10n)).toEqual([])
    expect(blockHashToIndices(hash, 2n, 0n)).toEqual([0n]) // checked_rem(0) → 0
    view.setBigUint64(0, U64_MAX, false)
    expect(blockHashToIndices(hash, 1n, 7n)).toEqual([U64_MAX % 7n]) // saturating add
    expect(blockHashToIndices(new Uint8Array(32), 5n, 3n)).toEqual([0n])
  })

  test('each block claims for the coldkeys the parent hash picks; a failing claim is skipped and leaves no trace', () => {
    const ext = setup(false)
    accrue(ext, tao(1))
    expect(setType(ext, BOB, { type: 'Keep' }).ok).toBe(true)
    const deposited: RuntimeEventLike[] = []
    const ctx: DispatchContext = { storage: ext.storage, deposit: (e) => void deposited.push(e), dispatch: () => { throw new Error('unused') } }
    // a zero parent hash picks index 0 only: Alice, whose Swap claim fails (netuid 1's account is empty)
    ParentHash.set(ext.storage, `0x${'00'.repeat(32)}` as Hex)
    const before = ext.pendingChanges()
    runAutoClaimRootDivs(ctx)
    expect(ext.pendingChanges()).toEqual(before)
    expect(deposited).toEqual([])
    // words 0, 1: start 0 → (0+0)%2 = 0, (0+1)%2 = 1: both; Bob (Keep) is paid, Alice still fails
    ParentHash.set(ext.storage, `0x${'00'.repeat(8)}${'00'.repeat(7)}01${'00'.repeat(16)}` as Hex)
    const w = runAutoClaimRootDivs(ctx)
    expect(deposited.map((e) => [e.value.type, e.value.value])).toEqual([['RootClaimed', { coldkey: BOB }]])
    expect(claimed(ext, BOB)).toBe(OWED_100)
    expect(claimed(ext, ALICE)).toBe(0n)
    expect(w.refTime).toBeGreaterThan(0n)
    // NumRootClaim 0 turns it off
    NumRootClaim.set(ext.storage, 0n)
    accrue(ext, tao(1))
    runAutoClaimRootDivs(ctx)
    expect(claimed(ext, BOB)).toBe(OWED_100)
  })
})
