// The stake-moving writes against a devnet: move_stake between hotkeys, transfer_stake to another coldkey, swap_stake_limit onto another subnet with a −0.5 % ratio floor, and register_limit.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { KeyringPair } from '@polkadot/keyring/types'
import { liftNetworkRateLimit, setupSubnet, startTestChain, type TestChain } from '../testing/devnet.ts'
import { addStakeLimit } from './addStakeLimit.ts'
import { moveStake } from './moveStake.ts'
import { transferStake } from './transferStake.ts'
import { swapStakeLimit } from './swapStakeLimit.ts'
import { registerLimit } from './registerLimit.ts'
import { getAlphaPrice } from './getAlphaPrice.ts'
import { getStakeInfo } from './getStakeInfo.ts'
import { getRegistrationCost } from './getRegistrationCost.ts'
import { getMetagraph } from './getMetagraph.ts'
import { ExtrinsicFailedError } from '../errors/extrinsic.ts'
import { InvalidAddressError } from '../errors/input.ts'
import { RAO_PER_TAO, parseTao } from '../units.ts'

let chain: TestChain
let netuid: number
let hotkeys: KeyringPair[]
let other: number
const stake = async (coldkey: string, hotkey: string, on: number) =>
  (await getStakeInfo(chain.client, { coldkey })).find((p) => p.hotkey === hotkey && p.netuid === on)?.stake ?? 0n

beforeAll(async () => {
  chain = await startTestChain()
  ;({ netuid, hotkeys } = await setupSubnet(chain, chain.alice, { name: 'moves', hotkeys: 2 }))
  await (await addStakeLimit(chain.client, { hotkey: hotkeys[1]!.address, netuid, amount: parseTao('2') })).send(chain.alice, { waitFor: 'inBlock' })
  await liftNetworkRateLimit(chain)
  ;({ netuid: other } = await setupSubnet(chain, chain.bob, { name: 'other', hotkeys: 0 }))
}, 30_000)
afterAll(() => chain?.close())

describe('moving stake', () => {
  test('move_stake moves a third of the position from hotkey 1 to hotkey 2', async () => {
    const [h1, h2] = [hotkeys[1]!.address, hotkeys[2]!.address]
    const a1 = await stake(chain.alice.address, h1, netuid)
    const r = await (await moveStake(chain.client, { originHotkey: h1, destinationHotkey: h2, originNetuid: netuid, destinationNetuid: netuid, amount: a1 / 3n })).send(chain.alice)
    expect(r.events.map((e) => e.name)).toContain('StakeMoved')
    expect(await stake(chain.alice.address, h2, netuid)).toBeGreaterThan(0n)
    expect(await stake(chain.alice.address, h1, netuid)).toBeLessThan(a1)
  })

  test("transfer_stake gives part of hotkey 2's stake to Bob; a malformed coldkey is refused before sending", async () => {
    const h2 = hotkeys[2]!.address
    const mine = await stake(chain.alice.address, h2, netuid)
    await expect(transferStake(chain.client, { destinationColdkey: '5xyz', hotkey: h2, originNetuid: netuid, destinationNetuid: netuid, amount: 1n })).rejects.toThrowError(InvalidAddressError)
    await (await transferStake(chain.client, { destinationColdkey: chain.bob.address, hotkey: h2, originNetuid: netuid, destinationNetuid: netuid, amount: mine / 2n })).send(chain.alice)
    expect(await stake(chain.bob.address, h2, netuid)).toBeGreaterThan(0n)
    expect(await stake(chain.alice.address, h2, netuid)).toBeLessThan(mine)
  })

  test('swap_stake_limit: the limit is the origin/destination price ratio·0.995; the stake lands on the other subnet', async () => {
    const h1 = hotkeys[1]!.address
    const [p, q] = [await getAlphaPrice(chain.client, { netuid }), await getAlphaPrice(chain.client, { netuid: other })]
    const amount = (await stake(chain.alice.address, h1, netuid)) / 4n
    const tx = await swapStakeLimit(chain.client, { hotkey: h1, originNetuid: netuid, destinationNetuid: other, amount, tolerance: 0.005 })
    expect(tx.ratio).toBe((p.rao * RAO_PER_TAO) / q.rao)
    expect(tx.limitPrice).toBe((tx.ratio * 995n + 999n) / 1000n)
    const r = await tx.send(chain.alice)
    expect(r.events.map((e) => e.name)).toContain('StakeSwapped')
    expect(await stake(chain.alice.address, h1, other)).toBeGreaterThan(0n)
  })

  test('register_limit at the burn + 0.5 % registers a hotkey; a limit under the burn is refused in words', async () => {
    const newcomer = chain.keyring.addFromUri('//moves//hot//3').address
    const { burn } = await getRegistrationCost(chain.client, { netuid })
    const low = await registerLimit(chain.client, { netuid, hotkey: newcomer, limitPrice: burn! / 2n })
    await expect(low.send(chain.alice)).rejects.toThrowError('Registration price limit exceeded (SubtensorModule.RegistrationPriceLimitExceeded)')
    const ok = await registerLimit(chain.client, { netuid, hotkey: newcomer })
    expect(ok.limitPrice).toBe((ok.burn * 1005n) / 1000n)
    await ok.send(chain.alice)
    const { neurons } = await getMetagraph(chain.client, { netuid })
    expect(neurons.at(-1)!.hotkey).toBe(newcomer)
    expect(await registerLimit(chain.client, { netuid, hotkey: newcomer }).then((t) => t.send(chain.alice)).catch((e: unknown) => e)).toBeInstanceOf(ExtrinsicFailedError)
  })
})
