// transaction_v1_* and transactionWatch_v1_* over a real WebSocket against an in-process devnet on the webtensor runtime, with a transfer signed by @polkadot/api.
import '@polkadot/api-augment'
import { ApiPromise, WsProvider } from '@polkadot/api'
import { Keyring } from '@polkadot/keyring'
import type { KeyringPair } from '@polkadot/keyring/types'
import { cryptoWaitReady } from '@polkadot/util-crypto'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startDevnet, type Devnet } from '../../devnet.ts'
import type { Hex } from '../../chain/header.ts'
import { RpcClient, type Subscription } from '../../testing/rpcClient.ts'

const T = 30_000
const TAO = 1_000_000_000n

type WatchEvent = { event: string; block?: { hash: Hex; index: number } | null; error?: string }

let devnet: Devnet
let api: ApiPromise
let client: RpcClient
let alice: KeyringPair
let bob: KeyringPair

beforeAll(async () => {
  await cryptoWaitReady()
  devnet = await startDevnet({ tmp: true, manualSeal: true, rpcPort: 0, finalityDelayMs: 20 })
  api = await ApiPromise.create({ provider: new WsProvider(devnet.url), noInitWarn: true, throwOnConnect: true })
  client = await RpcClient.connect(devnet.url)
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 })
  alice = keyring.addFromUri('//Alice')
  bob = keyring.addFromUri('//Bob')
}, 60_000)

afterAll(async () => {
  await client?.close()
  await api?.disconnect()
  await devnet?.close()
})

function next(sub: Subscription<WatchEvent>, ms = 5_000): Promise<WatchEvent> {
  return Promise.race([sub.next(), new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no event within ${ms} ms`)), ms).unref())])
}

/** A signed transfer from Alice to Bob, as hex, nonce counted from the pool. */
async function transfer(amount: bigint): Promise<Hex> {
  const tx = api.tx.balances.transferKeepAlive(bob.address, amount)
  await tx.signAsync(alice)
  return tx.toHex() as Hex
}

describe('transactionWatch_v1', () => {
  test('a signed transfer goes validated → bestChainBlockIncluded → finalized', async () => {
    const before = (await api.query.system.account(bob.address)).data.free.toBigInt()
    const tx = await transfer(TAO)
    const sub = await client.subscribe<WatchEvent>('transactionWatch_v1_submitAndWatch', [tx])
    expect(await next(sub)).toEqual({ event: 'validated' })
    expect(await client.call('author_pendingExtrinsics')).toEqual([tx])

    const hash = await devnet.newBlock()
    const { block } = await client.call<{ block: { extrinsics: Hex[] } }>('chain_getBlock', [hash])
    const index = block.extrinsics.indexOf(tx)
    expect(index).toBeGreaterThan(0)
    expect(await next(sub)).toEqual({ event: 'bestChainBlockIncluded', block: { hash, index } })
    expect(await next(sub)).toEqual({ event: 'finalized', block: { hash, index } })
    expect((await api.query.system.account(bob.address)).data.free.toBigInt()).toBe(before + TAO)
    // The subscription ended with `finalized`.
    expect(await sub.unsubscribe('transactionWatch_v1_unwatch')).toBe(false)
  }, T)

  test('undecodable bytes and a resubmitted transaction are `invalid` events, not error answers; bad hex is -32602', async () => {
    const garbage = await client.subscribe<WatchEvent>('transactionWatch_v1_submitAndWatch', ['0x0102'])
    expect(await next(garbage)).toEqual({ event: 'invalid', error: expect.any(String) })

    const tx = await transfer(2n * TAO)
    const first = await client.subscribe<WatchEvent>('transactionWatch_v1_submitAndWatch', [tx])
    expect(await next(first)).toEqual({ event: 'validated' })
    const again = await client.subscribe<WatchEvent>('transactionWatch_v1_submitAndWatch', [tx])
    expect(await next(again)).toEqual({ event: 'invalid', error: 'Transaction Already Imported' })
    // Unwatching leaves the transaction in the pool.
    expect(await first.unsubscribe('transactionWatch_v1_unwatch')).toBe(true)
    expect(await client.call('author_pendingExtrinsics')).toEqual([tx])
    await devnet.newBlock()
    expect(await client.call('author_pendingExtrinsics')).toEqual([])

    expect(await client.error('transactionWatch_v1_submitAndWatch', ['nothex'])).toMatchObject({ code: -32602 })
  }, T)
})

describe('transaction_v1', () => {
  test('broadcast pools the transaction and answers an operation id; stop ends it once', async () => {
    const tx = await transfer(3n * TAO)
    const operationId = await client.call<string>('transaction_v1_broadcast', [tx])
    expect(typeof operationId).toBe('string')
    expect(await client.call('author_pendingExtrinsics')).toEqual([tx])
    // An invalid transaction is silently not broadcast, but still an operation.
    const invalid = await client.call<string>('transaction_v1_broadcast', ['0x0102'])
    expect(typeof invalid).toBe('string')
    expect(await client.call('author_pendingExtrinsics')).toEqual([tx])

    // Another connection cannot stop it.
    const other = await RpcClient.connect(devnet.url)
    try {
      expect(await other.error('transaction_v1_stop', [operationId])).toMatchObject({ code: -32602 })
    } finally {
      await other.close()
    }
    expect(await client.call('transaction_v1_stop', [operationId])).toBeNull()
    expect(await client.error('transaction_v1_stop', [operationId])).toMatchObject({ code: -32602 })
    expect(await client.call('transaction_v1_stop', [invalid])).toBeNull()
    expect(await client.error('transaction_v1_broadcast', ['0xz'])).toMatchObject({ code: -32602 })
    await devnet.newBlock()
    expect(await client.call('author_pendingExtrinsics')).toEqual([])
  }, T)
})
