// The client: refusing a chain without SubtensorModule, reading units from chain properties, following the node's status, and failing fast while it is away.
import { describe, expect, test } from 'vitest'
import { startDevnet } from '../node/devnet.ts'
import { assertSubtensorChain, createChainClient, type ChainStatus } from './client.ts'
import { NotASubtensorChainError, ChainDisconnectedError, ClientClosedError } from './errors/transport.ts'
import { getBalance } from './actions/getBalance.ts'

describe('assertSubtensorChain', () => {
  test('accepts metadata with SubtensorModule', () => {
    expect(() => assertSubtensorChain({ pallets: ['System', 'Balances', 'SubtensorModule', 'Swap'], url: 'ws://127.0.0.1:9944' })).not.toThrow()
  })

  test('refuses a chain without it, naming the chain and what to do', () => {
    const check = () => assertSubtensorChain({ pallets: ['System', 'Balances', 'Staking'], url: 'wss://rpc.polkadot.io', chain: 'Polkadot' })
    expect(check).toThrowError(NotASubtensorChainError)
    expect(check).toThrowErrorMatchingInlineSnapshot(`
      [NotASubtensorChainError: "Polkadot" at wss://rpc.polkadot.io is not a Bittensor (subtensor) chain: its runtime has no SubtensorModule pallet

      Pick the local devnet, Bittensor testnet or mainnet, or a custom endpoint of a subtensor node.

      Details: pallets: System, Balances, Staking]
    `)
  })
})

describe('createChainClient', () => {
  test('a network without an endpoint is an error status, not a hang', async () => {
    const client = createChainClient({ network: 'custom', customUrl: 'http://nope' })
    expect(client.status).toMatchObject({ state: 'error', message: 'No endpoint for this network' })
    await expect(client.api).rejects.toThrowError('No endpoint for this network')
  })

  test('connects to the devnet: status, properties (TAO/τ, 9, 42); a stopped node is "disconnected" and reads fail at once; close() ends it', async () => {
    const devnet = await startDevnet({ tmp: true, manualSeal: true, rpcPort: 0 })
    const client = createChainClient({ url: devnet.url })
    const seen: ChainStatus['state'][] = []
    client.onStatus((s) => seen.push(s.state))
    expect(client.status.state).toBe('connecting')
    expect(client.network).toBe('custom')
    await client.api
    expect(client.status.state).toBe('connected')
    expect(await client.properties).toEqual({ tokenSymbol: 'TAO', symbol: 'τ', decimals: 9, ss58: 42 })
    expect((await getBalance(client, { address: '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY' })).free).toBeGreaterThan(0n)

    await devnet.close()
    await new Promise<void>((resolve) => {
      if (client.status.state === 'disconnected') resolve()
      const off = client.onStatus((s) => s.state === 'disconnected' && (off(), resolve()))
    })
    expect(seen).toEqual(['connected', 'disconnected'])
    const error = await getBalance(client, { address: '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ChainDisconnectedError)
    expect((error as ChainDisconnectedError).shortMessage).toBe(`Not connected to the node at ${devnet.url}`)
    await client.close()
  })

  test('close() before connecting rejects the pending api with ClientClosedError', async () => {
    const client = createChainClient({ url: 'ws://127.0.0.1:1' })
    await client.close()
    await expect(client.api).rejects.toThrowError(ClientClosedError)
  })
})
