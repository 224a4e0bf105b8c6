// getEmissionHistory against a devnet whose subnet runs an epoch every 10 blocks: one entry per epoch, spaced by the tempo, the newest
// agreeing with the metagraph's Emission; a limit and a missing subnet.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { setupSubnet, startTestChain, type TestChain } from '../testing/devnet.ts'
import { prepareTransaction } from '../internal/transaction.ts'
import type { Untyped } from '../internal/read.ts'
import { addStakeLimit } from './addStakeLimit.ts'
import { getEmissionHistory } from './getEmissionHistory.ts'
import { getMetagraph } from './getMetagraph.ts'
import { SubnetNotFoundError } from '../errors/input.ts'
import { parseTao } from '../units.ts'

const TEMPO = 10
let chain: TestChain
let netuid: number

beforeAll(async () => {
  chain = await startTestChain()
  const subnet = await setupSubnet(chain, chain.alice, { name: 'emit', hotkeys: 2 })
  netuid = subnet.netuid
  await (await addStakeLimit(chain.client, { hotkey: subnet.hotkeys[1]!.address, netuid, amount: parseTao('2') })).send(chain.bob, { waitFor: 'inBlock' })
  const api = await chain.client.api
  const tx = api.tx as Untyped
  await prepareTransaction(chain.client, api, { pallet: 'Sudo', name: 'sudo', args: {} }, tx.sudo.sudo(tx.adminUtils.sudoSetTempo(netuid, TEMPO))).send(chain.alice, { waitFor: 'inBlock' })
  await chain.newBlocks(5 * TEMPO)
}, 60_000)
afterAll(() => chain?.close())

describe('getEmissionHistory', () => {
  test('one entry per epoch, oldest first, spaced by the tempo; the newest is the Σ of the metagraph emission', async () => {
    const { epochs, complete } = await getEmissionHistory(chain.client, { netuid, epochs: 100 })
    expect(complete).toBe(true)
    expect(epochs.length).toBeGreaterThanOrEqual(4)
    const recent = epochs.slice(-4)
    for (let i = 1; i < recent.length; i++) expect(recent[i]!.block - recent[i - 1]!.block).toBe(TEMPO)
    const newest = epochs.at(-1)!
    expect(newest.alpha).toBeGreaterThan(0n)
    expect(newest.recipients).toBeGreaterThan(0)
    const metagraph = await getMetagraph(chain.client, { netuid, at: newest.hash })
    expect(metagraph.neurons.reduce((sum, n) => sum + n.emission, 0n)).toBe(newest.alpha)
  })

  test('at most `epochs` entries, marked incomplete; a subnet that does not exist is refused', async () => {
    const { epochs, complete } = await getEmissionHistory(chain.client, { netuid, epochs: 2 })
    expect(epochs).toHaveLength(2)
    expect(complete).toBe(false)
    await expect(getEmissionHistory(chain.client, { netuid: 999 })).rejects.toThrowError(SubnetNotFoundError)
  })
})
