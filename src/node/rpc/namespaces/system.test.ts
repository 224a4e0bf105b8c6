// system_* and rpc_methods over a real WebSocket against the devnet on the fake runtime.
import { u8aToHex } from '@polkadot/util'
import { encodeAddress } from '@polkadot/util-crypto'
import { describe, expect, test } from 'vitest'
import { closeDevnetsAfterEach, startTestDevnet } from '../../testing/devnetFixture.ts'
import { fakeAccount, fakeTransaction } from '../../testing/fakeRuntime.ts'

const T = 20_000
closeDevnetsAfterEach()

describe('system_*', () => {
  test('the node and chain describe themselves as a lone development authority', async () => {
    const { devnet, client } = await startTestDevnet()
    expect(await client.call('system_name')).toBe('webtensor')
    expect(await client.call('system_version')).toMatch(/^\d+\.\d+\.\d+/)
    expect(await client.call('system_chain')).toBe('webtensor devnet')
    expect(await client.call('system_chainType')).toBe('Development')
    expect(await client.call('system_properties')).toEqual({ ss58Format: 42, tokenDecimals: 9, tokenSymbol: 'TAO' })
    expect(await client.call('system_health')).toEqual({ peers: 0, isSyncing: false, shouldHavePeers: false })
    expect(await client.call('system_nodeRoles')).toEqual(['Authority'])
    expect(await client.call('system_peers')).toEqual([])
    expect(await client.call('system_localListenAddresses')).toEqual([])
    expect(await client.call('system_localPeerId')).toMatch(/^12D3KooW[1-9A-HJ-NP-Za-km-z]{44}$/)
    await devnet.newBlock(3)
    expect(await client.call('system_syncState')).toEqual({ startingBlock: 0, currentBlock: 3, highestBlock: 3 })
  }, T)

  test('accountNextIndex takes SS58 or hex, adds the ready transactions to the state nonce, and refuses anything else', async () => {
    const { devnet, client } = await startTestDevnet()
    const sender = fakeAccount(7)
    const submit = (nonce: number) => client.call('author_submitExtrinsic', [u8aToHex(fakeTransaction({ sender, nonce, key: `k${nonce}`, value: 'v' }))])
    await submit(0)
    await devnet.newBlock()
    await submit(1)
    await submit(2)
    await submit(4) // a gap: future, not counted
    expect(await client.call('system_accountNextIndex', [encodeAddress(sender, 42)])).toBe(3)
    expect(await client.call('account_nextIndex', [encodeAddress(sender, 0)])).toBe(3)
    expect(await client.call('system_accountNextIndex', [u8aToHex(sender)])).toBe(3)
    expect(await client.error('system_accountNextIndex', ['5Grwva'])).toMatchObject({ code: -32602, data: expect.stringContaining('an SS58 address or a 32-byte 0x-hex account id') })
    expect(await client.error('system_accountNextIndex', ['0x1234'])).toMatchObject({ code: -32602 })
  }, T)

  test('rpc_methods lists every method, subscription and alias the node serves', async () => {
    const { client } = await startTestDevnet()
    const { methods } = await client.call<{ methods: string[] }>('rpc_methods')
    for (const name of [
      'chain_getBlockHash', 'chain_getHead', 'chain_getHeader', 'chain_getBlock', 'chain_getFinalizedHead', 'chain_getFinalisedHead',
      'chain_subscribeNewHeads', 'chain_subscribeNewHead', 'subscribe_newHead', 'chain_unsubscribeNewHeads', 'chain_unsubscribeNewHead', 'unsubscribe_newHead',
      'chain_subscribeAllHeads', 'chain_unsubscribeAllHeads', 'chain_subscribeFinalizedHeads', 'chain_subscribeFinalisedHeads', 'chain_unsubscribeFinalizedHeads',
      'state_getStorage', 'state_getStorageAt', 'state_getStorageHash', 'state_getStorageSize', 'state_getKeys', 'state_getPairs', 'state_getKeysPaged', 'state_getKeysPagedAt',
      'state_getReadProof', 'state_queryStorage', 'state_queryStorageAt', 'state_getMetadata', 'state_getRuntimeVersion', 'chain_getRuntimeVersion', 'state_call', 'state_callAt',
      'state_subscribeStorage', 'state_unsubscribeStorage', 'state_subscribeRuntimeVersion', 'state_unsubscribeRuntimeVersion',
      'author_submitExtrinsic', 'author_submitAndWatchExtrinsic', 'author_unwatchExtrinsic', 'author_pendingExtrinsics', 'author_removeExtrinsic',
      'system_name', 'system_version', 'system_chain', 'system_chainType', 'system_properties', 'system_health', 'system_accountNextIndex', 'account_nextIndex',
      'system_localPeerId', 'system_nodeRoles', 'system_syncState', 'payment_queryInfo', 'payment_queryFeeDetails',
      'dev_newBlock', 'dev_setStorage', 'dev_timeTravel', 'rpc_methods',
    ]) {
      expect(methods, name).toContain(name)
    }
    expect(methods).toEqual([...methods].sort())
  }, T)
})
