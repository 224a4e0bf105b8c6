// removeStakeLimit against a devnet: unstake with a −0.5 % floor and get τ back; asking for more than the position is the chain's refusal, in words.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { setupSubnet, startTestChain, type TestChain } from '../testing/devnet.ts'
import { addStakeLimit } from './addStakeLimit.ts'
import { removeStakeLimit } from './removeStakeLimit.ts'
import { getBalance } from './getBalance.ts'
import { getStakeInfo } from './getStakeInfo.ts'
import { ExtrinsicFailedError } from '../errors/extrinsic.ts'
import { InvalidAmountError } from '../errors/input.ts'
import { parseTao } from '../units.ts'

let chain: TestChain
let netuid: number
let hotkey: string
const stakeOf = async () => (await getStakeInfo(chain.client, { coldkey: chain.bob.address })).find((p) => p.hotkey === hotkey && p.netuid === netuid)?.stake ?? 0n

beforeAll(async () => {
  chain = await startTestChain()
  const subnet = await setupSubnet(chain, chain.alice, { name: 'unstake', hotkeys: 1 })
  netuid = subnet.netuid
  hotkey = subnet.hotkeys[1]!.address
  await (await addStakeLimit(chain.client, { hotkey, netuid, amount: parseTao('2') })).send(chain.bob, { waitFor: 'inBlock' })
}, 30_000)
afterAll(() => chain?.close())

describe('removeStakeLimit', () => {
  test('more than the position: ExtrinsicFailedError "Not enough stake to withdraw", and the position is unchanged', async () => {
    const before = await stakeOf()
    expect(before).toBeGreaterThan(0n)
    const tx = await removeStakeLimit(chain.client, { hotkey, netuid, amount: before + 1n })
    const error = (await tx.send(chain.bob).catch((e: unknown) => e)) as ExtrinsicFailedError
    expect(error).toBeInstanceOf(ExtrinsicFailedError)
    expect(error.pallet).toBe('SubtensorModule')
    expect(error.error).toBe('NotEnoughStakeToWithdraw')
    expect(error.shortMessage).toBe('Not enough stake to withdraw (SubtensorModule.NotEnoughStakeToWithdraw)')
    expect(error.metaMessages).toEqual(['Unstake at most the position shown for this hotkey and subnet.'])
    expect(await stakeOf()).toBe(before)
  })

  test('half the position at −0.5 %: the limit is price·0.995, τ comes back, the position halves', async () => {
    const before = await stakeOf()
    const free = (await getBalance(chain.client, { address: chain.bob.address })).free
    const tx = await removeStakeLimit(chain.client, { hotkey, netuid, amount: before / 2n, tolerance: 0.005 })
    expect(tx.limitPrice).toBe((tx.price * 995n + 999n) / 1000n)
    const result = await tx.send(chain.bob)
    expect(result.events.map((e) => `${e.pallet}.${e.name}`)).toContain('SubtensorModule.StakeRemoved')
    expect(await stakeOf()).toBe(before - before / 2n)
    expect((await getBalance(chain.client, { address: chain.bob.address })).free).toBeGreaterThan(free)
  })

  test('a negative amount is refused before anything is built', async () => {
    await expect(removeStakeLimit(chain.client, { hotkey, netuid, amount: -1n })).rejects.toThrowError(InvalidAmountError)
  })
})
