// setWeights / commitWeights / revealWeights / getWeightsState against an in-process devnet: set_weights refused while commit-reveal is on,
// a commit made with the validator's hash reveals in the next epoch (not before), the weights then read back; bad input refused in words.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { setupSubnet, startTestChain, type TestChain } from '../testing/devnet.ts'
import { prepareTransaction } from '../internal/transaction.ts'
import type { Untyped } from '../internal/read.ts'
import { makeCommit } from '../../validator/commitReveal.ts'
import { commitWeights } from './commitWeights.ts'
import { getWeightsState } from './getWeightsState.ts'
import { revealWeights } from './revealWeights.ts'
import { setWeights } from './setWeights.ts'

let chain: TestChain
let netuid: number
let owner: Awaited<ReturnType<typeof setupSubnet>>['hotkeys'][number]

beforeAll(async () => {
  chain = await startTestChain()
  const subnet = await setupSubnet(chain, chain.alice, { name: 'weights', hotkeys: 2 })
  netuid = subnet.netuid
  owner = subnet.hotkeys[0]! // the owner hotkey may set weights without a permit
  const api = await chain.client.api
  const tx = api.tx as Untyped
  for (const call of [tx.adminUtils.sudoSetTempo(netuid, 10), tx.adminUtils.sudoSetWeightsSetRateLimit(netuid, 0)])
    await prepareTransaction(chain.client, api, { pallet: 'Sudo', name: 'sudo', args: {} }, tx.sudo.sudo(call)).send(chain.alice, { waitFor: 'inBlock' })
  await (await import('./transfer.ts')).transfer(chain.client, { to: owner.address, amount: 1_000_000_000n }).then((t) => t.send(chain.alice, { waitFor: 'inBlock' }))
}, 60_000)
afterAll(() => chain?.close())

describe('weights actions', () => {
  test('commit-reveal on: set_weights refused; commit, RevealTooEarly, then the reveal in the next epoch puts the weights on chain', async () => {
    const state = await getWeightsState(chain.client, { netuid, hotkey: owner.address })
    expect(state).toMatchObject({ netuid, uid: 0, tempo: 10, commitRevealEnabled: true, revealPeriodEpochs: 1, weightsSetRateLimit: 0, subnetN: 3, commits: [], weights: [] })
    await expect((await setWeights(chain.client, { netuid, uids: [1, 2], values: [1, 2] })).send(owner, { waitFor: 'inBlock' })).rejects.toMatchObject({ name: 'ExtrinsicFailedError', shortMessage: expect.stringContaining('CommitRevealEnabled') })

    // start from an epoch boundary, so the commit and the first reveal try land in the same epoch
    const sealTo = async (block: number) => (await chain.client.api).rpc('dev_newBlock' as never, { to: block } as never)
    await sealTo(state.lastEpochBlock + state.tempo)
    const commit = makeCommit(owner.address, { netuid, uids: [1, 2], values: [32768, 65535], versionKey: 0n }, [1, 2, 3, 4])
    await (await commitWeights(chain.client, { netuid, commitHash: commit.hash })).send(owner, { waitFor: 'inBlock' })
    const committed = await getWeightsState(chain.client, { netuid, hotkey: owner.address })
    expect(committed.epochIndex).toBe(state.epochIndex + 1)
    expect(committed.commits).toEqual([{ hash: commit.hash, epoch: committed.epochIndex, block: committed.block }])
    expect(committed.lastUpdate).toBe(committed.block)

    const reveal = () => revealWeights(chain.client, { netuid, uids: commit.uids, values: commit.values, salt: commit.salt, versionKey: 0n })
    await expect((await reveal()).send(owner, { waitFor: 'inBlock' })).rejects.toThrow(/RevealTooEarly|CommitBlockNotInRevealRange/)
    await sealTo(committed.lastEpochBlock + committed.tempo)
    await (await reveal()).send(owner, { waitFor: 'inBlock' })
    const after = await getWeightsState(chain.client, { netuid, hotkey: owner.address })
    expect(after.weights).toEqual([[1, 32768], [2, 65535]])
    expect(after.commits).toEqual([])
  }, 60_000)

  test('bad input is refused in words before anything is sent', async () => {
    await expect(setWeights(chain.client, { netuid, uids: [1, 1], values: [1, 2] })).rejects.toThrow('The uids "1" is not valid: a uid appears twice (the chain refuses DuplicateUids)')
    await expect(setWeights(chain.client, { netuid, uids: [1], values: [70_000] })).rejects.toThrow('The weights entry 0 "70000" is not valid: each entry is a whole number from 0 to 65535 (u16)')
    await expect(setWeights(chain.client, { netuid, uids: [1, 2], values: [1] })).rejects.toThrow('The weights "2 uids, 1 weights" is not valid: give one weight per uid')
    await expect(commitWeights(chain.client, { netuid, commitHash: '0x12' })).rejects.toThrow('The commit hash "0x12" is not valid: it must be 32 bytes as 0x-prefixed hex (64 hex digits)')
    await expect(revealWeights(chain.client, { netuid, uids: [1], values: [1], salt: [-1] })).rejects.toThrow('The salt entry 0 "-1" is not valid')
    await expect(getWeightsState(chain.client, { netuid, hotkey: 'nope' })).rejects.toThrow(/The hotkey "nope" is not a valid address/)
  })
})
