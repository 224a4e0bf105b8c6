// chainSpec_v1_* over a real WebSocket against an in-process devnet on the webtensor runtime.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startDevnet, type Devnet } from '../../devnet.ts'
import { RpcClient } from '../../testing/rpcClient.ts'

const T = 20_000
let devnet: Devnet
let client: RpcClient

beforeAll(async () => {
  devnet = await startDevnet({ tmp: true, manualSeal: true, rpcPort: 0 })
  client = await RpcClient.connect(devnet.url)
}, 60_000)

afterAll(async () => {
  await client?.close()
  await devnet?.close()
})

describe('chainSpec_v1_*', () => {
  test('name, genesis hash and properties', async () => {
    expect(await client.call('chainSpec_v1_chainName')).toBe('webtensor devnet')
    expect(await client.call('chainSpec_v1_genesisHash')).toBe(await client.call('chain_getBlockHash', [0]))
    expect(await client.call('chainSpec_v1_properties')).toEqual(await client.call('system_properties'))
    expect(await client.call('chainSpec_v1_properties')).toEqual({ ss58Format: 42, tokenDecimals: 9, tokenSymbol: 'TAO' })
  }, T)
})
