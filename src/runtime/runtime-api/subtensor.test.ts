// subtensor's staking, delegate, subnet and swap runtime APIs on a TestChain: real signed stakes, then every answer decoded by polkadot-js from our own metadata V15.
import { describe, expect, test } from 'vitest'
import { u8aConcat, u8aToHex } from '@polkadot/util'
import { TestChain, dev, pub } from '../testing/chain.ts'
import { tao } from '../primitives/bittensor.ts'
import type { AccountId } from '../primitives/bittensor.ts'
import { AccountId32 } from '../primitives/substrate.ts'
import { Option, Vec, tuple, u16, u64 } from '../primitives/types.ts'
import { NetUid } from '../primitives/bittensor.ts'
import { SubnetAlphaIn, SubnetAlphaOut, SubnetTAO, SubnetVolume, SubtokenEnabled, TokenSymbol, Tempo } from '../pallets/subtensor/storage/subnets.ts'
import { getStake } from '../pallets/subtensor/staking/shares.ts'
import { getNetworkLockCost } from '../pallets/subtensor/subnets/lockCost.ts'
import { RUNTIME_API_VERSIONS } from '../config.ts'

const ALICE = pub(dev.alice) as AccountId
const BOB = pub(dev.bob) as AccountId
const CHARLIE = pub(dev.charlie) as AccountId
/** Alice's hotkey, registered on netuid 1. */
const HK = `0x${'c1'.repeat(32)}` as AccountId
const SN = 1
const fee = (amount: bigint) => (amount * 33n) / 65_535n

type Json = any

/** A chain where Alice registered HK on netuid 1, staking is open, Alice staked 10 TAO and Bob 5 TAO to HK, and Alice lowered HK's take to 5000. */
function staked() {
  const c = new TestChain()
  SubtokenEnabled.set(c.state as never, SN, true)
  c.block([c.sign(dev.alice, c.tx('SubtensorModule', 'burned_register', SN, HK))])
  const s = c.state as never
  const pool0 = { tao: SubnetTAO.get(s, SN), alpha: SubnetAlphaIn.get(s, SN), volume: SubnetVolume.get(s, SN) }
  const simAlice = api(c, 'SwapRuntimeApi', 'sim_swap_tao_for_alpha', NetUid.enc(SN), u64.enc(tao(10)))
  c.block([c.sign(dev.alice, c.tx('SubtensorModule', 'add_stake', HK, SN, tao(10)))])
  const aliceAdded = stakeAdded(c)
  const simBob = api(c, 'SwapRuntimeApi', 'sim_swap_tao_for_alpha', NetUid.enc(SN), u64.enc(tao(5)))
  c.block([c.sign(dev.bob, c.tx('SubtensorModule', 'add_stake', HK, SN, tao(5)))])
  const bobAdded = stakeAdded(c)
  c.block([c.sign(dev.alice, c.tx('SubtensorModule', 'decrease_take', HK, 5000))])
  expect(c.events().map((e) => e.event)).toContain('subtensorModule.TakeDecreased')
  return { c, pool0, simAlice, simBob, aliceAdded, bobAdded }
}

/** The StakeAdded event of the head block: [coldkey, hotkey, tao, alpha, netuid, fee]. */
function stakeAdded(c: TestChain): [string, string, bigint, bigint, number, bigint] {
  const e = c.events().find((x) => x.event === 'subtensorModule.StakeAdded')
  if (!e) throw new Error(`no StakeAdded: ${JSON.stringify(c.events())}`)
  const [ck, hk, t, a, n, f] = e.data as [string, string, number | string, number | string, number, number | string]
  return [ck, hk, BigInt(t), BigInt(a), n, BigInt(f)]
}

/** Calls `<apiName>_<method>` on the head state and decodes the answer with polkadot-js, using the method's output type from our metadata V15. */
function api(c: TestChain, apiName: string, methodName: string, ...args: Uint8Array[]): Json {
  const bytes = c.runtime.call(c.state, c.chain(), `${apiName}_${methodName}`, u8aConcat(...args))
  const decl = (c.registry.metadata as Json).apis.find((a: Json) => a.name.toString() === apiName)
  if (!decl) throw new Error(`metadata declares no ${apiName}`)
  const m = decl.methods.find((x: Json) => x.name.toString() === methodName)
  if (!m) throw new Error(`metadata declares no ${apiName}.${methodName}`)
  const decoded = c.registry.createType(c.registry.createLookupType(m.output), bytes)
  // polkadot-js consumed exactly what the runtime returned
  expect(u8aToHex(decoded.toU8a())).toBe(u8aToHex(bytes))
  return decoded
}
const acct = (a: string) => AccountId32.enc(a as never)
const json = (v: Json) => JSON.parse(JSON.stringify(v.toJSON()))
const c0 = new TestChain()

describe('metadata V15 declarations', () => {
  test('the APIs are declared with subtensor’s versions, methods and argument names', () => {
    const apis = (c0.registry.metadata as Json).apis as Json[]
    const find = (n: string) => apis.find((a) => a.name.toString() === n)
    const sig = (n: string) => find(n).methods.map((m: Json) => `${m.name.toString()}(${m.inputs.map((i: Json) => i.name.toString()).join(', ')})`)
    expect(sig('StakeInfoRuntimeApi')).toEqual([
      'get_stake_info_for_coldkey(coldkey_account)',
      'get_stake_info_for_coldkeys(coldkey_accounts)',
      'get_stake_info_for_hotkey_coldkey_netuid(hotkey_account, coldkey_account, netuid)',
      'get_stake_availability_for_coldkeys(coldkey_accounts, netuids)',
      'get_stake_fee(origin, origin_coldkey_account, destination, destination_coldkey_account, amount)',
      'get_coldkey_lock(coldkey, netuid)',
      'get_hotkey_conviction(hotkey, netuid)',
      'get_most_convicted_hotkey_on_subnet(netuid)',
    ])
    expect(sig('DelegateInfoRuntimeApi')).toEqual(['get_delegates()', 'get_delegate(delegate_account)', 'get_delegated(delegatee_account)'])
    expect(sig('NeuronInfoRuntimeApi')).toEqual(['get_neurons(netuid)', 'get_neuron(netuid, uid)', 'get_neurons_lite(netuid)', 'get_neuron_lite(netuid, uid)'])
    // decl_runtime_apis order; get_coldkey_auto_stake_hotkey and get_subnet_to_prune are not served
    expect(sig('SubnetInfoRuntimeApi')).toEqual([
      'get_subnet_info(netuid)',
      'get_subnets_info()',
      'get_subnet_info_v2(netuid)',
      'get_subnets_info_v2()',
      'get_subnet_hyperparams(netuid)',
      'get_subnet_hyperparams_v2(netuid)',
      'get_subnet_hyperparams_v3(netuid)',
      'get_all_dynamic_info()',
      'get_all_metagraphs()',
      'get_metagraph(netuid)',
      'get_all_mechagraphs()',
      'get_mechagraph(netuid, mecid)',
      'get_dynamic_info(netuid)',
      'get_subnet_state(netuid)',
      'get_selective_metagraph(netuid, metagraph_indexes)',
      'get_selective_mechagraph(netuid, mecid, metagraph_indexes)',
      'get_subnet_account_id(netuid)',
      'get_next_epoch_start_block(netuid)',
    ])
    expect(sig('SubnetRegistrationRuntimeApi')).toEqual(['get_network_registration_cost()'])
    expect(sig('SwapRuntimeApi')).toEqual(['current_alpha_price(netuid)', 'current_alpha_price_all()', 'sim_swap_tao_for_alpha(netuid, tao)', 'sim_swap_alpha_for_tao(netuid, alpha)'])
    expect(RUNTIME_API_VERSIONS.filter(([n]) => /RuntimeApi$/.test(n))).toEqual([
      ['DelegateInfoRuntimeApi', 1],
      ['NeuronInfoRuntimeApi', 1],
      ['SubnetInfoRuntimeApi', 2],
      ['StakeInfoRuntimeApi', 1],
      ['SubnetRegistrationRuntimeApi', 1],
      ['SwapRuntimeApi', 1],
    ])
    // the struct types under subtensor's paths, as polkadot-js names them
    const names = new Set(c0.registry.lookup.types.map((t: Json) => t.type.path.map((p: Json) => p.toString()).join('::')))
    for (const p of [
      'pallet_subtensor::rpc_info::stake_info::StakeInfo',
      'pallet_subtensor::rpc_info::stake_info::StakeAvailability',
      'pallet_subtensor::rpc_info::delegate_info::DelegateInfo',
      'pallet_subtensor::rpc_info::dynamic_info::DynamicInfo',
      'pallet_subtensor::staking::lock::LockState',
      'pallet_subtensor_swap_runtime_api::SimSwapResult',
      'pallet_subtensor_swap_runtime_api::SubnetPrice',
    ])
      expect(names).toContain(p)
  })
})

describe('after real stakes', () => {
  const { c, pool0, simAlice, simBob, aliceAdded, bobAdded } = staked()
  const s = c.state as never
  const ss58 = (a: string) => c.registry.createType('AccountId32', a).toString()
  const stakeOf = (coldkey: AccountId) => getStake(s, HK, coldkey, SN)
  const [, , , aliceAlpha, , aliceFee] = aliceAdded
  const [, , , bobAlpha, , bobFee] = bobAdded
  const info = (coldkey: AccountId, stake: bigint) => ({ hotkey: ss58(HK), coldkey: ss58(coldkey), netuid: SN, stake: Number(stake), locked: 0, emission: 0, taoEmission: 0, drain: 0, isRegistered: true })

  test('SwapRuntimeApi: sim_swap_tao_for_alpha foretold exactly what add_stake then gave', () => {
    expect(aliceAdded.slice(0, 2)).toEqual([ss58(ALICE), ss58(HK)])
    expect(aliceFee).toBe(fee(tao(10)))
    expect(json(simAlice)).toEqual({
      taoAmount: Number(tao(10) - aliceFee),
      alphaAmount: Number(aliceAlpha),
      taoFee: Number(aliceFee),
      alphaFee: 0,
      taoSlippage: 0,
      // the alpha 10 TAO buys at the spot price before the swap, less what it bought
      alphaSlippage: Number((tao(10) * pool0.alpha) / pool0.tao - aliceAlpha),
    })
    expect(json(simBob)).toMatchObject({ taoAmount: Number(tao(5) - bobFee), alphaAmount: Number(bobAlpha), taoFee: Number(bobFee), alphaFee: 0, taoSlippage: 0 })
  })

  test('SwapRuntimeApi: prices are floor(SubnetTAO · 1e9 / SubnetAlphaIn), root and missing subnets 1:1; selling alpha quotes the fee in alpha', () => {
    const t = SubnetTAO.get(s, SN)
    const a = SubnetAlphaIn.get(s, SN)
    const price = (t * 1_000_000_000n) / a
    expect(api(c, 'SwapRuntimeApi', 'current_alpha_price', NetUid.enc(SN)).toBigInt()).toBe(price)
    expect(api(c, 'SwapRuntimeApi', 'current_alpha_price', NetUid.enc(0)).toBigInt()).toBe(1_000_000_000n)
    expect(json(api(c, 'SwapRuntimeApi', 'current_alpha_price_all'))).toEqual([
      { netuid: 0, price: 1_000_000_000 },
      { netuid: SN, price: Number(price) },
    ])
    const sell = json(api(c, 'SwapRuntimeApi', 'sim_swap_alpha_for_tao', NetUid.enc(SN), u64.enc(tao(1))))
    const alphaFee = fee(tao(1))
    expect(sell).toMatchObject({ alphaAmount: Number(tao(1) - alphaFee), alphaFee: Number(alphaFee), taoFee: 0, alphaSlippage: 0 })
    // constant product on the ex-fee alpha, to within the pow rounding
    expect(sell.taoAmount).toBeCloseTo(Number((t * (tao(1) - alphaFee)) / (a + tao(1) - alphaFee)), -2)
    // a subnet that does not exist swaps nothing: all of it is slippage
    expect(json(api(c, 'SwapRuntimeApi', 'sim_swap_tao_for_alpha', NetUid.enc(77), u64.enc(tao(1))))).toEqual({ taoAmount: 0, alphaAmount: 0, taoFee: 0, alphaFee: 0, taoSlippage: 0, alphaSlippage: Number(tao(1)) })
    // root swaps 1:1 without fee
    expect(json(api(c, 'SwapRuntimeApi', 'sim_swap_tao_for_alpha', NetUid.enc(0), u64.enc(tao(1))))).toEqual({ taoAmount: Number(tao(1)), alphaAmount: Number(tao(1)), taoFee: 0, alphaFee: 0, taoSlippage: 0, alphaSlippage: 0 })
  })

  test('StakeInfoRuntimeApi: each coldkey’s stake is what StakeAdded said (Bob’s to within the share rounding), nothing locked', () => {
    expect(stakeOf(ALICE)).toBe(aliceAlpha)
    expect(stakeOf(BOB) === bobAlpha || stakeOf(BOB) === bobAlpha - 1n).toBe(true)
    expect(json(api(c, 'StakeInfoRuntimeApi', 'get_stake_info_for_coldkey', acct(ALICE)))).toEqual([info(ALICE, aliceAlpha)])
    expect(json(api(c, 'StakeInfoRuntimeApi', 'get_stake_info_for_coldkey', acct(CHARLIE)))).toEqual([])
    expect(json(api(c, 'StakeInfoRuntimeApi', 'get_stake_info_for_coldkeys', Vec(AccountId32).enc([BOB, CHARLIE, ALICE] as never)))).toEqual([
      [ss58(BOB), [info(BOB, stakeOf(BOB))]],
      [ss58(CHARLIE), []],
      [ss58(ALICE), [info(ALICE, aliceAlpha)]],
    ])
    expect(json(api(c, 'StakeInfoRuntimeApi', 'get_stake_info_for_coldkeys', Vec(AccountId32).enc([])))).toEqual([])
    const one = (hk: string, ck: string, n: number) => json(api(c, 'StakeInfoRuntimeApi', 'get_stake_info_for_hotkey_coldkey_netuid', acct(hk), acct(ck), NetUid.enc(n)))
    expect(one(HK, BOB, SN)).toEqual(info(BOB, stakeOf(BOB)))
    // always Some, even without stake or subnet
    expect(one(HK, CHARLIE, 77)).toEqual({ ...info(CHARLIE, 0n), netuid: 77, isRegistered: false })
  })

  test('StakeInfoRuntimeApi: availability per coldkey and subnet (locks do not exist: all available), the stake fee, no locks or conviction', () => {
    const availability = (cks: string[], netuids?: number[]) =>
      json(api(c, 'StakeInfoRuntimeApi', 'get_stake_availability_for_coldkeys', Vec(AccountId32).enc(cks as never), Option(Vec(u16)).enc(netuids)))
    const row = (stake: bigint) => ({ [SN]: { total: Number(stake), locked: 0, available: Number(stake) } })
    // a BTreeMap: keyed in account byte order, subnets without stake left out
    const both = availability([ALICE, BOB, CHARLIE])
    expect(BOB < CHARLIE && CHARLIE < ALICE).toBe(true)
    expect(Object.keys(both)).toEqual([ss58(BOB), ss58(CHARLIE), ss58(ALICE)])
    expect(both).toEqual({ [ss58(ALICE)]: row(aliceAlpha), [ss58(BOB)]: row(stakeOf(BOB)), [ss58(CHARLIE)]: {} })
    expect(availability([ALICE], [SN, SN, 77])).toEqual({ [ss58(ALICE)]: row(aliceAlpha) })
    expect(availability([ALICE], [0])).toEqual({ [ss58(ALICE)]: {} })
    // an empty request, or one naming more subnets than exist, answers empty maps
    expect(availability([ALICE], [])).toEqual({ [ss58(ALICE)]: {} })
    expect(availability([ALICE], [0, 1, 2])).toEqual({ [ss58(ALICE)]: {} })
    expect(availability([])).toEqual({})

    const HkNet = Option(tuple(AccountId32, NetUid))
    const stakeFee = (origin: [string, number] | undefined, destination: [string, number] | undefined, amount: bigint) =>
      api(c, 'StakeInfoRuntimeApi', 'get_stake_fee', HkNet.enc(origin as never), acct(ALICE), HkNet.enc(destination as never), acct(ALICE), u64.enc(amount)).toBigInt()
    expect(stakeFee(undefined, [HK, SN], tao(1))).toBe(fee(tao(1)))
    expect(stakeFee([HK, SN], undefined, tao(2))).toBe(fee(tao(2)))
    expect(stakeFee([HK, SN], [HK, SN], tao(1))).toBe(0n)
    // the destination's subnet decides; root swaps carry no fee
    expect(stakeFee([HK, SN], [HK, 0], tao(1))).toBe(0n)

    expect(api(c, 'StakeInfoRuntimeApi', 'get_coldkey_lock', acct(ALICE), NetUid.enc(SN)).isNone).toBe(true)
    expect(json(api(c, 'StakeInfoRuntimeApi', 'get_hotkey_conviction', acct(HK), NetUid.enc(SN)))).toEqual({ bits: 0 })
    expect(api(c, 'StakeInfoRuntimeApi', 'get_most_convicted_hotkey_on_subnet', NetUid.enc(SN)).isNone).toBe(true)
  })

  test('DelegateInfoRuntimeApi: HK is a delegate with the take Alice set, its owner, registration and both nominators', () => {
    const hk = {
      delegateSs58: ss58(HK),
      take: 5000,
      // nominators in account byte order, each with (netuid, stake)
      nominators: [
        [ss58(BOB), [[SN, Number(stakeOf(BOB))]]],
        [ss58(ALICE), [[SN, Number(aliceAlpha)]]],
      ],
      ownerSs58: ss58(ALICE),
      registrations: [SN],
      validatorPermits: [],
      // no emission yet, so no return
      returnPer1000: 0,
      totalDailyReturn: 0,
    }
    expect(BOB < ALICE).toBe(true)
    expect(json(api(c, 'DelegateInfoRuntimeApi', 'get_delegates'))).toEqual([hk])
    expect(json(api(c, 'DelegateInfoRuntimeApi', 'get_delegate', acct(HK)))).toEqual(hk)
    expect(api(c, 'DelegateInfoRuntimeApi', 'get_delegate', acct(CHARLIE)).isNone).toBe(true)
    // the delegate without its nominators, with the coldkey's (netuid, stake)
    expect(json(api(c, 'DelegateInfoRuntimeApi', 'get_delegated', acct(BOB)))).toEqual([[{ ...hk, nominators: [] }, [SN, Number(stakeOf(BOB))]]])
    expect(json(api(c, 'DelegateInfoRuntimeApi', 'get_delegated', acct(CHARLIE)))).toEqual([])
  })

  test('SubnetInfoRuntimeApi: dynamic info is the pool, symbol, name and tempo of the subnet; None for a missing one', () => {
    const dyn = json(api(c, 'SubnetInfoRuntimeApi', 'get_dynamic_info', NetUid.enc(SN)))
    expect(dyn).toMatchObject({
      netuid: SN,
      // Vec<Compact<u8>>: "apex" (the netuid's default name) and α (UTF-8 CE B1)
      subnetName: [...new TextEncoder().encode('apex')],
      tokenSymbol: [...TokenSymbol.get(s, SN)],
      tempo: Tempo.get(s, SN),
      lastStep: 0,
      blocksSinceLastStep: c.number,
      emission: 0,
      alphaIn: Number(SubnetAlphaIn.get(s, SN)),
      alphaOut: Number(SubnetAlphaOut.get(s, SN)),
      taoIn: Number(SubnetTAO.get(s, SN)),
      subnetVolume: Number(SubnetVolume.get(s, SN)),
      subnetIdentity: null,
    })
    expect(dyn.tokenSymbol).toEqual([0xce, 0xb1])
    // the pool moved by exactly the two stakes
    expect(dyn.taoIn).toBe(Number(pool0.tao + tao(15) - aliceFee - bobFee))
    expect(dyn.alphaIn).toBe(Number(pool0.alpha - aliceAlpha - bobAlpha))
    expect(dyn.subnetVolume).toBe(Number(pool0.volume + tao(15)))
    const all = json(api(c, 'SubnetInfoRuntimeApi', 'get_all_dynamic_info'))
    expect(all.map((d: Json) => d.netuid)).toEqual([0, SN])
    expect(all[1]).toEqual(dyn)
    expect(all[0]).toMatchObject({ netuid: 0, subnetName: [...new TextEncoder().encode('root')] })
    expect(api(c, 'SubnetInfoRuntimeApi', 'get_dynamic_info', NetUid.enc(77)).isNone).toBe(true)
    expect(api(c, 'SubnetInfoRuntimeApi', 'get_subnet_account_id', NetUid.enc(SN)).unwrap().toHex()).toBe(`0x6d6f646c7375627465${'6e7372'}0100${'00'.repeat(18)}`)
    expect(api(c, 'SubnetInfoRuntimeApi', 'get_subnet_account_id', NetUid.enc(77)).isNone).toBe(true)
  })

  test('SubnetRegistrationRuntimeApi: the network registration cost is the lock cost at the head block', () => {
    const cost = api(c, 'SubnetRegistrationRuntimeApi', 'get_network_registration_cost').toBigInt()
    expect(cost).toBe(getNetworkLockCost(s, BigInt(c.number)))
    expect(cost).toBeGreaterThan(0n)
  })

  test('undecodable arguments are refused with the reason', () => {
    expect(() => c.runtime.call(c.state, c.chain(), 'SwapRuntimeApi_current_alpha_price', new Uint8Array([1]))).toThrow(/Could not decode the arguments of SwapRuntimeApi_current_alpha_price/)
  })
})
