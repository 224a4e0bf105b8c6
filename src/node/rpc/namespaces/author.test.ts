// author_* over a real WebSocket against the devnet on the fake runtime: watched statuses, pending and removed extrinsics, and every refusal with Substrate's code, message and data.
import { u8aToHex } from '@polkadot/util'
import { blake2AsHex } from '@polkadot/util-crypto'
import { describe, expect, test } from 'vitest'
import type { Hex } from '../../chain/header.ts'
import { closeDevnetsAfterEach, startTestDevnet } from '../../testing/devnetFixture.ts'
import { FAKE_MODE, fakeAccount, fakeTransaction, type FakeTransaction } from '../../testing/fakeRuntime.ts'

const T = 20_000
closeDevnetsAfterEach()

const alice = fakeAccount(1)
const xt = (t: Partial<FakeTransaction> & { nonce: number }) => u8aToHex(fakeTransaction({ sender: alice, key: 'greeting', value: 'hello', ...t }))
const isFinal = (status: unknown) => typeof status === 'object' && status !== null && 'finalized' in status

describe('author_*', () => {
  test('submitAndWatch reports ready → inBlock → finalized (instant seal), then ends the subscription', async () => {
    const { devnet, client } = await startTestDevnet({ instantSeal: true, finalityDelayMs: 50 })
    const sub = await client.subscribe('author_submitAndWatchExtrinsic', [xt({ nonce: 0 })])
    const statuses = [await sub.next()]
    while (!isFinal(statuses.at(-1))) statuses.push(await sub.next())
    const block = devnet.chain.head().hash
    expect(statuses).toEqual(['ready', { inBlock: block }, { finalized: block }])
    // The watch ended with the terminal status: unwatching finds nothing.
    expect(await sub.unsubscribe('author_unwatchExtrinsic')).toBe(false)
    const body = await client.call<{ block: { extrinsics: string[] } }>('chain_getBlock', [block])
    expect(body.block.extrinsics[1]).toBe(xt({ nonce: 0 }))
  }, T)

  test('a nonce gap is future until filled; submitExtrinsic returns the hash; pending lists ready ones; accountNextIndex counts them', async () => {
    const { devnet, client } = await startTestDevnet()
    const later = await client.subscribe('author_submitAndWatchExtrinsic', [xt({ nonce: 1, value: 'second' })])
    expect(await later.next()).toBe('future')
    expect(await client.call('author_pendingExtrinsics')).toEqual([])
    const hash = await client.call('author_submitExtrinsic', [xt({ nonce: 0 })])
    expect(hash).toBe(blake2AsHex(fakeTransaction({ sender: alice, key: 'greeting', value: 'hello', nonce: 0 }), 256))
    expect(await later.next()).toBe('ready')
    expect(await client.call('author_pendingExtrinsics')).toEqual([xt({ nonce: 0 }), xt({ nonce: 1, value: 'second' })])
    expect(await client.call('system_accountNextIndex', [u8aToHex(alice)])).toBe(2)
    const block = await devnet.newBlock()
    expect(await later.next()).toEqual({ inBlock: block })
    expect(await later.next()).toEqual({ finalized: block })
    expect(await client.call('author_pendingExtrinsics')).toEqual([])
  }, T)

  test('a higher-priority replacement usurps the watched transaction; removeExtrinsic drops and reports it', async () => {
    const { client } = await startTestDevnet()
    const first = await client.subscribe('author_submitAndWatchExtrinsic', [xt({ nonce: 0, priority: 1 })])
    expect(await first.next()).toBe('ready')
    const winner = await client.call<Hex>('author_submitExtrinsic', [xt({ nonce: 0, priority: 2, value: 'winner' })])
    expect(await first.next()).toEqual({ usurped: winner })

    const other = await client.subscribe('author_submitAndWatchExtrinsic', [xt({ nonce: 1 })])
    expect(await other.next()).toBe('ready')
    const removed = await client.call('author_removeExtrinsic', [[{ extrinsic: xt({ nonce: 1 }) }, { hash: `0x${'00'.repeat(32)}` }, { hash: winner }]])
    expect(removed).toEqual([blake2AsHex(fakeTransaction({ sender: alice, key: 'greeting', value: 'hello', nonce: 1 }), 256), winner])
    expect(await other.next()).toBe('invalid')
    expect(await client.error('author_removeExtrinsic', [[{ nonsense: 1 }]])).toMatchObject({ code: -32602 })
  }, T)

  test('refusals: 1001 format, 1002 runtime failure, 1010 invalid, 1011 unknown, 1012 banned, 1013 imported, 1014 priority', async () => {
    const { devnet, client } = await startTestDevnet()
    expect(await client.error('author_submitExtrinsic', ['0x1034'])).toEqual({
      code: 1001,
      message: "Extrinsic has invalid format: the extrinsic's length prefix says 4 bytes, but 1 follow it",
    })
    expect(await client.error('author_submitExtrinsic', ['0x0c010203'])).toMatchObject({ code: 1001, message: expect.stringMatching(/^Extrinsic has invalid format: Could not decode/) })
    expect(await client.error('author_submitExtrinsic', [xt({ nonce: 0, mode: FAKE_MODE.validationThrows })])).toEqual({
      code: 1002,
      message: 'Verification Error: the fake runtime was told to fail',
      data: 'the fake runtime was told to fail',
    })
    const unpayable = xt({ nonce: 0, mode: FAKE_MODE.unpayable })
    expect(await client.error('author_submitExtrinsic', [unpayable])).toEqual({ code: 1010, message: 'Invalid Transaction', data: 'Inability to pay some fees (e.g. account balance too low)' })
    expect(await client.error('author_submitExtrinsic', [unpayable])).toEqual({ code: 1012, message: 'Transaction is temporarily banned' })
    expect(await client.error('author_submitExtrinsic', [xt({ nonce: 0, mode: FAKE_MODE.unknown })])).toEqual({ code: 1011, message: 'Unknown Transaction Validity', data: 'CannotLookup' })

    const hash = await client.call('author_submitExtrinsic', [xt({ nonce: 0 })])
    expect(await client.error('author_submitExtrinsic', [xt({ nonce: 0 })])).toEqual({ code: 1013, message: 'Transaction Already Imported', data: hash })
    expect(await client.error('author_submitExtrinsic', [xt({ nonce: 0, value: 'rival' })])).toEqual({
      code: 1014,
      message: 'Priority is too low: (1 vs 1)',
      data: 'The transaction has too low priority to replace another transaction already in the pool.',
    })
    await devnet.newBlock()
    expect(await client.error('author_submitExtrinsic', [xt({ nonce: 0 })])).toEqual({ code: 1012, message: 'Transaction is temporarily banned' })
    expect(await client.error('author_submitExtrinsic', [xt({ nonce: 0, value: 'again' })])).toEqual({ code: 1010, message: 'Invalid Transaction', data: 'Transaction is outdated' })
    // A refused watch is refused as a call: no subscription is made.
    expect(await client.error('author_submitAndWatchExtrinsic', [xt({ nonce: 0, value: 'once more' })])).toMatchObject({ code: 1010 })
    expect(await client.error('author_submitExtrinsic', ['not hex'])).toMatchObject({ code: -32602 })
    // Nothing refused changed the chain or the pool.
    expect(await client.call('author_pendingExtrinsics')).toEqual([])
    expect(await client.call('system_accountNextIndex', [u8aToHex(alice)])).toBe(1)
  }, T)

  test('1016 when the pool is full of better transactions', async () => {
    const { client } = await startTestDevnet({ poolLimits: { maxCount: 1, maxBytes: 1 << 20 } })
    await client.call('author_submitExtrinsic', [xt({ nonce: 0, priority: 5 })])
    expect(await client.error('author_submitExtrinsic', [u8aToHex(fakeTransaction({ sender: fakeAccount(2), nonce: 0, key: 'k', priority: 1 }))])).toEqual({
      code: 1016,
      message: 'Immediately Dropped',
      data: "The transaction couldn't enter the pool because of the limit",
    })
  }, T)

  test('a transaction pushed out of a full pool by a better one is reported dropped', async () => {
    const { client } = await startTestDevnet({ poolLimits: { maxCount: 1, maxBytes: 1 << 20 } })
    const weak = await client.subscribe('author_submitAndWatchExtrinsic', [xt({ nonce: 0, priority: 1 })])
    expect(await weak.next()).toBe('ready')
    await client.call('author_submitExtrinsic', [u8aToHex(fakeTransaction({ sender: fakeAccount(2), nonce: 0, key: 'k', priority: 9 }))])
    expect(await weak.next()).toBe('dropped')
  }, T)
})
