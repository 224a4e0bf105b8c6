// burned_register / register_limit end to end on the TestChain (genesis netuid 1): burn price, UIDs, balances and issuance, refusals, decay.
import { describe, expect, test } from 'vitest'
import { TestChain, dev, pub } from '../../../testing/chain.ts'
import { tao } from '../../../primitives/bittensor.ts'
import type { Hex } from '../../../primitives/types.ts'
import { DEFAULT_BURN_INCREASE_MULT, INITIAL } from '../storage/hyperparams.ts'
import {
  Active, BlockAtRegistration, Burn, Emission, IsNetworkMember, Keys, MinBurn, OwnedHotkeys, Owner, RAORecycledForRegistration, RegistrationsThisBlock, Uids, ValidatorPermit,
} from '../storage/neurons.ts'
import { StakingHotkeys, TotalIssuance as SubtensorIssuance, TotalStake } from '../storage/stake.ts'
import { SubnetAlphaIn, SubnetAlphaOut, SubnetTAO, SubnetworkN } from '../storage/subnets.ts'
import { decayFactorQ32, mulByQ32, powQ32 } from './index.ts'
import { subnetAccountId } from '../staking/pools.ts'

const ALICE = pub(dev.alice)
const BOB = pub(dev.bob)
const CHARLIE = pub(dev.charlie)
const HOT3: Hex = `0x${'42'.repeat(32)}`
const NETUID = 1
const S = (c: TestChain) => c.state as never
const id = (c: TestChain, who: Hex) => c.registry.createType('AccountId32', who).toString()
const bump = (b: bigint) => (b * DEFAULT_BURN_INCREASE_MULT.bits) >> 64n
const decay = (b: bigint) => mulByQ32(b, decayFactorQ32(360))

/** Builds a block with `xts`; per extrinsic (1-based after the timestamp inherent): success, its events, and the fee it paid. */
function run(c: TestChain, xts: Uint8Array[]) {
  const b = c.block(xts)
  const all = c.events()
  return xts.map((_, i) => {
    const evs = all.filter((e) => (e.phase as { applyExtrinsic?: number }).applyExtrinsic === i + 1)
    const fee = evs.find((e) => e.event === 'transactionPayment.TransactionFeePaid')!.data as [string, number | string, number | string]
    return { success: b.applied[i + 1]!.success, events: evs, fee: BigInt(fee[1]) }
  })
}
const register = (c: TestChain, who = dev.alice, hotkey: Hex, nonce?: number) => c.sign(who, c.tx('SubtensorModule', 'burned_register', NETUID, hotkey), nonce === undefined ? {} : { nonce })
const moduleError = (r: { events: Array<{ event: string; data: unknown }> }) =>
  (r.events.find((e) => e.event === 'system.ExtrinsicFailed')!.data as [{ module: { index: number; error: string } }])[0].module

/** Raw values of everything a registration writes on netuid 1 for `hotkey`, to show a refusal wrote nothing. */
function snapshot(c: TestChain, hotkey: Hex, coldkey: Hex) {
  const keys = [
    Burn.key(NETUID), SubnetworkN.key(NETUID), Uids.key(NETUID, hotkey), Keys.key(NETUID, 1), Owner.key(hotkey), OwnedHotkeys.key(coldkey), StakingHotkeys.key(coldkey),
    IsNetworkMember.key(hotkey, NETUID), BlockAtRegistration.key(NETUID, 1), Active.key(NETUID), Emission.key(NETUID), SubnetTAO.key(NETUID), SubnetAlphaIn.key(NETUID),
    SubnetAlphaOut.key(NETUID), TotalStake.key(), RAORecycledForRegistration.key(NETUID), RegistrationsThisBlock.key(NETUID),
  ]
  return keys.map((k) => c.state.get(k))
}

describe('SubtensorModule.burned_register', () => {
  test('three hotkeys get UIDs 1, 2, 3 after genesis UID 0; each burn is ×1.26 the last; TAO moves to the subnet account, issuance is untouched', () => {
    const c = new TestChain()
    c.block()
    expect(Burn.get(S(c), NETUID)).toBe(INITIAL.burn)
    const subnet = subnetAccountId({ storage: S(c) }, NETUID)!
    expect(subnet).toBe(`0x6d6f646c73756274656e73720100${'00'.repeat(18)}`)
    const alice0 = c.account(ALICE).free
    const issuance0 = c.totalIssuance()
    const subtensorIssuance0 = SubtensorIssuance.get(S(c))
    const pool0 = { tao: SubnetTAO.get(S(c), NETUID), alphaIn: SubnetAlphaIn.get(S(c), NETUID), alphaOut: SubnetAlphaOut.get(S(c), NETUID) }

    const nonce = c.nonce(ALICE)
    const results = run(c, [register(c, dev.alice, BOB, nonce), register(c, dev.alice, CHARLIE, nonce + 1), register(c, dev.alice, HOT3, nonce + 2)])
    expect(results.map((r) => r.success)).toEqual([true, true, true])

    // block 2's on_initialize decayed the burn once, then every registration bumped it by BurnIncreaseMult
    const cost1 = decay(INITIAL.burn)
    const cost2 = bump(cost1)
    const cost3 = bump(cost2)
    expect(cost1).toBeLessThan(INITIAL.burn)
    expect(Number(cost2) / Number(cost1)).toBeCloseTo(1.26, 6)
    expect(Burn.get(S(c), NETUID)).toBe(bump(cost3))
    const costs = [cost1, cost2, cost3]

    ;[BOB, CHARLIE, HOT3].forEach((hk, i) => {
      const uid = i + 1
      expect(Uids.get(S(c), NETUID, hk)).toBe(uid)
      expect(Keys.get(S(c), NETUID, uid)).toBe(hk)
      expect(Owner.get(S(c), hk)).toBe(ALICE)
      expect(IsNetworkMember.get(S(c), hk, NETUID)).toBe(true)
      expect(BlockAtRegistration.get(S(c), NETUID, uid)).toBe(2n)
      const registered = results[i]!.events.find((e) => e.event === 'subtensorModule.NeuronRegistered')!
      expect(registered.data).toEqual([NETUID, uid, id(c, hk)])
      const recycled = results[i]!.events.find((e) => e.event === 'subtensorModule.RAORecycledForRegistrationSet')!
      expect(BigInt((recycled.data as [number, number])[1])).toBe(costs.slice(0, uid).reduce((a, b) => a + b, 0n))
    })
    expect(SubnetworkN.get(S(c), NETUID)).toBe(4)
    expect(OwnedHotkeys.get(S(c), ALICE)).toEqual([BOB, CHARLIE, HOT3])
    expect(StakingHotkeys.get(S(c), ALICE)).toEqual([BOB, CHARLIE, HOT3])
    expect(Active.get(S(c), NETUID)).toEqual([true, true, true, true])
    expect(ValidatorPermit.get(S(c), NETUID)).toEqual([false, false, false, false])
    expect(Emission.get(S(c), NETUID)).toEqual([0n, 0n, 0n, 0n])
    expect(RegistrationsThisBlock.get(S(c), NETUID)).toBe(3)
    const total = cost1 + cost2 + cost3
    expect(RAORecycledForRegistration.get(S(c), NETUID)).toBe(total)

    // balances: Alice pays fees plus the three burns, the subnet account receives the burns; neither issuance moves
    const fees = results.reduce((a, r) => a + r.fee, 0n)
    expect(c.account(ALICE).free).toBe(alice0 - fees - total)
    expect(c.account(subnet).free).toBe(total)
    // the burn is not recycled at spec 425: it stays in the subnet account, so neither issuance moves (the fees go to the author)
    expect(c.totalIssuance()).toBe(issuance0)
    expect(SubtensorIssuance.get(S(c))).toBe(subtensorIssuance0)

    // the pool took the TAO (ex-fee) and the bought alpha left circulation: AlphaOut unchanged, AlphaIn down
    const taoIn = SubnetTAO.get(S(c), NETUID) - pool0.tao
    expect(taoIn).toBeGreaterThan(0n)
    expect(taoIn).toBeLessThanOrEqual(total)
    expect(total - taoIn).toBeLessThan(total / 1000n) // the 33/65535 swap fee stays in the subnet account
    expect(SubnetAlphaIn.get(S(c), NETUID)).toBeLessThan(pool0.alphaIn)
    expect(SubnetAlphaOut.get(S(c), NETUID)).toBe(pool0.alphaOut)
    expect(TotalStake.get(S(c))).toBe(total)

    // polkadot-js reads the new storage back
    const uid = c.registry.createType('u16', c.state.get(Uids.key(NETUID, CHARLIE))).toNumber()
    expect(uid).toBe(2)
  })

  test('a duplicate, a too-poor coldkey and the root netuid are refused with subtensor’s errors and change nothing but fee and nonce', () => {
    const poor = dev.charlie
    const c = new TestChain([[ALICE, tao(1_000_000)], [BOB, tao(1_000_000)], [pub(dev.one), tao(2000)], [CHARLIE, 60_000_000n]])
    c.block()
    expect(run(c, [register(c, dev.alice, BOB)])[0]!.success).toBe(true)

    // duplicate
    let state = snapshot(c, BOB, ALICE)
    let account = c.account(ALICE)
    let r = run(c, [register(c, dev.alice, BOB)])[0]!
    expect(r.success).toBe(false)
    expect(moduleError(r)).toEqual({ index: 7, error: '0x15000000' }) // HotKeyAlreadyRegisteredInSubNet
    // Burn (decayed) and RegistrationsThisBlock (reset) are on_initialize’s doing; everything else is as it was
    const burnKey = 0
    const after = snapshot(c, BOB, ALICE)
    expect(after.filter((_, i) => i !== burnKey && i !== 16)).toEqual(state.filter((_, i) => i !== burnKey && i !== 16))
    expect(c.account(ALICE)).toEqual({ ...account, nonce: account.nonce + 1, free: account.free - r.fee })

    // too poor: 0.06 TAO against a burn of ~0.126 TAO
    const hot: Hex = `0x${'77'.repeat(32)}`
    state = snapshot(c, hot, CHARLIE)
    account = c.account(CHARLIE)
    r = run(c, [register(c, poor, hot)])[0]!
    expect(r.success).toBe(false)
    expect(moduleError(r)).toEqual({ index: 7, error: '0x0c000000' }) // NotEnoughBalanceToStake
    expect(snapshot(c, hot, CHARLIE).slice(1, 16)).toEqual(state.slice(1, 16))
    expect(c.account(CHARLIE)).toEqual({ ...account, nonce: account.nonce + 1, free: account.free - r.fee })
    expect(Owner.contains(S(c), hot)).toBe(false)

    // root
    r = run(c, [c.sign(dev.alice, c.tx('SubtensorModule', 'burned_register', 0, hot))])[0]!
    expect(moduleError(r)).toEqual({ index: 7, error: '0x2a000000' }) // RegistrationNotPermittedOnRootSubnet
    // a subnet that does not exist
    r = run(c, [c.sign(dev.alice, c.tx('SubtensorModule', 'burned_register', 9, hot))])[0]!
    expect(moduleError(r)).toEqual({ index: 7, error: '0x4c000000' }) // SubnetNotExists
  })

  test('register_limit refuses a burn above the caller’s limit and registers at or below it', () => {
    const c = new TestChain()
    c.block()
    const price = decay(Burn.get(S(c), NETUID)) // what block 2 will charge
    let r = run(c, [c.sign(dev.alice, c.tx('SubtensorModule', 'register_limit', NETUID, BOB, price - 1n))])[0]!
    expect(r.success).toBe(false)
    expect(moduleError(r)).toEqual({ index: 7, error: '0x86000000' }) // RegistrationPriceLimitExceeded
    expect(Uids.get(S(c), NETUID, BOB)).toBeUndefined()
    const next = decay(Burn.get(S(c), NETUID))
    r = run(c, [c.sign(dev.alice, c.tx('SubtensorModule', 'register_limit', NETUID, BOB, next))])[0]!
    expect(r.success).toBe(true)
    expect(Uids.get(S(c), NETUID, BOB)).toBe(1)
  })

  test('the burn decays toward MinBurn with a 360-block half-life', () => {
    const f = decayFactorQ32(360)
    // f^360 is just at or below one half, (f+1)^360 above it
    expect(powQ32(f, 360)).toBeLessThanOrEqual(1n << 31n)
    expect(powQ32(f + 1n, 360)).toBeGreaterThan(1n << 31n)

    const c = new TestChain()
    c.block() // block 1: no decay
    expect(Burn.get(S(c), NETUID)).toBe(INITIAL.burn)
    let expected: bigint = INITIAL.burn
    for (let i = 0; i < 10; i++) {
      c.block()
      expected = decay(expected)
      expect(Burn.get(S(c), NETUID)).toBe(expected)
    }
    // after ~360 more blocks the price has about halved
    const start = Burn.get(S(c), NETUID)
    for (let i = 0; i < 360; i++) c.block()
    expect(Number(Burn.get(S(c), NETUID)) / Number(start)).toBeCloseTo(0.5, 2)
    // and it never goes below MinBurn
    expect(decay(MinBurn.get(S(c), NETUID))).toBeLessThan(INITIAL.minBurn)
  }, 60_000)
})

describe('SubtensorModule.register', () => {
  test('the old PoW call registers by burning, ignoring its block number, nonce, work and coldkey arguments', () => {
    const c = new TestChain()
    c.block()
    const burn = decay(INITIAL.burn)
    const alice0 = c.account(ALICE).free
    const [r] = run(c, [c.sign(dev.alice, c.tx('SubtensorModule', 'register', NETUID, 123, 456, '0xdeadbeef', HOT3, BOB))])
    expect(r!.success).toBe(true)
    expect(Uids.get(S(c), NETUID, HOT3)).toBe(1)
    expect(Owner.get(S(c), HOT3)).toBe(ALICE)
    expect(c.account(ALICE).free).toBe(alice0 - burn - r!.fee)
  })
})
