// register_network(_with_identity), start_call, set_subnet_identity and update_symbol end to end on the TestChain; the lock cost worked by hand.
import { describe, expect, test } from 'vitest'
import { u8aToHex } from '@polkadot/util'
import { TestChain, dev, pub } from '../../../testing/chain.ts'
import { tao } from '../../../primitives/bittensor.ts'
import type { StorageBackend } from '../../../primitives/storage.ts'
import type { Hex } from '../../../primitives/types.ts'
import { errors } from '../errors.ts'
import {
  ActivityCutoff, ImmunityPeriod, Kappa, LastRateLimitedBlock, MaxAllowedUids, MaxAllowedValidators, MinAllowedWeights, NetworkLastLockCost,
  NetworkRateLimit, NetworkRegistrationAllowed, NetworkRegistrationStartBlock, StartCallDelay, SubnetEmissionEnabled, SubnetLimit, Yuma3On,
} from '../storage/hyperparams.ts'
import { Burn, Keys, OwnedHotkeys, Owner, RAORecycledForRegistration, Uids } from '../storage/neurons.ts'
import { StakingHotkeys, TotalIssuance, TotalStake } from '../storage/stake.ts'
import {
  FirstEmissionBlockNumber, LastEpochBlock, NetworkRegisteredAt, NetworksAdded, RegisteredSubnetCounter, SubnetAlphaIn, SubnetAlphaOut, SubnetIdentitiesV3,
  SubnetLocked, SubnetMechanism, SubnetMovingPrice, SubnetOwner, SubnetOwnerHotkey, SubnetTAO, SubnetVolume, SubnetworkN, SubtokenEnabled, Tempo,
  TokenSymbol, TotalNetworks,
} from '../storage/subnets.ts'
import { subnetAccountId } from '../staking/pools.ts'
import {
  SYMBOLS, blockEmissionForIssuance, getNetworkLockCost, getNetworkToPrune, isValidSubnetIdentity, lockReductionInterval, medianSubnetAlphaPrice,
  nextAvailableSymbol, symbolForSubnet,
} from './index.ts'

const ALICE = pub(dev.alice)
const BOB = pub(dev.bob)
const CHARLIE = pub(dev.charlie)
const HOT: Hex = `0x${'42'.repeat(32)}`
const HOT2: Hex = `0x${'43'.repeat(32)}`
const HOT3: Hex = `0x${'44'.repeat(32)}`
const MIN_LOCK = tao(1000)
/** The chain's head state as a StorageBackend (the Trie deletes with `delete`, not `set(key, null)`). */
const S = (c: TestChain): StorageBackend => ({
  get: (k) => c.state.get(k),
  set: (k, v) => (v === null ? c.state.delete(k) : c.state.set(k, v)),
  nextKey: (k) => c.state.nextKey(k),
})
const id = (c: TestChain, who: Hex) => c.registry.createType('AccountId32', who).toString()
const bytes = (s: string) => new TextEncoder().encode(s)
const errorHex = (name: string) => {
  const e = errors.find((x) => x.name === name)!
  return `0x${e.index.toString(16).padStart(2, '0')}000000`
}

const IDENTITY = {
  subnetName: 'Webtensor', githubRepo: 'https://github.com/example/webtensor', subnetContact: 'ops@example.org', subnetUrl: 'https://example.org',
  discord: 'webtensor#1', description: 'A subnet registered from the browser', logoUrl: 'https://example.org/logo.png', additional: '',
}

type Result = { success: boolean; events: Array<{ event: string; data: unknown }>; fee: bigint }
/** Builds a block with `xts`; per extrinsic: success, its events, and the fee it paid. */
function run(c: TestChain, xts: Uint8Array[]): Result[] {
  const b = c.block(xts)
  const all = c.events()
  return xts.map((_, i) => {
    const evs = all.filter((e) => (e.phase as { applyExtrinsic?: number }).applyExtrinsic === i + 1)
    const fee = evs.find((e) => e.event === 'transactionPayment.TransactionFeePaid')!.data as [string, number | string, number | string]
    return { success: b.applied[i + 1]!.success, events: evs, fee: BigInt(fee[1]) }
  })
}
const one = (c: TestChain, pair = dev.alice, method: string, ...args: unknown[]) => run(c, [c.sign(pair, c.tx('SubtensorModule', method, ...args))])[0]!
const failure = (r: Result) => (r.events.find((e) => e.event === 'system.ExtrinsicFailed')!.data as [Record<string, unknown>])[0]
const moduleError = (r: Result) => (failure(r) as { module: { index: number; error: string } }).module
const expectError = (r: Result, name: string) => {
  expect(r.success).toBe(false)
  expect(moduleError(r)).toEqual({ index: 7, error: errorHex(name) })
}
const eventData = (r: Result, name: string) => r.events.find((e) => e.event === `subtensorModule.${name}`)?.data

/** Raw values of everything register_network writes for `netuid`, `hotkey` and `coldkey`, to show a refusal wrote nothing. */
function snapshot(c: TestChain, netuid: number, hotkey: Hex, coldkey: Hex) {
  const keys = [
    NetworksAdded.key(netuid), TotalNetworks.key(), SubnetworkN.key(netuid), Tempo.key(netuid), LastEpochBlock.key(netuid), MaxAllowedUids.key(netuid),
    MaxAllowedValidators.key(netuid), MinAllowedWeights.key(netuid), ImmunityPeriod.key(netuid), Yuma3On.key(netuid), Burn.key(netuid), Kappa.key(netuid),
    ActivityCutoff.key(netuid), NetworkRegistrationAllowed.key(netuid), SubnetEmissionEnabled.key(netuid), SubnetTAO.key(netuid), SubnetAlphaIn.key(netuid),
    SubnetAlphaOut.key(netuid), SubnetOwner.key(netuid), SubnetOwnerHotkey.key(netuid), SubnetLocked.key(netuid), SubnetMechanism.key(netuid),
    NetworkRegisteredAt.key(netuid), RegisteredSubnetCounter.key(netuid), TokenSymbol.key(netuid), SubnetIdentitiesV3.key(netuid), TotalStake.key(),
    NetworkLastLockCost.key(), LastRateLimitedBlock.key({ type: 'NetworkLastRegistered' }), Owner.key(hotkey), OwnedHotkeys.key(coldkey),
    StakingHotkeys.key(coldkey), Uids.key(netuid, hotkey), Keys.key(netuid, 0),
  ]
  return keys.map((k) => c.state.get(k))
}
/** A refused extrinsic: nothing of the registration written, and the coldkey paid only the fee. */
function expectNothingWritten(c: TestChain, before: ReturnType<typeof snapshot>, account: ReturnType<TestChain['account']>, who: Hex, r: Result, netuid: number, hotkey: Hex) {
  expect(snapshot(c, netuid, hotkey, who)).toEqual(before)
  expect(c.account(who)).toEqual({ ...account, nonce: account.nonce + 1, free: account.free - r.fee })
}

/** A chain at block 1 on which Alice registers netuid 2 with HOT and IDENTITY in block 2. */
function withSubnet2() {
  const c = new TestChain()
  c.block()
  const r = one(c, dev.alice, 'register_network_with_identity', HOT, IDENTITY)
  expect(r.success).toBe(true)
  return { c, r }
}

describe('SubtensorModule.register_network_with_identity', () => {
  test('netuid 2: owner, owner hotkey as UID 0, 1000 TAO locked in the subnet account and the pool, β, events, new-subnet hyperparameters', () => {
    const c = new TestChain()
    c.block()
    const alice0 = c.account(ALICE).free
    const stake0 = TotalStake.get(S(c))
    expect(getNetworkLockCost(S(c), 2n)).toBe(MIN_LOCK)

    const r = one(c, dev.alice, 'register_network_with_identity', HOT, IDENTITY)
    expect(r.success).toBe(true)
    const s = S(c)
    const netuid = 2

    // the network and its owner
    expect(NetworksAdded.get(s, netuid)).toBe(true)
    expect(TotalNetworks.get(s)).toBe(3)
    expect(SubnetOwner.get(s, netuid)).toBe(ALICE)
    expect(SubnetOwnerHotkey.get(s, netuid)).toBe(HOT)
    expect(SubnetMechanism.get(s, netuid)).toBe(1)
    expect(NetworkRegisteredAt.get(s, netuid)).toBe(2n)
    expect(RegisteredSubnetCounter.get(s, netuid)).toBe(1n)
    // the owner hotkey is UID 0, owned by Alice
    expect(SubnetworkN.get(s, netuid)).toBe(1)
    expect(Uids.get(s, netuid, HOT)).toBe(0)
    expect(Keys.get(s, netuid, 0)).toBe(HOT)
    expect(Owner.get(s, HOT)).toBe(ALICE)
    expect(OwnedHotkeys.get(s, ALICE)).toEqual([HOT])
    expect(StakingHotkeys.get(s, ALICE)).toEqual([HOT])

    // the lock: 1000 TAO from Alice to the subnet account
    const account = subnetAccountId({ storage: s }, netuid)!
    expect(account).toBe(`0x6d6f646c73756274656e73720200${'00'.repeat(18)}`)
    expect(c.account(account).free).toBe(MIN_LOCK)
    expect(c.account(ALICE).free).toBe(alice0 - r.fee - MIN_LOCK)
    expect(SubnetLocked.get(s, netuid)).toBe(MIN_LOCK)
    expect(NetworkLastLockCost.get(s)).toBe(MIN_LOCK)
    expect(LastRateLimitedBlock.get(s, { type: 'NetworkLastRegistered' })).toBe(2n)
    expect(RAORecycledForRegistration.get(s, netuid)).toBe(0n)

    // the pool: netuid 1 (10 TAO / 10 alpha) is the only other subnet, price 1.0, so alpha = TAO
    expect(SubnetTAO.get(s, netuid)).toBe(MIN_LOCK)
    expect(SubnetAlphaIn.get(s, netuid)).toBe(MIN_LOCK)
    expect(SubnetAlphaOut.contains(s, netuid)).toBe(true)
    expect(SubnetAlphaOut.get(s, netuid)).toBe(0n)
    expect(SubnetVolume.get(s, netuid)).toBe(0n)
    expect(TotalStake.get(s)).toBe(stake0 + MIN_LOCK)

    // symbol β (SYMBOLS[2]) and the identity
    expect(u8aToHex(TokenSymbol.get(s, netuid))).toBe('0xceb2')
    const identity = SubnetIdentitiesV3.get(s, netuid)!
    expect(new TextDecoder().decode(identity.subnetName)).toBe('Webtensor')
    expect(new TextDecoder().decode(identity.logoUrl)).toBe(IDENTITY.logoUrl)
    // polkadot-js decodes it from our metadata
    const decoded = c.registry.createType('PalletSubtensorSubnetIdentityV3', c.state.get(SubnetIdentitiesV3.key(netuid))).toHuman() as Record<string, string>
    expect(decoded.subnetName).toBe('Webtensor')

    // new-subnet hyperparameters (init_new_network) and the disabled emission
    expect(Tempo.get(s, netuid)).toBe(360)
    expect(LastEpochBlock.get(s, netuid)).toBe(0n) // 2 − (2 mod 360)
    expect(MaxAllowedUids.get(s, netuid)).toBe(256)
    expect(MaxAllowedValidators.get(s, netuid)).toBe(64)
    expect(MinAllowedWeights.get(s, netuid)).toBe(1)
    expect(ImmunityPeriod.get(s, netuid)).toBe(5000)
    expect(Yuma3On.get(s, netuid)).toBe(true)
    expect(Burn.get(s, netuid)).toBe(tao(1))
    expect(NetworkRegistrationAllowed.get(s, netuid)).toBe(true)
    expect([Kappa, ActivityCutoff].every((item) => item.contains(s, netuid))).toBe(true)
    expect(SubnetEmissionEnabled.contains(s, netuid)).toBe(true)
    expect(SubnetEmissionEnabled.get(s, netuid)).toBe(false)
    expect(FirstEmissionBlockNumber.get(s, netuid)).toBeUndefined()
    expect(SubtokenEnabled.get(s, netuid)).toBe(false)

    // events, in subtensor's order
    const names = r.events.map((e) => e.event).filter((e) => e.startsWith('subtensorModule.'))
    expect(names).toEqual([
      'subtensorModule.RegistrationAllowed', 'subtensorModule.MaxAllowedUidsSet', 'subtensorModule.MaxAllowedValidatorsSet', 'subtensorModule.MinAllowedWeightSet',
      'subtensorModule.ImmunityPeriodSet', 'subtensorModule.SubnetOwnerHotkeySet', 'subtensorModule.SubnetIdentitySet', 'subtensorModule.NetworkAdded',
    ])
    expect(eventData(r, 'NetworkAdded')).toEqual([2, 1])
    expect(eventData(r, 'SubnetIdentitySet')).toEqual([2])
    expect(eventData(r, 'SubnetOwnerHotkeySet')).toEqual([2, id(c, HOT)])
    expect(r.events.some((e) => e.event === 'balances.Transfer' && (e.data as [string, string, number])[1] === id(c, account))).toBe(true)
  })

  test('register_network without identity; each registration doubles the lock cost, which decays by ⌊last_lock / 100_800⌋ per block; the pool opens at the median price', () => {
    const c = new TestChain()
    c.block()
    // block 2: the first registration costs the minimum (last_lock_block = 0: multiplier 1, and 1000 TAO − 2 × 9_920_634 RAO < the minimum)
    let r = one(c, dev.alice, 'register_network', HOT)
    expect(r.success).toBe(true)
    expect(SubnetIdentitiesV3.get(S(c), 2)).toBeUndefined()
    expect(r.events.some((e) => e.event === 'subtensorModule.SubnetIdentitySet')).toBe(false)
    expect(SubnetLocked.get(S(c), 2)).toBe(MIN_LOCK)

    // let the next one through at once, and put netuid 1's price at 2.0 (20 TAO / 10 alpha): the median of 2.0 and 1.0 is 1.5
    NetworkRateLimit.set(S(c), 0n)
    SubnetTAO.set(S(c), 1, tao(20))
    expect(medianSubnetAlphaPrice(S(c))).toBe(3n << 63n)
    // block 3: 2 × 1000 TAO − 1 × ⌊10^12 / 100_800⌋ = 2_000_000_000_000 − 9_920_634
    const lock2 = 1_999_990_079_366n
    expect(getNetworkLockCost(S(c), 3n)).toBe(lock2)
    const alice = c.account(ALICE).free
    r = one(c, dev.alice, 'register_network', HOT2)
    expect(r.success).toBe(true)
    expect(eventData(r, 'NetworkAdded')).toEqual([3, 1])
    expect(c.account(ALICE).free).toBe(alice - r.fee - lock2)
    expect(c.account(subnetAccountId({ storage: S(c) }, 3)!).free).toBe(lock2)
    expect(SubnetLocked.get(S(c), 3)).toBe(lock2)
    expect(NetworkLastLockCost.get(S(c))).toBe(lock2)
    expect(SubnetTAO.get(S(c), 3)).toBe(lock2)
    expect(SubnetAlphaIn.get(S(c), 3)).toBe(1_333_326_719_577n) // ⌊1_999_990_079_366 / 1.5⌋
    expect(u8aToHex(TokenSymbol.get(S(c), 3))).toBe('0xceb3') // γ

    // block 4: 2 × 1_999_990_079_366 − ⌊1_999_990_079_366 / 100_800⌋ = 3_999_980_158_732 − 19_841_171
    const lock3 = 3_999_960_317_561n
    expect(getNetworkLockCost(S(c), 4n)).toBe(lock3)
    r = one(c, dev.alice, 'register_network', HOT3)
    expect(r.success).toBe(true)
    expect(SubnetLocked.get(S(c), 4)).toBe(lock3)
    expect(TotalNetworks.get(S(c))).toBe(5)
  })

  test('the lock cost worked by hand: doubling, linear decay to the minimum, and a halved interval after an emission halving', () => {
    const { c } = withSubnet2() // registered at block 2 with a 1000 TAO lock
    const s = S(c)
    expect(lockReductionInterval(s)).toBe(100_800n)
    // 10^12 / 100_800 = 9_920_634.9…: 9_920_634 RAO per block
    expect(getNetworkLockCost(s, 2n)).toBe(tao(2000))
    expect(getNetworkLockCost(s, 2n + 7200n)).toBe(2_000_000_000_000n - 9_920_634n * 7200n)
    expect(getNetworkLockCost(s, 2n + 7200n)).toBe(1_928_571_435_200n)
    expect(getNetworkLockCost(s, 2n + 100_800n)).toBe(1_000_000_092_800n)
    expect(getNetworkLockCost(s, 2n + 100_801n)).toBe(MIN_LOCK) // 999_990_172_166 is below the minimum
    expect(getNetworkLockCost(s, 10_000_000n)).toBe(MIN_LOCK)

    // issuance at half the supply: one halving, 0.5 TAO per block, interval 50_400, 19_841_269 RAO per block
    expect(blockEmissionForIssuance(0n)).toBe(tao(1))
    expect(blockEmissionForIssuance(tao(10_500_000) - 1n)).toBe(tao(1))
    expect(blockEmissionForIssuance(tao(10_500_000))).toBe(500_000_000n)
    expect(blockEmissionForIssuance(tao(15_750_000))).toBe(250_000_000n)
    expect(blockEmissionForIssuance(tao(21_000_000))).toBe(0n)
    TotalIssuance.set(s, tao(10_500_000))
    expect(lockReductionInterval(s)).toBe(50_400n)
    expect(getNetworkLockCost(s, 2n + 7200n)).toBe(2_000_000_000_000n - 19_841_269n * 7200n)
  })

  test('a second registration inside NetworkRateLimit (7200 blocks) is refused with NetworkTxRateLimitExceeded and writes nothing', () => {
    const { c } = withSubnet2()
    const before = snapshot(c, 3, HOT2, ALICE)
    const account = c.account(ALICE)
    const r = one(c, dev.alice, 'register_network', HOT2)
    expectError(r, 'NetworkTxRateLimitExceeded')
    expectNothingWritten(c, before, account, ALICE, r, 3, HOT2)
  })

  test('a coldkey that cannot pay the lock is refused with CannotAffordLockCost and writes nothing', () => {
    const c = new TestChain([[ALICE, tao(1_000_000)], [BOB, tao(1_000_000)], [pub(dev.one), tao(2000)], [CHARLIE, tao(999)]])
    c.block()
    const before = snapshot(c, 2, HOT, CHARLIE)
    const account = c.account(CHARLIE)
    const r = one(c, dev.charlie, 'register_network', HOT)
    expectError(r, 'CannotAffordLockCost')
    expectNothingWritten(c, before, account, CHARLIE, r, 2, HOT)
  })

  test('an identity over its limits is refused with InvalidIdentity and writes nothing', () => {
    const c = new TestChain()
    c.block()
    const before = snapshot(c, 2, HOT, ALICE)
    const account = c.account(ALICE)
    const r = one(c, dev.alice, 'register_network_with_identity', HOT, { ...IDENTITY, subnetName: 'x'.repeat(257) })
    expectError(r, 'InvalidIdentity')
    expectNothingWritten(c, before, account, ALICE, r, 2, HOT)
    expect(c.account(`0x6d6f646c73756274656e73720200${'00'.repeat(18)}`).exists).toBe(false) // netuid 2's account
  })

  test('a hotkey owned by another coldkey is refused with NonAssociatedColdKey and writes nothing', () => {
    const c = new TestChain()
    c.block()
    // Alice owns HOT once she registers it on netuid 1
    expect(one(c, dev.alice, 'burned_register', 1, HOT).success).toBe(true)
    const before = snapshot(c, 2, HOT, BOB)
    const account = c.account(BOB)
    const r = one(c, dev.bob, 'register_network', HOT)
    expectError(r, 'NonAssociatedColdKey')
    expectNothingWritten(c, before, account, BOB, r, 2, HOT)
    // her own hotkey is fine for her
    expect(one(c, dev.alice, 'register_network', HOT).success).toBe(true)
    expect(Uids.get(S(c), 2, HOT)).toBe(0)
  })

  test('NetworkRegistrationStartBlock, SubnetLimit and a subnet account as hotkey refuse with subtensor’s errors', () => {
    const c = new TestChain()
    c.block()
    NetworkRegistrationStartBlock.set(S(c), 100n)
    expectError(one(c, dev.alice, 'register_network', HOT), 'SubNetRegistrationDisabled')
    NetworkRegistrationStartBlock.set(S(c), 0n)
    SubnetLimit.set(S(c), 1) // netuid 1 fills it
    expectError(one(c, dev.alice, 'register_network', HOT), 'SubnetLimitReached')
    SubnetLimit.set(S(c), 128)
    expectError(one(c, dev.alice, 'register_network', subnetAccountId({ storage: S(c) }, 1)!), 'CannotUseSystemAccount')
    expect(NetworksAdded.contains(S(c), 2)).toBe(false)
  })
})

describe('SubtensorModule.start_call', () => {
  test('refused for a non-owner (BadOrigin), an unknown subnet, and before StartCallDelay; then sets FirstEmissionBlockNumber = now + 1 and SubtokenEnabled, once', () => {
    const c = new TestChain()
    c.block()
    StartCallDelay.set(S(c), 3n)
    expect(one(c, dev.alice, 'register_network', HOT).success).toBe(true) // block 2
    const keys = () => [FirstEmissionBlockNumber.key(2), SubtokenEnabled.key(2)].map((k) => c.state.get(k))
    const unset = keys()
    expect(unset).toEqual([undefined, undefined])

    // ensure_subnet_owner answers BadOrigin (not NotSubnetOwner)
    let r = one(c, dev.bob, 'start_call', 2) // block 3
    expect(r.success).toBe(false)
    expect(failure(r)).toEqual({ badOrigin: null })
    expect(keys()).toEqual(unset)
    expectError(one(c, dev.alice, 'start_call', 9), 'SubnetNotExists') // block 4
    // block 5 = NetworkRegisteredAt 2 + StartCallDelay 3
    r = one(c, dev.alice, 'start_call', 2)
    expect(c.number).toBe(5)
    expect(r.success).toBe(true)
    expect(FirstEmissionBlockNumber.get(S(c), 2)).toBe(6n)
    expect(SubtokenEnabled.get(S(c), 2)).toBe(true)
    expect(eventData(r, 'FirstEmissionBlockNumberSet')).toEqual([2, 6])

    const set = keys()
    expectError(one(c, dev.alice, 'start_call', 2), 'FirstEmissionBlockNumberAlreadySet')
    expect(keys()).toEqual(set)
  })

  test('NeedWaitingMoreBlocksToStarCall until NetworkRegisteredAt + StartCallDelay', () => {
    const c = new TestChain()
    c.block()
    StartCallDelay.set(S(c), 4n)
    expect(one(c, dev.alice, 'register_network', HOT).success).toBe(true) // block 2: start_call from block 6
    for (const block of [3, 4, 5]) {
      const r = one(c, dev.alice, 'start_call', 2)
      expect(c.number).toBe(block)
      expectError(r, 'NeedWaitingMoreBlocksToStarCall')
      expect(FirstEmissionBlockNumber.contains(S(c), 2)).toBe(false)
      expect(SubtokenEnabled.contains(S(c), 2)).toBe(false)
    }
    const r = one(c, dev.alice, 'start_call', 2)
    expect(c.number).toBe(6)
    expect(r.success).toBe(true)
    expect(FirstEmissionBlockNumber.get(S(c), 2)).toBe(7n)
  })
})

describe('SubtensorModule.set_subnet_identity and update_symbol', () => {
  test('set_subnet_identity: the owner replaces the identity; others get NotSubnetOwner; over-long fields InvalidIdentity', () => {
    const { c } = withSubnet2()
    const args = (o: Partial<typeof IDENTITY>) => {
      const v = { ...IDENTITY, subnetName: 'Renamed', ...o }
      return [2, v.subnetName, v.githubRepo, v.subnetContact, v.subnetUrl, v.discord, v.description, v.logoUrl, v.additional]
    }
    const stored = () => c.state.get(SubnetIdentitiesV3.key(2))
    const before = stored()
    expectError(one(c, dev.bob, 'set_subnet_identity', ...args({})), 'NotSubnetOwner')
    expect(stored()).toEqual(before)
    expectError(one(c, dev.alice, 'set_subnet_identity', ...args({ discord: 'd'.repeat(257) })), 'InvalidIdentity')
    expect(stored()).toEqual(before)
    // an unowned netuid: SubnetOwner is the zero account there
    expectError(one(c, dev.alice, 'set_subnet_identity', ...args({}).map((v, i) => (i === 0 ? 9 : v))), 'NotSubnetOwner')

    const r = one(c, dev.alice, 'set_subnet_identity', ...args({ discord: 'd'.repeat(256) }))
    expect(r.success).toBe(true)
    expect(eventData(r, 'SubnetIdentitySet')).toEqual([2])
    expect(new TextDecoder().decode(SubnetIdentitiesV3.get(S(c), 2)!.subnetName)).toBe('Renamed')
    expect(SubnetIdentitiesV3.get(S(c), 2)!.discord.length).toBe(256)
  })

  test('update_symbol: the owner or root picks an unused table symbol; in use, unknown or not the owner are refused', () => {
    const { c } = withSubnet2()
    const symbol = () => u8aToHex(TokenSymbol.get(S(c), 2))
    expect(symbol()).toBe('0xceb2')
    // α is netuid 1's; "xyz" is not in the table; root's Τ is excluded; Bob does not own netuid 2
    expectError(one(c, dev.alice, 'update_symbol', 2, '0xceb1'), 'SymbolAlreadyInUse')
    expectError(one(c, dev.alice, 'update_symbol', 2, u8aToHex(bytes('xyz'))), 'SymbolDoesNotExist')
    expectError(one(c, dev.alice, 'update_symbol', 2, '0xcea4'), 'SymbolDoesNotExist')
    const r0 = one(c, dev.bob, 'update_symbol', 2, '0xceb4')
    expect(failure(r0)).toEqual({ badOrigin: null })
    expect(symbol()).toBe('0xceb2')

    const r = one(c, dev.alice, 'update_symbol', 2, '0xceb4') // δ
    expect(r.success).toBe(true)
    expect(symbol()).toBe('0xceb4')
    expect(eventData(r, 'SymbolUpdated')).toEqual([2, '0xceb4']) // { netuid, symbol }

    // root (Alice is sudo) may set it too
    const sudo = run(c, [c.sign(dev.alice, c.tx('Sudo', 'sudo', c.tx('SubtensorModule', 'update_symbol', 2, '0xceb5')))])[0]!
    expect(sudo.events.find((e) => e.event === 'sudo.Sudid')!.data).toEqual([{ ok: null }])
    expect(symbol()).toBe('0xceb5')
  })

  test('the symbol table, the next free symbol, the median price and the network to prune', () => {
    expect(SYMBOLS.length).toBe(439)
    expect(new Set(SYMBOLS.map((s) => u8aToHex(s))).size).toBe(439)
    expect(u8aToHex(symbolForSubnet(0))).toBe('0xcea4')
    expect(u8aToHex(symbolForSubnet(19))).toBe(u8aToHex(bytes('t')))
    expect(u8aToHex(symbolForSubnet(438))).toBe('0xe0b6b0')
    expect(u8aToHex(symbolForSubnet(439))).toBe('0xcea4')

    const { c } = withSubnet2()
    const s = S(c)
    // netuid 3's own γ is free; once taken, the first free one after root's Τ (α, β are used): δ
    expect(u8aToHex(nextAvailableSymbol(s, 3))).toBe('0xceb3')
    TokenSymbol.set(s, 2, SYMBOLS[3]!)
    expect(u8aToHex(nextAvailableSymbol(s, 3))).toBe('0xceb2')
    TokenSymbol.set(s, 2, SYMBOLS[2]!)

    // median over 1.0 (netuid 1) and 1.0 (netuid 2); with netuid 1 at 3.0, the mean of the two
    expect(medianSubnetAlphaPrice(s)).toBe(1n << 64n)
    SubnetTAO.set(s, 1, tao(30))
    expect(medianSubnetAlphaPrice(s)).toBe(2n << 64n)

    // both subnets immune for NetworkImmunityPeriod (1_296_000 blocks); after it the lower moving price goes, the older on a tie
    expect(getNetworkToPrune(s, 1000n)).toBeUndefined()
    expect(getNetworkToPrune(s, 1_296_002n)).toBe(1)
    SubnetMovingPrice.set(s, 1, { bits: 2n << 32n })
    SubnetMovingPrice.set(s, 2, { bits: 1n << 32n })
    expect(getNetworkToPrune(s, 1_296_002n)).toBe(2)
    expect(getNetworkToPrune(s, 1_296_001n)).toBe(1) // netuid 2 (registered at 2) is still immune

    expect(isValidSubnetIdentity({ ...Object.fromEntries(Object.entries(IDENTITY).map(([k, v]) => [k, bytes(v)])), githubRepo: new Uint8Array(1025) } as never)).toBe(false)
  })
})
