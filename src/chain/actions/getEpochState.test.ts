// getEpochState predicts the chain: the state read the block before an epoch, run through runEpoch, gives exactly the incentive and
// dividends the devnet's epoch then stores; and previewWeights shows a validator's new weights moving incentive where they point.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { runEpoch } from '../../runtime/epoch.ts'
import { previewWeights } from '../../validator/preview.ts'
import { setupSubnet, startTestChain, type TestChain } from '../testing/devnet.ts'
import { prepareTransaction } from '../internal/transaction.ts'
import type { Untyped } from '../internal/read.ts'
import { getMetagraph } from './getMetagraph.ts'
import { getEpochState } from './getEpochState.ts'
import { parseTao } from '../units.ts'

let chain: TestChain
let netuid: number
let hotkeys: Awaited<ReturnType<typeof setupSubnet>>['hotkeys']

beforeAll(async () => {
  chain = await startTestChain()
  ;({ netuid, hotkeys } = await setupSubnet(chain, chain.alice, { name: 'epochstate', hotkeys: 4 }))
  const api = await chain.client.api
  const tx = api.tx as Untyped
  const sudo = (call: unknown) => prepareTransaction(chain.client, api, { pallet: 'Sudo', name: 'sudo', args: {} }, tx.sudo.sudo(call)).send(chain.alice, { waitFor: 'inBlock' })
  await sudo(tx.adminUtils.sudoSetAdminFreezeWindow(0)) // else a 10-block tempo is all freeze window
  await sudo(tx.adminUtils.sudoSetTempo(netuid, 10))
  await sudo(tx.adminUtils.sudoSetCommitRevealWeightsEnabled(netuid, false))
  await sudo(tx.adminUtils.sudoSetWeightsSetRateLimit(netuid, 0))
  for (const [i, tao] of [[1, '100'], [2, '40']] as const) {
    await prepareTransaction(chain.client, api, { pallet: 'SubtensorModule', name: 'add_stake', args: {} }, tx.subtensorModule.addStake(hotkeys[i]!.address, netuid, parseTao(tao))).send(chain.bob, { waitFor: 'inBlock' })
  }
  await chain.newBlocks(12) // an epoch: UIDs 1 and 2 get permits
  // UID 1 weighs 3 and 4 as 3:1, UID 2 weighs 4 only
  await prepareTransaction(chain.client, api, { pallet: 'SubtensorModule', name: 'set_weights', args: {} }, tx.subtensorModule.setWeights(netuid, [3, 4], [65535, 21845], 0)).send(hotkeys[1]!, { waitFor: 'inBlock' })
  await prepareTransaction(chain.client, api, { pallet: 'SubtensorModule', name: 'set_weights', args: {} }, tx.subtensorModule.setWeights(netuid, [4], [65535], 0)).send(hotkeys[2]!, { waitFor: 'inBlock' })
}, 120_000)
afterAll(async () => chain?.close())

describe('getEpochState', () => {
  test('the state read before an epoch, run through runEpoch, is exactly what the chain stores after it', async () => {
    const before = await getEpochState(chain.client, { netuid })
    expect(before.state.neurons).toHaveLength(5)
    expect(before.state.weights[1]).toEqual([[3, 65535], [4, 21845]])
    const predicted = runEpoch(before.state, 1_000_000_000n)
    const blocksToGo = before.nextEpochBlock - before.metagraph.subnet.block
    expect(blocksToGo).toBeGreaterThan(0)
    await chain.newBlocks(blocksToGo)
    const after = await getMetagraph(chain.client, { netuid })
    expect(after.subnet.lastStep).toBe(before.nextEpochBlock)
    expect(after.neurons.map((n) => Math.round(n.incentive * 65535))).toEqual(predicted.incentive)
    expect(after.neurons.map((n) => Math.round(n.dividends * 65535))).toEqual(predicted.dividends)
    expect(predicted.incentive[3]).toBeGreaterThan(0)
  })

  test('previewWeights: UID 2 moving its weight from 4 to 3 raises 3’s incentive and lowers 4’s', async () => {
    const { state } = await getEpochState(chain.client, { netuid })
    const preview = previewWeights(state, 2, [[3, 65535]])
    const [three, four] = [preview.rows[3]!, preview.rows[4]!]
    expect(three.incentive[1]).toBeGreaterThan(three.incentive[0])
    expect(four.incentive[1]).toBeLessThan(four.incentive[0])
    expect(() => previewWeights(state, 9, [])).toThrow(/UID 9 is not on this subnet/)
    expect(() => previewWeights(state, 2, [[3, 70000]])).toThrow(/not a u16/)
  })
})
