// dev_* over a real WebSocket against the devnet on the fake runtime: blocks on demand, raw storage writes, and time travel.
import { stringToU8a, u8aToHex } from '@polkadot/util'
import { describe, expect, test } from 'vitest'
import type { HeaderJson, Hex } from '../../chain/header.ts'
import { closeDevnetsAfterEach, startTestDevnet } from '../../testing/devnetFixture.ts'
import { TIMESTAMP_NOW_KEY } from '../../testing/fakeRuntime.ts'

const T = 20_000
closeDevnetsAfterEach()

const hex = (text: string) => u8aToHex(stringToU8a(text)) as Hex
const u64le = (hexValue: string) => Buffer.from(hexValue.slice(2), 'hex').readBigUInt64LE(0)

describe('dev_*', () => {
  test('newBlock builds one, `count`, or up `to` a number, and returns the last hash', async () => {
    const { client } = await startTestDevnet()
    const one = await client.call<Hex>('dev_newBlock')
    expect(await client.call('chain_getBlockHash', [1])).toBe(one)
    const four = await client.call<Hex>('dev_newBlock', [{ count: 3 }])
    expect(await client.call('chain_getBlockHash', [4])).toBe(four)
    const ten = await client.call<Hex>('dev_newBlock', [{ to: 10 }])
    expect(await client.call('chain_getBlockHash', [])).toBe(ten)
    expect(await client.call<HeaderJson>('chain_getHeader')).toMatchObject({ number: '0xa' })
    expect(await client.error('dev_newBlock', [{ to: 3 }])).toEqual({ code: 1, message: 'block #3 is not after the best block #10' })
    expect(await client.error('dev_newBlock', [{ count: 0 }])).toEqual({ code: 1, message: 'the number of blocks must be between 1 and 10000, got 0' })
    expect(await client.error('dev_newBlock', [{ count: 1, transactions: [] }])).toMatchObject({ code: -32602, data: expect.stringContaining('does not support transactions') })
  }, T)

  test('setStorage writes raw pairs in a new block on the best one and returns its hash', async () => {
    const { devnet, client } = await startTestDevnet()
    const hash = await client.call<Hex>('dev_setStorage', [[[hex('dev:a'), '0x0102'], [hex('dev:b'), null]]])
    expect(hash).toBe(devnet.chain.head().hash)
    expect(await client.call('state_getStorage', [hex('dev:a'), hash])).toBe('0x0102')
    const next = await client.call<Hex>('dev_setStorage', [[[hex('dev:a'), null]], hash])
    expect(await client.call('state_getStorage', [hex('dev:a')])).toBeNull()
    expect(await client.error('dev_setStorage', [[[hex('dev:a'), '0x01']], hash])).toEqual({
      code: 1,
      message: `dev_setStorage writes on top of the best block ${next}; ${hash} is not it`,
    })
    expect(await client.error('dev_setStorage', [{ System: { Account: [] } }])).toMatchObject({ code: -32602, data: expect.stringContaining('pallet objects are not supported') })
    expect(await client.error('dev_setStorage', [[['0x', '0x01']]])).toMatchObject({ code: -32602 })
  }, T)

  test('timeTravel sets the time of the next blocks (date string or ms) and refuses to go back', async () => {
    const { client } = await startTestDevnet()
    const target = Date.UTC(2030, 5, 1)
    expect(await client.call('dev_timeTravel', ['2030-06-01T00:00:00Z'])).toBe(target)
    await client.call('dev_newBlock')
    const now = u64le(await client.call<string>('state_getStorage', [TIMESTAMP_NOW_KEY]))
    expect(now >= BigInt(target)).toBe(true)
    expect(await client.error('dev_timeTravel', [Date.UTC(2029, 0, 1)])).toMatchObject({ code: 1, message: expect.stringContaining('cannot travel back') })
    expect(await client.error('dev_timeTravel', ['not a date'])).toMatchObject({ code: -32602 })
  }, T)
})
