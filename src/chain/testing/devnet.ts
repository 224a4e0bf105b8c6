// For src/chain's tests: an in-process instant-seal devnet, a client on it, dev keys, and a started subnet with registered hotkeys.

import { Keyring } from '@polkadot/keyring'
import type { KeyringPair } from '@polkadot/keyring/types'
import { cryptoWaitReady } from '@polkadot/util-crypto'
import { startDevnet, type Devnet } from '../../node/devnet.ts'
import { createChainClient, type ChainClient } from '../client.ts'
import { registerNetwork } from '../actions/registerNetwork.ts'
import { startCall } from '../actions/startCall.ts'
import { burnedRegister } from '../actions/burnedRegister.ts'

export type TestChain = {
  devnet: Devnet
  client: ChainClient
  keyring: Keyring
  alice: KeyringPair
  bob: KeyringPair
  /** Seals `count` empty blocks through the node's `dev_newBlock`. */
  newBlocks(count?: number): Promise<void>
  close(): Promise<void>
}

/** `rpcPort` 0 (default) picks a free port; 9944 makes it the app's default `devnet` network. `relayPort` (0: a free one) also runs the libp2p relay. */
export async function startTestChain({ rpcPort = 0, relayPort }: { rpcPort?: number; relayPort?: number } = {}): Promise<TestChain> {
  await cryptoWaitReady()
  const devnet = await startDevnet({ tmp: true, instantSeal: true, rpcPort, relayPort, finalityDelayMs: 20 })
  const client = createChainClient({ url: devnet.url })
  const api = await client.api
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 })
  return {
    devnet,
    client,
    keyring,
    alice: keyring.addFromUri('//Alice'),
    bob: keyring.addFromUri('//Bob'),
    async newBlocks(count = 1) {
      await api.rpc('dev_newBlock' as never, { count } as never)
    },
    async close() {
      await client.close()
      await devnet.close()
    },
  }
}

/** Registers a subnet owned by `owner` (its owner hotkey `//<name>//owner`), starts it, and registers `hotkeys` more hotkeys; returns the netuid and hotkeys (UID order). */
export async function setupSubnet(chain: TestChain, owner: KeyringPair, { name = 'sn', hotkeys = 2 }: { name?: string; hotkeys?: number } = {}): Promise<{ netuid: number; hotkeys: KeyringPair[] }> {
  const ownerHotkey = chain.keyring.addFromUri(`//${name}//owner`)
  const registered = await (await registerNetwork(chain.client, { hotkey: ownerHotkey.address })).send(owner, { waitFor: 'inBlock' })
  const added = registered.events.find((e) => e.pallet === 'SubtensorModule' && e.name === 'NetworkAdded')
  const netuid = Number(added!.data[0])
  await (await startCall(chain.client, { netuid })).send(owner, { waitFor: 'inBlock' })
  const keys = [ownerHotkey]
  for (let i = 1; i <= hotkeys; i++) {
    const hotkey = chain.keyring.addFromUri(`//${name}//hot//${i}`)
    await (await burnedRegister(chain.client, { netuid, hotkey: hotkey.address })).send(owner, { waitFor: 'inBlock' })
    keys.push(hotkey)
  }
  return { netuid, hotkeys: keys }
}

/** Lifts the devnet's network registration rate limit (root, signed by the sudo key //Alice), so a test can register a second subnet. */
export async function liftNetworkRateLimit(chain: TestChain): Promise<void> {
  const api = await chain.client.api
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const tx = api.tx as any
  const { prepareTransaction } = await import('../internal/transaction.ts')
  const call = tx.sudo.sudo(tx.adminUtils.sudoSetNetworkRateLimit(0))
  await prepareTransaction(chain.client, api, { pallet: 'Sudo', name: 'sudo', args: {} }, call).send(chain.alice, { waitFor: 'inBlock' })
}
