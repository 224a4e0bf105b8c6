// getSubnets and the pool reads against a devnet: the new subnet with its name, price, pool, tempo and next epoch, burn and neurons; dynamic info, price, registration cost, simulated swaps and delegates agree.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { setupSubnet, startTestChain, type TestChain } from '../testing/devnet.ts'
import { addStakeLimit } from './addStakeLimit.ts'
import { getSubnets } from './getSubnets.ts'
import { getDynamicInfo } from './getDynamicInfo.ts'
import { getAlphaPrice } from './getAlphaPrice.ts'
import { getRegistrationCost } from './getRegistrationCost.ts'
import { simSwapTaoForAlpha } from './simSwapTaoForAlpha.ts'
import { simSwapAlphaForTao } from './simSwapAlphaForTao.ts'
import { getDelegates } from './getDelegates.ts'
import { SubnetNotFoundError } from '../errors/input.ts'
import { RAO_PER_TAO, parseTao } from '../units.ts'

let chain: TestChain
let netuid: number
let validator: string

beforeAll(async () => {
  chain = await startTestChain()
  const subnet = await setupSubnet(chain, chain.alice, { name: 'pools', hotkeys: 2 })
  netuid = subnet.netuid
  validator = subnet.hotkeys[1]!.address
  await (await addStakeLimit(chain.client, { hotkey: validator, netuid, amount: parseTao('1') })).send(chain.bob, { waitFor: 'inBlock' })
}, 30_000)
afterAll(() => chain?.close())

describe('getSubnets', () => {
  test('every subnet at one block; the new one with its pool, price, schedule, burn, neurons and owner', async () => {
    const { block, subnets } = await getSubnets(chain.client, { at: 'best' })
    expect(subnets.map((s) => s.netuid)).toEqual([0, 1, netuid])
    const s = subnets.find((x) => x.netuid === netuid)!
    const dynamic = await getDynamicInfo(chain.client, { netuid, at: block.hash })
    expect(s).toMatchObject({ ...dynamic, neurons: 3, maxNeurons: 256, owner: { coldkey: chain.alice.address } })
    expect(s.price).toEqual({ rao: (await getAlphaPrice(chain.client, { netuid, at: block.hash })).rao, tao: s.price.tao })
    expect(s.price.tao).toBeCloseTo(Number(s.price.rao) / 1e9, 9)
    expect(s.registrationCost).toBe((await getRegistrationCost(chain.client, { netuid, at: block.hash })).burn)
    expect(s.nextEpochBlock).toBeGreaterThan(block.number)
    expect(s.blocksToNextEpoch).toBe(s.nextEpochBlock! - block.number)
    expect(s.blocksToNextEpoch).toBeLessThanOrEqual(s.tempo)
    expect(s.emissionShare).toBeGreaterThanOrEqual(0)
    expect(s.name).not.toBe('')
    expect(s.symbol).not.toBe('')
    expect(s.taoIn).toBeGreaterThan(0n)
    expect(s.alphaIn).toBeGreaterThan(0n)
    // root: price 1 τ per τ, no emission share
    expect(subnets[0]).toMatchObject({ netuid: 0, price: { rao: RAO_PER_TAO, tao: 1 }, emissionShare: 0 })
  })

  test('getDynamicInfo refuses a missing subnet; getRegistrationCost also gives the network lock cost', async () => {
    await expect(getDynamicInfo(chain.client, { netuid: 999 })).rejects.toThrowError(SubnetNotFoundError)
    const { burn, networkLockCost } = await getRegistrationCost(chain.client)
    expect(burn).toBeUndefined()
    expect(networkLockCost).toBeGreaterThan(0n)
  })

  test('simulated swaps: buying α for 10 τ gets less than the spot price would, selling it back gets less τ; nothing changes on chain', async () => {
    const price = await getAlphaPrice(chain.client, { netuid })
    const buy = await simSwapTaoForAlpha(chain.client, { netuid, tao: 10n * RAO_PER_TAO })
    expect(buy.spotPrice).toBe(price.rao)
    expect(buy.alphaAmount).toBeGreaterThan(0n)
    expect(buy.alphaAmount).toBeLessThan((10n * RAO_PER_TAO * RAO_PER_TAO) / price.rao)
    expect(buy.priceImpact).toBeGreaterThan(0)
    expect(buy.priceImpact).toBeLessThan(0.05)
    const sell = await simSwapAlphaForTao(chain.client, { netuid, alpha: buy.alphaAmount })
    expect(sell.taoAmount).toBeLessThan(10n * RAO_PER_TAO)
    expect((await getAlphaPrice(chain.client, { netuid })).rao).toBe(price.rao)
  })

  test('getDelegates: the staked hotkey is a delegate with Bob among its nominators', async () => {
    const delegates = await getDelegates(chain.client)
    const d = delegates.find((x) => x.hotkey === validator)!
    expect(d.owner).toBe(chain.alice.address)
    expect(d.take).toBeGreaterThanOrEqual(0)
    expect(d.take).toBeLessThan(1)
    expect(d.registrations).toContain(netuid)
    expect(d.nominators.find((n) => n.coldkey === chain.bob.address)).toBeDefined()
  })
})
