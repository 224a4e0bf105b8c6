// getMetagraph against a devnet: one runtime call gives a row per UID (hotkeys, coldkeys, stake, permits, registration), the header and hyperparameters; getNeuronsLite agrees.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { setupSubnet, startTestChain, type TestChain } from '../testing/devnet.ts'
import type { KeyringPair } from '@polkadot/keyring/types'
import { addStakeLimit } from './addStakeLimit.ts'
import { decodeMetagraph, getMetagraph } from './getMetagraph.ts'
import { transfer } from './transfer.ts'
import { prepareTransaction } from '../internal/transaction.ts'
import { readAt, runtimeCallBytes, type Untyped } from '../internal/read.ts'
import { getNeuronsLite } from './getNeuronsLite.ts'
import { SubnetNotFoundError } from '../errors/input.ts'
import { parseTao } from '../units.ts'

let chain: TestChain
let netuid: number
let hotkeys: KeyringPair[]

beforeAll(async () => {
  chain = await startTestChain()
  ;({ netuid, hotkeys } = await setupSubnet(chain, chain.alice, { name: 'graph', hotkeys: 3 }))
  await (await addStakeLimit(chain.client, { hotkey: hotkeys[1]!.address, netuid, amount: parseTao('2') })).send(chain.bob, { waitFor: 'inBlock' })
}, 30_000)
afterAll(() => chain?.close())

describe('getMetagraph', () => {
  test("a row per UID in UID order, with the subnet's hotkeys, owner coldkey, stake and registration blocks", async () => {
    const { subnet, hyperparameters, neurons, blockHash } = await getMetagraph(chain.client, { netuid, at: 'best' })
    expect(blockHash).toMatch(/^0x[0-9a-f]{64}$/)
    expect(neurons.map((n) => n.uid)).toEqual([0, 1, 2, 3])
    expect(neurons.map((n) => n.hotkey)).toEqual(hotkeys.map((h) => h.address))
    expect(neurons.every((n) => n.coldkey === chain.alice.address)).toBe(true)
    // Bob's stake sits on UID 1
    expect(neurons[1]!.alphaStake).toBeGreaterThan(0n)
    expect(neurons[2]!.alphaStake).toBe(0n)
    expect(neurons[1]!.totalStake).toBeGreaterThanOrEqual(neurons[1]!.alphaStake)
    for (const n of neurons) {
      expect(n.blockAtRegistration).toBeGreaterThan(0)
      expect(n.blockAtRegistration).toBeLessThanOrEqual(subnet.block)
      expect(n.immunityLeft).toBe(n.blockAtRegistration + hyperparameters.immunityPeriod - subnet.block)
      expect(n).toMatchObject({ incentive: 0, consensus: 0, dividends: 0, emission: 0n, axon: undefined })
      expect(typeof n.active).toBe('boolean')
      expect(typeof n.validatorPermit).toBe('boolean')
    }
    expect(subnet).toMatchObject({ netuid, numUids: 4, tempo: 360, owner: { hotkey: hotkeys[0]!.address, coldkey: chain.alice.address } })
    expect(subnet.name.length).toBeGreaterThan(0)
    expect(subnet.taoIn).toBeGreaterThan(0n)
    expect(subnet.burn).toBeGreaterThan(0n)
    expect(hyperparameters).toMatchObject({ kappa: 32767, registrationAllowed: true })
    expect(hyperparameters.maxValidators).toBeGreaterThan(0)
  })

  test('getNeuronsLite lists the same hotkeys, with the stake behind UID 1', async () => {
    const lite = await getNeuronsLite(chain.client, { netuid })
    expect(lite.map((n) => n.hotkey)).toEqual(hotkeys.map((h) => h.address))
    expect(lite[1]!.stake[0]!.amount).toBeGreaterThan(0n)
    expect(lite[0]!.validatorTrust).toBe(0)
  })

  test('read from the bytes as @polkadot/types decodes them: an identity, a served axon, stake', async () => {
    const api = await chain.client.api
    const tx = api.tx as Untyped
    const send = (name: string, extrinsic: Untyped, signer: KeyringPair) => prepareTransaction(chain.client, api, { pallet: 'SubtensorModule', name, args: {} }, extrinsic).send(signer, { waitFor: 'inBlock' })
    const identity = ['graph', 'https://github.com/x/graph', 'c@x.org', 'https://x.org', 'x#1', 'a graph', 'https://x.org/logo.png', '+']
    await send('set_subnet_identity', tx.subtensorModule.setSubnetIdentity(netuid, ...identity), chain.alice)
    await (await transfer(chain.client, { to: hotkeys[2]!.address, amount: parseTao('1') })).send(chain.bob, { waitFor: 'inBlock' })
    await send('serve_axon', tx.subtensorModule.serveAxon(netuid, 7, 0x01020304, 8091, 4, 0, 0, 0), hotkeys[2]!)

    const { hash } = await readAt(chain.client, 'best')
    const { bytes, type } = await runtimeCallBytes(api, 'subnetInfoRuntimeApi', 'getMetagraph', [netuid], hash)
    const viaCodecs = decodeMetagraph(api.registry.createTypeUnsafe<Untyped>(type, [bytes]).unwrap())
    const metagraph = await getMetagraph(chain.client, { netuid, at: hash })
    expect(metagraph).toEqual({ blockHash: hash, ...viaCodecs })
    expect(metagraph.subnet.identity).toMatchObject({ name: 'graph', url: 'https://x.org', additional: '+' })
    expect(metagraph.neurons[2]!.axon).toMatchObject({ ip: '1.2.3.4', port: 8091, ipType: 4, version: 7 })
    expect(metagraph.neurons[1]!.alphaStake).toBeGreaterThan(0n)
    // at the best block: the hash reported is the block the metagraph was computed at
    const best = await getMetagraph(chain.client, { netuid, at: 'best' })
    expect(best.subnet.block).toBe((await api.rpc.chain.getHeader(best.blockHash)).number.toNumber())
  })

  test('a block before the subnet existed, and a netuid that never existed, are SubnetNotFoundError', async () => {
    await expect(getMetagraph(chain.client, { netuid, at: 0 })).rejects.toThrowError(SubnetNotFoundError)
    await expect(getMetagraph(chain.client, { netuid: 77 })).rejects.toThrowError('Subnet 77 does not exist')
  })
})
