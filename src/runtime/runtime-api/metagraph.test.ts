// NeuronInfoRuntimeApi and the metagraph / subnet-info / hyperparameter methods of SubnetInfoRuntimeApi on a TestChain: a subnet registered
// with signed extrinsics (3 neurons, 2 axons served), then hand-set per-uid vectors; every answer decoded by polkadot-js from our metadata V15.
import { describe, expect, test } from 'vitest'
import { u8aConcat, u8aToHex } from '@polkadot/util'
import { TestChain, dev, pub } from '../testing/chain.ts'
import { NetUid, tao } from '../primitives/bittensor.ts'
import type { AccountId } from '../primitives/bittensor.ts'
import { Vec, u16, u8 } from '../primitives/types.ts'
import { Active, Bonds, Consensus, Dividends, Emission, Incentive, LastUpdate, Owner, ValidatorPermit, ValidatorTrust, Weights, Burn } from '../pallets/subtensor/storage/neurons.ts'
import { AlphaDividendsPerSubnet, LastHotkeyEmissionOnNetuid, PendingServerEmission, PendingValidatorEmission, SubnetAlphaInEmission } from '../pallets/subtensor/storage/emission.ts'
import { IdentitiesV2, LastEpochBlock, LastMechansimStepBlock, NetworksAdded, PendingEpochAt, SubnetOwnerHotkey, SubtokenEnabled, Tempo } from '../pallets/subtensor/storage/subnets.ts'
import { AlphaSigmoidSteepness, Kappa, MechanismCountCurrent, MinChildkeyTakePerSubnet, OwnerCutAutoLockEnabled, StakeThreshold } from '../pallets/subtensor/storage/hyperparams.ts'
import { TotalHotkeyAlpha } from '../pallets/subtensor/storage/stake.ts'
import { getStakeWeightsForNetwork } from '../pallets/subtensor/staking/stakeWeight.ts'
import { CommitmentOf } from '../pallets/commitments/storage.ts'
import { Registration } from '../pallets/commitments/types.ts'
import { Number as SystemNumber } from '../pallets/system/storage.ts'

type Json = any

const ALICE = pub(dev.alice) as AccountId
const BOB = pub(dev.bob) as AccountId
/** uid 0: the owner hotkey of Alice's new subnet (Charlie's key, so it can sign serve_axon). */
const HK0 = pub(dev.charlie) as AccountId
/** uid 1: Bob's hotkey (One's key). */
const HK1 = pub(dev.one) as AccountId
/** uid 2: another hotkey of Alice, which serves nothing. */
const HK2 = `0x${'c2'.repeat(32)}` as AccountId
const IDENTITY = { name: 'alice', url: 'https://a.example', githubRepo: 'gh/a', image: '', discord: 'a#1', description: 'validator', additional: '' }
const bytes = (t: string) => new TextEncoder().encode(t)

/** Calls `<apiName>_<method>` on the head state and decodes the answer with polkadot-js, using the method's output type from our metadata V15. */
function api(c: TestChain, apiName: string, methodName: string, ...args: Uint8Array[]): Json {
  const out = c.runtime.call(c.state, c.chain(), `${apiName}_${methodName}`, u8aConcat(...args))
  const decl = (c.registry.metadata as Json).apis.find((a: Json) => a.name.toString() === apiName)
  if (!decl) throw new Error(`metadata declares no ${apiName}`)
  const m = decl.methods.find((x: Json) => x.name.toString() === methodName)
  if (!m) throw new Error(`metadata declares no ${apiName}.${methodName}`)
  const decoded = c.registry.createType(c.registry.createLookupType(m.output), out)
  // polkadot-js consumed exactly what the runtime returned
  expect(u8aToHex(decoded.toU8a())).toBe(u8aToHex(out))
  return JSON.parse(JSON.stringify(decoded.toJSON()))
}
const n16 = (n: number) => NetUid.enc(n)

/**
 * Alice registers a subnet with HK0, opens it, Bob registers HK1 and Alice HK2 (uids 1, 2); HK0 and HK1 serve axons, HK1 a prometheus
 * endpoint. Then the epoch outputs are set by hand.
 */
function subnet() {
  const c = new TestChain([
    [pub(dev.alice), tao(1_000_000)],
    [pub(dev.bob), tao(1_000_000)],
    [pub(dev.charlie), tao(10)],
    [pub(dev.one), tao(2000)],
  ])
  c.block([c.sign(dev.alice, c.tx('SubtensorModule', 'register_network', HK0))])
  const added = c.events().find((e) => e.event === 'subtensorModule.NetworkAdded')
  if (!added) throw new Error(`no NetworkAdded: ${JSON.stringify(c.events())}`)
  const sn = Number((added.data as unknown[])[0])
  const s = () => c.state as never
  SubtokenEnabled.set(s(), sn, true)
  c.block([c.sign(dev.bob, c.tx('SubtensorModule', 'burned_register', sn, HK1))])
  c.block([c.sign(dev.alice, c.tx('SubtensorModule', 'burned_register', sn, HK2))])
  c.block([
    c.sign(dev.charlie, c.tx('SubtensorModule', 'serve_axon', sn, 7, 0x0a000001, 8091, 4, 0, 0, 0)),
    c.sign(dev.one, c.tx('SubtensorModule', 'serve_axon', sn, 8, 0x0a000002, 8092, 4, 1, 0, 0)),
    c.sign(dev.one, c.tx('SubtensorModule', 'serve_prometheus', sn, 9, 0x0a000003, 9100, 4), { nonce: c.nonce(pub(dev.one)) + 1 }),
    c.sign(dev.alice, c.tx('SubtensorModule', 'add_stake', HK0, sn, tao(10))),
  ])
  expect(c.events().filter((e) => e.event === 'subtensorModule.AxonServed')).toHaveLength(2)
  expect(c.events().filter((e) => e.event === 'subtensorModule.PrometheusServed' || e.event === 'subtensorModule.StakeAdded')).toHaveLength(2)
  Incentive.set(s(), sn, [0, 40_000, 25_535])
  Dividends.set(s(), sn, [50_000, 0, 15_535])
  Consensus.set(s(), sn, [1, 2, 3])
  ValidatorTrust.set(s(), sn, [60_000, 0, 5])
  Emission.set(s(), sn, [111n, 222n, 333n])
  ValidatorPermit.set(s(), sn, [true, true, false])
  Active.set(s(), sn, [true, false, true])
  Weights.set(s(), sn, 0, [
    [1, 30_000],
    [2, 0],
    [0, 5],
  ])
  Bonds.set(s(), sn, 1, [[0, 12_345]])
  AlphaDividendsPerSubnet.set(s(), sn, HK0, 777n)
  LastHotkeyEmissionOnNetuid.set(s(), HK1, sn, 4242n)
  IdentitiesV2.set(s(), ALICE, { name: bytes(IDENTITY.name), url: bytes(IDENTITY.url), githubRepo: bytes(IDENTITY.githubRepo), image: bytes(''), discord: bytes(IDENTITY.discord), description: bytes(IDENTITY.description), additional: bytes('') })
  SubnetAlphaInEmission.set(s(), sn, 5n)
  PendingServerEmission.set(s(), sn, 10n)
  PendingValidatorEmission.set(s(), sn, 20n)
  return { c, sn, s }
}

const { c, sn, s } = subnet()
const ss58 = (a: string) => c.registry.createType('AccountId32', a).toString()
const ZERO_AXON = { block: 0, version: 0, ip: 0, port: 0, ipType: 0, protocol: 0, placeholder1: 0, placeholder2: 0 }
const ZERO_PROMETHEUS = { block: 0, version: 0, ip: 0, port: 0, ipType: 0 }

describe('NeuronInfoRuntimeApi', () => {
  test('get_neurons: the 3 neurons with their keys, served endpoints, stake and the hand-set vectors at their uids', () => {
    const neurons = api(c, 'NeuronInfoRuntimeApi', 'get_neurons', n16(sn))
    expect(neurons).toHaveLength(3)
    expect(neurons.map((x: Json) => [x.uid, x.netuid, x.hotkey, x.coldkey])).toEqual([
      [0, sn, ss58(HK0), ss58(ALICE)],
      [1, sn, ss58(HK1), ss58(BOB)],
      [2, sn, ss58(HK2), ss58(ALICE)],
    ])
    const [n0, n1, n2] = neurons
    expect(n0.axonInfo).toMatchObject({ version: 7, ip: 0x0a000001, port: 8091, ipType: 4, protocol: 0 })
    expect(n0.axonInfo.block).toBeGreaterThan(0)
    expect(n1.axonInfo).toMatchObject({ version: 8, ip: 0x0a000002, port: 8092, ipType: 4, protocol: 1 })
    expect(n1.prometheusInfo).toMatchObject({ version: 9, ip: 0x0a000003, port: 9100, ipType: 4 })
    expect(n0.prometheusInfo).toEqual(ZERO_PROMETHEUS)
    expect(n2.axonInfo).toEqual(ZERO_AXON)
    for (const [i, n] of neurons.entries()) {
      const hotkey = [HK0, HK1, HK2][i]!
      expect(n.stake).toEqual([[ss58(Owner.get(s(), hotkey)), Number(TotalHotkeyAlpha.get(s(), hotkey, sn))]])
      // deprecated, as subtensor answers them
      expect([n.rank, n.trust, n.pruningScore]).toEqual([0, 0, 65_535])
    }
    expect(neurons.map((x: Json) => [x.active, x.emission, x.incentive, x.consensus, x.validatorTrust, x.dividends, x.validatorPermit])).toEqual([
      [true, 111, 0, 1, 60_000, 50_000, true],
      [false, 222, 40_000, 2, 0, 0, true],
      [true, 333, 25_535, 3, 5, 15_535, false],
    ])
    expect(neurons.map((x: Json) => x.lastUpdate)).toEqual(LastUpdate.get(s(), sn).map(Number))
    // nonzero weights and bonds only, in stored order
    expect(n0.weights).toEqual([
      [1, 30_000],
      [0, 5],
    ])
    expect(n1.weights).toEqual([])
    expect(n1.bonds).toEqual([[0, 12_345]])
    expect(n0.bonds).toEqual([])
  })

  test('get_neuron, the lite variants, and missing subnets or uids', () => {
    const all = api(c, 'NeuronInfoRuntimeApi', 'get_neurons', n16(sn))
    expect(api(c, 'NeuronInfoRuntimeApi', 'get_neuron', n16(sn), u16.enc(1))).toEqual(all[1])
    expect(api(c, 'NeuronInfoRuntimeApi', 'get_neuron', n16(sn), u16.enc(3))).toBeNull()
    expect(api(c, 'NeuronInfoRuntimeApi', 'get_neuron', n16(99), u16.enc(0))).toBeNull()
    expect(api(c, 'NeuronInfoRuntimeApi', 'get_neurons', n16(99))).toEqual([])
    const lite = api(c, 'NeuronInfoRuntimeApi', 'get_neurons_lite', n16(sn))
    const strip = ({ weights: _w, bonds: _b, ...rest }: Json) => rest
    expect(lite).toEqual(all.map(strip))
    expect(Object.keys(lite[0])).not.toContain('weights')
    expect(api(c, 'NeuronInfoRuntimeApi', 'get_neuron_lite', n16(sn), u16.enc(2))).toEqual(strip(all[2]))
    expect(api(c, 'NeuronInfoRuntimeApi', 'get_neuron_lite', n16(sn), u16.enc(9))).toBeNull()
    // genesis netuid 1: the zero account at uid 0
    expect(api(c, 'NeuronInfoRuntimeApi', 'get_neurons_lite', n16(1)).map((x: Json) => x.hotkey)).toEqual([ss58(`0x${'00'.repeat(32)}`)])
  })
})

describe('SubnetInfoRuntimeApi metagraph', () => {
  test('get_metagraph: header, pool, hyperparameters and per-uid vectors', () => {
    const m = api(c, 'SubnetInfoRuntimeApi', 'get_metagraph', n16(sn))
    const block = SystemNumber.get(s())
    expect(m).toMatchObject({
      netuid: sn,
      ownerHotkey: ss58(HK0),
      ownerColdkey: ss58(ALICE),
      block,
      tempo: Tempo.get(s(), sn),
      lastStep: Number(LastMechansimStepBlock.get(s(), sn)),
      blocksSinceLastStep: block - Number(LastMechansimStepBlock.get(s(), sn)),
      subnetEmission: 0,
      alphaInEmission: 5,
      pendingAlphaEmission: 30,
      pendingRootEmission: 0,
      // init_new_network's overrides (subtensor.md §2 "new subnet")
      maxValidators: 64,
      minAllowedWeights: 1,
      immunityPeriod: 5000,
      numUids: 3,
      maxUids: 256,
      burn: Number(Burn.get(s(), sn)),
      activityCutoff: Math.floor((13_889 * Tempo.get(s(), sn)) / 1000),
      commitRevealWeightsEnabled: true,
      alphaHigh: 58_982,
      alphaLow: 45_875,
    })
    expect(m.hotkeys).toEqual([ss58(HK0), ss58(HK1), ss58(HK2)])
    expect(m.coldkeys).toEqual([ss58(ALICE), ss58(BOB), ss58(ALICE)])
    expect(m.identities.map((x: Json) => x && new TextDecoder().decode(Uint8Array.from(Buffer.from(x.name.slice(2), 'hex'))))).toEqual(['alice', null, 'alice'])
    expect(m.axons[0]).toMatchObject({ port: 8091 })
    expect(m.axons[2]).toEqual(ZERO_AXON)
    expect(m.active).toEqual([true, false, true])
    expect(m.validatorPermit).toEqual([true, true, false])
    expect(m.incentives).toEqual([0, 40_000, 25_535])
    expect(m.dividends).toEqual([50_000, 0, 15_535])
    expect(m.consensus).toEqual([1, 2, 3])
    expect(m.emission).toEqual([111, 222, 333])
    // deprecated vectors are empty
    expect([m.pruningScore, m.trust, m.rank]).toEqual([[], [], []])
    expect(m.blockAtRegistration).toHaveLength(3)
    const w = getStakeWeightsForNetwork(s(), sn)
    expect(m.alphaStake).toEqual(w.alpha.map((x) => Number(x.saturatingToU64())))
    expect(m.totalStake).toEqual(w.total.map((x) => Number(x.saturatingToU64())))
    expect(m.alphaStake[0]).toBeGreaterThan(0)
    expect(m.taoDividendsPerHotkey).toEqual([
      [ss58(HK0), 0],
      [ss58(HK1), 0],
      [ss58(HK2), 0],
    ])
    expect(m.alphaDividendsPerHotkey).toEqual([
      [ss58(HK0), 777],
      [ss58(HK1), 0],
      [ss58(HK2), 0],
    ])
    expect(api(c, 'SubnetInfoRuntimeApi', 'get_metagraph', n16(99))).toBeNull()
  })

  test('get_all_metagraphs: one per subnet; the mechagraph of mechanism 0 is the metagraph', () => {
    const all = api(c, 'SubnetInfoRuntimeApi', 'get_all_metagraphs')
    expect(all.map((m: Json) => m.netuid)).toEqual([0, 1, sn])
    expect(all[2]).toEqual(api(c, 'SubnetInfoRuntimeApi', 'get_metagraph', n16(sn)))
    expect(api(c, 'SubnetInfoRuntimeApi', 'get_mechagraph', n16(sn), u8.enc(0))).toEqual(all[2])
    // a second mechanism: its storage index as netuid, its own incentives and last updates
    expect(api(c, 'SubnetInfoRuntimeApi', 'get_mechagraph', n16(sn), u8.enc(1))).toBeNull()
    const t = new TestChain()
    MechanismCountCurrent.set(t.state as never, 1, 2)
    Incentive.set(t.state as never, 4096 + 1, [9])
    const mech = api(t, 'SubnetInfoRuntimeApi', 'get_mechagraph', n16(1), u8.enc(1))
    expect([mech.netuid, mech.incentives, mech.lastUpdate]).toEqual([4097, [9], []])
    expect(api(t, 'SubnetInfoRuntimeApi', 'get_all_mechagraphs').map((m: Json) => m.netuid)).toEqual([0, 1, 4097])
    const sel = api(t, 'SubnetInfoRuntimeApi', 'get_selective_mechagraph', n16(1), u8.enc(1), Vec(u16).enc([62, 8]))
    expect([sel.netuid, sel.incentives, sel.tempo]).toEqual([1, [9], 100])
  })

  test('get_selective_metagraph: only the fields asked for, by subtensor’s index numbering', () => {
    StakeThreshold.set(s(), 0n)
    const sel = api(c, 'SubnetInfoRuntimeApi', 'get_selective_metagraph', n16(sn), Vec(u16).enc([0, 8, 52, 62, 71, 72, 500]))
    const set = Object.entries(sel).filter(([, v]) => v !== null)
    expect(set.map(([k]) => k)).toEqual(['netuid', 'tempo', 'hotkeys', 'incentives', 'alphaDividendsPerHotkey', 'validators'])
    expect(sel).toMatchObject({ netuid: sn, tempo: Tempo.get(s(), sn), hotkeys: [ss58(HK0), ss58(HK1), ss58(HK2)], incentives: [0, 40_000, 25_535] })
    expect(sel.alphaDividendsPerHotkey[0]).toEqual([ss58(HK0), 777])
    // permitted uids with stake above the threshold, by stake ascending
    // only HK0 has stake (Alice's 10 TAO); uid 1 has a permit but no stake, uid 2 no permit
    expect(getStakeWeightsForNetwork(s(), sn).total[1]!.bits).toBe(0n)
    expect(sel.validators).toEqual([0])
    StakeThreshold.set(s(), tao(1_000_000))
    expect(api(c, 'SubnetInfoRuntimeApi', 'get_selective_metagraph', n16(sn), Vec(u16).enc([72])).validators).toEqual([])
    StakeThreshold.set(s(), 0n)
    // index 73: the subnet's commitments, each Registration SCALE-encoded as Vec<Compact<u8>>
    const registration = { deposit: 0n, block: 5, info: { fields: [] } }
    CommitmentOf.set(s(), sn, HK1, registration as never)
    const commitments = api(c, 'SubnetInfoRuntimeApi', 'get_selective_metagraph', n16(sn), Vec(u16).enc([73])).commitments
    expect(commitments).toEqual([[ss58(HK1), [...Registration.enc(registration as never)]]])
    expect(Object.keys(sel)).toHaveLength(74)
    // without index 0 the netuid stays at its default, 0, as in subtensor
    const noNetuid = api(c, 'SubnetInfoRuntimeApi', 'get_selective_metagraph', n16(sn), Vec(u16).enc([50, 64]))
    expect([noNetuid.netuid, noNetuid.alphaLow, noNetuid.trust, noNetuid.tempo]).toEqual([0, 45_875, [], null])
    expect(api(c, 'SubnetInfoRuntimeApi', 'get_selective_metagraph', n16(99), Vec(u16).enc([0]))).toBeNull()
  })

  test('get_subnet_state: per-uid vectors and each hotkey’s last emission on every subnet', () => {
    const st = api(c, 'SubnetInfoRuntimeApi', 'get_subnet_state', n16(sn))
    expect(st).toMatchObject({ netuid: sn, hotkeys: [ss58(HK0), ss58(HK1), ss58(HK2)], incentives: [0, 40_000, 25_535], dividends: [50_000, 0, 15_535], pruningScore: [], trust: [], rank: [] })
    expect(st.emissionHistory).toEqual([
      [0, 0, 0],
      [0, 0, 0],
      [0, 4242, 0],
    ])
    expect(api(c, 'SubnetInfoRuntimeApi', 'get_subnet_state', n16(99))).toBeNull()
  })
})

describe('SubnetInfoRuntimeApi subnet info and hyperparameters', () => {
  test('get_subnet_info(_v2) and get_subnets_info(_v2)', () => {
    const info = api(c, 'SubnetInfoRuntimeApi', 'get_subnet_info', n16(sn))
    expect(info).toMatchObject({ netuid: sn, subnetworkN: 3, maxAllowedValidators: 64, immunityPeriod: 5000, tempo: Tempo.get(s(), sn), networkModality: 0, networkConnect: [], emissionValues: 0, owner: ss58(ALICE) })
    const v2 = api(c, 'SubnetInfoRuntimeApi', 'get_subnet_info_v2', n16(sn))
    expect(v2).toMatchObject({ netuid: sn, subnetworkN: 3, emissionValue: 0, owner: ss58(ALICE), identity: null })
    expect(api(c, 'SubnetInfoRuntimeApi', 'get_subnets_info').map((x: Json) => x.netuid)).toEqual([0, 1, sn])
    expect(api(c, 'SubnetInfoRuntimeApi', 'get_subnets_info_v2').map((x: Json) => x.netuid)).toEqual([0, 1, sn])
    expect(api(c, 'SubnetInfoRuntimeApi', 'get_subnet_info', n16(99))).toBeNull()
    // a subnet marked not added is not listed
    const t = new TestChain()
    NetworksAdded.set(t.state as never, 1, false)
    expect(api(t, 'SubnetInfoRuntimeApi', 'get_subnets_info').map((x: Json) => x.netuid)).toEqual([0])
  })

  test('get_subnet_hyperparams(_v2): storage values, with the new-subnet overrides', () => {
    Kappa.set(s(), sn, 12_345)
    AlphaSigmoidSteepness.set(s(), sn, -7)
    const v2 = api(c, 'SubnetInfoRuntimeApi', 'get_subnet_hyperparams_v2', n16(sn))
    expect(v2).toEqual({
      rho: 10,
      kappa: 12_345,
      immunityPeriod: 5000,
      minAllowedWeights: 1,
      maxWeightsLimit: 65_535,
      tempo: Tempo.get(s(), sn),
      minDifficulty: 10_000_000,
      maxDifficulty: '0x3fffffffffffffff',
      weightsVersion: 0,
      weightsRateLimit: 100,
      adjustmentInterval: 100,
      activityCutoff: Math.floor((13_889 * Tempo.get(s(), sn)) / 1000),
      registrationAllowed: true,
      targetRegsPerInterval: 2,
      minBurn: 500_000,
      maxBurn: 100_000_000_000,
      bondsMovingAvg: 900_000,
      maxRegsPerBlock: 1,
      servingRateLimit: 50,
      maxValidators: 64,
      adjustmentAlpha: 0,
      difficulty: 10_000_000,
      commitRevealPeriod: 1,
      commitRevealWeightsEnabled: true,
      alphaHigh: 58_982,
      alphaLow: 45_875,
      liquidAlphaEnabled: false,
      alphaSigmoidSteepness: { bits: -7 * 2 ** 32 },
      yumaVersion: 3,
      subnetIsActive: true,
      transfersEnabled: true,
      bondsResetEnabled: false,
      userLiquidityEnabled: false,
    })
    const v1 = api(c, 'SubnetInfoRuntimeApi', 'get_subnet_hyperparams', n16(sn))
    const { alphaSigmoidSteepness: _a, yumaVersion: _y, subnetIsActive: _s, transfersEnabled: _t, bondsResetEnabled: _b, userLiquidityEnabled: _u, ...common } = v2
    expect(v1).toEqual(common)
    // the genesis subnet keeps the runtime defaults where init_new_network did not run
    expect(api(c, 'SubnetInfoRuntimeApi', 'get_subnet_hyperparams_v2', n16(1))).toMatchObject({ immunityPeriod: 4096, yumaVersion: 2, kappa: 32_767 })
    expect(api(c, 'SubnetInfoRuntimeApi', 'get_subnet_hyperparams_v2', n16(99))).toBeNull()
    Kappa.set(s(), sn, 32_767)
  })

  test('get_subnet_hyperparams_v3: every hyperparameter by name with its tagged value', () => {
    OwnerCutAutoLockEnabled.set(s(), sn, true)
    MinChildkeyTakePerSubnet.set(s(), sn, 300)
    const v3 = api(c, 'SubnetInfoRuntimeApi', 'get_subnet_hyperparams_v3', n16(sn)) as Array<{ name: string; value: Record<string, unknown> }>
    const byName = Object.fromEntries(v3.map((e) => [new TextDecoder().decode(Buffer.from(e.name.slice(2), 'hex')), e.value]))
    expect(Object.keys(byName)).toEqual([
      'kappa',
      'immunity_period',
      'min_allowed_weights',
      'max_weights_limit',
      'tempo',
      'weights_version',
      'weights_rate_limit',
      'activity_cutoff',
      'activity_cutoff_factor',
      'registration_allowed',
      'target_regs_per_interval',
      'min_burn',
      'max_burn',
      'burn_half_life',
      'burn_increase_mult',
      'bonds_moving_avg',
      'max_regs_per_block',
      'serving_rate_limit',
      'max_validators',
      'commit_reveal_period',
      'commit_reveal_weights_enabled',
      'alpha_high',
      'alpha_low',
      'liquid_alpha_enabled',
      'alpha_sigmoid_steepness',
      'yuma_version',
      'subnet_is_active',
      'transfers_enabled',
      'bonds_reset_enabled',
      'user_liquidity_enabled',
      'owner_cut_enabled',
      'owner_cut_auto_lock_enabled',
      'min_childkey_take',
    ])
    expect(byName).toMatchObject({
      kappa: { u16: 32_767 },
      immunity_period: { u16: 5000 },
      activity_cutoff_factor: { u32: 13_889 },
      min_burn: { taoBalance: 500_000 },
      burn_increase_mult: { u64f64: { bits: '0x' + 23_242_897_532_874_035_200n.toString(16).padStart(32, '0') } },
      max_validators: { u16: 64 },
      yuma_version: { u16: 3 },
      owner_cut_auto_lock_enabled: { bool: true },
      min_childkey_take: { u16: 300 },
    })
    expect(api(c, 'SubnetInfoRuntimeApi', 'get_subnet_hyperparams_v3', n16(99))).toBeNull()
  })

  test('get_next_epoch_start_block: LastEpochBlock + tempo, or an earlier triggered epoch; None with tempo 0', () => {
    const t = new TestChain()
    const st = t.state as never
    const next = () => api(t, 'SubnetInfoRuntimeApi', 'get_next_epoch_start_block', n16(1))
    LastEpochBlock.set(st, 1, 1000n)
    Tempo.set(st, 1, 360)
    expect(next()).toBe(1360)
    PendingEpochAt.set(st, 1, 1200n)
    expect(next()).toBe(1200)
    PendingEpochAt.set(st, 1, 5000n)
    expect(next()).toBe(1360)
    Tempo.set(st, 1, 0)
    expect(next()).toBeNull()
    // the registered subnet: its staggered LastEpochBlock plus its tempo
    expect(api(c, 'SubnetInfoRuntimeApi', 'get_next_epoch_start_block', n16(sn))).toBe(Number(LastEpochBlock.get(s(), sn)) + Tempo.get(s(), sn))
  })

  test('SubnetOwnerHotkey is uid 0', () => {
    expect(SubnetOwnerHotkey.get(s(), sn)).toBe(HK0)
  })
})
