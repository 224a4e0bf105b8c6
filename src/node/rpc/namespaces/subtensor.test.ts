// subtensor's custom RPC aliases (delegateInfo_*, neuronInfo_*, subnetInfo_*, stakeInfo_*, swap_*) over a real WebSocket against a devnet on the webtensor runtime:
// each answers what the runtime API answers at the block asked for, in subtensor's JSON shapes, and stock @polkadot/api reaches the same APIs through api.call.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { ApiPromise, WsProvider } from '@polkadot/api'
import { u8aToHex } from '@polkadot/util'
import { cryptoWaitReady, decodeAddress } from '@polkadot/util-crypto'
import { Keyring } from '@polkadot/keyring'
import { createRuntime } from '../../../runtime/index.ts'
import { startTestDevnet, type TestDevnet } from '../../testing/devnetFixture.ts'

const T = 30_000
let net: TestDevnet
let api: ApiPromise
let alice: string

beforeAll(async () => {
  await cryptoWaitReady()
  net = await startTestDevnet({ runtime: createRuntime() as never })
  api = await ApiPromise.create({ provider: new WsProvider(net.devnet.url), noInitWarn: true, throwOnConnect: true })
  alice = new Keyring({ type: 'sr25519', ss58Format: 42 }).addFromUri('//Alice').address
}, 60_000)

afterAll(async () => {
  await api?.disconnect()
  await net?.client.close()
  await net?.devnet.close()
})

const hex = (bytes: number[]) => u8aToHex(Uint8Array.from(bytes))
const stateCall = (method: string, args: string, at?: string) => net.client.call<string>('state_call', at ? [method, args, at] : [method, args])
type Codec = { toU8a(): Uint8Array; toJSON(): unknown }
/** `api.call.<section>.<method>` with loose types (the sections come from our metadata at runtime). */
const call = (section: string, method: string, ...args: unknown[]) => (api.call as any)[section][method](...args) as Promise<Codec>

describe('subtensor RPC aliases', () => {
  test('swap_*: prices as JSON numbers, simulations as SCALE bytes; api.call agrees', async () => {
    const price = await net.client.call<number>('swap_currentAlphaPrice', [1])
    expect(price).toBe(Number((await call('swapRuntimeApi', 'currentAlphaPrice', 1)).toJSON()))
    expect(price).toBeGreaterThan(0)
    expect(await net.client.call('swap_currentAlphaPriceAll', [])).toEqual([
      { netuid: 0, price: 1_000_000_000 },
      { netuid: 1, price },
    ])
    const sim = await net.client.call<number[]>('swap_simSwapTaoForAlpha', [1, 1_000_000_000])
    expect(hex(sim)).toBe(u8aToHex((await call('swapRuntimeApi', 'simSwapTaoForAlpha', 1, 1_000_000_000)).toU8a()))
    expect(hex(sim)).toBe(await stateCall('SwapRuntimeApi_sim_swap_tao_for_alpha', '0x010000ca9a3b00000000'))
    const simAlpha = await net.client.call<number[]>('swap_simSwapAlphaForTao', [1, 1_000_000_000])
    expect(hex(simAlpha)).toBe(u8aToHex((await call('swapRuntimeApi', 'simSwapAlphaForTao', 1, 1_000_000_000)).toU8a()))
    expect((await call('swapRuntimeApi', 'simSwapAlphaForTao', 1, 1_000_000_000)).toJSON()).toMatchObject({ alphaFee: Math.floor((1e9 * 33) / 65535) })
  }, T)

  test('subnetInfo_*: dynamic info bytes at the best block or the one asked for; the lock cost as a number; the subnet account', async () => {
    const genesis = net.devnet.chain.genesisHash
    await net.devnet.newBlock()
    const best = await net.client.call<number[]>('subnetInfo_getDynamicInfo', [1])
    expect(hex(best)).toBe(await stateCall('SubnetInfoRuntimeApi_get_dynamic_info', '0x0100'))
    const dyn = await call('subnetInfoRuntimeApi', 'getDynamicInfo', 1)
    expect(hex(best)).toBe(u8aToHex(dyn.toU8a()))
    expect(dyn.toJSON()).toMatchObject({ netuid: 1, subnetName: [97, 112, 101, 120], blocksSinceLastStep: 1 })
    // at genesis the block number, and so blocks_since_last_step, differ
    const atGenesis = await net.client.call<number[]>('subnetInfo_getDynamicInfo', [1, genesis])
    expect(hex(atGenesis)).toBe(await stateCall('SubnetInfoRuntimeApi_get_dynamic_info', '0x0100', genesis))
    expect(hex(atGenesis)).not.toBe(hex(best))
    expect(await net.client.call('subnetInfo_getDynamicInfo', [77])).toEqual([0])
    const all = await net.client.call<number[]>('subnetInfo_getAllDynamicInfo', [null])
    expect(hex(all)).toBe(u8aToHex((await call('subnetInfoRuntimeApi', 'getAllDynamicInfo')).toU8a()))

    const cost = await net.client.call<number>('subnetInfo_getLockCost', [])
    expect(cost).toBe(Number((await call('subnetRegistrationRuntimeApi', 'getNetworkRegistrationCost')).toJSON()))
    expect(cost).toBeGreaterThan(0)

    const account = await net.client.call<number[]>('subnetInfo_getSubnetAccountId', [1])
    expect(hex(account)).toBe(`0x01${'6d6f646c7375627465' + '6e7372'}0100${'00'.repeat(18)}`)
    expect(await net.client.call('subnetInfo_getSubnetAccountId', [77])).toEqual([0])
  }, T)

  test('delegateInfo_* take the account as a byte array; stakeInfo_getColdkeyLock an SS58 address', async () => {
    expect(await net.client.call('delegateInfo_getDelegates', [])).toEqual(Array.from((await call('delegateInfoRuntimeApi', 'getDelegates')).toU8a()))
    const key = Array.from(decodeAddress(alice))
    // Alice's key is no delegate and has no stake: None and an empty list
    expect(await net.client.call('delegateInfo_getDelegate', [key])).toEqual([0])
    expect(await net.client.call('delegateInfo_getDelegated', [key, net.devnet.chain.genesisHash])).toEqual([0])
    expect(await net.client.call('delegateInfo_getDelegate', [u8aToHex(Uint8Array.from(key))])).toEqual([0])
    // no locks exist on the devnet
    expect(await net.client.call('stakeInfo_getColdkeyLock', [alice, 1])).toEqual([0])
  }, T)

  test('neuronInfo_*: the neurons of a subnet as SCALE bytes, as the runtime API and api.call answer them', async () => {
    const lite = await net.client.call<number[]>('neuronInfo_getNeuronsLite', [1])
    expect(hex(lite)).toBe(await stateCall('NeuronInfoRuntimeApi_get_neurons_lite', '0x0100'))
    const decoded = await call('neuronInfoRuntimeApi', 'getNeuronsLite', 1)
    expect(hex(lite)).toBe(u8aToHex(decoded.toU8a()))
    // genesis netuid 1: the zero account at uid 0, with the deprecated fields as subtensor answers them
    expect(decoded.toJSON()).toEqual([expect.objectContaining({ uid: 0, netuid: 1, rank: 0, trust: 0, pruningScore: 65_535 })])
    expect(hex(await net.client.call<number[]>('neuronInfo_getNeurons', [1]))).toBe(u8aToHex((await call('neuronInfoRuntimeApi', 'getNeurons', 1)).toU8a()))
    expect(hex(await net.client.call<number[]>('neuronInfo_getNeuron', [1, 0]))).toBe(await stateCall('NeuronInfoRuntimeApi_get_neuron', '0x01000000'))
    expect(hex(await net.client.call<number[]>('neuronInfo_getNeuronLite', [1, 0, null]))).toBe(u8aToHex((await call('neuronInfoRuntimeApi', 'getNeuronLite', 1, 0)).toU8a()))
    expect(await net.client.call('neuronInfo_getNeuron', [1, 5])).toEqual([0])
    expect(await net.client.call('neuronInfo_getNeurons', [77])).toEqual([0])
  }, T)

  test('subnetInfo_* metagraphs, subnet info, hyperparameters and state: the runtime API’s SCALE bytes', async () => {
    const same = async (rpc: string, params: unknown[], section: string, ...args: unknown[]) =>
      expect(hex(await net.client.call<number[]>(rpc, params)), rpc).toBe(u8aToHex((await call('subnetInfoRuntimeApi', section, ...args)).toU8a()))
    await same('subnetInfo_getMetagraph', [1], 'getMetagraph', 1)
    await same('subnetInfo_getAllMetagraphs', [], 'getAllMetagraphs')
    await same('subnetInfo_getMechagraph', [1, 0], 'getMechagraph', 1, 0)
    await same('subnetInfo_getAllMechagraphs', [], 'getAllMechagraphs')
    await same('subnetInfo_getSubnetState', [1], 'getSubnetState', 1)
    await same('subnetInfo_getSubnetInfo', [1], 'getSubnetInfo', 1)
    await same('subnetInfo_getSubnetsInfo', [], 'getSubnetsInfo')
    await same('subnetInfo_getSubnetInfo_v2', [1], 'getSubnetInfoV2', 1)
    await same('subnetInfo_getSubnetsInfo_v2', [], 'getSubnetsInfoV2')
    await same('subnetInfo_getSubnetHyperparams', [1], 'getSubnetHyperparams', 1)
    await same('subnetInfo_getSubnetHyperparamsV2', [1], 'getSubnetHyperparamsV2', 1)
    await same('subnetInfo_getSelectiveMetagraph', [1, [0, 8, 52]], 'getSelectiveMetagraph', 1, [0, 8, 52])
    await same('subnetInfo_getSelectiveMechagraph', [1, 0, [62]], 'getSelectiveMechagraph', 1, 0, [62])
    const meta = (await call('subnetInfoRuntimeApi', 'getMetagraph', 1)).toJSON() as Record<string, unknown>
    expect(meta).toMatchObject({ netuid: 1, numUids: 1, tempo: 100, hotkeys: [expect.any(String)] })
    const sel = (await call('subnetInfoRuntimeApi', 'getSelectiveMetagraph', 1, [0, 8])).toJSON() as Record<string, unknown>
    expect(Object.entries(sel).filter(([, v]) => v !== null)).toEqual([
      ['netuid', 1],
      ['tempo', 100],
    ])
    expect((await call('subnetInfoRuntimeApi', 'getNextEpochStartBlock', 1)).toJSON()).toEqual(expect.any(Number))
    expect(await net.client.call('subnetInfo_getMetagraph', [77])).toEqual([0])
    expect(await net.client.call('subnetInfo_getSubnetHyperparamsV2', [77])).toEqual([0])
    expect(await net.client.error('subnetInfo_getSelectiveMetagraph', [1, 'all'])).toMatchObject({ code: -32602 })
    expect(await net.client.error('subnetInfo_getMechagraph', [1, 300])).toMatchObject({ code: -32602 })
    const unknown = `0x${'55'.repeat(32)}`
    expect(await net.client.error('subnetInfo_getAllMetagraphs', [unknown])).toMatchObject({ code: 1, message: expect.stringMatching(/^Unable to get metagraps: UnknownBlock/) })
    expect(await net.client.error('neuronInfo_getNeuronsLite', [1, unknown])).toMatchObject({ code: 1, message: expect.stringMatching(/^Unable to get neurons lite info: UnknownBlock/) })
  }, T)

  test('refusals: bad params are -32602, short accounts and unknown blocks are code 1 with subtensor’s texts', async () => {
    expect(await net.client.error('swap_currentAlphaPrice', [70_000])).toMatchObject({ code: -32602 })
    expect(await net.client.error('swap_simSwapTaoForAlpha', [1, -5])).toMatchObject({ code: -32602 })
    expect(await net.client.error('stakeInfo_getColdkeyLock', ['5Grwva', 1])).toMatchObject({ code: -32602 })
    expect(await net.client.error('delegateInfo_getDelegate', ['nope'])).toMatchObject({ code: -32602 })
    expect(await net.client.error('delegateInfo_getDelegate', [[1, 2, 3]])).toEqual({
      code: 1,
      message: 'Unable to get delegates info: Error { cause: None, desc: "Not enough data to fill buffer" }',
    })
    const unknown = `0x${'55'.repeat(32)}`
    expect(await net.client.error('subnetInfo_getAllDynamicInfo', [unknown])).toEqual({
      code: 1,
      message: `Unable to get dynamic subnets info: UnknownBlock("Header was not found in the database: ${unknown}")`,
    })
    expect(await net.client.error('swap_currentAlphaPrice', [1, unknown])).toMatchObject({ code: 1, message: expect.stringMatching(/^Unable to get current alpha price: UnknownBlock/) })
    expect(await net.client.error('subnetInfo_getSubnetAccountId', [1, unknown])).toEqual({ code: 1, message: 'Subnet does not exist' })
  }, T)
})
