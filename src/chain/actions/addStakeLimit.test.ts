// addStakeLimit against a devnet: a started subnet, stake with a 0.5 % limit through the whole lifecycle, the position read back; bad input refused before sending.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { setupSubnet, startTestChain, type TestChain } from '../testing/devnet.ts'
import { addStakeLimit } from './addStakeLimit.ts'
import { getAlphaPrice } from './getAlphaPrice.ts'
import { getBalance } from './getBalance.ts'
import { getStakeInfo } from './getStakeInfo.ts'
import { InsufficientBalanceError, InvalidAddressError, InvalidAmountError, InvalidToleranceError } from '../errors/input.ts'
import { ExtrinsicFailedError } from '../errors/extrinsic.ts'
import type { TransactionStatus } from '../internal/transaction.ts'
import { RAO_PER_TAO, parseTao } from '../units.ts'

let chain: TestChain
let netuid: number
let validator: string

beforeAll(async () => {
  chain = await startTestChain()
  const subnet = await setupSubnet(chain, chain.alice, { name: 'stake', hotkeys: 1 })
  netuid = subnet.netuid
  validator = subnet.hotkeys[1]!.address
}, 30_000)
afterAll(() => chain?.close())

describe('addStakeLimit', () => {
  test('stakes 2 τ at +0.5 %: signing → ready → inBlock → finalized, StakeAdded, and the position in getStakeInfo', async () => {
    const { client, alice } = chain
    const { rao: price } = await getAlphaPrice(client, { netuid })
    const balanceBefore = await getBalance(client, { address: alice.address })
    const tx = await addStakeLimit(client, { hotkey: validator, netuid, amount: parseTao('2'), tolerance: 0.005 })
    expect(tx.price).toBe(price)
    expect(tx.limitPrice).toBe((price * 1005n) / 1000n)
    expect(tx.call).toEqual({ pallet: 'SubtensorModule', name: 'add_stake_limit', args: { hotkey: validator, netuid, amountStaked: 2n * RAO_PER_TAO, limitPrice: tx.limitPrice, allowPartial: false } })

    const statuses: TransactionStatus['type'][] = []
    const result = await tx.send(alice, { onStatus: (s) => statuses.push(s.type) })
    expect(statuses).toEqual(['signing', 'ready', 'inBlock', 'finalized'])
    expect(result.status).toBe('finalized')
    const added = result.events.find((e) => e.pallet === 'SubtensorModule' && e.name === 'StakeAdded')!
    expect(added.data[0]).toBe(alice.address)
    expect(added.data[1]).toBe(validator)

    const positions = await getStakeInfo(client, { coldkey: alice.address })
    const position = positions.find((p) => p.hotkey === validator && p.netuid === netuid)!
    expect(position).toMatchObject({ coldkey: alice.address, isRegistered: true })
    expect(position.stake).toBe(BigInt(added.data[3] as number))
    expect(position.stake).toBeGreaterThan(0n)
    // paid 2 τ plus the fee
    const balanceAfter = await getBalance(client, { address: alice.address })
    expect(balanceBefore.free - balanceAfter.free).toBeGreaterThanOrEqual(2n * RAO_PER_TAO)
    expect((await getAlphaPrice(client, { netuid })).rao).toBeLessThanOrEqual(tx.limitPrice)
  })

  test('100 τ cannot fill within +0.5 %: the chain refuses with SlippageTooHigh, in words', async () => {
    const tx = await addStakeLimit(chain.client, { hotkey: validator, netuid, amount: parseTao('100'), tolerance: 0.005 })
    const statuses: TransactionStatus[] = []
    const error = await tx.send(chain.alice, { onStatus: (s) => statuses.push(s) }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ExtrinsicFailedError)
    expect((error as ExtrinsicFailedError).shortMessage).toBe('Slippage too high (SubtensorModule.SlippageTooHigh)')
    expect(statuses.at(-1)).toEqual({ type: 'failed', error })
  })

  test('a malformed hotkey, a zero amount, a bad tolerance and an amount beyond the balance are refused before anything is signed', async () => {
    const { client, alice, keyring } = chain
    await expect(addStakeLimit(client, { hotkey: '5Grw-not-an-address', netuid, amount: 1n })).rejects.toBeInstanceOf(InvalidAddressError)
    await expect(addStakeLimit(client, { hotkey: validator, netuid, amount: 0n })).rejects.toBeInstanceOf(InvalidAmountError)
    await expect(addStakeLimit(client, { hotkey: validator, netuid, amount: 1n, tolerance: 1.5 })).rejects.toBeInstanceOf(InvalidToleranceError)
    // a fresh account has nothing: refused in preflight, no signing status reported
    const poor = keyring.addFromUri('//nobody//poor')
    const statuses: string[] = []
    const tx = await addStakeLimit(client, { hotkey: validator, netuid, amount: parseTao('1') })
    const error = await tx.send(poor, { onStatus: (s) => statuses.push(s.type) }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(InsufficientBalanceError)
    expect(statuses).toEqual(['failed'])
    expect((await getStakeInfo(client, { coldkey: poor.address })).length).toBe(0)
    expect((await getBalance(client, { address: alice.address })).free).toBeGreaterThan(0n)
  })
})
